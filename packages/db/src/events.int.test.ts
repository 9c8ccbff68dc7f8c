import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminEvents, caseEvents, cases } from "./schema";
import { insertCustomerAccount, insertCustomerUser, useTestDb } from "./testing";

const t = useTestDb();

/** drizzle wraps PostgreSQL's error: the database's own message is in `cause`. */
async function databaseError(promise: PromiseLike<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return e.cause?.message ?? e.message;
  }
  return "no error";
}

async function aCaseWithOneEvent() {
  const account = await insertCustomerAccount(t.db);
  const contact = await insertCustomerUser(t.db, { accountId: account.id });
  const [{ reference }] = (await t.sql`select accord_next_case_reference(2026) as reference`) as unknown as [{ reference: string }];
  const [row] = await t.db
    .insert(cases)
    .values({
      reference,
      accountId: account.id,
      customerContactId: contact.id,
      type: "quality",
      priority: "P3",
      channel: "portal",
      title: "Farine avariée",
      description: "Sacs humides à la livraison",
      receivedAt: new Date("2026-11-02T09:00:00Z"),
    })
    .returning();
  await t.db.insert(caseEvents).values({
    caseId: row!.id,
    seq: 1,
    type: "case.received",
    actorKind: "customer",
    actorId: contact.id,
    at: new Date("2026-11-02T09:00:00Z"),
    payload: { reference },
    prevHash: "0".repeat(64),
    hash: "a".repeat(64),
  });
  return row!;
}

describe("case events are append-only", () => {
  it("refuses UPDATE on a case event", async () => {
    const c = await aCaseWithOneEvent();
    expect(await databaseError(t.db.update(caseEvents).set({ type: "tampered" }).where(sql`${caseEvents.caseId} = ${c.id}`))).toMatch(/append-only/);
    const [event] = await t.db.select().from(caseEvents).where(sql`${caseEvents.caseId} = ${c.id}`);
    expect(event!.type).toBe("case.received");
  });

  it("refuses DELETE and TRUNCATE on case events", async () => {
    const c = await aCaseWithOneEvent();
    expect(await databaseError(t.db.delete(caseEvents).where(sql`${caseEvents.caseId} = ${c.id}`))).toMatch(/append-only/);
    expect(await databaseError(t.sql`truncate case_events cascade`)).toMatch(/append-only/);
    const rows = await t.db.select().from(caseEvents).where(sql`${caseEvents.caseId} = ${c.id}`);
    expect(rows).toHaveLength(1);
  });

  it("refuses UPDATE and DELETE on administrative events", async () => {
    await t.db.insert(adminEvents).values({
      seq: 1,
      type: "settings.changed",
      actorKind: "system",
      at: new Date(),
      payload: {},
      prevHash: "0".repeat(64),
      hash: "b".repeat(64),
    });
    expect(await databaseError(t.db.update(adminEvents).set({ type: "x" }))).toMatch(/append-only/);
    expect(await databaseError(t.db.delete(adminEvents))).toMatch(/append-only/);
  });
});

describe("case references", () => {
  it("numbers cases LIT-YYYY-NNNNNN with one sequence per year", async () => {
    const next = async (year: number) =>
      ((await t.sql`select accord_next_case_reference(${year}) as r`) as unknown as [{ r: string }])[0].r;
    const a = await next(2031);
    const b = await next(2031);
    const c = await next(2032);
    expect(a).toBe("LIT-2031-000001");
    expect(b).toBe("LIT-2031-000002");
    expect(c).toBe("LIT-2032-000001");
  });
});
