/** Strings of the case page's Mediation section, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  mediation: {
    title: "Médiation",
    inMediation: "Votre dossier est en médiation.",
    explanation:
      "Une personne neutre, le médiateur, aide les deux parties à trouver ensemble une solution. Il organise une ou plusieurs séances d'échange et vous contactera. Vous n'avez rien à faire d'ici là. Si un accord est trouvé, vous recevrez une proposition à accepter en ligne sur cette page.",
    mediator: "Médiateur",
    organisation: "Organisme",
    independent: "Médiateur indépendant des équipes qui traitent votre dossier",
    since: "En médiation depuis le",
    outcome: "Issue de la médiation",
    outcomes: {
      agreement: "Un accord a été trouvé : la proposition qui le reprend vous sera soumise ici.",
      partial_agreement: "Un accord partiel a été trouvé : la proposition qui le reprend vous sera soumise ici.",
      failure: "La médiation n'a pas abouti à un accord.",
    },
    sessions: "Comptes rendus de séance",
    noSession: "Aucun compte rendu partagé pour le moment.",
    session: "Séance du {{date}}",
    participants: "Participants",
    notes: "Compte rendu",
  },
};

const en: typeof fr = {
  mediation: {
    title: "Mediation",
    inMediation: "Your case is in mediation.",
    explanation:
      "A neutral person, the mediator, helps both sides find a solution together. They arrange one or more meetings and will contact you. You have nothing to do until then. If an agreement is reached, you will receive a proposal to accept online on this page.",
    mediator: "Mediator",
    organisation: "Organisation",
    independent: "Mediator independent of the teams handling your case",
    since: "In mediation since",
    outcome: "Outcome of the mediation",
    outcomes: {
      agreement: "An agreement was reached: the proposal that writes it down will be put to you here.",
      partial_agreement: "A partial agreement was reached: the proposal that writes it down will be put to you here.",
      failure: "The mediation did not reach an agreement.",
    },
    sessions: "Meeting notes",
    noSession: "No meeting notes shared yet.",
    session: "Meeting of {{date}}",
    participants: "Participants",
    notes: "Notes",
  },
};

export const mediationSectionMessages = { fr, en };
