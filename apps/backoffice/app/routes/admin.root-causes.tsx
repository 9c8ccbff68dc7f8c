import { createRootCause, listRootCauses, moveRootCause, rootCauseSchema, setRootCauseActive } from "@accord/core";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { TextField } from "../admin/fields";
import { activeStatus, ActiveToggle, AdminListPage, FormSection, RowAction } from "../admin/page";
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

export default function RootCauses({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <AdminListPage
      section="root-causes"
      rows={loaderData.causes}
      cells={(t, language) => {
        const nameOf = (c: { labelFr: string; labelEn: string }) => (language === "en" ? c.labelEn : c.labelFr);
        return {
          labelFr: (c) => c.labelFr,
          labelEn: (c) => c.labelEn,
          code: (c) => c.code,
          category: (c) => c.category ?? "",
          status: (c) => activeStatus(t, c.active),
          order: (c) => (
            <>
              <RowAction intent="up" values={{ code: c.code }} label={t("admin.rootCauses.upLabel", { name: nameOf(c) })} text={t("admin.rootCauses.up")} />{" "}
              <RowAction intent="down" values={{ code: c.code }} label={t("admin.rootCauses.downLabel", { name: nameOf(c) })} text={t("admin.rootCauses.down")} />
            </>
          ),
          actions: (c) => <ActiveToggle section="rootCauses" active={c.active} values={{ code: c.code }} name={nameOf(c)} />,
        };
      }}
    >
      <FormSection id="cause-create" title={t("admin.rootCauses.createTitle")} intent="create" submit={t("admin.create")}>
        <div className="admin-row">
          <TextField name="code" label={t("admin.rootCauses.fields.code")} hint={t("admin.rootCauses.fields.codeHint")} required />
          <TextField name="category" label={t("admin.rootCauses.fields.category")} />
        </div>
        <div className="admin-row">
          <TextField name="labelFr" label={t("admin.rootCauses.fields.labelFr")} required />
          <TextField name="labelEn" label={t("admin.rootCauses.fields.labelEn")} required />
        </div>
      </FormSection>
    </AdminListPage>
  );
}
