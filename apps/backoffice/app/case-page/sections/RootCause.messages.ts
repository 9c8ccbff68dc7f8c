/** Strings of the case page's RootCause section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    rootCause: {
      code: "Cause racine",
      choose: "— Choisir —",
      analysis: "Analyse",
      submit: "Enregistrer la cause racine",
      current: "Cause actuelle : {{label}}",
      none: "Cause racine non établie.",
      error: { code: "Choisissez une cause de la liste." },
    },
  },
};

const en: typeof fr = {
  casePage: {
    rootCause: {
      code: "Root cause",
      choose: "— Choose —",
      analysis: "Analysis",
      submit: "Save the root cause",
      current: "Current cause: {{label}}",
      none: "Root cause not established.",
      error: { code: "Choose a cause from the list." },
    },
  },
};

export const rootCauseMessages = { fr, en };
