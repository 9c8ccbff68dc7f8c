/** Strings of the case page's undelivered e-mails block, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    undeliveredEmails: {
      title: "E-mails non remis",
      item: "E-mail non remis à {{to}} : {{reason}}",
      subject: "« {{subject}} », le {{date}}",
      reasons: {
        refused: "adresse refusée par le service d'envoi",
        bounced: "l'adresse n'existe pas ou refuse le courrier (rebond)",
        complained: "le destinataire a signalé nos e-mails comme indésirables",
        suppressed: "adresse bloquée après un rebond ou un signalement, aucun e-mail ne lui est plus envoyé",
        failed: "le service d'envoi est resté indisponible après toutes les tentatives",
      },
      detail: "Détail : {{error}}",
      hint: "Prévenez le client par un autre moyen (téléphone, autre contact).",
    },
  },
};

const en: typeof fr = {
  casePage: {
    undeliveredEmails: {
      title: "Undelivered e-mails",
      item: "E-mail not delivered to {{to}}: {{reason}}",
      subject: "“{{subject}}”, on {{date}}",
      reasons: {
        refused: "address refused by the e-mail service",
        bounced: "the address does not exist or refuses mail (bounce)",
        complained: "the recipient reported our e-mails as spam",
        suppressed: "address blocked after a bounce or a complaint; no e-mail goes to it any more",
        failed: "the e-mail service stayed unavailable through every attempt",
      },
      detail: "Detail: {{error}}",
      hint: "Reach the customer another way (phone, another contact).",
    },
  },
};

export const undeliveredEmailsMessages = { fr, en };
