import { formatMoney, isDomainValidationError, money, PROPOSAL_KINDS, type ProposalKind } from "@accord/domain";
import { AppError } from "../errors";
import { AGREEMENT_LABELS, type AgreementLabels, type AgreementLanguage } from "./agreement-labels";

export type { AgreementLanguage } from "./agreement-labels";

/** The supplier as « Notre société » describes it. */
export interface AgreementSupplier {
  legalName: string;
  /** 9 digits. */
  siren: string;
  vatNumber: string;
  /** May span several lines. */
  address: string;
}

export interface AgreementCustomer {
  legalName: string;
  /** 9 digits, or null when the account has none on record. */
  siren: string | null;
  vatNumber?: string | null;
  address?: string | null;
}

export interface AgreementInvoice {
  number: string;
  /** ISO date (YYYY-MM-DD). */
  issuedOn: string;
}

/**
 * Everything the agreement shows, as plain data: the caller reads it from the database at acceptance.
 * Amounts in integer cents (excl. VAT and VAT; incl. VAT is their sum).
 */
export interface AgreementDocument {
  supplier: AgreementSupplier;
  customer: AgreementCustomer;
  caseReference: string;
  caseTitle?: string | null;
  invoices: AgreementInvoice[];
  proposal: {
    number: number;
    kind: ProposalKind;
    /** May span several lines and paragraphs. */
    terms: string;
    /** Each side's concessions; shown for a settlement ("transaction") only. */
    concessions?: { supplier: string[]; customer: string[] } | null;
    amountCents: number;
    vatCents: number;
    currency: string;
  };
  acceptance: {
    signerName: string;
    customerEmail: string;
    /** The acceptance instant; also the agreement's date and the PDF's creation date. */
    acceptedAt: Date;
    ipAddress: string | null;
    userAgent: string | null;
    /** SHA-256 (hex) of the exact text the customer accepted. */
    textSha256: string;
  };
}

/** One piece of the agreement's layout; the PDF and the plain text are both drawn from these. */
export type AgreementBlock =
  | { type: "title"; text: string }
  | { type: "subtitle"; text: string }
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string; strong?: boolean }
  | { type: "field"; label: string; value: string; mono?: boolean }
  | { type: "bullet"; text: string }
  | { type: "amount"; label: string; value: string; strong?: boolean }
  | { type: "gap" };

const TIME_ZONE = "Europe/Paris";
const INTL_LOCALE: Record<AgreementLanguage, string> = { fr: "fr-FR", en: "en-GB" };
const SHA256 = /^[0-9a-f]{64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SIREN = /^\d{9}$/;

/** Fills `{{name}}` placeholders of a catalogue string. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

function invalid(field: string): never {
  throw new AppError("validation", { messageKey: "error.validation", fieldErrors: { [field]: ["validation.invalid"] } });
}

/** Refuses a document the agreement cannot faithfully show (a bug upstream, never user input). */
export function checkAgreementDocument(doc: AgreementDocument, language: AgreementLanguage): void {
  if (!(language in AGREEMENT_LABELS)) invalid("language");
  const required: Array<[string, unknown]> = [
    ["supplier.legalName", doc.supplier.legalName],
    ["supplier.vatNumber", doc.supplier.vatNumber],
    ["supplier.address", doc.supplier.address],
    ["customer.legalName", doc.customer.legalName],
    ["caseReference", doc.caseReference],
    ["acceptance.signerName", doc.acceptance.signerName],
    ["acceptance.customerEmail", doc.acceptance.customerEmail],
  ];
  for (const [field, value] of required) if (typeof value !== "string" || value.trim() === "") invalid(field);
  if (!SIREN.test(doc.supplier.siren)) invalid("supplier.siren");
  if (doc.customer.siren !== null && !SIREN.test(doc.customer.siren)) invalid("customer.siren");
  doc.invoices.forEach((invoice, i) => {
    if (invoice.number.trim() === "") invalid(`invoices.${i}.number`);
    if (!isIsoDate(invoice.issuedOn)) invalid(`invoices.${i}.issuedOn`);
  });
  const { proposal, acceptance } = doc;
  if (!Number.isSafeInteger(proposal.number) || proposal.number < 1) invalid("proposal.number");
  if (!PROPOSAL_KINDS.includes(proposal.kind)) invalid("proposal.kind");
  for (const field of ["amountCents", "vatCents"] as const) {
    const cents = proposal[field];
    if (!Number.isSafeInteger(cents) || cents < 0 || !Number.isSafeInteger(proposal.amountCents + proposal.vatCents)) invalid(`proposal.${field}`);
  }
  try {
    money(0, proposal.currency);
  } catch (error) {
    if (isDomainValidationError(error)) invalid("proposal.currency");
    throw error;
  }
  if (!(acceptance.acceptedAt instanceof Date) || Number.isNaN(acceptance.acceptedAt.getTime())) invalid("acceptance.acceptedAt");
  if (!SHA256.test(acceptance.textSha256)) invalid("acceptance.textSha256");
}

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** "12 novembre 2026" / "12 November 2026": a calendar date, no time zone shift. */
function formatDay(isoDate: string, language: AgreementLanguage): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The instant in Europe/Paris: its date, its time (24 h, seconds) and its UTC offset ("GMT+01:00"). */
function parisParts(instant: Date, language: AgreementLanguage): { date: string; time: string; offset: string } {
  const locale = INTL_LOCALE[language];
  const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE }).format(instant);
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }).format(instant);
  const offsetPart = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, timeZoneName: "longOffset" }).formatToParts(instant).find((part) => part.type === "timeZoneName");
  // "GMT" alone means an offset of zero (never the case in Paris, but keep it readable).
  const offset = offsetPart?.value === "GMT" ? "GMT+00:00" : (offsetPart?.value ?? "");
  return { date, time, offset };
}

