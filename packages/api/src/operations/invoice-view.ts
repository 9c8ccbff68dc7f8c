import type { CustomerInvoice } from "@accord/core";
import type { z } from "zod";
import type { invoice } from "../schemas";

export function invoiceView(found: CustomerInvoice): z.input<typeof invoice> {
  return {
    number: found.number,
    issueDate: found.issueDate,
    dueDate: found.currentDueDate,
    currency: found.currency,
    totalExclTaxCents: found.totalExclTaxCents,
    totalInclTaxCents: found.totalInclTaxCents,
    paidStatus: found.paidStatus,
    onHold: found.onHold,
    lines: found.lines.map((line) => ({
      id: line.id,
      lineNo: line.lineNo,
      productCode: line.productCode,
      description: line.description,
      unit: line.unit,
      quantity: line.quantityMilli / 1000,
      unitPriceCents: line.unitPriceCents,
      totalExclTaxCents: line.totalExclTaxCents,
      vatRateBasisPoints: line.vatRateBp,
    })),
  };
}
