/** A file name safe in a ZIP path and in SHA256SUMS: ASCII letters, digits, dot, dash, underscore (accents dropped). */
export function safeFileName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "");
  return ascii.slice(-120) || "fichier";
}
