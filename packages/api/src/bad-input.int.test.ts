/**
 * Generated bad input for every API operation with a body or a query (picked up from the registry):
 * fast-check values derived from the operation's zod schemas (testing/zod-arbitrary.ts), hostile
 * values, malformed JSON, duplicated and unknown fields, a wrong Content-Type. Never a 5xx, always
 * problem+json, every error names a field of the operation's input, and a refused request writes nothing.
 */
import { hashToken } from "@accord/auth";
import { createCustomer, createStaff } from "@accord/core/testing";
import { apiKeys, integrationKeys } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiHandler } from "./handler";
import type { AnyOperation } from "./operation";
import { operations } from "./operations";
import { PDF, testFileStore } from "./test-support";
import { arbitraryOf, HOSTILE_STRINGS, HOSTILE_VALUES, inputJsonSchema, mutationsOf, rootOf, topLevelFields } from "@accord/web/testing/zod-arbitrary";

const t = useTestDb();
const SEED = 20261207;
const RUNS = 30;
const KEY = "accord_live_fuzz_admin";
/** Import operations (`access: "imports"`) are fuzzed with an integration key: a company key stops at 403. */
const INTEGRATION_KEY = "accord_int_fuzz";
const keyOf = (operation: AnyOperation) => (operation.access === "imports" ? INTEGRATION_KEY : KEY);
const api = createApiHandlerFor();
let resources: Record<string, string>;

function createApiHandlerFor() {
  let handler: ReturnType<typeof createApiHandler> | null = null;
  return (request: Request) => {
    handler ??= createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test", store: testFileStore(), maxFileBytes: 64 * 1024, rateLimitPerMinute: 1_000_000, now: () => new Date("2026-11-23T09:00:00Z") });
    return handler(request);
  };
}

beforeAll(async () => {
  const account = await insertCustomerAccount(t.db, {});
  const user = await createCustomer(t.db, { accountId: account.id, role: "admin" });
  await t.db.insert(apiKeys).values({ accountId: account.id, name: "ERP", prefix: "accord_live_", keyHash: hashToken(KEY), actingUserId: user.id });
  const staffAdmin = await createStaff(t.db, { roles: ["admin"] });
  await t.db.insert(integrationKeys).values({ name: "ERP", prefix: "accord_int_f", keyHash: hashToken(INTEGRATION_KEY), createdById: staffAdmin.id });
  await insertInvoice(t.db, { accountId: account.id, number: "FA-2026-0142", issueDate: "2026-11-10", lines: [{ description: "Farine T65", quantityMilli: 25_000, unitPriceCents: 1850, vatRateBp: 550 }] });
  const filed = await api(
    new Request("http://portal.test/api/v1/claims", {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ type: "quality", title: "Farine", description: "Humide.", desiredOutcome: "credit_note", quality: { product: "Farine" }, lines: [{ invoiceNumber: "FA-2026-0142", lineNo: 1, contestedQuantity: 1 }] }),
    }),
  );
  expect(filed.status).toBe(201);
  resources = { reference: ((await filed.json()) as { reference: string }).reference, number: "FA-2026-0142" };
});

/** Rows a refused request must not add (or remove). */
const COUNTED = ["cases", "case_events", "messages", "evidence", "staged_uploads", "email_messages", "imports"] as const;
async function counts(): Promise<Record<string, number>> {
  const columns = COUNTED.map((table) => `(select count(*) from ${table})::int as ${table}`).join(", ");
  const result = (await t.db.execute(sql.raw(`select ${columns}`))) as unknown as { rows?: Record<string, number>[] } & Record<string, number>[];
  const row = (result.rows ?? result)[0];
  if (!row) throw new Error("no row counts");
  return row;
}

function pathOf(operation: AnyOperation): string {
  return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = resources[name];
    if (value === undefined) throw new Error(`${operation.operationId}: bad-input.int.test.ts has no resource for path parameter {${name}}; add one in beforeAll`);
    return encodeURIComponent(value);
  });
}

/** How the body is framed: as JSON, cut off, with a duplicated field, or under another Content-Type. */
type Framing = "json" | "malformed" | "duplicated" | "wrongType" | "noType";
const framing = fc.constantFrom<Framing>("json", "json", "json", "json", "malformed", "duplicated", "wrongType", "noType");
const MALFORMED = ['{"title": "a",', "{'title': 'a'}", "", "null", "[", '{"a":1}garbage', "\u0000", "{\"title\": \"\\ud800\"}", '{"__proto__": {"admin": true}}'];

