/** Strings of the case page's « Actions correctives » section, French and English side by side (merged in locales/corrective.ts). */
const fr = {
  casePage: {
    sections: { correctiveActions: "Actions correctives" },
    correctiveActions: {
      caption: "Actions correctives du dossier",
      none: "Aucune action corrective.",
      needRootCause: "Établissez d'abord la cause racine : une action corrective la supprime.",
      title: "Action",
      description: "Description",
      owner: "Responsable",
      dueDate: "Échéance",
      status: "Statut",
      statuses: { open: "À faire", done: "Faite", waived: "Abandonnée" },
      overdue: "En retard",
      doneOn: "Faite le {{date}} par {{name}}",
      waivedBecause: "Motif : {{reason}}",
      effectiveness: "Efficacité",
      effect: {
        not_applicable: "—",
        pending: "En cours de mesure : {{before}} récurrence(s) dans les 90 jours avant, {{after}} depuis (mesurée le {{date}})",
        measured: "{{before}} récurrence(s) dans les 90 jours avant, {{after}} dans les 90 jours après",
        reduction: "({{percent}} %)",
      },
      complete: "Marquer comme faite",
      completeLabel: "l'action « {{title}} »",
      waive: "Abandonner",
      waiveReason: "Motif de l'abandon",
      waiveSubmit: "Confirmer l'abandon",
      reopen: "Rouvrir",
      add: "Ajouter une action corrective",
      chooseOwner: "— Choisir —",
      submit: "Ajouter l'action",
    },
  },
};

const en: typeof fr = {
  casePage: {
    sections: { correctiveActions: "Corrective actions" },
    correctiveActions: {
      caption: "Corrective actions of the case",
      none: "No corrective action.",
      needRootCause: "Set the root cause first: a corrective action removes it.",
      title: "Action",
      description: "Description",
      owner: "Owner",
      dueDate: "Due",
      status: "Status",
      statuses: { open: "To do", done: "Done", waived: "Waived" },
      overdue: "Overdue",
      doneOn: "Done on {{date}} by {{name}}",
      waivedBecause: "Reason: {{reason}}",
      effectiveness: "Effectiveness",
      effect: {
        not_applicable: "—",
        pending: "Being measured: {{before}} recurrence(s) in the 90 days before, {{after}} since (measured on {{date}})",
        measured: "{{before}} recurrence(s) in the 90 days before, {{after}} in the 90 days after",
        reduction: "({{percent}} %)",
      },
      complete: "Mark as done",
      completeLabel: "the action “{{title}}”",
      waive: "Waive",
      waiveReason: "Reason for waiving",
      waiveSubmit: "Confirm the waiver",
      reopen: "Reopen",
      add: "Add a corrective action",
      chooseOwner: "— Choose —",
      submit: "Add the action",
    },
  },
};

export const correctiveActionsMessages = { fr, en };
