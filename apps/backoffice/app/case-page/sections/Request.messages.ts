/** Strings of the case page's Request section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    details: { title: "Détails de la réclamation" },
  },
};

const en: typeof fr = {
  casePage: {
    details: { title: "Claim details" },
  },
};

export const requestMessages = { fr, en };
