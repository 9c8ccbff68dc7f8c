import { listTemplates, responseTemplateSchema, saveResponseTemplate } from "@accord/core";
import { CASE_TYPES } from "@accord/domain";
import { Button, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminForm, CheckboxField, SelectField, stateFor, TextAreaField, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.responses.$id";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

const NEW = "new";
/** As RESPONSE_PLACEHOLDERS in core (instruction/render-response-template), written the way a template uses them. */
const PLACEHOLDERS = ["{{customerName}}", "{{reference}}", "{{deadline}}"];

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const { responses } = await listTemplates({ db: args.context.get(dbContext), actor });
    if (args.params.id === NEW) return { template: null };
    const template = responses.find((r) => r.id === args.params.id);
    if (!template) notFound();
    return { template: { name: template.name, caseType: template.caseType ?? "", bodyFr: template.bodyFr, bodyEn: template.bodyEn, active: template.active } };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context, params } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused = await submitForm(formData, responseTemplateSchema, translator(context), (input) =>
    saveResponseTemplate({ db, actor, templateId: params.id === NEW ? null : params.id, input, now: new Date() }),
  );
  return refused ?? savedRedirect(request, "/admin/responses");
}

export default function ResponsePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { template } = loaderData;
  const title = template ? t("admin.responses.editTitle", { name: template.name }) : t("admin.responses.createTitle");
  const hint = t("admin.responses.placeholders", { list: PLACEHOLDERS.join(", "), interpolation: { escapeValue: false } });
  return (
    <>
      <PageHeader eyebrow={t("admin.responses.title")} title={title} />
      <p>
        <Link to="/admin/responses">{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        <AdminForm intent="save" state={stateFor(actionData, "save")}>
          <div className="admin-row">
            <TextField name="name" label={t("admin.responses.fields.name")} required defaultValue={template?.name ?? ""} />
            <SelectField
              name="caseType"
              label={t("admin.responses.fields.caseType")}
              defaultValue={template?.caseType ?? ""}
              options={[{ value: "", label: t("admin.any") }, ...CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))]}
            />
          </div>
          <TextAreaField name="bodyFr" label={t("admin.responses.fields.bodyFr")} hint={hint} rows={8} defaultValue={template?.bodyFr ?? ""} />
          <TextAreaField name="bodyEn" label={t("admin.responses.fields.bodyEn")} hint={hint} rows={8} defaultValue={template?.bodyEn ?? ""} />
          <CheckboxField name="active" label={t("admin.responses.fields.active")} defaultChecked={template?.active ?? true} />
          <div className="form__actions">
            <Button type="submit">{template ? t("admin.save") : t("admin.create")}</Button>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
