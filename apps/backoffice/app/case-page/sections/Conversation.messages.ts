/** Strings of the case page's Conversation section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    conversation: {
      none: "Aucun échange.",
      public: "Réponse au client",
      internal: "Note interne",
      customer: "Client",
      from: "{{name}}, le {{date}}",
      articles: "Articles liés :",
      replyTitle: "Répondre au client",
      replyBody: "Réponse (envoyée au client par e-mail et visible sur le portail)",
      template: "Modèle de réponse",
      noTemplate: "— Aucun modèle —",
      useTemplate: "Insérer le modèle",
      templatesHint: "Variables remplacées dans la langue du client : {{placeholders}}. Une variable sans valeur pour ce dossier reste telle quelle : remplacez-la avant l'envoi.",
      articlesLegend: "Articles d'aide à joindre",
      attachments: "Pièces jointes partagées avec le client",
      sendReply: "Envoyer la réponse",
      noteTitle: "Note interne",
      noteBody: "Note (visible uniquement par l'équipe, jamais envoyée au client)",
      addNote: "Ajouter la note interne",
    },
    reply: {
      error: {
        article: "Cet article n'existe pas ou n'est pas publié.",
        placeholder: "Remplacez {{placeholders}} par le texte voulu : ce dossier n'a pas de valeur pour cette variable.",
      },
    },
  },
};

const en: typeof fr = {
  casePage: {
    conversation: {
      none: "No message.",
      public: "Reply to the customer",
      internal: "Internal note",
      customer: "Customer",
      from: "{{name}}, on {{date}}",
      articles: "Linked articles:",
      replyTitle: "Reply to the customer",
      replyBody: "Reply (e-mailed to the customer and shown in the portal)",
      template: "Response template",
      noTemplate: "— No template —",
      useTemplate: "Insert the template",
      templatesHint: "Placeholders filled in the customer's language: {{placeholders}}. One this case has no value for stays as written: replace it before sending.",
      articlesLegend: "Help articles to link",
      attachments: "Attachments shared with the customer",
      sendReply: "Send the reply",
      noteTitle: "Internal note",
      noteBody: "Note (seen by the team only, never sent to the customer)",
      addNote: "Add the internal note",
    },
    reply: {
      error: {
        article: "This article does not exist or is not published.",
        placeholder: "Replace {{placeholders}} with the text you mean: this case has no value for it.",
      },
    },
  },
};

export const conversationMessages = { fr, en };
