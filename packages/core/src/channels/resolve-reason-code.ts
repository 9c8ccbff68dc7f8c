import { reasonCodes, type CaseType, type DbOrTx } from "@accord/db";
import { and, eq, isNull, or, sql } from "drizzle-orm";

/** A reason code as stored: trimmed, upper-case (so "rq-01 " and "RQ-01" are one code). */
export function normaliseReasonCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * The claim type a company's own reason code stands for: the account's mapping first, else the
 * administration's (valid for every account); null when neither knows the code (the caller refuses
 * the field with `claim.error.reason_code_unknown`).
 */
export async function resolveReasonCode(db: DbOrTx, accountId: string, code: string): Promise<{ caseType: CaseType; label: string } | null> {
  const normalised = normaliseReasonCode(code);
  if (normalised === "") return null;
  const [row] = await db
    .select({ caseType: reasonCodes.caseType, label: reasonCodes.label })
    .from(reasonCodes)
    .where(and(eq(reasonCodes.code, normalised), or(eq(reasonCodes.accountId, accountId), isNull(reasonCodes.accountId))))
    // the account's own row (account_id not null) before the administration's
    .orderBy(sql`${reasonCodes.accountId} is null`)
    .limit(1);
  return row ?? null;
}
