import { addBusinessMinutes, BusinessClock, DEFAULT_CALENDAR } from "@accord/domain";
import { createTestDb, type TestDb } from "@accord/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChains } from "../audit/verify-chains";
import { defaultCalendar } from "../sla/case-sla";
import { seedDemoData } from "./seed-demo";

const NOW = new Date("2026-11-25T10:00:00Z");
const SHIFT_DAYS = 7;
const LATER = new Date(NOW.getTime() + SHIFT_DAYS * 86_400_000);
const DAY = 86_400_000;
const portalUrl = "https://portail.exemple.fr";

let first: TestDb;
let second: TestDb;
let shifted: TestDb;

beforeAll(async () => {
  [first, second, shifted] = await Promise.all([createTestDb(), createTestDb(), createTestDb()]);
  await seedDemoData({ db: first.db, now: NOW, production: false, portalUrl });
  await seedDemoData({ db: second.db, now: NOW, production: false, portalUrl });
  await seedDemoData({ db: shifted.db, now: LATER, production: false, portalUrl });
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.close(), second?.close(), shifted?.close()]);
});

const LEMOINE = sql.raw(`(select id from customer_accounts where name = 'Brasseries Lemoine SA')`);

/** Everything the dashboard reads of Lemoine's history, without ids, tokens or hashes (they hold random uuids). */
async function canonicalDump(t: TestDb) {
  const q = (query: ReturnType<typeof sql>) => t.db.execute<Record<string, unknown>>(query).then((rows) => rows.map((r) => ({ ...r })));
  return {
    invoices: await q(sql`select i.number, i.issue_date, i.due_date, i.total_excl_tax_cents, i.total_incl_tax_cents, i.paid_status,
        json_agg(json_build_array(l.line_no, l.product_code, l.quantity_milli, l.unit_price_cents, l.lot_number) order by l.line_no) as lines
      from invoices i join invoice_lines l on l.invoice_id = i.id where i.account_id = ${LEMOINE} group by i.id order by i.number`),
    cases: await q(sql`select c.reference, c.kind, c.type, c.status, c.priority, c.channel, c.title, u.email as contact, tm.code as team, s.email as assignee,
        c.disputed_amount_cents, c.credited_amount_cents, c.recovered_amount_cents, c.legal_costs_cents,
        c.first_response_due_at, c.first_responded_at, c.resolution_due_at, c.resolution_warn_at, c.next_sla_at, c.received_at, c.resolved_at,
        c.resolution_business_minutes, c.closed_at, c.ended_at, c.outcome, c.root_cause_code, c.last_staff_activity_at, c.updated_at, c.version
      from cases c join customer_users u on u.id = c.customer_contact_id left join teams tm on tm.id = c.team_id left join staff_users s on s.id = c.assignee_id
      where c.account_id = ${LEMOINE} order by c.reference`),
    lines: await q(sql`select c.reference, i.number, l.line_no, cl.contested_quantity_milli, cl.contested_unit_price_cents, cl.computed_amount_cents, cl.disputed_amount_cents
      from case_lines cl join cases c on c.id = cl.case_id join invoices i on i.id = cl.invoice_id join invoice_lines l on l.id = cl.invoice_line_id
      where c.account_id = ${LEMOINE} order by c.reference, i.number, l.line_no`),
    decisions: await q(sql`select c.reference, d.outcome, d.granted_cents, d.penalties_cents, d.credit_note_number, d.credit_note_issued_on, s.email as decided_by, d.decided_at
      from case_decisions d join cases c on c.id = d.case_id join staff_users s on s.id = d.decided_by_id where c.account_id = ${LEMOINE} order by c.reference`),
    surveys: await q(sql`select c.reference, v.score, v.answered_at from case_surveys v join cases c on c.id = v.case_id where c.account_id = ${LEMOINE} order by c.reference`),
    time: await q(sql`select c.reference, s.email, e.minutes, e.spent_on from time_entries e join cases c on c.id = e.case_id join staff_users s on s.id = e.staff_id
      where c.account_id = ${LEMOINE} order by c.reference, e.spent_on, s.email, e.minutes`),
    litigations: await q(sql`select c.reference, l.amount_at_stake_cents, l.handed_over_at, l.ending, l.settlement_amount_cents, l.ended_at,
        (select json_agg(json_build_array(x.label, x.amount_cents, x.incurred_on) order by x.incurred_on, x.label) from legal_costs x where x.case_id = c.id) as costs
      from litigations l join cases c on c.id = l.case_id where c.account_id = ${LEMOINE} order by c.reference`),
    actions: await q(sql`select c.reference, a.root_cause_code, a.title, a.status, a.due_date, a.done_at, a.created_at
      from corrective_actions a join cases c on c.id = a.case_id where c.account_id = ${LEMOINE} order by c.reference, a.title`),
    events: await q(sql`select c.reference, e.seq, e.type, e.actor_kind, e.at, e.visibility
      from case_events e join cases c on c.id = e.case_id where c.account_id = ${LEMOINE} order by c.reference, e.seq`),
  };
}

