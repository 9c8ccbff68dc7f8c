/** Strings of the case page's Summary section, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  summary: "Résumé",
  status: "Statut",
  nextStep: "Prochaine étape",
  waitsOn: "Attendu de",
  type: "Type",
  received: "Reçu le",
  channel: "Reçu par",
  channels: { portal: "Portail", email: "E-mail", api: "API", phone: "Téléphone", csv: "Import CSV" },
  contact: "Suivi par",
  amount: "Montant contesté (HT)",
  desiredOutcome: "Résultat souhaité",
  details: "Détails de la réclamation",
  description: "Description",
};

const en: typeof fr = {
  summary: "Summary",
  status: "Status",
  nextStep: "Next step",
  waitsOn: "Waiting on",
  type: "Type",
  received: "Received",
  channel: "Received through",
  channels: { portal: "Portal", email: "E-mail", api: "API", phone: "Phone", csv: "CSV import" },
  contact: "Followed by",
  amount: "Disputed amount (excl. VAT)",
  desiredOutcome: "Desired outcome",
  details: "Claim details",
  description: "Description",
};

export const summaryMessages = { fr, en };
