import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CHAIN_START, chainEvents, nextChainPosition, type ChainPosition, type StoredChainBreak } from "./chain";

const events = (n: number) => chainEvents(Array.from({ length: n }, (_, i) => ({ seq: i + 1, type: "note", payload: { i } })));

/** Reads a stored chain event by event; the index and reason of the first break, or null. */
function walk(list: ReturnType<typeof events>): { index: number; reason: StoredChainBreak } | null {
  let position: ChainPosition = CHAIN_START;
  for (const [index, event] of list.entries()) {
    const next = nextChainPosition(position, event);
    if (!next.ok) return { index, reason: next.reason };
    position = next.position;
  }
  return null;
}

describe("reading a stored chain event by event", () => {
  it("an intact chain reads to its end", () => {
    expect(walk(events(5))).toBeNull();
  });

  it("a deleted event is named at the event after the gap", () => {
    const list = events(5);
    expect(walk([...list.slice(0, 2), ...list.slice(3)])).toEqual({ index: 2, reason: "missing_event" });
    expect(walk(list.slice(1))).toEqual({ index: 0, reason: "missing_event" });
  });

  it("two events swapped (their numbers exchanged) break at the first one out of place", () => {
    const list = events(5);
    const swapped = [list[0]!, list[1]!, { ...list[3]!, seq: 3 }, { ...list[2]!, seq: 4 }, list[4]!];
    expect(walk(swapped)).toEqual({ index: 2, reason: "prev_hash_mismatch" });
    expect(walk([list[0]!, list[2]!, list[1]!])).toEqual({ index: 1, reason: "missing_event" });
  });

  it("a changed payload is a hash mismatch at that event; a repeated number is out of place", () => {
    const list = events(4);
    expect(walk(list.map((e, i) => (i === 2 ? { ...e, payload: { i: 99 } } : e)))).toEqual({ index: 2, reason: "hash_mismatch" });
    expect(walk([list[0]!, list[0]!])).toEqual({ index: 1, reason: "prev_hash_mismatch" });
  });

  it("removing any one event but the last, or swapping any two, is always detected (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.nat(), (n, a, b) => {
        const list = events(n);
        const removed = a % (n - 1);
        expect(walk(list.filter((_, i) => i !== removed))).not.toBeNull();
        const [i, j] = [a % n, b % n];
        fc.pre(i !== j);
        const swapped = list.map((e, k) => (k === i ? { ...list[j]!, seq: e.seq } : k === j ? { ...list[i]!, seq: e.seq } : e));
        expect(walk(swapped)).not.toBeNull();
      }),
    );
  });
});
