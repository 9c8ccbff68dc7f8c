import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, startInvestigationAsAgent } from "../support/claims";
import { backofficeUrl, expectAccessible, signIn } from "../support/fixtures";

// Issue 12, journey 3: a corrective action blocks the closing of its case until it is done (or waived).
// The case is filed by the spec itself through the portal (never a demo case).
test.setTimeout(240_000);

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test("a corrective action blocks closing until it is done; the open actions page lists it meanwhile", async ({ page }) => {
  const title = `Sacs de sucre humides ${Date.now()}`;
  const reference = await fileClaimInPortal({ title });
  await startInvestigationAsAgent(page, reference);
  const actionTitle = `Doubler le film des palettes de sucre ${Date.now()}`;

  // No corrective action before the root cause: the section says why.
  await expect(section(page, "Actions correctives")).toContainText("Établissez d'abord la cause racine");
  await expect(section(page, "Actions correctives").getByRole("button", { name: "Ajouter l'action" })).toHaveCount(0);
  const rootCause = section(page, "Cause racine");
  await rootCause.getByLabel("Cause racine", { exact: true }).selectOption({ label: "Emballage insuffisant" });
  await rootCause.getByRole("button", { name: "Enregistrer la cause racine" }).click();
  await expect(page.getByText("Cause racine enregistrée.")).toBeVisible();

  // Bad input: refused beside each field, nothing added.
  await section(page, "Actions correctives").getByRole("button", { name: "Ajouter l'action" }).click();
  const form = () => section(page, "Actions correctives");
  await expect(form().getByLabel("Action", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form().getByLabel("Responsable")).toHaveAccessibleDescription("Choisissez un responsable dans la liste.");
  await expect(form()).toContainText("Aucune action corrective.");

  await form().getByLabel("Action", { exact: true }).fill(actionTitle);
  await form().getByLabel("Responsable").selectOption({ label: "Julien Moreau" });
  await form().getByLabel("Échéance").fill("2026-12-31");
  await form().getByRole("button", { name: "Ajouter l'action" }).click();
  await expect(page.getByText("Action corrective ajoutée.")).toBeVisible();
  const row = form().getByRole("row", { name: new RegExp(actionTitle) });
  await expect(row).toContainText("Julien Moreau");
  await expect(row.getByTestId("corrective-status")).toHaveText(/^À faire/);
  await expectAccessible(page);

  // The open actions page (navigation) lists it, with its case.
  await page.getByRole("link", { name: "Actions correctives", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Actions correctives ouvertes" })).toBeVisible();
  const listed = page.getByRole("row", { name: new RegExp(actionTitle) });
  await expect(listed).toContainText("Julien Moreau");
  await expect(listed.getByRole("link", { name: reference })).toBeVisible();
  await expectAccessible(page);
  await listed.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Dossier ${reference}` })).toBeVisible();

  // The decision resolves the case; closing is refused while the action is open, naming it.
  const solution = section(page, "Solution");
  await solution.getByLabel("Issue").selectOption({ label: "Non fondé" });
  await solution.getByLabel("Motivation communiquée au client").fill("Le transporteur a reconnu l'avarie ; nous corrigeons l'emballage.");
  await solution.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByText("Décision enregistrée ; le client en est informé.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Résolu");
  await section(page, "Solution").getByRole("button", { name: "Clore le dossier" }).click();
  await expect(section(page, "Solution").getByRole("alert")).toContainText(`Le dossier ne peut pas être clos : 1 action(s) corrective(s) restent ouvertes : « ${actionTitle} ».`);
  await expect(page.getByTestId("case-status")).toHaveText("Résolu");

  // Done: the case closes.
  await section(page, "Actions correctives").getByRole("button", { name: new RegExp(`Marquer comme faite l'action « ${actionTitle} »`) }).click();
  await expect(page.getByText("Action corrective faite.")).toBeVisible();
  await expect(section(page, "Actions correctives").getByRole("row", { name: new RegExp(actionTitle) }).getByTestId("corrective-status")).toHaveText(/^Faite — Faite le .* par Camille Dubois/);
  // Its effectiveness is measured once 90 days have passed.
  await expect(section(page, "Actions correctives").getByRole("row", { name: new RegExp(actionTitle) })).toContainText("En cours de mesure");
  await section(page, "Solution").getByRole("button", { name: "Clore le dossier" }).click();
  await expect(page.getByText("Dossier clos ; le client est invité à noter le traitement.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Clos");
  await expect(section(page, "Historique complet").getByRole("row", { name: /Action corrective faite/ })).toContainText("Camille Dubois");

  // No longer open: off the page.
  await page.goto(`${backofficeUrl}/corrective-actions`);
  await expect(page.getByRole("heading", { level: 1, name: "Actions correctives ouvertes" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(actionTitle) })).toHaveCount(0);
});

test("a corrective action owned by a staff member deactivated meanwhile is refused beside the owner, nothing added", async ({ browser, page }) => {
  // A colleague of the spec's own (never a demo user: other specs sign in with those).
  const name = `Owen Owner ${Date.now()}`;
  const admin = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const adminPage = await admin.newPage();
  await signIn(adminPage, backofficeUrl, "admin@accord.example");
  await expect(adminPage).not.toHaveURL(/\/login/);
  await adminPage.goto(`${backofficeUrl}/admin/staff`);
  const create = adminPage.getByRole("region", { name: /nouveau membre/i });
  await create.getByLabel(/^nom$/i).fill(name);
  await create.getByLabel(/adresse e-mail/i).fill(`owen-${Date.now()}@accord.example`);
  await create.getByLabel("Chargé de litiges").check();
  await create.getByRole("button", { name: /créer/i }).click();
  await expect(adminPage.getByText(/modifications enregistrées/i)).toBeVisible();

  const reference = await fileClaimInPortal({ title: `Sucre humide, responsable parti ${Date.now()}` });
  await startInvestigationAsAgent(page, reference);
  const rootCause = section(page, "Cause racine");
  await rootCause.getByLabel("Cause racine", { exact: true }).selectOption({ label: "Emballage insuffisant" });
  await rootCause.getByRole("button", { name: "Enregistrer la cause racine" }).click();
  await expect(page.getByText("Cause racine enregistrée.")).toBeVisible();

  // The agent picks the colleague, who is deactivated before the form is sent.
  const form = () => section(page, "Actions correctives");
  await form().getByLabel("Action", { exact: true }).fill("Revoir le cerclage des palettes");
  await form().getByLabel("Responsable").selectOption({ label: name });
  await form().getByLabel("Échéance").fill("2026-12-31");
  await adminPage.getByRole("button", { name: `Désactiver ${name}` }).click();
  await expect(adminPage.getByRole("row", { name: new RegExp(name) })).toContainText(/inactif/i);
  await admin.close();

  await form().getByRole("button", { name: "Ajouter l'action" }).click();
  await expect(form().getByLabel("Responsable")).toHaveAccessibleDescription("Ce responsable n'est pas un membre actif de l'équipe : choisissez-en un autre.");
  await expect(form().getByLabel("Action", { exact: true })).toHaveValue("Revoir le cerclage des palettes");
  await expect(form()).toContainText("Aucune action corrective.");
  // In English too.
  await page.goto(`${backofficeUrl}/cases/${reference}?lng=en`);
  await expect(section(page, "Corrective actions")).toContainText("No corrective action.");
  await expect(section(page, "Corrective actions").getByLabel("Owner").getByRole("option", { name })).toHaveCount(0);
});
