/** Strings of the case page's settlement blocks (proposal, decision, survey), under `cases.page`, French and English (merged in locales/cases.ts). */
const fr = {
  settlement: {
    proposal: {
      title: "Proposition",
      summary: "Nous vous proposons une solution (proposition n° {{number}}) : {{kind}}, {{amount}} HT.",
      expiresOn: "Vous pouvez l'accepter jusqu'au {{date}} inclus.",
      answer: "Voir la proposition et y répondre",
      read: "Voir la proposition",
    },
    decision: {
      title: "Décision",
      outcome: "Issue",
      granted: "Montant accordé (HT)",
      penalties: "Pénalités contractuelles versées",
      creditNote: "Numéro d'avoir",
      decidedAt: "Décidée le",
      rationale: "Motivation",
      acceptance: "Voir votre acceptation",
    },
    dueDates: {
      caption: "Nouvelles échéances des factures concernées",
      empty: "Aucune facture n'est concernée.",
      invoice: "Facture",
      undisputed: "Part non contestée (date inchangée)",
      credited: "Montant crédité (TTC)",
      remainder: "Reste contesté (nouvelle échéance)",
      due: "{{amount}} au {{date}}",
    },
    survey: {
      title: "Votre avis",
      invite: "Votre dossier est résolu. Comment notez-vous son traitement ? Cela prend une minute.",
      link: "Noter le traitement du dossier",
    },
  },
};

const en: typeof fr = {
  settlement: {
    proposal: {
      title: "Proposal",
      summary: "We propose a solution (proposal no. {{number}}): {{kind}}, {{amount}} excl. VAT.",
      expiresOn: "You can accept it until {{date}} inclusive.",
      answer: "See the proposal and answer it",
      read: "See the proposal",
    },
    decision: {
      title: "Decision",
      outcome: "Outcome",
      granted: "Amount granted (excl. VAT)",
      penalties: "Contractual penalties paid",
      creditNote: "Credit note number",
      decidedAt: "Decided on",
      rationale: "Rationale",
      acceptance: "See your acceptance",
    },
    dueDates: {
      caption: "New due dates of the invoices concerned",
      empty: "No invoice is concerned.",
      invoice: "Invoice",
      undisputed: "Undisputed part (date unchanged)",
      credited: "Amount credited (incl. VAT)",
      remainder: "Disputed remainder (new due date)",
      due: "{{amount}} on {{date}}",
    },
    survey: {
      title: "Your opinion",
      invite: "Your case is resolved. How do you rate its handling? It takes a minute.",
      link: "Rate the handling of the case",
    },
  },
};

export const settlementSectionMessages = { fr, en };