function formatAmount(cents: number, currency: string, language: AgreementLanguage): string {
  return formatMoney(money(cents, currency), language);
}

/** Lines of a multi-line text, trimmed, without blank runs at either end. */
function lines(text: string): string[] {
  const all = text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trim());
  while (all.length > 0 && all[0] === "") all.shift();
  while (all.length > 0 && all.at(-1) === "") all.pop();
  return all;
}

/** The agreement as an ordered list of blocks, in `language`. Pure: the same input gives the same blocks. */
export function agreementBlocks(doc: AgreementDocument, language: AgreementLanguage): AgreementBlock[] {
  checkAgreementDocument(doc, language);
  const t: AgreementLabels = AGREEMENT_LABELS[language];
  const { supplier, customer, proposal, acceptance } = doc;
  const blocks: AgreementBlock[] = [];
  let section = 0;
  const heading = (text: string) => blocks.push({ type: "heading", text: `${++section}. ${text}` });
  const notRecorded = (value: string | null | undefined) => (value && value.trim() !== "" ? value.trim() : t.notRecorded);

  blocks.push({ type: "title", text: t.title });
  blocks.push({ type: "subtitle", text: fill(t.subtitle, { reference: doc.caseReference, number: proposal.number }) });

  blocks.push({ type: "heading", text: t.parties.heading });
  blocks.push({ type: "paragraph", text: supplier.legalName.trim(), strong: true });
  blocks.push({ type: "field", label: t.parties.siren, value: supplier.siren });
  blocks.push({ type: "field", label: t.parties.vatNumber, value: supplier.vatNumber.trim() });
  blocks.push({ type: "field", label: t.parties.address, value: lines(supplier.address).filter((line) => line !== "").join(", ") });
  blocks.push({ type: "paragraph", text: t.parties.supplierAlias });
  blocks.push({ type: "gap" });
  blocks.push({ type: "paragraph", text: t.parties.and });
  blocks.push({ type: "gap" });
  blocks.push({ type: "paragraph", text: customer.legalName.trim(), strong: true });
  blocks.push({ type: "field", label: t.parties.siren, value: customer.siren ?? t.notRecorded });
  if (customer.vatNumber && customer.vatNumber.trim() !== "") blocks.push({ type: "field", label: t.parties.vatNumber, value: customer.vatNumber.trim() });
  if (customer.address && customer.address.trim() !== "") {
    blocks.push({ type: "field", label: t.parties.address, value: lines(customer.address).filter((line) => line !== "").join(", ") });
  }
  blocks.push({ type: "paragraph", text: t.parties.customerAlias });

  heading(t.subject.heading);
  const title = doc.caseTitle?.trim();
  blocks.push({ type: "paragraph", text: title ? fill(t.subject.textWithTitle, { reference: doc.caseReference, title }) : fill(t.subject.text, { reference: doc.caseReference }) });
  if (doc.invoices.length === 0) blocks.push({ type: "paragraph", text: t.subject.noInvoice });
  else {
    blocks.push({ type: "paragraph", text: `${t.subject.invoices}${t.labelSeparator}` });
    for (const invoice of doc.invoices) blocks.push({ type: "bullet", text: fill(t.subject.invoice, { number: invoice.number.trim(), date: formatDay(invoice.issuedOn, language) }) });
  }

  heading(t.resolution.heading);
  blocks.push({ type: "field", label: t.resolution.kind, value: t.kinds[proposal.kind] });
  blocks.push({ type: "paragraph", text: `${t.resolution.terms}${t.labelSeparator}`, strong: true });
  const terms = lines(proposal.terms);
  if (terms.length === 0) blocks.push({ type: "paragraph", text: t.none });
  // A blank line in the terms separates paragraphs.
  for (const line of terms) blocks.push(line === "" ? { type: "gap" } : { type: "paragraph", text: line });

  if (proposal.kind === "settlement") {
    heading(t.concessions.heading);
    for (const [label, items] of [
      [t.concessions.supplier, proposal.concessions?.supplier ?? []],
      [t.concessions.customer, proposal.concessions?.customer ?? []],
    ] as const) {
      blocks.push({ type: "paragraph", text: label, strong: true });
      const listed = items.map((item) => item.trim()).filter((item) => item !== "");
      if (listed.length === 0) blocks.push({ type: "bullet", text: t.none });
      for (const item of listed) blocks.push({ type: "bullet", text: item.replace(/\s*\r?\n\s*/g, " ") });
    }
    blocks.push({ type: "paragraph", text: t.concessions.clause });
  }

  heading(t.amounts.heading);
  blocks.push({ type: "amount", label: t.amounts.excludingVat, value: formatAmount(proposal.amountCents, proposal.currency, language) });
  blocks.push({ type: "amount", label: t.amounts.vat, value: formatAmount(proposal.vatCents, proposal.currency, language) });
  blocks.push({ type: "amount", label: t.amounts.includingVat, value: formatAmount(proposal.amountCents + proposal.vatCents, proposal.currency, language), strong: true });

  heading(t.acceptance.heading);
  const at = parisParts(acceptance.acceptedAt, language);
  blocks.push({ type: "paragraph", text: t.acceptance.text });
  blocks.push({ type: "field", label: t.acceptance.signer, value: acceptance.signerName.trim() });
  blocks.push({ type: "field", label: t.acceptance.email, value: acceptance.customerEmail.trim() });
  blocks.push({ type: "field", label: t.acceptance.acceptedAt, value: fill(t.acceptance.acceptedAtValue, at) });
  blocks.push({ type: "field", label: t.acceptance.ipAddress, value: notRecorded(acceptance.ipAddress) });
  blocks.push({ type: "field", label: t.acceptance.userAgent, value: notRecorded(acceptance.userAgent) });
  blocks.push({ type: "field", label: t.acceptance.textSha256, value: acceptance.textSha256, mono: true });

  blocks.push({ type: "gap" });
  blocks.push({ type: "paragraph", text: fill(t.signedOn, { date: at.date }) });
  return blocks;
}

/** One block as plain text lines (no wrapping). */
export function blockText(block: AgreementBlock, language: AgreementLanguage): string {
  const separator = AGREEMENT_LABELS[language].labelSeparator;
  switch (block.type) {
    case "field":
    case "amount":
      return `${block.label}${separator}${block.value}`;
    case "bullet":
      return `• ${block.text}`;
    case "gap":
      return "";
    default:
      return block.text;
  }
}

/** The agreement as plain text lines (for a printable page or a text e-mail); a blank line before each heading. */
export function agreementText(doc: AgreementDocument, language: AgreementLanguage): string[] {
  const out: string[] = [];
  for (const block of agreementBlocks(doc, language)) {
    if (block.type === "heading" && out.length > 0 && out.at(-1) !== "") out.push("");
    out.push(blockText(block, language));
  }
  return out;
}
