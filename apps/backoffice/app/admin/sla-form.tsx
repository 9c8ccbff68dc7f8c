import { CASE_TYPES, PRIORITIES } from "@accord/domain";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "./fields";
import { AdminForm, useAdminForm, type AdminReply } from "./page";

const TIERS = ["standard", "key", "strategic"] as const;

export type SlaPolicyDefaults = {
  name: string;
  priority: string;
  type: string;
  tier: string;
  firstResponseHours: string;
  resolutionHours: string;
  calendarId: string;
};

/** The SLA policy form (create and edit). */
export function SlaPolicyForm({
  intent,
  actionData,
  defaults,
  calendars,
  submit,
}: {
  intent: string;
  actionData: AdminReply;
  defaults?: SlaPolicyDefaults;
  calendars: { id: string; name: string; isDefault: boolean }[];
  submit: string;
}) {
  const { t } = useTranslation();
  const [form] = useAdminForm(intent, actionData, { defaults });
  const any = { value: "", label: t("admin.any") };
  return (
    <AdminForm form={form} submit={submit}>
      <TextField name="name" label={t("admin.sla.fields.name")} required />
      <div className="admin-row">
        <SelectField name="priority" label={t("admin.sla.fields.priority")} options={[any, ...PRIORITIES.map((p) => ({ value: p, label: p }))]} />
        <SelectField name="type" label={t("admin.sla.fields.type")} options={[any, ...CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))]} />
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
    </AdminForm>
  );
}
