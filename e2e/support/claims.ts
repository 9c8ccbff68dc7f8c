import { expect, type Browser, type Page } from "@playwright/test";
import { portalUrl, signIn } from "./fixtures";

/**
 * Files a quality claim through the portal form, as the customer would, and returns its reference.
 * Each spec files its own case, so specs running side by side never act on the same one.
 */
export async function fileClaimInPortal(browser: Browser, options: { email?: string; title: string; description?: string }): Promise<string> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  try {
    await signIn(page, portalUrl, options.email ?? "achats@martin.example");
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto(`${portalUrl}/claims/new`);
    // The type's own fields appear once the page is interactive: choose again until they do (a choice
    // made before hydration is lost).
    await expect(async () => {
      await page.getByLabel("Type de problème").selectOption("other");
      await page.getByLabel("Type de problème").selectOption("quality");
      await expect(page.getByLabel("Produit concerné")).toBeVisible({ timeout: 2_000 });
    }, "the quality claim's own fields").toPass({ timeout: 60_000 });
    await page.getByLabel("Objet").fill(options.title);
    await page.getByLabel("Description").fill(options.description ?? "Deux sacs de sucre ont pris l'humidité pendant le transport.");
    await page.getByLabel("Produit concerné").fill("Sucre semoule — sac de 25 kg");
    await page.getByLabel("Numéro de lot").fill("S-7710");
    const invoice = page.locator('details[data-invoice="FA-2026-10702"]');
    if ((await invoice.getAttribute("open")) === null) await invoice.locator("summary").click();
    await page.getByLabel("Quantité contestée, ligne 2 : Sucre semoule — sac de 25 kg").fill("2");
    await page.getByLabel("Un avoir").check();
    await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
    await page.getByRole("region", { name: "Vérifiez votre réclamation" }).getByRole("button", { name: "Envoyer la réclamation" }).click();
    await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}\/submitted$/);
    return (await page.getByTestId("claim-reference").textContent())!.trim();
  } finally {
    await context.close();
  }
}

/** A page of its own (own cookies) signed in to `baseUrl`. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await expect(page).not.toHaveURL(/\/login/);
  return { page, close: () => context.close() };
}
