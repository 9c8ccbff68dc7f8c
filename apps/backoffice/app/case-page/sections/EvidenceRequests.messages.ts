/** Strings of the case page's EvidenceRequests section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    evidenceRequests: {
      items: "Pièces demandées (une par ligne)",
      message: "Message au client (facultatif)",
      dueDate: "À fournir avant le",
      submit: "Envoyer la demande",
      hint: "Le dossier attend le client et son délai SLA est suspendu jusqu'à sa réponse.",
      none: "Aucune demande.",
      status: { open: "En attente", answered: "Répondue", cancelled: "Annulée" },
      requestedBy: "Demandée par {{name}} le {{date}}",
      answeredAt: "Réponse le {{date}}",
      due: "Échéance : {{date}}",
      notNow: "Une demande de pièces est possible quand le dossier est en instruction ou attend déjà le client.",
    },
  },
};

const en: typeof fr = {
  casePage: {
    evidenceRequests: {
      items: "Evidence requested (one per line)",
      message: "Message to the customer (optional)",
      dueDate: "To provide by",
      submit: "Send the request",
      hint: "The case waits on the customer and its SLA clock is paused until they answer.",
      none: "No request.",
      status: { open: "Waiting", answered: "Answered", cancelled: "Cancelled" },
      requestedBy: "Requested by {{name}} on {{date}}",
      answeredAt: "Answered on {{date}}",
      due: "Due: {{date}}",
      notNow: "Evidence can be requested while the case is under investigation or already waiting on the customer.",
    },
  },
};

export const evidenceRequestsMessages = { fr, en };
