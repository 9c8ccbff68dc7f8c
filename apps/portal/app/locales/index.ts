import { mergeCatalogues, sharedMessages, type Catalogue } from "@accord/ui/locales";
import { casesMessages } from "./cases";
import { claimsMessages } from "./claims";
import { companyMessages } from "./company";
import { en } from "./en";
import { fr } from "./fr";
import { helpMessages } from "./help";

export const appMessages = { fr, en } as const;

/** One catalogue per feature (`{ fr, en }`), merged after the app's own strings: add a line per feature. */
const featureMessages: { fr: Catalogue; en: Catalogue }[] = [
  helpMessages,
  companyMessages,
  claimsMessages,
  casesMessages,
];
const merged = (language: "fr" | "en", base: Catalogue) =>
  featureMessages.reduce((catalogue, feature) => mergeCatalogues(catalogue, feature[language]), base);

/** i18next resources: one `translation` namespace per language, shared strings + this app's strings. */
export const resources = {
  fr: { translation: merged("fr", mergeCatalogues(sharedMessages.fr, fr)) },
  en: { translation: merged("en", mergeCatalogues(sharedMessages.en, en)) },
} satisfies Record<"fr" | "en", { translation: Catalogue }>;
