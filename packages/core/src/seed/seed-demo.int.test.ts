import { caseEvents, cases, customerAccounts, customerUsers, emailMessages } from "@accord/db";
import { resolveReasonCode } from "../channels/resolve-reason-code";
import { useTestDb } from "@accord/db/testing";
import { asc, eq, notLike } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoData, isDatabaseEmpty } from "./seed-demo";

const t = useTestDb();

describe("demo seed", () => {
  it("files the demo claims through the use case, so both apps start with cases", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const portalUrl = "https://portail.exemple.fr";
    const result = await seedDemoData({ db: t.db, now: new Date("2026-11-25T10:00:00Z"), production: false, portalUrl });
    expect(result).toMatchObject({ accounts: 3, cases: 3 });
    expect(result.historyCases).toBeGreaterThan(500);
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    const rows = await t.db
      .select({ reference: cases.reference, type: cases.type, status: cases.status, contact: customerUsers.email, due: cases.firstResponseDueAt, id: cases.id })
      .from(cases)
      .innerJoin(customerUsers, eq(customerUsers.id, cases.customerContactId))
      // (the third account's history has its own test: demo-history.int.test.ts)
      .where(notLike(customerUsers.email, "%@lemoine.example"))
      .orderBy(asc(cases.receivedAt));
    expect(rows.map((r) => [r.type, r.contact, r.status])).toEqual([
      ["price_billing", "admin@hotelduport.example", "received"],
      ["quality", "achats@martin.example", "received"],
      ["delivery", "admin@martin.example", "received"],
    ]);
    for (const row of rows) {
      expect(row.reference).toMatch(/^LIT-2026-\d{6}$/);
      expect(row.due).not.toBeNull();
      const [first] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.seq)).limit(1);
      expect(first?.type).toBe("case_received");
      const mails = await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, row.id));
      expect(mails).toHaveLength(1);
      // the links of the acknowledgements lead to the portal the seed was given (PORTAL_URL)
      expect(mails[0]!.props).toMatchObject({ caseUrl: `${portalUrl}/cases/${row.reference}` });
      // …and are signed by the demo supplier
      expect(mails[0]!.props).toMatchObject({ sender: { supplier: { legalName: "Valois Distribution CHR SAS", siren: "842197352", vatNumber: "FR88842197352" } } });
    }
  });

  it("maps the administration's reason codes for every account, and Martin's own RQ-01", async () => {
    // (the first test seeded the database)
    const [martin] = await t.db.select({ id: customerAccounts.id }).from(customerAccounts).where(eq(customerAccounts.name, "Boulangeries Martin SAS"));
    const [port] = await t.db.select({ id: customerAccounts.id }).from(customerAccounts).where(eq(customerAccounts.name, "Hôtel du Port SARL"));
    expect(await resolveReasonCode(t.db, martin!.id, "rq-01")).toEqual({ caseType: "quality", label: "Produit non conforme" });
    expect(await resolveReasonCode(t.db, port!.id, "RQ-01")).toBeNull();
    expect(await resolveReasonCode(t.db, port!.id, "LIV")).toEqual({ caseType: "delivery", label: "Incident de livraison" });
    expect(await resolveReasonCode(t.db, martin!.id, "PRIX")).toEqual({ caseType: "price_billing", label: "Litige de prix" });
  });
});
