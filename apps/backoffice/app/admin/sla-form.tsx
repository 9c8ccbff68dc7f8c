import { CASE_TYPES, PRIORITIES } from "@accord/domain";
import { Button } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { AdminForm, SelectField, TextField } from "./fields";
import type { FormState } from "./form-state";

const TIERS = ["standard", "key", "strategic"] as const;

export interface SlaPolicyDefaults {
  name: string;
  priority: string;
  type: string;
  tier: string;
  firstResponseHours: string;
  resolutionHours: string;
  calendarId: string;
}

/** The SLA policy form (create and edit). */
export function SlaPolicyForm({
  intent,
  state,
  defaults,
  calendars,
  submitLabel,
}: {
  intent: string;
  state: FormState | null;
  defaults?: SlaPolicyDefaults;
  calendars: { id: string; name: string; isDefault: boolean }[];
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const any = { value: "", label: t("admin.any") };
  return (
    <AdminForm intent={intent} state={state}>
      <TextField name="name" label={t("admin.sla.fields.name")} required defaultValue={defaults?.name} />
      <div className="admin-row">
        <SelectField name="priority" label={t("admin.sla.fields.priority")} defaultValue={defaults?.priority} options={[any, ...PRIORITIES.map((p) => ({ value: p, label: p }))]} />
        <SelectField name="type" label={t("admin.sla.fields.type")} defaultValue={defaults?.type} options={[any, ...CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))]} />
        <SelectField name="tier" label={t("admin.sla.fields.tier")} defaultValue={defaults?.tier} options={[any, ...TIERS.map((tier) => ({ value: tier, label: t(`admin.accounts.tiers.${tier}`) }))]} />
      </div>
      <div className="admin-row">
        <TextField name="firstResponseHours" label={t("admin.sla.fields.firstResponseHours")} hint={t("admin.sla.fields.hoursHint")} inputMode="decimal" required defaultValue={defaults?.firstResponseHours} />
        <TextField name="resolutionHours" label={t("admin.sla.fields.resolutionHours")} hint={t("admin.sla.fields.hoursHint")} inputMode="decimal" required defaultValue={defaults?.resolutionHours} />
      </div>
      <SelectField
        name="calendarId"
        label={t("admin.sla.fields.calendar")}
        defaultValue={defaults?.calendarId}
        options={calendars.map((calendar) => ({ value: calendar.id, label: calendar.isDefault ? `${calendar.name} — ${t("admin.sla.fields.defaultCalendar")}` : calendar.name }))}
      />
      <div className="form__actions">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </AdminForm>
  );
}
