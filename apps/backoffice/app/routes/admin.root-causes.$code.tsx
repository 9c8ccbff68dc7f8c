import { listRootCauses, renameRootCause, rootCauseLabelsSchema } from "@accord/core";
import { Button, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminForm, stateFor, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.root-causes.$code";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const cause = (await listRootCauses({ db: args.context.get(dbContext), actor })).find((c) => c.code === args.params.code);
    if (!cause) notFound();
    return { cause: { code: cause.code, labelFr: cause.labelFr, labelEn: cause.labelEn, category: cause.category ?? "" } };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context, params } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused = await submitForm(formData, rootCauseLabelsSchema, translator(context), (input) => renameRootCause({ db, actor, code: params.code, input, now: new Date() }));
  return refused ?? savedRedirect(request, "/admin/root-causes");
}

export default function RenameRootCause({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { cause } = loaderData;
  const title = t("admin.rootCauses.editTitle", { name: cause.labelFr });
  return (
    <>
      <PageHeader eyebrow={t("admin.rootCauses.title")} title={title} description={cause.code} />
      <p>
        <Link to="/admin/root-causes">{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        <AdminForm intent="rename" state={stateFor(actionData, "rename")}>
          <div className="admin-row">
            <TextField name="labelFr" label={t("admin.rootCauses.fields.labelFr")} required defaultValue={cause.labelFr} />
            <TextField name="labelEn" label={t("admin.rootCauses.fields.labelEn")} required defaultValue={cause.labelEn} />
          </div>
          <TextField name="category" label={t("admin.rootCauses.fields.category")} defaultValue={cause.category} />
          <div className="form__actions">
            <Button type="submit">{t("admin.save")}</Button>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
