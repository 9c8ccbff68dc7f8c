const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/**
 * A date or date-time as the pages show it in French ("2 mars 2026", "2 mars 2026, 14:05" or "2 mars 2026
 * à 14:05") → a comparable number (its fields read as UTC: only the order counts).
 */
export function frenchDateValue(text: string): number {
  const match = /^(\d{1,2})\s+(\S+)\s+(\d{4})(?:,?\s+(?:à\s+)?(\d{2}):(\d{2}))?$/.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[2]!) : -1;
  if (!match || month < 0) throw new Error(`unreadable date: ${JSON.stringify(text)}`);
  return Date.UTC(Number(match[3]), month, Number(match[1]), Number(match[4] ?? 0), Number(match[5] ?? 0));
}
