/** Strings of the case page's Sla section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    sla: {
      policy: "Politique : {{name}}",
      none: "Aucune politique SLA ne s'applique à ce dossier.",
      firstResponse: "Première réponse",
      resolution: "Résolution",
      deadline: "Échéance",
      completed: "Atteint le {{date}}",
      elapsed: "Temps ouvré écoulé",
      target: "Objectif",
      clock: "Horloge",
      clockNow: "Horloge : {{state}}",
      badge: "{{target}} : {{state}}",
      clockState: { running: "En cours", paused: "Suspendue (en attente du client)", stopped: "Arrêtée" },
      state: { ok: "Dans les délais", warning: "Bientôt dû", breached: "Dépassé" },
      paused: "Horloge suspendue",
      pausedIntervals: "Périodes de suspension",
      noPause: "Aucune suspension.",
      pausedFrom: "Du {{from}}",
      pausedTo: "au {{to}}",
      ongoing: "en cours",
      noDeadline: "—",
      minutes: "{{hours}} h {{minutes}} min",
    },
  },
};

const en: typeof fr = {
  casePage: {
    sla: {
      policy: "Policy: {{name}}",
      none: "No SLA policy applies to this case.",
      firstResponse: "First response",
      resolution: "Resolution",
      deadline: "Deadline",
      completed: "Met on {{date}}",
      elapsed: "Elapsed business time",
      target: "Target",
      clock: "Clock",
      clockNow: "Clock: {{state}}",
      badge: "{{target}}: {{state}}",
      clockState: { running: "Running", paused: "Paused (waiting on the customer)", stopped: "Stopped" },
      state: { ok: "On time", warning: "Due soon", breached: "Breached" },
      paused: "Clock paused",
      pausedIntervals: "Paused intervals",
      noPause: "No pause.",
      pausedFrom: "From {{from}}",
      pausedTo: "to {{to}}",
      ongoing: "ongoing",
      noDeadline: "—",
      minutes: "{{hours}} h {{minutes}} min",
    },
  },
};

export const slaMessages = { fr, en };
