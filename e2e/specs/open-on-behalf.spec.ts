import { expect, test } from "@playwright/test";
import { backofficeUrl, expectAccessible, signIn } from "../support/fixtures";
import { waitForEmail } from "../support/mailbox";

test.setTimeout(120_000);

test("an agent opens a case on behalf of a customer who calls; the contact gets the acknowledgement", async ({ page }) => {
  const startedAt = Date.now() - 1000;
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Ouvrir un dossier pour un client" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Compte client").selectOption({ label: "Boulangeries Martin SAS" });
  await page.getByRole("button", { name: "Choisir ce compte" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Réclamation pour Boulangeries Martin SAS" })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: the errors are next to their fields, what was typed stays.
  await page.getByLabel("Objet").fill("Sucre livré humide (appel du client)");
  await page.getByRole("button", { name: "Ouvrir le dossier" }).click();
  await expect(page.getByLabel("Contact client (il suivra le dossier)")).toHaveAccessibleDescription("Choisissez le contact client.");
  await expect(page.getByLabel("Description")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Objet")).toHaveValue("Sucre livré humide (appel du client)");

  await page.getByLabel("Contact client (il suivra le dossier)").selectOption({ label: "Léa Roux — achats@martin.example" });
  await page.getByLabel("Type de problème").selectOption("quality");
  await page.getByLabel("Description").fill("La cliente signale par téléphone deux sacs de sucre humides.");
  await page.getByLabel("Solution souhaitée", { exact: true }).selectOption("credit_note");
  await page.getByLabel("Qualité — produit concerné").fill("Sucre semoule — sac de 25 kg");
  await page.getByLabel("Quantité contestée, Sucre semoule — sac de 25 kg (FA-2026-10702)").fill("2");
  await page.getByRole("button", { name: "Ouvrir le dossier" }).click();

  await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}$/);
  const reference = page.url().split("/").at(-1)!;
  await expect(page.getByText("Dossier ouvert pour le client ; il reçoit l'accusé de réception.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Reçu");
  await expect(page.getByText("Canal : Téléphone")).toBeVisible();
  await expect(page.getByRole("region", { name: "Client", exact: true })).toContainText("Léa Roux");
  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`Réclamation reçue : dossier ${reference}`), after: startedAt });
  expect(email.text).toContain("Sucre semoule — sac de 25 kg");
  await expectAccessible(page);
});

test("a role that does not open cases does not see the page", async ({ page }) => {
  await signIn(page, backofficeUrl, "finance@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  const response = await page.goto(`${backofficeUrl}/cases/new`);
  expect(response?.status()).toBe(404);
});
