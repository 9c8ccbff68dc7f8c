/**
 * Integration-test helpers of the KPI panels (ADR 0040): case rows inserted with explicit instants and
 * facts, and the same rows read back as plain records for the domain's KPI functions. Tests only.
 */
import { caseLines, cases, customerAccounts, teams, type CaseChannel, type CaseStatus, type CaseType, type DbOrTx } from "@accord/db";
import { insertCase, insertCustomerAccount, insertCustomerUser, insertInvoice } from "@accord/db/testing";
import type { CustomerTier } from "@accord/domain";
import { asc, eq } from "drizzle-orm";
import type { KpiFilters } from "../kpi/kpi-query";
import { resolutionBusinessMinutes } from "../sla/resolution-facts";

export interface KpiAccount {
  id: string;
  contactId: string;
  tier: CustomerTier;
  invoice: { id: string; lineIds: string[] };
}

/** An account with a contact and one invoice of three lines (the lines the cases contest). */
export async function kpiAccount(db: DbOrTx, tier: CustomerTier = "standard"): Promise<KpiAccount> {
  const account = await insertCustomerAccount(db, { tier });
  const contact = await insertCustomerUser(db, { accountId: account.id });
  const invoice = await insertInvoice(db, {
    accountId: account.id,
    lines: [
      { description: "Farine T65", quantityMilli: 100_000, unitPriceCents: 1_000 },
      { description: "Levure", quantityMilli: 100_000, unitPriceCents: 1_000 },
      { description: "Sel", quantityMilli: 100_000, unitPriceCents: 1_000 },
    ],
  });
  return { id: account.id, contactId: contact.id, tier, invoice: { id: invoice.id, lineIds: invoice.lines.map((l) => l.id) } };
}

export async function kpiTeam(db: DbOrTx, code: string): Promise<string> {
  const [team] = await db.insert(teams).values({ code, name: code }).returning();
  return team!.id;
}

export interface KpiCaseSpec {
  account: KpiAccount;
  receivedAt: Date;
  /** When the case left the backlog (resolved or ended); its status is then `status` (default resolved). */
  endedAt?: Date | null;
  status?: CaseStatus;
  resolvedAt?: Date | null;
  resolutionBusinessMinutes?: number | null;
  type?: CaseType;
  channel?: CaseChannel;
  teamId?: string | null;
  rootCause?: string | null;
  disputedCents?: number;
  creditedCents?: number;
  recoveredCents?: number;
  legalCostsCents?: number;
  slaPolicyId?: string | null;
  firstRespondedAt?: Date | null;
  firstResponseDueAt?: Date | null;
  resolutionDueAt?: Date | null;
  /** Contested lines of the account's invoice (index, disputed cents). */
  lines?: { line: number; disputedCents: number }[];
}

/** Inserts one case as the use cases leave it (the trigger of migration 0022 keeps `ended_at`). */
export async function insertKpiCase(db: DbOrTx, spec: KpiCaseSpec) {
  const ended = spec.endedAt ?? null;
  const status: CaseStatus = spec.status ?? (ended ? "resolved" : "investigating");
  const row = await insertCase(db, {
    accountId: spec.account.id,
    customerContactId: spec.account.contactId,
    receivedAt: spec.receivedAt,
    status,
    updatedAt: ended ?? spec.receivedAt,
    endedAt: ended,
    resolvedAt: spec.resolvedAt ?? null,
    resolutionBusinessMinutes: spec.resolutionBusinessMinutes ?? null,
    type: spec.type ?? "quality",
    channel: spec.channel ?? "portal",
    teamId: spec.teamId ?? null,
    rootCauseCode: spec.rootCause ?? null,
    disputedAmountCents: spec.disputedCents ?? 0,
    creditedAmountCents: spec.creditedCents ?? 0,
    recoveredAmountCents: spec.recoveredCents ?? 0,
    legalCostsCents: spec.legalCostsCents ?? 0,
    slaPolicyId: spec.slaPolicyId ?? null,
    firstRespondedAt: spec.firstRespondedAt ?? null,
    firstResponseDueAt: spec.firstResponseDueAt ?? null,
    resolutionDueAt: spec.resolutionDueAt ?? null,
  });
  for (const line of spec.lines ?? []) {
    await db.insert(caseLines).values({
      caseId: row.id,
      invoiceId: spec.account.invoice.id,
      invoiceLineId: spec.account.invoice.lineIds[line.line]!,
      contestedQuantityMilli: 1_000,
      computedAmountCents: 100_000,
      disputedAmountCents: line.disputedCents,
    });
  }
  return row;
}

