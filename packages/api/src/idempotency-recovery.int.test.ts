import { hashToken } from "@accord/auth";
import { IDEMPOTENCY_KEY_LEASE_MS } from "@accord/core";
import { createCustomer } from "@accord/core/testing";
import { apiIdempotencyKeys, apiKeys, cases } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiHandler } from "./handler";
import { defineOperation } from "./operation";
import { testFileStore } from "./test-support";

/**
 * A request that died mid-way (the portal killed with -9 between taking its Idempotency-Key and
 * storing its answer) must not leave the key "running" for 24 h: ADR 0041.
 */
const t = useTestDb();
const BASE = "http://portal.test/api/v1";
const KEY = "accord_live_recovery_test";
const start = new Date("2026-11-23T09:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);

function call(path: string, body: unknown, idempotencyKey: string) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify(body),
  });
}

const handlerAt = (clock: () => Date, operations?: Parameters<typeof createApiHandler>[0]["operations"]) =>
  createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://b.test", store: testFileStore(), maxFileBytes: 1024, rateLimitPerMinute: 10_000, now: clock, ...(operations ? { operations } : {}) });

const claimBody = (title: string) => ({
  type: "quality",
  title,
  description: "Trois sacs humides à la livraison.",
  desiredOutcome: "credit_note",
  quality: { product: "Farine T65", lotNumber: "L-2211" },
  lines: [{ invoiceNumber: "FA-R-1", lineNo: 1, contestedQuantity: 3 }],
});

/** The key's row as a kill -9 leaves it: taken, never completed nor released. */
async function dieMidWay(idempotencyKey: string) {
  await t.db.update(apiIdempotencyKeys).set({ state: "running", responseStatus: null, responseHeaders: null, responseBody: null, completedAt: null }).where(eq(apiIdempotencyKeys.key, idempotencyKey));
}

beforeAll(async () => {
  const account = await insertCustomerAccount(t.db, { name: "Boulangeries Reprise" });
  const user = await createCustomer(t.db, { accountId: account.id, role: "admin", name: "Admin Reprise" });
  await t.db.insert(apiKeys).values({ accountId: account.id, name: "ERP", prefix: KEY.slice(0, 12), keyHash: hashToken(KEY), actingUserId: user.id, createdByCustomerId: user.id });
  await insertInvoice(t.db, { accountId: account.id, number: "FA-R-1", issueDate: "2026-11-10", lines: [{ description: "Farine T65", quantityMilli: 10_000, unitPriceCents: 1850, vatRateBp: 550 }] });
});

describe("API v1: a request that died holding its Idempotency-Key", () => {
  it("answers 409 while the key's lease runs, then lets the same request file its claim once, with the case the dead run had filed", async () => {
    const body = claimBody("Reprise après un kill -9");
    const first = await handlerAt(() => start)(call("/claims", body, "crash-1"));
    expect(first.status).toBe(201);
    const filed = ((await first.json()) as { reference: string }).reference;
    // The case was committed, then the process died before storing the answer.
    await dieMidWay("crash-1");

    const during = await handlerAt(() => later(IDEMPOTENCY_KEY_LEASE_MS - 1_000))(call("/claims", body, "crash-1"));
    expect([during.status, during.headers.get("retry-after")]).toEqual([409, "1"]);

    const after = await handlerAt(() => later(IDEMPOTENCY_KEY_LEASE_MS + 1_000))(call("/claims", body, "crash-1"));
    expect(after.status).toBe(201);
    expect(after.headers.get("idempotent-replayed")).toBeNull();
    expect(((await after.json()) as { reference: string }).reference).toBe(filed);
    expect(await t.db.select({ id: cases.id }).from(cases).where(eq(cases.title, body.title))).toHaveLength(1);

    const replay = await handlerAt(() => later(IDEMPOTENCY_KEY_LEASE_MS + 2_000))(call("/claims", body, "crash-1"));
    expect([replay.status, replay.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
  });

  it("never lets another request take over a dead run's key: that stays a 422", async () => {
    const body = claimBody("Clé d'une requête morte");
    expect((await handlerAt(() => start)(call("/claims", body, "crash-2"))).status).toBe(201);
    await dieMidWay("crash-2");
    const other = await handlerAt(() => later(IDEMPOTENCY_KEY_LEASE_MS + 1_000))(call("/claims", { ...body, title: "Une autre demande" }, "crash-2"));
    expect(other.status).toBe(422);
  });

  it("a run still going after its lease was taken over stores nothing over the retry's answer", async () => {
    let clock = start;
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = defineOperation({
      method: "POST",
      path: "/slow",
      operationId: "slowRecovery",
      summary: "Slow the first time",
      tag: "Test",
      access: "customer",
      body: { schema: z.object({ n: z.number() }), example: { n: 1 } },
      success: { status: 201, description: "ok", schema: z.object({ run: z.number() }) },
      async handle() {
        const run = ++calls;
        if (run === 1) {
          started();
          await gate;
        }
        return { status: 201, body: { run } };
      },
    });
    const handler = handlerAt(() => clock, [slow]);
    const send = () => handler(call("/slow", { n: 1 }, "late-1"));
    const first = send();
    await running;
    clock = later(IDEMPOTENCY_KEY_LEASE_MS + 1_000);
    const retry = await send();
    expect([retry.status, await retry.json()]).toEqual([201, { run: 2 }]);
    release();
    expect((await first).status).toBe(201);
    const replay = await send();
    expect([replay.status, replay.headers.get("idempotent-replayed"), await replay.json()]).toEqual([201, "true", { run: 2 }]);
  });
});
