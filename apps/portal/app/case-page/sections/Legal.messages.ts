/** Strings of the case page's legal-department block, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  legal: {
    title: "Service juridique",
    handled: "Dossier traité par notre service juridique.",
    documents: "Documents transmis par notre service juridique",
  },
};

const en: typeof fr = {
  legal: {
    title: "Legal department",
    handled: "Case handled by our legal department.",
    documents: "Documents sent by our legal department",
  },
};

export const legalSectionMessages = { fr, en };
