/**
 * Messages of refusals that both apps show (one place, no copies in the apps' catalogues):
 * the claim schema's (`claim.error.*`, the portal's form and the back-office's on-behalf form),
 * evidence requests' (`evidenceRequest.error.*`) and the lifecycle guards' (`domain.error.guard_failed.*`,
 * from @accord/domain's transitions through AppError.fromDomain). `domain.error.invalid_transition`
 * stays in the back-office catalogue: it names the back-office's commands (`casePage.commands.*`).
 * Merged into the shared catalogue in ./index.ts.
 */
const fr = {
  claim: {
    error: {
      invalid: "Votre réclamation n'a pas pu être vérifiée : corrigez les champs signalés.",
      required: "Ce champ est obligatoire.",
      too_long: "Ce texte est trop long.",
      type_required: "Choisissez le type de problème.",
      desired_outcome_required: "Choisissez la solution souhaitée.",
      desired_outcome_text_required: "Précisez la solution souhaitée.",
      signed_with_reservations_required: "Indiquez si le bon de livraison a été signé avec réserves.",
      invalid_number: "Saisissez un nombre, par exemple 12,5.",
      negative: "Saisissez un nombre positif.",
      too_many_decimals: "Trop de décimales (au plus {{decimals}}).",
      too_large: "Ce nombre est trop grand.",
      not_an_integer: "Saisissez un nombre valide.",
      invalid_date: "Saisissez une date valide, par exemple 20/11/2026.",
      received_in_future: "La date de réception ne peut pas être dans le futur.",
      lines_required: "Indiquez une quantité ou un prix contesté sur au moins une ligne de facture.",
      line_unknown: "Cette ligne de facture est inconnue.",
      line_not_found: "Une des lignes de facture choisies n'existe pas.",
      line_twice: "Cette ligne de facture est déjà contestée plus haut.",
      too_many_lines: "Trop de lignes de facture pour une seule réclamation.",
      quantity_required: "Indiquez la quantité manquante ou abîmée.",
      quantity_zero: "Une quantité contestée de zéro ne conteste rien : indiquez une quantité supérieure à zéro ou un prix unitaire contesté.",
      price_required: "Indiquez le prix unitaire que vous estimez juste.",
      quantity_exceeds_invoiced: "La quantité contestée dépasse la quantité facturée.",
      price_exceeds_invoiced: "Le prix contesté doit être inférieur au prix facturé.",
      claimed_exceeds_computed: "Le montant réclamé ne peut pas dépasser le montant calculé d'après les lignes.",
      mixed_currencies: "Les lignes choisies sont facturées dans des devises différentes : faites une réclamation par devise.",
      upload_unknown: "Un des fichiers joints est inconnu.",
      too_many_uploads: "Trop de fichiers joints (20 au plus).",
      submission_invalid: "Ce formulaire n'est plus valide : rechargez la page pour déclarer la réclamation.",
      account_required: "Choisissez le compte client.",
      contact_required: "Choisissez le contact client.",
      contact_not_found: "Ce contact n'appartient pas à ce compte client.",
    },
  },
  evidenceRequest: {
    error: {
      tooManyItems: "Vous pouvez demander au plus 20 pièces à la fois.",
      dueDatePast: "La date limite ne peut pas être passée.",
    },
  },
  domain: {
    error: {
      guard_failed: {
        priority_required: "Choisissez une priorité.",
        case_type_required: "Choisissez un type de dossier.",
        items_required: "Indiquez au moins une pièce à demander.",
        reasons_required: "Indiquez au moins un motif.",
        reason_required: "Indiquez un motif.",
        original_required: "Indiquez le dossier original.",
        duplicate_of_itself: "Un dossier ne peut pas être le doublon de lui-même.",
        already_a_dispute: "Ce dossier est déjà un litige.",
        corrective_actions_pending: "Le dossier ne peut pas être clos : {{pending}} action(s) corrective(s) restent ouvertes : {{titles}}.",
        approvals_pending: "La proposition attend encore des validations.",
        outcome_required: "Indiquez l'issue du dossier.",
      },
    },
  },
};

const en: typeof fr = {
  claim: {
    error: {
      invalid: "Your claim could not be checked: correct the fields marked.",
      required: "This field is required.",
      too_long: "This text is too long.",
      type_required: "Choose the type of problem.",
      desired_outcome_required: "Choose the outcome you want.",
      desired_outcome_text_required: "Say which outcome you want.",
      signed_with_reservations_required: "Say whether the delivery note was signed with reservations.",
      invalid_number: "Enter a number, for example 12.5.",
      negative: "Enter a positive number.",
      too_many_decimals: "Too many decimals (at most {{decimals}}).",
      too_large: "This number is too large.",
      not_an_integer: "Enter a valid number.",
      invalid_date: "Enter a valid date, for example 20/11/2026.",
      received_in_future: "The date of receipt cannot be in the future.",
      lines_required: "Enter a contested quantity or price on at least one invoice line.",
      line_unknown: "This invoice line is unknown.",
      line_not_found: "One of the invoice lines chosen does not exist.",
      line_twice: "This invoice line is already contested above.",
      too_many_lines: "Too many invoice lines for one claim.",
      quantity_required: "Enter the missing or damaged quantity.",
      quantity_zero: "A contested quantity of zero contests nothing: enter a quantity above zero or a contested unit price.",
      price_required: "Enter the unit price you consider right.",
      quantity_exceeds_invoiced: "The contested quantity is more than the quantity invoiced.",
      price_exceeds_invoiced: "The contested price must be lower than the invoiced price.",
      claimed_exceeds_computed: "The amount claimed cannot be more than the amount computed from the lines.",
      mixed_currencies: "The lines chosen are invoiced in different currencies: file one claim per currency.",
      upload_unknown: "One of the attached files is unknown.",
      too_many_uploads: "Too many attached files (20 at most).",
      submission_invalid: "This form is no longer valid: reload the page to file the claim.",
      account_required: "Choose the customer account.",
      contact_required: "Choose the customer contact.",
      contact_not_found: "This contact does not belong to this customer account.",
    },
  },
  evidenceRequest: {
    error: {
      tooManyItems: "You can request at most 20 items at a time.",
      dueDatePast: "The due date cannot be in the past.",
    },
  },
  domain: {
    error: {
      guard_failed: {
        priority_required: "Choose a priority.",
        case_type_required: "Choose a case type.",
        items_required: "List at least one item to request.",
        reasons_required: "Give at least one reason.",
        reason_required: "Give a reason.",
        original_required: "Name the original case.",
        duplicate_of_itself: "A case cannot be a duplicate of itself.",
        already_a_dispute: "This case is already a dispute.",
        corrective_actions_pending: "The case cannot be closed: {{pending}} corrective action(s) are still open: {{titles}}.",
        approvals_pending: "The proposal still awaits approvals.",
        outcome_required: "Give the outcome of the case.",
      },
    },
  },
};

export const caseErrorMessages = { fr, en };
