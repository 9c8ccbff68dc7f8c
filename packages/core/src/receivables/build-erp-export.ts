import { caseDecisions, caseLines, cases, customerAccounts, invoiceLines, invoices, invoiceSettlements } from "@accord/db";
import { localDate, vatOf } from "@accord/domain";
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { requireStaff } from "../access";
import { PARIS } from "../settlement/settlement-case";
import type { UseCaseArgs } from "../use-case";
import { caseCredit } from "./case-credit";
import type { ErpExportRow } from "./erp-export-csv";
import { HOLDING_STATUSES } from "./invoice-facts";
import type { ErpExportInput } from "./schemas";

export { erpExportSchema, type ErpExportInput } from "./schemas";

const EVENT_ORDER: Record<ErpExportRow["event"], number> = { hold: 0, release: 1, credit_note_to_issue: 2, credit_note_issued: 3 };

/**
 * The rows of the ERP export (erpExportCsv writes them), for finance (`invoice:manage`: the ERP acts on
 * them; see ADR 0027). Two kinds of rows:
 * - what stands today, whatever the period: every invoice an open case holds (`hold`, dated the day the
 *   case was received) and every credit note still to issue (`credit_note_to_issue`, dated the decision);
 * - what happened in the period (both days included, Paris): the releases (`release`, the resolution's
 *   new due dates) and the credit notes issued (`credit_note_issued`, with the ERP's number).
 * Sorted by date, then event, case and invoice.
 */
export async function buildErpExport({ db, actor, input }: UseCaseArgs<ErpExportInput>): Promise<ErpExportRow[]> {
  requireStaff(actor, "invoice:manage");
  return db.transaction(
    async (tx) => {
      const rows: ErpExportRow[] = [];
      const party = { customerCode: customerAccounts.erpCode, customerName: customerAccounts.name };

      const held = await tx
        .select({
          caseId: cases.id,
          reference: cases.reference,
          receivedAt: cases.receivedAt,
          ...party,
          invoiceNumber: invoices.number,
          invoiceAmountCents: invoices.totalInclTaxCents,
          dueDate: invoices.dueDate,
          disputedCents: caseLines.disputedAmountCents,
          vatRateBp: invoiceLines.vatRateBp,
        })
        .from(caseLines)
        .innerJoin(cases, eq(cases.id, caseLines.caseId))
        .innerJoin(invoices, eq(invoices.id, caseLines.invoiceId))
        .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
        .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
        .where(inArray(cases.status, [...HOLDING_STATUSES]))
        .orderBy(asc(cases.reference), asc(invoices.number), asc(invoiceLines.lineNo));
      const holds = new Map<string, ErpExportRow & { event: "hold" }>();
      for (const line of held) {
        const key = `${line.reference}|${line.invoiceNumber}`;
        const disputed = line.disputedCents + vatOf(line.disputedCents, line.vatRateBp);
        const existing = holds.get(key);
        if (existing) existing.disputedCents = Math.min(line.invoiceAmountCents, existing.disputedCents + disputed);
        else
          holds.set(key, {
            event: "hold",
            date: localDate(line.receivedAt, PARIS),
            caseReference: line.reference,
            customerCode: line.customerCode,
            customerName: line.customerName,
            invoiceNumber: line.invoiceNumber,
            currency: "EUR",
            invoiceAmountCents: line.invoiceAmountCents,
            disputedCents: Math.min(line.invoiceAmountCents, disputed),
            dueDate: line.dueDate,
          });
      }
      rows.push(...holds.values());

      const releases = await tx
        .select({ reference: cases.reference, ...party, invoiceNumber: invoices.number, settlement: invoiceSettlements })
        .from(invoiceSettlements)
        .innerJoin(cases, eq(cases.id, invoiceSettlements.caseId))
        .innerJoin(invoices, eq(invoices.id, invoiceSettlements.invoiceId))
        .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
        .where(and(gte(invoiceSettlements.resolvedOn, input.from), lte(invoiceSettlements.resolvedOn, input.to)));
      for (const { settlement, ...release } of releases) {
        rows.push({
          event: "release",
          date: settlement.resolvedOn,
          caseReference: release.reference,
          customerCode: release.customerCode,
          customerName: release.customerName,
          invoiceNumber: release.invoiceNumber,
          currency: "EUR",
          resolution: {
            undisputed: { amountCents: settlement.undisputedCents, dueDate: settlement.undisputedDueDate },
            disputedRemainder: { amountCents: settlement.remainderCents, dueDate: settlement.remainderDueDate },
            creditedCents: settlement.creditedCents,
          },
        });
      }

      const issuedOn = sql<string>`coalesce(${caseDecisions.creditNoteIssuedOn}, (${caseDecisions.decidedAt} at time zone 'Europe/Paris')::date)::text`;
      const decisions = await tx
        .select({
          caseId: cases.id,
          reference: cases.reference,
          ...party,
          grantedCents: caseDecisions.grantedCents,
          decidedAt: caseDecisions.decidedAt,
          creditNoteNumber: caseDecisions.creditNoteNumber,
          issuedOn,
        })
        .from(caseDecisions)
        .innerJoin(cases, eq(cases.id, caseDecisions.caseId))
        .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
        .where(
          and(
            gt(caseDecisions.grantedCents, 0),
            sql`(${isNull(caseDecisions.creditNoteNumber)} or (${isNotNull(caseDecisions.creditNoteNumber)} and ${issuedOn} between ${input.from} and ${input.to}))`,
          ),
        )
        .orderBy(asc(cases.reference));
      for (const decision of decisions) {
        for (const credit of await caseCredit(tx, decision.caseId, decision.grantedCents)) {
          if (credit.amountExclVatCents === 0) continue;
          const common = {
            caseReference: decision.reference,
            customerCode: decision.customerCode,
            customerName: decision.customerName,
            invoiceNumber: credit.invoiceNumber,
            currency: "EUR" as const,
            amountExclVatCents: credit.amountExclVatCents,
            vatCents: credit.vatCents,
            amountInclVatCents: credit.amountInclVatCents,
          };
          rows.push(
            decision.creditNoteNumber === null
              ? { event: "credit_note_to_issue", date: localDate(decision.decidedAt, PARIS), ...common }
              : { event: "credit_note_issued", date: decision.issuedOn, ...common, creditNoteNumber: decision.creditNoteNumber },
          );
        }
      }

      return rows.sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          EVENT_ORDER[a.event] - EVENT_ORDER[b.event] ||
          a.caseReference.localeCompare(b.caseReference) ||
          a.invoiceNumber.localeCompare(b.invoiceNumber),
      );
    },
    { accessMode: "read only" },
  );
}
