import { caseDecisions, caseLines, cases, customerAccounts, invoiceLines, proposals } from "@accord/db";
import {
  addBusinessMinutes,
  DEFAULT_PROPOSAL_VALIDITY_BUSINESS_DAYS,
  localDate,
  requiredApprovals,
  staffCaseCapabilities,
  suggestProposal,
  workingDayMinutes,
  type CaseKind,
  type CaseStatus,
  type IsoDate,
} from "@accord/domain";
import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { checkPrices } from "../instruction/get-price-check";
import { caseReferenceSchema, findStaffCase } from "../instruction/staff-case";
import { defaultCalendar } from "../sla/case-sla";
import { staffCaseFacts } from "../mediation/mediation-case";
import type { UseCaseArgs } from "../use-case";
import { loadApprovalThresholds, vatForCase } from "./settlement-case";

export const getProposalSuggestionSchema = z.object({ reference: caseReferenceSchema });
export type GetProposalSuggestionInput = z.output<typeof getProposalSuggestionSchema>;

/** How many settled cases the history reads at most (the most recent). */
const SIMILAR_LIMIT = 500;

/**
 * What "Proposer une solution" starts from: the domain's suggestion with its reasoning line by line
 * (contested quantities × unit price; the price check against the account's agreement, indexation
 * included; how similar settled cases were settled — same type, root cause and customer tier), the VAT
 * of the suggested amount, the approvals it would need, a last day ten business days away, and the
 * customer's counter-proposal waiting to be taken up, if any.
 */
export async function getProposalSuggestion({ db, actor, input, now }: UseCaseArgs<GetProposalSuggestionInput>) {
  const staff = requireStaff(actor, "proposal:create");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const allowed = staffCaseCapabilities({ status: row.status as CaseStatus, kind: row.kind as CaseKind }, staff.permissions, await staffCaseFacts(tx, row.id)).propose;
      const [account] = await tx.select({ tier: customerAccounts.tier }).from(customerAccounts).where(eq(customerAccounts.id, row.accountId));
      const lineRows = await tx
        .select({
          caseLineId: caseLines.id,
          invoicedQuantityMilli: invoiceLines.quantityMilli,
          invoicedUnitPriceCents: invoiceLines.unitPriceCents,
          contestedQuantityMilli: caseLines.contestedQuantityMilli,
          contestedUnitPriceCents: caseLines.contestedUnitPriceCents,
          disputedCents: caseLines.disputedAmountCents,
          unit: invoiceLines.unit,
        })
        .from(caseLines)
        .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
        .where(eq(caseLines.caseId, row.id));
      const prices = await checkPrices(tx, row);
      const ordered = prices.map((price) => ({ price, line: lineRows.find((line) => line.caseLineId === price.caseLineId)! }));
      const similar = await tx
        .select({ disputedCents: cases.disputedAmountCents, grantedCents: caseDecisions.grantedCents })
        .from(caseDecisions)
        .innerJoin(cases, eq(cases.id, caseDecisions.caseId))
        .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
        .where(
          and(
            ne(cases.id, row.id),
            eq(cases.type, row.type),
            row.rootCauseCode ? eq(cases.rootCauseCode, row.rootCauseCode) : isNull(cases.rootCauseCode),
            eq(customerAccounts.tier, account?.tier ?? "standard"),
            inArray(caseDecisions.outcome, ["settled_amicably", "upheld", "partially_upheld", "rejected"]),
          ),
        )
        .orderBy(desc(caseDecisions.decidedAt))
        .limit(SIMILAR_LIMIT);
      const suggestion = suggestProposal({
        disputedCents: row.disputedAmountCents,
        lines: ordered.map(({ price, line }) => ({
          invoicedQuantityMilli: line.invoicedQuantityMilli,
          invoicedUnitPriceCents: line.invoicedUnitPriceCents,
          contestedQuantityMilli: line.contestedQuantityMilli,
          contestedUnitPriceCents: line.contestedUnitPriceCents,
          contractedUnitPriceCents: price.status === "ok" ? price.contractedUnitPriceCents : null,
          disputedCents: line.disputedCents,
        })),
        similar,
      });
      const calendar = await defaultCalendar(tx);
      const dayMinutes = workingDayMinutes(calendar);
      const expiresOn = localDate(addBusinessMinutes(now, DEFAULT_PROPOSAL_VALIDITY_BUSINESS_DAYS * Math.max(dayMinutes, 1), calendar), calendar.timeZone) as IsoDate;
      const [counter] = await tx
        .select({ id: proposals.id, number: proposals.number, kind: proposals.kind, amountCents: proposals.amountCents, comment: proposals.terms, createdAt: proposals.createdAt })
        .from(proposals)
        .where(and(eq(proposals.caseId, row.id), eq(proposals.status, "draft"), eq(proposals.origin, "customer")))
        .orderBy(asc(proposals.number))
        .limit(1);
      const thresholds = await loadApprovalThresholds(tx);
      return {
        reference: row.reference,
        allowed,
        caseType: row.type,
        rootCauseCode: row.rootCauseCode,
        tier: account?.tier ?? "standard",
        currency: row.currency,
        disputedCents: row.disputedAmountCents,
        suggestion,
        lines: ordered.map(({ price, line }, index) => ({ ...price, ...line, suggested: suggestion.lines[index]! })),
        vatCents: await vatForCase(tx, row.id, suggestion.amountCents),
        approvals: requiredApprovals({ kind: suggestion.kind, amountCents: suggestion.amountCents }, thresholds),
        thresholds: thresholds.default,
        expiresOn,
        validityBusinessDays: DEFAULT_PROPOSAL_VALIDITY_BUSINESS_DAYS,
        counter: counter ?? null,
      };
    },
    { accessMode: "read only" },
  );
}

/** What getProposalSuggestion answers. */
export type ProposalSuggestion = Awaited<ReturnType<typeof getProposalSuggestion>>;
