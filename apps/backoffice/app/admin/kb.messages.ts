/** Strings of the administration's knowledge base (/admin/kb), French and English side by side (the catalogue's `admin.kb`, merged in locales/admin.ts). */
const fr = {
  title: "Base de connaissances",
  description: "Articles d'aide en français et en anglais ; les articles publiés apparaissent dans l'aide du portail.",
  caption: "Articles",
  empty: "Aucun article.",
  newItem: "Nouvel article",
  createTitle: "Nouvel article",
  editTitle: "Modifier l'article « {{name}} »",
  columns: { title: "Titre", slug: "Adresse", status: "Statut" },
  published: "Publié",
  draft: "Brouillon",
  fields: {
    slug: "Adresse (slug)",
    slugHint: "Minuscules, chiffres et tirets : l'article sera à /help/<adresse>.",
    titleFr: "Titre (français)",
    titleEn: "Titre (anglais)",
    bodyFr: "Texte (français)",
    bodyEn: "Texte (anglais)",
    published: "Publié dans l'aide du portail",
  },
  errors: { slugFormat: "Minuscules, chiffres et tirets uniquement (ex. : delais-de-reclamation).", slugTaken: "Un autre article utilise déjà cette adresse." },
};

const en: typeof fr = {
  title: "Knowledge base",
  description: "Help articles in French and English; published articles show in the portal's help.",
  caption: "Articles",
  empty: "No article.",
  newItem: "New article",
  createTitle: "New article",
  editTitle: "Edit the article “{{name}}”",
  columns: { title: "Title", slug: "Address", status: "Status" },
  published: "Published",
  draft: "Draft",
  fields: {
    slug: "Address (slug)",
    slugHint: "Lower-case letters, digits and hyphens: the article will be at /help/<address>.",
    titleFr: "Title (French)",
    titleEn: "Title (English)",
    bodyFr: "Text (French)",
    bodyEn: "Text (English)",
    published: "Published in the portal's help",
  },
  errors: { slugFormat: "Lower-case letters, digits and hyphens only (e.g. claim-deadlines).", slugTaken: "Another article already uses this address." },
};

export const kbMessages = { fr, en };
