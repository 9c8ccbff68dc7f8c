import type { CalendarDefinition } from "@accord/db";
import { HOLIDAY_SETS, validateCalendar, WEEKDAYS } from "@accord/domain";
import { z } from "zod";
import { AppError } from "../errors";
import { checkbox, requiredText } from "./schemas";

const weekdayRanges = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/[,;]/)
      .map((range) => range.replace(/\s+/g, ""))
      .filter((range) => range !== ""),
  );

const closureRow = z.object({ from: z.string().trim().optional(), to: z.string().trim().optional() });

/**
 * The calendar form: one text field per weekday ("09:00-12:30, 13:30-18:00", empty = closed),
 * the time zone, the holiday set, closures as from/to rows (empty rows are dropped), and whether
 * it becomes the default calendar. The domain validates the result (see toDefinition).
 */
export const calendarSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(60, "validation.tooLong")
    .regex(/^[a-z0-9-]+$/, "admin.errors.codeFormat"),
  name: requiredText(120),
  timeZone: requiredText(60),
  holidays: z.enum(HOLIDAY_SETS, { error: "validation.invalid" }),
  mon: weekdayRanges,
  tue: weekdayRanges,
  wed: weekdayRanges,
  thu: weekdayRanges,
  fri: weekdayRanges,
  sat: weekdayRanges,
  sun: weekdayRanges,
  closures: z
    .array(closureRow)
    .optional()
    .transform((rows) => (rows ?? []).filter((row) => row.from || row.to).map((row) => ({ from: row.from ?? "", to: row.to ?? "" }))),
  isDefault: checkbox,
});
export type CalendarInput = z.output<typeof calendarSchema>;
export type CalendarValues = z.output<typeof calendarSchema>;

/**
 * The definition the domain checks; its errors come back on the form's fields
 * (`weekly.mon[1]` → `mon`, `closures[0].to` stays, `weekly` → `mon`), translated from
 * `admin.calendars.errors.<reason>`.
 */
export function toDefinition(values: CalendarValues): CalendarDefinition {
  const definition: CalendarDefinition = {
    timeZone: values.timeZone,
    weekly: { mon: values.mon, tue: values.tue, wed: values.wed, thu: values.thu, fri: values.fri, sat: values.sat, sun: values.sun },
    holidays: values.holidays,
    closures: values.closures,
  };
  const fieldErrors: Record<string, string[]> = {};
  for (const error of validateCalendar(definition)) {
    const raw = error.field ?? "weekly";
    const weekday = /^weekly\.(\w+)/.exec(raw)?.[1];
    const field = raw === "weekly" ? "mon" : weekday && (WEEKDAYS as readonly string[]).includes(weekday) ? weekday : raw;
    const key = `admin.calendars.errors.${String(error.params.reason ?? "invalid")}`;
    const list = (fieldErrors[field] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("validation", { fieldErrors });
  return definition;
}
