import { calendarSchema, createCalendar, getCalendar, updateCalendar } from "@accord/core";
import { publicHolidaysFR } from "@accord/domain";
import { Button, formatDate, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminForm, CheckboxField, SelectField, stateFor, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.calendars.$id";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const HOLIDAY_SETS = ["FR", "FR-alsace-moselle", "none"] as const;
const NEW = "new";

/** /admin/calendars/new creates a calendar; /admin/calendars/<id> edits one. */
export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  const db = args.context.get(dbContext);
  try {
    const year = new Date().getFullYear();
    const holidays = {
      FR: publicHolidaysFR(year),
      "FR-alsace-moselle": publicHolidaysFR(year, { alsaceMoselle: true }),
      none: [],
    };
    if (args.params.id === NEW) {
      // The check of the permission comes with the list (a non-admin gets a 404).
      await getCalendar({ db, actor, calendarId: NEW });
      return { calendar: null, year, holidays };
    }
    const calendar = await getCalendar({ db, actor, calendarId: args.params.id });
    if (!calendar) notFound();
    return { calendar: { id: calendar.id, code: calendar.code, name: calendar.name, isDefault: calendar.isDefault, definition: calendar.definition }, year, holidays };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context, params } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const now = new Date();
  const refused = await submitForm(formData, calendarSchema, translator(context), (input) =>
    params.id === NEW ? createCalendar({ db, actor, input, now }) : updateCalendar({ db, actor, calendarId: params.id, input, now }),
  );
  return refused ?? savedRedirect(request, "/admin/calendars");
}

export default function CalendarPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { calendar, year, holidays } = loaderData;
  const state = stateFor(actionData, "save");
  const definition = calendar?.definition;
  const title = calendar ? t("admin.calendars.editTitle", { name: calendar.name }) : t("admin.calendars.createTitle");
  const closures = [...(definition?.closures ?? []), { from: "", to: "" }];
  // After a refusal, show as many closure rows as were sent.
  const sentRows = state ? Object.keys(state.values).filter((key) => /^closures\[\d+\]\.from$/.test(key)).length : 0;
  while (closures.length < sentRows) closures.push({ from: "", to: "" });
  return (
    <>
      <PageHeader eyebrow={t("admin.calendars.title")} title={title} />
      <p>
        <Link to="/admin/calendars">{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        <AdminForm intent="save" state={state}>
          <div className="admin-row">
            <TextField name="code" label={t("admin.calendars.fields.code")} required defaultValue={calendar?.code ?? ""} />
            <TextField name="name" label={t("admin.calendars.fields.name")} required defaultValue={calendar?.name ?? ""} />
          </div>
          <div className="admin-row">
            <TextField name="timeZone" label={t("admin.calendars.fields.timeZone")} hint={t("admin.calendars.fields.timeZoneHint")} required defaultValue={definition?.timeZone ?? "Europe/Paris"} />
            <SelectField
              name="holidays"
              label={t("admin.calendars.fields.holidays")}
              defaultValue={definition?.holidays ?? "FR"}
              options={HOLIDAY_SETS.map((set) => ({ value: set, label: t(`admin.calendars.holidaySets.${set}`) }))}
            />
          </div>
          <fieldset className="admin-fieldset">
            <legend>{t("admin.calendars.fields.weekly")}</legend>
            <p className="field__hint">{t("admin.calendars.fields.weeklyHint")}</p>
            {WEEKDAYS.map((day) => (
              <TextField
                key={day}
                name={day}
                label={t(`admin.calendars.weekdays.${day}`)}
                defaultValue={(definition?.weekly[day] ?? (day === "sat" || day === "sun" ? [] : ["09:00-12:30", "13:30-18:00"])).join(", ")}
              />
            ))}
          </fieldset>
          <fieldset className="admin-fieldset">
            <legend>{t("admin.calendars.fields.closures")}</legend>
            <p className="field__hint">{t("admin.calendars.fields.closuresHint")}</p>
            {closures.map((closure, index) => (
              <div className="admin-row" key={index} role="group" aria-label={t("admin.calendars.fields.closureRow", { n: index + 1 })}>
                <TextField name={`closures[${index}].from`} id={`closure-${index}-from`} type="date" label={`${t("admin.calendars.fields.closureFrom")} (${index + 1})`} defaultValue={closure.from} />
                <TextField name={`closures[${index}].to`} id={`closure-${index}-to`} type="date" label={`${t("admin.calendars.fields.closureTo")} (${index + 1})`} defaultValue={closure.to} />
              </div>
            ))}
          </fieldset>
          {calendar?.isDefault ? <p>{t("admin.calendars.isDefault")}</p> : <CheckboxField name="isDefault" label={t("admin.calendars.fields.isDefault")} />}
          <div className="form__actions">
            <Button type="submit">{calendar ? t("admin.save") : t("admin.create")}</Button>
          </div>
        </AdminForm>
      </section>
      {[definition?.holidays ?? "FR"].map((set) => (
        <section key={set} aria-labelledby={`holidays-${set}`} className="card">
          <h2 id={`holidays-${set}`}>{t("admin.calendars.holidaysPreview", { year, set: t(`admin.calendars.holidaySets.${set}`) })}</h2>
          {holidays[set].length === 0 ? <p>{t("admin.calendars.noHolidays")}</p> : null}
          <ul>
            {holidays[set].map((holiday) => (
              <li key={`${holiday.date}-${holiday.code}`}>
                {formatDate(holiday.date, i18n.language)} — {t(`admin.calendars.holidayNames.${holiday.code}`)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
