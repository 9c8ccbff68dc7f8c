import { createRootCause, listRootCauses, moveRootCause, rootCauseSchema, setRootCauseActive } from "@accord/core";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { TextField } from "../admin/fields";
import { AdminForm, AdminListPage, RowAction, useAdminForm } from "../admin/page";
import type { Route } from "./+types/admin.root-causes";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => ({ causes: await listRootCauses(ctx) }));
}

/** The cause a row's button acts on. */
const causeSchema = z.object({ code: z.string() });
const done = savedTo("/admin/root-causes");

/** Add a cause; move one up or down; deactivate or reactivate one. */
const INTENTS = {
  create: intent(rootCauseSchema, (input, ctx) => createRootCause({ ...base(ctx), input }), done),
  up: intent(causeSchema, ({ code }, ctx) => moveRootCause({ ...base(ctx), code, direction: "up" }), done),
  down: intent(causeSchema, ({ code }, ctx) => moveRootCause({ ...base(ctx), code, direction: "down" }), done),
  deactivate: intent(causeSchema, ({ code }, ctx) => setRootCauseActive({ ...base(ctx), code, active: false }), done),
  reactivate: intent(causeSchema, ({ code }, ctx) => setRootCauseActive({ ...base(ctx), code, active: true }), done),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function RootCauses({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const [form] = useAdminForm("create", actionData);
  const nameOf = (c: { labelFr: string; labelEn: string }) => (i18n.language === "en" ? c.labelEn : c.labelFr);
  return (
    <AdminListPage
      section="root-causes"
      rows={loaderData.causes}
      rowKey={(c) => c.code}
      columns={[
        { key: "labelFr", header: t("admin.rootCauses.columns.labelFr"), rowHeader: true, cell: (c) => <Link to={`/admin/root-causes/${c.code}`}>{c.labelFr}</Link> },
        { key: "labelEn", header: t("admin.rootCauses.columns.labelEn"), cell: (c) => c.labelEn },
        { key: "code", header: t("admin.rootCauses.columns.code"), cell: (c) => c.code },
        { key: "category", header: t("admin.rootCauses.columns.category"), cell: (c) => c.category ?? "" },
        { key: "status", header: t("admin.rootCauses.columns.status"), cell: (c) => t(c.active ? "admin.active" : "admin.inactive") },
        {
          key: "order",
          header: t("admin.rootCauses.columns.order"),
          cell: (c) => (
            <>
              <RowAction intent="up" actionData={actionData} values={{ code: c.code }} label={t("admin.rootCauses.upLabel", { name: nameOf(c) })} text={t("admin.rootCauses.up")} />{" "}
              <RowAction intent="down" actionData={actionData} values={{ code: c.code }} label={t("admin.rootCauses.downLabel", { name: nameOf(c) })} text={t("admin.rootCauses.down")} />
            </>
          ),
        },
        {
          key: "actions",
          header: t("admin.actions"),
          cell: (c) => {
            const next = c.active ? "deactivate" : "reactivate";
            return <RowAction intent={next} actionData={actionData} values={{ code: c.code }} label={t(`admin.rootCauses.${next}Label`, { name: nameOf(c) })} text={t(`admin.${next}`)} />;
          },
        },
      ]}
    >
      <section aria-labelledby="cause-create" className="card">
        <h2 id="cause-create">{t("admin.rootCauses.createTitle")}</h2>
        <AdminForm form={form} submit={t("admin.create")}>
          <div className="admin-row">
            <TextField name="code" label={t("admin.rootCauses.fields.code")} hint={t("admin.rootCauses.fields.codeHint")} required />
            <TextField name="category" label={t("admin.rootCauses.fields.category")} />
          </div>
          <div className="admin-row">
            <TextField name="labelFr" label={t("admin.rootCauses.fields.labelFr")} required />
            <TextField name="labelEn" label={t("admin.rootCauses.fields.labelEn")} required />
          </div>
        </AdminForm>
      </section>
    </AdminListPage>
  );
}
