/**
 * Strings of the back-office case page shared by its sections (section titles, flash messages, command
 * names, the use cases' refusals) and of the case opened on a customer's behalf, French and English; each
 * section's own strings live beside it (case-page/sections/*.messages.ts). Merged in ./index.ts.
 */
import { mergeMessages } from "@accord/ui/locales";
import { summaryMessages } from "../case-page/sections/Summary.messages";
import { requestMessages } from "../case-page/sections/Request.messages";
import { slaMessages } from "../case-page/sections/Sla.messages";
import { customerMessages } from "../case-page/sections/Customer.messages";
import { linesMessages } from "../case-page/sections/Lines.messages";
import { priceCheckMessages } from "../case-page/sections/PriceCheck.messages";
import { qualificationMessages } from "../case-page/sections/Qualification.messages";
import { actionsMessages } from "../case-page/sections/Actions.messages";
import { tasksMessages } from "../case-page/sections/Tasks.messages";
import { evidenceRequestsMessages } from "../case-page/sections/EvidenceRequests.messages";
import { conversationMessages } from "../case-page/sections/Conversation.messages";
import { evidenceMessages } from "../case-page/sections/Evidence.messages";
import { rootCauseMessages } from "../case-page/sections/RootCause.messages";
import { stakeholdersMessages } from "../case-page/sections/Stakeholders.messages";
import { timeMessages } from "../case-page/sections/Time.messages";
import { timelineMessages } from "../case-page/sections/Timeline.messages";
import { settlementSectionMessages } from "../case-page/sections/Settlement.messages";
import { undeliveredEmailsMessages } from "../case-page/sections/UndeliveredEmails.messages";
import { litigationSectionMessages } from "../case-page/sections/Litigation.messages";
import { mediationSectionMessages } from "../case-page/sections/Mediation.messages";
import { archiveMessages } from "../case-page/sections/Archive.messages";

