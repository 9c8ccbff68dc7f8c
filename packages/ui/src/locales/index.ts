import { en } from "./en";
import { fr } from "./fr";
import type { Catalogue, KeyOf, MergedAll } from "./types";
import { caseErrorMessages } from "./case-errors";
import { claimFormMessages } from "./claim-form";
import { receivablesMessages } from "./receivables";
import { keysMessages } from "./keys";
import { litigationMessages } from "./litigation";
import { settlementMessages } from "./settlement";
import { uploadsMessages } from "./uploads";
import { apiMessages } from "./api";

export { apiMessages };
import { csvImportMessages } from "./csv-imports";

export type { Catalogue, KeyOf, Merged, MergedAll } from "./types";

export const languages = ["fr", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "fr";

export function isLanguage(value: unknown): value is Language {
  return value === "fr" || value === "en";
}

/** A catalogue in both languages: French the source, English `typeof fr`. */
export interface Bilingual {
  readonly fr: Catalogue;
  readonly en: Catalogue;
}

/** The French catalogues of a list of bilingual ones, as a tuple. */
type FrenchOf<T extends readonly Bilingual[]> = { [I in keyof T]: T[I] extends { fr: infer F } ? F : never };

/**
 * Merges bilingual catalogues language by language (`mergeCatalogues`). Both languages get the French type:
 * each catalogue declares `en: typeof fr`, and the app's `i18next.d.ts` takes its keys from French.
 */
export function mergeMessages<T extends readonly [Bilingual, ...Bilingual[]]>(
  ...catalogues: T
): Record<Language, MergedAll<FrenchOf<T>>> {
  const merge = (language: Language) =>
    mergeCatalogues(...(catalogues.map((catalogue) => catalogue[language]) as [Catalogue, ...Catalogue[]])) as MergedAll<FrenchOf<T>>;
  return { fr: merge("fr"), en: merge("en") };
}

/** Strings shared by both apps, per language. */
export const sharedMessages = mergeMessages({ fr, en }, uploadsMessages, claimFormMessages, caseErrorMessages, settlementMessages, receivablesMessages, litigationMessages, keysMessages, csvImportMessages);

/** A key of the shared catalogue: what @accord/ui's components ask of the `t` they are given. */
export type SharedKey = KeyOf<(typeof sharedMessages)["fr"]>;

/** A translate function over the shared keys; i18next's `t` and the server's `Translate` of each app are one. */
export type SharedTranslate = (key: SharedKey, params?: Record<string, unknown>) => string;

/**
 * The one way to translate a key known only at run time (ADR 0019): an AppError's `messageKey`, a zod
 * issue's message, a flash cookie's key, a code read from the database (`key` may list keys tried in turn,
 * as i18next does). A key known when writing the code goes through `t` itself, so that typecheck sees it.
 * The locales tests still see the keys reached here: a literal, a template literal's prefix, or a list.
 */
export function translateKey(t: (key: never, params?: never) => unknown, key: string | readonly string[], params?: Record<string, unknown>): string {
  return (t as unknown as (key: string | readonly string[], params?: Record<string, unknown>) => string)(key, params);
}

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

/**
 * Deep merge, left to right: the app's catalogue extends the shared one, each feature's extends the app's;
 * a key defined twice is a mistake. The result keeps every key's type, for i18next's typed `t`.
 */
export function mergeCatalogues<T extends readonly [Catalogue, ...Catalogue[]]>(...catalogues: T): MergedAll<T> {
  const [first, ...rest] = catalogues;
  return rest.reduce<Catalogue>((merged, extra) => mergeTwo(merged, extra, ""), first) as MergedAll<T>;
}

function mergeTwo(base: Catalogue, extra: Catalogue, prefix: string): Catalogue {
  const merged: Record<string, string | Catalogue> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = merged[key];
    const path = prefix ? `${prefix}.${key}` : key;
    if (existing === undefined) merged[key] = value;
    else if (typeof existing !== "string" && typeof value !== "string") {
      merged[key] = mergeTwo(existing, value, path);
    } else throw new Error(`Message key defined twice: ${path}`);
  }
  return merged;
}
