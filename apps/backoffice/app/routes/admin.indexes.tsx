import { listPriceIndexValues, priceIndexValueSchema, recordPriceIndexValue } from "@accord/core";
import { DataTable, EmptyState, PageHeader } from "@accord/ui";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { TextField } from "../admin/fields";
import { FormSection } from "../admin/page";
import type { Route } from "./+types/admin.indexes";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    const values = await listPriceIndexValues(ctx);
    return { values: values.map((v) => ({ indexCode: v.indexCode, month: v.month.slice(0, 7), value: v.value })) };
  });
}

const INTENTS = {
  record: intent(priceIndexValueSchema, (input, ctx) => recordPriceIndexValue({ ...base(ctx), input }), savedTo("/admin/indexes")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function Indexes({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.indexes.title")} description={t("admin.indexes.description")} />
      <FormSection id="index-create" title={t("admin.indexes.createTitle")} intent="record" submit={t("admin.save")}>
        <div className="admin-row">
          <TextField name="indexCode" label={t("admin.indexes.fields.indexCode")} required />
          <TextField name="month" label={t("admin.indexes.fields.month")} hint={t("admin.indexes.fields.monthHint")} required />
          <TextField name="value" label={t("admin.indexes.fields.value")} inputMode="decimal" required />
        </div>
      </FormSection>
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
