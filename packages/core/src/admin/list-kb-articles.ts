import { kbArticles, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc } from "drizzle-orm";
import { requireStaff } from "../access";

/** Every knowledge-base article, published or not, by slug. */
export async function listKbArticles({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:settings");
  return db
    .select({ id: kbArticles.id, slug: kbArticles.slug, titleFr: kbArticles.titleFr, titleEn: kbArticles.titleEn, published: kbArticles.published, updatedAt: kbArticles.updatedAt })
    .from(kbArticles)
    .orderBy(asc(kbArticles.slug));
}
