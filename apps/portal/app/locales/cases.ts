/**
 * Strings of "My cases" and the case page (journeys 4 and 5 of issue 5), French and English: what the
 * pages share (statuses, next steps, owners, types, flash messages, the use cases' refusals) is here;
 * each page's and section's own strings live beside it and are spread in. Merged into the portal's
 * catalogue in ./index.ts. Status and next-step keys come from the domain (`case.status.<status>`,
 * `case.next.<status>`).
 */
import { casePageMessages } from "../case-page/CasePage.messages";
import { evidenceMessages } from "../case-page/sections/Evidence.messages";
import { evidenceRequestsMessages } from "../case-page/sections/EvidenceRequests.messages";
import { linesMessages } from "../case-page/sections/Lines.messages";
import { messagesMessages } from "../case-page/sections/Messages.messages";
import { slaMessages } from "../case-page/sections/Sla.messages";
import { summaryMessages } from "../case-page/sections/Summary.messages";
import { timelineMessages } from "../case-page/sections/Timeline.messages";
import { settlementSectionMessages } from "../case-page/sections/Settlement.messages";
import { mediationSectionMessages } from "../case-page/sections/Mediation.messages";
import { withdrawSectionMessages } from "../case-page/sections/Withdraw.messages";
import { legalSectionMessages } from "../case-page/sections/Legal.messages";
import { casesListMessages } from "../routes/cases.messages";
import { withdrawMessages } from "../routes/cases.withdraw.messages";

const fr = {
  case: {
    status: {
      received: "Reçu",
      qualified: "Pris en charge",
      investigating: "En cours d'analyse",
      awaiting_customer: "En attente de votre réponse",
      negotiating: "Proposition à examiner",
      mediation: "En médiation",
      litigation: "Dossier traité par notre service juridique",
      resolved: "Résolu",
      closed: "Clôturé",
      withdrawn: "Retiré",
      rejected: "Rejeté",
      duplicate: "Fusionné avec un autre dossier",
    },
    next: {
      received: "Notre équipe qualifie votre réclamation.",
      qualified: "Notre équipe va instruire votre dossier.",
      investigating: "Notre équipe analyse votre dossier.",
      awaiting_customer: "Répondez aux demandes de pièces ci-dessous.",
      negotiating: "Examinez la proposition qui vous a été faite.",
      mediation: "Un médiateur neutre aide à trouver une solution ; il vous contactera pour les séances.",
      litigation: "Notre service juridique suit le dossier et vous contactera directement.",
      resolved: "Notre équipe met en œuvre la décision puis clôturera le dossier.",
      closed: "Aucune action : le dossier est clôturé.",
      withdrawn: "Aucune action : vous avez retiré ce dossier.",
      rejected: "Aucune action : le dossier a été rejeté.",
      duplicate: "Aucune action : le dossier est suivi sous une autre référence.",
    },
  },
  cases: {
    owner: {
      customer: "À vous",
      supplier: "À notre équipe",
      nobody: "Personne",
    },
    type: {
      quality: "Qualité",
      delivery: "Livraison",
      price_billing: "Prix / facturation",
      compliance: "Conformité",
      other: "Autre",
    },
    channel: { portal: "Portail", email: "E-mail", api: "API", phone: "Téléphone", csv: "Import CSV" },
    nav: "Mes dossiers",
    flash: {
      replied: "Votre message a été envoyé.",
      answered: "Votre réponse a été envoyée.",
      withdrawn: "Le dossier a été retiré.",
      proposalAccepted: "Vous avez accepté la proposition. Le protocole d'accord vous a été envoyé.",
      proposalDeclined: "Votre refus a été transmis à notre équipe.",
      counterProposed: "Votre contre-proposition a été transmise à notre équipe.",
      rated: "Merci pour votre avis !",
    },
    error: {
      ended: "Ce dossier est terminé : il ne reçoit plus de message.",
      answerEmpty: "Écrivez une réponse ou joignez au moins un fichier.",
      requestClosed: "Cette demande a déjà reçu une réponse.",
      cannotWithdraw: "Ce dossier ne peut plus être retiré dans son état actuel.",
      filter: "Choisissez une valeur dans la liste.",
      date: "Saisissez une date valide.",
      dateRange: "La date de fin doit suivre la date de début.",
      cursor: "Ce lien de page n'est plus valide : revenez à la première page.",
    },
    ...casesListMessages.fr,
    ...withdrawMessages.fr,
    page: {
      channel: "Canal",
      ...casePageMessages.fr,
      ...summaryMessages.fr,
      ...slaMessages.fr,
      ...evidenceRequestsMessages.fr,
      ...linesMessages.fr,
      ...messagesMessages.fr,
      ...evidenceMessages.fr,
      ...timelineMessages.fr,
      ...withdrawSectionMessages.fr,
      ...settlementSectionMessages.fr,
      ...legalSectionMessages.fr,
      ...mediationSectionMessages.fr,
    },
  },
};

