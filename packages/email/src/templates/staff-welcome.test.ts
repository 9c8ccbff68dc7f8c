import { describe, expect, it } from "vitest";
import { redactEmailProps, renderEmail } from "../render";

const setPasswordUrl = "https://support.accord.example/reset-password?token=k2n4p6q8r0s2t4v6";
const props = { name: "Nina Leroy", createdByName: "Ada Admin", setPasswordUrl, expiresAt: "2026-12-02T10:30:00.000Z" };

describe("staff welcome e-mail", () => {
  it("is in French with who created the access, the link and its end date", async () => {
    const email = await renderEmail("staff-welcome", "fr", props);
    expect(email.subject).toBe("Votre accès au back-office Accord");
    expect(email.text).toContain("Bonjour Nina Leroy,");
    expect(email.text).toContain("Ada Admin vous a créé un accès");
    expect(email.text).toContain(setPasswordUrl);
    expect(email.text).toContain("2 décembre 2026");
    expect(email.html).toContain('lang="fr"');
  });

  it("is in English, and its link never reaches the logs", async () => {
    const email = await renderEmail("staff-welcome", "en", props);
    expect(email.subject).toBe("Your access to the Accord back-office");
    expect(email.text).toContain("Ada Admin created an access");
    expect(email.text).toContain("2 December 2026");
    expect(redactEmailProps("staff-welcome", props)).toMatchObject({ setPasswordUrl: "[redacted]" });
  });
});
