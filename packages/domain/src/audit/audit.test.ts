import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { sha256Hex } from "./sha256";
import { canonicalJson } from "./canonical-json";
import { chainEvent, chainEvents, GENESIS_HASH, hashEvent, verifyChain, type ChainedEvent } from "./chain";

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with node:crypto on any text, across block boundaries", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      }),
      { numRuns: 200 },
    );
  });
});

describe("canonicalJson", () => {
  it("sorts keys, keeps arrays in order and writes no spaces", () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }], "é": "x" })).toBe('{"a":[3,{"c":null,"d":true}],"b":1,"é":"x"}');
  });

  it("sorts keys by UTF-16 code units", () => {
    expect(canonicalJson({ "\u{1F600}": 1, "\uFFFF": 2, a: 3, B: 4 })).toBe('{"B":4,"a":3,"\u{1F600}":1,"\uFFFF":2}');
  });

  it("writes dates as ISO strings, -0 as 0, and drops undefined properties", () => {
    expect(canonicalJson({ at: new Date("2026-03-02T09:00:00Z"), zero: -0, gone: undefined })).toBe('{"at":"2026-03-02T09:00:00.000Z","zero":0}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { a: 1 }))).toBe('{"a":1}');
    expect(canonicalJson("line\nbreak \u2028 \ud800")).toBe('"line\\nbreak \u2028 \\ud800"');
  });

  it("refuses floating point, NaN, infinities and unsafe integers, naming the path", () => {
    for (const amount of [12.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => canonicalJson({ payload: { amount } })).toThrowError(
        expect.objectContaining({ code: "non_canonical_value", field: "value.payload.amount" }),
      );
    }
  });

  it("refuses undefined in arrays or alone, bigints, functions, symbols, cycles, invalid dates and non-plain objects", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, string][] = [
      [[1, undefined], "value[1]"],
      [undefined, "value"],
      [{ n: 10n }, "value.n"],
      [{ f: () => 1 }, "value.f"],
      [{ s: Symbol("x") }, "value.s"],
      [cyclic, "value.self"],
      [{ at: new Date("nope") }, "value.at"],
      [{ m: new Map() }, "value.m"],
      [{ bytes: new Uint8Array(2) }, "value.bytes"],
    ];
    for (const [value, field] of cases) {
      expect(() => canonicalJson(value), field).toThrowError(expect.objectContaining({ code: "non_canonical_value", field }));
    }
  });

  it("accepts the same object twice when it is not a cycle", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  const jsonValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constant(null),
      fc.boolean(),
      fc.maxSafeInteger(),
      fc.string(),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
    ),
  })).value;

  it("is stable: the same for any key order, and a fixed point through JSON.parse", () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        if (value !== null && typeof value === "object" && !Array.isArray(value)) {
          const reversed = Object.fromEntries(Object.entries(value).reverse());
          expect(canonicalJson(reversed)).toBe(text);
        }
      }),
    );
  });
});

describe("the event chain", () => {
  const events = [
    { seq: 1, type: "case_opened", actor: "customer:achats@martin.example", at: "2026-03-02T09:00:00.000Z", payload: { amountCents: 123_456 } },
    { seq: 2, type: "case_qualified", actor: "staff:agent@accord.example", at: "2026-03-02T10:00:00.000Z", payload: { priority: "P2" } },
    { seq: 3, type: "case_resolved", actor: "staff:agent@accord.example", at: "2026-03-09T16:30:00.000Z", payload: { outcome: "upheld" } },
  ];

  it("chains each event to the previous hash, from the genesis hash", () => {
    const chain = chainEvents(events);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
    expect(chain[0]?.hash).toBe(sha256Hex(GENESIS_HASH + canonicalJson(events[0])));
    expect(chain[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(chain)).toEqual({ intact: true, count: 3, lastHash: chain[2]?.hash });
    expect(verifyChain([])).toEqual({ intact: true, count: 0, lastHash: GENESIS_HASH });
  });

  it("hashes the event without its own prevHash and hash fields", () => {
    const link = chainEvent(GENESIS_HASH, events[0] as object);
    expect(hashEvent(GENESIS_HASH, link)).toBe(link.hash);
    expect(chainEvent(GENESIS_HASH, link)).toEqual(link);
  });

  it("verifies a chain that continues from a known hash", () => {
    const chain = chainEvents(events);
    expect(verifyChain(chain.slice(1), { prevHash: chain[0]?.hash as string })).toMatchObject({ intact: true, count: 2 });
    expect(verifyChain(chain.slice(1))).toMatchObject({ intact: false, brokenAt: 0, seq: 2, reason: "prev_hash_mismatch" });
  });

  it("names the event whose content changed", () => {
    const chain = chainEvents(events);
    const tampered = chain.map((e, i) => (i === 1 ? { ...e, payload: { priority: "P1" } } : e));
    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAt: 1, seq: 2, reason: "hash_mismatch" });
  });

  it("names an event whose content is no longer canonical, and one without a seq", () => {
    const chain: ChainedEvent<object>[] = chainEvents(events);
    const floats = chain.map((e, i) => (i === 2 ? { ...e, payload: { amount: 1.5 } } : e));
    expect(verifyChain(floats)).toMatchObject({ intact: false, brokenAt: 2, reason: "non_canonical" });
    const unnumbered = chainEvents([{ type: "x" }]).map((e) => ({ ...e, type: "y" }));
    expect(verifyChain(unnumbered)).toMatchObject({ brokenAt: 0, seq: null });
  });

  it("refuses a malformed previous hash", () => {
    expect(() => hashEvent("abc", {})).toThrowError(expect.objectContaining({ code: "invalid_argument", field: "prevHash" }));
  });

  it("changing any byte of any event makes the verification name that event (property)", () => {
    const event = fc.record({
      seq: fc.nat(),
      type: fc.constantFrom("case_opened", "message_posted", "case_resolved"),
      actor: fc.emailAddress(),
      at: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      payload: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean())),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), fc.integer({ min: 32, max: 126 }), (list, k, position, code) => {
        const chain: ChainedEvent<object>[] = chainEvents(list);
        const index = k % chain.length;
        const text = JSON.stringify(chain[index]);
        const at = position % text.length;
        const replacement = String.fromCharCode(code);
        fc.pre(text[at] !== replacement);
        let mutated: ChainedEvent<object>;
        try {
          mutated = JSON.parse(text.slice(0, at) + replacement + text.slice(at + 1)) as ChainedEvent<object>;
        } catch {
          fc.pre(false);
          return;
        }
        fc.pre(mutated !== null && typeof mutated === "object" && JSON.stringify(mutated) !== text);
        const tampered = chain.map((e, i) => (i === index ? mutated : e));
        expect(verifyChain(tampered)).toMatchObject({ intact: false, brokenAt: index });
      }),
      { numRuns: 1000 },
    );
  });
});
