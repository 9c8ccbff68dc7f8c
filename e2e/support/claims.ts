import { expect, type Browser, type Page } from "@playwright/test";
import { backofficeUrl, portalUrl, signIn } from "./fixtures";

/** Line 2 of Boulangeries Martin's invoice FA-2026-10702: sugar. */
export const SUGAR_LINE = { invoice: "FA-2026-10702", line: 2, product: "Sucre semoule — sac de 25 kg" };

/**
 * The fields of a quality claim on one invoice line, asking for a credit note (the portal's claim form and the
 * back-office's "open on behalf" form): its title, description, product, lot, the contested quantity of the line.
 */
export async function fillQualityClaim(
  page: Page,
  claim: { title: string; description: string; invoice: string; line: number; product: string; lotNumber?: string; quantity: string },
): Promise<void> {
  await page.getByLabel("Objet").fill(claim.title);
  await page.getByLabel("Description").fill(claim.description);
  await page.getByLabel("Produit concerné").fill(claim.product);
  if (claim.lotNumber) await page.getByLabel("Numéro de lot").fill(claim.lotNumber);
  const invoice = page.locator(`details[data-invoice="${claim.invoice}"]`);
  if ((await invoice.getAttribute("open")) === null) await invoice.locator("summary").click();
  await page.getByLabel(`Quantité contestée, ligne ${claim.line} : ${claim.product}`).fill(claim.quantity);
  await page.getByLabel("Un avoir").check();
}

/** Signs `page` in as the demo agent, opens the case, qualifies it as proposed and starts its investigation. */
export async function startInvestigationAsAgent(page: Page, reference: string): Promise<void> {
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await page.getByRole("button", { name: "Qualifier le dossier" }).click();
  await expect(page.getByText("Qualification enregistrée.")).toBeVisible();
  await page.getByRole("button", { name: "Démarrer l'instruction" }).click();
  await expect(page.getByText("Instruction démarrée.")).toBeVisible();
}

/**
 * Files a quality claim through the portal form, as the customer would, and returns its reference.
 * Each spec files its own case, so specs running side by side never act on the same one.
 */
export async function fileClaimInPortal(
  browser: Browser,
  options: { email?: string; password?: string; title: string; description?: string; line?: typeof SUGAR_LINE; lotNumber?: string },
): Promise<string> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  try {
    await signIn(page, portalUrl, options.email ?? "achats@martin.example", options.password);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto(`${portalUrl}/claims/new`);
    // The type's own fields appear once the page is interactive: choose again until they do (a choice
    // made before hydration is lost).
    await expect(async () => {
      await page.getByLabel("Type de problème").selectOption("other");
      await page.getByLabel("Type de problème").selectOption("quality");
      await expect(page.getByLabel("Produit concerné")).toBeVisible({ timeout: 2_000 });
    }, "the quality claim's own fields").toPass({ timeout: 60_000 });
    await fillQualityClaim(page, {
      title: options.title,
      description: options.description ?? "Deux sacs de sucre ont pris l'humidité pendant le transport.",
      ...(options.line ?? SUGAR_LINE),
      lotNumber: options.lotNumber ?? "S-7710",
      quantity: "2",
    });
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