const fr = {
  casePage: {
    sections: {
      sla: "Délais (SLA)",
      customer: "Client",
      description: "Demande du client",
      lines: "Lignes contestées",
      priceCheck: "Contrôle des prix",
      qualification: "Qualification",
      actions: "Actions",
      tasks: "Tâches",
      evidenceRequests: "Demandes de pièces",
      conversation: "Échanges",
      evidence: "Pièces",
      rootCause: "Cause racine",
      stakeholders: "Informer des interlocuteurs",
      time: "Temps passé",
      timeline: "Historique complet",
    },
    flash: {
      qualified: "Qualification enregistrée.",
      assigned: "Affectation enregistrée.",
      promoted: "La réclamation est devenue un litige.",
      rejected: "Le dossier a été rejeté ; le client en est informé par e-mail.",
      merged: "Le dossier a été fusionné dans son original ; le client en est informé.",
      investigationStarted: "Instruction démarrée.",
      taskAdded: "Tâche ajoutée.",
      taskCompleted: "Tâche terminée.",
      replied: "Réponse envoyée au client.",
      noteAdded: "Note interne ajoutée.",
      evidenceAdded: "Pièces ajoutées.",
      rootCauseSet: "Cause racine enregistrée.",
      stakeholdersNotified: "Interlocuteurs informés.",
      timeLogged: "Temps enregistré.",
      evidenceRequested: "Demande envoyée au client ; le délai SLA est suspendu.",
      openedOnBehalf: "Dossier ouvert pour le client ; il reçoit l'accusé de réception.",
      proposalOffered: "Proposition envoyée au client.",
      proposalSubmitted: "Proposition soumise à validation.",
      approvalRecorded: "Validation enregistrée ; un autre niveau doit encore valider.",
      approvalOffered: "Proposition validée et envoyée au client.",
      approvalRefused: "Proposition refusée ; son auteur en est informé.",
      decisionRecorded: "Décision enregistrée ; le client en est informé.",
      decisionCompleted: "Décision complétée.",
      caseClosed: "Dossier clos ; le client est invité à noter le traitement.",
      mediationStarted: "Médiation engagée ; le client en est informé par e-mail.",
      mediationSessionRecorded: "Séance de médiation enregistrée.",
      mediationOutcomeRecorded: "Issue de la médiation enregistrée.",
    },
    commands: {
      qualify: "Qualifier",
      start_investigation: "Démarrer l'instruction",
      request_information: "Demander des pièces au client",
      customer_answered: "Réponse du client",
      offer_proposal: "Proposer une solution",
      proposal_accepted: "Proposition acceptée",
      proposal_declined: "Proposition refusée",
      proposal_countered: "Contre-proposition",
      start_mediation: "Passer en médiation",
      end_mediation: "Clore la médiation (échec)",
      go_to_litigation: "Passer au contentieux",
      resolve: "Résoudre",
      close: "Clore",
      withdraw: "Retirer",
      reject: "Rejeter",
      mark_duplicate: "Marquer comme doublon",
      reopen: "Rouvrir",
      promote_to_dispute: "Transformer en litige",
      expire_proposal: "Constater l'expiration de la proposition",
      close_as_abandoned: "Clore comme abandonné",
    },
    caseForm: { error: { reference: "Saisissez une référence du type LIT-2026-000123." } },
    caseWork: { error: { caseEnded: "Ce dossier est terminé ($t(caseStatus.{{status}})) : il n'accepte plus de traitement." } },
    validation: { date: "Saisissez une date valide.", tooMany: "Trop d'éléments sélectionnés." },
    none: "—",
  },
  onBehalf: {
    newCase: "Nouveau dossier",
    title: "Ouvrir un dossier pour un client",
    description: "Un client appelle : saisissez sa réclamation pour lui (canal téléphone). Il reçoit l'accusé de réception et suit le dossier sur le portail.",
    account: "Compte client",
    chooseAccount: "— Choisir un compte —",
    pickAccount: "Choisir ce compte",
    claimFor: "Réclamation pour {{account}}",
    contactLegend: "Le client",
    contact: "Contact client (il suivra le dossier)",
    chooseContact: "— Choisir un contact —",
    errorSummary: "La réclamation n'est pas encore complète : corrigez les champs signalés ci-dessous.",
    check: "Vérifier la réclamation",
    reviewTitle: "Vérifiez la réclamation",
    reviewIntro: "Voici ce qui sera enregistré pour le client. Vous pouvez encore modifier le formulaire ci-dessus puis vérifier à nouveau.",
    warningsIntro: "Ils ne bloquent pas la réclamation : ils sont enregistrés avec le dossier pour son examen.",
    duplicatesIntro: "Un dossier ouvert de ce client porte déjà sur ces lignes. Vous pouvez quand même ouvrir ce dossier.",
    submit: "Ouvrir le dossier",
  },
  domain: {
    error: {
      invalid_transition: "Action impossible : « $t(casePage.commands.{{command}}) » n'est pas possible pour un dossier au statut « $t(caseStatus.{{from}}) ».",
    },
  },
};

