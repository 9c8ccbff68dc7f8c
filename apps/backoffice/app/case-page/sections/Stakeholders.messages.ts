/** Strings of the case page's Stakeholders section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    stakeholders: {
      groupsLegend: "Destinataires par fonction",
      groups: { sales: "Commercial", operations: "Opérations", finance: "Finance", legal: "Juridique" },
      teamsLegend: "ou par équipe",
      message: "Message",
      submit: "Informer",
      error: { group: "Fonction inconnue.", nobody: "Choisissez au moins un destinataire (fonction ou équipe) qui compte un collaborateur actif." },
      nobodyHolds: {
        sales: "Aucun autre collaborateur actif ne tient la fonction « Commercial » : personne ne serait informé.",
        operations: "Aucun autre collaborateur actif ne tient la fonction « Opérations » : personne ne serait informé.",
        finance: "Aucun autre collaborateur actif ne tient la fonction « Finance » : personne ne serait informé.",
        legal: "Aucun autre collaborateur actif ne tient la fonction « Juridique » : personne ne serait informé.",
      },
      nobodyInTeams: "Aucun autre collaborateur actif dans : {{teams}}. Personne ne serait informé.",
    },
  },
};

const en: typeof fr = {
  casePage: {
    stakeholders: {
      groupsLegend: "Recipients by function",
      groups: { sales: "Sales", operations: "Operations", finance: "Finance", legal: "Legal" },
      teamsLegend: "or by team",
      message: "Message",
      submit: "Notify",
      error: { group: "Unknown function.", nobody: "Choose at least one recipient (function or team) with an active colleague." },
      nobodyHolds: {
        sales: "No other active colleague holds the “Sales” function: nobody would be notified.",
        operations: "No other active colleague holds the “Operations” function: nobody would be notified.",
        finance: "No other active colleague holds the “Finance” function: nobody would be notified.",
        legal: "No other active colleague holds the “Legal” function: nobody would be notified.",
      },
      nobodyInTeams: "No other active colleague in: {{teams}}. Nobody would be notified.",
    },
  },
};

export const stakeholdersMessages = { fr, en };
