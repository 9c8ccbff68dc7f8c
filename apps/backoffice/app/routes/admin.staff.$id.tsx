import { getStaffUser, staffProfileSchema, updateStaffUser } from "@accord/core";
import { intent } from "@accord/web/intents";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { AdminEditPage } from "../admin/page";
import { StaffFields } from "../admin/staff-form";
import type { Route } from "./+types/admin.staff.$id";

/** /admin/staff/<id> edits a staff member's name, roles, teams and language. */
export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:users", (ctx) => getStaffUser({ ...ctx, userId: args.params.id }));
}

const INTENTS = {
  update: intent(staffProfileSchema, (input, ctx) => updateStaffUser({ ...base(ctx), userId: ctx.params.id ?? "", input }), savedTo("/admin/staff")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function EditStaff({ loaderData }: Route.ComponentProps) {
  const { user, teams } = loaderData;
  return (
    <AdminEditPage section="staff" name={user.name} description={user.email} intent="update" defaults={user}>
      <StaffFields teams={teams} withEmail={false} />
    </AdminEditPage>
  );
}
