import { listKbArticles } from "@accord/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { adminLoader } from "../admin/admin.server";
import { AdminListPage } from "../admin/page";
import type { Route } from "./+types/admin.kb";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => ({ articles: await listKbArticles(ctx) }));
}

export default function KnowledgeBase({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  return (
    <AdminListPage
      section="kb"
      create={t("admin.kb.newArticle")}
      empty={t("admin.kb.empty")}
      rows={loaderData.articles}
      rowKey={(article) => article.id}
      columns={[
        { key: "title", header: t("admin.kb.columns.title"), rowHeader: true, cell: (a) => <Link to={`/admin/kb/${a.id}`}>{i18n.language === "en" ? a.titleEn : a.titleFr}</Link> },
        { key: "slug", header: t("admin.kb.columns.slug"), cell: (a) => `/help/${a.slug}` },
        { key: "status", header: t("admin.kb.columns.status"), cell: (a) => t(a.published ? "admin.kb.published" : "admin.kb.draft") },
      ]}
    />
  );
}
