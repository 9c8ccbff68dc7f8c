import { reasonCodes } from "@accord/db";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import type { UseCaseArgs } from "../use-case";
import { refuseDuplicate } from "./reason-code-rows";
import type { ReasonCodeInput } from "./schemas";
import { lockReasonCodes, reasonCodeScope } from "./scope";

/**
 * Maps a new reason code onto a claim type: for the account (its admin, or staff naming it) or for the
 * administration (staff, no account). A code the scope already maps is refused beside the field.
 */
export async function addReasonCode({ db, actor, input, now, accountId }: UseCaseArgs<ReasonCodeInput, { accountId?: string | null }>): Promise<{ id: string; code: string }> {
  return db.transaction(async (tx) => {
    const scope = await reasonCodeScope(tx, actor, accountId);
    await lockReasonCodes(tx, scope.accountId);
    await refuseDuplicate(tx, scope.accountId, input.code);
    const [row] = await tx
      .insert(reasonCodes)
      .values({ accountId: scope.accountId, code: input.code, caseType: input.caseType, label: input.label, createdAt: now, updatedAt: now })
      .returning({ id: reasonCodes.id });
    await appendAdminEvent(tx, { actor: actorRef(scope.who), at: now, type: "reason_code_added", payload: { accountId: scope.accountId, id: row!.id, code: input.code, caseType: input.caseType, label: input.label } });
    return { id: row!.id, code: input.code };
  });
}
