import { caseLines, cases, customerAccounts, invoiceLines, invoices, type ContractClauses, type CustomerTier, type DbOrTx } from "@accord/db";
import {
  admissibilityWarnings,
  CASE_STATUSES,
  disputedAmount,
  isDomainValidationError,
  isTerminal,
  localDate,
  type CaseStatus,
  type IsoDate,
} from "@accord/domain";
import { and, asc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { AppError } from "../errors";
import { formFieldName, lineField, type ClaimInput } from "./schemas";

/** Statuses in which a case no longer counts as open for duplicate detection. */
export const CLOSED_FOR_DUPLICATES: readonly CaseStatus[] = CASE_STATUSES.filter((status) => status === "resolved" || isTerminal(status));

/** A warning shown before submitting and recorded with the case; it never blocks the claim. */
export type ClaimWarning =
  | {
      code: "claim_after_deadline";
      params: { invoiceNumber: string; deliveryDate: IsoDate; deadline: IsoDate; filedOn: IsoDate; daysLate: number };
    }
  | { code: "delivery_note_signed_without_reservation"; params: Record<string, never> };

/**
 * An open case of the same account on one of the claimed invoice lines. Its reference is null when
 * the filer may not open it (a member's colleague's case): the warning then says only that a
 * colleague's open case concerns the line.
 */
export interface PossibleDuplicate {
  reference: string | null;
  status: CaseStatus;
  invoiceNumber: string;
  lineNo: number;
  description: string;
}

export interface PreparedClaimLine {
  formIndex: number;
  invoiceLineId: string;
  invoiceId: string;
  invoiceNumber: string;
  lineNo: number;
  description: string;
  unit: string;
  quantityMilli: number;
  unitPriceCents: number;
  vatRateBp: number;
  totalExclTaxCents: number;
  contestedQuantityMilli: number | null;
  contestedUnitPriceCents: number | null;
  computedCents: number;
  claimedCents: number;
  vatCents: number;
}

export interface PreparedClaim {
  account: { id: string; name: string; tier: CustomerTier; clauses: ContractClauses };
  currency: string;
  lines: PreparedClaimLine[];
  amount: { computedCents: number; claimedCents: number; vatCents: number; claimedInclVatCents: number };
  warnings: ClaimWarning[];
  duplicates: PossibleDuplicate[];
}

const PARIS = "Europe/Paris";

/**
 * Everything the database adds to a valid claim form, without writing anything: the invoice lines
 * (scoped by the account: another account's line is `not_found`), the amounts from the domain
 * (a refused figure is a validation error on its form field), the admissibility warnings and the
 * possible duplicates. Shared by previewClaim and submitClaim, so the summary and the case agree.
 */
export async function prepareClaim(
  db: DbOrTx,
  options: { accountId: string; input: ClaimInput; now: Date; /** The cases the filer may open (all of the account's when absent). */ openable?: SQL },
): Promise<PreparedClaim> {
  const { accountId, input, now } = options;
  const [account] = await db
    .select({ id: customerAccounts.id, name: customerAccounts.name, tier: customerAccounts.tier, clauses: customerAccounts.clauses })
    .from(customerAccounts)
    .where(eq(customerAccounts.id, accountId));
  if (!account) throw new AppError("not_found");

  if (input.type === "delivery" && input.delivery.receivedOn > localDate(now, PARIS)) {
    throw new AppError("validation", { messageKey: "claim.error.invalid", fieldErrors: { "delivery.receivedOn": ["claim.error.received_in_future"] } });
  }

  const ids = input.lines.map((line) => line.invoiceLineId);
  // Scoped in the query: a line of another account never comes back.
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: invoiceLines.id,
            invoiceId: invoices.id,
            invoiceNumber: invoices.number,
            deliveryDate: invoices.deliveryDate,
            currency: invoices.currency,
            lineNo: invoiceLines.lineNo,
            description: invoiceLines.description,
            unit: invoiceLines.unit,
            quantityMilli: invoiceLines.quantityMilli,
            unitPriceCents: invoiceLines.unitPriceCents,
            vatRateBp: invoiceLines.vatRateBp,
            totalExclTaxCents: invoiceLines.totalExclTaxCents,
          })
          .from(invoiceLines)
          .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
          .where(and(inArray(invoiceLines.id, ids), eq(invoices.accountId, accountId)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = input.lines.find((line) => !byId.has(line.invoiceLineId));
  if (missing) throw new AppError("not_found", { messageKey: "claim.error.line_not_found" });
  const found = input.lines.map((line) => ({ line, row: byId.get(line.invoiceLineId)! }));

  const currencies = new Set(found.map(({ row }) => row.currency));
  if (currencies.size > 1) throw new AppError("validation", { messageKey: "claim.error.mixed_currencies", fieldErrors: { lines: ["claim.error.mixed_currencies"] } });
  const currency = found[0]?.row.currency ?? "EUR";

  let amount;
  try {
    amount = disputedAmount({
      lines: found.map(({ line, row }) => ({
        line: row,
        contested: { contestedQuantityMilli: line.contestedQuantity, contestedUnitPriceCents: line.contestedUnitPrice },
      })),
      claimedCents: input.claimedAmount,
    });
  } catch (error) {
    if (isDomainValidationError(error)) throw amountError(error.field, String(error.params.reason), input);
    throw error;
  }

  const lines = found.map(({ line, row }, index): PreparedClaimLine => {
    const figures = amount.lines[index]!;
    return {
      formIndex: line.formIndex,
      invoiceLineId: row.id,
      invoiceId: row.invoiceId,
      invoiceNumber: row.invoiceNumber,
      lineNo: row.lineNo,
      description: row.description,
      unit: row.unit,
      quantityMilli: row.quantityMilli,
      unitPriceCents: row.unitPriceCents,
      vatRateBp: row.vatRateBp,
      totalExclTaxCents: row.totalExclTaxCents,
      contestedQuantityMilli: line.contestedQuantity,
      contestedUnitPriceCents: line.contestedUnitPrice,
      ...figures,
    };
  });

  return {
    account,
    currency,
    lines,
    amount: { computedCents: amount.computedCents, claimedCents: amount.claimedCents, vatCents: amount.vatCents, claimedInclVatCents: amount.claimedInclVatCents },
    warnings: warningsFor(input, account.clauses, found.map(({ row }) => row), now),
    duplicates: await possibleDuplicates(db, accountId, ids, options.openable),
  };
}

function warningsFor(
  input: ClaimInput,
  clauses: ContractClauses,
  rows: readonly { invoiceId: string; invoiceNumber: string; deliveryDate: string | null }[],
  now: Date,
): ClaimWarning[] {
  const warnings: ClaimWarning[] = [];
  const signedWithoutReservation = input.type === "delivery" ? input.delivery.signedWithReservations === "no" : null;
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.invoiceId)) continue;
    seen.add(row.invoiceId);
    // For a delivery claim, the customer's reception date is the delivery date that counts.
    const deliveryDate = (input.type === "delivery" ? input.delivery.receivedOn : row.deliveryDate) as IsoDate | null;
    for (const warning of admissibilityWarnings({
      type: input.type,
      filedAt: now,
      deliveryDate,
      claimDeadlineDays: clauses.claimDeadlineDays ?? null,
      deliveryNoteSignedWithoutReservation: null,
      timeZone: PARIS,
    })) {
      if (warning.code === "claim_after_deadline") warnings.push({ code: warning.code, params: { ...warning.params, invoiceNumber: row.invoiceNumber } });
    }
  }
  if (signedWithoutReservation) {
    const [warning] = admissibilityWarnings({
      type: input.type,
      filedAt: now,
      deliveryDate: null,
      claimDeadlineDays: null,
      deliveryNoteSignedWithoutReservation: true,
      timeZone: PARIS,
    });
    if (warning?.code === "delivery_note_signed_without_reservation") warnings.push({ code: warning.code, params: {} });
  }
  return warnings;
}

