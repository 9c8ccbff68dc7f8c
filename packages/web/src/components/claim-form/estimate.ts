/**
 * The disputed amount shown while the filer types (the server computes the real one at "Vérifier"):
 * the same integer-cent rule as the server's (the domain's `lineDisputedAmount`), on the figures read
 * as the schema reads them (`parseDecimal`), so the estimate never differs from the review by a cent.
 */
import { lineDisputedAmount, money, parseDecimal, sumMoney } from "@accord/domain";
import type { ClaimRow } from "./types";

/** A typed figure in `10^-decimals` units, or null when empty or not (yet) a valid figure. */
function typed(raw: string | undefined, decimals: number): number | null {
  if (!raw || raw.trim() === "") return null;
  const value = parseDecimal(raw, decimals);
  return typeof value === "number" ? value : null;
}

/**
 * The estimate in cents for the lines `read(name)` gives figures for, or null when no line is
 * contested yet. A figure above the invoiced one counts as the invoiced one (the server refuses it).
 */
export function estimateDisputedCents(rows: readonly ClaimRow[], read: (name: string) => string | undefined, currency: string): number | null {
  const amounts = rows.flatMap(({ line, index }) => {
    const quantity = typed(read(`lines[${index}].contestedQuantity`), 3);
    const price = typed(read(`lines[${index}].contestedUnitPrice`), 2);
    if (quantity === null && price === null) return [];
    const cents = lineDisputedAmount({
      // VAT is not part of the estimate (excl. VAT); the rate is not read.
      line: { ...line, vatRateBp: 0 },
      contested: {
        contestedQuantityMilli: quantity === null ? null : Math.min(quantity, line.quantityMilli),
        contestedUnitPriceCents: price === null ? null : Math.min(price, line.unitPriceCents),
      },
    });
    return [money(cents, currency)];
  });
  return amounts.length > 0 ? sumMoney(amounts, currency).cents : null;
}
