import { expect, test } from "@playwright/test";
import { backofficeUrl, expectAccessible, portalUrl, signIn, signOut } from "../support/fixtures";

test.describe("sign-in on both apps", () => {
  test("a customer admin signs in to the portal, sees the company and its invoices, and signs out", async ({ page }) => {
    await page.goto(`${portalUrl}/`);
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page);
    await signIn(page, portalUrl, "admin@martin.example");
    await expect(page.getByText("Boulangeries Martin SAS").first()).toBeVisible();
    // The invoices table (the open cases above it may name the same invoices: other specs file claims).
    const invoices = page.getByRole("table", { name: "Factures de Boulangeries Martin SAS" });
    await expect(invoices.getByRole("cell", { name: "FA-2026-10412", exact: true })).toBeVisible();
    await expect(invoices.getByRole("cell", { name: "FA-2026-10588", exact: true })).toBeVisible();
    // Another company's invoices never show.
    await expect(page.getByText("FA-2026-10633")).toHaveCount(0);
    await expectAccessible(page);
    await signOut(page);
    await page.goto(`${portalUrl}/`);
    await expect(page).toHaveURL(/\/login/);
  });

  test("an agent signs in to the back-office, sees the case queue, and signs out", async ({ page }) => {
    await signIn(page, backofficeUrl, "agent@accord.example");
    await expect(page.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();
    // Whatever other specs assigned meanwhile, the agent lands on the queue with its scopes.
    await expect(page.getByRole("link", { name: "Tous les dossiers" })).toBeVisible();
    await expectAccessible(page);
    await signOut(page);
  });

  test("a wrong password and an unknown e-mail get the same message, next to the form", async ({ page }) => {
    await signIn(page, portalUrl, "admin@martin.example", "not-the-password");
    const wrongPassword = await page.getByRole("alert").first().innerText();
    expect(wrongPassword).toMatch(/incorrect/i);
    await expect(page.getByLabel(/e-mail/i)).toHaveValue("admin@martin.example");
    await signIn(page, portalUrl, "nobody@nowhere.example", "whatever-password");
    await expect(page.getByRole("alert").first()).toHaveText(wrongPassword);
  });

  test("a customer's credentials are refused by the back-office, and staff's by the portal", async ({ page }) => {
    await signIn(page, backofficeUrl, "admin@martin.example");
    await expect(page.getByRole("alert").first()).toContainText(/incorrect/i);
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, portalUrl, "agent@accord.example");
    await expect(page.getByRole("alert").first()).toContainText(/incorrect/i);
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty fields get a translated error next to each field", async ({ page }) => {
    await page.goto(`${portalUrl}/login`);
    // Bypass the browser's own required-field check so the server's validation answers.
    await page.locator("form").first().evaluate((form) => form.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: /se connecter/i }).click();
    await expect(page.getByLabel(/e-mail/i)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(/mot de passe/i)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/obligatoire/i).first()).toBeVisible();
  });
});
