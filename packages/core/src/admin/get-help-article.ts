import { kbArticles, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { and, eq } from "drizzle-orm";
import { requireCustomer } from "../access";
import { AppError } from "../errors";

type Language = "fr" | "en";

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
