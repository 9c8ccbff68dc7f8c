import type { Actor } from "@accord/auth";
import { savedViews, type DbOrTx } from "@accord/db";
import { z } from "zod";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { caseQueueQuerySchema, queueQueryInput, queueSearchParams } from "./case-queue-query";
import { singleLine } from "../single-line";

export const QUEUE_VIEW_NAME_MAX = 80;

/** A saved view: a name and the queue's query string (validated by the queue's own schema). */
export const saveQueueViewSchema = z.object({
  name: singleLine(z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(QUEUE_VIEW_NAME_MAX, "validation.tooLong")),
  query: z.string().max(4000, "queue.error.invalid").default(""),
});
export type SaveQueueViewInput = z.output<typeof saveQueueViewSchema>;

/**
 * Saves the current queue filters under a name for the signed-in staff member; saving under a name
 * they already use replaces that view. The stored query string is the canonical one (no cursor).
 */
export async function saveQueueView({
  db,
  actor,
  input,
}: {
  db: DbOrTx;
  actor: Actor | null | undefined;
  input: SaveQueueViewInput;
  now?: Date;
}): Promise<{ id: string; name: string; query: string }> {
  const staff = requireStaff(actor, "case:read");
  const raw = new URLSearchParams(input.query.replace(/^\?/, ""));
  const query = caseQueueQuerySchema.safeParse(queueQueryInput(raw));
  if (!query.success) throw new AppError("validation", { messageKey: "queue.error.invalid", fieldErrors: { query: ["queue.error.invalid"] } });
  const canonical = queueSearchParams(query.data).toString();

  const [row] = await db
    .insert(savedViews)
    .values({ staffId: staff.userId, name: input.name, query: canonical })
    .onConflictDoUpdate({ target: [savedViews.staffId, savedViews.name], set: { query: canonical } })
    .returning({ id: savedViews.id, name: savedViews.name, query: savedViews.query });
  return row!;
}
