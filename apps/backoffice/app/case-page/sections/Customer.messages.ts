/** Strings of the case page's Customer section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    customer: {
      account: "Compte",
      tier: "Segment",
      tiers: { standard: "Standard", key: "Compte clé", strategic: "Stratégique" },
      paymentTerm: "Conditions de paiement",
      paymentTerms: {
        net_one: "{{count}} jour net",
        net_other: "{{count}} jours net",
        end_of_month_one: "{{count}} jour fin de mois",
        end_of_month_other: "{{count}} jours fin de mois",
        end_of_month_plus_one: "Fin de mois + {{count}} jour",
        end_of_month_plus_other: "Fin de mois + {{count}} jours",
      },
      clauses: "Clauses du contrat",
      claimDeadline_one: "Délai de réclamation : {{count}} jour après livraison",
      claimDeadline_other: "Délai de réclamation : {{count}} jours après livraison",
      noClaimDeadline: "Pas de délai contractuel de réclamation",
      penalty: "Clause de pénalités",
      noPenalty: "Pas de clause de pénalités",
      mediation: "Clause de médiation",
      noMediation: "Pas de clause de médiation",
      indexation: "Indexation des prix sur {{index}} (base {{base}})",
      contact: "Contact",
      openCases: "Autres dossiers ouverts",
      noOpenCases: "Aucun autre dossier ouvert.",
      recurrences: "Récurrences ({{days}} derniers jours)",
      recurrenceBasis: { root_cause: "même cause racine", type: "même type (cause racine non encore établie)" },
      noRecurrences: "Aucune récurrence.",
      revenue: "Chiffre d'affaires sur 12 mois",
    },
  },
};

const en: typeof fr = {
  casePage: {
    customer: {
      account: "Account",
      tier: "Tier",
      tiers: { standard: "Standard", key: "Key account", strategic: "Strategic" },
      paymentTerm: "Payment term",
      paymentTerms: {
        net_one: "{{count}} day net",
        net_other: "{{count}} days net",
        end_of_month_one: "{{count}} day end of month",
        end_of_month_other: "{{count}} days end of month",
        end_of_month_plus_one: "End of month + {{count}} day",
        end_of_month_plus_other: "End of month + {{count}} days",
      },
      clauses: "Contract clauses",
      claimDeadline_one: "Claim deadline: {{count}} day after delivery",
      claimDeadline_other: "Claim deadline: {{count}} days after delivery",
      noClaimDeadline: "No contractual claim deadline",
      penalty: "Penalty clause",
      noPenalty: "No penalty clause",
      mediation: "Mediation clause",
      noMediation: "No mediation clause",
      indexation: "Prices indexed on {{index}} (base {{base}})",
      contact: "Contact",
      openCases: "Other open cases",
      noOpenCases: "No other open case.",
      recurrences: "Recurrences (last {{days}} days)",
      recurrenceBasis: { root_cause: "same root cause", type: "same type (root cause not established yet)" },
      noRecurrences: "No recurrence.",
      revenue: "Revenue over 12 months",
    },
  },
};

export const customerMessages = { fr, en };
