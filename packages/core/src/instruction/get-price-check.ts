import type { Actor } from "@accord/auth";
import { caseLines, invoiceLines, invoices, priceAgreements, priceIndexValues, type Db, type Tx } from "@accord/db";
import { and, asc, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { requireStaff } from "../access";
import { findStaffCase } from "./staff-case";

export type PriceCheckStatus = "ok" | "no_product_code" | "no_agreement" | "index_value_missing";

export interface PriceCheckLine {
  caseLineId: string;
  invoiceNumber: string;
  issueDate: string;
  lineNo: number;
  productCode: string | null;
  description: string;
  invoicedUnitPriceCents: number;
  /** What the customer holds to be right, if they said. */
  contestedUnitPriceCents: number | null;
  /** The agreement's price before indexation. */
  agreedUnitPriceCents: number | null;
  indexation: { indexCode: string; baseValue: string; month: string; value: string | null } | null;
  /** The contracted price at the invoice date, indexation applied. */
  contractedUnitPriceCents: number | null;
  /** invoiced − contracted (positive: invoiced too high). */
  differenceCents: number | null;
  status: PriceCheckStatus;
}

/**
 * For each contested line of a case: the contracted unit price from the account's price agreement
 * for the product valid at the invoice date, indexed when the agreement has an indexation clause
 * (price × index value of the invoice month ÷ base value, rounded half up to the cent), beside the
 * invoiced price and the difference.
 */
export async function getPriceCheck({ db, actor, input }: { db: Db; actor: Actor | null; input: { reference: string }; now?: Date }): Promise<PriceCheckLine[]> {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      return checkPrices(tx, row);
    },
    { accessMode: "read only" },
  );
}

/** The price check of a case's lines (the case already found within the actor's scope). */
export async function checkPrices(tx: Tx, row: { id: string; accountId: string }): Promise<PriceCheckLine[]> {
  const lines = await tx
    .select({
      caseLineId: caseLines.id,
      invoiceNumber: invoices.number,
      issueDate: invoices.issueDate,
      lineNo: invoiceLines.lineNo,
      productCode: invoiceLines.productCode,
      description: invoiceLines.description,
      invoicedUnitPriceCents: invoiceLines.unitPriceCents,
      contestedUnitPriceCents: caseLines.contestedUnitPriceCents,
    })
    .from(caseLines)
    .innerJoin(invoices, eq(invoices.id, caseLines.invoiceId))
    .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
    .where(and(eq(caseLines.caseId, row.id), eq(invoices.accountId, row.accountId)))
    .orderBy(asc(invoices.number), asc(invoiceLines.lineNo));
  const result: PriceCheckLine[] = [];
  for (const line of lines) {
    const base = { ...line, agreedUnitPriceCents: null, indexation: null, contractedUnitPriceCents: null, differenceCents: null };
    if (!line.productCode) {
      result.push({ ...base, status: "no_product_code" });
      continue;
    }
    const [agreement] = await tx
      .select()
      .from(priceAgreements)
      .where(
        and(
          eq(priceAgreements.accountId, row.accountId),
          eq(priceAgreements.productCode, line.productCode),
          lte(priceAgreements.validFrom, line.issueDate),
          or(isNull(priceAgreements.validTo), gte(priceAgreements.validTo, line.issueDate)),
        ),
      )
      .orderBy(desc(priceAgreements.validFrom))
      .limit(1);
    if (!agreement) {
      result.push({ ...base, status: "no_agreement" });
      continue;
    }
    if (!agreement.indexation) {
      const contracted = agreement.unitPriceCents;
      result.push({
        ...base,
        agreedUnitPriceCents: contracted,
        contractedUnitPriceCents: contracted,
        differenceCents: line.invoicedUnitPriceCents - contracted,
        status: "ok",
      });
      continue;
    }
    const month = `${line.issueDate.slice(0, 7)}-01`;
    const [index] = await tx
      .select({ value: priceIndexValues.value })
      .from(priceIndexValues)
      .where(and(eq(priceIndexValues.indexCode, agreement.indexation.indexCode), eq(priceIndexValues.month, month)));
    const indexation = { indexCode: agreement.indexation.indexCode, baseValue: agreement.indexation.baseValue, month, value: index?.value ?? null };
    if (!index) {
      result.push({ ...base, agreedUnitPriceCents: agreement.unitPriceCents, indexation, status: "index_value_missing" });
      continue;
    }
    const contracted = indexPrice(agreement.unitPriceCents, index.value, agreement.indexation.baseValue);
    result.push({
      ...base,
      agreedUnitPriceCents: agreement.unitPriceCents,
      indexation,
      contractedUnitPriceCents: contracted,
      differenceCents: line.invoicedUnitPriceCents - contracted,
      status: "ok",
    });
  }
  return result;
}

/** A decimal string ("112.4") as an integer and its scale (1124n, 1). */
function decimal(value: string): { units: bigint; scale: number } {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(value.trim());
  if (!match) throw new RangeError(`not a decimal: ${value}`);
  const fraction = match[2] ?? "";
  return { units: BigInt(match[1]! + fraction), scale: fraction.length };
}

/** cents × value ÷ base, exact, rounded half up to the cent. */
export function indexPrice(cents: number, value: string, base: string): number {
  const v = decimal(value);
  const b = decimal(base);
  if (b.units === 0n) throw new RangeError("index base value is zero");
  // cents × (v.units / 10^v.scale) ÷ (b.units / 10^b.scale)
  const numerator = BigInt(cents) * v.units * 10n ** BigInt(b.scale);
  const denominator = b.units * 10n ** BigInt(v.scale);
  const quotient = (2n * numerator + denominator) / (2n * denominator);
  return Number(quotient);
}
