import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillQualityClaim, signedInPage, startInvestigationAsAgent } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";

// Issue 11 in the back-office: "Proposer une solution", four-eyes approval, "À valider".
test.describe.configure({ mode: "serial" });
// Several users and pages in one journey: more than the default minute on a loaded machine.
test.setTimeout(240_000);

/** The oven of FA-2026-10588 (14 800 € excl. VAT): a proposal above the supervisor's 5 000 €, below finance's 20 000 €. */
const OVEN = { invoice: "FA-2026-10588", line: 1, product: "Four à sole 4 portes — installation", quantity: "1" };

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** Files a quality claim on the oven through the portal, as the customer would; returns its reference. */
async function fileOvenClaim(browser: Browser): Promise<string> {
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  try {
    const page = customer.page;
    await page.goto(`${portalUrl}/claims/new`);
    // The type's own fields appear once the page is interactive: choose again until they do.
    await expect(async () => {
      await page.getByLabel("Type de problème").selectOption("other");
      await page.getByLabel("Type de problème").selectOption("quality");
      await expect(page.getByLabel("Produit concerné")).toBeVisible({ timeout: 2_000 });
    }, "the quality claim's own fields").toPass({ timeout: 60_000 });
    await fillQualityClaim(page, { title: "Four livré avec une porte voilée", description: "La porte du deuxième étage ne ferme pas : le four perd sa chaleur.", ...OVEN });
    await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
    await page.getByRole("region", { name: "Vérifiez votre réclamation" }).getByRole("button", { name: "Envoyer la réclamation" }).click();
    await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}\/submitted$/);
    return (await page.getByTestId("claim-reference").textContent())!.trim();
  } finally {
    await customer.close();
  }
}

