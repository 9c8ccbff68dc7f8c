/** Strings of the administration's published price indices (/admin/indexes), French and English side by side (the catalogue's `admin.indexes`, merged in locales/admin.ts). */
const fr = {
  title: "Indices publiés",
  description: "Valeurs mensuelles des indices utilisés par les clauses d'indexation des prix contractuels.",
  caption: "Valeurs d'indices",
  empty: "Aucune valeur publiée.",
  columns: { index: "Indice", month: "Mois", value: "Valeur" },
  createTitle: "Enregistrer une valeur",
  fields: { indexCode: "Code de l'indice", month: "Mois", monthHint: "Format AAAA-MM, par exemple 2026-10.", value: "Valeur" },
  errors: { month: "Saisissez un mois au format AAAA-MM." },
};

const en: typeof fr = {
  title: "Published indices",
  description: "Monthly values of the indices used by the indexation clauses of contracted prices.",
  caption: "Index values",
  empty: "No published value.",
  columns: { index: "Index", month: "Month", value: "Value" },
  createTitle: "Record a value",
  fields: { indexCode: "Index code", month: "Month", monthHint: "Format YYYY-MM, for example 2026-10.", value: "Value" },
  errors: { month: "Enter a month as YYYY-MM." },
};

export const indexesMessages = { fr, en };
