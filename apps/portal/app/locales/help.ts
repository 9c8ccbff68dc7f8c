/** Strings of the portal's help (/help): published knowledge-base articles. */
const fr = {
  help: {
    nav: "Aide",
    title: "Aide",
    description: "Réponses aux questions fréquentes sur les réclamations et les litiges.",
    listLabel: "Articles d'aide",
    empty: "Aucun article d'aide pour le moment.",
    back: "Tous les articles",
    updated: "Mis à jour le {{date}}",
  },
};

const en: typeof fr = {
  help: {
    nav: "Help",
    title: "Help",
    description: "Answers to common questions about claims and disputes.",
    listLabel: "Help articles",
    empty: "No help article yet.",
    back: "All articles",
    updated: "Updated on {{date}}",
  },
};

export const helpMessages = { fr, en };
