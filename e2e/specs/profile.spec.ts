import { expect, test } from "@playwright/test";
import { expectAccessible, portalUrl, signIn, signOut } from "../support/fixtures";
import { newColleague, signInAndWait } from "../support/invitations";

// A fresh user per test (invited by Hôtel du Port's admin): the demo users keep their settings.
const PASSWORD = "premier-mot-de-passe-2026";

test("the language chosen in the profile is kept for the next sign-in", async ({ browser }) => {
  const { email, context, page } = await newColleague(browser, { adminEmail: "admin@hotelduport.example", domain: "hotelduport.example", password: PASSWORD });
  await page.getByRole("link", { name: /mon profil/i }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^nom$/i).fill("Camille N.");
  await page.getByLabel(/langue du portail/i).selectOption("en");
  await page.getByRole("button", { name: /^enregistrer$/i }).click();
  await expect(page.getByText("Your profile has been saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel(/^name$/i)).toHaveValue("Camille N.");
  await expectAccessible(page);
  await context.close();

  // A new browser (French by default) signs in: the pages come in the stored language.
  const fresh = await browser.newContext({ locale: "fr-FR" });
  const freshPage = await fresh.newPage();
  await signInAndWait(freshPage, email, PASSWORD);
  await freshPage.goto(`${portalUrl}/profile`);
  await expect(freshPage.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
  await fresh.close();
});

test("a password change needs the current password, and the new one signs in", async ({ browser }) => {
  const { email, context, page } = await newColleague(browser, { adminEmail: "admin@hotelduport.example", domain: "hotelduport.example", password: PASSWORD });
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await signInAndWait(otherPage, email, PASSWORD);

  await page.goto(`${portalUrl}/profile`);
  const NEW_PASSWORD = "second-mot-de-passe-2026";
  await page.getByLabel(/^mot de passe actuel$/i).fill("pas-le-bon-mot-de-passe");
  await page.getByLabel(/^nouveau mot de passe$/i).fill(NEW_PASSWORD);
  await page.getByLabel(/^confirmez le nouveau mot de passe$/i).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: /changer le mot de passe/i }).click();
  const current = page.getByLabel(/^mot de passe actuel$/i);
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Le mot de passe actuel est incorrect.")).toBeVisible();
  await expectAccessible(page);

  await current.fill(PASSWORD);
  await page.getByLabel(/^nouveau mot de passe$/i).fill(NEW_PASSWORD);
  await page.getByLabel(/^confirmez le nouveau mot de passe$/i).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: /changer le mot de passe/i }).click();
  await expect(page.getByText(/votre mot de passe a été modifié/i)).toBeVisible();

  // The other session ended; this one stays.
  await otherPage.goto(`${portalUrl}/`);
  await expect(otherPage).toHaveURL(/\/login/);
  await otherDevice.close();

  await signOut(page);
  await signIn(page, portalUrl, email, PASSWORD);
  await expect(page.getByRole("alert").first()).toContainText(/incorrect/i);
  await signIn(page, portalUrl, email, NEW_PASSWORD);
  await expect(page).toHaveURL(`${portalUrl}/`);
  await context.close();
});

test("optional e-mails can be turned off, mandatory ones cannot", async ({ browser }) => {
  const { context, page } = await newColleague(browser, { adminEmail: "admin@hotelduport.example", domain: "hotelduport.example", password: PASSWORD });
  await page.goto(`${portalUrl}/profile`);

  const resolution = page.getByRole("checkbox", { name: /décision de résolution/i });
  await expect(resolution).toBeChecked();
  await expect(resolution).toBeDisabled();
  await expect(page.getByText(/ces e-mails sont toujours envoyés/i)).toBeVisible();
  await expect(resolution).toHaveAccessibleDescription(/toujours envoyés/i);

  const reminders = page.getByRole("checkbox", { name: /^rappels \(/i });
  await expect(reminders).toBeChecked();
  await reminders.uncheck();
  await page.getByRole("button", { name: /enregistrer mes préférences/i }).click();
  await expect(page.getByText(/vos préférences d'e-mails ont été enregistrées/i)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /^rappels \(/i })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /nouvelle réponse/i })).toBeChecked();
  await expectAccessible(page);

  // Even a hand-made request cannot turn a mandatory e-mail off.
  const forged = await page.request.post(`${portalUrl}/profile`, {
    form: { intent: "emails", resolution: "false", reminder: "on" },
    headers: { Origin: portalUrl },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(400);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /décision de résolution/i })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^rappels \(/i })).not.toBeChecked();
  await context.close();
});
