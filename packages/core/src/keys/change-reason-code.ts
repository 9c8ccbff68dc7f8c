import { reasonCodes } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import { inScope, reasonCodeColumns, refuseDuplicate } from "./reason-code-rows";
import type { ChangeReasonCodeInput } from "./schemas";
import { lockReasonCodes, reasonCodeScope, rowId } from "./scope";

/** Changes one mapping of the scope (code, claim type, label); a row of another scope is not_found. */
export async function changeReasonCode({ db, actor, input, now, accountId }: UseCaseArgs<ChangeReasonCodeInput, { accountId?: string | null }>): Promise<{ id: string; code: string }> {
  return db.transaction(async (tx) => {
    const scope = await reasonCodeScope(tx, actor, accountId);
    await lockReasonCodes(tx, scope.accountId);
    const [row] = await tx.select(reasonCodeColumns).from(reasonCodes).where(and(eq(reasonCodes.id, rowId(input.id)), inScope(scope.accountId))).limit(1);
    if (!row) throw new AppError("not_found");
    await refuseDuplicate(tx, scope.accountId, input.code, row.id);
    await tx.update(reasonCodes).set({ code: input.code, caseType: input.caseType, label: input.label, updatedAt: now }).where(eq(reasonCodes.id, row.id));
    await appendAdminEvent(tx, {
      actor: actorRef(scope.who),
      at: now,
      type: "reason_code_changed",
      payload: { accountId: scope.accountId, id: row.id, code: input.code, caseType: input.caseType, label: input.label, before: { code: row.code, caseType: row.caseType, label: row.label } },
    });
    return { id: row.id, code: input.code };
  });
}
