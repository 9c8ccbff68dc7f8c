import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal } from "../support/claims";
import { frenchDateValue } from "../support/dates";
import { backofficeUrl, expectAccessible, signIn } from "../support/fixtures";

// Journey 1 of issue 6: the back-office queue on the demo cases (filed by the seed through submitClaim).
const DEMO_TITLES = ["Farine T55 humide, sacs moisis", "Deux pelles d'enfournement manquantes", "Prix des serviettes différent du devis"];

const filters = (page: Page) => page.getByRole("region", { name: "Filtres" });
const views = (page: Page) => page.getByRole("region", { name: "Vues enregistrées" });
const table = (page: Page) => page.getByRole("table", { name: "Dossiers de la file, page de 50" });
const rowOf = (page: Page, title: string) => table(page).getByRole("row").filter({ hasText: title });
/** The position (from 1) of the column headed `header`: header cells and row cells line up. */
async function columnIndex(page: Page, header: string) {
  const headers = (await table(page).locator("thead th").allTextContents()).map((text) => text.trim());
  expect(headers, `a column headed ${header}`).toContain(header);
  return headers.indexOf(header) + 1;
}
const column = async (page: Page, header: string) => `tbody tr > :nth-child(${await columnIndex(page, header)})`;
/**
 * Sends the filters and waits until the page shows their result: the URL changes before React has
 * drawn the new page (a transition), and a field changed in between would be reset by the filter
 * form's remount. The scope tabs' links are built from the applied query: they say it is drawn.
 */
async function applyFilters(page: Page, applied: RegExp) {
  await filters(page).getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(applied);
  await expect(page.getByRole("link", { name: "Mes dossiers" })).toHaveAttribute("href", applied);
}
const SLA_CODES: Record<string, string> = { "Dans les délais": "ok", "Échéance proche": "warning", Dépassé: "breached" };
const cellOf = async (page: Page, title: string, header: string) => rowOf(page, title).locator(`:scope > :nth-child(${await columnIndex(page, header)})`);

test("an agent filters the queue by status and SLA state, saves the view and applies it again", async ({ page }) => {
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tous les dossiers" })).toHaveAttribute("aria-current", "page");
  for (const title of DEMO_TITLES) await expect(rowOf(page, title)).toBeVisible();
  // Each row says how much business time is left and its SLA state in words, and links to its case page.
  const farine = rowOf(page, DEMO_TITLES[0]!);
  await expect(await cellOf(page, DEMO_TITLES[0]!, "Temps restant (ouvré)")).toHaveText(/ouvrée?s|Sans échéance/);
  const reference = (await farine.getByRole("rowheader").textContent())!.trim();
  expect(reference).toMatch(/^LIT-\d{4}-\d{6}$/);
  await expect(farine.getByRole("link", { name: reference })).toHaveAttribute("href", `/cases/${reference}`);
  await expectAccessible(page);

  // By status: closed cases only — none yet for Hôtel du Port (the third demo account has a closed
  // history of its own, so the empty result is asked of one account); then the received ones.
  await filters(page).getByLabel("Clos").check();
  await filters(page).getByLabel("Client", { exact: true }).selectOption({ label: "Hôtel du Port SARL" });
  await applyFilters(page, /[?&]status=closed/);
  // An empty result says that no case matches the filters (not that there are none), with a way out.
  await expect(page.getByText("Aucun dossier ne correspond à ces filtres.")).toBeVisible();
  await expect(page.getByText("Aucun dossier pour le moment.")).toHaveCount(0);
  await page.getByRole("link", { name: "Effacer les filtres et voir tous les dossiers" }).click();
  await expect(page).not.toHaveURL(/status=/);
  for (const title of DEMO_TITLES) await expect(rowOf(page, title)).toBeVisible();
  await expect(filters(page).getByLabel("Clos")).not.toBeChecked();
  await filters(page).getByLabel("Clos").check();
  await filters(page).getByLabel("Clos").uncheck();
  await filters(page).getByLabel("Reçu", { exact: true }).check();
  await applyFilters(page, /[?&]status=received/);
  for (const title of DEMO_TITLES) await expect(rowOf(page, title)).toBeVisible();
  await expect(filters(page).getByLabel("Reçu", { exact: true })).toBeChecked();

  // By SLA state: the state the flour case shows, and every row shown is in that state.
  const state = (await (await cellOf(page, DEMO_TITLES[0]!, "SLA")).textContent())!.trim();
  expect(["Dans les délais", "Échéance proche", "Dépassé"]).toContain(state);
  const other = state === "Dépassé" ? "Dans les délais" : "Dépassé";
  await filters(page).getByLabel("État du SLA").selectOption({ label: state });
  await applyFilters(page, new RegExp(`[?&]sla=${SLA_CODES[state]}`));
  await expect(rowOf(page, DEMO_TITLES[0]!)).toBeVisible();
  // Every row shown is in that state (polled: the page may still show the previous results).
  await expect
    .poll(async () => {
      const states = await table(page).locator(await column(page, "SLA")).allTextContents();
      return states.length > 0 && states.every((text) => text.trim() === state);
    })
    .toBe(true);
  await filters(page).getByLabel("État du SLA").selectOption({ label: other });
  await applyFilters(page, new RegExp(`[?&]sla=${SLA_CODES[other]}`));
  await expect(rowOf(page, DEMO_TITLES[0]!)).toHaveCount(0);
  await filters(page).getByLabel("État du SLA").selectOption({ label: state });
  await applyFilters(page, new RegExp(`[?&]sla=${SLA_CODES[state]}`));
  await expect(rowOf(page, DEMO_TITLES[0]!)).toBeVisible();

  // Save the current filters as a view, clear them, apply the view again.
  await views(page).getByLabel("Nom de la vue").fill("Reçus — état SLA");
  await views(page).getByRole("button", { name: "Enregistrer la vue" }).click();
  await expect(page.getByText("La vue a été enregistrée.")).toBeVisible();
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(filters(page).getByLabel("Reçu", { exact: true })).not.toBeChecked();
  await views(page).getByRole("link", { name: "Appliquer la vue « Reçus — état SLA »" }).click();
  await expect(filters(page).getByLabel("Reçu", { exact: true })).toBeChecked();
  await expect(page).toHaveURL(/[?&]sla=/);
  await expect(filters(page).getByLabel("État du SLA").locator("option:checked")).toHaveText(state);
  await expect(rowOf(page, DEMO_TITLES[0]!)).toBeVisible();
  await expectAccessible(page);

  await views(page).getByRole("button", { name: "Supprimer la vue « Reçus — état SLA »" }).click();
  await expect(page.getByText("La vue a été supprimée.")).toBeVisible();
  await expect(views(page).getByText("Aucune vue enregistrée.")).toBeVisible();
});

