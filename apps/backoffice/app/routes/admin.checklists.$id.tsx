import { checklistTemplateSchema, listTemplates, saveChecklistTemplate } from "@accord/core";
import { CASE_TYPES } from "@accord/domain";
import { Button, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminForm, CheckboxField, SelectField, stateFor, TextAreaField, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.checklists.$id";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound, throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

const NEW = "new";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    const { checklists } = await listTemplates({ db: args.context.get(dbContext), actor });
    if (args.params.id === NEW) return { template: null };
    const template = checklists.find((c) => c.id === args.params.id);
    if (!template) notFound();
    return {
      template: {
        name: template.name,
        caseType: template.caseType ?? "",
        itemsFr: template.items.map((i) => i.titleFr).join("\n"),
        itemsEn: template.items.map((i) => i.titleEn).join("\n"),
        active: template.active,
      },
    };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context, params } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused = await submitForm(formData, checklistTemplateSchema, translator(context), (input) =>
    saveChecklistTemplate({ db, actor, templateId: params.id === NEW ? null : params.id, input, now: new Date() }),
  );
  return refused ?? savedRedirect(request, "/admin/checklists");
}

export default function ChecklistPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { template } = loaderData;
  const title = template ? t("admin.checklists.editTitle", { name: template.name }) : t("admin.checklists.createTitle");
  return (
    <>
      <PageHeader eyebrow={t("admin.checklists.title")} title={title} />
      <p>
        <Link to="/admin/checklists">{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        <AdminForm intent="save" state={stateFor(actionData, "save")}>
          <div className="admin-row">
            <TextField name="name" label={t("admin.checklists.fields.name")} required defaultValue={template?.name ?? ""} />
            <SelectField
              name="caseType"
              label={t("admin.checklists.fields.caseType")}
              defaultValue={template?.caseType ?? ""}
              options={[{ value: "", label: t("admin.any") }, ...CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))]}
            />
          </div>
          <div className="admin-row">
            <TextAreaField name="itemsFr" label={t("admin.checklists.fields.itemsFr")} hint={t("admin.checklists.fields.itemsHint")} defaultValue={template?.itemsFr ?? ""} />
            <TextAreaField name="itemsEn" label={t("admin.checklists.fields.itemsEn")} hint={t("admin.checklists.fields.itemsHint")} defaultValue={template?.itemsEn ?? ""} />
          </div>
          <CheckboxField name="active" label={t("admin.checklists.fields.active")} defaultChecked={template?.active ?? true} />
          <div className="form__actions">
            <Button type="submit">{template ? t("admin.save") : t("admin.create")}</Button>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