async function possibleDuplicates(db: DbOrTx, accountId: string, invoiceLineIds: readonly string[], openable: SQL | undefined): Promise<PossibleDuplicate[]> {
  if (invoiceLineIds.length === 0) return [];
  const rows = await db
    .select({
      reference: cases.reference,
      canOpen: openable ? sql<boolean>`coalesce(${openable}, false)` : sql<boolean>`true`,
      status: cases.status,
      invoiceNumber: invoices.number,
      lineNo: invoiceLines.lineNo,
      description: invoiceLines.description,
    })
    .from(caseLines)
    .innerJoin(cases, eq(cases.id, caseLines.caseId))
    .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
    .innerJoin(invoices, eq(invoices.id, caseLines.invoiceId))
    .where(and(eq(cases.accountId, accountId), inArray(caseLines.invoiceLineId, [...invoiceLineIds]), notInArray(cases.status, [...CLOSED_FOR_DUPLICATES])))
    .orderBy(asc(cases.reference), asc(invoices.number), asc(invoiceLines.lineNo));
  return rows.map(({ canOpen, reference, ...duplicate }) => ({ reference: canOpen ? reference : null, ...duplicate }));
}

/** A figure the domain refused, as a validation error on the form field the customer typed it in. */
function amountError(field: string | undefined, reason: string, input: ClaimInput): AppError {
  const match = field ? /^lines\[(\d+)\]\.(contestedQuantityMilli|contestedUnitPriceCents)$/.exec(field) : null;
  if (match) {
    const line = input.lines[Number(match[1])];
    const name = match[2] === "contestedQuantityMilli" ? "contestedQuantity" : "contestedUnitPrice";
    const messageKey = reason === "exceeds_invoiced" ? `claim.error.${name === "contestedQuantity" ? "quantity" : "price"}_exceeds_invoiced` : `claim.error.${reason}`;
    return new AppError("validation", { messageKey: "claim.error.invalid", fieldErrors: { [lineField(line?.formIndex ?? 0, name)]: [messageKey] } });
  }
  if (field === "claimedCents") {
    const messageKey = reason === "exceeds_computed" ? "claim.error.claimed_exceeds_computed" : `claim.error.${reason}`;
    return new AppError("validation", { messageKey: "claim.error.invalid", fieldErrors: { claimedAmount: [messageKey] } });
  }
  return new AppError("validation", { messageKey: "claim.error.invalid", fieldErrors: { [formFieldName(field ? [field] : ["lines"])]: ["claim.error.invalid"] } });
}
