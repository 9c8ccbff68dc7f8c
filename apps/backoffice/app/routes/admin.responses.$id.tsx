import { getResponseTemplate, responseTemplateSchema, saveResponseTemplate } from "@accord/core";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, isNew, savedTo } from "../admin/admin.server";
import { caseTypeOptions, CheckboxField, SelectField, TextAreaField, TextField } from "../admin/fields";
import { AdminEditPage } from "../admin/page";
import type { Route } from "./+types/admin.responses.$id";

/** As RESPONSE_PLACEHOLDERS in core (instruction/render-response-template), written the way a template uses them. */
const PLACEHOLDERS = ["{{customerName}}", "{{reference}}", "{{deadline}}"];

/** /admin/responses/new writes a response template; /admin/responses/<id> edits one. */
export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    if (isNew(ctx)) return { template: null };
    const { name, caseType, bodyFr, bodyEn, active } = await getResponseTemplate({ ...ctx, templateId: args.params.id });
    return { template: { name, caseType: caseType ?? "", bodyFr, bodyEn, active } };
  });
}

const INTENTS = {
  save: intent(responseTemplateSchema, (input, ctx) => saveResponseTemplate({ ...base(ctx), templateId: isNew(ctx) ? null : (ctx.params.id ?? ""), input }), savedTo("/admin/responses")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function ResponsePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { template } = loaderData;
  const hint = t("admin.responses.placeholders", { list: PLACEHOLDERS.join(", "), interpolation: { escapeValue: false } });
  return (
    <AdminEditPage
      section="responses"
      name={template?.name}
      defaults={template ?? { active: true }}
    >
      <div className="admin-row">
        <TextField name="name" label={t("admin.responses.fields.name")} required />
        <SelectField name="caseType" label={t("admin.responses.fields.caseType")} options={caseTypeOptions(t)} />
      </div>
      <TextAreaField name="bodyFr" label={t("admin.responses.fields.bodyFr")} hint={hint} rows={8} />
      <TextAreaField name="bodyEn" label={t("admin.responses.fields.bodyEn")} hint={hint} rows={8} />
      <CheckboxField name="active" label={t("admin.responses.fields.active")} />
    </AdminEditPage>
  );
}
