import { listKbArticles } from "@accord/core";
import { adminLoader } from "../admin/admin.server";
import { AdminListPage } from "../admin/page";
import type { Route } from "./+types/admin.kb";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => ({ articles: await listKbArticles(ctx) }));
}

export default function KnowledgeBase({ loaderData }: Route.ComponentProps) {
  return (
    <AdminListPage
      section="kb"
      rows={loaderData.articles}
      cells={(t, language) => ({
        title: (a) => language === "en" ? a.titleEn : a.titleFr,
        slug: (a) => `/help/${a.slug}`,
        status: (a) => t(a.published ? "admin.kb.published" : "admin.kb.draft"),
      })}
    />
  );
}
