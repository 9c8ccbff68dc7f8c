import { expect, test } from "@playwright/test";
import { fillQualityClaim, signedInPage, SUGAR_LINE } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { readMailbox, waitForEmail } from "../support/mailbox";

const PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");

test.setTimeout(120_000);

test("an agent opens a case on behalf of a customer who calls, checks it, attaches a file; the contact gets the acknowledgement and sees the file", async ({ page, browser }) => {
  const startedAt = Date.now() - 1000;
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  // From the queue's header.
  await page.goto(`${backofficeUrl}/`);
  await page.getByRole("link", { name: "Nouveau dossier" }).click();
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ouvrir un dossier pour un client" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Compte client").selectOption({ label: "Boulangeries Martin SAS" });
  await page.getByRole("button", { name: "Choisir ce compte" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Réclamation pour Boulangeries Martin SAS" })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: the errors are next to their fields, what was typed stays.
  await page.getByLabel("Objet").fill("Sucre livré humide (appel du client)");
  await page.getByRole("button", { name: "Vérifier la réclamation" }).click();
  await expect(page.getByText("La réclamation n'est pas encore complète")).toBeVisible();
  await expect(page.getByLabel("Contact client (il suivra le dossier)")).toHaveAccessibleDescription("Choisissez le contact client.");
  await expect(page.getByLabel("Description")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Objet")).toHaveValue("Sucre livré humide (appel du client)");
  await expectAccessible(page);

  // The portal's fields: the type's own questions, the invoice lines, the outcome.
  await page.getByLabel("Contact client (il suivra le dossier)").selectOption({ label: "Léa Roux — achats@martin.example" });
  await page.getByLabel("Type de problème").selectOption("delivery");
  await expect(page.getByLabel("Produit concerné")).toBeHidden();
  await page.getByLabel("Description").fill("La cliente signale par téléphone deux sacs de sucre humides à la livraison.");
  await page.getByLabel("Numéro du bon de livraison").fill("BL-2026-5521");
  await page.getByLabel("Date de réception").fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Non, signé sans réserve").check();
  const invoice = page.locator('details[data-invoice="FA-2026-10702"]');
  if ((await invoice.getAttribute("open")) === null) await invoice.locator("summary").click();
  await page.getByLabel("Quantité contestée, ligne 2 : Sucre semoule — sac de 25 kg").fill("2");
  await page.getByLabel("Un avoir").check();
  // The file the customer sent by e-mail during the call, uploaded at once (the back-office's /uploads).
  await page.getByLabel("Pièces justificatives", { exact: true }).setInputFiles({ name: "photo-appel-client.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByRole("status").filter({ hasText: "photo-appel-client.pdf est prêt." })).toBeAttached();
  await expect(page.locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);

  // The check step: the amounts per line and in total, the warnings, nothing written yet; then open the case.
  await page.getByRole("button", { name: "Vérifier la réclamation" }).click();
  const review = page.getByRole("region", { name: "Vérifiez la réclamation" });
  await expect(review.getByRole("row", { name: /Sucre semoule — sac de 25 kg/ })).toContainText("FA-2026-10702");
  await expect(review.getByTestId("claim-review-totals")).toContainText("Montant réclamé TTC");
  await expect(review.getByText("Le bon de livraison a été signé sans réserve")).toBeVisible();
  await expect(review.getByText("Ils ne bloquent pas la réclamation")).toBeVisible();
  await expect(review.getByText("1 pièce jointe")).toBeVisible();
  await expectAccessible(page);
  await review.getByRole("button", { name: "Ouvrir le dossier" }).click();

  await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}$/);
  const reference = page.url().split("/").at(-1)!;
  await expect(page.getByText("Dossier ouvert pour le client ; il reçoit l'accusé de réception.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Reçu");
  await expect(page.getByText("Canal : Téléphone")).toBeVisible();
  await expect(page.getByRole("region", { name: "Client", exact: true })).toContainText("Léa Roux");
  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`Réclamation reçue : dossier ${reference}`), after: startedAt });
  expect(email.text).toContain("Sucre semoule — sac de 25 kg");
  // Exactly the e-mails expected (issue 14): the acknowledgement to the contact, nothing else about the case.
  expect((await readMailbox()).filter((m) => m.subject.includes(reference)).map((m) => m.to)).toEqual([["achats@martin.example"]]);
  await expect(page.getByText("photo-appel-client.pdf").first()).toBeVisible();
  await expectAccessible(page);

  // The customer finds the agent's file on the case page of the portal.
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  try {
    await customer.page.goto(`${portalUrl}/cases/${reference}`);
    await expect(customer.page.getByRole("link", { name: "Télécharger photo-appel-client.pdf" }).first()).toBeVisible();
    await expect(customer.page.getByRole("definition").filter({ hasText: /^Téléphone$/ })).toBeVisible();
    await expectAccessible(customer.page);
  } finally {
    await customer.close();
  }

  // A second call about the same line: the check step names the open case, and does not block.
  await page.goto(`${backofficeUrl}/cases/new`);
  await page.getByLabel("Compte client").selectOption({ label: "Boulangeries Martin SAS" });
  await page.getByRole("button", { name: "Choisir ce compte" }).click();
  await page.getByLabel("Contact client (il suivra le dossier)").selectOption({ label: "Léa Roux — achats@martin.example" });
  await page.getByLabel("Type de problème").selectOption("quality");
  await fillQualityClaim(page, { title: "Sucre humide, deuxième appel", description: "La cliente rappelle au sujet des mêmes sacs.", ...SUGAR_LINE, quantity: "1" });
  await page.getByRole("button", { name: "Vérifier la réclamation" }).click();
  const second = page.getByRole("region", { name: "Vérifiez la réclamation" });
  await expect(second.getByText("Un dossier ouvert de ce client porte déjà sur ces lignes.")).toBeVisible();
  await expect(second.getByText(new RegExp(`Dossier ${reference} : facture FA-2026-10702, ligne 2`))).toBeVisible();
  await expect(second.getByRole("button", { name: "Ouvrir le dossier" })).toBeEnabled();
  await expectAccessible(page);
});

test("a role that does not open cases does not see the page", async ({ page }) => {
  await signIn(page, backofficeUrl, "finance@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  const response = await page.goto(`${backofficeUrl}/cases/new`);
  expect(response?.status()).toBe(404);
});
