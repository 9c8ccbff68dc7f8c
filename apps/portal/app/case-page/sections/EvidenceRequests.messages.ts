/** Strings of the case page's EvidenceRequests section, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  requests: {
    title: "Pièces demandées",
    empty: "Aucune demande de pièces.",
    open: "À fournir",
    answered: "Répondu le {{date}}",
    due: "À fournir avant le {{date}}",
    requestedOn: "Demandé le {{date}}",
    items: "Éléments demandés",
    message: "Message de notre équipe",
    yourAnswer: "Votre réponse",
    files: "Fichiers envoyés",
    answer: {
      legend: "Répondre à la demande du {{date}}",
      text: "Votre réponse",
      files: "Pièces jointes",
      submit: "Envoyer ma réponse",
    },
  },
};

const en: typeof fr = {
  requests: {
    title: "Evidence requested",
    empty: "No request for evidence.",
    open: "To provide",
    answered: "Answered on {{date}}",
    due: "To provide by {{date}}",
    requestedOn: "Requested on {{date}}",
    items: "Items requested",
    message: "Message from our team",
    yourAnswer: "Your answer",
    files: "Files sent",
    answer: {
      legend: "Answer the request of {{date}}",
      text: "Your answer",
      files: "Attachments",
      submit: "Send my answer",
    },
  },
};

export const evidenceRequestsMessages = { fr, en };
