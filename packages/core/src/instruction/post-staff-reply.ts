import { kbArticles, messages } from "@accord/db";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { customerWantsEmail } from "../customers/customer-wants-email";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { attachStagedUploads } from "../files/attach-staged-uploads";
import { refreshCaseSla } from "../sla/case-sla";
import { unfilledPlaceholders } from "./render-response-template";
import { assertOpen, caseContact, caseReferenceSchema, findStaffCase, markFirstResponse } from "./staff-case";
import type { UseCaseArgs } from "../use-case";

/** A form sends one value or several under one name. */
export const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
  z.array(z.uuid("validation.invalid")).max(20, "casePage.validation.tooMany"),
);

export const postStaffReplySchema = z.object({
  reference: caseReferenceSchema,
  body: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(10_000, "validation.tooLong"),
  kbArticleIds: idList,
  uploadIds: idList,
});
export type PostStaffReplyInput = z.output<typeof postStaffReplySchema>;

/**
 * A PUBLIC reply to the customer: a message in the portal, the e-mail `case-reply` to the case's
 * contact in their language (kind "new_reply": optional, unless the contact turned it off), linked knowledge-base articles, files shared
 * with the customer, and the first response when there was none.
 */
export async function postStaffReply({ db, actor, input, now, portalUrl }: UseCaseArgs<PostStaffReplyInput, { portalUrl?: string }>): Promise<{ messageId: string }> {
  const staff = requireStaff(actor, "case:reply");
  const value = input;
  // A template's placeholder the case had no value for (or mistyped) must not reach the customer.
  const unfilled = unfilledPlaceholders(value.body);
  if (unfilled.length > 0) {
    throw new AppError("validation", { fieldErrors: { body: ["casePage.reply.error.placeholder"] }, params: { placeholders: unfilled.join(", ") } });
  }
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    assertOpen(row);
    const articleIds = [...new Set(value.kbArticleIds)];
    const articles = articleIds.length
      ? await tx
          .select({ id: kbArticles.id, slug: kbArticles.slug, titleFr: kbArticles.titleFr, titleEn: kbArticles.titleEn })
          .from(kbArticles)
          .where(and(inArray(kbArticles.id, articleIds), eq(kbArticles.published, true)))
      : [];
    if (articles.length !== articleIds.length) throw new AppError("validation", { fieldErrors: { kbArticleIds: ["casePage.reply.error.article"] } });
    const [message] = await tx
      .insert(messages)
      .values({ caseId: row.id, authorKind: "staff", authorId: staff.userId, visibility: "public", body: value.body, kbArticleIds: articleIds, createdAt: now })
      .returning({ id: messages.id });
    const files = await attachStagedUploads(tx, {
      uploadIds: value.uploadIds,
      uploader: { kind: "staff", id: staff.userId },
      caseId: row.id,
      visibility: "public",
      now,
      messageId: message!.id,
      field: "uploadIds",
    });
    const firstResponse = await markFirstResponse(tx, row.id, now);
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        {
          type: "staff_replied",
          visibility: "public",
          payload: { messageId: message!.id, kbArticleIds: articleIds, evidenceIds: files.map((f) => f.id), firstResponse },
        },
      ],
    });
    if (firstResponse) await refreshCaseSla(tx, row.id, now);
    const contact = await caseContact(tx, row);
    // A reply is informative ("new_reply"): optional, the contact may have turned it off in the portal.
    if (!(await customerWantsEmail(tx, contact.id, "new_reply"))) return { messageId: message!.id };
    await queueEmail(tx, {
      to: contact.email,
      template: "case-reply",
      language: contact.language,
      props: {
        name: contact.name,
        reference: row.reference,
        body: value.body,
        articles: articles.map((a) => ({
          title: contact.language === "en" ? a.titleEn : a.titleFr,
          url: portalUrl ? new URL(`help/${a.slug}`, portalUrl).toString() : null,
        })),
        caseUrl: portalUrl ? new URL(`cases/${row.reference}`, portalUrl).toString() : null,
      },
      idempotencyKey: `case-reply:${message!.id}`,
      caseId: row.id,
      now,
    });
    return { messageId: message!.id };
  });
}
