import { invoices } from "@accord/db";
import { insertInvoice, useTestDb } from "@accord/db/testing";
import { churnAfterDispute, localDate } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, kpiAccount, kpiCase, readCases } from "../../testing/kpi-decision-records";
import { DEFAULT_KPI_SETTINGS } from "../kpi-settings";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { churnPanel } from "./churn";

const t = useTestDb();
const NOW = new Date("2026-12-07T10:00:00Z");
const settings = { ...DEFAULT_KPI_SETTINGS, churnWindowDays: 30 };
// The period 1 April 2025 – 31 March 2026 is as of 1 April 2026 00:00 in Paris: a dispute counts when
// resolved on 2 March 2026 (Paris) or earlier, so that its 30 days have passed.
const PERIOD = { from: "2025-04-01", to: "2026-03-31" };

async function domainFigures(query: Record<string, string>) {
  const { scope } = await resolveKpiScope(t.db, query, NOW);
  const { rows, passes } = await readCases(t.db);
  const disputes = rows
    .filter((c) => inPeriod(c.resolvedAt, scope.period) && passes(c, scope.filters))
    .map((c) => ({ accountId: c.accountId, resolvedOn: localDate(c.resolvedAt!, "Europe/Paris") }));
  const issued = (await t.db.select({ accountId: invoices.accountId, issuedOn: invoices.issueDate }).from(invoices));
  const { accounts, churned, rate } = churnAfterDispute({ disputes, invoices: issued, asOf: localDate(scope.asOf, "Europe/Paris"), windowDays: settings.churnWindowDays });
  return { scope, expected: { windowDays: settings.churnWindowDays, accounts, churned, rate } };
}

describe("churnPanel", () => {
  beforeAll(async () => {
    const resolved = async (resolvedAt: Date, type: "quality" | "delivery" = "quality") => {
      const account = await kpiAccount(t.db);
      await kpiCase(t.db, account, { receivedAt: new Date("2025-03-01T09:00:00Z"), status: "resolved", resolvedAt, endedAt: resolvedAt, type });
      return account;
    };
    const lines = [{ description: "Farine T55", quantityMilli: 1_000, unitPriceCents: 1_000 }];
    // Kept: its latest dispute (1 February) is followed by an invoice on the 30th day.
    const kept = await resolved(new Date("2026-01-10T10:00:00Z"));
    await kpiCase(t.db, kept, { receivedAt: new Date("2026-01-15T09:00:00Z"), status: "resolved", resolvedAt: new Date("2026-02-01T10:00:00Z"), endedAt: new Date("2026-02-01T10:00:00Z") });
    await insertInvoice(t.db, { accountId: kept.id, issueDate: "2026-03-03", lines });
    // Churned: invoices on the day of the resolution and on the 31st day only.
    const lost = await resolved(new Date("2026-02-15T10:00:00Z"));
    await insertInvoice(t.db, { accountId: lost.id, issueDate: "2026-02-15", lines });
    await insertInvoice(t.db, { accountId: lost.id, issueDate: "2026-03-18", lines });
    // 2 March 23:59:59.999 in Paris: its window has passed (churned, no invoice); a millisecond later it has not.
    await resolved(new Date("2026-03-02T22:59:59.999Z"));
    await resolved(new Date("2026-03-02T23:00:00Z"));
    // Another type (churned), and a dispute resolved the last instant of 31 March 2025 in Paris (outside).
    await resolved(new Date("2026-01-05T10:00:00Z"), "delivery");
    await resolved(new Date("2025-03-31T21:59:59.999Z"));
  });

  it("counts the accounts without an invoice in the window after their latest dispute, as the domain does", async () => {
    const { scope, expected } = await domainFigures(PERIOD);
    const panel = await churnPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    expect(panel).toEqual({ windowDays: 30, accounts: 4, churned: 3, rate: 75 });
  });

  it("applies the filters", async () => {
    const { scope, expected } = await domainFigures({ ...PERIOD, type: "quality" });
    const panel = await churnPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    expect(panel).toMatchObject({ accounts: 3, churned: 2 });
  });

  it("has no rate for a period without resolved disputes", async () => {
    const { scope, expected } = await domainFigures({ from: "2024-01-01", to: "2024-12-31" });
    const panel = await churnPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    expect(panel).toEqual({ windowDays: 30, accounts: 0, churned: 0, rate: null });
  });
});
