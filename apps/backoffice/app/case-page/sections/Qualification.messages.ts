/** Strings of the case page's Qualification section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    impact: {
      title: "Score d'impact : {{score}} / 100",
      implies: "Priorité suggérée : {{priority}}",
      caption: "Facteurs du score d'impact",
      factor: "Facteur",
      detail: "Valeur",
      points: "Points",
      factors: {
        amount: "Montant contesté",
        revenueShare: "Part du chiffre d'affaires",
        penaltyClause: "Clause de pénalités",
        tier: "Segment du client",
        recurrence: "Récurrence",
      },
      yes: "Oui",
      no: "Non",
      unknown: "Inconnue",
      percent: "{{value}} %",
      outOf: "{{points}} / {{weight}}",
      count_one: "{{count}} dossier",
      count_other: "{{count}} dossiers",
    },
    qualify: {
      type: "Type de dossier",
      priority: "Priorité",
      priorityHint: "Proposée d'après le score d'impact ; vous pouvez la modifier.",
      team: "Équipe",
      assignee: "Assigné à",
      submitReceived: "Qualifier le dossier",
      submit: "Enregistrer la qualification",
      error: { type: "Choisissez un type de dossier.", priority: "Choisissez une priorité." },
    },
    assign: {
      submit: "Enregistrer l'affectation",
      error: {
        team: "Cette équipe n'existe pas.",
        assignee: "Ce collaborateur n'existe pas ou n'est plus actif.",
        reassignForbidden: "Seul un superviseur peut réaffecter le dossier d'un collègue.",
      },
    },
  },
};

const en: typeof fr = {
  casePage: {
    impact: {
      title: "Impact score: {{score}} / 100",
      implies: "Suggested priority: {{priority}}",
      caption: "Factors of the impact score",
      factor: "Factor",
      detail: "Value",
      points: "Points",
      factors: {
        amount: "Disputed amount",
        revenueShare: "Share of revenue",
        penaltyClause: "Penalty clause",
        tier: "Customer tier",
        recurrence: "Recurrence",
      },
      yes: "Yes",
      no: "No",
      unknown: "Unknown",
      percent: "{{value}}%",
      outOf: "{{points}} / {{weight}}",
      count_one: "{{count}} case",
      count_other: "{{count}} cases",
    },
    qualify: {
      type: "Case type",
      priority: "Priority",
      priorityHint: "Suggested from the impact score; you may change it.",
      team: "Team",
      assignee: "Assigned to",
      submitReceived: "Qualify the case",
      submit: "Save the qualification",
      error: { type: "Choose a case type.", priority: "Choose a priority." },
    },
    assign: {
      submit: "Save the assignment",
      error: {
        team: "This team does not exist.",
        assignee: "This colleague does not exist or is no longer active.",
        reassignForbidden: "Only a supervisor may reassign a colleague's case.",
      },
    },
  },
};

export const qualificationMessages = { fr, en };
