/** Strings of the administration's checklist templates (/admin/checklists), French and English side by side (the catalogue's `admin.checklists`, merged in locales/admin.ts). */
const fr = {
  title: "Check-lists d'instruction",
  description: "Les tâches créées au début de l'instruction d'un dossier, selon son type.",
  caption: "Check-lists",
  empty: "Aucune check-list.",
  newItem: "Nouvelle check-list",
  createTitle: "Nouvelle check-list",
  editTitle: "Modifier « {{name}} »",
  columns: { name: "Nom", type: "Type de dossier", items: "Tâches", status: "Statut" },
  fields: {
    name: "Nom",
    caseType: "Type de dossier",
    itemsFr: "Tâches en français",
    itemsEn: "Tâches en anglais",
    itemsHint: "Une tâche par ligne, dans l'ordre ; autant de lignes dans les deux langues.",
    active: "Active",
  },
  errors: { noItems: "Ajoutez au moins une tâche.", sameCount: "Il faut autant de tâches en anglais qu'en français." },
};

const en: typeof fr = {
  title: "Investigation checklists",
  description: "The tasks created when the investigation of a case starts, by case type.",
  caption: "Checklists",
  empty: "No checklist.",
  newItem: "New checklist",
  createTitle: "New checklist",
  editTitle: "Edit “{{name}}”",
  columns: { name: "Name", type: "Case type", items: "Tasks", status: "Status" },
  fields: {
    name: "Name",
    caseType: "Case type",
    itemsFr: "Tasks in French",
    itemsEn: "Tasks in English",
    itemsHint: "One task per line, in order; as many lines in both languages.",
    active: "Active",
  },
  errors: { noItems: "Add at least one task.", sameCount: "There must be as many tasks in English as in French." },
};

export const checklistsMessages = { fr, en };
