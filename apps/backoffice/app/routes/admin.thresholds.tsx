import { approvalThresholdsSchema, centsAsEuros, escalationSettingsSchema, getApprovalThresholds, getEscalationSettings, updateApprovalThresholds, updateEscalationSettings } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { TextField } from "../admin/fields";
import { AdminForm, useAdminForm, type AdminReply } from "../admin/page";
import type { Route } from "./+types/admin.thresholds";
import { languageOf } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const thresholds = await getApprovalThresholds(ctx);
    const escalation = await getEscalationSettings(ctx);
    const language = languageOf(args.context);
    return {
      thresholds: { supervisorAbove: centsAsEuros(thresholds.supervisorAboveCents, language), financeAbove: centsAsEuros(thresholds.financeAboveCents, language) },
      escalation: {
        warningPercent: String(Math.round(escalation.warningShare * 100)),
        inactivityBusinessDays: String(escalation.inactivityBusinessDays),
        customerReminderBusinessDays: String(escalation.customerReminderBusinessDays),
        autoCloseBusinessDays: escalation.autoCloseBusinessDays === null ? "" : String(escalation.autoCloseBusinessDays),
      },
    };
  });
}

const INTENTS = {
  thresholds: intent(approvalThresholdsSchema, (input, ctx) => updateApprovalThresholds({ ...base(ctx), input }), savedTo("/admin/thresholds")),
  escalation: intent(escalationSettingsSchema, (input, ctx) => updateEscalationSettings({ ...base(ctx), input }), savedTo("/admin/thresholds")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

type Loaded = Route.ComponentProps["loaderData"];

function ThresholdsForm({ defaults, actionData }: { defaults: Loaded["thresholds"]; actionData: AdminReply }) {
  const { t } = useTranslation();
  const [form] = useAdminForm("thresholds", actionData, { defaults });
  return (
    <AdminForm form={form} submit={t("admin.save")}>
      <div className="admin-row">
        <TextField name="supervisorAbove" label={t("admin.thresholds.fields.supervisorAbove")} inputMode="decimal" required />
        <TextField name="financeAbove" label={t("admin.thresholds.fields.financeAbove")} inputMode="decimal" required />
      </div>
    </AdminForm>
  );
}

function EscalationForm({ defaults, actionData }: { defaults: Loaded["escalation"]; actionData: AdminReply }) {
  const { t } = useTranslation();
  const [form] = useAdminForm("escalation", actionData, { defaults });
  return (
    <AdminForm form={form} submit={t("admin.save")}>
      <div className="admin-row">
        <TextField name="warningPercent" label={t("admin.thresholds.escalation.warningPercent")} inputMode="numeric" required />
        <TextField name="inactivityBusinessDays" label={t("admin.thresholds.escalation.inactivityBusinessDays")} inputMode="numeric" required />
      </div>
      <div className="admin-row">
        <TextField name="customerReminderBusinessDays" label={t("admin.thresholds.escalation.customerReminderBusinessDays")} inputMode="numeric" required />
        <TextField name="autoCloseBusinessDays" label={t("admin.thresholds.escalation.autoCloseBusinessDays")} hint={t("admin.thresholds.escalation.autoCloseHint")} inputMode="numeric" />
      </div>
    </AdminForm>
  );
}

export default function Thresholds({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.thresholds.title")} description={t("admin.thresholds.description")} />
      <section className="card" aria-label={t("admin.thresholds.title")}>
        <ThresholdsForm key={JSON.stringify(loaderData.thresholds)} defaults={loaderData.thresholds} actionData={actionData} />
      </section>
      <section className="card" aria-labelledby="escalation-title">
        <h2 id="escalation-title">{t("admin.thresholds.escalation.title")}</h2>
        <p>{t("admin.thresholds.escalation.description")}</p>
        <EscalationForm key={JSON.stringify(loaderData.escalation)} defaults={loaderData.escalation} actionData={actionData} />
      </section>
    </>
  );
}
