import type { fr } from "./fr";

/** Strings of the customer portal (English). */
export const en: typeof fr = {
  app: {
    label: "Customer portal",
  },
  home: {
    eyebrow: "Your company",
    invoicesTitle: "Your invoices",
    invoicesCaption: "Invoices of {{company}}",
    noInvoices: "No invoices yet.",
    columns: {
      number: "Number",
      issueDate: "Date",
      dueDate: "Due date",
      amount: "Amount incl. VAT",
      status: "Status",
    },
  },
  invoiceStatus: {
    unpaid: "Unpaid",
    partially_paid: "Partly paid",
    paid: "Paid",
  },
};
