/** Strings of the case page's Summary section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    disputedLabel: "Montant contesté",
    customerLabel: "Client",
    nav: { label: "Parties du dossier", actions: "Actions", conversation: "Échanges", instruction: "Instruction", context: "Client", timeline: "Historique" },
    title: "Dossier {{reference}}",
    back: "Retour à la file",
    receivedLabel: "Reçu le",
    channel: "Canal : {{channel}}",
    kind: { claim: "Réclamation", dispute: "Litige" },
    priorityLabel: "Priorité",
    statusLabel: "Statut",
    kindLabel: "Nature",
    assignee: "Assigné à",
    team: "Équipe",
    unassigned: "Non assigné",
    noTeam: "Aucune équipe",
    mergedInto: "Ce dossier est un doublon de {{reference}}.",
    warnings: {
      title: "Points d'attention sur la recevabilité",
      claim_after_deadline_one: "Réclamation déposée {{count}} jour après le délai contractuel (livraison le {{deliveryDate}}, échéance le {{deadline}}).",
      claim_after_deadline_other: "Réclamation déposée {{count}} jours après le délai contractuel (livraison le {{deliveryDate}}, échéance le {{deadline}}).",
      delivery_note_signed_without_reservation: "Le bon de livraison a été signé sans réserve.",
    },
  },
};

const en: typeof fr = {
  casePage: {
    disputedLabel: "Disputed amount",
    customerLabel: "Customer",
    nav: { label: "Parts of the case", actions: "Actions", conversation: "Conversation", instruction: "Investigation", context: "Customer", timeline: "History" },
    title: "Case {{reference}}",
    back: "Back to the queue",
    receivedLabel: "Received on",
    channel: "Channel: {{channel}}",
    kind: { claim: "Claim", dispute: "Dispute" },
    priorityLabel: "Priority",
    statusLabel: "Status",
    kindLabel: "Kind",
    assignee: "Assigned to",
    team: "Team",
    unassigned: "Unassigned",
    noTeam: "No team",
    mergedInto: "This case is a duplicate of {{reference}}.",
    warnings: {
      title: "Admissibility warnings",
      claim_after_deadline_one: "Claim filed {{count}} day after the contractual deadline (delivered on {{deliveryDate}}, deadline {{deadline}}).",
      claim_after_deadline_other: "Claim filed {{count}} days after the contractual deadline (delivered on {{deliveryDate}}, deadline {{deadline}}).",
      delivery_note_signed_without_reservation: "The delivery note was signed without reservation.",
    },
  },
};

export const summaryMessages = { fr, en };
