import { hashToken } from "@accord/auth";
import { createCustomer, createStaff } from "@accord/core/testing";
import { apiKeys, cases, imports, integrationKeys, invoices, payments } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { createHash } from "node:crypto";
import { and, eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiHandler } from "./handler";
import { testFileStore } from "./test-support";

const t = useTestDb();
const now = new Date("2026-11-23T09:00:00Z");
const BASE = "http://portal.test/api/v1";
const CUSTOMER_KEY = "accord_live_imports_test";
const INTEGRATION_KEY = "accord_int_imports_test";
const REVOKED_KEY = "accord_int_revoked_test";
let accountId: string;
let integrationKeyId: string;

const api = (request: Request) => createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test", store: testFileStore(), maxFileBytes: 64 * 1024, now: () => now })(request);

const csv = (lines: string[]) => `${lines.join("\r\n")}\r\n`;
function post(path: string, key: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  return api(new Request(`${BASE}${path}`, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/csv; charset=utf-8", ...headers }, body }));
}

const INVOICE_HEADER = "compte;numero_facture;date_facture;date_echeance;ligne;designation;quantite;unite;prix_unitaire;taux_tva;lot";
const invoiceRow = (number: string, line: number, quantity = "10") => `C-IMP;${number};02/11/2026;02/12/2026;${line};Farine T65;${quantity};sac;18,50;5,5;L1`;

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; line?: number; code: string; message: string }[];
}

beforeAll(async () => {
  const account = await insertCustomerAccount(t.db, { name: "Boulangeries Import", erpCode: "C-IMP" });
  accountId = account.id;
  const user = await createCustomer(t.db, { accountId: account.id, role: "admin" });
  await t.db.insert(apiKeys).values({ accountId: account.id, name: "ERP", prefix: "accord_live_", keyHash: hashToken(CUSTOMER_KEY), actingUserId: user.id, createdByCustomerId: user.id });
  await insertInvoice(t.db, {
    accountId: account.id,
    number: "FA-IMP-1",
    issueDate: "2026-11-10",
    lines: [
      { description: "Farine T65", quantityMilli: 10_000, unitPriceCents: 1850, vatRateBp: 550 },
      { description: "Levure", quantityMilli: 2_000, unitPriceCents: 900, vatRateBp: 550 },
    ],
  });
  const admin = await createStaff(t.db, { roles: ["admin"] });
  const [key] = await t.db.insert(integrationKeys).values({ name: "Sage", prefix: "accord_int_i", keyHash: hashToken(INTEGRATION_KEY), createdById: admin.id }).returning();
  integrationKeyId = key!.id;
  await t.db.insert(integrationKeys).values({ name: "Old", prefix: "accord_int_r", keyHash: hashToken(REVOKED_KEY), createdById: admin.id, revokedAt: new Date("2026-11-01T00:00:00Z") });
});

describe("POST /imports/invoices (integration key)", () => {
  it("imports the file's invoices (201 with the report), records the key on the import and its last use", async () => {
    const response = await post("/imports/invoices?fileName=factures.csv", INTEGRATION_KEY, csv([INVOICE_HEADER, invoiceRow("FA-IMP-100", 1), invoiceRow("FA-IMP-100", 2), invoiceRow("FA-IMP-101", 1)]));
    const report = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(report)).toBe(201);
    expect(report).toMatchObject({ status: "imported", rows: 3, created: 2, updated: 0, references: ["FA-IMP-100", "FA-IMP-101"], errors: [] });
    const written = await t.db.select().from(invoices).where(and(eq(invoices.accountId, accountId), inArray(invoices.number, ["FA-IMP-100", "FA-IMP-101"])));
    expect(written).toHaveLength(2);
    const [record] = await t.db.select().from(imports).where(eq(imports.id, String(report.importId)));
    expect(record).toMatchObject({ kind: "invoices", fileName: "factures.csv", integrationKeyId, staffUserId: null, customerUserId: null, status: "imported" });
    const [key] = await t.db.select().from(integrationKeys).where(eq(integrationKeys.id, integrationKeyId));
    expect(key!.lastUsedAt).toEqual(now);
  });

  it("refuses a file with one bad row among many: 422 naming that row and column, nothing written", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => invoiceRow(`FA-BAD-${i}`, 1, i === 37 ? "dix" : "10"));
    const response = await post("/imports/invoices", INTEGRATION_KEY, csv([INVOICE_HEADER, ...rows]));
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as Problem;
    // Row 39 of the spreadsheet: the header is row 1, the 38th data row is row 39.
    expect(problem.errors).toEqual([{ field: "quantite", line: 39, code: "invalid_number", message: "« quantite » n'est pas un nombre (par exemple 12,50)." }]);
    expect(problem.detail).toMatch(/rien n'a été importé : 1 erreur/);
    expect(await t.db.$count(invoices, like(invoices.number, "FA-BAD-%"))).toBe(0);
  });

  it("answers in English with Accept-Language: en", async () => {
    const response = await post("/imports/invoices", INTEGRATION_KEY, csv([INVOICE_HEADER, invoiceRow("FA-EN-1", 1, "ten")]), { "Accept-Language": "en" });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.[0]).toMatchObject({ line: 2, field: "quantite", code: "invalid_number" });
    expect(problem.errors?.[0]?.message).not.toMatch(/n'est pas/);
  });

  it("replays an import sent again with the same Idempotency-Key: the same report, imported once", async () => {
    const body = csv([INVOICE_HEADER, invoiceRow("FA-IDEM-1", 1)]);
    const first = await post("/imports/invoices", INTEGRATION_KEY, body, { "Idempotency-Key": "import-idem-1" });
    expect(first.status).toBe(201);
    const firstReport = await first.text();
    const again = await post("/imports/invoices", INTEGRATION_KEY, body, { "Idempotency-Key": "import-idem-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstReport);
    expect(await t.db.$count(imports, eq(imports.id, (JSON.parse(firstReport) as { importId: string }).importId))).toBe(1);
    expect(await t.db.$count(imports, eq(imports.integrationKeyId, integrationKeyId))).toBeGreaterThan(0);
    const sameFile = await t.db.select({ id: imports.id }).from(imports).where(eq(imports.sha256, sha256(body)));
    expect(sameFile).toHaveLength(1);
    // Other bytes under the same key: refused, not imported.
    const other = await post("/imports/invoices", INTEGRATION_KEY, csv([INVOICE_HEADER, invoiceRow("FA-IDEM-2", 1)]), { "Idempotency-Key": "import-idem-1" });
    expect(other.status).toBe(422);
    expect(await t.db.$count(invoices, eq(invoices.number, "FA-IDEM-2"))).toBe(0);
  });

  it("refuses another media type (415), a body over 5 MB (413), a revoked key (401) and a company key (403)", async () => {
    const json = await api(new Request(`${BASE}/imports/invoices`, { method: "POST", headers: { Authorization: `Bearer ${INTEGRATION_KEY}`, "Content-Type": "application/json" }, body: "{}" }));
    expect(json.status).toBe(415);
    const big = await post("/imports/invoices", INTEGRATION_KEY, new Uint8Array(new ArrayBuffer(5 * 1024 * 1024 + 1)).fill(0x41));
    expect(big.status).toBe(413);
    const revoked = await post("/imports/invoices", REVOKED_KEY, csv([INVOICE_HEADER, invoiceRow("FA-REV-1", 1)]));
    expect(revoked.status).toBe(401);
    for (const path of ["/imports/invoices", "/imports/payments"]) {
      const company = await post(path, CUSTOMER_KEY, csv([INVOICE_HEADER, invoiceRow("FA-CUS-1", 1)]));
      expect(company.status).toBe(403);
      expect(((await company.json()) as Problem).detail).toBe("Les opérations d'import sont réservées aux clés d'intégration.");
    }
    expect(await t.db.$count(invoices, inArray(invoices.number, ["FA-REV-1", "FA-CUS-1"]))).toBe(0);
  });
});

