/** Strings of the case page's Messages section, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  messages: {
    title: "Messages",
    empty: "Aucun message pour le moment.",
    from: {
      customer: "{{name}}",
      staff: "{{name}} (notre équipe)",
      system: "Accord",
      api: "API",
    },
    attachments: "Pièces jointes",
    articles: "Articles d'aide :",
    reply: {
      title: "Écrire un message",
      text: "Votre message",
      files: "Pièces jointes",
      submit: "Envoyer",
    },
  },
};

const en: typeof fr = {
  messages: {
    title: "Messages",
    empty: "No message yet.",
    from: {
      customer: "{{name}}",
      staff: "{{name}} (our team)",
      system: "Accord",
      api: "API",
    },
    attachments: "Attachments",
    articles: "Help articles:",
    reply: {
      title: "Write a message",
      text: "Your message",
      files: "Attachments",
      submit: "Send",
    },
  },
};

export const messagesMessages = { fr, en };
