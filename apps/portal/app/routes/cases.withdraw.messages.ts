/** Strings of the withdrawal's confirmation page, under `cases`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  withdraw: {
    title: "Retirer le dossier {{reference}} ?",
    description: "Le dossier ne sera plus instruit et le délai de traitement s'arrête. Ce retrait est définitif ; l'historique reste consultable.",
    reason: "Motif du retrait",
    reasonHint: "Par exemple : marchandise retrouvée, avoir déjà reçu.",
    submit: "Oui, retirer le dossier",
    cancel: "Annuler",
  },
};

const en: typeof fr = {
  withdraw: {
    title: "Withdraw case {{reference}}?",
    description: "The case will no longer be investigated and its processing deadline stops. The withdrawal is final; the history stays available.",
    reason: "Reason for withdrawing",
    reasonHint: "For example: goods found, credit note already received.",
    submit: "Yes, withdraw the case",
    cancel: "Cancel",
  },
};

export const withdrawMessages = { fr, en };
