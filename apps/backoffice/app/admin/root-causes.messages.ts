/** Strings of the administration's root-cause taxonomy (/admin/root-causes), French and English side by side (the catalogue's `admin.rootCauses`, merged in locales/admin.ts). */
const fr = {
  title: "Causes racines",
  description: "La taxonomie proposée aux chargés de litiges ; une cause désactivée reste sur les dossiers qui l'ont.",
  caption: "Causes racines, dans l'ordre",
  columns: { code: "Code", labelFr: "Libellé (français)", labelEn: "Libellé (anglais)", category: "Catégorie", status: "Statut", order: "Ordre" },
  up: "Monter",
  down: "Descendre",
  upLabel: "Monter {{name}}",
  downLabel: "Descendre {{name}}",
  deactivateLabel: "Désactiver {{name}}",
  reactivateLabel: "Réactiver {{name}}",
  createTitle: "Nouvelle cause racine",
  editTitle: "Renommer « {{name}} »",
  fields: { code: "Code", codeHint: "Minuscules, chiffres et _ ; ne change plus ensuite.", labelFr: "Libellé (français)", labelEn: "Libellé (anglais)", category: "Catégorie (facultative)" },
  errors: { codeFormat: "Minuscules, chiffres et _ uniquement (ex. : retard_livraison)." },
};

const en: typeof fr = {
  title: "Root causes",
  description: "The taxonomy offered to case handlers; a deactivated cause stays on the cases that have it.",
  caption: "Root causes, in order",
  columns: { code: "Code", labelFr: "Label (French)", labelEn: "Label (English)", category: "Category", status: "Status", order: "Order" },
  up: "Up",
  down: "Down",
  upLabel: "Move {{name}} up",
  downLabel: "Move {{name}} down",
  deactivateLabel: "Deactivate {{name}}",
  reactivateLabel: "Reactivate {{name}}",
  createTitle: "New root cause",
  editTitle: "Rename “{{name}}”",
  fields: { code: "Code", codeHint: "Lower-case letters, digits and _; it cannot change later.", labelFr: "Label (French)", labelEn: "Label (English)", category: "Category (optional)" },
  errors: { codeFormat: "Lower-case letters, digits and _ only (e.g. late_delivery)." },
};

export const rootCausesMessages = { fr, en };
