import { calendarSchema, createCalendar, getCalendar, updateCalendar } from "@accord/core";
import { publicHolidaysFR, type PublicHolidayCode } from "@accord/domain";
import { formatDate } from "@accord/ui";
import { intent } from "@accord/web/intents";
import { useFormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, isNew, savedTo } from "../admin/admin.server";
import { CheckboxField, SelectField, TextField } from "../admin/fields";
import { AdminEditPage } from "../admin/page";
import type { Route } from "./+types/admin.calendars.$id";
import { notFound } from "../.server/errors";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const HOLIDAY_SETS = ["FR", "FR-alsace-moselle", "none"] as const;
/** The usual week of a new calendar. */
const USUAL_DAY = ["09:00-12:30", "13:30-18:00"];

/** /admin/calendars/new creates a calendar; /admin/calendars/<id> edits one. */
export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:sla", async (ctx) => {
    const year = ctx.now.getFullYear();
    const holidays = {
      FR: publicHolidaysFR(year),
      "FR-alsace-moselle": publicHolidaysFR(year, { alsaceMoselle: true }),
      none: [],
    };
    if (isNew(ctx)) return { calendar: null, year, holidays };
    const calendar = await getCalendar({ ...ctx, calendarId: args.params.id });
    if (!calendar) notFound();
    return { calendar: { id: calendar.id, code: calendar.code, name: calendar.name, isDefault: calendar.isDefault, definition: calendar.definition }, year, holidays };
  });
}

const INTENTS = {
  save: intent(
    calendarSchema,
    (input, ctx) => (isNew(ctx) ? createCalendar({ ...base(ctx), input }) : updateCalendar({ ...base(ctx), calendarId: ctx.params.id ?? "", input })),
    savedTo("/admin/calendars"),
  ),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

/** The closures, one row each, and an empty row to add one; after a refusal, as many rows as were sent. */
function ClosureRows() {
  const { t } = useTranslation();
  const sent = useFormMetadata().initialValue?.closures;
  const rows = Array.isArray(sent) ? sent.length : 0;
  return (
    <fieldset className="admin-fieldset">
      <legend>{t("admin.calendars.fields.closures")}</legend>
      <p className="field__hint">{t("admin.calendars.fields.closuresHint")}</p>
      {Array.from({ length: rows }, (_, index) => (
        <div className="admin-row" key={index} role="group" aria-label={t("admin.calendars.fields.closureRow", { n: index + 1 })}>
          <TextField name={`closures[${index}].from`} id={`closure-${index}-from`} type="date" label={`${t("admin.calendars.fields.closureFrom")} (${index + 1})`} />
          <TextField name={`closures[${index}].to`} id={`closure-${index}-to`} type="date" label={`${t("admin.calendars.fields.closureTo")} (${index + 1})`} />
        </div>
      ))}
    </fieldset>
  );
}

/** The public holidays of the calendar's set this year, named in the reader's language. */
function HolidaysPreview({ set, year, holidays }: { set: (typeof HOLIDAY_SETS)[number]; year: number; holidays: { date: string; code: PublicHolidayCode }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={`holidays-${set}`} className="card">
      <h2 id={`holidays-${set}`}>{t("admin.calendars.holidaysPreview", { year, set: t(`admin.calendars.holidaySets.${set}`) })}</h2>
      {holidays.length === 0 ? <p>{t("admin.calendars.noHolidays")}</p> : null}
      <ul>
        {holidays.map((holiday) => (
          <li key={`${holiday.date}-${holiday.code}`}>
            {formatDate(holiday.date, i18n.language)} — {t(`admin.calendars.holidayNames.${holiday.code}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function CalendarPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { calendar, year, holidays } = loaderData;
  const definition = calendar?.definition;
  const set = definition?.holidays ?? "FR";
  const defaults = {
    code: calendar?.code ?? "",
    name: calendar?.name ?? "",
    timeZone: definition?.timeZone ?? "Europe/Paris",
    holidays: set,
    ...Object.fromEntries(WEEKDAYS.map((day) => [day, (definition?.weekly[day] ?? (day === "sat" || day === "sun" ? [] : USUAL_DAY)).join(", ")])),
    // One empty row more, to add a closure.
    closures: [...(definition?.closures ?? []), { from: "", to: "" }],
  };
  return (
    <AdminEditPage
      section="calendars"
      name={calendar?.name}
      defaults={defaults}
      after={<HolidaysPreview set={set} year={year} holidays={holidays[set]} />}
    >
      <div className="admin-row">
        <TextField name="code" label={t("admin.calendars.fields.code")} required />
        <TextField name="name" label={t("admin.calendars.fields.name")} required />
      </div>
      <div className="admin-row">
        <TextField name="timeZone" label={t("admin.calendars.fields.timeZone")} hint={t("admin.calendars.fields.timeZoneHint")} required />
        <SelectField name="holidays" label={t("admin.calendars.fields.holidays")} options={HOLIDAY_SETS.map((value) => ({ value, label: t(`admin.calendars.holidaySets.${value}`) }))} />
      </div>
      <fieldset className="admin-fieldset">
        <legend>{t("admin.calendars.fields.weekly")}</legend>
        <p className="field__hint">{t("admin.calendars.fields.weeklyHint")}</p>
        {WEEKDAYS.map((day) => (
          <TextField key={day} name={day} label={t(`admin.calendars.weekdays.${day}`)} />
        ))}
      </fieldset>
      <ClosureRows />
      {calendar?.isDefault ? <p>{t("admin.calendars.isDefault")}</p> : <CheckboxField name="isDefault" label={t("admin.calendars.fields.isDefault")} />}
    </AdminEditPage>
  );
}
