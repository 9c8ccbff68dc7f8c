/** Strings of the administration's response templates (/admin/responses), French and English side by side (the catalogue's `admin.responses`, merged in locales/admin.ts). */
const fr = {
  title: "Modèles de réponse",
  description: "Textes types des réponses aux clients, en français et en anglais.",
  caption: "Modèles de réponse",
  empty: "Aucun modèle.",
  newItem: "Nouveau modèle",
  createTitle: "Nouveau modèle de réponse",
  editTitle: "Modifier « {{name}} »",
  columns: { name: "Nom", type: "Type de dossier", status: "Statut" },
  placeholders: "Variables disponibles : {{list}}.",
  fields: { name: "Nom", caseType: "Type de dossier", bodyFr: "Texte (français)", bodyEn: "Texte (anglais)", active: "Actif" },
  errors: { unknownPlaceholder: "Variable inconnue : seules customerName, reference et deadline sont permises, entre doubles accolades." },
};

const en: typeof fr = {
  title: "Response templates",
  description: "Standard replies to customers, in French and English.",
  caption: "Response templates",
  empty: "No template.",
  newItem: "New template",
  createTitle: "New response template",
  editTitle: "Edit “{{name}}”",
  columns: { name: "Name", type: "Case type", status: "Status" },
  placeholders: "Available placeholders: {{list}}.",
  fields: { name: "Name", caseType: "Case type", bodyFr: "Text (French)", bodyEn: "Text (English)", active: "Active" },
  errors: { unknownPlaceholder: "Unknown placeholder: only customerName, reference and deadline are allowed, in double braces." },
};

export const responsesMessages = { fr, en };
