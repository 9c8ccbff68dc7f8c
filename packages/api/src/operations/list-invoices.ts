import { listCustomerInvoicesWithLines } from "@accord/core";
import { z } from "zod";
import { defineOperation } from "../operation";
import { ApiProblem } from "../problem";
import { invoice } from "../schemas";
import { invoiceView } from "./invoice-view";

const query = z.object({
  filter: z.enum(["due", "disputed", "all"]).optional().meta({ description: "due (to pay), disputed (on hold), all (default)" }),
  cursor: z.string().max(40).optional().meta({ description: "The opaque cursor of the next page (from `nextCursor`)" }),
});

const invoiceList = z.object({ data: z.array(invoice), nextCursor: z.string().nullable(), next: z.url().nullable() }).meta({ id: "InvoiceList" });

const encodePage = (page: number) => Buffer.from(`page:${page}`, "utf8").toString("base64url");
function decodePage(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  const match = /^page:(\d{1,6})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const page = match ? Number(match[1]) : 0;
  if (page < 1) throw new ApiProblem("validation", { detailKey: "api.detail.invalidFields", issues: [{ field: "cursor", code: "invalid", messageKey: "validation.invalid" }] });
  return page;
}

export const listInvoices = defineOperation({
  method: "GET",
  path: "/invoices",
  operationId: "listInvoices",
  summary: "List invoices with their lines",
  description: "The invoices of the key's company, newest first, 50 a page, each with its lines; cursor pagination (`next`).",
  tag: "Invoices",
  access: "customer",
  query,
  success: { status: 200, description: "A page of invoices", schema: invoiceList },
  async handle({ db, actor, query: q, now, url }) {
    const page = decodePage(q.cursor);
    const list = await listCustomerInvoicesWithLines({ db, actor, input: { filter: q.filter ?? "all", page }, now });
    const data = list.invoices.map(invoiceView);
    const nextCursor = list.hasNextPage ? encodePage(page + 1) : null;
    let next: string | null = null;
    if (nextCursor) {
      const link = new URL(url.href);
      link.searchParams.set("cursor", nextCursor);
      next = link.href;
    }
    return { body: { data, nextCursor, next } };
  },
});
