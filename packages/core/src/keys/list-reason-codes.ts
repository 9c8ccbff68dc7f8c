import type { Actor } from "@accord/auth";
import { reasonCodes, type Db } from "@accord/db";
import { asc, isNull } from "drizzle-orm";
import { inScope, reasonCodeColumns, type ReasonCodeItem } from "./reason-code-rows";
import { reasonCodeScope } from "./scope";

export interface ReasonCodes {
  /** The scope's own mapping (the account's, or the administration's when no account is named by staff). */
  own: ReasonCodeItem[];
  /** For an account: the administration's codes, which apply too (the account's own row wins on the same code). */
  administration: ReasonCodeItem[];
}

/** A mapping of reason codes → claim types: an account's (its admin, or staff naming it) or the administration's (staff). */
export async function listReasonCodes({ db, actor, accountId }: { db: Db; actor: Actor | null; accountId?: string | null }): Promise<ReasonCodes> {
  return db.transaction(async (tx) => {
    const scope = await reasonCodeScope(tx, actor, accountId);
    const own = await tx.select(reasonCodeColumns).from(reasonCodes).where(inScope(scope.accountId)).orderBy(asc(reasonCodes.code));
    const administration = scope.accountId === null ? [] : await tx.select(reasonCodeColumns).from(reasonCodes).where(isNull(reasonCodes.accountId)).orderBy(asc(reasonCodes.code));
    return { own, administration };
  });
}