const en: typeof fr = {
  case: {
    status: {
      received: "Received",
      qualified: "Taken in charge",
      investigating: "Under review",
      awaiting_customer: "Waiting for your answer",
      negotiating: "Proposal to review",
      mediation: "In mediation",
      litigation: "Handled by our legal department",
      resolved: "Resolved",
      closed: "Closed",
      withdrawn: "Withdrawn",
      rejected: "Rejected",
      duplicate: "Merged into another case",
    },
    next: {
      received: "Our team is qualifying your claim.",
      qualified: "Our team will investigate your case.",
      investigating: "Our team is reviewing your case.",
      awaiting_customer: "Answer the requests for evidence below.",
      negotiating: "Review the proposal made to you.",
      mediation: "A neutral mediator helps find a solution; they will contact you for the meetings.",
      litigation: "Our legal department follows the case and will contact you directly.",
      resolved: "Our team is applying the decision and will then close the case.",
      closed: "Nothing to do: the case is closed.",
      withdrawn: "Nothing to do: you withdrew this case.",
      rejected: "Nothing to do: the case was rejected.",
      duplicate: "Nothing to do: the case continues under another reference.",
    },
  },
  cases: {
    owner: {
      customer: "You",
      supplier: "Our team",
      nobody: "Nobody",
    },
    type: {
      quality: "Quality",
      delivery: "Delivery",
      price_billing: "Price / billing",
      compliance: "Compliance",
      other: "Other",
    },
    channel: { portal: "Portal", email: "E-mail", api: "API", phone: "Phone", csv: "CSV import" },
    nav: "My cases",
    flash: {
      replied: "Your message was sent.",
      answered: "Your answer was sent.",
      withdrawn: "The case was withdrawn.",
      proposalAccepted: "You accepted the proposal. The settlement agreement was sent to you.",
      proposalDeclined: "Your refusal was passed on to our team.",
      counterProposed: "Your counter-proposal was passed on to our team.",
      rated: "Thank you for your opinion!",
    },
    error: {
      ended: "This case has ended: it takes no more messages.",
      answerEmpty: "Write an answer or attach at least one file.",
      requestClosed: "This request has already been answered.",
      cannotWithdraw: "This case can no longer be withdrawn in its current state.",
      filter: "Choose a value from the list.",
      date: "Enter a valid date.",
      dateRange: "The end date must follow the start date.",
      cursor: "This page link is no longer valid: go back to the first page.",
    },
    ...casesListMessages.en,
    ...withdrawMessages.en,
    page: {
      channel: "Channel",
      ...casePageMessages.en,
      ...summaryMessages.en,
      ...slaMessages.en,
      ...evidenceRequestsMessages.en,
      ...linesMessages.en,
      ...messagesMessages.en,
      ...evidenceMessages.en,
      ...timelineMessages.en,
      ...withdrawSectionMessages.en,
      ...settlementSectionMessages.en,
      ...legalSectionMessages.en,
      ...mediationSectionMessages.en,
    },
  },
};

export const casesMessages = { fr, en };
