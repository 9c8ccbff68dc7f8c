import { listHelpArticles } from "@accord/core";
import { EmptyState, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/help";
import { requireCustomer } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { languageOf, translator } from "../.server/i18n";

/** The help: published knowledge-base articles, in the reader's language. */
export async function loader(args: Route.LoaderArgs) {
  const actor = await requireCustomer(args);
  try {
    return { articles: await listHelpArticles({ db: args.context.get(dbContext), actor, language: languageOf(args.context) }) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
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
