/**
 * Shared reads of the proactive notice: the case's lots and root-cause category, and for each lot the
 * other customer accounts whose invoice lines carry it, with those lines, their contacts who accept
 * the notice by mail, and the notice already sent from this case. Not a use case itself.
 */
import { caseLines, customerAccounts, customerUsers, invoiceLines, invoices, proactiveNotices, rootCauses, staffUsers, type Tx } from "@accord/db";
import { lotsOfCase, readClaimDetails } from "@accord/domain";
import { wantsEmail } from "@accord/email";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { StaffCaseRow } from "../instruction/staff-case";

const normalizedLot = sql<string>`upper(regexp_replace(${invoiceLines.lotNumber}, '\\s', '', 'g'))`;

export interface LotAccount {
  lot: string;
  accountId: string;
  accountName: string;
  lines: { invoiceNumber: string; issueDate: string; lineNo: number; productCode: string | null; description: string; quantityMilli: number; unit: string }[];
  recipients: { id: string; name: string; email: string; language: "fr" | "en" }[];
  notice: { sentAt: Date; sentByName: string; message: string; recipients: number } | null;
}

export async function caseLotsAndCause(tx: Tx, row: StaffCaseRow) {
  const [cause] = row.rootCauseCode
    ? await tx.select({ code: rootCauses.code, category: rootCauses.category, labelFr: rootCauses.labelFr, labelEn: rootCauses.labelEn }).from(rootCauses).where(eq(rootCauses.code, row.rootCauseCode))
    : [];
  const lineLots = await tx
    .select({ lot: invoiceLines.lotNumber })
    .from(caseLines)
    .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
    .where(eq(caseLines.caseId, row.id))
    .orderBy(asc(caseLines.createdAt));
  const lots = lotsOfCase({ claimLot: readClaimDetails(row.details).lotNumber, lineLots: lineLots.map((l) => l.lot) });
  return { cause: cause ?? null, lots };
}

/** The other accounts that received one of `lots` (never the case's own account), by lot then account name. */
export async function lotAccounts(tx: Tx, row: StaffCaseRow, lots: readonly string[]): Promise<LotAccount[]> {
  if (lots.length === 0) return [];
  const lines = await tx
    .select({
      lot: normalizedLot,
      accountId: customerAccounts.id,
      accountName: customerAccounts.name,
      invoiceNumber: invoices.number,
      issueDate: invoices.issueDate,
      lineNo: invoiceLines.lineNo,
      productCode: invoiceLines.productCode,
      description: invoiceLines.description,
      quantityMilli: invoiceLines.quantityMilli,
      unit: invoiceLines.unit,
    })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.accountId))
    .where(and(sql`${invoiceLines.lotNumber} is not null`, inArray(normalizedLot, [...lots]), ne(invoices.accountId, row.accountId)))
    .orderBy(asc(customerAccounts.name), asc(invoices.issueDate), asc(invoices.number), asc(invoiceLines.lineNo));
  const accountIds = [...new Set(lines.map((l) => l.accountId))];
  const users = accountIds.length
    ? await tx
        .select({ id: customerUsers.id, accountId: customerUsers.accountId, name: customerUsers.name, email: customerUsers.email, language: customerUsers.language, preferences: customerUsers.emailPreferences })
        .from(customerUsers)
        .where(and(inArray(customerUsers.accountId, accountIds), eq(customerUsers.active, true), inArray(customerUsers.role, ["admin", "member"])))
        .orderBy(asc(customerUsers.email))
    : [];
  const notices = await tx
    .select({ accountId: proactiveNotices.accountId, lot: proactiveNotices.lotNumber, sentAt: proactiveNotices.sentAt, sentByName: staffUsers.name, message: proactiveNotices.message, emails: proactiveNotices.emailMessageIds })
    .from(proactiveNotices)
    .innerJoin(staffUsers, eq(staffUsers.id, proactiveNotices.sentById))
    .where(eq(proactiveNotices.caseId, row.id));
  const result: LotAccount[] = [];
  for (const lot of lots) {
    for (const accountId of accountIds) {
      const own = lines.filter((l) => l.lot === lot && l.accountId === accountId);
      if (own.length === 0) continue;
      const notice = notices.find((n) => n.lot === lot && n.accountId === accountId);
      result.push({
        lot,
        accountId,
        accountName: own[0]!.accountName,
        lines: own.map(({ invoiceNumber, issueDate, lineNo, productCode, description, quantityMilli, unit }) => ({ invoiceNumber, issueDate, lineNo, productCode, description, quantityMilli, unit })),
        recipients: users.filter((u) => u.accountId === accountId && wantsEmail(u.preferences, "proactive_notice")).map(({ id, name, email, language }) => ({ id, name, email, language })),
        notice: notice ? { sentAt: notice.sentAt, sentByName: notice.sentByName, message: notice.message, recipients: notice.emails.length } : null,
      });
    }
  }
  return result;
}