function bodyText(value: unknown, how: Framing, malformed: string, duplicate: unknown): string {
  if (how === "malformed") return malformed;
  const json = JSON.stringify(value) ?? "null";
  if (how === "duplicated" && value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
    const first = Object.keys(value)[0]!;
    return `{${JSON.stringify(first)}:${JSON.stringify(duplicate) ?? "null"},${json.slice(1)}`;
  }
  return json;
}

function queryString(value: unknown, duplicate: boolean): string {
  const search = new URLSearchParams();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [name, field] of Object.entries(value)) {
      const values = Array.isArray(field) ? field : [field];
      for (const one of values) search.append(name, typeof one === "string" ? one : (JSON.stringify(one) ?? ""));
      if (duplicate) search.append(name, "2026-02-31");
    }
  } else {
    search.append("q", String(value));
  }
  return search.toString();
}

/** The fields an error of this operation may name: its body's, its query's, its parameters', its file field, or the body root. */
function allowedFields(operation: AnyOperation): Set<string> {
  const names = new Set<string>(["body"]);
  for (const schema of [operation.body?.schema, operation.multipart?.schema, operation.query, operation.params]) if (schema) for (const name of topLevelFields(inputJsonSchema(schema))) names.add(operation.renameField?.(name) ?? name).add(name);
  if (operation.multipart) names.add(operation.multipart.fileField);
  return names;
}

interface Answer {
  status: number;
  contentType: string;
  body: { errors?: { field: string }[] } | null;
  text: string;
}