const en: typeof fr = {
  casePage: {
    sections: {
      sla: "Deadlines (SLA)",
      customer: "Customer",
      description: "Customer's request",
      lines: "Contested lines",
      priceCheck: "Price check",
      qualification: "Qualification",
      actions: "Actions",
      tasks: "Tasks",
      evidenceRequests: "Evidence requests",
      conversation: "Conversation",
      evidence: "Evidence",
      rootCause: "Root cause",
      stakeholders: "Notify stakeholders",
      time: "Time spent",
      timeline: "Full timeline",
    },
    flash: {
      qualified: "Qualification saved.",
      assigned: "Assignment saved.",
      promoted: "The claim is now a dispute.",
      rejected: "The case was rejected; the customer is told by e-mail.",
      merged: "The case was merged into its original; the customer is told.",
      investigationStarted: "Investigation started.",
      taskAdded: "Task added.",
      taskCompleted: "Task done.",
      replied: "Reply sent to the customer.",
      noteAdded: "Internal note added.",
      evidenceAdded: "Evidence added.",
      rootCauseSet: "Root cause saved.",
      stakeholdersNotified: "Stakeholders notified.",
      timeLogged: "Time logged.",
      evidenceRequested: "Request sent to the customer; the SLA clock is paused.",
      openedOnBehalf: "Case opened for the customer; they get the acknowledgement.",
      proposalOffered: "Proposal sent to the customer.",
      proposalSubmitted: "Proposal submitted for approval.",
      approvalRecorded: "Approval recorded; another level must still approve.",
      approvalOffered: "Proposal approved and sent to the customer.",
      approvalRefused: "Proposal refused; its author is told.",
      decisionRecorded: "Decision recorded; the customer is told.",
      decisionCompleted: "Decision completed.",
      caseClosed: "Case closed; the customer is invited to rate the handling.",
      mediationStarted: "Mediation started; the customer is told by e-mail.",
      mediationSessionRecorded: "Mediation session recorded.",
      mediationOutcomeRecorded: "Outcome of the mediation recorded.",
    },
    commands: {
      qualify: "Qualify",
      start_investigation: "Start the investigation",
      request_information: "Request evidence from the customer",
      customer_answered: "Customer answered",
      offer_proposal: "Offer a proposal",
      proposal_accepted: "Proposal accepted",
      proposal_declined: "Proposal declined",
      proposal_countered: "Counter-proposal",
      start_mediation: "Go to mediation",
      end_mediation: "End the mediation (failure)",
      go_to_litigation: "Go to litigation",
      resolve: "Resolve",
      close: "Close",
      withdraw: "Withdraw",
      reject: "Reject",
      mark_duplicate: "Mark as duplicate",
      reopen: "Reopen",
      promote_to_dispute: "Turn into a dispute",
      expire_proposal: "Record the proposal's expiry",
      close_as_abandoned: "Close as abandoned",
    },
    caseForm: { error: { reference: "Enter a reference like LIT-2026-000123." } },
    caseWork: { error: { caseEnded: "This case has ended ($t(caseStatus.{{status}})): it takes no more work." } },
    validation: { date: "Enter a valid date.", tooMany: "Too many items selected." },
    none: "—",
  },
  onBehalf: {
    newCase: "New case",
    title: "Open a case for a customer",
    description: "A customer calls: file their claim for them (phone channel). They get the acknowledgement and follow the case in the portal.",
    account: "Customer account",
    chooseAccount: "— Choose an account —",
    pickAccount: "Choose this account",
    claimFor: "Claim for {{account}}",
    contactLegend: "The customer",
    contact: "Customer contact (who will follow the case)",
    chooseContact: "— Choose a contact —",
    errorSummary: "The claim is not complete yet: correct the fields marked below.",
    check: "Check the claim",
    reviewTitle: "Check the claim",
    reviewIntro: "This is what will be recorded for the customer. You can still change the form above and check again.",
    warningsIntro: "They do not block the claim: they are recorded with the case for its review.",
    duplicatesIntro: "An open case of this customer already concerns these lines. You can still open this case.",
    submit: "Open the case",
  },
  domain: {
    error: {
      invalid_transition: "Not possible: “$t(casePage.commands.{{command}})” cannot be done on a case with status “$t(caseStatus.{{from}})”.",
    },
  },
};

export const casePageMessages = mergeMessages(
  { fr, en },
  summaryMessages,
  requestMessages,
  slaMessages,
  customerMessages,
  linesMessages,
  priceCheckMessages,
  qualificationMessages,
  actionsMessages,
  tasksMessages,
  evidenceRequestsMessages,
  conversationMessages,
  evidenceMessages,
  rootCauseMessages,
  stakeholdersMessages,
  timeMessages,
  timelineMessages,
  settlementSectionMessages,
  undeliveredEmailsMessages,
  litigationSectionMessages,
  mediationSectionMessages,
  archiveMessages,
);
