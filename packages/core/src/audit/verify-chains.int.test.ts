/** audit:verify's logic and the case page's badge: every chain verified in batches; a changed, deleted or swapped event is named. */
import { caseEvents, createDb, type Db } from "@accord/db";
import { useTestDb, withDatabase } from "@accord/db/testing";
import { randomBytes } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { rejection } from "../testing/fixtures";
import { openReceivedCase, staffWith } from "../testing/test-case";
import { appendAdminEvent } from "./append-admin-event";
import { appendCaseEvents } from "./append-case-events";
import { verifyCaseChain } from "./verify-case-chain";
import { verifyChains } from "./verify-chains";

const t = useTestDb();
const at = new Date("2026-11-24T10:00:00Z");
let target: { id: string; reference: string };
let totalEvents = 0;

async function note(db: Db, caseId: string, text: string) {
  await db.transaction((tx) => appendCaseEvents(tx, { caseId, actor: { kind: "system", id: null }, at, events: [{ type: "note", visibility: "internal", payload: { text } }] }));
}

/** Runs `tamper` with the append-only triggers off (as a superuser could), then puts everything back. */
async function tampered<T>(tamper: (sql: typeof t.sql) => Promise<unknown>, check: () => Promise<T>, restore: (sql: typeof t.sql) => Promise<unknown>): Promise<T> {
  await t.sql`alter table case_events disable trigger all`;
  await t.sql`alter table admin_events disable trigger all`;
  try {
    await tamper(t.sql);
    return await check();
  } finally {
    await restore(t.sql);
    await t.sql`alter table case_events enable trigger all`;
    await t.sql`alter table admin_events enable trigger all`;
  }
}

async function eventsOf(caseId: string) {
  return t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
}

beforeAll(async () => {
  for (let i = 0; i < 3; i += 1) {
    const opened = await openReceivedCase(t.db);
    for (let n = 0; n < 4; n += 1) await note(t.db, opened.row.id, `note ${i}.${n}`);
    target = { id: opened.row.id, reference: opened.reference };
  }
  await t.db.transaction((tx) => appendAdminEvent(tx, { actor: { kind: "system", id: null }, at, type: "test", payload: { n: 1 } }));
  const [count] = await t.db.execute<{ n: number }>(sql`select ((select count(*) from case_events) + (select count(*) from admin_events))::int as n`);
  totalEvents = count!.n;
});

