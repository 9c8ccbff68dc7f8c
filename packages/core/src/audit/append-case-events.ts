import { caseEvents, cases, type Tx, type Visibility } from "@accord/db";
import { chainEvent, GENESIS_HASH } from "@accord/domain";
import { desc, eq, sql } from "drizzle-orm";
import type { ActorRef } from "./actor-ref";

/** One fact to record in a case's chain. `public` events show in the customer's timeline. */
export interface NewCaseEvent {
  type: string;
  visibility: Visibility;
  payload: Record<string, unknown>;
}

/**
 * The content hashed in a case's chain: every stored column but the hashes themselves,
 * with the instant as an ISO string (see `audit:verify`).
 */
export function caseEventContent(row: {
  caseId: string;
  seq: number;
  type: string;
  actorKind: string;
  actorId: string | null;
  at: Date;
  visibility: string;
  payload: unknown;
}) {
  return {
    caseId: row.caseId,
    seq: row.seq,
    type: row.type,
    actorKind: row.actorKind,
    actorId: row.actorId,
    at: row.at.toISOString(),
    visibility: row.visibility,
    payload: row.payload,
  };
}

/**
 * Appends events to a case's SHA-256 chain inside the caller's transaction. The case row is
 * locked first (FOR UPDATE), so two writers never fork the chain; it also bumps the case's
 * version and last activity. Returns the sequence numbers written.
 */
export async function appendCaseEvents(
  tx: Tx,
  options: { caseId: string; actor: ActorRef; at: Date; events: readonly NewCaseEvent[] },
): Promise<number[]> {
  if (options.events.length === 0) return [];
  await tx.execute(sql`select 1 from ${cases} where ${cases.id} = ${options.caseId} for update`);
  const [last] = await tx
    .select({ seq: caseEvents.seq, hash: caseEvents.hash })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, options.caseId))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = options.events.map((event) => {
    seq += 1;
    const content = caseEventContent({
      caseId: options.caseId,
      seq,
      type: event.type,
      actorKind: options.actor.kind,
      actorId: options.actor.id,
      at: options.at,
      visibility: event.visibility,
      payload: event.payload,
    });
    const chained = chainEvent(prevHash, content);
    prevHash = chained.hash;
    return {
      caseId: options.caseId,
      seq,
      type: event.type,
      actorKind: options.actor.kind,
      actorId: options.actor.id,
      at: options.at,
      visibility: event.visibility,
      payload: event.payload,
      prevHash: chained.prevHash,
      hash: chained.hash,
    };
  });
  await tx.insert(caseEvents).values(rows);
  await tx
    .update(cases)
    // Staff's own actions also restart the inactivity reminder's clock (a customer's message does not).
    .set({ lastActivityAt: options.at, ...(options.actor.kind === "staff" ? { lastStaffActivityAt: options.at } : {}), updatedAt: options.at, version: sql`${cases.version} + 1` })
    .where(eq(cases.id, options.caseId));
  return rows.map((r) => r.seq);
}
