import { checklistTemplateSchema, getChecklistTemplate, saveChecklistTemplate } from "@accord/core";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, isNew, savedTo } from "../admin/admin.server";
import { caseTypeOptions, CheckboxField, SelectField, TextAreaField, TextField } from "../admin/fields";
import { AdminEditPage } from "../admin/page";
import type { Route } from "./+types/admin.checklists.$id";

/** /admin/checklists/new writes a checklist template; /admin/checklists/<id> edits one. */
export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    if (isNew(ctx)) return { template: null };
    const template = await getChecklistTemplate({ ...ctx, templateId: args.params.id });
    return {
      template: {
        name: template.name,
        caseType: template.caseType ?? "",
        itemsFr: template.items.map((i) => i.titleFr).join("\n"),
        itemsEn: template.items.map((i) => i.titleEn).join("\n"),
        active: template.active,
      },
    };
  });
}

const INTENTS = {
  save: intent(checklistTemplateSchema, (input, ctx) => saveChecklistTemplate({ ...base(ctx), templateId: isNew(ctx) ? null : (ctx.params.id ?? ""), input }), savedTo("/admin/checklists")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function ChecklistPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { template } = loaderData;
  return (
    <AdminEditPage
      section="checklists"
      name={template?.name}
      defaults={template ?? { active: true }}
    >
      <div className="admin-row">
        <TextField name="name" label={t("admin.checklists.fields.name")} required />
        <SelectField name="caseType" label={t("admin.checklists.fields.caseType")} options={caseTypeOptions(t)} />
      </div>
      <div className="admin-row">
        <TextAreaField name="itemsFr" label={t("admin.checklists.fields.itemsFr")} hint={t("admin.checklists.fields.itemsHint")} />
        <TextAreaField name="itemsEn" label={t("admin.checklists.fields.itemsEn")} hint={t("admin.checklists.fields.itemsHint")} />
      </div>
      <CheckboxField name="active" label={t("admin.checklists.fields.active")} />
    </AdminEditPage>
  );
}
