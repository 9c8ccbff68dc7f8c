/** Strings of the administration's undelivered e-mails (/admin/undelivered), French and English side by side (the catalogue's `admin.undelivered`, merged in locales/admin.ts). */
const fr = {
  title: "E-mails non remis",
  description:
    "Les e-mails refusés par le service d'envoi, revenus en rebond, signalés comme indésirables, adressés à une adresse bloquée, ou abandonnés après la dernière tentative — les plus récents d'abord ({{limit}} au plus).",
  caption: "E-mails non remis",
  empty: "Aucun e-mail non remis.",
  columns: { at: "Date", to: "Destinataire", subject: "Objet", reason: "Raison", case: "Dossier", detail: "Détail" },
  reasons: {
    refused: "Refusé",
    bounced: "Rebond",
    complained: "Signalé comme indésirable",
    suppressed: "Adresse bloquée",
    failed: "Service indisponible",
  },
};

const en: typeof fr = {
  title: "Undelivered e-mails",
  description:
    "E-mails refused by the e-mail service, bounced, reported as spam, sent to a blocked address, or given up after the last attempt — newest first (at most {{limit}}).",
  caption: "Undelivered e-mails",
  empty: "No undelivered e-mail.",
  columns: { at: "Date", to: "Recipient", subject: "Subject", reason: "Reason", case: "Case", detail: "Detail" },
  reasons: {
    refused: "Refused",
    bounced: "Bounced",
    complained: "Reported as spam",
    suppressed: "Blocked address",
    failed: "Service unavailable",
  },
};

export const undeliveredMessages = { fr, en };
