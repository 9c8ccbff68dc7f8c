import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { backofficeUrl, expectAccessible, signIn } from "../support/fixtures";
import { pdfText } from "../support/pdf";

// Issue 15: a supervisor steers from the dashboard (the demo history of Brasseries Lemoine SA fills it).
test.setTimeout(180_000);

const panel = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const figure = (page: Page, metric: string) => page.locator(`[data-metric="${metric}"]`).first();

/** The previous month "YYYY-MM" in Paris, and its French name ("novembre 2026"). */
function lastMonth(): { value: string; name: string } {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const [year, month] = today.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 2, 1));
  return {
    value: first.toISOString().slice(0, 7),
    name: new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(first),
  };
}

test("a supervisor reads the charts, filters them, drills down from the Pareto to the cases, and downloads a month's review as CSV and PDF", async ({
  page,
}) => {
  await signIn(page, backofficeUrl, "superviseur@accord.example");
  await page.getByRole("link", { name: "Pilotage", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pilotage des litiges" })).toBeVisible();
  if (process.env.DASHBOARD_SHOTS) await page.screenshot({ path: `${process.env.DASHBOARD_SHOTS}/dashboard.png`, fullPage: true });

  // 1. The charts are SVG drawn with data: bars in the volume chart, a line in the time to resolve.
  const volume = panel(page, "Volume et stock");
  await expect(volume.locator("svg rect.chart__bar").first()).toBeVisible();
  expect(await volume.locator("svg rect.chart__bar").count()).toBeGreaterThan(10);
  await expect(panel(page, "Délai moyen de résolution").locator("svg path.chart__line").first()).toBeAttached();
  // Each figure says what it is on hover, and its table alternative holds the numbers.
  await expect(figure(page, "received").locator("xpath=ancestor::div[contains(@class,'kpi-figure')]")).toHaveAttribute("title", /reçus pendant la période/);
  const received = (await figure(page, "received").innerText()).trim();
  expect(Number(received.replace(/\D/g, ""))).toBeGreaterThan(100);
  await expectAccessible(page);

  // 2. A filter changes the numbers.
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Livraison" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/type=delivery/);
  await expect(figure(page, "received")).not.toHaveText(received);
  const delivery = Number((await figure(page, "received").innerText()).replace(/\D/g, ""));
  expect(delivery).toBeGreaterThan(0);
  expect(delivery).toBeLessThan(Number(received.replace(/\D/g, "")));

  // Bad input: an inverted period is refused beside the field, never a 500 nor an empty chart.
  await page.getByLabel("Du", { exact: true }).fill("2026-06-01");
  await page.getByLabel("Au", { exact: true }).fill("2026-05-01");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByLabel("Au", { exact: true })).toHaveAccessibleDescription(/La fin de la période précède son début/);
  await page.getByRole("link", { name: "Réinitialiser" }).click();

  // 3. Drill down: the Pareto's first bar (the most frequent root cause) opens the queue on its cases.
  const pareto = panel(page, "Causes racines (Pareto)");
  const firstBar = pareto.locator("svg a.chart__link").first();
  const barLabel = (await firstBar.getAttribute("aria-label")) ?? "";
  const cause = barLabel.split(" — ")[0]!;
  const count = Number((barLabel.split(":").at(-1) ?? "").replace(/\D/g, ""));
  expect(count).toBeGreaterThan(0);
  await firstBar.click();
  await expect(page).toHaveURL(/rootCause=/);
  await expect(page.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();
  await expect(page.getByLabel("Cause racine")).toHaveValue(/.+/);
  await expect(page.locator("#filter-rootCause option:checked")).toHaveText(cause);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(Math.min(count, 50));

  // 4. The review of last month: the page, its CSV and its PDF say the same.
  const month = lastMonth();
  await page.goto(`${backofficeUrl}/dashboard`);
  await page.getByRole("link", { name: "Revue mensuelle" }).click();
  await page.getByLabel("Mois", { exact: true }).fill(month.value);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Revue des litiges — ${month.name}`);
  if (process.env.DASHBOARD_SHOTS) await page.screenshot({ path: `${process.env.DASHBOARD_SHOTS}/review.png`, fullPage: true });
  const shown = (await page.getByRole("region", { name: "Le mois en bref" }).locator(".kpi-figure__value").first().innerText()).trim();
  expect(shown).toMatch(/\d/);
  await expectAccessible(page);

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le CSV" }).click();
  const csv = await readFile((await (await csvDownload).path())!, "utf8");
  expect(csv).toContain(`Revue des litiges — ${month.name}`);
  expect(csv).toContain(`Dossiers reçus;${shown}`);

  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le PDF" }).click();
  const pdf = await pdfText(new Uint8Array(await readFile((await (await pdfDownload).path())!)));
  const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");
  expect(pdf).toContain(`Revue des litiges — ${month.name}`);
  expect(pdf).toContain(`Dossiers reçus : ${plain(shown)}`);

  // A month not started yet is refused beside the field.
  await page.getByLabel("Mois", { exact: true }).fill("2999-01");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByLabel("Mois", { exact: true })).toHaveAccessibleDescription(/pas encore commencé/);
});

test("an agent has no dashboard: no link, and the pages answer 404", async ({ page }) => {
  await signIn(page, backofficeUrl, "agent@accord.example");
  // Signed in (the sign-out button shows) before probing: an anonymous probe would be sent to /login.
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pilotage", exact: true })).toHaveCount(0);
  for (const path of ["/dashboard", "/dashboard/review", "/dashboard/review.pdf", "/dashboard/review.csv", "/dashboard/help"]) {
    const response = await page.request.get(`${backofficeUrl}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});
