import { expect, test, type Page } from "@playwright/test";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The row of a table whose row header is `name`. */
const rowOf = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

test("a company's admin creates an API key shown once, then revokes it after confirming; a member sees no key", async ({ page, browser }) => {
  await signIn(page, portalUrl, "admin@martin.example");
  await expect(page).toHaveURL(`${portalUrl}/`);
  await page.getByRole("link", { name: /mon entreprise/i }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Clés d'API" })).toBeVisible();

  const name = `ERP ${unique()}`;
  await page.getByLabel("Nom de la clé").fill(name);
  await page.getByRole("button", { name: "Créer la clé" }).click();

  const shown = page.getByTestId("shown-key");
  await expect(shown.getByRole("heading", { name: `Votre nouvelle clé « ${name} »` })).toBeVisible();
  await expect(shown.getByText(/elle ne sera plus jamais affichée/i)).toBeVisible();
  await expect(shown.getByRole("button", { name: "Copier la clé" })).toBeVisible();
  // What the user copies: the field holds the whole key.
  const key = await shown.getByLabel("Clé", { exact: true }).inputValue();
  expect(key).toMatch(/^accord_live_[a-z2-7]{32}$/);
  const row = rowOf(page, name);
  await expect(row).toContainText(`${key.slice(0, 16)}…`);
  await expect(row).toContainText("jamais utilisée");
  await expect(row).toContainText("Paul Martin");
  await expectAccessible(page);

  // Reloaded, the page lists the key by its first characters only: the key itself is gone for good.
  await page.reload();
  await expect(rowOf(page, name)).toContainText(`${key.slice(0, 16)}…`);
  await expect(page.getByTestId("shown-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  // Revocation asks first; cancelling keeps the key.
  await page.getByRole("button", { name: `Révoquer la clé ${name}` }).click();
  await expect(page.getByRole("heading", { name: `Révoquer la clé « ${name} » ?` })).toBeVisible();
  await page.getByRole("link", { name: "Annuler" }).click();
  await expect(page.getByRole("heading", { name: `Révoquer la clé « ${name} » ?` })).toHaveCount(0);
  await expect(rowOf(page, name)).toContainText("Active");

  await page.getByRole("button", { name: `Révoquer la clé ${name}` }).click();
  await page.getByRole("button", { name: "Révoquer la clé", exact: true }).click();
  await expect(page.getByText("La clé a été révoquée.")).toBeVisible();
  const revoked = rowOf(page, name);
  await expect(revoked).toContainText(/Révoquée le \d{1,2} \S+ \d{4}/);
  await expect(revoked.locator(".muted").first()).toBeVisible();
  await expect(page.getByRole("button", { name: `Révoquer la clé ${name}` })).toHaveCount(0);

  // The company's reason codes: its own RQ-01 and, read-only, the administration's.
  const codes = page.locator("#reason-codes");
  await expect(codes.getByRole("rowheader", { name: "RQ-01" })).toBeVisible();
  await expect(codes.getByRole("table", { name: "Codes motif de l'administration" }).getByRole("rowheader", { name: "QUAL" })).toBeVisible();

  // A member of the company sees neither keys nor reason codes.
  const context = await browser.newContext({ locale: "fr-FR" });
  const member = await context.newPage();
  await signIn(member, portalUrl, "achats@martin.example");
  await expect(member).toHaveURL(`${portalUrl}/`);
  await member.goto(`${portalUrl}/company`);
  await expect(member.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(member.getByRole("heading", { name: "Clés d'API" })).toHaveCount(0);
  await expect(member.getByRole("heading", { name: "Codes motif" })).toHaveCount(0);
  await context.close();
});

test("without JavaScript, the key is shown once and the revocation still asks first", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, portalUrl, "admin@martin.example");
  await expect(page).toHaveURL(`${portalUrl}/`);
  await page.goto(`${portalUrl}/company`);
  const name = `Sans JS ${unique()}`;
  await page.getByLabel("Nom de la clé").fill(name);
  await page.getByRole("button", { name: "Créer la clé" }).click();
  const key = await page.getByTestId("shown-key").getByLabel("Clé", { exact: true }).inputValue();
  expect(key).toMatch(/^accord_live_[a-z2-7]{32}$/);
  await page.goto(`${portalUrl}/company`);
  await expect(page.getByTestId("shown-key")).toHaveCount(0);
  await page.getByRole("button", { name: `Révoquer la clé ${name}` }).click();
  await page.getByRole("button", { name: "Révoquer la clé", exact: true }).click();
  await expect(page.getByText("La clé a été révoquée.")).toBeVisible();
  await expect(rowOf(page, name)).toContainText("Révoquée le");
  // An empty name is refused beside the field.
  await page.getByRole("button", { name: "Créer la clé" }).click();
  await expect(page.getByLabel("Nom de la clé")).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("a company's admin maps a reason code; a duplicate is refused beside the field", async ({ page }) => {
  await signIn(page, portalUrl, "admin@martin.example");
  await expect(page).toHaveURL(`${portalUrl}/`);
  await page.goto(`${portalUrl}/company`);
  const codes = page.locator("#reason-codes");
  const code = `m-${unique()}`;
  await codes.getByLabel("Code", { exact: true }).fill(code);
  await codes.getByLabel("Type de réclamation").selectOption("delivery");
  await codes.getByLabel("Libellé").fill("Colis abîmé");
  await codes.getByRole("button", { name: "Ajouter le code" }).click();
  await expect(page.getByText("Le code motif a été ajouté.")).toBeVisible();
  await expect(rowOf(page, code.toUpperCase())).toContainText("Colis abîmé");

  await codes.getByLabel("Code", { exact: true }).fill(` ${code} `);
  await codes.getByLabel("Type de réclamation").selectOption("quality");
  await codes.getByRole("button", { name: "Ajouter le code" }).click();
  await expect(codes.getByLabel("Code", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(codes.getByText(/ce code est déjà défini/i)).toBeVisible();

  // Changed, then deleted.
  await page.getByRole("link", { name: `Modifier le code ${code.toUpperCase()}` }).click();
  const edit = page.locator("#reason-code-edit");
  await edit.getByLabel("Libellé").fill("Colis écrasé");
  await edit.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Le code motif a été modifié.")).toBeVisible();
  await expect(rowOf(page, code.toUpperCase())).toContainText("Colis écrasé");
  await page.getByRole("button", { name: `Supprimer le code ${code.toUpperCase()}` }).click();
  await expect(page.getByText("Le code motif a été supprimé.")).toBeVisible();
  await expect(rowOf(page, code.toUpperCase())).toHaveCount(0);
});

test("a staff admin creates an integration key shown once and maps a reason code for an account, which its admin then sees in the portal", async ({ page, browser }) => {
  await signIn(page, backofficeUrl, "admin@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/admin`);
  await page.getByRole("link", { name: "Clés d'intégration" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clés d'intégration" })).toBeVisible();

  const name = `Import ERP ${unique()}`;
  await page.getByLabel("Nom de la clé").fill(name);
  await page.getByRole("button", { name: "Créer la clé" }).click();
  const key = await page.getByTestId("shown-key").getByLabel("Clé", { exact: true }).inputValue();
  expect(key).toMatch(/^accord_int_[a-z2-7]{32}$/);
  await expect(rowOf(page, name)).toContainText("Imports");
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByTestId("shown-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  // The administration's mapping has its page too.
  await page.getByRole("link", { name: "Codes motif" }).click();
  await expect(page.getByRole("rowheader", { name: "QUAL" })).toBeVisible();

  // On Hôtel du Port's page: a reason code for that account only.
  await page.goto(`${backofficeUrl}/admin/accounts`);
  await page.getByRole("link", { name: "Hôtel du Port SARL" }).click();
  const codes = page.locator("#reason-codes");
  const code = `HP-${unique()}`.toUpperCase();
  await codes.getByLabel("Code", { exact: true }).fill(code);
  await codes.getByLabel("Type de réclamation").selectOption("price_billing");
  await codes.getByLabel("Libellé").fill("Remise oubliée");
  await codes.getByRole("button", { name: "Ajouter le code" }).click();
  await expect(page.getByText("Le code motif a été ajouté.")).toBeVisible();
  await expect(page.locator("#reason-codes").getByRole("rowheader", { name: code })).toBeVisible();

  // Staff create a key for the account, choosing the contact it acts as.
  const keyName = `Clé staff ${unique()}`;
  const keys = page.locator("#api-keys");
  await keys.getByLabel("Nom de la clé").fill(keyName);
  await keys.getByRole("button", { name: "Créer la clé" }).click();
  await expect(keys.getByText("Choisissez l'utilisateur au nom duquel la clé agira.")).toBeVisible();
  await keys.getByLabel("Agit au nom de").selectOption({ label: "Isabelle Le Goff" });
  await keys.getByRole("button", { name: "Créer la clé" }).click();
  await expect(page.getByTestId("shown-key").getByLabel("Clé", { exact: true })).toHaveValue(/^accord_live_/);
  await expect(rowOf(page, keyName)).toContainText("Isabelle Le Goff");

  // Hôtel du Port's admin sees the code in Mon entreprise; Martin's admin does not.
  const context = await browser.newContext({ locale: "fr-FR" });
  const customer = await context.newPage();
  await signIn(customer, portalUrl, "admin@hotelduport.example");
  await expect(customer).toHaveURL(`${portalUrl}/`);
  await customer.goto(`${portalUrl}/company`);
  await expect(customer.locator("#reason-codes").getByRole("rowheader", { name: code })).toContainText(code);
  await expect(rowOf(customer, keyName)).toContainText("Isabelle Le Goff");
  await context.close();
});
