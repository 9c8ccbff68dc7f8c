import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";
import type { CaseType } from "./cases";
import { createdAt, id, tstz } from "./common";

const CASE_TYPES_SQL = sql.raw(["quality", "delivery", "price_billing", "compliance", "other"].map((v) => `'${v}'`).join(", "));

/**
 * A company's own reason codes (from its ERP, its CSV files, its API calls) mapped onto our claim
 * types. A row without account is the administration's mapping, valid for every account; an
 * account's own row for the same code wins over it. Codes are compared as stored: trimmed and
 * upper-cased by the use case that writes them.
 */
export const reasonCodes = pgTable(
  "reason_codes",
  {
    id: id(),
    accountId: uuid("account_id").references(() => customerAccounts.id),
    code: text("code").notNull(),
    caseType: text("case_type").$type<CaseType>().notNull(),
    /** What the code means, as the company words it (shown in lists and errors). */
    label: text("label").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reason_codes_account_code_key").on(t.accountId, t.code).where(sql`${t.accountId} is not null`),
    uniqueIndex("reason_codes_global_code_key").on(t.code).where(sql`${t.accountId} is null`),
    index("reason_codes_account_idx").on(t.accountId),
    check("reason_codes_case_type_check", sql`${t.caseType} in (${CASE_TYPES_SQL})`),
  ],
);
