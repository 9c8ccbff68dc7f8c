import { en } from "./en";
import { fr } from "./fr";
import type { Catalogue } from "./types";
import { caseErrorMessages } from "./case-errors";
import { claimFormMessages } from "./claim-form";
import { uploadsMessages } from "./uploads";

export type { Catalogue, Messages } from "./types";

export const languages = ["fr", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "fr";

export function isLanguage(value: unknown): value is Language {
  return value === "fr" || value === "en";
}

/** Strings shared by both apps, per language. */
export const sharedMessages = {
  fr: { ...fr, ...uploadsMessages.fr, ...claimFormMessages.fr, ...caseErrorMessages.fr },
  en: { ...en, ...uploadsMessages.en, ...claimFormMessages.en, ...caseErrorMessages.en },
} as const;

/** Every key of a catalogue, dot-separated (`auth.invalidCredentials`), sorted. */
export function catalogueKeys(catalogue: Catalogue, prefix = ""): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") keys.push(path);
    else keys.push(...catalogueKeys(value, path));
  }
  return keys.sort();
}

/** Deep merge: the app's catalogue extends the shared one; a key defined twice is a mistake. */
export function mergeCatalogues(base: Catalogue, extra: Catalogue, prefix = ""): Catalogue {
  const merged: Record<string, string | Catalogue> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = merged[key];
    const path = prefix ? `${prefix}.${key}` : key;
    if (existing === undefined) merged[key] = value;
    else if (typeof existing !== "string" && typeof value !== "string") {
      merged[key] = mergeCatalogues(existing, value, path);
    } else throw new Error(`Message key defined twice: ${path}`);
  }
  return merged;
}
