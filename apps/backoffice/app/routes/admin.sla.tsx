import { createSlaPolicy, listSlaPolicies, minutesAsHours, setSlaPolicyActive, slaPolicySchema } from "@accord/core";
import { Button, DataTable, EmptyState, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { stateFor } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import { SlaPolicyForm } from "../admin/sla-form";
import type { Route } from "./+types/admin.sla";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { languageOf, translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const { policies, calendars } = await listSlaPolicies({ db: args.context.get(dbContext), actor });
    const language = languageOf(args.context);
    // Hours as this language writes them ("1,5" in French), computed here: the page's code stays free of server modules.
    return {
      calendars,
      policies: policies.map((p) => ({ ...p, firstResponseHours: minutesAsHours(p.firstResponseMinutes, language), resolutionHours: minutesAsHours(p.resolutionMinutes, language) })),
    };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context } = args;
  const t = translator(context);
  const db = context.get(dbContext);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const now = new Date();
  if (intent === "create") {
    const refused = await submitForm(formData, slaPolicySchema, t, (input) => createSlaPolicy({ db, actor, input, now }));
    return refused ?? savedRedirect(request, "/admin/sla");
  }
  if (intent === "deactivate" || intent === "reactivate") {
    try {
      await setSlaPolicyActive({ db, actor, policyId: String(formData.get("policyId") ?? ""), active: intent === "reactivate", now });
    } catch (error) {
      throwAsResponse(error, t);
    }
    return savedRedirect(request, "/admin/sla", intent === "deactivate" ? "admin.flash.deactivated" : "admin.flash.saved");
  }
  notFound();
}

export default function SlaPolicies({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { policies, calendars } = loaderData;
  const hours = (value: string) => t("admin.sla.hours", { hours: value });
  return (
    <>
      <PageHeader title={t("admin.sla.title")} description={t("admin.sla.description")} />
      <DataTable
        caption={t("admin.sla.caption")}
        rows={policies}
        rowKey={(policy) => policy.id}
        empty={<EmptyState title={t("admin.sla.empty")} />}
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
            cell: (p) => (
              <Form method="post">
                <input type="hidden" name="intent" value={p.active ? "deactivate" : "reactivate"} />
                <input type="hidden" name="policyId" value={p.id} />
                <Button type="submit" variant="secondary" aria-label={t(p.active ? "admin.sla.deactivateLabel" : "admin.sla.reactivateLabel", { name: p.name })}>
                  {t(p.active ? "admin.deactivate" : "admin.reactivate")}
                </Button>
              </Form>
            ),
          },
        ]}
      />
      <section aria-labelledby="sla-create" className="card">
        <h2 id="sla-create">{t("admin.sla.createTitle")}</h2>
        <SlaPolicyForm intent="create" state={stateFor(actionData, "create")} calendars={calendars} submitLabel={t("admin.create")} />
      </section>
    </>
  );
}