test("an agent switches scope, sorts, and a bad amount is reported next to its field", async ({ page }) => {
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();

  // Nobody assigned the demo cases: they are not in "my cases" (other specs may assign theirs to this agent).
  await page.getByRole("link", { name: "Mes dossiers" }).click();
  await expect(page).toHaveURL(/scope=mine/);
  await expect(page.getByRole("link", { name: "Mes dossiers" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();
  for (const title of DEMO_TITLES) await expect(rowOf(page, title)).toHaveCount(0);
  await page.getByRole("link", { name: "Tous les dossiers" }).click();
  for (const title of DEMO_TITLES) await expect(rowOf(page, title)).toBeVisible();

  // Most recent first: the delivery claim was filed 4 hours before the seed, the others 26 and 50
  // (cases other specs filed since come before them: only their order among themselves is checked).
  await filters(page).getByLabel("Tri").selectOption({ label: "Reçus récemment" });
  await filters(page).getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/sort=received/);
  await expect
    .poll(async () => {
      const titles = await table(page).locator(await column(page, "Objet")).allTextContents();
      // Positions of the flour (26 h before the seed), delivery (4 h) and towels (50 h) claims.
      const [flour, delivery, towels] = DEMO_TITLES.map((title) => titles.indexOf(title));
      // On this page when few cases were filed since the seed; their order then holds.
      return flour! < 0 || towels! < 0 || (delivery! >= 0 && delivery! < flour! && flour! < towels!);
    })
    .toBe(true);
  // Whatever was filed meanwhile: the "received" dates never go up down the page.
  const received = (await table(page).locator(await column(page, "Reçu le")).allTextContents()).map(frenchDateValue);
  expect(received.length).toBeGreaterThan(0);
  expect(received.filter((value, index) => index > 0 && value > received[index - 1]!)).toEqual([]);

  // An amount range in euros; then a bad one is refused next to its field, what was typed kept.
  await filters(page).getByLabel("Montant contesté minimum (€)").fill("1 000 000");
  await filters(page).getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("Aucun dossier ne correspond à ces filtres.")).toBeVisible();
  await filters(page).getByLabel("Montant contesté minimum (€)").fill("douze");
  await filters(page).getByRole("button", { name: "Filtrer" }).click();
  const amount = filters(page).getByLabel("Montant contesté minimum (€)");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveValue("douze");
  await expect(filters(page).getByText("Saisissez un montant en euros, par exemple 1 500,50.")).toBeVisible();
  await expect(page.getByText("Certains filtres sont incorrects : corrigez-les pour afficher la file.")).toBeVisible();
  await expectAccessible(page);
});

test("a mediator sees no case they do not mediate", async ({ page }) => {
  await signIn(page, backofficeUrl, "mediateur@accord.example");
  await expect(page.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();
  // None of the demo cases (no mediation on them); a case mediated by this mediator in another spec may show.
  await expect(page.getByRole("link", { name: "Tous les dossiers" })).toBeVisible();
  for (const title of DEMO_TITLES) await expect(page.getByText(title)).toHaveCount(0);
});

/** A Paris day "YYYY-MM-DD", `offset` days from today. */
const parisDay = (offset = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + offset * 24 * 60 * 60 * 1000));

test("an agent lists the ended cases of a root cause in a period and opens one", async ({ page }) => {
  // A case of its own, ended today with a root cause: filed in the portal, then rejected in the back-office.
  test.setTimeout(180_000);
  const reference = await fileClaimInPortal({ title: "Sucre humide, avarie de transport, rejeté" });
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  const rootCause = page.getByRole("region", { name: "Cause racine", exact: true });
  await rootCause.getByLabel("Cause racine", { exact: true }).selectOption({ label: "Avarie de transport" });
  await rootCause.getByRole("button", { name: "Enregistrer la cause racine" }).click();
  await expect(page.getByText("Cause racine enregistrée.")).toBeVisible();
  const actions = page.getByRole("region", { name: "Actions", exact: true });
  await actions.getByRole("button", { name: "Rejeter comme non fondé" }).click();
  await actions.getByLabel("Motifs du rejet (un par ligne)").fill("Bon de livraison signé sans réserve");
  await actions.getByRole("button", { name: "Rejeter comme non fondé" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("Rejeté");

  // The queue's ended cases of that root cause, ended today (Paris).
  await page.goto(backofficeUrl);
  await expect(rowOf(page, "Sucre humide, avarie de transport, rejeté")).toHaveCount(0);
  await filters(page).getByLabel("Dossiers", { exact: true }).selectOption({ label: "Terminés (résolus ou clos)" });
  await filters(page).getByLabel("Cause racine", { exact: true }).selectOption({ label: "Avarie de transport" });
  await filters(page).getByLabel("Du", { exact: true }).fill(parisDay());
  await filters(page).getByLabel("Au (inclus)", { exact: true }).fill(parisDay());
  await filters(page).getByLabel("Période appliquée à la date de").selectOption({ label: "fin" });
  await applyFilters(page, /[?&]state=ended.*rootCause=transport_damage.*on=ended/);
  const row = table(page).getByRole("row").filter({ has: page.getByRole("link", { name: reference, exact: true }) });
  await expect(row).toBeVisible();
  // An ended case shows its end and status, no countdown, and no box for the bulk assignment.
  await expect(await cellOf(page, "Sucre humide, avarie de transport, rejeté", "État")).toHaveText("Terminé");
  await expect(await cellOf(page, "Sucre humide, avarie de transport, rejeté", "Statut")).toHaveText("Rejeté");
  await expect(row.getByRole("checkbox")).toHaveCount(0);
  // Every case listed has ended.
  await expect
    .poll(async () => (await table(page).locator(await column(page, "État")).allTextContents()).every((text) => text.trim() === "Terminé"))
    .toBe(true);
  await expectAccessible(page);

  // An inverted period is refused next to its field.
  await filters(page).getByLabel("Au (inclus)", { exact: true }).fill(parisDay(-1));
  await filters(page).getByRole("button", { name: "Filtrer" }).click();
  await expect(filters(page).getByText("La date de fin doit être postérieure ou égale à la date de début.")).toBeVisible();
  await expect(filters(page).getByLabel("Au (inclus)", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // Back to the period, then open the case from the list.
  await filters(page).getByLabel("Au (inclus)", { exact: true }).fill(parisDay());
  await applyFilters(page, new RegExp(`[?&]to=${parisDay()}`));
  await row.getByRole("link", { name: reference, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Dossier ${reference}` })).toBeVisible();
});
