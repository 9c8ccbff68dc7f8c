/** The CLI's language: English when ACCORD_LANG (or LC_ALL / LANG) starts with "en", French otherwise. */
export type CliLanguage = "fr" | "en";

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): CliLanguage {
  const value = env.ACCORD_LANG || env.LC_ALL || env.LANG || "";
  return value.toLowerCase().startsWith("en") ? "en" : "fr";
}
