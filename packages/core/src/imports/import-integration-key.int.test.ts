import { imports, integrationKeys, invoices } from "@accord/db";
import { insertCustomerAccount, useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import type { IntegrationActor } from "../access";
import { createCustomer, createStaff, customerActor, staffActor } from "../testing/fixtures";
import { importInvoices } from "./import-invoices";
import { importPayments } from "./import-payments";
import { listImports } from "./list-imports";

const t = useTestDb();
const now = new Date("2026-11-23T09:00:00Z");
const csv = (lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
let counter = 0;

async function integrationKey(options: { revoked?: boolean; name?: string } = {}): Promise<IntegrationActor> {
  const admin = await createStaff(t.db, { roles: ["admin"] });
  counter += 1;
  const [key] = await t.db
    .insert(integrationKeys)
    .values({ name: options.name ?? `ERP ${counter}`, prefix: "accord_int_x", keyHash: `hash-${counter}-${Date.now()}`, createdById: admin.id, revokedAt: options.revoked ? now : null })
    .returning();
  return { kind: "integration", keyId: key!.id, scopes: key!.scopes };
}

async function erpAccount() {
  counter += 1;
  return insertCustomerAccount(t.db, { erpCode: `C-IK-${counter}` });
}

const INVOICE_HEADER = "compte;numero_facture;date_facture;ligne;designation;quantite;prix_unitaire;taux_tva";

describe("ERP imports run by an integration key (ADR 0038)", () => {
  it("imports invoices and payments under the key, records it on the import, and lists it by the key's name", async () => {
    const account = await erpAccount();
    const actor = await integrationKey({ name: "Sage X3" });
    const report = await importInvoices({
      db: t.db,
      actor,
      input: { file: csv([INVOICE_HEADER, `${account.erpCode};FA-IK-1;02/11/2026;1;Farine;10;18,50;5,5`]), fileName: "factures.csv" },
      now,
    });
    expect(report).toMatchObject({ status: "imported", created: 1, references: ["FA-IK-1"] });
    const [record] = await t.db.select().from(imports).where(eq(imports.id, report.importId));
    expect(record).toMatchObject({ kind: "invoices", integrationKeyId: actor.keyId, staffUserId: null, customerUserId: null });

    const paid = await importPayments({
      db: t.db,
      actor,
      input: { file: csv(["compte;numero_facture;reference_paiement;date_paiement;montant", `${account.erpCode};FA-IK-1;VIR-1;20/11/2026;50,00`]), fileName: "paiements.csv" },
      now,
    });
    expect(paid).toMatchObject({ status: "imported", created: 1 });
    const [invoice] = await t.db.select().from(invoices).where(eq(invoices.accountId, account.id));
    expect(invoice).toMatchObject({ paidCents: 5000, paidStatus: "partially_paid" });

    const finance = await staffActor(t.db, (await createStaff(t.db, { roles: ["finance"] })).id);
    const listed = await listImports({ db: t.db, actor: finance, input: { importId: report.importId }, now });
    expect(listed.selected).toMatchObject({ byIntegrationKey: "Sage X3", by: "" });
  });

  it("still lets finance import, and names the staff member, not a key", async () => {
    const account = await erpAccount();
    const finance = await staffActor(t.db, (await createStaff(t.db, { roles: ["finance"], name: "Fanny Finance" })).id);
    const report = await importInvoices({ db: t.db, actor: finance, input: { file: csv([INVOICE_HEADER, `${account.erpCode};FA-IK-2;02/11/2026;1;Farine;1;1,00;20`]), fileName: "f.csv" }, now });
    expect(report.status).toBe("imported");
    const listed = await listImports({ db: t.db, actor: finance, input: { importId: report.importId }, now });
    expect(listed.selected).toMatchObject({ by: "Fanny Finance", byIntegrationKey: null });
  });

  it("refuses a revoked key, a key without the imports scope, a customer and an agent, writing nothing", async () => {
    const account = await erpAccount();
    const file = csv([INVOICE_HEADER, `${account.erpCode};FA-IK-3;02/11/2026;1;Farine;1;1,00;20`]);
    const revoked = await integrationKey({ revoked: true });
    const unscoped: IntegrationActor = { ...(await integrationKey()), scopes: [] };
    const customer = await customerActor(t.db, (await createCustomer(t.db, { accountId: account.id, role: "admin" })).id);
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    for (const actor of [revoked, unscoped, customer, agent]) {
      await expect(importInvoices({ db: t.db, actor, input: { file, fileName: "f.csv" }, now })).rejects.toMatchObject({ code: "forbidden" });
      await expect(importPayments({ db: t.db, actor, input: { file, fileName: "f.csv" }, now })).rejects.toBeInstanceOf(AppError);
    }
    expect(await t.db.$count(invoices, eq(invoices.accountId, account.id))).toBe(0);
    expect(await t.db.$count(imports, eq(imports.integrationKeyId, revoked.keyId))).toBe(0);
  });

  it("lets the database refuse an import recorded under no one or under two principals", async () => {
    const actor = await integrationKey();
    const staff = await createStaff(t.db, { roles: ["finance"] });
    const row = { kind: "invoices" as const, fileName: "f.csv", sha256: "0".repeat(64), sizeBytes: 1, rows: 1, status: "imported" as const, summary: { created: 0, updated: 0, unchanged: 0, references: [], errors: [], errorCount: 0 } };
    await expect(t.db.insert(imports).values({ ...row, staffUserId: staff.id, integrationKeyId: actor.keyId })).rejects.toThrow();
    await expect(t.db.insert(imports).values(row)).rejects.toThrow();
  });
});
