import { CASE_STATUSES, CASE_TYPES, CUSTOMER_TIERS, OUTCOMES, PRIORITIES } from "@accord/domain";
import { z } from "zod";
import { kpiDaySchema } from "../kpi/kpi-query";
import { CASE_CHANNELS } from "./case-channels";

export { CASE_CHANNELS };

/** Page size of the back-office queue. */
export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_SCOPES = ["mine", "team", "all"] as const;
export const QUEUE_SORTS = ["sla", "received", "ended"] as const;
/** `open`: today's queue (not closed, withdrawn, rejected or merged); `ended`: resolved or terminal (`ended_at` set); `all`. */
export const QUEUE_STATES = ["open", "ended", "all"] as const;
/** Which date of a case the period `from`–`to` applies to. */
export const QUEUE_PERIOD_DATES = ["received", "ended", "resolved"] as const;
export const QUEUE_SLA_STATES = ["ok", "warning", "breached"] as const;
/** `assignee=none`: the cases nobody is assigned to. */
export const UNASSIGNED = "none";
/** `rootCause=none`: the cases without a root cause. */
export const NO_ROOT_CAUSE = "none";
/** Cents; a disputed amount above this is not a real one (and stays inside bigint and JS safe integers). */
const MAX_AMOUNT_CENTS = 1_000_000_000_000;

export type QueueScope = (typeof QUEUE_SCOPES)[number];
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type QueueSlaState = (typeof QUEUE_SLA_STATES)[number];
export type QueueState = (typeof QUEUE_STATES)[number];
export type QueuePeriodDate = (typeof QUEUE_PERIOD_DATES)[number];

const invalid = "queue.error.invalid";
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

/** "1 500,50", "1500.5", "1500" (euros) → cents. */
const amount = optional(
  z
    .string()
    .transform((value, ctx) => {
      const normalised = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
      if (!/^\d{1,10}(\.\d{1,2})?$/.test(normalised)) {
        ctx.addIssue({ code: "custom", message: "queue.error.amount" });
        return z.NEVER;
      }
      const [units, fraction = ""] = normalised.split(".");
      const cents = Number(units) * 100 + Number(fraction.padEnd(2, "0"));
      if (cents > MAX_AMOUNT_CENTS) {
        ctx.addIssue({ code: "custom", message: "queue.error.amount" });
        return z.NEVER;
      }
      return cents;
    }),
);

/** The keyset cursor: the last row's sort key and id (base64url JSON), opaque to the user. */
export type QueueCursor = { key: string; id: string };

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/**
 * An ISO instant PostgreSQL can store: a real calendar day (no 31 February: zod's format check lets
 * it through), years 0001 to 9999 (PostgreSQL refuses year 0000). Anything else would fail in SQL.
 */
export function isStorableInstant(value: string): boolean {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return false;
  const year = at.getUTCFullYear();
  return year >= 1 && year <= 9999 && at.toISOString().slice(0, 10) === value.slice(0, 10);
}

// "-infinity": an open case's end in the `ended` sort of every case (they come last).
const cursorSchema = z.tuple([z.union([z.literal("infinity"), z.literal("-infinity"), z.iso.datetime().refine(isStorableInstant)]), z.uuid()]);

/** A Paris calendar day "YYYY-MM-DD" (the dashboard's days, so that its drill-down links parse here). */
const day = optional(z.string().refine((value) => kpiDaySchema.safeParse(value).success, "queue.error.day"));

const cursor = optional(
  z.string().transform((value, ctx) => {
    try {
      const [key, id] = cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
      return { key, id } satisfies QueueCursor;
    } catch {
      ctx.addIssue({ code: "custom", message: "queue.error.cursor" });
      return z.NEVER;
    }
  }),
);

/**
 * The queue's query string, shared by the page's GET form, the use case and saved views.
 * Every field is optional; empty form fields count as absent.
 */
