import { describe, expect, it } from "vitest";
import { dmarcPassed, routeInboundEmail, type CaseFacts, type KnownSender, type RoutingFacts } from "./routing";

const openCase: CaseFacts = { caseId: "case-1", accountId: "martin", ended: false };
const marie: KnownSender = { userId: "marie", accountId: "martin", canFile: true, canReply: true };
const hotel: KnownSender = { userId: "hotel", accountId: "hotel", canFile: true, canReply: true };
const none: RoutingFacts = { replyAddress: { present: false, case: null }, namedCase: null, sender: null, senderDomainAccountId: null, dmarcPass: false };

describe("routeInboundEmail", () => {
  it("a known sender without a case opens a claim as themselves", () => {
    expect(routeInboundEmail({ ...none, sender: marie })).toEqual({ kind: "open_claim", userId: "marie", accountId: "martin" });
  });

  it("a viewer cannot file by e-mail either: quarantine", () => {
    expect(routeInboundEmail({ ...none, sender: { ...marie, canFile: false } })).toMatchObject({ kind: "quarantine", reason: "sender_cannot_file" });
  });

  it("an unknown sender is quarantined; one of an account's domain is suggested that account", () => {
    expect(routeInboundEmail(none)).toEqual({ kind: "quarantine", reason: "unknown_sender", caseId: null, accountId: null });
    expect(routeInboundEmail({ ...none, senderDomainAccountId: "martin" })).toEqual({ kind: "quarantine", reason: "unknown_user_of_account", caseId: null, accountId: "martin" });
  });

  it("the case's reply address is trusted, whoever sends it and without DMARC", () => {
    expect(routeInboundEmail({ ...none, replyAddress: { present: true, case: openCase }, sender: marie })).toEqual({ kind: "append_reply", caseId: "case-1", authorId: "marie", trust: "reply_address" });
    expect(routeInboundEmail({ ...none, replyAddress: { present: true, case: openCase }, sender: hotel })).toEqual({ kind: "append_reply", caseId: "case-1", authorId: null, trust: "reply_address" });
  });

  it("an unknown reply address is quarantined", () => {
    expect(routeInboundEmail({ ...none, replyAddress: { present: true, case: null }, sender: marie })).toMatchObject({ kind: "quarantine", reason: "unknown_reply_address", accountId: "martin" });
  });

  it("a reply naming the case is trusted only from a user of its account with dmarc=pass", () => {
    expect(routeInboundEmail({ ...none, namedCase: openCase, sender: marie, dmarcPass: true })).toEqual({ kind: "append_reply", caseId: "case-1", authorId: "marie", trust: "dmarc" });
    expect(routeInboundEmail({ ...none, namedCase: openCase, sender: marie, dmarcPass: false })).toMatchObject({ kind: "quarantine", reason: "reply_not_authenticated", caseId: "case-1" });
    expect(routeInboundEmail({ ...none, namedCase: openCase, sender: hotel, dmarcPass: true })).toMatchObject({ kind: "quarantine", reason: "reply_from_other_account" });
    expect(routeInboundEmail({ ...none, namedCase: openCase, sender: null, dmarcPass: true })).toMatchObject({ kind: "quarantine", reason: "reply_from_other_account" });
  });

  it("a reply to an ended case, or from a viewer, is quarantined (the portal refuses them too)", () => {
    expect(routeInboundEmail({ ...none, replyAddress: { present: true, case: { ...openCase, ended: true } }, sender: marie })).toMatchObject({ reason: "case_ended" });
    expect(routeInboundEmail({ ...none, namedCase: openCase, sender: { ...marie, canReply: false }, dmarcPass: true })).toMatchObject({ reason: "sender_cannot_reply" });
  });
});

describe("dmarcPassed", () => {
  it("reads dmarc=pass in the topmost Authentication-Results for the From domain", () => {
    const gmail = "mx.google.com;\r\n       dkim=pass header.i=@martin.example;\r\n       spf=pass smtp.mailfrom=martin.example;\r\n       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=martin.example";
    expect(dmarcPassed([gmail], "marie@martin.example")).toBe(true);
    expect(dmarcPassed([gmail], "marie@other.example")).toBe(false);
    expect(dmarcPassed(["mx.example; dmarc=pass"], "marie@martin.example")).toBe(true);
  });

  it("refuses a failed, missing or lower (forgeable) result", () => {
    expect(dmarcPassed(["mx.example; dmarc=fail header.from=martin.example"], "marie@martin.example")).toBe(false);
    expect(dmarcPassed(["mx.example; spf=pass"], "marie@martin.example")).toBe(false);
    expect(dmarcPassed([], "marie@martin.example")).toBe(false);
    expect(dmarcPassed(["mx.example; dmarc=none", "evil.example; dmarc=pass"], "marie@martin.example")).toBe(false);
  });

  it("with an authserv-id, only that service's result counts", () => {
    expect(dmarcPassed(["mx.accord.example; dmarc=pass"], "marie@martin.example", "mx.accord.example")).toBe(true);
    expect(dmarcPassed(["evil.example; dmarc=pass"], "marie@martin.example", "mx.accord.example")).toBe(false);
  });
});
