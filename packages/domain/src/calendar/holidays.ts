import { fail } from "../errors/errors";
import { addDays, formatIsoDate, type IsoDate } from "../dates/iso-date";

/** The holidays' stable codes, for an app to name them in its reader's language. */
export const PUBLIC_HOLIDAY_CODES = [
  "new_year",
  "easter_monday",
  "labour_day",
  "victory_1945",
  "ascension",
  "whit_monday",
  "national_day",
  "assumption",
  "all_saints",
  "armistice_1918",
  "christmas",
  "good_friday",
  "st_stephen",
] as const;
export type PublicHolidayCode = (typeof PUBLIC_HOLIDAY_CODES)[number];

/** A public holiday ("jour férié"): its date, its French name and its code. */
export interface PublicHoliday {
  readonly date: IsoDate;
  readonly name: string;
  readonly code: PublicHolidayCode;
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian computus
 * (Meeus/Jones/Butcher). Valid for every year from 1583.
 */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/**
 * The French public holidays of `year`, sorted by date.
 *
 * Metropolitan France has eleven: Jour de l'an, Lundi de Pâques, Fête du
 * Travail, Victoire 1945, Ascension, Lundi de Pentecôte, Fête nationale,
 * Assomption, Toussaint, Armistice 1918, Noël. Alsace-Moselle (Bas-Rhin,
 * Haut-Rhin, Moselle) adds Vendredi saint and Saint-Étienne (26 December).
 *
 * Today's list is applied to every year (the history of the list — 8 May
 * between 1959 and 1981, for instance — is not modelled). When two holidays
 * fall on the same day (Ascension on 1 May in 2008), both are listed.
 */
export function publicHolidaysFR(year: number, options: { alsaceMoselle?: boolean } = {}): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number): IsoDate => formatIsoDate(year, month, day);
  const holidays: PublicHoliday[] = [
    { date: fixed(1, 1), name: "Jour de l'an", code: "new_year" },
    { date: addDays(easter, 1), name: "Lundi de Pâques", code: "easter_monday" },
    { date: fixed(5, 1), name: "Fête du Travail", code: "labour_day" },
    { date: fixed(5, 8), name: "Victoire 1945", code: "victory_1945" },
    { date: addDays(easter, 39), name: "Ascension", code: "ascension" },
    { date: addDays(easter, 50), name: "Lundi de Pentecôte", code: "whit_monday" },
    { date: fixed(7, 14), name: "Fête nationale", code: "national_day" },
    { date: fixed(8, 15), name: "Assomption", code: "assumption" },
    { date: fixed(11, 1), name: "Toussaint", code: "all_saints" },
    { date: fixed(11, 11), name: "Armistice 1918", code: "armistice_1918" },
    { date: fixed(12, 25), name: "Noël", code: "christmas" },
  ];
  if (options.alsaceMoselle === true) {
    holidays.push({ date: addDays(easter, -2), name: "Vendredi saint", code: "good_friday" }, { date: fixed(12, 26), name: "Saint-Étienne", code: "st_stephen" });
  }
  // Stable sort: same-day holidays keep the order above.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

function assertYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < 1583 || year > 9999) fail("invalid_argument", "year", { value: String(year) });
}
