import { createSlaPolicy, listSlaPolicies, minutesAsHours, setSlaPolicyActive, slaPolicySchema } from "@accord/core";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { activeStatus, ActiveToggle, AdminListPage, caseTypeName, FormSection } from "../admin/page";
import { SlaPolicyFields } from "../admin/sla-form";
import type { Route } from "./+types/admin.sla";
import { languageOf } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:sla", async (ctx) => {
    const { policies, calendars } = await listSlaPolicies(ctx);
    const language = languageOf(args.context);
    // Hours as this language writes them ("1,5" in French), computed here: the page's code stays free of server modules.
    return {
      calendars,
      policies: policies.map((p) => ({ ...p, firstResponseHours: minutesAsHours(p.firstResponseMinutes, language), resolutionHours: minutesAsHours(p.resolutionMinutes, language) })),
    };
  });
}

/** The policy a row's button acts on. */
const policySchema = z.object({ policyId: z.string() });

const INTENTS = {
  create: intent(slaPolicySchema, (input, ctx) => createSlaPolicy({ ...base(ctx), input }), savedTo("/admin/sla")),
  deactivate: intent(policySchema, ({ policyId }, ctx) => setSlaPolicyActive({ ...base(ctx), policyId, active: false }), savedTo("/admin/sla", "admin.flash.deactivated")),
  reactivate: intent(policySchema, ({ policyId }, ctx) => setSlaPolicyActive({ ...base(ctx), policyId, active: true }), savedTo("/admin/sla")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function SlaPolicies({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { policies, calendars } = loaderData;
  return (
    <AdminListPage
      section="sla"
      rows={policies}
      cells={(t) => {
        const hours = (value: string) => t("admin.sla.hours", { hours: value });
        return {
          name: (p) => p.name,
          priority: (p) => p.priority ?? t("admin.any"),
          type: (p) => caseTypeName(t, p.type),
          tier: (p) => (p.tier ? t(`admin.accounts.tiers.${p.tier}`) : t("admin.any")),
          firstResponse: (p) => hours(p.firstResponseHours),
          resolution: (p) => hours(p.resolutionHours),
          calendar: (p) => p.calendarName,
          status: (p) => activeStatus(t, p.active),
          actions: (p) => <ActiveToggle section="sla" active={p.active} values={{ policyId: p.id }} name={p.name} />,
        };
      }}
    >
      <FormSection id="sla-create" title={t("admin.sla.createTitle")} intent="create" submit={t("admin.create")}>
        <SlaPolicyFields calendars={calendars} />
      </FormSection>
    </AdminListPage>
  );
}
