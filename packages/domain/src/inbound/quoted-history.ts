/**
 * The new text of a reply, without the history the mail client quoted below it. Mail clients mark the
 * quote differently: an attribution line ("Le 3 mars 2026 à 10:02, X a écrit :", "On Tue, … wrote:"),
 * Outlook's "-----Original Message-----" / "-----Message d'origine-----" or its header block
 * ("De : … / Envoyé : …", "From: … / Sent: …"), an underscore separator line, or `>` lines. Everything
 * from the first such marker on is dropped; when nothing is left (a reply typed inside the quote),
 * the whole text is kept.
 */

const ATTRIBUTION = [
  // French clients (Gmail, Thunderbird, Apple Mail): "Le lun. 3 mars 2026 à 10:02, Marie <m@x.fr> a écrit :"
  /^\s*Le\s.{1,300}\sa\s+écrit\s*:\s*$/i,
  // English: "On Tue, Mar 3, 2026 at 10:02 AM Marie <m@x.fr> wrote:"
  /^\s*On\s.{1,300}\swrote\s*:\s*$/i,
  // German, Spanish, Italian clients occasionally reach French suppliers
  /^\s*Am\s.{1,300}\sschrieb\s.{0,200}:\s*$/i,
  /^\s*El\s.{1,300}\sescribió\s*:\s*$/i,
  /^\s*Il\s.{1,300}\sha\s+scritto\s*:\s*$/i,
];

const SEPARATORS = [
  /^\s*-{2,}\s*(Original Message|Message d'origine|Message d’origine|Courriel original|Forwarded message|Message transféré)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's separator line above its header block
];

/** Outlook's header block: "De : …" followed within two lines by "Envoyé : …" (or From/Sent). */
const OUTLOOK_FROM = /^\s*\*?(De|From)\s*\*?\s*:\s*\S/i;
const OUTLOOK_SENT = /^\s*\*?(Envoyé|Sent|Date)\s*\*?\s*:\s*\S/i;

/** Attribution lines that a mail client wrapped over two lines. */
function attributionAt(lines: readonly string[], index: number): boolean {
  const line = lines[index]!;
  if (ATTRIBUTION.some((re) => re.test(line))) return true;
  const next = lines[index + 1];
  if (next !== undefined && /^\s*(Le|On)\s/i.test(line)) {
    const joined = `${line.trimEnd()} ${next.trim()}`;
    return ATTRIBUTION.some((re) => re.test(joined));
  }
  return false;
}

function quoteStartsAt(lines: readonly string[], index: number): boolean {
  const line = lines[index]!;
  if (/^\s*>/.test(line)) return true;
  if (SEPARATORS.some((re) => re.test(line))) return true;
  if (attributionAt(lines, index)) return true;
  if (OUTLOOK_FROM.test(line)) {
    return lines.slice(index + 1, index + 3).some((next) => OUTLOOK_SENT.test(next));
  }
  return false;
}

export function trimQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i += 1) {
    if (quoteStartsAt(lines, i)) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).join("\n").trim();
  return kept === "" ? text.replace(/\r\n?/g, "\n").trim() : kept;
}
