/** Strings of the case page's Evidence section, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  evidence: {
    title: "Pièces partagées",
    caption: "Pièces partagées du dossier",
    empty: "Aucune pièce partagée.",
    name: "Fichier",
    size: "Taille",
    added: "Ajouté le",
    by: "Par",
    download: "Télécharger {{name}}",
    uploadedBy: {
      customer: "Vous ou un collègue",
      staff: "Notre équipe",
      system: "Accord",
      api: "API",
    },
  },
};

const en: typeof fr = {
  evidence: {
    title: "Shared evidence",
    caption: "Shared evidence of the case",
    empty: "No shared evidence.",
    name: "File",
    size: "Size",
    added: "Added on",
    by: "By",
    download: "Download {{name}}",
    uploadedBy: {
      customer: "You or a colleague",
      staff: "Our team",
      system: "Accord",
      api: "API",
    },
  },
};

export const evidenceMessages = { fr, en };
