import { expect, test, type Page } from "@playwright/test";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { readMailbox, waitForEmail } from "../support/mailbox";

/** A valid 1×1 PNG: the upload is checked by its content, not its name. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function signInAs(page: Page, email: string) {
  await signIn(page, portalUrl, email);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Opens an invoice of the picker (a <details>) if it is closed. */
async function openInvoice(page: Page, number: string) {
  const invoice = page.locator(`details[data-invoice="${number}"]`);
  if ((await invoice.getAttribute("open")) === null) await invoice.locator("summary").click();
  await expect(invoice).toHaveAttribute("open", "");
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test("a member files a claim on two lines of two invoices, checks it, sends it and gets the acknowledgement", async ({ page, browser }) => {
  const startedAt = Date.now();
  await signInAs(page, "achats@martin.example");
  await expectAccessible(page);
  // Offered on the dashboard and in the navigation of every page.
  await expect(page.locator("nav.app-nav").getByRole("link", { name: "Signaler un problème", exact: true })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Signaler un problème", exact: true }).click();
  await expect(page).toHaveURL(/\/claims\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Signaler un problème" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Type de problème").selectOption("quality");
  // Only the chosen type's fields show.
  await expect(page.getByLabel("Produit concerné")).toBeVisible();
  await expect(page.getByLabel("Numéro du bon de livraison")).toBeHidden();
  await page.getByLabel("Objet").fill("Farine et sucre non conformes");
  await page.getByLabel("Description").fill("Trois sacs de farine bio éventrés ; le sucre est facturé au-dessus du tarif convenu.");
  await page.getByLabel("Produit concerné").fill("Farine bio T80 — sac de 25 kg");
  await page.getByLabel("Numéro de lot").fill("L2026-0921");

  await openInvoice(page, "FA-2026-10412");
  await page.getByLabel("Quantité contestée, ligne 2 : Farine bio T80 — sac de 25 kg").fill("3");
  await openInvoice(page, "FA-2026-10702");
  await page.getByLabel("Prix unitaire juste hors taxes, ligne 2 : Sucre semoule — sac de 25 kg").fill("29,50");
  await expect(page.getByText(/Montant contesté estimé : 134,70\s€ HT/)).toBeVisible();
  await page.getByLabel("Un avoir").check();
  await page.getByLabel("Pièces justificatives", { exact: true }).setInputFiles({ name: "sac-eventre.png", mimeType: "image/png", buffer: PNG });
  // Staged at once (progress bar): the form then carries only its id.
  await expect(page.locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);

  await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
  const review = page.getByRole("region", { name: "Vérifiez votre réclamation" });
  await expect(review).toBeVisible();
  const totals = review.getByTestId("claim-review-totals");
  await expect(totals).toContainText(/Montant calculé d'après les lignes\s*134,70\s€/);
  await expect(totals).toContainText(/TVA\s*7,41\s€/);
  await expect(review.getByRole("row", { name: /FA-2026-10412/ })).toContainText(/74,70\s€/);
  await expect(review.getByRole("row", { name: /FA-2026-10702/ })).toContainText(/60,00\s€/);
  await expect(review.getByText("1 pièce jointe")).toBeVisible();
  // FA-2026-10412 was delivered more than 30 days ago: a warning, not a refusal.
  await expect(review.getByText(/Facture FA-2026-10412 : votre contrat prévoit une réclamation dans les 30 jours/)).toBeVisible();
  await expectAccessible(page);

  await review.getByRole("button", { name: "Envoyer la réclamation" }).click();
  await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}\/submitted$/);
  const reference = (await page.getByTestId("claim-reference").textContent())!.trim();
  expect(reference).toMatch(/^LIT-\d{4}-\d{6}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Merci, nous avons bien reçu votre réclamation" })).toBeVisible();
  await expect(page.getByTestId("claim-commitment")).toContainText("Première réponse sous 1 jour ouvré");
  await expect(page.getByTestId("claim-commitment")).toContainText("Résolution visée sous 10 jours ouvrés");
  await expect(page.getByText("Un accusé de réception vient d'être envoyé à achats@martin.example.")).toBeVisible();
  await expectAccessible(page);

  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(reference), after: startedAt });
  expect(email.subject).toBe(`Réclamation reçue : dossier ${reference}`);
  expect(email.text).toContain("première réponse sous 1 jour ouvré");
  expect(email.text).toContain("FA-2026-10412 — Farine bio T80 — sac de 25 kg");
  expect(email.text).toContain("FA-2026-10702 — Sucre semoule — sac de 25 kg");
  expect(email.text).toMatch(/Montant contesté : 134,70\s€ HT/);
  expect(email.text).toContain(`${portalUrl}/cases/${reference}`);
  // Exactly the e-mails expected (issue 14): one acknowledgement, to the filer, and nothing else about the case.
  expect((await readMailbox()).filter((m) => m.subject.includes(reference)).map((m) => m.to)).toEqual([["achats@martin.example"]]);

  // The channel, on the portal's case page and in the back-office.
  await page.goto(`${portalUrl}/cases/${reference}`);
  await expect(page.getByRole("definition").filter({ hasText: /^Portail$/ })).toBeVisible();
  const staff = await browser.newContext({ locale: "fr-FR" });
  const staffPage = await staff.newPage();
  await signIn(staffPage, backofficeUrl, "agent@accord.example");
  await expect(staffPage.getByRole("button", { name: /se déconnecter/i })).toBeVisible();
  await staffPage.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(staffPage.getByText("Canal : Portail")).toBeVisible();
  await staff.close();

  // Another company's user gets a 404 for this confirmation page: no hint that the case exists.
  const other = await browser.newContext({ locale: "fr-FR" });
  const otherPage = await other.newPage();
  await signInAs(otherPage, "admin@hotelduport.example");
  const response = await otherPage.goto(`${portalUrl}/cases/${reference}/submitted`);
  expect(response?.status()).toBe(404);
  await other.close();
});

