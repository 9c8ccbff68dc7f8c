import { invitationTokens } from "@accord/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { emailSchema } from "../auth/schemas";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";

export const revokeInvitationSchema = z.object({ email: emailSchema });
export type RevokeInvitationInput = z.output<typeof revokeInvitationSchema>;

/** An admin withdraws a pending invitation of their company: its link stops working at once. */
export async function revokeInvitation({ db, actor, input, now }: UseCaseArgs<RevokeInvitationInput>): Promise<{ email: string }> {
  const customer = requireCustomer(actor, "customer:users:manage");
  const parsed = revokeInvitationSchema.safeParse(input);
  if (!parsed.success) throw new AppError("not_found");
  const { email } = parsed.data;

  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(invitationTokens)
      .set({ expiresAt: now })
      .where(
        and(
          eq(invitationTokens.accountId, customer.accountId),
          eq(invitationTokens.email, email),
          isNull(invitationTokens.acceptedAt),
          gt(invitationTokens.expiresAt, now),
        ),
      )
      .returning({ id: invitationTokens.id });
    // Another company's invitation, or none pending: nothing to say about it.
    if (revoked.length === 0) throw new AppError("not_found");
    await appendAdminEvent(tx, {
      actor: actorRef(customer),
      at: now,
      type: "customer_invitation_revoked",
      payload: { accountId: customer.accountId, email },
    });
    return { email };
  });
}
