import type { Actor } from "@accord/auth";
import { savedViews, type DbOrTx } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { AppError } from "../errors";

export const deleteQueueViewSchema = z.object({ id: z.uuid({ error: "queue.error.invalid" }) });

/** Deletes one of the signed-in staff member's saved views; anyone else's is not found. */
export async function deleteQueueView({
  db,
  actor,
  input,
}: {
  db: DbOrTx;
  actor: Actor | null | undefined;
  input: z.input<typeof deleteQueueViewSchema> | Record<string, unknown>;
  now?: Date;
}): Promise<{ name: string }> {
  const staff = requireStaff(actor, "case:read");
  const parsed = deleteQueueViewSchema.safeParse(input);
  if (!parsed.success) throw new AppError("not_found");
  const [row] = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, parsed.data.id), eq(savedViews.staffId, staff.userId)))
    .returning({ name: savedViews.name });
  if (!row) throw new AppError("not_found");
  return row;
}
