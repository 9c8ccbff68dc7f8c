import { listStaff, staffProfileSchema, updateStaffUser } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { stateFor } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import { StaffForm } from "../admin/staff-form";
import type { Route } from "./+types/admin.staff.$id";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const { users, teams } = await listStaff({ db: args.context.get(dbContext), actor });
    const user = users.find((u) => u.id === args.params.id);
    if (!user) notFound();
    return { user, teams };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context, params } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused = await submitForm(formData, staffProfileSchema, translator(context), (input) => updateStaffUser({ db, actor, userId: params.id, input, now: new Date() }));
  return refused ?? savedRedirect(request, "/admin/staff");
}

export default function EditStaff({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user, teams } = loaderData;
  return (
    <>
      <PageHeader eyebrow={t("admin.staff.title")} title={t("admin.staff.editTitle", { name: user.name })} description={user.email} />
      <p>
        <Link to="/admin/staff">{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={t("admin.staff.editTitle", { name: user.name })}>
        <StaffForm intent="update" state={stateFor(actionData, "update")} teams={teams} defaults={user} withEmail={false} submitLabel={t("admin.save")} />
      </section>
    </>
  );
}