/** Every case row with what the filters need (the tier), oldest first: the domain side's records. */
export async function readKpiCases(db: DbOrTx) {
  return db
    .select({ case: cases, tier: customerAccounts.tier })
    .from(cases)
    .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
    .orderBy(asc(cases.receivedAt), asc(cases.id));
}

export type KpiCaseRecord = Awaited<ReturnType<typeof readKpiCases>>[number];

/** The dashboard's filters, written again over plain records (never a merged duplicate). */
export function matchesKpiFilters(record: KpiCaseRecord, filters: KpiFilters): boolean {
  const c = record.case;
  return (
    c.status !== "duplicate" &&
    (!filters.type || c.type === filters.type) &&
    (!filters.teamId || c.teamId === filters.teamId) &&
    (!filters.accountId || c.accountId === filters.accountId) &&
    (!filters.channel || c.channel === filters.channel) &&
    (!filters.tier || record.tier === filters.tier)
  );
}

/** `from ≤ at < to` (null never is). */
export const inPeriod = (at: Date | null, period: { from: Date; to: Date }): boolean => at !== null && at >= period.from && at < period.to;

const at = (iso: string) => new Date(iso);

/**
 * The panels' shared records, around March 2026 in Paris (UTC+1, UTC+2 from Sunday 29 March): cases
 * just outside and just inside the period's Paris midnights, on both sides of a week's boundary, a
 * merged duplicate, a withdrawn case, a case resolved then reopened, a case received before the period
 * and resolved in it, one after it; three accounts (one per tier), two teams, four channels, three
 * root causes of the taxonomy, one code outside it, unclassified cases, contested invoice lines.
 * `now` is after the period (so `asOf` is the period's end). Business minutes by `resolutionBusinessMinutes`.
 */