export const caseQueueQuerySchema = z
  .object({
    scope: optional(z.enum(QUEUE_SCOPES, { error: invalid })).default("all"),
    status: z.preprocess(
      (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value.filter((v) => v !== "") : [value]),
      z.array(z.enum(CASE_STATUSES, { error: invalid })).max(CASE_STATUSES.length),
    ),
    type: optional(z.enum(CASE_TYPES, { error: invalid })),
    priority: optional(z.enum(PRIORITIES, { error: invalid })),
    team: optional(z.uuid({ error: invalid })),
    assignee: optional(z.union([z.literal(UNASSIGNED), z.uuid()], { error: invalid })),
    account: optional(z.uuid({ error: invalid })),
    sla: optional(z.enum(QUEUE_SLA_STATES, { error: invalid })),
    channel: optional(z.enum(CASE_CHANNELS, { error: invalid })),
    amountMin: amount,
    amountMax: amount,
    state: optional(z.enum(QUEUE_STATES, { error: invalid })).default("open"),
    from: day,
    to: day,
    on: optional(z.enum(QUEUE_PERIOD_DATES, { error: invalid })).default("received"),
    rootCause: optional(z.union([z.literal(NO_ROOT_CAUSE), z.string().regex(/^[a-z0-9_]{1,64}$/, { error: invalid })], { error: invalid })),
    outcome: optional(z.enum(OUTCOMES, { error: invalid })),
    tier: optional(z.enum(CUSTOMER_TIERS, { error: invalid })),
    sort: optional(z.enum(QUEUE_SORTS, { error: invalid })),
    after: cursor,
  })
  .refine((q) => q.amountMin === undefined || q.amountMax === undefined || q.amountMin <= q.amountMax, {
    path: ["amountMax"],
    message: "queue.error.amountRange",
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ["to"], message: "queue.error.periodRange" })
  // The SLA sort is the open queue's (an ended case has no running deadline); the end sort is for ended cases.
  .refine((q) => q.sort === undefined || (q.state === "open" ? q.sort !== "ended" : q.sort !== "sla"), { path: ["sort"], message: "queue.error.sort" })
  .transform((q) => ({ ...q, sort: q.sort ?? defaultQueueSort(q.state) }));

/** The sort when none is asked for: the nearest deadline for open cases, the most recent otherwise. */
export function defaultQueueSort(state: QueueState): QueueSort {
  return state === "open" ? "sla" : "received";
}

export type CaseQueueQuery = z.output<typeof caseQueueQuerySchema>;
/** What the schema reads: query-string values (`status` may repeat). */
export type CaseQueueQueryInput = z.input<typeof caseQueueQuerySchema>;

const MULTI = new Set(["status"]);

/** The schema's input from a URL's search params (repeated `status`, the last value of anything else). */
export function queueQueryInput(params: URLSearchParams): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    input[key] = MULTI.has(key) ? params.getAll(key) : (params.getAll(key).at(-1) ?? "");
  }
  return input;
}

const centsToText = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

/**
 * The canonical query string of a query (defaults left out, the cursor only when asked for): the
 * page's links, and what a saved view stores.
 */
export function queueSearchParams(query: CaseQueueQuery, options: { after?: string | null; withCursor?: boolean } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (query.scope !== "all") params.set("scope", query.scope);
  for (const status of query.status) params.append("status", status);
  for (const key of ["type", "priority", "team", "assignee", "account", "sla", "channel"] as const) {
    const value = query[key];
    if (value !== undefined) params.set(key, value);
  }
  if (query.amountMin !== undefined) params.set("amountMin", centsToText(query.amountMin));
  if (query.amountMax !== undefined) params.set("amountMax", centsToText(query.amountMax));
  if (query.state !== "open") params.set("state", query.state);
  for (const key of ["from", "to", "rootCause", "outcome", "tier"] as const) {
    const value = query[key];
    if (value !== undefined) params.set(key, value);
  }
  if (query.on !== "received") params.set("on", query.on);
  if (query.sort !== defaultQueueSort(query.state)) params.set("sort", query.sort);
  const after = options.after !== undefined ? options.after : options.withCursor && query.after ? encodeQueueCursor(query.after) : null;
  if (after) params.set("after", after);
  return params;
}
