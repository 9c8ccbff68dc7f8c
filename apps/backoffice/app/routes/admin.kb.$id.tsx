import { getKbArticle, kbArticleSchema, listKbArticles, saveKbArticle } from "@accord/core";
import { Button, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AdminForm, CheckboxField, stateFor, TextAreaField, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import type { Route } from "./+types/admin.kb.$id";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

const NEW = "new";

/** /admin/kb/new writes an article; /admin/kb/<id> edits one (publish with the checkbox). */
export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  const db = args.context.get(dbContext);
  try {
    if (args.params.id === NEW) {
      await listKbArticles({ db, actor }); // the permission check (404 otherwise)
      return { article: null };
    }
    const article = await getKbArticle({ db, actor, articleId: args.params.id });
    return { article: { id: article.id, slug: article.slug, titleFr: article.titleFr, titleEn: article.titleEn, bodyFr: article.bodyFr, bodyEn: article.bodyEn, published: article.published } };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context, params } = args;
  const formData = await request.formData();
  const db = context.get(dbContext);
  const refused = await submitForm(formData, kbArticleSchema, translator(context), (input) =>
    saveKbArticle({ db, actor, articleId: params.id === NEW ? null : params.id, input, now: new Date() }),
  );
  return refused ?? savedRedirect(request, "/admin/kb");
}

export default function KbArticlePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { article } = loaderData;
  const title = article ? t("admin.kb.editTitle", { title: i18n.language === "en" ? article.titleEn : article.titleFr }) : t("admin.kb.createTitle");
  return (
    <>
      <PageHeader eyebrow={t("admin.kb.title")} title={title} />
      <p>
        <Link to="/admin/kb">{t("common.back")}</Link>
      </p>
      <section className="card" aria-label={title}>
        <AdminForm intent="save" state={stateFor(actionData, "save")}>
          <TextField name="slug" label={t("admin.kb.fields.slug")} hint={t("admin.kb.fields.slugHint")} required defaultValue={article?.slug ?? ""} />
          <div className="admin-row">
            <TextField name="titleFr" label={t("admin.kb.fields.titleFr")} required defaultValue={article?.titleFr ?? ""} />
            <TextField name="titleEn" label={t("admin.kb.fields.titleEn")} required defaultValue={article?.titleEn ?? ""} />
          </div>
          <TextAreaField name="bodyFr" label={t("admin.kb.fields.bodyFr")} rows={10} defaultValue={article?.bodyFr ?? ""} />
          <TextAreaField name="bodyEn" label={t("admin.kb.fields.bodyEn")} rows={10} defaultValue={article?.bodyEn ?? ""} />
          <CheckboxField name="published" label={t("admin.kb.fields.published")} defaultChecked={article?.published ?? false} />
          <div className="form__actions">
            <Button type="submit">{article ? t("admin.save") : t("admin.create")}</Button>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
