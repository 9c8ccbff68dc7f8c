/** Strings of the administration's approval thresholds and escalation settings (/admin/thresholds), French and English side by side (the catalogue's `admin.thresholds`, merged in locales/admin.ts). */
const fr = {
  title: "Seuils d'approbation",
  description: "Au-delà du premier montant, une proposition doit être approuvée par un superviseur ; au-delà du second, aussi par la finance.",
  fields: { supervisorAbove: "Approbation superviseur au-delà de (€)", financeAbove: "Approbation finance au-delà de (€)" },
  escalation: {
    title: "Escalade et relances",
    description: "Quand un dossier passe en alerte, quand relancer l'équipe ou le client, et après combien de jours de silence le dossier se clôt seul.",
    warningPercent: "Alerte à (% de l'objectif SLA)",
    inactivityBusinessDays: "Relance de l'équipe sans activité depuis (jours ouvrés)",
    customerReminderBusinessDays: "Première relance du client sans réponse depuis (jours ouvrés)",
    customerSecondReminderBusinessDays: "Seconde relance du client après la première (jours ouvrés)",
    autoCloseBusinessDays: "Demande de pièces sans réponse : clôture comme abandonné après la seconde relance (jours ouvrés)",
    autoCloseHint: "Vide = rien (l'agent décide). Une proposition sans réponse expire à sa date limite.",
    closeResolvedAfterBusinessDays: "Clôture d'un dossier résolu sans nouveau message après (jours ouvrés)",
    preDueReminderEnabled: "Rappel aux clients avant l'échéance de leurs factures",
    preDueReminderOn: "Activé",
    preDueReminderOff: "Désactivé",
    preDueReminderDays: "Rappel envoyé (jours avant l'échéance)",
  },
  kpi: {
    title: "Indicateurs : coûts et fenêtres",
    description: "Les valeurs avec lesquelles le tableau de bord calcule le coût par litige, les frais de justice évités, l'attrition après un litige et l'efficacité des actions correctives.",
    hourlyCost: "Coût horaire chargé d'un collaborateur (€)",
    litigationCost: "Coût moyen d'un dossier contentieux (€)",
    churnWindowDays: "Client perdu sans facture dans les (jours suivant la résolution)",
    correctiveWindowDays: "Récurrences comptées avant et après une action corrective (jours)",
  },
  errors: {
    order: "Le seuil finance doit être supérieur au seuil superviseur.",
    warningPercent: "L'alerte doit être entre 1 et 99 % de l'objectif.",
    negativeDays: "Un nombre de jours ne peut pas être négatif.",
  },
};

const en: typeof fr = {
  title: "Approval thresholds",
  description: "Above the first amount a proposal needs a supervisor's approval; above the second, finance's too.",
  fields: { supervisorAbove: "Supervisor approval above (€)", financeAbove: "Finance approval above (€)" },
  escalation: {
    title: "Escalation and reminders",
    description: "When a case turns to warning, when to remind the team or the customer, and after how many days of silence a case closes by itself.",
    warningPercent: "Warning at (% of the SLA target)",
    inactivityBusinessDays: "Remind the team after no activity for (business days)",
    customerReminderBusinessDays: "First reminder to a customer who has not answered, after (business days)",
    customerSecondReminderBusinessDays: "Second reminder to the customer, after the first (business days)",
    autoCloseBusinessDays: "Unanswered evidence request: close as abandoned after the second reminder (business days)",
    autoCloseHint: "Empty = nothing (the agent decides). An unanswered proposal expires on its last day.",
    closeResolvedAfterBusinessDays: "Close a resolved case with no new message after (business days)",
    preDueReminderEnabled: "Remind customers before their invoices fall due",
    preDueReminderOn: "On",
    preDueReminderOff: "Off",
    preDueReminderDays: "Reminder sent (days before the due date)",
  },
  kpi: {
    title: "Indicators: costs and windows",
    description: "The values the dashboard computes the cost per dispute, the legal costs avoided, churn after a dispute and corrective-action effectiveness with.",
    hourlyCost: "Loaded hourly cost of a staff member (€)",
    litigationCost: "Average cost of a litigated case (€)",
    churnWindowDays: "Customer lost with no invoice within (days after the resolution)",
    correctiveWindowDays: "Recurrences counted before and after a corrective action (days)",
  },
  errors: {
    order: "The finance threshold must be above the supervisor threshold.",
    warningPercent: "The warning must be between 1 and 99 % of the target.",
    negativeDays: "A number of days cannot be negative.",
  },
};

export const thresholdsMessages = { fr, en };