/** The supervisor finds the proposal in "À valider", opens it and gives a decision with a comment. */
async function decideAsSupervisor(browser: Browser, reference: string, decision: "Valider" | "Refuser", comment: string, flash: string) {
  const supervisor = await signedInPage(browser, backofficeUrl, "superviseur@accord.example");
  const page = supervisor.page;
  await page.getByRole("navigation").getByRole("link", { name: /^À valider/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "À valider" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText("Avoir");
  await expect(row).toContainText("Camille Dubois");
  await expect(row).toContainText("Superviseur");
  await row.getByRole("link", { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${reference}#proposals$`));
  const solution = section(page, "Solution");
  const form = solution.getByRole("form", { name: "Votre décision (Superviseur)" });
  await form.getByRole("radio", { name: decision }).check();
  await form.getByRole("button", { name: "Enregistrer ma décision" }).click();
  // The comment is required: refused next to its field, nothing recorded.
  await expect(solution.getByLabel("Commentaire")).toHaveAccessibleDescription(/Un commentaire est obligatoire\./);
  await solution.getByRole("radio", { name: decision }).check();
  await solution.getByLabel("Commentaire").fill(comment);
  await solution.getByRole("button", { name: "Enregistrer ma décision" }).click();
  await expect(page.getByText(flash)).toBeVisible();
  await expectAccessible(page);
  return supervisor;
}

async function propose(page: Page, values: { kind?: string; amount: string; expiresOn?: string; concessions?: boolean }) {
  if (values.kind) await page.getByLabel("Nature de la proposition").selectOption(values.kind);
  await page.getByLabel("Montant HT (€)").fill(values.amount);
  await page.getByLabel("Modalités").fill("Avoir imputé sur la prochaine facture.");
  if (values.expiresOn) await page.getByLabel("Dernier jour pour accepter").fill(values.expiresOn);
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
}

let reference = "";

test("an agent proposes from the suggestion's reasoning; bad input is refused next to its field and creates nothing", async ({ browser, page }) => {
  reference = await fileOvenClaim(browser);
  // The demo thresholds: a supervisor approves above 5 000 € (admin.spec keeps that one).
  await startInvestigationAsAgent(page, reference);
  await section(page, "Actions").getByRole("link", { name: "Proposer une solution" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${reference}/propose$`));
  await expect(page.getByRole("heading", { level: 1, name: "Proposer une solution" })).toBeVisible();

  // The reasoning, line by line: 1 u × 14 800,00 € on the oven, then the similar cases and the basis.
  const oven = page.getByTestId("suggestion-lines").getByRole("listitem").filter({ hasText: "FA-2026-10588 / 1" });
  await expect(oven).toContainText(/1 u × 14\s800,00\s€ = 14\s800,00\s€/);
  await expect(page.getByTestId("similar-cases")).toHaveText(/dossier\(s\) réglé\(s\)|Aucun dossier similaire réglé\./);
  await expect(page.getByTestId("suggested-amount")).toContainText(/Suggestion : Avoir, 14\s800,00\s€ HT — TVA 2\s960,00\s€, soit 17\s760,00\s€ TTC\./);
  await expect(page.locator("#proposal-approvals")).toContainText("Ce montant demande la validation de : Superviseur.");
  // The form starts from the suggestion.
  await expect(page.getByLabel("Nature de la proposition")).toHaveValue("credit_note");
  await expect(page.getByLabel("Montant HT (€)")).toHaveValue("14800,00");
  await expect(page.getByLabel("Dernier jour pour accepter")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expectAccessible(page);

  // A settlement without concessions, above the amount disputed: both refused, each next to its field.
  await propose(page, { kind: "settlement", amount: "20 000,00" });
  await expect(page.getByLabel("Montant HT (€)")).toHaveAccessibleDescription(/Le montant ne peut pas dépasser le montant contesté\./);
  await expect(page.getByLabel("Concessions du fournisseur (une par ligne)")).toHaveAccessibleDescription(/indiquez au moins une concession de chaque partie/);
  await expect(page.getByLabel("Montant HT (€)")).toHaveValue("20 000,00");
  // A last day already past.
  await propose(page, { kind: "credit_note", amount: "14 800,00", expiresOn: "2020-01-15" });
  await expect(page.getByLabel("Dernier jour pour accepter")).toHaveAccessibleDescription(/La date limite d'acceptation doit être postérieure à aujourd'hui\./);
  await expectAccessible(page);
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(section(page, "Solution")).toContainText("Aucune proposition pour ce dossier.");

  // Above 5 000 €: submitted for approval; its author cannot approve it.
  await section(page, "Actions").getByRole("link", { name: "Proposer une solution" }).click();
  await propose(page, { amount: "14 800,00" });
  await expect(page).toHaveURL(new RegExp(`/cases/${reference}#proposals$`));
  await expect(page.getByText("Proposition soumise à validation.")).toBeVisible();
  const first = page.getByTestId("proposal-1");
  await expect(first.getByTestId("proposal-status")).toHaveText("En attente de validation");
  await expect(first).toContainText(/14\s800,00\s€ HT — TVA 2\s960,00\s€ — 17\s760,00\s€ TTC/);
  await expect(first).toContainText("En attente de : Superviseur");
  await expect(page.getByRole("button", { name: "Enregistrer ma décision" })).toHaveCount(0);
  await expect(page.getByTestId("case-status")).toHaveText("En instruction");
  await expectAccessible(page);
});

test("the supervisor refuses it from « À valider » with a comment; the agent proposes again; the supervisor approves: the customer gets it", async ({ browser, page }) => {
  expect(reference).not.toBe("");
  const refused = await decideAsSupervisor(browser, reference, "Refuser", "Montant trop élevé : proposez une réparation partielle.", "Proposition refusée ; son auteur en est informé.");
  const first = section(refused.page, "Solution").getByTestId("proposal-1");
  await expect(first.getByTestId("proposal-status")).toHaveText("Refusée en validation");
  await expect(first).toContainText(/Superviseur — Julien Moreau : refusée/);
  await expect(first).toContainText("Montant trop élevé : proposez une réparation partielle.");
  await refused.close();

  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/${reference}/propose`);
  await expect(page.getByRole("heading", { level: 1, name: "Proposer une solution" })).toBeVisible();
  await propose(page, { amount: "9 500,00" });
  await expect(page.getByText("Proposition soumise à validation.")).toBeVisible();
  await expect(page.getByTestId("proposal-2").getByTestId("proposal-status")).toHaveText("En attente de validation");

  const approved = await decideAsSupervisor(browser, reference, "Valider", "D'accord pour 9 500 €.", "Proposition validée et envoyée au client.");
  await expect(approved.page.getByTestId("case-status")).toHaveText("En négociation");
  const second = approved.page.getByTestId("proposal-2");
  await expect(second.getByTestId("proposal-status")).toHaveText("Proposée au client");
  await expect(second).toContainText(/Superviseur — Julien Moreau : validée/);
  await approved.close();

  // The agent's page says the same, in English too (no catalogue key).
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(page.getByTestId("proposal-2").getByTestId("proposal-status")).toHaveText("Proposée au client");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByTestId("proposal-2").getByTestId("proposal-status")).toHaveText("Offered to the customer");
  await expect(page.locator("main")).not.toContainText("casePage.");
  await expect(page.locator("main")).not.toContainText("settlement.");
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("En négociation");
});
