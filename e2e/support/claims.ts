import { expect, type Browser, type Page } from "@playwright/test";
import { backofficeUrl, portalUrl, signIn } from "./fixtures";
import { signIn as signInOverHttp } from "./stack";

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
 * Files a quality claim with the portal's own form, as the customer's browser would post it, and returns its
 * reference: for the journeys that need a case to work on and do not test the form (claim-filing.spec does,
 * in Chromium). It signs in through POST /login, reads the form (GET /claims/new: the invoice lines' ids and
 * the one-time submission key), and posts it with `intent=submit`, so the case, its acknowledgement e-mail
 * and its channel (the portal) are those of a claim filed in the browser, without a browser context and its
 * three page loads. Each spec files its own case, so specs running side by side never act on the same one.
 */
export async function fileClaimInPortal(options: { email?: string; password?: string; title: string; description?: string; line?: typeof SUGAR_LINE; lotNumber?: string },
): Promise<string> {
  const line = options.line ?? SUGAR_LINE;
  const cookie = await signInOverHttp(portalUrl, options.email ?? "achats@martin.example", options.password);
  const formPage = await fetch(`${portalUrl}/claims/new`, { headers: { cookie } });
  const html = await formPage.text();
  expect(formPage.status, "GET /claims/new").toBe(200);
  // The lines of every invoice, in the form's order; the contested one is found by its invoice and description.
  const section = html.split(/<details\b/).find((part) => part.includes(`data-invoice="${line.invoice}"`));
  if (!section) throw new Error(`invoice ${line.invoice} is not on the claim form of ${options.email ?? "achats@martin.example"}`);
  const row = section.split(/<tr\b/).find((part) => part.includes(`>${escapeHtml(line.product)}<`));
  const contested = row?.match(/name="lines\[(\d+)\]\.invoiceLineId"/)?.[1];
  if (contested === undefined) throw new Error(`no line « ${line.product} » on invoice ${line.invoice}`);
  const submissionKey = html.match(/name="submissionKey" value="([^"]+)"/)?.[1];
  if (!submissionKey) throw new Error("no submission key on the claim form");
  const fields = new URLSearchParams({
    type: "quality",
    title: options.title,
    description: options.description ?? "Deux sacs de sucre ont pris l'humidité pendant le transport.",
    "quality.product": line.product,
    "quality.lotNumber": options.lotNumber ?? "S-7710",
    desiredOutcome: "credit_note",
    submissionKey,
    intent: "submit",
  });
  for (const [, index, id] of html.matchAll(/name="lines\[(\d+)\]\.invoiceLineId" value="([^"]+)"/g)) {
    fields.append(`lines[${index}].invoiceLineId`, id!);
    fields.append(`lines[${index}].contestedQuantity`, index === contested ? "2" : "");
  }
  const response = await fetch(`${portalUrl}/claims/new`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: portalUrl, "content-type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
  });
  const location = response.headers.get("location") ?? "";
  const reference = location.match(/\/cases\/(LIT-\d{4}-\d{6})\/submitted$/)?.[1];
  if (!reference) throw new Error(`the claim form answered ${response.status} ${location}: ${(await response.text()).slice(0, 500)}`);
  return reference;
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

/** A page of its own (own cookies) signed in to `baseUrl`. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await expect(page).not.toHaveURL(/\/login/);
  return { page, close: () => context.close() };
}
