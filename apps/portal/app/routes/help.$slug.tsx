import { getHelpArticle } from "@accord/core";
import { formatDate, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/help.$slug";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { languageOf } from "../.server/i18n";

/** One published article; a draft or an unknown address is a 404. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args);
  const article = await loadOrRespond(ctx, () => getHelpArticle({ ...ctx, slug: args.params.slug, language: languageOf(args.context) }));
  return { ...article, updatedAt: article.updatedAt.toISOString() };
}

export default function HelpArticle({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  // Plain text written by the staff: paragraphs split on blank lines, never HTML.
  const paragraphs = loaderData.body.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  return (
    <>
      <PageHeader eyebrow={t("help.title")} title={loaderData.title} description={t("help.updated", { date: formatDate(loaderData.updatedAt, i18n.language) })} />
      <article className="stack">
        {paragraphs.map((paragraph, index) => (
          <p key={index} style={{ whiteSpace: "pre-line" }}>
            {paragraph}
          </p>
        ))}
      </article>
      <p>
        <Link to="/help">{t("help.back")}</Link>
      </p>
    </>
  );
}
