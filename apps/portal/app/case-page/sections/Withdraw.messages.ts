/** Strings of the case page's Withdraw section, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  withdraw: {
    title: "Retirer le dossier",
    description: "Si le problème est réglé ou si la réclamation n'a plus lieu d'être, vous pouvez retirer ce dossier. Il ne sera plus instruit.",
    link: "Retirer ce dossier…",
  },
};

const en: typeof fr = {
  withdraw: {
    title: "Withdraw the case",
    description: "If the problem is settled or the claim no longer applies, you can withdraw this case. It will no longer be investigated.",
    link: "Withdraw this case…",
  },
};

export const withdrawSectionMessages = { fr, en };
