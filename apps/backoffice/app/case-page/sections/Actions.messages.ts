/** Strings of the case page's Actions section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    actions: {
      none: "Aucune action possible dans ce statut.",
      notPermitted: "Actions de ce statut réservées à d'autres rôles : {{commands}}",
      startInvestigation: "Démarrer l'instruction",
      startInvestigationHint: "Crée les tâches de la check-list du type de dossier.",
      promote: "Transformer en litige",
      promoteReason: "Motif du passage en litige",
      reject: "Rejeter comme non fondé",
      rejectReasons: "Motifs du rejet (un par ligne)",
      rejectHint: "Les motifs sont envoyés au client par e-mail.",
      merge: "Marquer comme doublon et fusionner",
      mergeOriginal: "Référence du dossier original",
      mergeHint: "Les messages et les pièces sont déplacés vers l'original ; le client est informé.",
    },
    ended: "Ce dossier est terminé : il n'accepte plus de traitement.",
    merge: {
      error: {
        otherAccount: "L'original doit appartenir au même client.",
        originalEnded: "L'original est terminé : choisissez un dossier ouvert.",
        originalNotFound: "Aucun dossier ne porte cette référence.",
      },
    },
    reject: { error: { reasons: "Indiquez au moins un motif." } },
  },
};

const en: typeof fr = {
  casePage: {
    actions: {
      none: "No action is possible in this status.",
      notPermitted: "Actions of this status left to other roles: {{commands}}",
      startInvestigation: "Start the investigation",
      startInvestigationHint: "Creates the tasks of the case type's checklist.",
      promote: "Turn into a dispute",
      promoteReason: "Why it becomes a dispute",
      reject: "Reject as unfounded",
      rejectReasons: "Reasons for the rejection (one per line)",
      rejectHint: "The reasons are e-mailed to the customer.",
      merge: "Mark as a duplicate and merge",
      mergeOriginal: "Reference of the original case",
      mergeHint: "Messages and evidence move to the original; the customer is told.",
    },
    ended: "This case has ended: it takes no more work.",
    merge: {
      error: {
        otherAccount: "The original must belong to the same customer.",
        originalEnded: "The original has ended: choose an open case.",
        originalNotFound: "No case has this reference.",
      },
    },
    reject: { error: { reasons: "Give at least one reason." } },
  },
};

export const actionsMessages = { fr, en };
