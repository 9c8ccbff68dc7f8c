import { getSlaPolicy, minutesAsHours, slaPolicySchema, updateSlaPolicy } from "@accord/core";
import { intent } from "@accord/web/intents";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { AdminEditPage } from "../admin/page";
import { SlaPolicyFields } from "../admin/sla-form";
import type { Route } from "./+types/admin.sla.$id";
import { languageOf } from "../.server/i18n";

/** /admin/sla/<id> edits a policy (its hours written as the reader's language writes them). */
export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:sla", async (ctx) => {
    const { policy, calendars } = await getSlaPolicy({ ...ctx, policyId: args.params.id });
    const language = languageOf(args.context);
    return {
      name: policy.name,
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
  });
}

const INTENTS = {
  update: intent(slaPolicySchema, (input, ctx) => updateSlaPolicy({ ...base(ctx), policyId: ctx.params.id ?? "", input }), savedTo("/admin/sla")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function EditSlaPolicy({ loaderData }: Route.ComponentProps) {
  return (
    <AdminEditPage section="sla" name={loaderData.name} intent="update" defaults={loaderData.defaults}>
      <SlaPolicyFields calendars={loaderData.calendars} />
    </AdminEditPage>
  );
}
