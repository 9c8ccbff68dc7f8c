import { listSlaPolicies, minutesAsHours, slaPolicySchema, updateSlaPolicy } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { stateFor } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import { SlaPolicyForm } from "../admin/sla-form";
import type { Route } from "./+types/admin.sla.$id";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { languageOf, translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const { policies, calendars } = await listSlaPolicies({ db: args.context.get(dbContext), actor });
    const policy = policies.find((p) => p.id === args.params.id);
    if (!policy) notFound();
    const language = languageOf(args.context);
    return {
      policy: { id: policy.id, name: policy.name },
      defaults: {
        name: policy.name,
        priority: policy.priority ?? "",
        type: policy.type ?? "",
        tier: policy.tier ?? "",
        firstResponseHours: minutesAsHours(policy.firstResponseMinutes, language),
        resolutionHours: minutesAsHours(policy.resolutionMinutes, language),
        calendarId: policy.calendarId,
      },
      calendars,
    };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context, params } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused = await submitForm(formData, slaPolicySchema, translator(context), (input) => updateSlaPolicy({ db, actor, policyId: params.id, input, now: new Date() }));
  return refused ?? savedRedirect(request, "/admin/sla");
}

export default function EditSlaPolicy({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader eyebrow={t("admin.sla.title")} title={t("admin.sla.editTitle", { name: loaderData.policy.name })} />
      <p>
        <Link to="/admin/sla">{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={t("admin.sla.editTitle", { name: loaderData.policy.name })}>
        <SlaPolicyForm intent="update" state={stateFor(actionData, "update")} defaults={loaderData.defaults} calendars={loaderData.calendars} submitLabel={t("admin.save")} />
      </section>
    </>
  );
}
