import { kbArticles } from "@accord/db";
import { and, eq, ne } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { KbArticleInput } from "./kb-article-input";
import { idSchema, lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/**
 * An admin writes a knowledge-base article (articleId null) or edits one; a published article
 * shows in the portal's help at /help/<slug>, in the reader's language.
 */
export async function saveKbArticle({ db, actor, articleId, input, now }: UseCaseArgs<KbArticleInput, { articleId: string | null }>): Promise<{ id: string; slug: string }> {
  const admin = requireStaff(actor, "admin:settings");
  const id = articleId === null ? null : idSchema.safeParse(articleId);
  if (id && !id.success) throw new AppError("not_found");
  const values = input;

  return db.transaction(async (tx) => {
    await lockSettings(tx, "kb");
    const existingId = id?.success ? id.data : null;
    const [taken] = await tx
      .select({ id: kbArticles.id })
      .from(kbArticles)
      .where(existingId ? and(eq(kbArticles.slug, values.slug), ne(kbArticles.id, existingId)) : eq(kbArticles.slug, values.slug))
      .limit(1);
    if (taken) throw new AppError("validation", { fieldErrors: { slug: ["admin.kb.errors.slugTaken"] } });

    let articleIdOut: string;
    if (existingId) {
      const [existing] = await tx.select().from(kbArticles).where(eq(kbArticles.id, existingId)).limit(1);
      if (!existing) throw new AppError("not_found");
      const publishedAt = values.published ? (existing.published ? existing.publishedAt : now) : null;
      await tx.update(kbArticles).set({ ...values, publishedAt, updatedAt: now }).where(eq(kbArticles.id, existing.id));
      articleIdOut = existing.id;
    } else {
      const [row] = await tx
        .insert(kbArticles)
        .values({ ...values, publishedAt: values.published ? now : null, createdAt: now, updatedAt: now })
        .returning({ id: kbArticles.id });
      articleIdOut = row!.id;
    }
    await appendAdminEvent(tx, {
      actor: actorRef(admin),
      at: now,
      type: existingId ? "kb_article_updated" : "kb_article_created",
      payload: { articleId: articleIdOut, slug: values.slug, titleFr: values.titleFr, titleEn: values.titleEn, published: values.published },
    });
    return { id: articleIdOut, slug: values.slug };
  });
}
