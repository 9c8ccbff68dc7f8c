/** Strings of the administration's SLA policies (/admin/sla), French and English side by side (merged in locales/admin.ts). */
const fr = {
  admin: {
    sla: {
      title: "Politiques SLA",
      description: "Objectifs de première réponse et de résolution, en heures ouvrées, par priorité × type × niveau client. Un critère vide s'applique à toutes les valeurs ; la politique la plus précise l'emporte.",
      caption: "Politiques SLA",
      empty: "Aucune politique.",
      columns: { name: "Nom", priority: "Priorité", type: "Type", tier: "Niveau client", firstResponse: "Première réponse", resolution: "Résolution", calendar: "Calendrier", status: "Statut" },
      hours: "{{hours}} h ouvrées",
      createTitle: "Nouvelle politique",
      editTitle: "Modifier la politique « {{name}} »",
      fields: {
        name: "Nom",
        priority: "Priorité",
        type: "Type de dossier",
        tier: "Niveau client",
        firstResponseHours: "Première réponse (heures ouvrées)",
        resolutionHours: "Résolution (heures ouvrées)",
        hoursHint: "Décimales acceptées : 1,5 = 1 h 30.",
        calendar: "Calendrier",
        defaultCalendar: "Calendrier par défaut",
      },
      deactivateLabel: "Désactiver la politique {{name}}",
      reactivateLabel: "Réactiver la politique {{name}}",
      errors: {
        duplicate_criteria: "Une politique active a déjà ces critères (priorité, type, niveau client).",
        not_a_positive_integer: "L'objectif doit être supérieur à zéro.",
        unknown_priority: "Priorité inconnue.",
        unknown_type: "Type inconnu.",
        unknown_tier: "Niveau inconnu.",
        unknownCalendar: "Ce calendrier n'existe pas.",
      },
    },
  },
};

const en: typeof fr = {
  admin: {
    sla: {
      title: "SLA policies",
      description: "First-response and resolution targets, in business hours, by priority × type × customer tier. An empty criterion matches any value; the most specific policy wins.",
      caption: "SLA policies",
      empty: "No policy.",
      columns: { name: "Name", priority: "Priority", type: "Type", tier: "Customer tier", firstResponse: "First response", resolution: "Resolution", calendar: "Calendar", status: "Status" },
      hours: "{{hours}} business hours",
      createTitle: "New policy",
      editTitle: "Edit the policy “{{name}}”",
      fields: {
        name: "Name",
        priority: "Priority",
        type: "Case type",
        tier: "Customer tier",
        firstResponseHours: "First response (business hours)",
        resolutionHours: "Resolution (business hours)",
        hoursHint: "Decimals allowed: 1.5 = 1 h 30.",
        calendar: "Calendar",
        defaultCalendar: "Default calendar",
      },
      deactivateLabel: "Deactivate the policy {{name}}",
      reactivateLabel: "Reactivate the policy {{name}}",
      errors: {
        duplicate_criteria: "An active policy already has these criteria (priority, type, customer tier).",
        not_a_positive_integer: "The target must be greater than zero.",
        unknown_priority: "Unknown priority.",
        unknown_type: "Unknown type.",
        unknown_tier: "Unknown tier.",
        unknownCalendar: "This calendar does not exist.",
      },
    },
  },
};

export const slaMessages = { fr, en };
