/**
 * The credit note's free-text note (cbc:Note), in the customer's language. Like the agreement's
 * labels, it is part of a document sent to the ERP, not of a page: it stays beside its renderer.
 */
export const CREDIT_NOTE_NOTE = {
  fr: (reference: string) => `Avoir au titre du litige ${reference}`,
  en: (reference: string) => `Credit note for dispute ${reference}`,
} as const;

/** A credit line's description when the credit note corrects several invoices. */
export const CREDIT_NOTE_LINE_ON_INVOICE = {
  fr: (description: string, invoice: string) => `${description} (facture ${invoice})`,
  en: (description: string, invoice: string) => `${description} (invoice ${invoice})`,
} as const;
