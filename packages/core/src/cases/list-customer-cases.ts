import type { Actor } from "@accord/auth";
import { caseLines, cases, customerUsers, invoices, type CaseStatus, type CaseType, type Db } from "@accord/db";
import { CASE_STATUSES, CASE_TYPES, nextStepOf, STATUS_GROUPS, statusesInGroup, type NextStep, type StatusGroup } from "@accord/domain";
import { and, asc, eq, gt, ilike, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { AppError } from "../errors";
import { isStorableInstant } from "./case-queue-query";
import { customerCaseScope } from "./customer-case-scope";
import { singleLine } from "../single-line";

export const CUSTOMER_CASES_PAGE_SIZE = 25;
export const CUSTOMER_CASES_MAX_PAGE_SIZE = 100;
const SEARCH_MAX_LENGTH = 100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A GET form sends empty strings for untouched fields: they mean "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
// A real day PostgreSQL can read: no 31 February, no year 0000 (both were a 500).
const isoDate = z.string().regex(ISO_DATE, "cases.error.date").refine((value) => isStorableInstant(`${value}T00:00:00Z`), "cases.error.date");

/** The filters of "My cases" (a GET form: every field optional). */
export const customerCaseFiltersSchema = z
  .object({
    /** One status, or a group ("open" / "closed"). */
    status: optional(z.enum([...STATUS_GROUPS, ...CASE_STATUSES], { error: "cases.error.filter" })),
    type: optional(z.enum(CASE_TYPES, { error: "cases.error.filter" })),
    /** Received on or after this day (Paris time). */
    from: optional(isoDate),
    /** Received on or before this day (Paris time). */
    to: optional(isoDate),
    /** A case reference (or part of it) or an invoice number. */
    q: optional(singleLine(z.string().trim().max(SEARCH_MAX_LENGTH, "validation.tooLong"))),
    /** Opaque keyset cursor from the previous page. */
    cursor: optional(z.string().max(200)),
    /** Page size (the portal shows 25; the API lets a client ask for up to 100). */
    limit: optional(z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(CUSTOMER_CASES_MAX_PAGE_SIZE, "validation.invalid")),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], error: "cases.error.dateRange" });
export type CustomerCaseFilters = z.output<typeof customerCaseFiltersSchema>;

export interface CustomerCaseListItem {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  type: CaseType;
  nextStep: NextStep;
  receivedAt: Date;
  lastActivityAt: Date;
  currency: string;
  disputedAmountCents: number;
  contactName: string;
}

export interface CustomerCaseList {
  cases: CustomerCaseListItem[];
  /** Cursor of the next page, null on the last one. */
  nextCursor: string | null;
}

/** The cursor names the last row shown: its received instant and id (opaque to the browser). */
export function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return Buffer.from(`${row.receivedAt.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(at ?? "");
  if (!isStorableInstant(at ?? "") || !id || !z.uuid().safeParse(id).success) {
    throw new AppError("validation", { messageKey: "cases.error.cursor", fieldErrors: { cursor: ["cases.error.cursor"] } });
  }
  return { receivedAt, id };
}

/** Start of a Paris calendar day, in SQL. */
const parisDayStart = (isoDay: string, plusDays = 0) => sql`((${isoDay}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Paris')`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * "My cases": the cases the customer may see (member → theirs, admin and viewer → the account's),
 * newest first, 25 a page with a keyset cursor (received_at desc, id), so a page costs the same
 * with thousands of cases (indexes cases_account_received_idx / cases_contact_received_idx).
 */
export async function listCustomerCases({
  db,
  actor,
  input = {},
}: {
  db: Db;
  actor: Actor | null;
  input?: CustomerCaseFilters;
  now?: Date;
}): Promise<CustomerCaseList> {
  const customer = requireCustomer(actor, "case:read");
  const filters = input;
  const pageSize = filters.limit ?? CUSTOMER_CASES_PAGE_SIZE;

  const conditions: SQL[] = [customerCaseScope(customer)];
  if (filters.status) {
    const group = (STATUS_GROUPS as readonly string[]).includes(filters.status) ? (filters.status as StatusGroup) : null;
    conditions.push(group ? inArray(cases.status, statusesInGroup(group)) : eq(cases.status, filters.status as CaseStatus));
  }
  if (filters.type) conditions.push(eq(cases.type, filters.type));
  if (filters.from) conditions.push(sql`${cases.receivedAt} >= ${parisDayStart(filters.from)}`);
  if (filters.to) conditions.push(sql`${cases.receivedAt} < ${parisDayStart(filters.to, 1)}`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    // The invoice numbers are looked up within the account (invoices_account_number_key), then their case lines.
    const byInvoice = sql`${cases.id} in (
      select ${caseLines.caseId} from ${caseLines}
      join ${invoices} on ${invoices.id} = ${caseLines.invoiceId}
      where ${invoices.accountId} = ${customer.accountId} and ${invoices.number} ilike ${pattern})`;
    conditions.push(or(ilike(cases.reference, pattern), byInvoice)!);
  }
  if (filters.cursor) {
    const after = decodeCursor(filters.cursor);
    // The first bound lets the index start at the cursor; the second breaks ties on the instant by id.
    conditions.push(lte(cases.receivedAt, after.receivedAt));
    conditions.push(or(lt(cases.receivedAt, after.receivedAt), and(eq(cases.receivedAt, after.receivedAt), gt(cases.id, after.id)))!);
  }

  const rows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      title: cases.title,
      status: cases.status,
      type: cases.type,
      receivedAt: cases.receivedAt,
      lastActivityAt: cases.lastActivityAt,
      currency: cases.currency,
      disputedAmountCents: cases.disputedAmountCents,
      contactName: customerUsers.name,
    })
    .from(cases)
    .innerJoin(customerUsers, eq(customerUsers.id, cases.customerContactId))
    .where(and(...conditions))
    // Exactly the order of the indexes (account or contact, received_at desc nulls last, id asc), so a page
    // is an ordered index scan that stops after 26 rows instead of sorting the account's cases.
    .orderBy(sql`${cases.receivedAt} desc nulls last`, asc(cases.id))
    .limit(pageSize + 1);

  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    cases: page.map((row) => ({ ...row, nextStep: nextStepOf(row.status) })),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null,
  };
}
