import { describe, expect, it } from "vitest";
import { redactEmailProps } from "../render";
import { expectEmail } from "../test-email";

const setPasswordUrl = "https://support.accord.example/reset-password?token=k2n4p6q8r0s2t4v6";
const props = { name: "Nina Leroy", createdByName: "Ada Admin", setPasswordUrl, expiresAt: "2026-12-02T10:30:00.000Z" };

describe("staff welcome e-mail", () => {
  it("is in French with who created the access, the link and its end date", async () => {
    await expectEmail("staff-welcome", "fr", props, { subject: "Votre accès au back-office Accord", text: ["Bonjour Nina Leroy,", "Ada Admin vous a créé un accès", setPasswordUrl, "2 décembre 2026"], html: ['lang="fr"'] });
  });

  it("is in English, and its link never reaches the logs", async () => {
    await expectEmail("staff-welcome", "en", props, { subject: "Your access to the Accord back-office", text: ["Ada Admin created an access", "2 December 2026"] });
    expect(redactEmailProps("staff-welcome", props)).toMatchObject({ setPasswordUrl: "[redacted]" });
  });
});
