import { createHash } from "node:crypto";
import type { Sql } from "@accord/db";
import {
  BusinessClock,
  businessMinutesBetween,
  canonicalJson,
  computeSla,
  GENESIS_HASH,
  type BusinessCalendar,
  type CaseStatus,
  type StatusChange,
} from "@accord/domain";
import { CopyStream, type CopyValue } from "./copy";
import { int, logNormal, mulberry32, pick, streamFor, uuidOf, weighted, type Rng } from "./prng";

/** Bump when the generated data changes: a stored dataset of another version is regenerated. */
export const GENERATOR_VERSION = 3;
export const SEED = 20_260_615;
/** The instant the dataset is generated "at" (Monday 10:00 in Paris); the benchmark asks the queue at it. */
export const GENERATED_AT = new Date("2026-06-15T08:00:00Z");

export const ACCOUNT_COUNT = 300;
export const USERS_PER_ACCOUNT = 3;
export const TEAMS = [
  { code: "qualite", name: "Qualité" },
  { code: "logistique", name: "Logistique" },
  { code: "facturation", name: "Facturation" },
  { code: "conformite", name: "Conformité" },
  { code: "grands-comptes", name: "Grands comptes" },
  { code: "support", name: "Support général" },
] as const;
export const AGENTS_PER_TEAM = 8;
const DAY = 86_400_000;

// Deterministic ids: a kind tag and an index.
export const K = { account: 0xacc0, user: 0xc0de, team: 0x7ea0, staff: 0x57af, caseRow: 0xca5e, invoice: 0x1a70, line: 0x11e0, caseLine: 0xca11, time: 0x7100, action: 0xac70 };
/** The seed of each case's second stream: the dashboard's facts (v3), drawn apart so the queue's data stays as it was. */
const FACTS_SEED = SEED ^ 0x3f3f;
/** The root-cause taxonomy seeded by the migrations, each with its weight among classified cases. */
const ROOT_CAUSES: Record<string, number> = {
  product_defect: 18, raw_material: 6, packaging: 9, transport_damage: 12, late_delivery: 14, picking_error: 10,
  pricing_error: 11, billing_error: 9, contract_interpretation: 4, customer_error: 4, unfounded: 3,
};
const ENDING = new Set<CaseStatus>(["resolved", "closed", "withdrawn", "rejected", "duplicate"]);
export const accountId = (i: number) => uuidOf(K.account, i);
export const teamId = (i: number) => uuidOf(K.team, i);
export const staffId = (i: number) => uuidOf(K.staff, i);
/** User `u` (0: the admin, 1–2: members) of account `a`. */
export const customerUserId = (a: number, u: number) => uuidOf(K.user, a * USERS_PER_ACCOUNT + u);

