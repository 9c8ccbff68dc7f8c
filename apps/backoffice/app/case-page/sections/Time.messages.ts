/** Strings of the case page's Time section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    time: {
      caption: "Temps saisi",
      minutes: "Durée (minutes)",
      spentOn: "Date",
      note: "Commentaire",
      submit: "Enregistrer le temps",
      total: "Total : {{time}}",
      byStaff: "Par collaborateur",
      none: "Aucun temps saisi.",
      staff: "Collaborateur",
      error: { minutes: "Saisissez une durée entre 1 et 1440 minutes.", future: "Cette date est dans le futur." },
    },
  },
};

const en: typeof fr = {
  casePage: {
    time: {
      caption: "Time logged",
      minutes: "Duration (minutes)",
      spentOn: "Date",
      note: "Comment",
      submit: "Log the time",
      total: "Total: {{time}}",
      byStaff: "Per colleague",
      none: "No time logged.",
      staff: "Colleague",
      error: { minutes: "Enter a duration between 1 and 1440 minutes.", future: "This date is in the future." },
    },
  },
};

export const timeMessages = { fr, en };
