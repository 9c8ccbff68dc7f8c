/** Strings of the case page's header (reference, merged case, read-only notice), under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  eyebrow: "Dossier {{reference}}",
  merged: {
    followed: "Ce dossier a été fusionné avec le dossier {{reference}} : il est désormais suivi sous cette référence.",
    colleague: "Le dossier {{reference}} a été ouvert par un collègue : demandez-lui ou à l'administrateur de votre compte de vous tenir informé.",
    open: "Ouvrir le dossier {{reference}}",
    sla: "Nos délais courent désormais dans le dossier {{reference}}.",
  },
  readOnly: "Vous consultez ce dossier en lecture seule.",
};

const en: typeof fr = {
  eyebrow: "Case {{reference}}",
  merged: {
    followed: "This case was merged into case {{reference}}: it is now followed under that reference.",
    colleague: "Case {{reference}} was opened by a colleague: ask them or your account's administrator to keep you informed.",
    open: "Open case {{reference}}",
    sla: "Our deadlines now run in case {{reference}}.",
  },
  readOnly: "You are viewing this case read-only.",
};

export const casePageMessages = { fr, en };
