import { kbArticles, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { and, asc, eq } from "drizzle-orm";
import { requireCustomer } from "../access";
import { AppError } from "../errors";

type Language = "fr" | "en";

/** The portal's help: published knowledge-base articles, titles in the reader's language. */
export async function listHelpArticles({ db, actor, language }: { db: Db; actor: Actor | null; language: Language }) {
  requireCustomer(actor);
  const rows = await db
    .select({ slug: kbArticles.slug, titleFr: kbArticles.titleFr, titleEn: kbArticles.titleEn })
    .from(kbArticles)
    .where(eq(kbArticles.published, true))
    .orderBy(asc(language === "en" ? kbArticles.titleEn : kbArticles.titleFr));
  return rows.map((row) => ({ slug: row.slug, title: language === "en" ? row.titleEn : row.titleFr }));
}

/** One published article in the reader's language; an unpublished or unknown slug is not_found. */
export async function getHelpArticle({ db, actor, slug, language }: { db: Db; actor: Actor | null; slug: string; language: Language }) {
  requireCustomer(actor);
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw new AppError("not_found");
  const [row] = await db
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.slug, slug), eq(kbArticles.published, true)))
    .limit(1);
  if (!row) throw new AppError("not_found");
  return {
    slug: row.slug,
    title: language === "en" ? row.titleEn : row.titleFr,
    body: language === "en" ? row.bodyEn : row.bodyFr,
    updatedAt: row.updatedAt,
  };
}
