/**
 * Streaming verification of the stored chains (case chains and the administrative chain), shared by
 * `audit:verify` (every chain) and the case page's badge (one case). Events are read in keyset
 * batches, never all at once; each is checked by the domain's `nextChainPosition`: it must verify after
 * the hash of the one before it, and its sequence number must follow (a deleted event leaves a gap).
 * Not a use case: the callers check access and open the transaction.
 */
import { adminEvents, caseEvents, cases, type DbOrTx } from "@accord/db";
import { CHAIN_START, nextChainPosition, type ChainPosition, type StoredChainBreak } from "@accord/domain";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { adminEventContent } from "./append-admin-event";
import { caseEventContent } from "./append-case-events";

/** Why a chain is broken: the domain's reasons, a missing event being a gap in the sequence numbers. */
export type ChainBreakReason = StoredChainBreak;

/** The first broken event of a chain. */
export type ChainBreakAt =
  | { chain: "case"; caseId: string; reference: string; eventId: number; seq: number; reason: ChainBreakReason }
  | { chain: "admin"; eventId: number; seq: number; reason: ChainBreakReason };

export interface ChainWalk {
  /** Events checked (up to and including the broken one). */
  events: number;
  /** Chains met (case chains with at least one event). */
  chains: number;
  broken: ChainBreakAt | null;
}

export const VERIFY_BATCH_SIZE = 1000;

/** One link of a chain, checked by the domain against the position the previous one left (which it moves on). */
function checkLink(state: { position: ChainPosition }, link: { content: { seq: number }; prevHash: string; hash: string }): ChainBreakReason | null {
  const next = nextChainPosition(state.position, { ...link.content, prevHash: link.prevHash, hash: link.hash });
  if (!next.ok) return next.reason;
  state.position = next.position;
  return null;
}

/** Walks the case chains (one case's when `caseId` is given) in (case, seq) order, stopping at the first break. */
export async function walkCaseChains(tx: DbOrTx, options: { caseId?: string; batchSize?: number } = {}): Promise<ChainWalk> {
  const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
  const walk: ChainWalk = { events: 0, chains: 0, broken: null };
  let cursor: { caseId: string; seq: number } | null = null;
  let current: { caseId: string; position: ChainPosition } | null = null;
  for (;;) {
    const after: ReturnType<typeof sql> | undefined = cursor ? sql`(${caseEvents.caseId}, ${caseEvents.seq}) > (${cursor.caseId}::uuid, ${cursor.seq})` : undefined;
    const rows = await tx
      .select({ row: caseEvents, reference: cases.reference })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(and(options.caseId ? eq(caseEvents.caseId, options.caseId) : undefined, after))
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq))
      .limit(batchSize);
    for (const { row, reference } of rows) {
      if (!current || current.caseId !== row.caseId) {
        current = { caseId: row.caseId, position: CHAIN_START };
        walk.chains += 1;
      }
      walk.events += 1;
      const reason = checkLink(current, { content: caseEventContent(row), prevHash: row.prevHash, hash: row.hash });
      if (reason) {
        walk.broken = { chain: "case", caseId: row.caseId, reference, eventId: row.id, seq: row.seq, reason };
        return walk;
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return walk;
    cursor = { caseId: last.row.caseId, seq: last.row.seq };
  }
}

/** Walks the administrative chain in seq order, stopping at the first break. */
export async function walkAdminChain(tx: DbOrTx, options: { batchSize?: number } = {}): Promise<ChainWalk> {
  const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
  const walk: ChainWalk = { events: 0, chains: 1, broken: null };
  const state = { position: CHAIN_START };
  let cursor: number | null = null;
  for (;;) {
    const rows = await tx.select().from(adminEvents).where(cursor === null ? undefined : gt(adminEvents.seq, cursor)).orderBy(asc(adminEvents.seq)).limit(batchSize);
    for (const row of rows) {
      walk.events += 1;
      const reason = checkLink(state, { content: adminEventContent(row), prevHash: row.prevHash, hash: row.hash });
      if (reason) {
        walk.broken = { chain: "admin", eventId: row.id, seq: row.seq, reason };
        return walk;
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return walk;
    cursor = last.seq;
  }
}