describe("the demo history (Brasseries Lemoine SA)", () => {
  it("is the same history for the same `now`, on two fresh databases", async () => {
    const [a, b] = await Promise.all([canonicalDump(first), canonicalDump(second)]);
    expect(a.cases.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
  });

  it("moves with `now`: the invoices shift by the same amount and every date stays within the 18 months before it", async () => {
    const [a, b] = await Promise.all([canonicalDump(first), canonicalDump(shifted)]);
    expect(b.invoices.length).toBe(a.invoices.length);
    b.invoices.forEach((inv, i) => {
      const before = new Date(`${String(a.invoices[i]!.issue_date)}T00:00:00Z`).getTime();
      expect(new Date(`${String(inv.issue_date)}T00:00:00Z`).getTime() - before).toBe(SHIFT_DAYS * DAY);
    });
    // (the receptions follow calendar months — the December peak — so the cases themselves are redrawn, not copied)
    const received = (dump: typeof a) => dump.cases.map((c) => new Date(c.received_at as string).getTime());
    expect(Math.min(...received(b)) - Math.min(...received(a))).toBeGreaterThan((SHIFT_DAYS - 2) * DAY);
    for (const c of b.cases) {
      for (const column of ["received_at", "first_responded_at", "resolved_at", "closed_at", "ended_at", "updated_at"]) {
        if (c[column] === null) continue;
        const at = new Date(c[column] as string).getTime();
        expect(at).toBeLessThanOrEqual(LATER.getTime());
        expect(at).toBeGreaterThan(LATER.getTime() - 19 * 31 * DAY);
      }
    }
  });

  it("tells the story: ≈ 600 cases, −35 % or more, late deliveries fall after the carrier change, MTTR divided by more than 2.5", async () => {
    const { cases, actions, surveys, litigations } = await canonicalDump(first);
    expect(cases.length).toBeGreaterThanOrEqual(540);
    expect(cases.length).toBeLessThanOrEqual(660);
    const ageDays = (c: Record<string, unknown>) => (NOW.getTime() - new Date(c.received_at as string).getTime()) / DAY;
    const month = 30.44;
    const firstSix = cases.filter((c) => ageDays(c) >= 12 * month);
    const lastSix = cases.filter((c) => ageDays(c) < 6 * month);
    expect(lastSix.length).toBeLessThanOrEqual(0.65 * firstSix.length);

    // late deliveries: the top root cause before the carrier change, a small share after it
    const carrier = actions.find((a) => a.root_cause_code === "late_delivery")!;
    expect(carrier.status).toBe("done");
    const doneAt = new Date(carrier.done_at as string).getTime();
    expect((NOW.getTime() - doneAt) / DAY / month).toBeCloseTo(8, 0);
    const causesIn = (from: number, to: number) => {
      const counts = new Map<string, number>();
      for (const c of cases) {
        const at = new Date(c.received_at as string).getTime();
        if (at >= from && at < to && c.root_cause_code) counts.set(c.root_cause_code as string, (counts.get(c.root_cause_code as string) ?? 0) + 1);
      }
      return counts;
    };
    const before = causesIn(doneAt - 180 * DAY, doneAt);
    const after = causesIn(doneAt + 45 * DAY, doneAt + 225 * DAY);
    expect([...before.entries()].sort((x, y) => y[1] - x[1])[0]![0]).toBe("late_delivery");
    expect(after.get("late_delivery") ?? 0).toBeLessThan(0.3 * before.get("late_delivery")!);

    // mean time to resolve of the ended cases, first quarter against last quarter
    const meanDays = (list: Record<string, unknown>[]) => {
      const ended = list.filter((c) => c.status === "closed");
      return ended.reduce((s, c) => s + (new Date(c.ended_at as string).getTime() - new Date(c.received_at as string).getTime()) / DAY, 0) / ended.length;
    };
    const firstQuarter = meanDays(cases.filter((c) => ageDays(c) >= 15 * month));
    const lastQuarter = meanDays(cases.filter((c) => ageDays(c) < 3 * month));
    expect(firstQuarter).toBeGreaterThan(2.5 * lastQuarter);

    // NPS climbs; a few litigations
    const received = new Map(cases.map((c) => [c.reference, ageDays(c)]));
    const nps = (list: Record<string, unknown>[]) => (100 * (list.filter((s) => (s.score as number) >= 9).length - list.filter((s) => (s.score as number) <= 6).length)) / list.length;
    expect(nps(surveys.filter((s) => received.get(s.reference)! >= 12 * month))).toBeLessThan(15);
    expect(nps(surveys.filter((s) => received.get(s.reference)! < 6 * month))).toBeGreaterThan(25);
    expect(litigations.length / cases.length).toBeGreaterThanOrEqual(0.02);
    expect(litigations.length / cases.length).toBeLessThanOrEqual(0.04);
    expect(actions.filter((a) => a.status === "open").length).toBeGreaterThanOrEqual(2);
    expect(actions.some((a) => a.status === "open" && String(a.due_date) < NOW.toISOString().slice(0, 10))).toBe(true);
  });

  it("keeps every case chain intact", async () => {
    const verdict = await verifyChains({ db: first.db });
    expect(verdict.status).toBe("intact");
  });

  it("leaves about ten recent cases open, none due within 3 business days and none on the demo agent", async () => {
    const clock = new BusinessClock((await defaultCalendar(first.db)) ?? DEFAULT_CALENDAR);
    const horizon = addBusinessMinutes(NOW, 3 * 480, clock).getTime();
    const open = await first.db.execute<{ received_at: string; resolution_due_at: string | null; resolution_warn_at: string | null; sla_due_at: string; next_sla_at: string | null; assignee: string | null }>(
      sql`select c.received_at, c.resolution_due_at, c.resolution_warn_at, c.sla_due_at, c.next_sla_at, s.email as assignee from cases c left join staff_users s on s.id = c.assignee_id
        where c.account_id = ${LEMOINE} and c.status not in ('resolved', 'closed', 'withdrawn', 'rejected', 'duplicate')`,
    );
    expect(open.length).toBeGreaterThanOrEqual(8);
    expect(open.length).toBeLessThanOrEqual(12);
    for (const c of open) {
      expect(NOW.getTime() - new Date(c.received_at).getTime()).toBeLessThan(21 * DAY);
      for (const at of [c.resolution_due_at, c.resolution_warn_at, c.sla_due_at, c.next_sla_at]) {
        expect(at).not.toBeNull();
        expect(new Date(at!).getTime()).toBeGreaterThanOrEqual(horizon);
      }
      expect(c.assignee).not.toBe("agent@accord.example");
    }
  });
});
