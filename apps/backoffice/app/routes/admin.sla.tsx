import { createSlaPolicy, listSlaPolicies, minutesAsHours, setSlaPolicyActive, slaPolicySchema } from "@accord/core";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { AdminListPage, RowAction } from "../admin/page";
import { SlaPolicyForm } from "../admin/sla-form";
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

export default function SlaPolicies({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { policies, calendars } = loaderData;
  const hours = (value: string) => t("admin.sla.hours", { hours: value });
  return (
    <AdminListPage
      section="sla"
      empty={t("admin.sla.empty")}
      rows={policies}
      rowKey={(policy) => policy.id}
      columns={[
        { key: "name", header: t("admin.sla.columns.name"), rowHeader: true, cell: (p) => <Link to={`/admin/sla/${p.id}`}>{p.name}</Link> },
        { key: "priority", header: t("admin.sla.columns.priority"), cell: (p) => p.priority ?? t("admin.any") },
        { key: "type", header: t("admin.sla.columns.type"), cell: (p) => (p.type ? t(`caseType.${p.type}`) : t("admin.any")) },
        { key: "tier", header: t("admin.sla.columns.tier"), cell: (p) => (p.tier ? t(`admin.accounts.tiers.${p.tier}`) : t("admin.any")) },
        { key: "first", header: t("admin.sla.columns.firstResponse"), cell: (p) => hours(p.firstResponseHours) },
        { key: "resolution", header: t("admin.sla.columns.resolution"), cell: (p) => hours(p.resolutionHours) },
        { key: "calendar", header: t("admin.sla.columns.calendar"), cell: (p) => p.calendarName },
        { key: "status", header: t("admin.sla.columns.status"), cell: (p) => t(p.active ? "admin.active" : "admin.inactive") },
        {
          key: "actions",
          header: t("admin.actions"),
          cell: (p) => {
            const next = p.active ? "deactivate" : "reactivate";
            return <RowAction intent={next} actionData={actionData} values={{ policyId: p.id }} label={t(`admin.sla.${next}Label`, { name: p.name })} text={t(`admin.${next}`)} />;
          },
        },
      ]}
    >
      <section aria-labelledby="sla-create" className="card">
        <h2 id="sla-create">{t("admin.sla.createTitle")}</h2>
        <SlaPolicyForm intent="create" actionData={actionData} calendars={calendars} submit={t("admin.create")} />
      </section>
    </AdminListPage>
  );
}