async function send(request: Request): Promise<Answer> {
  const response = await api(request);
  const text = await response.text();
  let body: Answer["body"];
  try {
    body = JSON.parse(text) as Answer["body"];
  } catch {
    body = null;
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", body, text };
}

async function expectWellRefused(operation: AnyOperation, request: Request, label: string) {
  const before = await counts();
  const answer = await send(request);
  const where = `${operation.operationId} (${label}) → ${answer.status}: ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  expect(answer.body, `${where}: the answer is JSON`).not.toBeNull();
  if (answer.status < 400) {
    expect(answer.contentType, where).toMatch(/^application\/json/);
    return;
  }
  expect(answer.contentType, where).toMatch(/^application\/problem\+json/);
  const allowed = allowedFields(operation);
  // An unknown field is named as sent (code unknown_field); every other error names one of the operation's.
  for (const error of (answer.body?.errors ?? []) as { field: string; code?: string }[]) if (error.code !== "unknown_field") expect(allowed.has(rootOf(error.field)), `${where}: names "${error.field}", not a field of the operation (${[...allowed].join(", ")})`).toBe(true);
  expect(await counts(), `${where}: a refused request wrote nothing`).toEqual(before);
}

/** A path segment; a lone surrogate (which cannot be encoded) becomes bytes that are not UTF-8 and a broken escape. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80%FF%E0%A4%A";
  }
}

const fuzzed = operations.filter((operation) => operation.body || operation.query || operation.multipart);

describe("API v1: generated bad input", () => {
  it("fuzzes every operation with a body or a query (the registry has some)", () => {
    expect(fuzzed.length).toBeGreaterThan(0);
  });

  it.each(fuzzed.map((operation) => [operation.operationId, operation] as const))(
    "%s: never a 5xx, always problem+json naming the operation's fields, and a refusal writes nothing",
    async (_id, operation) => {
      const headers = (extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${keyOf(operation)}`, ...extra });
      const queryArbitrary = operation.query ? arbitraryOf(inputJsonSchema(operation.query)) : fc.constant(undefined);
      // Half generated from the schema, half the operation's own example with one field made hostile (it reaches the use case).
      const fromSchema = (schema: Parameters<typeof inputJsonSchema>[0], example: unknown) => fc.oneof(arbitraryOf(inputJsonSchema(schema)), mutationsOf(example));
      const bodyArbitrary = operation.body ? fromSchema(operation.body.schema, operation.body.example) : operation.multipart ? fromSchema(operation.multipart.schema, operation.multipart.example) : fc.constant(undefined);
      const property = fc.asyncProperty(queryArbitrary, fc.boolean(), bodyArbitrary, framing, fc.constantFrom(...MALFORMED), fc.constantFrom(...HOSTILE_VALUES), fc.boolean(), async (query, duplicateQuery, body, how, malformed, duplicate, withFile) => {
        const search = operation.query ? `?${queryString(query, duplicateQuery)}` : "";
        const url = `http://portal.test/api/v1${pathOf(operation)}${search}`;
        let request: Request;
        if (operation.body) {
          const contentType: Record<string, string> = how === "wrongType" ? { "Content-Type": "text/plain" } : how === "noType" ? {} : { "Content-Type": "application/json" };
          request = new Request(url, { method: operation.method, headers: headers(contentType), body: bodyText(body, how, malformed, duplicate) });
        } else if (operation.multipart) {
          const form = new FormData();
          if (body && typeof body === "object" && !Array.isArray(body)) for (const [name, field] of Object.entries(body)) form.append(name, typeof field === "string" ? field : (JSON.stringify(field) ?? ""));
          if (withFile) form.append(operation.multipart.fileField, new Blob([PDF], { type: "application/pdf" }), `${String(duplicate).slice(0, 100)}.pdf`);
          request = how === "json" || how === "duplicated" ? new Request(url, { method: operation.method, headers: headers(), body: form }) : new Request(url, { method: operation.method, headers: headers({ "Content-Type": how === "malformed" ? "multipart/form-data; boundary=cut" : "application/json" }), body: how === "malformed" ? "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF" : malformed });
        } else {
          request = new Request(url, { method: operation.method, headers: headers() });
        }
        await expectWellRefused(operation, request, `query ${search.slice(0, 80)}, ${how}`);
      });
      await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
    },
  );

  it.each(operations.filter((operation) => operation.path.includes("{")).map((operation) => [operation.operationId, operation] as const))(
    "%s: a hostile path parameter is a 4xx, never a 5xx",
    async (_id, operation) => {
      for (const value of HOSTILE_STRINGS) {
        const url = `http://portal.test/api/v1${operation.path.replace(/\{(\w+)\}/g, () => encodeSegment(value))}`;
        const init: RequestInit = { method: operation.method, headers: { Authorization: `Bearer ${keyOf(operation)}`, "Content-Type": "application/json" } };
        if (operation.method === "POST") init.body = JSON.stringify(operation.body?.example ?? {});
        await expectWellRefused(operation, new Request(url, init), `path ${JSON.stringify(value.slice(0, 30))}`);
      }
    },
  );

  it.each([
    ["a NUL byte in the title", { title: "Farine\u0000humide" }, "title"],
    ["CR/LF in the title", { title: "Farine\r\nBcc: x@example.com" }, "title"],
    ["a 200 000-character description", { description: "x".repeat(200_000) }, "description"],
    ["an RTL override in the product", { quality: { product: "\u202Eevil.exe\u202Cpdf" } }, "quality"],
    ["31 February on a delivery", { type: "delivery", quality: undefined, delivery: { deliveryNoteNumber: "BL-1", receivedOn: "2026-02-31", signedWithReservations: false } }, "delivery"],
    ["year 0000 on a delivery", { type: "delivery", quality: undefined, delivery: { deliveryNoteNumber: "BL-1", receivedOn: "0000-01-01", signedWithReservations: false } }, "delivery"],
    ["an amount of 1e308 cents", { claimedAmountCents: 1e308 }, "claimedAmountCents"],
    ["a negative quantity", { lines: [{ invoiceNumber: "FA-2026-0142", lineNo: 1, contestedQuantity: -1 }] }, "lines"],
    ["NaN as a string", { claimedAmountCents: "NaN" }, "claimedAmountCents"],
    ["an array for the title", { title: ["a", "b"] }, "title"],
    ["a zero-width title", { title: "\u200B\u200D\uFEFF" }, "title"],
  ])("createClaim refuses %s with a 4xx naming %s, and writes nothing", async (_label, override, field) => {
    const operation = operations.find((op) => op.operationId === "createClaim")!;
    const body = { ...(operation.body!.example as Record<string, unknown>), ...override };
    const before = await counts();
    const answer = await send(new Request("http://portal.test/api/v1/claims", { method: "POST", headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" }, body: JSON.stringify(body) }));
    expect(answer.status, answer.text.slice(0, 400)).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.text.slice(0, 400)).toBeLessThan(500);
    expect((answer.body?.errors ?? []).map((error) => rootOf(error.field)), answer.text.slice(0, 400)).toContain(field);
    expect(await counts()).toEqual(before);
  });
});
