import { reasonCodes, type CaseType, type DbOrTx } from "@accord/db";
import { and, eq, isNull, ne, type SQL } from "drizzle-orm";
import { AppError } from "../errors";

export interface ReasonCodeItem {
  id: string;
  code: string;
  caseType: CaseType;
  label: string;
  updatedAt: Date;
}

export const reasonCodeColumns = { id: reasonCodes.id, code: reasonCodes.code, caseType: reasonCodes.caseType, label: reasonCodes.label, updatedAt: reasonCodes.updatedAt };

/** The rows of one scope: an account's, or the administration's (account null). */
export const inScope = (accountId: string | null): SQL => (accountId === null ? isNull(reasonCodes.accountId) : eq(reasonCodes.accountId, accountId))!;

/** Refuses a code the scope already maps (beside the code field); `exceptId`: the row being changed. */
export async function refuseDuplicate(tx: DbOrTx, accountId: string | null, code: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: reasonCodes.id })
    .from(reasonCodes)
    .where(and(inScope(accountId), eq(reasonCodes.code, code), exceptId ? ne(reasonCodes.id, exceptId) : undefined))
    .limit(1);
  if (taken) throw new AppError("validation", { messageKey: "keys.error.codeTaken", params: { code }, fieldErrors: { code: ["keys.error.codeTaken"] } });
}
