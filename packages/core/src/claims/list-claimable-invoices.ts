import type { Actor } from "@accord/auth";
import { invoiceLines, invoices, type Db } from "@accord/db";
import { and, asc, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer, requireStaff } from "../access";
import { AppError } from "../errors";
import { singleLine } from "../single-line";

export const CLAIMABLE_INVOICE_LIMIT = 50;

export interface ClaimableInvoice {
  id: string;
  number: string;
  issueDate: string;
  deliveryDate: string | null;
  deliveryNoteNumber: string | null;
  orderNumber: string | null;
  currency: string;
  totalExclTaxCents: number;
  lines: {
    id: string;
    lineNo: number;
    productCode: string | null;
    description: string;
    unit: string;
    quantityMilli: number;
    unitPriceCents: number;
    vatRateBp: number;
    totalExclTaxCents: number;
    lotNumber: string | null;
  }[];
}

/** What the claim form's invoice picker asks for (its query string, parsed by the route). */
export const claimableInvoicesQuerySchema = z.object({
  /** Part of an invoice number. */
  q: singleLine(z.string().trim().max(100)).optional(),
  /** Invoices to list whatever the search (the ones already picked, or `?invoice=` from a link). */
  invoiceIds: z.array(z.string()).max(100).optional(),
  /** Staff only: the account filed for. */
  accountId: z.uuid().optional(),
});

/**
 * The invoices a claim can be filed on, with their lines, newest first: the customer's own account's
 * (scoped in the query), or, for staff with `case:create`, the account they file for. Searchable by
 * invoice number; `invoiceIds` of the account are always included.
 */
export async function listClaimableInvoices({
  db,
  actor,
  input = {},
}: {
  db: Db;
  actor: Actor | null | undefined;
  input?: z.output<typeof claimableInvoicesQuerySchema>;
  now?: Date;
}): Promise<ClaimableInvoice[]> {
  const { q, invoiceIds = [], accountId: requested } = input;
  let accountId: string;
  if (actor?.kind === "staff") {
    requireStaff(actor, "case:create");
    if (!requested) throw new AppError("validation", { fieldErrors: { accountId: ["claim.error.account_required"] } });
    accountId = requested;
  } else {
    accountId = requireCustomer(actor, "case:create").accountId;
  }
  const ids = invoiceIds.filter((id) => z.uuid().safeParse(id).success);
  const search: SQL[] = [];
  if (q) search.push(ilike(invoices.number, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const picked = ids.length > 0 ? inArray(invoices.id, ids) : undefined;
  const matches = search.length > 0 ? (picked ? or(picked, ...search) : and(...search)) : undefined;

  return db.transaction(
    async (tx) => {
      const rows = await tx
        .select({
          id: invoices.id,
          number: invoices.number,
          issueDate: invoices.issueDate,
          deliveryDate: invoices.deliveryDate,
          deliveryNoteNumber: invoices.deliveryNoteNumber,
          orderNumber: invoices.orderNumber,
          currency: invoices.currency,
          totalExclTaxCents: invoices.totalExclTaxCents,
        })
        .from(invoices)
        .where(and(eq(invoices.accountId, accountId), matches))
        .orderBy(desc(invoices.issueDate), desc(invoices.number))
        .limit(CLAIMABLE_INVOICE_LIMIT);
      if (rows.length === 0) return [];
      const lines = await tx
        .select({
          invoiceId: invoiceLines.invoiceId,
          id: invoiceLines.id,
          lineNo: invoiceLines.lineNo,
          productCode: invoiceLines.productCode,
          description: invoiceLines.description,
          unit: invoiceLines.unit,
          quantityMilli: invoiceLines.quantityMilli,
          unitPriceCents: invoiceLines.unitPriceCents,
          vatRateBp: invoiceLines.vatRateBp,
          totalExclTaxCents: invoiceLines.totalExclTaxCents,
          lotNumber: invoiceLines.lotNumber,
        })
        .from(invoiceLines)
        .where(inArray(invoiceLines.invoiceId, rows.map((r) => r.id)))
        .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.lineNo));
      return rows.map((invoice) => ({
        ...invoice,
        lines: lines.filter((line) => line.invoiceId === invoice.id).map(({ invoiceId: _invoiceId, ...line }) => line),
      }));
    },
    { accessMode: "read only" },
  );
}
