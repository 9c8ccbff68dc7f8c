import { listPriceIndexValues, priceIndexValueSchema, recordPriceIndexValue } from "@accord/core";
import { Button, DataTable, EmptyState, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { AdminForm, stateFor, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.indexes";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const values = await listPriceIndexValues({ db: args.context.get(dbContext), actor });
    return { values: values.map((v) => ({ indexCode: v.indexCode, month: v.month.slice(0, 7), value: v.value })) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused = await submitForm(formData, priceIndexValueSchema, translator(context), (input) => recordPriceIndexValue({ db, actor, input, now: new Date() }));
  return refused ?? savedRedirect(request, "/admin/indexes");
}

export default function Indexes({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.indexes.title")} description={t("admin.indexes.description")} />
      <section aria-labelledby="index-create" className="card">
        <h2 id="index-create">{t("admin.indexes.createTitle")}</h2>
        <AdminForm intent="record" state={stateFor(actionData, "record")}>
          <div className="admin-row">
            <TextField name="indexCode" label={t("admin.indexes.fields.indexCode")} required />
            <TextField name="month" label={t("admin.indexes.fields.month")} hint={t("admin.indexes.fields.monthHint")} required />
            <TextField name="value" label={t("admin.indexes.fields.value")} inputMode="decimal" required />
          </div>
          <div className="form__actions">
            <Button type="submit">{t("admin.save")}</Button>
          </div>
        </AdminForm>
      </section>
      <DataTable
        caption={t("admin.indexes.caption")}
        rows={loaderData.values}
        rowKey={(v) => `${v.indexCode}-${v.month}`}
        empty={<EmptyState title={t("admin.indexes.empty")} />}
        columns={[
          { key: "index", header: t("admin.indexes.columns.index"), rowHeader: true, cell: (v) => v.indexCode },
          { key: "month", header: t("admin.indexes.columns.month"), cell: (v) => v.month },
          { key: "value", header: t("admin.indexes.columns.value"), cell: (v) => v.value },
        ]}
      />
    </>
  );
}
