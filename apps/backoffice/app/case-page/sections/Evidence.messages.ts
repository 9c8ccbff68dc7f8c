/** Strings of the case page's Evidence section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    evidence: {
      caption: "Pièces du dossier",
      file: "Fichier",
      by: "Déposé par",
      date: "Date",
      visibility: "Visibilité",
      visibilities: { public: "Partagée avec le client", internal: "Interne" },
      none: "Aucune pièce.",
      add: "Ajouter des pièces",
      files: "Fichiers",
      visibilityLegend: "Visibilité des fichiers",
      submit: "Ajouter les pièces",
      download: "Télécharger {{name}}",
      error: { visibility: "Choisissez la visibilité.", noFile: "Choisissez au moins un fichier." },
    },
  },
};

const en: typeof fr = {
  casePage: {
    evidence: {
      caption: "Evidence of the case",
      file: "File",
      by: "Uploaded by",
      date: "Date",
      visibility: "Visibility",
      visibilities: { public: "Shared with the customer", internal: "Internal" },
      none: "No evidence.",
      add: "Add evidence",
      files: "Files",
      visibilityLegend: "Visibility of the files",
      submit: "Add the evidence",
      download: "Download {{name}}",
      error: { visibility: "Choose the visibility.", noFile: "Choose at least one file." },
    },
  },
};

export const evidenceMessages = { fr, en };
