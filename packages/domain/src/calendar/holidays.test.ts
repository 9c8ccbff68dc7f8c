import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { easterSunday, publicHolidaysFR } from "./holidays";
import { weekdayOf } from "../dates/iso-date";
import { DomainValidationError } from "../errors/errors";
import easterFixture from "./easter-fixture.json";

describe("easterSunday", () => {
  it("matches an independent computation (python-dateutil) for every year 1900–2200", () => {
    for (const [year, date] of Object.entries(easterFixture as Record<string, string>)) {
      expect(easterSunday(Number(year)), year).toBe(date);
    }
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(weekdayOf(easter)).toBe("sun");
        const monthDay = easter.slice(5);
        expect(monthDay >= "03-22" && monthDay <= "04-25").toBe(true);
      }),
    );
  });

  it("refuses a year outside the Gregorian calendar, naming the field", () => {
    for (const year of [1582, 10_000, 2026.5, Number.NaN]) {
      expect(() => easterSunday(year)).toThrowError(DomainValidationError);
      try {
        easterSunday(year);
      } catch (error) {
        expect(error).toMatchObject({ code: "invalid_argument", field: "year" });
      }
    }
  });
});

describe("publicHolidaysFR", () => {
  it("lists the eleven metropolitan holidays of 2026 in date order, in French", () => {
    expect(publicHolidaysFR(2026)).toEqual([
      { date: "2026-01-01", name: "Jour de l'an", code: "new_year" },
      { date: "2026-04-06", name: "Lundi de Pâques", code: "easter_monday" },
      { date: "2026-05-01", name: "Fête du Travail", code: "labour_day" },
      { date: "2026-05-08", name: "Victoire 1945", code: "victory_1945" },
      { date: "2026-05-14", name: "Ascension", code: "ascension" },
      { date: "2026-05-25", name: "Lundi de Pentecôte", code: "whit_monday" },
      { date: "2026-07-14", name: "Fête nationale", code: "national_day" },
      { date: "2026-08-15", name: "Assomption", code: "assumption" },
      { date: "2026-11-01", name: "Toussaint", code: "all_saints" },
      { date: "2026-11-11", name: "Armistice 1918", code: "armistice_1918" },
      { date: "2026-12-25", name: "Noël", code: "christmas" },
    ]);
  });

  it("adds Good Friday and 26 December for Alsace-Moselle", () => {
    const holidays = publicHolidaysFR(2026, { alsaceMoselle: true });
    expect(holidays).toHaveLength(13);
    expect(holidays).toContainEqual({ date: "2026-04-03", name: "Vendredi saint", code: "good_friday" });
    expect(holidays.at(-1)).toEqual({ date: "2026-12-26", name: "Saint-Étienne", code: "st_stephen" });
    expect(publicHolidaysFR(2026, { alsaceMoselle: false })).toHaveLength(11);
  });

  it("lists both holidays when Ascension falls on 1 May (2008)", () => {
    const mayDay = publicHolidaysFR(2008).filter((holiday) => holiday.date === "2008-05-01");
    expect(mayDay.map((holiday) => holiday.name)).toEqual(["Fête du Travail", "Ascension"]);
  });

  it("places the movable feasts on Monday, Thursday and Monday after Easter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const byName = new Map(publicHolidaysFR(year, { alsaceMoselle: true }).map((h) => [h.name, h.date]));
        expect(weekdayOf(byName.get("Lundi de Pâques") as string)).toBe("mon");
        expect(weekdayOf(byName.get("Ascension") as string)).toBe("thu");
        expect(weekdayOf(byName.get("Lundi de Pentecôte") as string)).toBe("mon");
        expect(weekdayOf(byName.get("Vendredi saint") as string)).toBe("fri");
      }),
    );
  });
});
