/** Strings of the case page's « Communication proactive » block, French and English side by side (merged in locales/corrective.ts). */
const fr = {
  casePage: {
    sections: { proactiveNotice: "Communication proactive" },
    proactive: {
      intro: "Lot concerné : {{lots}}. Les autres clients qui ont reçu ce lot peuvent être prévenus avant de réclamer.",
      notQuality: "Lot connu ({{lots}}) : la communication proactive est proposée quand la cause racine est une cause qualité.",
      caption: "Clients ayant reçu le lot {{lot}}",
      none: "Aucun autre client n'a reçu le lot {{lot}}.",
      account: "Client",
      lines: "Lignes de facture",
      line: "Facture {{invoice}}, ligne {{line}} : {{description}}",
      recipients: "Destinataires",
      noRecipient: "Personne n'accepte ces e-mails",
      notice: "Communication",
      sentOn: "Envoyée le {{date}} par {{name}} ({{count}} destinataire(s))",
      notSent: "Pas encore envoyée",
      accounts: "Clients à prévenir",
      message: "Message",
      defaultMessage:
        "Par précaution, nous vous informons qu'une anomalie de qualité a été constatée sur le lot {{lot}}. Nous vous invitons à vérifier les produits de ce lot encore en stock et à nous signaler tout problème : nous reprenons sans frais les produits non conformes.",
      submit: "Envoyer la communication",
    },
  },
};

const en: typeof fr = {
  casePage: {
    sections: { proactiveNotice: "Proactive notice" },
    proactive: {
      intro: "Lot concerned: {{lots}}. The other customers who received this lot can be told before they complain.",
      notQuality: "Lot known ({{lots}}): a proactive notice is offered when the root cause is a quality one.",
      caption: "Customers who received lot {{lot}}",
      none: "No other customer received lot {{lot}}.",
      account: "Customer",
      lines: "Invoice lines",
      line: "Invoice {{invoice}}, line {{line}}: {{description}}",
      recipients: "Recipients",
      noRecipient: "Nobody accepts these e-mails",
      notice: "Notice",
      sentOn: "Sent on {{date}} by {{name}} ({{count}} recipient(s))",
      notSent: "Not sent yet",
      accounts: "Customers to notify",
      message: "Message",
      defaultMessage:
        "As a precaution, we inform you that a quality issue was found on lot {{lot}}. Please check the products of this lot you still hold and report any problem to us: we take back non-compliant products free of charge.",
      submit: "Send the notice",
    },
  },
};

export const proactiveNoticeMessages = { fr, en };
