import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectAutomaticMessage, type MailHeaders } from "./automatic-message";

const person: MailHeaders = { from: ["Marie <marie@martin.example>"], subject: ["Sacs abîmés"], "return-path": ["<marie@martin.example>"] };

describe("detectAutomaticMessage", () => {
  it("a message a person wrote is not automatic", () => {
    expect(detectAutomaticMessage({ headers: person, contentType: "text/plain; charset=utf-8", from: "marie@martin.example" })).toEqual({ automatic: false });
  });

  it.each([
    ["auto-submitted", "auto-replied", "auto_submitted"],
    ["auto-submitted", "auto-generated (vacation)", "auto_submitted"],
    ["auto-submitted", "auto-notified; owner-email=x@y", "auto_submitted"],
    ["x-auto-response-suppress", "All", "auto_response_suppress"],
    ["x-auto-response-suppress", "OOF, AutoReply", "auto_response_suppress"],
    ["precedence", "bulk", "precedence"],
    ["precedence", "Junk", "precedence"],
    ["precedence", "list", "precedence"],
    ["precedence", "auto_reply", "precedence"],
    ["return-path", "<>", "empty_return_path"],
    ["return-path", "< >", "empty_return_path"],
    ["x-autoreply", "yes", "vendor_header"],
    ["x-autorespond", "Out of office", "vendor_header"],
    ["x-auto-reply", "true", "vendor_header"],
    ["x-ms-exchange-inbox-rules-loop", "marie@martin.example", "vendor_header"],
  ])("%s: %s is automatic (%s)", (name, value, reason) => {
    const verdict = detectAutomaticMessage({ headers: { ...person, [name]: [value] } });
    expect(verdict).toMatchObject({ automatic: true, reason });
  });

  it.each([
    ["auto-submitted", "no"],
    ["auto-submitted", "No (a person wrote it)"],
    ["x-auto-response-suppress", "None"],
    ["precedence", "first-class"],
    ["x-autoreply", "no"],
  ])("%s: %s is a person's message", (name, value) => {
    expect(detectAutomaticMessage({ headers: { ...person, [name]: [value] } })).toEqual({ automatic: false });
  });

  it("a delivery report (multipart/report, message/delivery-status) is automatic", () => {
    expect(detectAutomaticMessage({ headers: person, contentType: "multipart/report; report-type=delivery-status; boundary=x" })).toMatchObject({
      reason: "delivery_report",
    });
    expect(detectAutomaticMessage({ headers: person, contentType: "multipart/mixed", partTypes: ["text/plain", "message/delivery-status"] })).toMatchObject({
      reason: "delivery_report",
    });
  });

  it("a message from MAILER-DAEMON or postmaster is automatic", () => {
    expect(detectAutomaticMessage({ headers: person, from: "MAILER-DAEMON@mx.example" })).toMatchObject({ reason: "mailer_daemon" });
    expect(detectAutomaticMessage({ headers: person, from: "postmaster@mx.example" })).toMatchObject({ reason: "mailer_daemon" });
  });

  it("any Auto-Submitted keyword other than no is automatic (RFC 3834 extension keywords included)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z-]{0,20}$/), (keyword) => {
        const verdict = detectAutomaticMessage({ headers: { ...person, "auto-submitted": [keyword] } });
        expect(verdict.automatic).toBe(keyword !== "no");
      }),
    );
  });
});
