import { kbArticles, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { idSchema } from "./schemas";

/** One article for its edit form. */
export async function getKbArticle({ db, actor, articleId }: { db: Db; actor: Actor | null; articleId: string }) {
  requireStaff(actor, "admin:settings");
  const id = idSchema.safeParse(articleId);
  if (!id.success) throw new AppError("not_found");
  const [article] = await db.select().from(kbArticles).where(eq(kbArticles.id, id.data)).limit(1);
  if (!article) throw new AppError("not_found");
  return article;
}
