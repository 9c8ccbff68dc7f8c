/**
 * Refusals of the litigation track (hand-over to legal, legal steps and costs, the judgment, the settlement
 * out of court): the schemas and use cases of @accord/core and the domain's checks name them (`litigation.error.*`).
 */
const fr = {
  litigation: {
    error: {
      reason_required: "Indiquez le motif du passage au contentieux.",
      amount_positive: "Saisissez un montant supérieur à zéro.",
      amount_invalid: "Saisissez un montant valide (zéro ou plus).",
      kind_required: "Choisissez l'étape de la procédure.",
      date_required: "Saisissez la date.",
      date_invalid: "Saisissez une date valide.",
      date_in_future: "Cette date est dans le futur : seule une audience peut être à venir.",
      judgment_date_required: "Saisissez la date du jugement : un jugement sans date ne peut pas être enregistré.",
      label_required: "Indiquez la nature du frais (honoraires, huissier…).",
      ruling_required: "Indiquez en faveur de qui le jugement a été rendu.",
      granted_above_disputed: "Le montant accordé au client ne peut pas dépasser le montant contesté.",
      granted_for_supplier: "Un jugement en notre faveur n'accorde rien au client : laissez 0.",
      granted_required: "Indiquez le montant accordé au client par le jugement.",
      granted_partly: "Un jugement partiel accorde moins que tout le montant contesté.",
      terms_required: "Indiquez les termes de l'accord.",
      not_in_litigation: "Ce dossier n'est pas (ou plus) au contentieux.",
      one_document: "Joignez un seul document par étape.",
      too_long: "Ce texte est trop long.",
    },
  },
};

const en: typeof fr = {
  litigation: {
    error: {
      reason_required: "Give the reason for going to litigation.",
      amount_positive: "Enter an amount above zero.",
      amount_invalid: "Enter a valid amount (zero or more).",
      kind_required: "Choose the step of the procedure.",
      date_required: "Enter the date.",
      date_invalid: "Enter a valid date.",
      date_in_future: "This date is in the future: only a hearing may be ahead.",
      judgment_date_required: "Enter the date of the judgment: a judgment without a date cannot be recorded.",
      label_required: "Say what the cost is (lawyer's fees, bailiff…).",
      ruling_required: "Say in whose favour the judgment was given.",
      granted_above_disputed: "The amount granted to the customer cannot exceed the disputed amount.",
      granted_for_supplier: "A judgment in our favour grants the customer nothing: leave 0.",
      granted_required: "Enter the amount the judgment grants the customer.",
      granted_partly: "A partial judgment grants less than the whole disputed amount.",
      terms_required: "Give the terms of the agreement.",
      not_in_litigation: "This case is not (or no longer) in litigation.",
      one_document: "Attach one document per step.",
      too_long: "This text is too long.",
    },
  },
};

export const litigationMessages = { fr, en };
