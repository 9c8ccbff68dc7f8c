import { describe, expect, it } from "vitest";
import { signResendWebhook, verifyResendWebhook } from "./webhook";

const secret = `whsec_${Buffer.from("a test secret of thirty-two bytes!").toString("base64")}`;
const bounced = JSON.stringify({
  type: "email.bounced",
  created_at: "2026-12-06T10:00:00.000Z",
  data: { email_id: "re_1", to: ["Achats@Martin.example"], subject: "x", bounce: { type: "Permanent", subType: "General", message: "Mailbox does not exist" } },
});

function headersFor(body: string, id = "msg_1", at = new Date()) {
  return new Headers(signResendWebhook({ secret, body, id, at }));
}

describe("verifyResendWebhook", () => {
  it("reads a correctly signed bounce", () => {
    expect(verifyResendWebhook({ secret, body: bounced, headers: headersFor(bounced) })).toEqual({
      ok: true,
      event: {
        eventId: "msg_1",
        type: "email.bounced",
        emailId: "re_1",
        to: ["achats@martin.example"],
        reason: "Permanent — General — Mailbox does not exist",
        at: new Date("2026-12-06T10:00:00.000Z"),
      },
    });
  });

  it("refuses a missing signature, a wrong one, an altered body, another secret, an old timestamp", () => {
    const headers = headersFor(bounced);
    expect(verifyResendWebhook({ secret, body: bounced, headers: new Headers() })).toEqual({ ok: false, problem: "bad_signature" });
    const wrong = new Headers(headers);
    wrong.set("svix-signature", "v1,AAAA");
    expect(verifyResendWebhook({ secret, body: bounced, headers: wrong })).toEqual({ ok: false, problem: "bad_signature" });
    expect(verifyResendWebhook({ secret, body: bounced.replace("re_1", "re_2"), headers })).toEqual({ ok: false, problem: "bad_signature" });
    const other = `whsec_${Buffer.from("another secret, also 32 bytes...").toString("base64")}`;
    expect(verifyResendWebhook({ secret: other, body: bounced, headers })).toEqual({ ok: false, problem: "bad_signature" });
    const old = headersFor(bounced, "msg_2", new Date(Date.now() - 3_600_000));
    expect(verifyResendWebhook({ secret, body: bounced, headers: old })).toEqual({ ok: false, problem: "bad_signature" });
    expect(verifyResendWebhook({ secret: undefined, body: bounced, headers })).toEqual({ ok: false, problem: "missing_secret" });
  });

  it("acknowledges an event it does not act on, and refuses a signed body that is not an event", () => {
    const opened = JSON.stringify({ type: "email.opened", data: { email_id: "re_1" } });
    expect(verifyResendWebhook({ secret, body: opened, headers: headersFor(opened) })).toEqual({ ok: true, event: null });
    const junk = JSON.stringify({ hello: "world" });
    expect(verifyResendWebhook({ secret, body: junk, headers: headersFor(junk) })).toEqual({ ok: false, problem: "bad_payload" });
  });
});
