/**
 * Strings of the corrective actions and the proactive notice (issue 12): the case page's sections (beside
 * them), the open actions page, the flash messages, the timeline's events and the refusals of the domain.
 */
import { mergeMessages } from "@accord/ui/locales";
import { correctiveActionsMessages } from "../case-page/sections/CorrectiveActions.messages";
import { proactiveNoticeMessages } from "../case-page/sections/ProactiveNotice.messages";

const fr = {
  correctiveActions: {
    nav: "Actions correctives",
    title: "Actions correctives ouvertes",
    description: "Les actions à mener, les retards d'abord, par responsable et échéance.",
    caption: "Actions correctives ouvertes",
    empty: "Aucune action corrective ouverte.",
    scope: { legend: "Afficher", all: "Toutes", mine: "Les miennes" },
    filter: "Filtrer",
    case: "Dossier",
    customer: "Client",
    error: { owner: "Choisissez un responsable dans la liste." },
    proactive: { error: { noAccount: "Cochez au moins un client à prévenir." } },
  },
  casePage: {
    flash: {
      correctiveActionAdded: "Action corrective ajoutée.",
      correctiveActionCompleted: "Action corrective faite.",
      correctiveActionWaived: "Action corrective abandonnée.",
      correctiveActionReopened: "Action corrective rouverte.",
      proactiveNoticeSent: "Communication proactive envoyée.",
    },
    timeline: {
      events: {
        corrective_action_added: "Action corrective ajoutée",
        corrective_action_completed: "Action corrective faite",
        corrective_action_waived: "Action corrective abandonnée",
        corrective_action_reopened: "Action corrective rouverte",
        proactive_notice_sent: "Communication proactive envoyée",
      },
    },
  },
  domain: {
    error: {
      corrective: {
        root_cause_required: "Établissez d'abord la cause racine du dossier.",
        owner_inactive: "Ce responsable n'est pas un membre actif de l'équipe : choisissez-en un autre.",
        title_required: "Indiquez l'action à mener.",
        due_date_invalid: "Indiquez une échéance valide.",
        case_ended: "Le dossier est terminé : ses actions correctives ne changent plus.",
        not_open: "Cette action n'est plus à faire.",
        not_closed: "Cette action est déjà à faire.",
        reason_required: "Indiquez le motif de l'abandon.",
      },
      proactive: {
        not_quality: "La communication proactive suppose une cause racine qualité.",
        no_lot: "Le dossier ne mentionne aucun lot.",
        unknown_lot: "Ce lot n'est pas celui du dossier, ou ce client ne l'a pas reçu.",
        own_account: "{{account}} est le client du dossier : il n'est pas prévenu par une communication proactive.",
        already_notified: "{{account}} a déjà été prévenu pour le lot {{lot}} depuis ce dossier.",
        no_recipient: "Personne chez {{account}} n'accepte ces e-mails.",
      },
    },
  },
};

const en: typeof fr = {
  correctiveActions: {
    nav: "Corrective actions",
    title: "Open corrective actions",
    description: "The actions to carry out, overdue first, by owner and due date.",
    caption: "Open corrective actions",
    empty: "No open corrective action.",
    scope: { legend: "Show", all: "All", mine: "Mine" },
    filter: "Filter",
    case: "Case",
    customer: "Customer",
    error: { owner: "Choose an owner from the list." },
    proactive: { error: { noAccount: "Tick at least one customer to notify." } },
  },
  casePage: {
    flash: {
      correctiveActionAdded: "Corrective action added.",
      correctiveActionCompleted: "Corrective action done.",
      correctiveActionWaived: "Corrective action waived.",
      correctiveActionReopened: "Corrective action reopened.",
      proactiveNoticeSent: "Proactive notice sent.",
    },
    timeline: {
      events: {
        corrective_action_added: "Corrective action added",
        corrective_action_completed: "Corrective action done",
        corrective_action_waived: "Corrective action waived",
        corrective_action_reopened: "Corrective action reopened",
        proactive_notice_sent: "Proactive notice sent",
      },
    },
  },
  domain: {
    error: {
      corrective: {
        root_cause_required: "Set the case's root cause first.",
        owner_inactive: "This owner is not an active staff member: choose another one.",
        title_required: "Say what is to be done.",
        due_date_invalid: "Give a valid due date.",
        case_ended: "The case is over: its corrective actions no longer change.",
        not_open: "This action is no longer to do.",
        not_closed: "This action is already to do.",
        reason_required: "Give the reason for waiving it.",
      },
      proactive: {
        not_quality: "A proactive notice requires a quality root cause.",
        no_lot: "The case names no lot.",
        unknown_lot: "This lot is not the case's, or this customer did not receive it.",
        own_account: "{{account}} is the case's customer: a proactive notice is not for them.",
        already_notified: "{{account}} was already notified about lot {{lot}} from this case.",
        no_recipient: "Nobody at {{account}} accepts these e-mails.",
      },
    },
  },
};

export const correctiveMessages = mergeMessages({ fr, en }, correctiveActionsMessages, proactiveNoticeMessages);
