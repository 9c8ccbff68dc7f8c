/** Strings of the administration's approval thresholds and escalation settings (/admin/thresholds), French and English side by side (the catalogue's `admin.thresholds`, merged in locales/admin.ts). */
const fr = {
  title: "Seuils d'approbation",
  description: "Au-delà du premier montant, une proposition doit être approuvée par un superviseur ; au-delà du second, aussi par la finance.",
  fields: { supervisorAbove: "Approbation superviseur au-delà de (€)", financeAbove: "Approbation finance au-delà de (€)" },
  errors: { order: "Le seuil finance doit être supérieur au seuil superviseur." },
  escalation: {
    title: "Escalade et relances",
    description: "Quand un dossier passe en alerte, quand relancer l'équipe ou le client, et après combien de jours de silence le dossier se clôt seul.",
    warningPercent: "Alerte à (% de l'objectif SLA)",
    inactivityBusinessDays: "Relance de l'équipe sans activité depuis (jours ouvrés)",
    customerReminderBusinessDays: "Relance du client sans réponse depuis (jours ouvrés)",
    autoCloseBusinessDays: "Clôture automatique après (jours ouvrés de silence)",
    autoCloseHint: "Vide = jamais.",
    closeResolvedAfterBusinessDays: "Clôture d'un dossier résolu sans nouveau message après (jours ouvrés)",
  },
};

const en: typeof fr = {
  title: "Approval thresholds",
  description: "Above the first amount a proposal needs a supervisor's approval; above the second, finance's too.",
  fields: { supervisorAbove: "Supervisor approval above (€)", financeAbove: "Finance approval above (€)" },
  errors: { order: "The finance threshold must be above the supervisor threshold." },
  escalation: {
    title: "Escalation and reminders",
    description: "When a case turns to warning, when to remind the team or the customer, and after how many days of silence a case closes by itself.",
    warningPercent: "Warning at (% of the SLA target)",
    inactivityBusinessDays: "Remind the team after no activity for (business days)",
    customerReminderBusinessDays: "Remind the customer after no answer for (business days)",
    autoCloseBusinessDays: "Close automatically after (business days of silence)",
    autoCloseHint: "Empty = never.",
    closeResolvedAfterBusinessDays: "Close a resolved case with no new message after (business days)",
  },
};

export const thresholdsMessages = { fr, en };
