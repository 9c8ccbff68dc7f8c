import { createRootCause, listRootCauses, moveRootCause, rootCauseSchema, setRootCauseActive } from "@accord/core";
import { Button, DataTable, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { AdminForm, stateFor, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.root-causes";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    return { causes: await listRootCauses({ db: args.context.get(dbContext), actor }) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

/** Add a cause; move one up or down; deactivate or reactivate one. */
export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context } = args;
  const t = translator(context);
  const formData = await request.formData();
  const db = context.get(dbContext);
  const now = new Date();
  const intent = String(formData.get("intent") ?? "");
  const code = String(formData.get("code") ?? "");
  if (intent === "create") {
    const refused = await submitForm(formData, rootCauseSchema, t, (input) => createRootCause({ db, actor, input, now }));
    return refused ?? savedRedirect(request, "/admin/root-causes");
  }
  try {
    if (intent === "up" || intent === "down") await moveRootCause({ db, actor, code, direction: intent, now });
    else if (intent === "deactivate" || intent === "reactivate") await setRootCauseActive({ db, actor, code, active: intent === "reactivate", now });
    else notFound();
  } catch (error) {
    throwAsResponse(error, t);
  }
  return savedRedirect(request, "/admin/root-causes");
}

function RowButton({ intent, code, label, text }: { intent: string; code: string; label: string; text: string }) {
  return (
    <Form method="post" style={{ display: "inline-block" }}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="code" value={code} />
      <Button type="submit" variant="secondary" aria-label={label}>
        {text}
      </Button>
    </Form>
  );
}

export default function RootCauses({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { causes } = loaderData;
  return (
    <>
      <PageHeader title={t("admin.rootCauses.title")} description={t("admin.rootCauses.description")} />
      <DataTable
        caption={t("admin.rootCauses.caption")}
        rows={causes}
        rowKey={(c) => c.code}
        empty={null}
        columns={[
          { key: "labelFr", header: t("admin.rootCauses.columns.labelFr"), rowHeader: true, cell: (c) => <Link to={`/admin/root-causes/${c.code}`}>{c.labelFr}</Link> },
          { key: "labelEn", header: t("admin.rootCauses.columns.labelEn"), cell: (c) => c.labelEn },
          { key: "code", header: t("admin.rootCauses.columns.code"), cell: (c) => c.code },
          { key: "category", header: t("admin.rootCauses.columns.category"), cell: (c) => c.category ?? "" },
          { key: "status", header: t("admin.rootCauses.columns.status"), cell: (c) => t(c.active ? "admin.active" : "admin.inactive") },
          {
            key: "order",
            header: t("admin.rootCauses.columns.order"),
            cell: (c) => {
              const name = i18n.language === "en" ? c.labelEn : c.labelFr;
              return (
                <>
                  <RowButton intent="up" code={c.code} label={t("admin.rootCauses.upLabel", { name })} text={t("admin.rootCauses.up")} />{" "}
                  <RowButton intent="down" code={c.code} label={t("admin.rootCauses.downLabel", { name })} text={t("admin.rootCauses.down")} />
                </>
              );
            },
          },
          {
            key: "actions",
            header: t("admin.actions"),
            cell: (c) => {
              const name = i18n.language === "en" ? c.labelEn : c.labelFr;
              return c.active ? (
                <RowButton intent="deactivate" code={c.code} label={t("admin.rootCauses.deactivateLabel", { name })} text={t("admin.deactivate")} />
              ) : (
                <RowButton intent="reactivate" code={c.code} label={t("admin.rootCauses.reactivateLabel", { name })} text={t("admin.reactivate")} />
              );
            },
          },
        ]}
      />
      <section aria-labelledby="cause-create" className="card">
        <h2 id="cause-create">{t("admin.rootCauses.createTitle")}</h2>
        <AdminForm intent="create" state={stateFor(actionData, "create")}>
          <div className="admin-row">
            <TextField name="code" label={t("admin.rootCauses.fields.code")} hint={t("admin.rootCauses.fields.codeHint")} required />
            <TextField name="category" label={t("admin.rootCauses.fields.category")} />
          </div>
          <div className="admin-row">
            <TextField name="labelFr" label={t("admin.rootCauses.fields.labelFr")} required />
            <TextField name="labelEn" label={t("admin.rootCauses.fields.labelEn")} required />
          </div>
          <div className="form__actions">
            <Button type="submit">{t("admin.create")}</Button>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
