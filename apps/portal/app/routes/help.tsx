import { listHelpArticles } from "@accord/core";
import { EmptyState, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/help";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { languageOf } from "../.server/i18n";

/** The help: published knowledge-base articles, in the reader's language. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args);
  return { articles: await loadOrRespond(ctx, () => listHelpArticles({ ...ctx, language: languageOf(args.context) })) };
}

export default function Help({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("help.title")} description={t("help.description")} />
      {loaderData.articles.length === 0 ? (
        <EmptyState title={t("help.empty")} />
      ) : (
        <nav aria-label={t("help.listLabel")}>
          <ul>
            {loaderData.articles.map((article) => (
              <li key={article.slug}>
                <Link to={`/help/${article.slug}`}>{article.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
