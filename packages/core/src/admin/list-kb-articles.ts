import { kbArticles, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { idSchema } from "./schemas";

/** Every knowledge-base article, published or not, by slug. */
export async function listKbArticles({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:settings");
  return db
    .select({ id: kbArticles.id, slug: kbArticles.slug, titleFr: kbArticles.titleFr, titleEn: kbArticles.titleEn, published: kbArticles.published, updatedAt: kbArticles.updatedAt })
    .from(kbArticles)
    .orderBy(asc(kbArticles.slug));
}

/** One article for its edit form. */
export async function getKbArticle({ db, actor, articleId }: { db: Db; actor: Actor | null; articleId: string }) {
  requireStaff(actor, "admin:settings");
  const id = idSchema.safeParse(articleId);
  if (!id.success) throw new AppError("not_found");
  const [article] = await db.select().from(kbArticles).where(eq(kbArticles.id, id.data)).limit(1);
  if (!article) throw new AppError("not_found");
  return article;
}
