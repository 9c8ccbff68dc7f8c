/** « Importer des réclamations » (ADR 0037). The report's strings are shared: packages/ui/src/locales/csv-imports.ts. */
const fr = {
  claimImport: {
    nav: "Importer des réclamations",
    eyebrow: "Réclamations",
    title: "Importer des réclamations",
    description: "Déposez un fichier CSV : une ligne par ligne de facture contestée ; les lignes qui partagent une même « reference_client » forment une réclamation.",
    formTitle: "Votre fichier",
    howTo:
      "Colonnes : reference_client, type (qualité, livraison, prix, conformité, autre) ou code_motif, titre, description, resultat_souhaite (avoir, remplacement, remboursement, autre), numero_facture, ligne, quantite_contestee et/ou prix_unitaire_conteste ; selon le type : produit et lot, bon_livraison, date_reception et reserves (oui/non), reference_contrat, reference_conformite. Chaque ligne est vérifiée avant tout enregistrement : une seule erreur et rien n'est créé. Chaque réclamation reçoit son accusé de réception.",
    created_one: "{{count}} réclamation créée :",
    created_other: "{{count}} réclamations créées :",
  },
};

const en: typeof fr = {
  claimImport: {
    nav: "Import claims",
    eyebrow: "Claims",
    title: "Import claims",
    description: "Upload a CSV file: one row per contested invoice line; the rows sharing one “reference_client” make one claim.",
    formTitle: "Your file",
    howTo:
      "Columns: reference_client, type (qualité/quality, livraison/delivery, prix/price, conformité/compliance, autre/other) or code_motif, titre, description, resultat_souhaite (avoir, remplacement, remboursement, autre), numero_facture, ligne, quantite_contestee and/or prix_unitaire_conteste; depending on the type: produit and lot, bon_livraison, date_reception and reserves (oui/non), reference_contrat, reference_conformite. Every row is checked before anything is recorded: one error and nothing is created. Each claim gets its acknowledgement.",
    created_one: "{{count}} claim created:",
    created_other: "{{count}} claims created:",
  },
};

export const claimImportMessages = { fr, en };