describe("POST /imports/payments (integration key)", () => {
  const HEADER = "compte;numero_facture;reference_paiement;date_paiement;montant";
  it("records the payments (201), and refuses a file with one bad row (422 naming it, nothing written)", async () => {
    const ok = await post("/imports/payments", INTEGRATION_KEY, csv([HEADER, "C-IMP;FA-IMP-1;VIR-1;20/11/2026;50,00"]));
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ status: "imported", created: 1 });
    const [invoice] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, accountId), eq(invoices.number, "FA-IMP-1")));
    expect(invoice).toMatchObject({ paidCents: 5000, paidStatus: "partially_paid" });

    const bad = await post("/imports/payments", INTEGRATION_KEY, csv([HEADER, "C-IMP;FA-IMP-1;VIR-2;21/11/2026;10,00", "C-IMP;FA-INCONNUE;VIR-3;21/11/2026;10,00", "C-IMP;FA-IMP-1;VIR-4;21/11/2026;10,00"]));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Problem).errors).toMatchObject([{ line: 3, field: "numero_facture", code: "invoice_unknown" }]);
    expect(await t.db.$count(payments, eq(payments.invoiceId, invoice!.id))).toBe(1);
  });
});

describe("POST /imports/claims (company key)", () => {
  const HEADER = "reference_client;type;titre;description;resultat_souhaite;numero_facture;ligne;quantite_contestee;produit";
  it("files the file's claims with channel csv as the key's user (201), and refuses a bad row (422, nothing filed)", async () => {
    const bad = await post("/imports/claims", CUSTOMER_KEY, csv([HEADER, "RC-A;qualité;Farine humide;Sacs humides.;avoir;FA-IMP-1;1;2;Farine T65", "RC-B;qualité;Levure;Périmée.;avoir;FA-IMP-1;9;1;Levure"]));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Problem).errors).toMatchObject([{ line: 3, field: "ligne", code: "line_unknown", message: "La facture FA-IMP-1 n'a pas de ligne 9." }]);
    expect(await t.db.$count(cases, eq(cases.accountId, accountId))).toBe(0);

    const ok = await post("/imports/claims", CUSTOMER_KEY, csv([HEADER, "RC-A;qualité;Farine humide;Sacs humides.;avoir;FA-IMP-1;1;2;Farine T65"]));
    const report = (await ok.json()) as { references: string[] };
    expect(ok.status, JSON.stringify(report)).toBe(201);
    expect(report).toMatchObject({ status: "imported", created: 1 });
    const filed = await t.db.select().from(cases).where(eq(cases.accountId, accountId));
    expect(filed.map((c) => [c.reference, c.channel])).toEqual([[report.references[0], "csv"]]);
  });

  it("is refused to an integration key (403), which may call no customer operation either", async () => {
    const response = await post("/imports/claims", INTEGRATION_KEY, csv([HEADER, "RC-Z;qualité;Farine;Humide.;avoir;FA-IMP-1;2;1;Levure"]));
    expect(response.status).toBe(403);
    for (const [method, path] of [
      ["GET", "/claims"],
      ["GET", "/invoices"],
      ["POST", "/claims"],
    ] as const) {
      const other = await api(new Request(`${BASE}${path}`, { method, headers: { Authorization: `Bearer ${INTEGRATION_KEY}`, "Content-Type": "application/json" }, ...(method === "POST" ? { body: "{}" } : {}) }));
      expect(`${method} ${path} ${other.status}`).toBe(`${method} ${path} 403`);
    }
  });
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
