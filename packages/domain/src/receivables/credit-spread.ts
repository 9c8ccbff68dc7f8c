import { fail } from "../errors/errors";
import { allocate, assertCents, money } from "../money/money";

/**
 * How a credit (excl. VAT) falls on the disputed invoices and their contested lines, as the
 * resolution's new due dates count it: first over the invoices in proportion to what each disputes,
 * then, within an invoice, over its contested lines in proportion to each line's disputed amount
 * (so each share keeps its line's VAT rate). No share exceeds what its line disputes when the credit
 * does not exceed the total disputed. Invoices or lines disputing nothing share equally.
 */
export function spreadCredit<I extends { readonly lines: readonly { readonly disputedCents: number }[] }>(
  creditCents: number,
  invoices: readonly I[],
): { invoice: I; creditCents: number; lines: { line: I["lines"][number]; creditCents: number }[] }[] {
  assertCents(creditCents, "creditCents");
  if (creditCents < 0) fail("invalid_amount", "creditCents", { value: String(creditCents) });
  if (invoices.length === 0) return [];
  const weights = (values: readonly number[]) => (values.some((value) => value > 0) ? values : values.map(() => 1));
  const perInvoice = allocate(
    money(creditCents),
    weights(invoices.map((invoice) => invoice.lines.reduce((sum, line) => sum + line.disputedCents, 0))),
  );
  return invoices.map((invoice, index) => {
    const share = perInvoice[index]!.cents;
    const lines =
      invoice.lines.length === 0 ? [] : allocate(money(share), weights(invoice.lines.map((line) => line.disputedCents))).map((part, at) => ({ line: invoice.lines[at]!, creditCents: part.cents }));
    return { invoice, creditCents: share, lines };
  });
}
