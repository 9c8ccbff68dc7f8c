import { describe, expect, it } from "vitest";
import { redactEmailProps, renderEmail } from "./render";
import { expectEmail } from "./test-email";
import { passwordResetMessages } from "./templates/password-reset";

const resetUrl = "https://portail.accord.example/reset-password?token=k2n4p6q8r0s2t4v6w8x0";
const props = { name: "Élodie Martin", resetUrl };

describe("password-reset e-mail", () => {
  it("is in French with the link, the name, the validity and the ignore notice", async () => {
    await expectEmail("password-reset", "fr", props, { subject: "Réinitialisation de votre mot de passe Accord", text: ["Bonjour Élodie Martin,", resetUrl, "valable 1 heure", "Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail"], html: [`href="${resetUrl}"`, 'lang="fr"'] });
  });

  it("is in English with the link, the name, the validity and the ignore notice", async () => {
    await expectEmail("password-reset", "en", props, { subject: "Reset your Accord password", text: ["Hello Élodie Martin,", resetUrl, "valid for 1 hour", "If you did not request this, ignore this e-mail"], notText: [/mot de passe|Bonjour|valable/], html: [`href="${resetUrl}"`, 'lang="en"'] });
  });

  it("escapes the recipient's name in the HTML", async () => {
    const email = await renderEmail("password-reset", "fr", { ...props, name: "<script>x</script>" });
    expect(email.html).not.toContain("<script>");
  });

  it("has the same message keys in both languages", () => {
    expect(Object.keys(passwordResetMessages.en).sort()).toEqual(Object.keys(passwordResetMessages.fr).sort());
  });

  it("keeps no reset link once redacted", () => {
    expect(redactEmailProps("password-reset", props)).toEqual({ name: "Élodie Martin", resetUrl: "[redacted]" });
  });
});
