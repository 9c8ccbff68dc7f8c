/** Strings of the case page's Tasks section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    tasks: {
      caption: "Tâches du dossier",
      title: "Tâche",
      assignee: "Assignée à",
      dueDate: "Échéance",
      status: "Statut",
      statuses: { open: "À faire", done: "Terminée", cancelled: "Annulée" },
      complete: "la tâche « {{title}} »",
      completeShort: "Terminer",
      none: "Aucune tâche.",
      add: "Ajouter une tâche",
      nobody: "Personne",
      error: { notOpen: "Cette tâche n'est plus à faire." },
    },
  },
};

const en: typeof fr = {
  casePage: {
    tasks: {
      caption: "Tasks of the case",
      title: "Task",
      assignee: "Assigned to",
      dueDate: "Due",
      status: "Status",
      statuses: { open: "To do", done: "Done", cancelled: "Cancelled" },
      complete: "the task “{{title}}”",
      completeShort: "Done",
      none: "No task.",
      add: "Add a task",
      nobody: "Nobody",
      error: { notOpen: "This task is no longer to do." },
    },
  },
};

export const tasksMessages = { fr, en };
