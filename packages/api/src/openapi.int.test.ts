import { hashToken } from "@accord/auth";
import { createCustomer, createStaff } from "@accord/core/testing";
import { apiKeys, integrationKeys } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiHandler } from "./handler";
import { PDF, testFileStore } from "./test-support";
import { operations } from "./operations";

const t = useTestDb();
const KEY = "accord_live_walker";
/** The ERP imports (`access: "imports"`) are called with an integration key. */
const INTEGRATION_KEY = "accord_int_walker";
let api: ReturnType<typeof createApiHandler>;

interface OpenApiOperation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; example?: unknown; schema?: { example?: unknown } }[];
  requestBody?: { content: Record<string, { example?: unknown; schema?: { properties?: Record<string, { items?: { format?: string } }> } }> };
  responses: Record<string, unknown>;
}
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, OpenApiOperation>> };

beforeAll(async () => {
  // The ERP code the import examples name.
  const account = await insertCustomerAccount(t.db, { erpCode: "C-MARTIN" });
  const user = await createCustomer(t.db, { accountId: account.id });
  await t.db.insert(apiKeys).values({ accountId: account.id, name: "ERP", prefix: "accord_live_", keyHash: hashToken(KEY), actingUserId: user.id });
  // The invoice the documented examples name.
  await insertInvoice(t.db, {
    accountId: account.id,
    number: "FA-2026-0142",
    issueDate: "2026-11-10",
    lines: [{ description: "Farine T65", quantityMilli: 25_000, unitPriceCents: 1850, vatRateBp: 550 }],
  });
  // The invoice the claims import's example names (another than createClaim's).
  await insertInvoice(t.db, {
    accountId: account.id,
    number: "FA-2026-0143",
    issueDate: "2026-11-12",
    lines: [{ description: "Farine T65", quantityMilli: 25_000, unitPriceCents: 1850, vatRateBp: 550 }],
  });
  const admin = await createStaff(t.db, { roles: ["admin"] });
  await t.db.insert(integrationKeys).values({ name: "ERP", prefix: "accord_int_w", keyHash: hashToken(INTEGRATION_KEY), createdById: admin.id });
  api = createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test", store: testFileStore(), maxFileBytes: 64 * 1024, now: () => new Date("2026-11-23T09:00:00Z") });
});

async function openApiDocument(): Promise<OpenApiDocument> {
  const response = await api(new Request("http://portal.test/api/v1/openapi.json"));
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApiDocument;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document with a bearer security scheme, generated from every operation", async () => {
    const doc = await openApiDocument();
    const result = await validate(structuredClone(doc) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(doc.openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(ids.sort()).toEqual(operations.map((op) => op.operationId).sort());
    expect(doc).toMatchObject({ components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } }, security: [{ bearer: [] }] });
  });

  it("documents operations that each answer their documented success when called with their own examples", async () => {
    const doc = await openApiDocument();
    // POSTs first: the claim they file is the {reference} of the reads that follow.
    const calls = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))
      .sort((a, b) => (a.method === b.method ? a.path.length - b.path.length : a.method === "POST" ? -1 : 1));
    const learned: Record<string, string> = {};
    for (const { path, method, op } of calls) {
      let url = path;
      for (const parameter of (op.parameters ?? []).filter((p) => p.in === "path")) {
        const value = learned[parameter.name] ?? parameter.example ?? parameter.schema?.example;
        expect(value, `${op.operationId}: path parameter ${parameter.name} has an example`).toBeDefined();
        url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
      }
      const declaredOp = operations.find((o) => o.operationId === op.operationId)!;
      const init: RequestInit = { method, headers: { Authorization: `Bearer ${declaredOp.access === "imports" ? INTEGRATION_KEY : KEY}` } };
      const csv = op.requestBody?.content["text/csv"];
      const multipart = op.requestBody?.content["multipart/form-data"];
      if (multipart) {
        expect(multipart.example, `${op.operationId}: the multipart body has an example`).toBeDefined();
        const form = new FormData();
        for (const [name, value] of Object.entries(multipart.example as Record<string, string>)) form.append(name, value);
        const fileFields = Object.entries(multipart.schema?.properties ?? {}).filter(([, property]) => property.items?.format === "binary");
        expect(fileFields.length, `${op.operationId}: a file field`).toBeGreaterThan(0);
        for (const [name] of fileFields) form.append(name, new Blob([PDF], { type: "application/pdf" }), "preuve.pdf");
        init.body = form;
      } else if (csv) {
        expect(typeof csv.example, `${op.operationId}: the CSV body has an example`).toBe("string");
        init.body = csv.example as string;
        (init.headers as Record<string, string>)["Content-Type"] = "text/csv; charset=utf-8";
      } else if (op.requestBody) {
        const example = op.requestBody.content["application/json"]?.example;
        expect(example, `${op.operationId}: the request body has an example`).toBeDefined();
        init.body = JSON.stringify(example);
        (init.headers as Record<string, string>)["Content-Type"] = "application/json";
      }
      const response = await api(new Request(`http://portal.test/api/v1${url}`, init));
      const body = (await response.json()) as Record<string, unknown>;
      const success = Object.keys(op.responses).find((status) => status.startsWith("2"));
      const declared = operations.find((o) => o.operationId === op.operationId)!;
      if (declared.exampleNeeds && (response.status === 404 || response.status === 409)) {
        // The example passed every schema; the state it needs (declared) is not there on a fresh claim.
        expect(Object.keys(op.responses)).toContain(String(response.status));
        continue;
      }
      expect(`${op.operationId} ${response.status}`, JSON.stringify(body)).toBe(`${op.operationId} ${success}`);
      expect(declared.success.schema.safeParse(body).success, `${op.operationId}: the answer matches its schema`).toBe(true);
      if (op.operationId === "createClaim") learned.reference = String(body.reference);
    }
    expect(learned.reference).toMatch(/^LIT-/);
  });
});
