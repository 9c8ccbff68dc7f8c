import { caseEvents, evidence, stagedUploads, storedFiles } from "@accord/db";
import { insertCase, insertCustomerAccount, insertCustomerUser, useTestDb } from "@accord/db/testing";
import { verifyChain } from "@accord/domain";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { attachStagedUploads } from "../files/attach-staged-uploads";
import { caseSlaStatus, loadSlaPolicies, refreshCaseSla } from "../sla/case-sla";
import { appendAdminEvent } from "./append-admin-event";
import { appendCaseEvents, caseEventContent } from "./append-case-events";

const t = useTestDb();

async function aCase() {
  const account = await insertCustomerAccount(t.db);
  const user = await insertCustomerUser(t.db, { accountId: account.id });
  const row = await insertCase(t.db, { accountId: account.id, customerContactId: user.id, receivedAt: new Date("2026-11-23T08:00:00Z") });
  return { account, user, row };
}

describe("case event chain", () => {
  it("chains events in order, and concurrent writers never fork it", async () => {
    const { row } = await aCase();
    const at = new Date("2026-11-23T08:00:00Z");
    await t.db.transaction((tx) =>
      appendCaseEvents(tx, { caseId: row.id, actor: { kind: "system", id: null }, at, events: [{ type: "case_received", visibility: "public", payload: {} }] }),
    );
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.db.transaction((tx) =>
          appendCaseEvents(tx, { caseId: row.id, actor: { kind: "system", id: null }, at, events: [{ type: "note", visibility: "internal", payload: { i } }] }),
        ),
      ),
    );
    const rows = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const verdict = verifyChain(rows.map((r) => ({ ...caseEventContent(r), prevHash: r.prevHash, hash: r.hash })));
    expect(verdict).toMatchObject({ intact: true, count: 9 });
  });

  it("the administrative chain numbers its events", async () => {
    const at = new Date();
    const a = await t.db.transaction((tx) => appendAdminEvent(tx, { actor: { kind: "system", id: null }, at, type: "test", payload: {} }));
    const b = await t.db.transaction((tx) => appendAdminEvent(tx, { actor: { kind: "system", id: null }, at, type: "test", payload: {} }));
    expect(b).toBe(a + 1);
  });
});

describe("reference data and SLA", () => {
  it("ships a default French calendar and one policy per priority", async () => {
    const policies = await loadSlaPolicies(t.db);
    expect(policies.map((p) => p.priority).sort()).toEqual(["P1", "P2", "P3", "P4"]);
    expect(policies[0]!.calendar.timeZone).toBe("Europe/Paris");
  });

  it("stores the deadlines of a received case and pauses them while it waits on the customer", async () => {
    const { row } = await aCase();
    const received = new Date("2026-11-23T08:00:00Z"); // Monday 09:00 in Paris
    await t.db.transaction(async (tx) => {
      await appendCaseEvents(tx, { caseId: row.id, actor: { kind: "system", id: null }, at: received, events: [{ type: "case_received", visibility: "public", payload: {} }] });
      await refreshCaseSla(tx, row.id, received);
    });
    const verdict = await caseSlaStatus(t.db, row.id, received);
    // P3: first response within one working day (480 business minutes) → Monday 18:00 Paris.
    expect(verdict!.status.firstResponse.deadlineAt!.toISOString()).toBe("2026-11-23T17:00:00.000Z");
    const paused = new Date("2026-11-23T10:00:00Z");
    await t.db.transaction(async (tx) => {
      await appendCaseEvents(tx, { caseId: row.id, actor: { kind: "system", id: null }, at: paused, events: [{ type: "information_requested", visibility: "public", payload: { from: "received", to: "awaiting_customer" } }] });
      await refreshCaseSla(tx, row.id, paused);
    });
    const later = await caseSlaStatus(t.db, row.id, new Date("2026-11-25T10:00:00Z"));
    expect(later!.status.resolution.clock).toBe("paused");
    expect(later!.status.resolution.elapsedMinutes).toBe(120);
  });
});

describe("attaching staged uploads", () => {
  const sha = "a".repeat(64);
  it("moves the uploader's staged files to the case, and refuses someone else's", async () => {
    const { row, user, account } = await aCase();
    const other = await insertCustomerUser(t.db, { accountId: account.id });
    await t.db.insert(storedFiles).values({ sha256: sha, sizeBytes: 3, contentType: "text/plain", refCount: 1 }).onConflictDoNothing();
    const [staged] = await t.db
      .insert(stagedUploads)
      .values({ uploaderKind: "customer", uploaderId: user.id, accountId: account.id, sha256: sha, fileName: "a.txt", contentType: "text/plain", sizeBytes: 3, expiresAt: new Date(Date.now() + 3600_000) })
      .returning();
    const refused = await t.db
      .transaction((tx) => attachStagedUploads(tx, { uploadIds: [staged!.id], uploader: { kind: "customer", id: other.id }, caseId: row.id, visibility: "public", now: new Date() }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    const attached = await t.db.transaction((tx) =>
      attachStagedUploads(tx, { uploadIds: [staged!.id], uploader: { kind: "customer", id: user.id }, caseId: row.id, visibility: "public", now: new Date() }),
    );
    expect(attached).toHaveLength(1);
    expect(await t.db.select().from(stagedUploads).where(eq(stagedUploads.id, staged!.id))).toHaveLength(0);
    expect(await t.db.select().from(evidence).where(eq(evidence.caseId, row.id))).toHaveLength(1);
  });
});
