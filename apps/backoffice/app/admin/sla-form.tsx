import { PRIORITIES } from "@accord/domain";
import { useTranslation } from "react-i18next";
import { caseTypeOptions, SelectField, TextField } from "./fields";

const TIERS = ["standard", "key", "strategic"] as const;

/** The SLA policy form's fields (create and edit). */
export function SlaPolicyFields({ calendars }: { calendars: { id: string; name: string; isDefault: boolean }[] }) {
  const { t } = useTranslation();
  const any = { value: "", label: t("admin.any") };
  return (
    <>
      <TextField name="name" label={t("admin.sla.fields.name")} required />
      <div className="admin-row">
        <SelectField name="priority" label={t("admin.sla.fields.priority")} options={[any, ...PRIORITIES.map((p) => ({ value: p, label: p }))]} />
        <SelectField name="type" label={t("admin.sla.fields.type")} options={caseTypeOptions(t)} />
        <SelectField name="tier" label={t("admin.sla.fields.tier")} options={[any, ...TIERS.map((tier) => ({ value: tier, label: t(`admin.accounts.tiers.${tier}`) }))]} />
      </div>
      <div className="admin-row">
        <TextField name="firstResponseHours" label={t("admin.sla.fields.firstResponseHours")} hint={t("admin.sla.fields.hoursHint")} inputMode="decimal" required />
        <TextField name="resolutionHours" label={t("admin.sla.fields.resolutionHours")} hint={t("admin.sla.fields.hoursHint")} inputMode="decimal" required />
      </div>
      <SelectField
        name="calendarId"
        label={t("admin.sla.fields.calendar")}
        options={calendars.map((calendar) => ({ value: calendar.id, label: calendar.isDefault ? `${calendar.name} — ${t("admin.sla.fields.defaultCalendar")}` : calendar.name }))}
      />
    </>
  );
}