describe("verifying every chain", () => {
  it("an intact database verifies, reading in small batches, and says how many events and chains it checked", async () => {
    const result = await verifyChains({ db: t.db, batchSize: 2 });
    expect(result).toEqual({ status: "intact", events: totalEvents, chains: expect.any(Number) });
    if (result.status !== "intact") return;
    expect(result.chains).toBeGreaterThanOrEqual(4); // three cases and the administration
  });

  it("one character changed in one event's payload: names the case and that event", async () => {
    const [, , third] = await eventsOf(target.id);
    const result = await tampered(
      (db) => db`update case_events set payload = jsonb_set(payload, '{text}', '"note 2.X"') where id = ${third!.id}`,
      () => verifyChains({ db: t.db, batchSize: 2 }),
      (db) => db`update case_events set payload = ${JSON.stringify(third!.payload)}::jsonb where id = ${third!.id}`,
    );
    expect(result).toMatchObject({ status: "broken", broken: { chain: "case", reference: target.reference, eventId: third!.id, seq: 3, reason: "hash_mismatch" } });
    expect(await verifyChains({ db: t.db })).toMatchObject({ status: "intact" });
  });

  it("a deleted event: names the case and the event after the gap", async () => {
    const events = await eventsOf(target.id);
    const second = events[1]!;
    const result = await tampered(
      (db) => db`delete from case_events where id = ${second.id}`,
      () => verifyChains({ db: t.db, batchSize: 3 }),
      (db) => db`insert into case_events (id, case_id, seq, type, actor_kind, actor_id, at, visibility, payload, prev_hash, hash)
        values (${second.id}, ${second.caseId}, ${second.seq}, ${second.type}, ${second.actorKind}, ${second.actorId}, ${second.at.toISOString()}::timestamptz,
                ${second.visibility}, ${JSON.stringify(second.payload)}::jsonb, ${second.prevHash}, ${second.hash})`,
    );
    expect(result).toMatchObject({ status: "broken", broken: { chain: "case", reference: target.reference, eventId: events[2]!.id, seq: 3, reason: "missing_event" } });
    expect(await verifyChains({ db: t.db })).toMatchObject({ status: "intact" });
  });

  it("two events swapped: names the event out of place", async () => {
    const events = await eventsOf(target.id);
    const [a, b] = [events[2]!, events[3]!];
    const place = (db: typeof t.sql, seqOfA: number, seqOfB: number) =>
      db.begin(async (tx) => {
        await tx`update case_events set seq = -1 where id = ${a.id}`;
        await tx`update case_events set seq = ${seqOfB} where id = ${b.id}`;
        await tx`update case_events set seq = ${seqOfA} where id = ${a.id}`;
      });
    const result = await tampered(
      (db) => place(db, b.seq, a.seq),
      () => verifyChains({ db: t.db, batchSize: 2 }),
      (db) => place(db, a.seq, b.seq),
    );
    expect(result).toMatchObject({ status: "broken", broken: { chain: "case", reference: target.reference, eventId: b.id, seq: a.seq, reason: "prev_hash_mismatch" } });
    expect(await verifyChains({ db: t.db })).toMatchObject({ status: "intact" });
  });

  it("a changed administrative event is named in the administration chain", async () => {
    const [row] = await t.sql<{ id: number; seq: number; payload: unknown }[]>`select id, seq, payload from admin_events order by seq desc limit 1`;
    const result = await tampered(
      (db) => db`update admin_events set payload = '{"n": 2}'::jsonb where id = ${row!.id}`,
      () => verifyChains({ db: t.db }),
      (db) => db`update admin_events set payload = ${JSON.stringify(row!.payload)}::jsonb where id = ${row!.id}`,
    );
    expect(result).toMatchObject({ status: "broken", broken: { chain: "admin", eventId: Number(row!.id), seq: row!.seq, reason: "hash_mismatch" } });
  });

  it("a database without Accord's schema says so and checks nothing", async () => {
    const server = inject("accordTestServerUrl");
    const name = `accord_empty_${randomBytes(4).toString("hex")}`;
    await t.sql.unsafe(`create database "${name}"`);
    const empty = createDb(withDatabase(server, name), { max: 1 });
    try {
      expect(await verifyChains({ db: empty.db })).toEqual({ status: "no_schema" });
    } finally {
      await empty.close();
      await t.sql.unsafe(`drop database if exists "${name}" with (force)`);
    }
  });
});

describe("the case page's chain badge", () => {
  it("verifies the case's chain at the time of the check, and names the broken event", async () => {
    const { actor } = await staffWith(t.db, ["agent"]);
    const now = new Date("2026-11-25T09:00:00Z");
    expect(await verifyCaseChain({ db: t.db, actor, input: { reference: target.reference }, now })).toEqual({ intact: true, events: 5, checkedAt: now, broken: null });
    const [first] = await eventsOf(target.id);
    const check = await tampered(
      (db) => db`update case_events set at = at + interval '1 second' where id = ${first!.id}`,
      () => verifyCaseChain({ db: t.db, actor, input: { reference: target.reference }, now }),
      (db) => db`update case_events set at = ${first!.at.toISOString()}::timestamptz where id = ${first!.id}`,
    );
    expect(check).toMatchObject({ intact: false, broken: { eventId: first!.id, seq: 1, reason: "hash_mismatch" } });
  });

  it("a mediator not on the case gets not_found", async () => {
    const { actor } = await staffWith(t.db, ["mediator"]);
    expect(await rejection(verifyCaseChain({ db: t.db, actor, input: { reference: target.reference }, now: at }))).toMatchObject({ code: "not_found" });
  });
});