export async function seedKpiScenario(db: DbOrTx) {
  // The business minutes as the resolving use cases store them (default calendar: no policy).
  const resolutionMinutes = (receivedAt: Date, resolvedAt: Date) => resolutionBusinessMinutes(db, { receivedAt, slaPolicyId: null }, resolvedAt);
  const a = await kpiAccount(db, "standard");
  const b = await kpiAccount(db, "key");
  const c = await kpiAccount(db, "strategic");
  const t1 = await kpiTeam(db, "KPI-T1");
  const t2 = await kpiTeam(db, "KPI-T2");
  const resolved = async (receivedAt: string, resolvedAt: string) => ({
    receivedAt: at(receivedAt),
    endedAt: at(resolvedAt),
    resolvedAt: at(resolvedAt),
    resolutionBusinessMinutes: await resolutionMinutes(at(receivedAt), at(resolvedAt)),
  });
  const specs: KpiCaseSpec[] = [
    // 1. long open case, before the period: in every backlog; A's late delivery of December.
    { account: a, receivedAt: at("2025-12-10T09:00:00Z"), rootCause: "late_delivery", disputedCents: 5_000, lines: [{ line: 0, disputedCents: 5_000 }] },
    // 2. one second before 1 March in Paris: outside; resolved in the period.
    { account: a, ...(await resolved("2026-02-28T22:59:59Z", "2026-03-03T10:00:00Z")), rootCause: "transport_damage", disputedCents: 10_000, creditedCents: 4_000, lines: [{ line: 1, disputedCents: 10_000 }] },
    // 3. 1 March 00:00 in Paris: inside; recurs after case 1.
    { account: a, ...(await resolved("2026-02-28T23:00:00Z", "2026-03-09T08:00:00Z")), rootCause: "late_delivery", disputedCents: 3_000, creditedCents: 2_000, recoveredCents: 500, lines: [{ line: 0, disputedCents: 3_000 }] },
    // 4. Sunday 8 March 23:59 in Paris: the week of 2 March.
    { account: b, receivedAt: at("2026-03-08T22:59:00Z"), teamId: t1, channel: "email", rootCause: "late_delivery", disputedCents: 7_000, lines: [{ line: 2, disputedCents: 7_000 }] },
    // 5. Monday 9 March 00:00 in Paris: the week of 9 March; resolved Monday 16 March 00:00 (that week's).
    { account: b, ...(await resolved("2026-03-08T23:00:00Z", "2026-03-15T23:00:00Z")), teamId: t1, rootCause: "transport_damage", disputedCents: 8_000, creditedCents: 8_000, lines: [{ line: 0, disputedCents: 8_000 }] },
    // 6. withdrawn: ended, never resolved.
    { account: c, receivedAt: at("2026-03-12T10:00:00Z"), endedAt: at("2026-03-13T10:00:00Z"), status: "withdrawn", type: "delivery", teamId: t2, channel: "api", rootCause: "pricing_error", disputedCents: 4_000, lines: [{ line: 1, disputedCents: 4_000 }] },
    // 7. unclassified, open, no invoice line.
    { account: c, receivedAt: at("2026-03-20T10:00:00Z"), disputedCents: 1_500 },
    // 8. 31 March 23:59 in Paris (summer time): inside; empty code = unclassified.
    { account: a, receivedAt: at("2026-03-31T21:59:00Z"), rootCause: "", disputedCents: 2_000, lines: [{ line: 2, disputedCents: 2_000 }] },
    // 9. 1 April 00:00 in Paris: outside.
    { account: a, ...(await resolved("2026-03-31T22:00:00Z", "2026-04-02T09:00:00Z")), rootCause: "late_delivery", disputedCents: 900, lines: [{ line: 1, disputedCents: 900 }] },
    // 10. merged duplicate: never counted.
    { account: b, receivedAt: at("2026-03-10T10:00:00Z"), endedAt: at("2026-03-10T11:00:00Z"), status: "duplicate", rootCause: "late_delivery", disputedCents: 9_999, lines: [{ line: 1, disputedCents: 9_999 }] },
    // 11. across the change to summer time; recurs after case 4; legal costs.
    { account: b, ...(await resolved("2026-03-25T10:00:00Z", "2026-03-30T10:00:00Z")), type: "compliance", channel: "phone", rootCause: "late_delivery", disputedCents: 2_500, recoveredCents: 1_000, legalCostsCents: 30_000, lines: [{ line: 1, disputedCents: 2_500 }] },
    // 12. received in January, resolved in the period.
    { account: a, ...(await resolved("2026-01-15T10:00:00Z", "2026-03-20T15:30:00Z")), rootCause: "transport_damage", disputedCents: 1_200, creditedCents: 1_200, lines: [{ line: 2, disputedCents: 1_200 }] },
    // 13. resolved on 6 March then reopened: resolved_at kept, open again.
    { account: c, receivedAt: at("2026-03-05T10:00:00Z"), resolvedAt: at("2026-03-06T10:00:00Z"), resolutionBusinessMinutes: await resolutionMinutes(at("2026-03-05T10:00:00Z"), at("2026-03-06T10:00:00Z")), rootCause: "transport_damage", disputedCents: 600, lines: [{ line: 0, disputedCents: 600 }] },
    // 14. A's transport damage again (after cases 2 and 12); a code outside the taxonomy next to it.
    { account: a, receivedAt: at("2026-03-18T10:00:00Z"), rootCause: "transport_damage", disputedCents: 800 },
    { account: b, receivedAt: at("2026-03-18T11:00:00Z"), rootCause: "legacy_code", disputedCents: 100 },
  ];
  for (const spec of specs) await insertKpiCase(db, spec);
  return { accounts: { a, b, c }, teams: { t1, t2 }, now: at("2026-04-15T10:00:00Z") };
}

/** The dashboard queries the panel tests compare on (period, filters, the clock). */
export function kpiScenarioQueries(scenario: Awaited<ReturnType<typeof seedKpiScenario>>) {
  const { accounts, teams: t, now } = scenario;
  const march = { from: "2026-03-01", to: "2026-03-31" };
  return [
    { name: "March (weeks)", input: march, now },
    { name: "March 1–20 seen on the 20th at noon (asOf = now)", input: { from: "2026-03-01", to: "2026-03-20" }, now: at("2026-03-20T11:00:00Z") },
    { name: "October to March (months)", input: { from: "2025-10-01", to: "2026-03-31" }, now },
    { name: "an empty period", input: { from: "2025-06-01", to: "2025-06-30" }, now },
    { name: "type quality", input: { ...march, type: "quality" }, now },
    { name: "team T1", input: { ...march, team: t.t1 }, now },
    { name: "account B", input: { ...march, account: accounts.b.id }, now },
    { name: "tier strategic", input: { ...march, tier: "strategic" }, now },
    { name: "channel email", input: { ...march, channel: "email" }, now },
  ] as const;
}
