import { reasonCodes } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import { inScope, reasonCodeColumns } from "./reason-code-rows";
import type { ReasonCodeTargetInput } from "./schemas";
import { lockReasonCodes, reasonCodeScope, rowId } from "./scope";

/** Deletes one mapping of the scope (claims already filed keep their type); a row of another scope is not_found. */
export async function deleteReasonCode({ db, actor, input, now, accountId }: UseCaseArgs<ReasonCodeTargetInput, { accountId?: string | null }>): Promise<{ code: string }> {
  return db.transaction(async (tx) => {
    const scope = await reasonCodeScope(tx, actor, accountId);
    await lockReasonCodes(tx, scope.accountId);
    const [row] = await tx.select(reasonCodeColumns).from(reasonCodes).where(and(eq(reasonCodes.id, rowId(input.id)), inScope(scope.accountId))).limit(1);
    if (!row) throw new AppError("not_found");
    await tx.delete(reasonCodes).where(eq(reasonCodes.id, row.id));
    await appendAdminEvent(tx, { actor: actorRef(scope.who), at: now, type: "reason_code_deleted", payload: { accountId: scope.accountId, id: row.id, code: row.code, caseType: row.caseType, label: row.label } });
    return { code: row.code };
  });
}
