import { listKbArticles } from "@accord/core";
import { DataTable, EmptyState, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/admin.kb";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    return { articles: await listKbArticles({ db: args.context.get(dbContext), actor }) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export default function KnowledgeBase({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.kb.title")} description={t("admin.kb.description")} />
      <p>
        <Link className="button button--primary" to="/admin/kb/new">
          {t("admin.kb.newArticle")}
        </Link>
      </p>
      <DataTable
        caption={t("admin.kb.caption")}
        rows={loaderData.articles}
        rowKey={(article) => article.id}
        empty={<EmptyState title={t("admin.kb.empty")} />}
        columns={[
          { key: "title", header: t("admin.kb.columns.title"), rowHeader: true, cell: (a) => <Link to={`/admin/kb/${a.id}`}>{i18n.language === "en" ? a.titleEn : a.titleFr}</Link> },
          { key: "slug", header: t("admin.kb.columns.slug"), cell: (a) => `/help/${a.slug}` },
          { key: "status", header: t("admin.kb.columns.status"), cell: (a) => t(a.published ? "admin.kb.published" : "admin.kb.draft") },
        ]}
      />
    </>
  );
}
