import { kbArticles, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, eq } from "drizzle-orm";
import { requireCustomer } from "../access";

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
