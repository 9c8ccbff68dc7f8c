import { getRootCause, renameRootCause, rootCauseLabelsSchema } from "@accord/core";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { TextField } from "../admin/fields";
import { AdminEditPage } from "../admin/page";
import type { Route } from "./+types/admin.root-causes.$code";

/** /admin/root-causes/<code> renames a cause (its code never changes). */
export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const { code, labelFr, labelEn, category } = await getRootCause({ ...ctx, code: args.params.code });
    return { cause: { code, labelFr, labelEn, category: category ?? "" } };
  });
}

const INTENTS = {
  rename: intent(rootCauseLabelsSchema, (input, ctx) => renameRootCause({ ...base(ctx), code: ctx.params.code ?? "", input }), savedTo("/admin/root-causes")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function RenameRootCause({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { cause } = loaderData;
  return (
    <AdminEditPage section="root-causes" name={cause.labelFr} description={cause.code} intent="rename" defaults={cause}>
      <div className="admin-row">
        <TextField name="labelFr" label={t("admin.rootCauses.fields.labelFr")} required />
        <TextField name="labelEn" label={t("admin.rootCauses.fields.labelEn")} required />
      </div>
      <TextField name="category" label={t("admin.rootCauses.fields.category")} />
    </AdminEditPage>
  );
}
