import { customerInvoiceSchema, getCustomerInvoice, parseInput } from "@accord/core";
import { defineOperation } from "../operation";
import { invoice, invoiceNumberParam } from "../schemas";
import { invoiceView } from "./invoice-view";

export const getInvoice = defineOperation({
  method: "GET",
  path: "/invoices/{number}",
  operationId: "getInvoice",
  summary: "Read an invoice",
  description: "An invoice of the key's company with its lines (their ids and numbers name them in a claim).",
  tag: "Invoices",
  access: "customer",
  params: invoiceNumberParam,
  success: { status: 200, description: "The invoice", schema: invoice },
  problems: [404],
  async handle({ db, actor, params, now }) {
    const found = await getCustomerInvoice({ db, actor, input: parseInput(customerInvoiceSchema, params), now });
    return { body: invoiceView(found) };
  },
});
