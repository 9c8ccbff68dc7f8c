/**
 * Strings of the claim confirmation page (journeys 1 and 3), French and English. Merged in ./index.ts.
 * The form's own strings (`claims.new.*`) and the claim schema's messages (`claim.error.*`) are shared
 * with the back-office: packages/ui/src/locales/{claim-form,case-errors}.ts.
 */
const fr = {
  claims: {
    report: "Signaler un problème",
    reportOnInvoice: "Signaler un problème sur la facture {{number}}",
    submitted: {
      eyebrow: "Réclamation envoyée",
      title: "Merci, nous avons bien reçu votre réclamation",
      referenceLabel: "Votre référence",
      referenceHint: "Rappelez-la dans vos échanges avec nous.",
      commitmentTitle: "Notre engagement",
      firstResponse: "Première réponse sous {{duration}}",
      resolution: "Résolution visée sous {{duration}}",
      firstResponseDue: "soit au plus tard le {{date}}",
      noCommitment: "Votre dossier sera traité dans les meilleurs délais.",
      nextTitle: "La suite",
      next: {
        email: "Un accusé de réception vient d'être envoyé à {{email}}.",
        qualify: "Un membre de notre équipe qualifie votre dossier et vous répond dans le délai ci-dessus.",
        requests: "S'il nous manque une information, nous vous la demanderons sur le portail et par e-mail ; le délai est alors suspendu jusqu'à votre réponse.",
        follow: "Vous suivez chaque étape depuis la page du dossier.",
      },
      openCase: "Voir le dossier {{reference}}",
      another: "Signaler un autre problème",
      home: "Retour à l'accueil",
    },
    duration: {
      business_days_one: "{{value}} jour ouvré",
      business_days_other: "{{value}} jours ouvrés",
      business_hours_one: "{{value}} heure ouvrée",
      business_hours_other: "{{value}} heures ouvrées",
    },
  },
};

const en: typeof fr = {
  claims: {
    report: "Report a problem",
    reportOnInvoice: "Report a problem with invoice {{number}}",
    submitted: {
      eyebrow: "Claim sent",
      title: "Thank you, we have received your claim",
      referenceLabel: "Your reference",
      referenceHint: "Please quote it when you contact us.",
      commitmentTitle: "Our commitment",
      firstResponse: "First response within {{duration}}",
      resolution: "Resolution targeted within {{duration}}",
      firstResponseDue: "that is by {{date}} at the latest",
      noCommitment: "Your case will be handled as soon as possible.",
      nextTitle: "What happens next",
      next: {
        email: "An acknowledgement has just been sent to {{email}}.",
        qualify: "A member of our team qualifies your case and answers you within the time above.",
        requests: "If we need more information, we will ask for it in the portal and by e-mail; the clock then stops until you answer.",
        follow: "You follow every step from the case page.",
      },
      openCase: "View case {{reference}}",
      another: "Report another problem",
      home: "Back to the home page",
    },
    duration: {
      business_days_one: "{{value}} business day",
      business_days_other: "{{value}} business days",
      business_hours_one: "{{value}} business hour",
      business_hours_other: "{{value}} business hours",
    },
  },
};

export const claimsMessages = { fr, en };