test("invalid input is shown next to each field and the rest of the form is kept", async ({ page }) => {
  await signInAs(page, "achats@martin.example");
  await page.goto(`${portalUrl}/claims/new`);
  await page.getByLabel("Type de problème").selectOption("delivery");
  await page.getByLabel("Objet").fill("Livraison incomplète");
  await openInvoice(page, "FA-2026-10702");
  await page.getByLabel("Quantité contestée, ligne 1 : Farine de blé T55 — sac de 25 kg").fill("-2");
  await page.getByLabel("Prix unitaire juste hors taxes, ligne 2 : Sucre semoule — sac de 25 kg").fill("29,50");
  await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();

  await expect(page.getByText("Votre réclamation n'est pas encore complète")).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Numéro du bon de livraison")).toHaveAttribute("aria-invalid", "true");
  const quantity = page.getByLabel("Quantité contestée, ligne 1 : Farine de blé T55 — sac de 25 kg");
  await expect(quantity).toHaveAttribute("aria-invalid", "true");
  await expect(quantity).toHaveAccessibleDescription("Saisissez un nombre positif.");
  // A delivery claim asks for the missing or damaged quantity on each contested line.
  await expect(page.getByLabel("Quantité contestée, ligne 2 : Sucre semoule — sac de 25 kg")).toHaveAccessibleDescription(
    "Indiquez la quantité manquante ou abîmée.",
  );
  await expect(page.getByRole("group", { name: "Le bon de livraison a-t-il été signé avec réserves ?" })).toContainText(
    "Indiquez si le bon de livraison a été signé avec réserves.",
  );
  // What was typed stays.
  await expect(page.getByLabel("Objet")).toHaveValue("Livraison incomplète");
  await expect(page.getByLabel("Type de problème")).toHaveValue("delivery");
  await expect(quantity).toHaveValue("-2");
  await expect(page.getByLabel("Prix unitaire juste hors taxes, ligne 2 : Sucre semoule — sac de 25 kg")).toHaveValue("29,50");
  await expect(page.getByRole("region", { name: "Vérifiez votre réclamation" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a delivery note signed without reservation and an open case on the same line are shown before sending", async ({ page }) => {
  await signInAs(page, "admin@martin.example");
  // From the invoice on the home page: the form opens on that invoice.
  await page.getByRole("link", { name: "Signaler un problème sur la facture FA-2026-10588" }).click();
  await expect(page).toHaveURL(/\/claims\/new\?invoice=/);
  await expect(page.locator('details[data-invoice="FA-2026-10588"]')).toHaveAttribute("open", "");

  await page.getByLabel("Type de problème").selectOption("delivery");
  await page.getByLabel("Objet").fill("Pelle manquante");
  await page.getByLabel("Description").fill("Une pelle d'enfournement manquait dans le colis.");
  await page.getByLabel("Numéro du bon de livraison").fill("BL-55230");
  await page.getByLabel("Date de réception").fill(daysAgo(3));
  await page.getByLabel("Non, signé sans réserve").check();
  await page.getByLabel("Quantité contestée, ligne 2 : Pelles d'enfournement 1,80 m").fill("1");
  await page.getByLabel("Un remplacement").check();
  await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();

  const review = page.getByRole("region", { name: "Vérifiez votre réclamation" });
  await expect(review.getByText(/Le bon de livraison a été signé sans réserve/)).toBeVisible();
  // The demo data has an open delivery case on this line.
  await expect(review.getByText(/Dossier LIT-\d{4}-\d{6} : facture FA-2026-10588, ligne 2/)).toBeVisible();
  await expect(review.getByRole("button", { name: "Envoyer la réclamation" })).toBeEnabled();
  await expectAccessible(page);
});

test("a viewer cannot report a problem", async ({ page }) => {
  await signInAs(page, "compta@martin.example");
  await expect(page.getByRole("link", { name: /Signaler un problème/ })).toHaveCount(0);
  const response = await page.goto(`${portalUrl}/claims/new`);
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});

test("without JavaScript the form still files a claim, its file sent with the form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const page = await context.newPage();
  await signInAs(page, "admin@hotelduport.example");
  await page.goto(`${portalUrl}/claims/new`);
  // Every type's section is there; only the chosen one is validated.
  await expect(page.getByLabel("Numéro du bon de livraison")).toBeVisible();
  await page.getByLabel("Type de problème").selectOption("other");
  await page.getByLabel("Objet").fill("Serviettes tachées");
  await page.getByLabel("Description").fill("Dix serviettes présentent des taches.");
  await openInvoice(page, "FA-2026-10745");
  await page.getByLabel("Quantité contestée, ligne 2 : Serviettes de bain blanches").fill("10");
  await page.getByLabel("Un remboursement").check();
  await page.getByLabel("Pièces justificatives", { exact: true }).setInputFiles({ name: "taches.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();

  const review = page.getByRole("region", { name: "Vérifiez votre réclamation" });
  await expect(review.getByTestId("claim-review-totals")).toContainText(/125,00\s€/);
  await expect(review.getByText("1 pièce jointe")).toBeVisible();
  await review.getByRole("button", { name: "Envoyer la réclamation" }).click();
  await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}\/submitted$/);
  await expect(page.getByTestId("claim-commitment")).toContainText("Première réponse sous");
  const reference = (await page.getByTestId("claim-reference").textContent())!.trim();
  // The file sent with the first step is attached to the case.
  const email = await waitForEmail("admin@hotelduport.example", { subject: new RegExp(reference) });
  expect(email.text).toContain("1 pièce jointe");
  await context.close();
});

test("the claim form is in English for an English reader", async ({ page }) => {
  await signInAs(page, "achats@martin.example");
  await page.goto(`${portalUrl}/claims/new?lng=en`);
  await expect(page.getByRole("heading", { level: 1, name: "Report a problem" })).toBeVisible();
  await page.getByLabel("Type of problem").selectOption("price_billing");
  await expect(page.getByLabel("Reference of the contract, price list or quote")).toBeVisible();
  await page.getByRole("button", { name: "Check my claim" }).click();
  await expect(page.getByText("Enter a contested quantity or price on at least one invoice line.")).toBeVisible();
  await expect(page.getByLabel("Subject")).toHaveAccessibleDescription(/In a few words.*This field is required\./);
  await expectAccessible(page);
});
