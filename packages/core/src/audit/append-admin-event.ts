import { adminEvents, type Tx } from "@accord/db";
import { chainEvent, GENESIS_HASH } from "@accord/domain";
import { desc, sql } from "drizzle-orm";
import type { ActorRef } from "./actor-ref";

/** Serialises writers of the single administrative chain (transaction-scoped advisory lock). */
const ADMIN_CHAIN_LOCK = 0x61646d6e; // "admn"

export function adminEventContent(row: { seq: number; type: string; actorKind: string; actorId: string | null; at: Date; payload: unknown }) {
  return { seq: row.seq, type: row.type, actorKind: row.actorKind, actorId: row.actorId, at: row.at.toISOString(), payload: row.payload };
}

/** Appends one event to the administrative chain (settings, users, policies) in the caller's transaction. */
export async function appendAdminEvent(
  tx: Tx,
  options: { actor: ActorRef; at: Date; type: string; payload: Record<string, unknown> },
): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHAIN_LOCK})`);
  const [last] = await tx.select({ seq: adminEvents.seq, hash: adminEvents.hash }).from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const content = adminEventContent({ seq, type: options.type, actorKind: options.actor.kind, actorId: options.actor.id, at: options.at, payload: options.payload });
  const chained = chainEvent(last?.hash ?? GENESIS_HASH, content);
  await tx.insert(adminEvents).values({
    seq,
    type: options.type,
    actorKind: options.actor.kind,
    actorId: options.actor.id,
    at: options.at,
    payload: options.payload,
    prevHash: chained.prevHash,
    hash: chained.hash,
  });
  return seq;
}
