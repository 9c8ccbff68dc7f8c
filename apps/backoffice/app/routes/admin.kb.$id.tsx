import { getKbArticle, kbArticleSchema, saveKbArticle } from "@accord/core";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { adminAction, adminLoader, base, isNew, savedTo } from "../admin/admin.server";
import { CheckboxField, TextAreaField, TextField } from "../admin/fields";
import { AdminEditPage } from "../admin/page";
import type { Route } from "./+types/admin.kb.$id";

/** /admin/kb/new writes an article; /admin/kb/<id> edits one (publish with the checkbox). */
export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => {
    if (isNew(ctx)) return { article: null };
    const { slug, titleFr, titleEn, bodyFr, bodyEn, published } = await getKbArticle({ ...ctx, articleId: args.params.id });
    return { article: { slug, titleFr, titleEn, bodyFr, bodyEn, published } };
  });
}

const INTENTS = {
  save: intent(kbArticleSchema, (input, ctx) => saveKbArticle({ ...base(ctx), articleId: isNew(ctx) ? null : (ctx.params.id ?? ""), input }), savedTo("/admin/kb")),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

export default function KbArticlePage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { article } = loaderData;
  return (
    <AdminEditPage
      section="kb"
      name={article && (i18n.language === "en" ? article.titleEn : article.titleFr)}
      defaults={article ?? undefined}
    >
      <TextField name="slug" label={t("admin.kb.fields.slug")} hint={t("admin.kb.fields.slugHint")} required />
      <div className="admin-row">
        <TextField name="titleFr" label={t("admin.kb.fields.titleFr")} required />
        <TextField name="titleEn" label={t("admin.kb.fields.titleEn")} required />
      </div>
      <TextAreaField name="bodyFr" label={t("admin.kb.fields.bodyFr")} rows={10} />
      <TextAreaField name="bodyEn" label={t("admin.kb.fields.bodyEn")} rows={10} />
      <CheckboxField name="published" label={t("admin.kb.fields.published")} />
    </AdminEditPage>
  );
}
