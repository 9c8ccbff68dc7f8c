import { cases, type CaseStatus } from "@accord/db";
import { createTestDb, type TestDb } from "@accord/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createStaff, customerActor, rejection, staffActor } from "../testing/fixtures";
import { listCaseQueue } from "./list-case-queue";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2026-03-02T09:00:00Z");
let reference = 0;

async function insertCase(values: { accountId: string; contactId: string; status: CaseStatus; nextSlaAt: Date | null; title: string }) {
  await t.db.insert(cases).values({
    reference: `LIT-2026-${String(++reference).padStart(6, "0")}`,
    accountId: values.accountId,
    customerContactId: values.contactId,
    type: "quality",
    status: values.status,
    priority: "P2",
    channel: "portal",
    title: values.title,
    description: "Farine humide à la livraison",
    receivedAt: now,
    nextSlaAt: values.nextSlaAt,
  });
}

describe("listCaseQueue", () => {
  it("is empty when there are no cases", async () => {
    const agent = await createStaff(t.db, { roles: ["agent"] });
    expect(await listCaseQueue({ db: t.db, actor: await staffActor(t.db, agent.id), now })).toEqual({ cases: [] });
  });

  it("lists open cases, the nearest SLA instant first and cases without one last", async () => {
    const contact = await createCustomer(t.db);
    const base = { accountId: contact.accountId, contactId: contact.id };
    await insertCase({ ...base, status: "investigating", nextSlaAt: new Date("2026-03-05T09:00:00Z"), title: "later" });
    await insertCase({ ...base, status: "received", nextSlaAt: null, title: "no clock" });
    await insertCase({ ...base, status: "received", nextSlaAt: new Date("2026-03-03T09:00:00Z"), title: "sooner" });
    await insertCase({ ...base, status: "closed", nextSlaAt: new Date("2026-03-02T10:00:00Z"), title: "closed" });

    const agent = await createStaff(t.db, { roles: ["agent"] });
    const { cases: queue } = await listCaseQueue({ db: t.db, actor: await staffActor(t.db, agent.id), now });
    expect(queue.map((c) => c.title)).toEqual(["sooner", "later", "no clock"]);
    expect(queue[0]).toMatchObject({ reference: expect.stringMatching(/^LIT-2026-\d{6}$/), priority: "P2", assigneeName: null });

    const mediator = await createStaff(t.db, { roles: ["mediator"] });
    expect(await listCaseQueue({ db: t.db, actor: await staffActor(t.db, mediator.id), now })).toEqual({ cases: [] });
  });

  it("is refused to customers", async () => {
    const customer = await createCustomer(t.db);
    expect(await rejection(listCaseQueue({ db: t.db, actor: await customerActor(t.db, customer.id), now }))).toMatchObject({
      code: "forbidden",
    });
  });
});
