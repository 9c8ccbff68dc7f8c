import { mergeCatalogues, sharedMessages, type Catalogue } from "@accord/ui/locales";
import { en } from "./en";
import { fr } from "./fr";

export const appMessages = { fr, en } as const;

/** i18next resources: one `translation` namespace per language, shared strings + this app's strings. */
export const resources = {
  fr: { translation: mergeCatalogues(sharedMessages.fr, fr) },
  en: { translation: mergeCatalogues(sharedMessages.en, en) },
} satisfies Record<"fr" | "en", { translation: Catalogue }>;
