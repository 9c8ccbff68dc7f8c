import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, signedInPage } from "../support/claims";
import { backofficeUrl, expectAccessible, signIn } from "../support/fixtures";
import { waitForEmail } from "../support/mailbox";

// Issue 10, point 1: the queue on a laptop screen, and bulk assignment (which works without JavaScript).
const table = (page: Page) => page.getByRole("table", { name: "Dossiers de la file, page de 50" });
const bulk = (page: Page) => page.getByRole("form", { name: "Affecter les dossiers cochés" });
const rowOf = (page: Page, reference: string) => table(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name: reference }) });
/** The cell of `row` under the column headed `header` (by position: the header cells and the row's cells line up). */
async function cellOf(page: Page, reference: string, header: string) {
  const headers = (await table(page).locator("thead th").allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(header);
  expect(index, `a column headed ${header}`).toBeGreaterThanOrEqual(0);
  return rowOf(page, reference).locator(`:scope > :nth-child(${index + 1})`);
}

test("at 1366 px the deadline and SLA sit beside the reference; a supervisor assigns two ticked cases at once, without JavaScript", async ({ browser }) => {
  const stamp = Date.now();
  const first = await fileClaimInPortal({ title: `Lot groupé A ${stamp}` });
  const second = await fileClaimInPortal({ title: `Lot groupé B ${stamp}` });

  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", javaScriptEnabled: false, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await signIn(page, backofficeUrl, "superviseur@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/?sort=received`);
  await expect(rowOf(page, first)).toBeVisible();

  // The columns that matter first are on screen without scrolling sideways.
  const headers = (await table(page).locator("thead th").allTextContents()).map((text) => text.trim());
  expect(headers.slice(1, 5)).toEqual(["Référence", "Échéance", "Temps restant (ouvré)", "SLA"]);
  for (const header of ["Référence", "Échéance", "SLA"]) {
    const box = await (await cellOf(page, first, header)).boundingBox();
    expect(box, `the ${header} cell has a box`).not.toBeNull();
    expect(box!.x + box!.width, `the ${header} cell ends inside the 1366 px window`).toBeLessThanOrEqual(1366);
  }

  const startedAt = Date.now() - 1000;
  await table(page).getByLabel(`Sélectionner le dossier ${first}`).check();
  await table(page).getByLabel(`Sélectionner le dossier ${second}`).check();
  await bulk(page).getByLabel("Équipe").selectOption({ label: "Qualité" });
  await bulk(page).getByLabel("Assigné à").selectOption({ label: "Camille Dubois" });
  await bulk(page).getByRole("button", { name: "Affecter la sélection" }).click();
  await expect(page.getByText("Les dossiers cochés ont été affectés.")).toBeVisible();
  await expect(page).toHaveURL(/sort=received/);
  for (const reference of [first, second]) {
    await expect(await cellOf(page, reference, "Assigné à")).toHaveText("Camille Dubois");
    await expect(await cellOf(page, reference, "Équipe")).toHaveText("Qualité");
    await waitForEmail("agent@accord.example", { subject: new RegExp(`Le dossier ${reference} vous a été assigné`), after: startedAt });
  }
  await context.close();
});

test("an agent's bulk assignment that includes a colleague's case is refused as a whole, naming that case", async ({ browser, page }) => {
  const stamp = Date.now();
  const free = await fileClaimInPortal({ title: `Lot libre ${stamp}` });
  const taken = await fileClaimInPortal({ title: `Lot pris ${stamp}` });

  // The supervisor gives one case to a colleague…
  const { page: supervisorPage, close } = await signedInPage(browser, backofficeUrl, "superviseur@accord.example");
  await supervisorPage.goto(`${backofficeUrl}/?sort=received`);
  await table(supervisorPage).getByLabel(`Sélectionner le dossier ${taken}`).check();
  await bulk(supervisorPage).getByLabel("Assigné à").selectOption({ label: "Julien Moreau" });
  await bulk(supervisorPage).getByRole("button", { name: "Affecter la sélection" }).click();
  await expect(supervisorPage.getByText("Les dossiers cochés ont été affectés.")).toBeVisible();
  await close();

  // …then an agent, who may not take a colleague's case, ticks both.
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/?sort=received`);
  await table(page).getByLabel(`Sélectionner le dossier ${free}`).check();
  await table(page).getByLabel(`Sélectionner le dossier ${taken}`).check();
  await bulk(page).getByLabel("Assigné à").selectOption({ label: "Camille Dubois" });
  await bulk(page).getByRole("button", { name: "Affecter la sélection" }).click();
  await expect(bulk(page).getByText(`Aucun dossier n'a été affecté : le dossier ${taken} ne peut pas l'être.`)).toBeVisible();
  await expect(bulk(page).getByText("Seul un superviseur peut réaffecter le dossier d'un collègue.")).toBeVisible();
  // Nothing changed, and the ticks are kept to correct the choice.
  await expect(await cellOf(page, free, "Assigné à")).toHaveText("Non assigné");
  await expect(await cellOf(page, taken, "Assigné à")).toHaveText("Julien Moreau");
  await expect(table(page).getByLabel(`Sélectionner le dossier ${free}`)).toBeChecked();
  await expectAccessible(page);

  // Without a team or a colleague, the form says what is missing.
  await bulk(page).getByLabel("Assigné à").selectOption({ label: "Inchangé" });
  await bulk(page).getByRole("button", { name: "Affecter la sélection" }).click();
  await expect(bulk(page).getByText("Choisissez une équipe ou un collaborateur.")).toBeVisible();
});
