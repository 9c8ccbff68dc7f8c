/**
 * Refusals of the receivables (invoices, the ERP export, the UBL credit note), both apps: the schemas
 * and use cases of @accord/core name them (`receivables.error.*`).
 */
const fr = {
  receivables: {
    error: {
      filter: "Ce filtre n'existe pas.",
      date_required: "Indiquez une date.",
      date: "Saisissez une date valide, par exemple 15/12/2026.",
      date_range: "La date de fin doit être égale ou postérieure à la date de début.",
      invoice_unknown: "Cette facture est introuvable.",
      case_not_decided: "Ce dossier n'a pas encore de décision : pas d'avoir à produire.",
      nothing_credited: "La décision de ce dossier n'accorde aucun montant : pas d'avoir à produire.",
      credit_note_number_missing: "Le numéro d'avoir attribué par l'ERP n'est pas encore enregistré dans la décision : l'avoir UBL ne peut pas être produit.",
      supplier_identity_incomplete: "Complétez « Notre société » dans l'administration (adresse avec code postal et ville) : l'avoir nomme le fournisseur.",
    },
  },
};

const en: typeof fr = {
  receivables: {
    error: {
      filter: "This filter does not exist.",
      date_required: "Enter a date.",
      date: "Enter a valid date, for example 15/12/2026.",
      date_range: "The end date must be on or after the start date.",
      invoice_unknown: "This invoice cannot be found.",
      case_not_decided: "This case has no decision yet: there is no credit note to produce.",
      nothing_credited: "This case's decision grants no amount: there is no credit note to produce.",
      credit_note_number_missing: "The credit-note number issued by the ERP is not recorded in the decision yet: the UBL credit note cannot be produced.",
      supplier_identity_incomplete: "Complete « Our company » in the administration (address with postcode and city): the credit note names the supplier.",
    },
  },
};

export const receivablesMessages = { fr, en };