const FIRST = ["Camille", "Julien", "Sophie", "Thomas", "Léa", "Nicolas", "Chloé", "Antoine", "Manon", "Hugo", "Inès", "Louis"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent"];
const COMPANY = ["Boulangeries", "Transports", "Matériaux", "Distribution", "Agro", "Pharma", "Bâtiment", "Hôtellerie", "Chimie", "Textile"];
const CITY = ["Lyon", "Lille", "Nantes", "Strasbourg", "Bordeaux", "Rennes", "Toulouse", "Dijon", "Reims", "Metz", "Annecy", "Tours"];
const PRODUCTS = ["Farine T55 25 kg", "Palette bois 120×80", "Sucre semoule 1 t", "Huile colza 20 L", "Carton double cannelure", "Film étirable 500 m"];
const TITLES: Record<string, string[]> = {
  quality: ["Produit non conforme à la livraison", "Farine humide", "Lot défectueux", "Emballage percé"],
  delivery: ["Livraison incomplète", "Retard de livraison", "Palettes endommagées", "Erreur d'adresse"],
  price_billing: ["Prix facturé différent du contrat", "Remise non appliquée", "Double facturation", "Frais de port contestés"],
  compliance: ["Certificat d'analyse manquant", "Étiquetage non réglementaire"],
  other: ["Réclamation diverse", "Demande d'avoir"],
};

/** Each status and the path of statuses a case took to reach it (realistic shares, most cases closed). */
const STATUS_SHARE: Record<CaseStatus, number> = {
  received: 2.5,
  qualified: 1.5,
  investigating: 4,
  awaiting_customer: 2.2,
  negotiating: 1.5,
  mediation: 0.3,
  litigation: 0.2,
  resolved: 1.8,
  closed: 76,
  withdrawn: 3,
  rejected: 4.5,
  duplicate: 2.5,
};
const PATHS: Record<CaseStatus, CaseStatus[][]> = {
  received: [["received"]],
  qualified: [["received", "qualified"]],
  investigating: [
    ["received", "qualified", "investigating"],
    ["received", "qualified", "investigating", "awaiting_customer", "investigating"],
  ],
  awaiting_customer: [["received", "qualified", "investigating", "awaiting_customer"]],
  negotiating: [["received", "qualified", "investigating", "negotiating"]],
  mediation: [["received", "qualified", "investigating", "negotiating", "mediation"]],
  litigation: [["received", "qualified", "investigating", "negotiating", "litigation"]],
  resolved: [["received", "qualified", "investigating", "negotiating", "resolved"]],
  closed: [
    ["received", "qualified", "investigating", "negotiating", "resolved", "closed"],
    ["received", "qualified", "investigating", "awaiting_customer", "investigating", "negotiating", "resolved", "closed"],
    ["received", "qualified", "investigating", "resolved", "closed"],
  ],
  withdrawn: [["received", "withdrawn"], ["received", "qualified", "withdrawn"]],
  rejected: [["received", "rejected"], ["received", "qualified", "rejected"]],
  duplicate: [["received", "duplicate"]],
};
const EVENT_TYPE: Record<CaseStatus, string> = {
  received: "case_received",
  qualified: "case_qualified",
  investigating: "investigation_started",
  awaiting_customer: "evidence_requested",
  negotiating: "proposal_sent",
  mediation: "mediation_started",
  litigation: "litigation_started",
  resolved: "proposal_accepted",
  closed: "case_closed",
  withdrawn: "case_withdrawn",
  rejected: "case_rejected",
  duplicate: "case_merged",
};
const OPEN = new Set<CaseStatus>(["received", "qualified", "investigating", "awaiting_customer", "negotiating", "mediation", "litigation", "resolved"]);
const TYPE_TEAM: Record<string, number> = { quality: 0, delivery: 1, price_billing: 2, compliance: 3, other: 5 };

export interface Policy {
  id: string;
  priority: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface GenerationReport {
  cases: number;
  events: number;
  invoices: number;
  invoiceLines: number;
  seconds: number;
}

/**
 * The domain's clock, with the calendar day of an instant memoised per UTC hour: the calendar's
 * zone (Europe/Paris) changes day and offset on whole hours only, and the Intl look-up otherwise
 * dominates generating a million histories. Same answers, faster.
 */
class HourlyClock extends BusinessClock {
  private readonly days = new Map<number, number>();
  override localDay(instantMs: number): number {
    const hour = Math.floor(instantMs / 3_600_000);
    let day = this.days.get(hour);
    if (day === undefined) this.days.set(hour, (day = super.localDay(hour * 3_600_000)));
    return day;
  }
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Generates and loads the reference data (accounts, users, teams, staff) and `size` cases with their
 * invoices, lines, contested lines and event chains, through COPY on parallel connections.
 */
export async function generateDataset(sql: Sql, size: number, log: (line: string) => void): Promise<GenerationReport> {
  const started = performance.now();
  const [calendarRow] = await sql<{ definition: BusinessCalendar }[]>`select definition from business_calendars where is_default`;
  const clock = new HourlyClock(calendarRow!.definition);
  const policies = await defaultPolicies(sql);
  await loadReferenceData(sql);

  const casesCopy = await CopyStream.open(sql, "cases", [
    "id", "reference", "account_id", "customer_contact_id", "kind", "type", "status", "priority", "channel", "title", "description",
    "team_id", "assignee_id", "impact_score", "disputed_amount_cents", "credited_amount_cents", "sla_policy_id",
    "first_response_due_at", "first_response_warn_at", "resolution_due_at", "resolution_warn_at", "next_sla_at",
    "first_responded_at", "last_activity_at", "received_at", "resolved_at", "closed_at", "outcome", "version", "created_at", "updated_at",
    "ended_at", "resolution_business_minutes", "root_cause_code", "legal_costs_cents",
  ]);
  const eventsCopy = await CopyStream.open(sql, "case_events", ["case_id", "seq", "type", "actor_kind", "actor_id", "at", "visibility", "payload", "prev_hash", "hash"]);
  const invoicesCopy = await CopyStream.open(sql, "invoices", [
    "id", "account_id", "number", "issue_date", "delivery_date", "due_date", "payment_term", "total_excl_tax_cents", "total_tax_cents", "total_incl_tax_cents", "paid_status",
  ]);
  const linesCopy = await CopyStream.open(sql, "invoice_lines", ["id", "invoice_id", "line_no", "product_code", "description", "quantity_milli", "unit", "unit_price_cents", "vat_rate_bp", "total_excl_tax_cents"]);
  const caseLinesCopy = await CopyStream.open(sql, "case_lines", ["id", "case_id", "invoice_id", "invoice_line_id", "contested_quantity_milli", "computed_amount_cents", "disputed_amount_cents", "created_at"]);
  const decisionsCopy = await CopyStream.open(sql, "case_decisions", ["case_id", "outcome", "granted_cents", "penalties_cents", "decided_by_id", "decided_at", "updated_at"]);
  const surveysCopy = await CopyStream.open(sql, "case_surveys", ["case_id", "customer_user_id", "score", "answered_at"]);
  const timeCopy = await CopyStream.open(sql, "time_entries", ["id", "case_id", "staff_id", "minutes", "spent_on", "created_at"]);
  const actionsCopy = await CopyStream.open(sql, "corrective_actions", [
    "id", "case_id", "root_cause_code", "title", "owner_id", "due_date", "status", "done_at", "done_by_id", "created_by_id", "created_at", "updated_at",
  ]);

  const referenceCounters = new Map<number, number>();
  const paymentTerm = JSON.stringify({ kind: "net", days: 30 });
  let lineIndex = 0;
  for (let i = 0; i < size; i++) {
    const rng = streamFor(SEED, i);
    const c = caseOf(rng, i, policies, clock);
    const year = c.receivedAt.getUTCFullYear();
    const number = (referenceCounters.get(year) ?? 0) + 1;
    referenceCounters.set(year, number);
    const caseId = uuidOf(K.caseRow, i);

    // An invoice with 1–3 lines for 70 % of cases; the case contests one line.
    let disputed = Math.max(100, Math.round(logNormal(rng, 120_000, 1.3)));
    if (rng() < 0.7) {
      const invoiceId = uuidOf(K.invoice, i);
      const issue = new Date(c.receivedAt.getTime() - int(rng, 3, 40) * DAY);
      const lineCount = int(rng, 1, 3);
      let excl = 0;
      let contested: { id: string; quantity: number; total: number } | null = null;
      for (let n = 1; n <= lineCount; n++) {
        const quantity = int(rng, 1, 400) * 1000;
        const price = Math.round(logNormal(rng, 4_000, 0.9)) + 1;
        const total = Math.round((quantity * price) / 1000);
        excl += total;
        const lineId = uuidOf(K.line, lineIndex++);
        await linesCopy.row([lineId, invoiceId, n, `P${int(rng, 100, 999)}`, pick(rng, PRODUCTS), quantity, "u", price, 2000, total]);
        contested ??= { id: lineId, quantity, total };
      }
      const tax = Math.round(excl * 0.2);
      await invoicesCopy.row([
        invoiceId, c.accountId, `F${year}-${String(i).padStart(8, "0")}`, isoDate(issue), isoDate(new Date(issue.getTime() + 2 * DAY)),
        isoDate(new Date(issue.getTime() + 30 * DAY)), paymentTerm, excl, tax, excl + tax, pick(rng, ["unpaid", "paid", "paid", "partially_paid"]),
      ]);
      const share = 0.1 + rng() * 0.9;
      const contestedQuantity = Math.max(1, Math.round(contested!.quantity * share));
      const computed = Math.round((contested!.total * contestedQuantity) / contested!.quantity);
      disputed = Math.max(0, Math.round(computed * (0.8 + rng() * 0.2)));
      await caseLinesCopy.row([uuidOf(K.caseLine, i), caseId, invoiceId, contested!.id, contestedQuantity, computed, disputed, c.receivedAt]);
    }

    const credited = c.status === "closed" && rng() < 0.6 ? Math.round(disputed * rng()) : 0;
    const f = factsOf(streamFor(FACTS_SEED, i), c, clock, credited);
    await casesCopy.row([
      caseId, `LIT-${year}-${String(number).padStart(6, "0")}`, c.accountId, c.contactId, c.kind, c.type, c.status, c.priority, c.channel, c.title,
      "Réclamation générée pour le banc d'essai de la file.", c.teamId, c.assigneeId, c.impactScore, disputed,
      credited, c.policy.id,
      c.sla.firstResponseDueAt, c.sla.firstResponseWarnAt, c.sla.resolutionDueAt, c.sla.resolutionWarnAt, c.sla.nextSlaAt,
      c.firstRespondedAt, c.lastActivityAt, c.receivedAt, c.resolvedAt, c.closedAt, c.outcome, c.history.length, c.receivedAt, c.lastActivityAt,
      f.endedAt, f.businessMinutes, f.rootCause, f.legalCosts,
    ]);
    if (f.decision) await decisionsCopy.row([caseId, f.decision.outcome, f.decision.granted, f.decision.penalties, c.staffActor, f.decision.at, f.decision.at]);
    if (f.survey) await surveysCopy.row([caseId, c.contactId, f.survey.score, f.survey.at]);
    for (const [n, entry] of f.time.entries()) await timeCopy.row([uuidOf(K.time, i * 4 + n), caseId, c.staffActor, entry.minutes, isoDate(entry.on), entry.on]);
    if (f.action) {
      await actionsCopy.row([
        uuidOf(K.action, i), caseId, f.rootCause, "Action corrective du banc d'essai", c.staffActor, isoDate(f.action.doneAt), "done", f.action.doneAt, c.staffActor, c.staffActor, f.action.createdAt, f.action.doneAt,
      ]);
    }

    let prevHash = GENESIS_HASH;
    for (const [seq, event] of c.events.entries()) {
      const content = {
        caseId,
        seq: seq + 1,
        type: event.type,
        actorKind: event.actorKind,
        actorId: event.actorId,
        at: event.at.toISOString(),
        visibility: "public",
        payload: event.payload,
      };
      const hash = sha256Hex(prevHash + canonicalJson(content));
      await eventsCopy.row([caseId, seq + 1, event.type, event.actorKind, event.actorId, event.at, "public", JSON.stringify(event.payload), prevHash, hash]);
      prevHash = hash;
    }
    if ((i + 1) % 100_000 === 0) log(`  ${i + 1} cases generated (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const [cases, events, invoices, invoiceLines] = [await casesCopy.end(), await eventsCopy.end(), await invoicesCopy.end(), await linesCopy.end()];
  await caseLinesCopy.end();
  for (const copy of [decisionsCopy, surveysCopy, timeCopy, actionsCopy]) await copy.end();
  for (const [year, last] of referenceCounters) {
    await sql`insert into case_reference_counters (year, last) values (${year}, ${last}) on conflict (year) do update set last = excluded.last`;
  }
  return { cases, events, invoices, invoiceLines, seconds: (performance.now() - started) / 1000 };
}

/** The seeded default SLA policies (no type, no tier) by priority. */
export async function defaultPolicies(sql: Sql): Promise<Map<string, Policy>> {
  const rows = await sql<Policy[]>`
    select id, priority, first_response_minutes as "firstResponseMinutes", resolution_minutes as "resolutionMinutes"
    from sla_policies where type is null and tier is null and active`;
  return new Map(rows.map((p) => [p.priority, p]));
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Accounts (a few large customers, many small), their users, teams and agents. */
export async function loadReferenceData(sql: Sql) {
  const rng = mulberry32(SEED);
  const accounts = [];
  const users = [];
  for (let a = 0; a < ACCOUNT_COUNT; a++) {
    const tier = a < 15 ? "strategic" : a < 60 ? "key" : "standard";
    accounts.push({
      id: accountId(a),
      name: `${pick(rng, COMPANY)} ${pick(rng, CITY)} ${String(a + 1).padStart(3, "0")}`,
      siren: String(100_000_000 + a * 7919).slice(0, 9),
      erp_code: `C${String(a + 1).padStart(5, "0")}`,
      tier,
      payment_term: sql.json({ kind: a % 3 === 0 ? "end_of_month" : "net", days: a % 3 === 0 ? 45 : 30 }),
      clauses: sql.json({ claimDeadlineDays: 30, penalty: { applies: a % 4 === 0, rateBasisPoints: a % 4 === 0 ? 50 : null }, mediation: { applies: a % 5 === 0, mediator: a % 5 === 0 ? "internal" : null } }),
    });
    for (let u = 0; u < USERS_PER_ACCOUNT; u++) {
      users.push({
        id: uuidOf(K.user, a * USERS_PER_ACCOUNT + u),
        account_id: accountId(a),
        email: `u${u}.c${a + 1}@bench.accord.example`,
        name: `${pick(rng, FIRST)} ${pick(rng, LAST)}`,
        role: u === 0 ? "admin" : "member",
      });
    }
  }
  await sql`insert into customer_accounts ${sql(accounts)}`;
  await sql`insert into customer_users ${sql(users)}`;
  await sql`insert into teams ${sql(TEAMS.map((t, i) => ({ id: teamId(i), code: `bench-${t.code}`, name: t.name })))}`;
  const staff = [];
  const memberships = [];
  for (let s = 0; s < TEAMS.length * AGENTS_PER_TEAM; s++) {
    staff.push({ id: staffId(s), email: `agent${s + 1}@bench.accord.example`, name: `${pick(rng, FIRST)} ${pick(rng, LAST)}`, roles: s % AGENTS_PER_TEAM === 0 ? ["supervisor"] : ["agent"] });
    memberships.push({ staff_id: staffId(s), team_id: teamId(Math.floor(s / AGENTS_PER_TEAM)) });
  }
  await sql`insert into staff_users ${sql(staff)}`;
  await sql`insert into staff_teams ${sql(memberships)}`;
}

interface GeneratedEvent {
  type: string;
  at: Date;
  actorKind: "customer" | "staff";
  actorId: string;
  payload: Record<string, unknown>;
}

/** One case: its profile, status history, events and the SLA instants the domain computes from them. */
function caseOf(rng: Rng, i: number, policies: Map<string, Policy>, clock: BusinessClock) {
  const status = weighted(rng, STATUS_SHARE);
  const type = weighted(rng, { quality: 35, delivery: 30, price_billing: 25, compliance: 5, other: 5 });
  const priority = weighted(rng, { P1: 5, P2: 20, P3: 50, P4: 25 });
  const channel = weighted(rng, { portal: 60, email: 25, phone: 8, api: 5, csv: 2 });
  const policy = policies.get(priority)!;
  // A few large customers, many small ones (density ∝ 1/√rank).
  const account = Math.min(ACCOUNT_COUNT - 1, Math.floor(ACCOUNT_COUNT * rng() ** 2));
  const contactId = uuidOf(K.user, account * USERS_PER_ACCOUNT + int(rng, 0, USERS_PER_ACCOUNT - 1));
  const path = pick(rng, PATHS[status]);

  // Open cases are recent: their age is around the resolution target (some past it: breached);
  // ended ones are spread over three years.
  const open = OPEN.has(status);
  // A case still "received" waits for its first response: it is young (around the first-response target).
  const targetDays = ((status === "received" ? policy.firstResponseMinutes : policy.resolutionMinutes) / 480) * 1.4;
  const ageMs = open ? (0.05 + rng() * 1.3) * targetDays * DAY + rng() * DAY : (20 + rng() * 1075) * DAY;
  const receivedAt = new Date(Math.floor((GENERATED_AT.getTime() - ageMs) / 60_000) * 60_000);
  const spanMs = open ? GENERATED_AT.getTime() - receivedAt.getTime() : Math.min(ageMs - DAY, (3 + rng() * 60) * DAY);
  const instants = path
    .map((_, n) => (n === 0 ? 0 : rng() * spanMs))
    .sort((a, b) => a - b)
    .map((offset) => new Date(receivedAt.getTime() + Math.floor(offset / 1000) * 1000));

  const team = status === "received" && rng() < 0.5 ? null : rng() < 0.8 ? (TYPE_TEAM[type] ?? 5) : int(rng, 0, TEAMS.length - 1);
  const assignee = team === null || rng() < 0.1 ? null : team * AGENTS_PER_TEAM + int(rng, 0, AGENTS_PER_TEAM - 1);
  const staffActor = assignee === null ? staffId(int(rng, 0, TEAMS.length * AGENTS_PER_TEAM - 1)) : staffId(assignee);

  const history: StatusChange[] = path.map((s, n) => ({ status: s, at: instants[n]! }));
  const events: GeneratedEvent[] = history.map((change, n) =>
    n === 0
      ? { type: "case_received", at: change.at, actorKind: "customer", actorId: contactId, payload: { channel, type, priority } }
      : { type: EVENT_TYPE[change.status], at: change.at, actorKind: "staff", actorId: staffActor, payload: { from: history[n - 1]!.status, to: change.status } },
  );
  const firstRespondedAt = history[1]?.at ?? null;
  const verdict = computeSla({ history, targets: policy, calendar: clock, now: GENERATED_AT, firstResponseAt: firstRespondedAt });
  const resolvedAt = history.find((h) => h.status === "resolved")?.at ?? null;
  const closedAt = ["closed", "withdrawn", "rejected", "duplicate"].includes(status) ? history.at(-1)!.at : null;
  return {
    accountId: accountId(account),
    contactId,
    kind: status === "litigation" || status === "mediation" || rng() < 0.1 ? "dispute" : "claim",
    type,
    status,
    priority,
    channel,
    title: pick(rng, TITLES[type]!),
    teamId: team === null ? null : teamId(team),
    assigneeId: assignee === null ? null : staffId(assignee),
    impactScore: { P1: 85, P2: 65, P3: 40, P4: 15 }[priority] + int(rng, -10, 10),
    policy,
    history,
    events,
    staffActor,
    firstRespondedAt,
    receivedAt,
    lastActivityAt: history.at(-1)!.at,
    resolvedAt,
    closedAt,
    outcome: status === "closed" ? pick(rng, ["settled_amicably", "upheld", "partially_upheld", "rejected"]) : status === "withdrawn" ? "withdrawn" : null,
    sla: {
      firstResponseDueAt: verdict.firstResponse.deadlineAt,
      firstResponseWarnAt: verdict.firstResponse.warningAt,
      resolutionDueAt: verdict.resolution.deadlineAt,
      resolutionWarnAt: verdict.resolution.warningAt,
      nextSlaAt: verdict.nextCheckAt,
    } satisfies Record<string, CopyValue>,
  };
}

/**
 * The facts the dashboard reads (v3), from the case's second stream: `ended_at` (the first instant it
 * reached resolved or a terminal status, as the trigger keeps it), the business minutes to resolution
 * in the default calendar (as `resolutionFacts` stores them), a root cause for most ended cases and a
 * third of the open ones under investigation, legal costs for some closed disputes; a decision for
 * each resolved case (its outcome, the credit granted, penalties now and then), a survey answer for a
 * third of the closed ones, 1–3 time entries per resolved case, and a corrective action (done) for one
 * classified closed case in 400.
 */
function factsOf(rng: Rng, c: ReturnType<typeof caseOf>, clock: BusinessClock, credited: number) {
  const endedAt = c.history.find((h) => ENDING.has(h.status))?.at ?? null;
  const businessMinutes = c.resolvedAt ? Math.round(businessMinutesBetween(c.receivedAt, c.resolvedAt, clock)) : null;
  const classified = endedAt ? c.status !== "duplicate" && rng() < 0.85 : c.history.length > 2 && rng() < 0.35;
  const rootCause = classified ? weighted(rng, ROOT_CAUSES) : null;
  const legalCosts = c.status === "closed" && c.kind === "dispute" && rng() < 0.3 ? int(rng, 50_000, 800_000) : 0;
  const decision = c.resolvedAt
    ? { outcome: c.outcome ?? "settled_amicably", granted: credited, penalties: rng() < 0.05 ? int(rng, 1_000, 50_000) : 0, at: c.resolvedAt }
    : null;
  const closedAt = c.closedAt;
  const surveyAt = closedAt && c.status === "closed" && rng() < 0.35 ? new Date(Math.min(GENERATED_AT.getTime() - 60_000, closedAt.getTime() + int(rng, 1, 72) * 3_600_000)) : null;
  const survey = surveyAt ? { score: weighted(rng, { "10": 14, "9": 16, "8": 20, "7": 15, "6": 10, "5": 8, "4": 6, "3": 4, "2": 3, "1": 2, "0": 2 }), at: surveyAt } : null;
  const time = c.resolvedAt
    ? Array.from({ length: int(rng, 1, 3) }, () => ({ minutes: int(rng, 10, 240), on: new Date(c.receivedAt.getTime() + rng() * (c.resolvedAt!.getTime() - c.receivedAt.getTime())) }))
    : [];
  const actionDone = rootCause && closedAt && c.status === "closed" && rng() < 1 / 400 ? new Date(closedAt.getTime() + int(rng, 1, 30) * DAY) : null;
  const action = actionDone && actionDone < GENERATED_AT ? { doneAt: actionDone, createdAt: closedAt! } : null;
  return { endedAt, businessMinutes, rootCause, legalCosts, decision, survey: survey ? { score: Number(survey.score), at: survey.at } : null, time, action };
}
