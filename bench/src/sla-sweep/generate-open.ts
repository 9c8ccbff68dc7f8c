import type { Sql } from "@accord/db";
import { canonicalJson, GENESIS_HASH } from "@accord/domain";
import type { DatasetKind } from "../queue/database";
import { CopyStream } from "../queue/copy";
import {
  ACCOUNT_COUNT,
  accountId,
  AGENTS_PER_TEAM,
  defaultPolicies,
  GENERATED_AT,
  K,
  loadReferenceData,
  SEED,
  sha256Hex,
  staffId,
  teamId,
  TEAMS,
  USERS_PER_ACCOUNT,
  type GenerationReport,
} from "../queue/generate";
import { int, streamFor, uuidOf, weighted } from "../queue/prng";

/** Bump when the generated data changes: a stored dataset of another version is regenerated. */
export const OPEN_GENERATOR_VERSION = 1;
/** How many cases are due at {@link GENERATED_AT}: the same ones at every size (see {@link isDue}). */
export const DUE_CASES = 1_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The due cases: every tenth of the first 10 000 (each case draws from its own stream, so they are
 * the same cases, with the same instants, in the 10 k and the 1 M datasets).
 */
export const isDue = (i: number) => i < DUE_CASES * 10 && i % 10 === 0;
export const dueCaseId = (n: number) => uuidOf(K.caseRow, n * 10);

/**
 * A dataset of OPEN cases for the SLA sweep (P5): `size` cases under investigation, qualified or in
 * negotiation, each with its reception event (hash-chained like `appendCaseEvents`). Every case has
 * answered its first response, and its staff was active in the last 12 hours (so no inactivity
 * reminder is due); no evidence request, proposal, resolved case nor invoice is pending. The
 * {@link DUE_CASES} due cases have their `next_sla_at` 1 minute to 3 hours before `GENERATED_AT`: half a
 * resolution warning, half a breach (its warning passed unsent too, so the sweep records it
 * superseded). Every other case's next SLA instant is 1 hour to 20 days after it. The SLA instants
 * are drawn, not computed with the calendar: the sweep only compares stored instants.
 */
export async function generateOpenDataset(sql: Sql, size: number, log: (line: string) => void): Promise<GenerationReport> {
  const started = performance.now();
  const policies = await defaultPolicies(sql);
  await loadReferenceData(sql);
  const casesCopy = await CopyStream.open(sql, "cases", [
    "id", "reference", "account_id", "customer_contact_id", "kind", "type", "status", "priority", "channel", "title", "description",
    "team_id", "assignee_id", "impact_score", "disputed_amount_cents", "sla_policy_id",
    "first_response_due_at", "first_response_warn_at", "resolution_due_at", "resolution_warn_at", "next_sla_at",
    "first_responded_at", "last_activity_at", "last_staff_activity_at", "received_at", "version", "created_at", "updated_at",
  ]);
  const eventsCopy = await CopyStream.open(sql, "case_events", ["case_id", "seq", "type", "actor_kind", "actor_id", "at", "visibility", "payload", "prev_hash", "hash"]);
  const now = GENERATED_AT.getTime();
  for (let i = 0; i < size; i++) {
    const rng = streamFor(SEED ^ 0x0be0, i);
    const caseId = uuidOf(K.caseRow, i);
    const status = weighted(rng, { investigating: 55, qualified: 20, negotiating: 25 });
    const type = weighted(rng, { quality: 35, delivery: 30, price_billing: 25, compliance: 5, other: 5 });
    const priority = weighted(rng, { P1: 5, P2: 20, P3: 50, P4: 25 });
    const policy = policies.get(priority)!;
    const account = Math.min(ACCOUNT_COUNT - 1, Math.floor(ACCOUNT_COUNT * rng() ** 2));
    const contactId = uuidOf(K.user, account * USERS_PER_ACCOUNT + int(rng, 0, USERS_PER_ACCOUNT - 1));
    const team = int(rng, 0, TEAMS.length - 1);
    const assignee = rng() < 0.1 ? null : team * AGENTS_PER_TEAM + int(rng, 1, AGENTS_PER_TEAM - 1);
    const receivedAt = new Date(Math.floor((now - (1 + rng() * 59) * DAY) / 60_000) * 60_000);
    const firstRespondedAt = new Date(receivedAt.getTime() + int(rng, 10, 180) * 60_000);
    const lastStaffActivityAt = new Date(now - Math.floor(rng() * 12 * HOUR));
    let warnAt: Date;
    let dueAt: Date;
    let nextSlaAt: Date;
    if (isDue(i)) {
      // The sweep's instant: the earliest of the case's instants not swept yet, now passed.
      const passed = new Date(now - int(rng, 1, 180) * 60_000);
      const breach = (i / 10) % 2 === 1;
      warnAt = breach ? new Date(passed.getTime() - 4 * HOUR) : passed;
      dueAt = breach ? passed : new Date(passed.getTime() + int(rng, 2, 48) * HOUR);
      nextSlaAt = warnAt;
    } else {
      warnAt = new Date(now + HOUR + Math.floor(rng() * 20 * DAY));
      dueAt = new Date(warnAt.getTime() + int(rng, 2, 48) * HOUR);
      nextSlaAt = warnAt;
    }
    // References hold 6 digits a year: past 999 999 cases the numbering goes on in the year before.
    const reference = `LIT-${2026 - Math.floor(i / 999_999)}-${String((i % 999_999) + 1).padStart(6, "0")}`;
    await casesCopy.row([
      caseId, reference, accountId(account), contactId, "claim", type, status, priority, "portal", "Réclamation ouverte du banc d'essai",
      "Réclamation générée pour le banc d'essai des relances SLA.", teamId(team), assignee === null ? null : staffId(assignee), 40, int(rng, 1_000, 500_000),
      policy.id, new Date(receivedAt.getTime() + policy.firstResponseMinutes * 60_000), new Date(receivedAt.getTime() + policy.firstResponseMinutes * 45_000),
      dueAt, warnAt, nextSlaAt, firstRespondedAt, lastStaffActivityAt, lastStaffActivityAt, receivedAt, 1, receivedAt, lastStaffActivityAt,
    ]);
    const payload = { channel: "portal", type, priority };
    const content = { caseId, seq: 1, type: "case_received", actorKind: "customer", actorId: contactId, at: receivedAt.toISOString(), visibility: "public", payload };
    await eventsCopy.row([caseId, 1, "case_received", "customer", contactId, receivedAt, "public", JSON.stringify(payload), GENESIS_HASH, sha256Hex(GENESIS_HASH + canonicalJson(content))]);
    if ((i + 1) % 100_000 === 0) log(`  ${i + 1} open cases generated (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const cases = await casesCopy.end();
  const events = await eventsCopy.end();
  return { cases, events, invoices: 0, invoiceLines: 0, seconds: (performance.now() - started) / 1000 };
}

/** The open cases' datasets (`accord_bench_open_<size>`). */
export const OPEN_DATASET: DatasetKind = { prefix: "accord_bench_open", version: OPEN_GENERATOR_VERSION, generate: generateOpenDataset };
