import { fail, isDomainValidationError } from "../errors/errors";
import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";

/** The previous hash of the first event of a chain: 64 zeros. */
export const GENESIS_HASH = "0".repeat(64);

const HASH = /^[0-9a-f]{64}$/;

/** An event as stored in a chain: its own fields plus `prevHash` and `hash`. */
export type ChainedEvent<E extends object = Record<string, unknown>> = E & { readonly prevHash: string; readonly hash: string };

/**
 * The hash of an event in a chain:
 * `hex(sha256(utf8(prevHash + canonicalJson(event))))`, where `event` is the
 * event's fields without `prevHash` and `hash` (include its sequence number,
 * actor, type, time and payload so none can change unseen).
 *
 * @throws DomainValidationError `invalid_argument` (`prevHash`) or `non_canonical_value`.
 */
export function hashEvent(prevHash: string, event: object): string {
  if (typeof prevHash !== "string" || !HASH.test(prevHash)) fail("invalid_argument", "prevHash", { value: String(prevHash) });
  return sha256Hex(prevHash + canonicalJson(contentOf(event)));
}

/** The event with its `prevHash` and `hash`, ready to append after `prevHash`. */
export function chainEvent<E extends object>(prevHash: string, event: E): ChainedEvent<E> {
  const content = contentOf(event) as E;
  return { ...content, prevHash, hash: hashEvent(prevHash, content) };
}

/** Chains a list of events from `prevHash` (the genesis hash by default). */
export function chainEvents<E extends object>(events: readonly E[], prevHash: string = GENESIS_HASH): ChainedEvent<E>[] {
  const chained: ChainedEvent<E>[] = [];
  let previous = prevHash;
  for (const event of events) {
    const link = chainEvent(previous, event);
    chained.push(link);
    previous = link.hash;
  }
  return chained;
}

export type ChainBreak = "prev_hash_mismatch" | "hash_mismatch" | "non_canonical";

export type ChainVerification =
  | { readonly intact: true; readonly count: number; readonly lastHash: string }
  | {
      readonly intact: false;
      /** Index in the list of the first broken event. */
      readonly brokenAt: number;
      /** Its `seq` field when it has a numeric one, else null. */
      readonly seq: number | null;
      readonly reason: ChainBreak;
    };

/**
 * Verifies a chain in order: each event must name the previous event's hash
 * (the genesis hash, or `options.prevHash`, for the first) and carry the hash
 * of its own content. Returns "intact", or the first broken event.
 * Changing any byte of any event — its content, its `prevHash` or its
 * `hash` — breaks the chain at that event.
 */
export function verifyChain(events: readonly ChainedEvent<object>[], options: { prevHash?: string } = {}): ChainVerification {
  let expected = options.prevHash ?? GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const broken = (reason: ChainBreak): ChainVerification => ({ intact: false, brokenAt: index, seq: seqOf(event), reason });
    if (event.prevHash !== expected) return broken("prev_hash_mismatch");
    let hash: string;
    try {
      hash = hashEvent(expected, event);
    } catch (error) {
      if (isDomainValidationError(error)) return broken("non_canonical");
      throw error;
    }
    if (event.hash !== hash) return broken("hash_mismatch");
    expected = hash;
  }
  return { intact: true, count: events.length, lastHash: expected };
}

function contentOf(event: object): Record<string, unknown> {
  const { prevHash: _prevHash, hash: _hash, ...content } = event as Record<string, unknown>;
  return content;
}

function seqOf(event: object): number | null {
  const seq = (event as { seq?: unknown }).seq;
  return typeof seq === "number" ? seq : null;
}

/** Where a stored chain stands while it is read event by event: the last hash and sequence number (0 before the first). */
export interface ChainPosition {
  readonly hash: string;
  readonly seq: number;
}

export const CHAIN_START: ChainPosition = { hash: GENESIS_HASH, seq: 0 };

export type StoredChainBreak = ChainBreak | "missing_event";

/**
 * Checks the next event of a stored chain, numbered 1, 2, 3… (read in `seq` order, in batches): its
 * `seq` must follow the position's (a larger one means events before it are gone: `missing_event`;
 * a smaller or equal one, an event out of place: `prev_hash_mismatch`), and it must verify after the
 * position's hash. Returns the new position, or the reason it breaks the chain.
 */
export function nextChainPosition(position: ChainPosition, event: ChainedEvent<{ seq: number }>): { ok: true; position: ChainPosition } | { ok: false; reason: StoredChainBreak } {
  if (event.seq !== position.seq + 1) return { ok: false, reason: event.seq > position.seq + 1 ? "missing_event" : "prev_hash_mismatch" };
  const verdict = verifyChain([event], { prevHash: position.hash });
  if (!verdict.intact) return { ok: false, reason: verdict.reason };
  return { ok: true, position: { hash: verdict.lastHash, seq: event.seq } };
}
