/**
 * Which catalogue keys the code uses, for the locales tests (ADR 0019): typecheck refuses a key that is
 * not in the catalogue, these tests refuse a key that nothing uses. Node only (reads the sources).
 *
 * A key is used when some source file names it:
 * - literally: `t("casePage.sla.policy")`, `{ messageKey: "claim.error.invalid" }`;
 * - through a template literal's leading text: `` t(`caseStatus.${status}`) `` uses every `caseStatus.*`;
 * - as a whole branch: `selectOptions(CASE_TYPES, "caseType")` uses every `caseType.*`;
 * - from another message, by i18next's nesting: `$t(casePage.commands.{{command}})`;
 * - or it is in the test's list of keys reached otherwise (each entry says how).
 * A plural key (`x_one`, `x_other`) is used when `x` is.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogueKeys, sharedMessages, type Bilingual, type Catalogue } from "./index";

const SOURCE_FILE = /\.(ts|tsx)$/;
/** Tests, type declarations and the catalogues themselves do not use a key by naming it. */
const NOT_A_USE = /(\.test\.tsx?|\.d\.ts|\.messages\.ts)$|\/locales\//;
const KEY = /^[A-Za-z_][\w-]*(\.[\w-]+)+$/;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The text of every source file under these folders (node_modules, builds, tests and catalogues left out). */
export function readSources(folders: readonly string[]): string[] {
  const texts: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!["node_modules", "build", "coverage"].includes(entry.name) && !entry.name.startsWith(".")) walk(path);
      } else if (SOURCE_FILE.test(entry.name) && !NOT_A_USE.test(path)) texts.push(readFileSync(path, "utf8"));
    }
  };
  for (const folder of folders) walk(folder);
  return texts;
}

/** The folders of the shared packages whose sources name keys of the apps' catalogues. */
export const PACKAGE_SOURCES = ["packages/ui/src", "packages/web/src", "packages/core/src", "packages/domain/src", "packages/auth/src"];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The keys a text names: literals are exact keys or branches, template literals and nestings are patterns. */
function references(texts: readonly string[]): { names: Set<string>; patterns: RegExp[] } {
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  const addPattern = (parts: string[]) => {
    // Only a pattern that starts with a key segment and a dot narrows the keys (`${prefix}.${value}` does not).
    if (/^[A-Za-z_][\w-]*\./.test(parts[0] ?? "")) patterns.push(new RegExp(`^${parts.map(escape).join(".+")}$`));
  };
  for (const text of texts) {
    for (const [, double, single] of text.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)) {
      const value = double ?? single ?? "";
      if (KEY.test(value)) names.add(value);
    }
    // A template literal's leading text up to its first `${` (templates nest, so no attempt at the rest).
    for (const [, lead = ""] of text.matchAll(/`([A-Za-z_][\w-]*\.(?:[^`$\\\s]|\$(?!\{))*)\$\{/g)) patterns.push(new RegExp(`^${escape(lead)}`));
    for (const [, whole = ""] of text.matchAll(/`([^`$\\\s]+)`/g)) if (KEY.test(whole)) names.add(whole);
    for (const [, nested = ""] of text.matchAll(/\$t\(([^)]+)\)/g)) {
      const parts = nested.split(/\{\{[^}]*\}\}/);
      if (parts.length === 1) names.add(nested);
      else addPattern(parts);
    }
  }
  return { names, patterns };
}

/** Every string of a catalogue (a message may nest another one: `$t(key)`). */
function messagesOf(catalogue: Catalogue): string[] {
  return Object.values(catalogue).flatMap((value) => (typeof value === "string" ? [value] : messagesOf(value)));
}

/**
 * The keys of `keys` that no source uses. `catalogue` is the whole catalogue the keys come from (its
 * messages may nest keys); `reachedOtherwise` lists keys, or `prefix.*`, that the code reaches in a way
 * the sources do not show.
 */
export function unusedKeys(
  keys: readonly string[],
  { sources, catalogue, reachedOtherwise = [] }: { sources: readonly string[]; catalogue: Catalogue; reachedOtherwise?: readonly string[] },
): string[] {
  const { names, patterns } = references([...sources, ...messagesOf(catalogue)]);
  for (const entry of reachedOtherwise) {
    if (entry.endsWith(".*")) patterns.push(new RegExp(`^${escape(entry.slice(0, -1))}`));
    else names.add(entry);
  }
  const used = (key: string) => {
    for (let end = key.length; end > 0; end = key.lastIndexOf(".", end - 1)) {
      if (names.has(key.slice(0, end))) return true; // the key, or a branch holding it
    }
    return patterns.some((pattern) => pattern.test(key));
  };
  return keys.filter((key) => !used(key) && !used(key.replace(PLURAL_SUFFIX, "")));
}

/** Every key of `catalogue` that is not in `base`. */
export function keysBeyond(catalogue: Catalogue, base: Catalogue): string[] {
  const shared = new Set(catalogueKeys(base));
  return catalogueKeys(catalogue).filter((key) => !shared.has(key));
}

const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * The locales tests of an app (`folder`: `apps/portal`): French and English have the same keys, alone and
 * merged with the shared catalogue, and every key of the app's own catalogue and its features' is used.
 * Keys thrown by @accord/core (AppError messageKey), @accord/domain's codes and @accord/web's zod and
 * flash keys are literals or template prefixes in those packages' sources, which are read too.
 */
export function describeAppCatalogue(
  name: string,
  { folder, appMessages, messages }: { folder: string; appMessages: Bilingual; messages: Bilingual },
) {
  describe(`${name} catalogue`, () => {
    it("has the same keys in French and English", () => {
      expect(catalogueKeys(appMessages.en)).toEqual(catalogueKeys(appMessages.fr));
    });

    it("merges with the shared catalogue into the same keys in both languages", () => {
      const frKeys = catalogueKeys(messages.fr);
      expect(catalogueKeys(messages.en)).toEqual(frKeys);
      expect(frKeys).toContain("auth.invalidCredentials");
      expect(frKeys).toContain("app.label");
    });

    it("uses every key of its own catalogue and its features' (ADR 0019)", () => {
      const sources = readSources([`${folder}/app`, ...PACKAGE_SOURCES].map((path) => join(repositoryRoot, path)));
      expect(unusedKeys(keysBeyond(messages.fr, sharedMessages.fr), { sources, catalogue: messages.fr })).toEqual([]);
    });
  });
}
