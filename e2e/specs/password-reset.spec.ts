import { expect, test } from "@playwright/test";
import { expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { newColleague } from "../support/invitations";
import { linkIn, waitForEmail } from "../support/mailbox";

// A fresh user (invited by Hôtel du Port's admin): the demo users keep the demo password for the other specs.
const FIRST_PASSWORD = "premier-mot-de-passe-2026";

test("a forgotten password is reset through the e-mail link, which works only once", async ({ browser, page }) => {
  const colleague = await newColleague(browser, { adminEmail: "admin@hotelduport.example", domain: "hotelduport.example", password: FIRST_PASSWORD });
  const email = colleague.email;
  await colleague.context.close();
  const before = Date.now();
  await page.goto(`${portalUrl}/login`);
  await page.getByRole("link", { name: /mot de passe oublié/i }).click();
  await expectAccessible(page);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByRole("button", { name: /envoyer|recevoir|réinitialiser/i }).click();
  await expect(page.getByText(/si un compte correspond/i)).toBeVisible();

  const message = await waitForEmail(email, { subject: /mot de passe/i, after: before - 1000 });
  expect(message.subject).toMatch(/réinitialisation/i);
  const link = linkIn(message, `${portalUrl}/reset-password`);

  await page.goto(link);
  await expectAccessible(page);
  const newPassword = "nouveau-mot-de-passe-2026";
  await page.getByLabel(/^nouveau mot de passe/i).fill(newPassword);
  await page.getByLabel(/confirm/i).fill(newPassword);
  await page.getByRole("button", { name: /modifier|enregistrer|changer/i }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText(/mot de passe a été modifié/i)).toBeVisible();

  await signIn(page, portalUrl, email, FIRST_PASSWORD);
  await expect(page.getByRole("alert").first()).toContainText(/incorrect/i);
  await signIn(page, portalUrl, email, newPassword);
  await expect(page.getByText("Hôtel du Port SARL").first()).toBeVisible();

  // The link is single-use.
  await page.goto(link);
  await expect(page.getByText(/n'est plus valable|déjà été utilisé|invalide/i).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /nouveau lien|nouvelle demande|demander/i })).toBeVisible();
});
