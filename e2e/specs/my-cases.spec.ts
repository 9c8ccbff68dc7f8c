import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, portalUrl, signIn } from "../support/fixtures";

/** Signs in and waits for the sign-in to land (before going anywhere else). */
async function signInAs(page: Page, baseUrl: string, email: string) {
  await signIn(page, baseUrl, email);
  await expect(page).not.toHaveURL(/\/login/);
}


/** The demo data (packages/core/src/seed/demo-data.ts): two Boulangeries Martin claims, one Hôtel du Port claim. */
const FLOUR = "Farine T55 humide, sacs moisis"; // quality, filed by achats@martin.example, invoice FA-2026-10702
const PEELS = "Deux pelles d'enfournement manquantes"; // delivery, filed by admin@martin.example, invoice FA-2026-10588
const TOWELS = "Prix des serviettes différent du devis"; // price, Hôtel du Port

async function openMyCases(page: Page) {
  await page.getByRole("link", { name: "Mes dossiers", exact: true }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mes dossiers" })).toBeVisible();
}

const rowOf = (page: Page, title: string) => page.getByRole("row").filter({ hasText: title });

async function clearFilters(page: Page) {
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("");
}

async function filter(page: Page, values: { q?: string; status?: string; type?: string; from?: string; to?: string }) {
  if (values.q !== undefined) await page.getByLabel("Référence ou n° de facture").fill(values.q);
  if (values.status !== undefined) await page.getByLabel("Statut", { exact: true }).selectOption({ label: values.status });
  if (values.type !== undefined) await page.getByLabel("Type", { exact: true }).selectOption({ label: values.type });
  if (values.from !== undefined) await page.getByLabel("Reçu à partir du").fill(values.from);
  if (values.to !== undefined) await page.getByLabel("Reçu jusqu'au").fill(values.to);
  await page.getByRole("button", { name: "Filtrer" }).click();
}

test("an admin lists the company's cases, filters them by type and status, and searches by reference and by invoice number", async ({ page }) => {
  await signInAs(page, portalUrl, "admin@martin.example");
  await openMyCases(page);
  await expect(rowOf(page, FLOUR)).toBeVisible();
  await expect(rowOf(page, PEELS)).toBeVisible();
  await expect(page.getByText(TOWELS)).toHaveCount(0);
  await expectAccessible(page);

  // By type: a GET form, so the filters are in the address.
  await filter(page, { type: "Livraison" });
  await expect(page).toHaveURL(/type=delivery/);
  await expect(rowOf(page, PEELS)).toBeVisible();
  await expect(page.getByText(FLOUR)).toHaveCount(0);
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("delivery");

  await clearFilters(page);
  await filter(page, { status: "En cours", type: "Qualité" });
  await expect(rowOf(page, FLOUR)).toBeVisible();
  await expect(page.getByText(PEELS)).toHaveCount(0);

  // By reference: the one of the flour claim, as the list shows it.
  await clearFilters(page);
  const reference = (await rowOf(page, FLOUR).getByRole("link").first().textContent())!.trim();
  expect(reference).toMatch(/^LIT-\d{4}-\d{6}$/);
  await filter(page, { q: reference });
  await expect(page.getByRole("rowheader", { name: reference })).toBeVisible();
  await expect(page.getByText(PEELS)).toHaveCount(0);

  // By invoice number (lower case works too).
  await filter(page, { q: "fa-2026-10588" });
  await expect(rowOf(page, PEELS)).toBeVisible();
  await expect(page.getByText(FLOUR)).toHaveCount(0);

  // Nothing matches: an empty state, not an empty table.
  await filter(page, { q: "FA-1999-0000" });
  await expect(page.getByText("Aucun dossier ne correspond à ces critères.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page);

  // A period that ends before it starts is refused next to its field, the other filters kept.
  await clearFilters(page);
  await filter(page, { q: "FA", from: "2026-12-31", to: "2026-01-01" });
  await expect(page.getByLabel("Reçu jusqu'au")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("La date de fin doit suivre la date de début.")).toBeVisible();
  await expect(page.getByLabel("Référence ou n° de facture")).toHaveValue("FA");
  await expectAccessible(page);

  // The case opens from the list.
  await clearFilters(page);
  await rowOf(page, PEELS).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: PEELS })).toBeVisible();
});

test("a member sees only the cases they filed, not a colleague's", async ({ page }) => {
  await signInAs(page, portalUrl, "achats@martin.example");
  await openMyCases(page);
  await expect(rowOf(page, FLOUR)).toBeVisible();
  await expect(page.getByText(PEELS)).toHaveCount(0);
});

test("another company sees its own cases only; the dashboard lists the open cases", async ({ page }) => {
  await signInAs(page, portalUrl, "admin@hotelduport.example");
  await expect(page.getByRole("heading", { name: "Mes dossiers en cours" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: TOWELS })).toBeVisible();
  await openMyCases(page);
  const towels = rowOf(page, TOWELS);
  await expect(towels).toBeVisible();
  await expect(towels).toContainText("Reçu");
  await expect(towels).toContainText("Notre équipe qualifie votre réclamation.");
  await expect(towels).toContainText("Attendu de : À notre équipe");
  await expect(page.getByText(FLOUR)).toHaveCount(0);
  await expect(page.getByText(PEELS)).toHaveCount(0);
  // Searching another company's invoice number finds nothing.
  await filter(page, { q: "FA-2026-10588" });
  await expect(page.getByText("Aucun dossier ne correspond à ces critères.")).toBeVisible();

  // In English, every string is translated (no catalogue key shows through).
  await page.goto(`${portalUrl}/cases?lng=en`);
  await expect(page.getByRole("heading", { level: 1, name: "My cases" })).toBeVisible();
  const row = rowOf(page, TOWELS);
  await expect(row).toContainText("Received");
  await expect(row).toContainText("Our team is qualifying your claim.");
  await expect(page.locator("main")).not.toContainText(/\bcases?\.[a-z]/);
  await row.getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Our commitment" })).toContainText(/First response within \d+([.,]\d+)? business (days?|hours?)/);
  await expect(page.locator("main")).not.toContainText(/\bcases?\.[a-z]/);
  await expectAccessible(page);
});
