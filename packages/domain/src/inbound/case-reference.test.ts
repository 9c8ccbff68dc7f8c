import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCaseReference, findReplyToken, messageIdsOf, replyAddress } from "./case-reference";

describe("findCaseReference", () => {
  it("finds the reference in a reply's subject, uppercased", () => {
    expect(findCaseReference("RE: [Accord] Réclamation reçue — LIT-2026-000123")).toBe("LIT-2026-000123");
    expect(findCaseReference("Re: lit-2026-000042 photos")).toBe("LIT-2026-000042");
  });

  it("finds nothing in a subject without a reference or with a malformed one", () => {
    expect(findCaseReference("Sacs abîmés")).toBeNull();
    expect(findCaseReference("LIT-2026-12345")).toBeNull();
    expect(findCaseReference("XLIT-2026-0001234")).toBeNull();
    expect(findCaseReference(null)).toBeNull();
  });

  it("finds any reference written among other words", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 0, max: 999_999 }), fc.string(), (year, n, before) => {
        const reference = `LIT-${year}-${String(n).padStart(6, "0")}`;
        expect(findCaseReference(`${before.replace(/[A-Za-z0-9_]$/, "")} ${reference} suite`)).toBe(reference);
      }),
    );
  });
});

describe("findReplyToken", () => {
  const token = "0123456789abcdef0123456789abcdef";
  it("reads the token of our reply address only", () => {
    expect(findReplyToken(["support@accord.example", `Reply+${token}@Reply.Accord.Example`], "reply.accord.example")).toBe(token);
    expect(findReplyToken([`reply+${token}@elsewhere.example`], "reply.accord.example")).toBeNull();
    expect(findReplyToken(["reply+short@reply.accord.example"], "reply.accord.example")).toBeNull();
    expect(findReplyToken(["noat"], "reply.accord.example")).toBeNull();
  });

  it("reads back the address replyAddress writes", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{32}$/), (t) => {
        expect(findReplyToken([replyAddress(t, "Reply.Accord.Example")], "reply.accord.example")).toBe(t);
      }),
    );
  });
});

describe("messageIdsOf", () => {
  it("lists the ids of In-Reply-To and References, lowercased, once each", () => {
    expect(messageIdsOf(["<A@x.example>", "<a@x.example> <b@y.example>\r\n <c@z.example>", null])).toEqual(["<a@x.example>", "<b@y.example>", "<c@z.example>"]);
  });
});
