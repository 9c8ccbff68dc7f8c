/** Strings of the case page's Sla section, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  sla: {
    title: "Notre engagement",
    none: "Aucun délai contractuel ne s'applique à ce dossier.",
    firstResponse: "Première réponse sous {{duration}}",
    resolution: "Résolution sous {{duration}}",
    due: "au plus tard le {{date}}",
    done: "fait le {{date}}",
    paused: "Le délai est suspendu tant que nous attendons votre réponse.",
    stopped: "Le délai ne court plus.",
    days_one: "{{count}} jour ouvré",
    days_other: "{{count}} jours ouvrés",
    hours_one: "{{count}} heure ouvrée",
    hours_other: "{{count}} heures ouvrées",
  },
};

const en: typeof fr = {
  sla: {
    title: "Our commitment",
    none: "No contractual deadline applies to this case.",
    firstResponse: "First response within {{duration}}",
    resolution: "Resolution within {{duration}}",
    due: "by {{date}} at the latest",
    done: "done on {{date}}",
    paused: "The deadline is suspended while we wait for your answer.",
    stopped: "The deadline no longer runs.",
    days_one: "{{count}} business day",
    days_other: "{{count}} business days",
    hours_one: "{{count}} business hour",
    hours_other: "{{count}} business hours",
  },
};

export const slaMessages = { fr, en };
