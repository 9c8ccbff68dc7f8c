import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, signedInPage } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { waitForEmail } from "../support/mailbox";

// Journeys 3–5 of issue 6 on cases filed through the portal by this spec (not the shared demo cases).
test.describe.configure({ mode: "serial" });
// Whole journeys through several pages and e-mails: more than the default minute on a loaded machine.
test.setTimeout(180_000);

let reference = "";
let other = "";

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test("an agent qualifies a case, assigns it, runs a task, replies publicly and writes an internal note", async ({ page }) => {
  reference = await fileClaimInPortal({ title: "Sucre humide à la livraison" });
  const startedAt = Date.now() - 1000;
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: `Dossier ${reference}` })).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Reçu");
  await expect(section(page, "Client")).toContainText("Boulangeries Martin");
  await expect(section(page, "Client")).toContainText("Compte clé");
  await expect(section(page, "Délais (SLA)")).toContainText("Première réponse");
  await expect(section(page, "Lignes contestées")).toContainText("Sucre semoule — sac de 25 kg");
  const qualification = section(page, "Qualification");
  await expect(qualification).toContainText(/Score d'impact : \d+ \/ 100/);
  const implied = ((await page.getByTestId("implied-priority").textContent()) ?? "").match(/P[1-4]/)![0];
  // The priority the score implies is proposed; the agent may change it.
  await expect(qualification.getByLabel("Priorité")).toHaveValue(implied);
  await expectAccessible(page);

  // Qualification: type confirmed, priority P2, quality team, assigned to the supervisor.
  await qualification.getByLabel("Type de dossier").selectOption("quality");
  await qualification.getByLabel("Priorité").selectOption("P2");
  await qualification.getByLabel("Équipe").selectOption({ label: "Qualité" });
  await qualification.getByLabel("Assigné à").selectOption({ label: "Julien Moreau" });
  await qualification.getByRole("button", { name: "Qualifier le dossier" }).click();
  await expect(page.getByText("Qualification enregistrée.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Qualifié");
  const assigned = await waitForEmail("superviseur@accord.example", { subject: new RegExp(`Le dossier ${reference} vous a été assigné`), after: startedAt });
  expect(assigned.text).toContain("Camille Dubois vous a assigné le dossier");

  // Investigation, a task with an assignee and a due date, done.
  await page.getByRole("button", { name: "Démarrer l'instruction" }).click();
  await expect(page.getByText("Instruction démarrée.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("En instruction");
  const tasks = section(page, "Tâches");
  await tasks.getByLabel("Tâche", { exact: true }).fill("Appeler le transporteur");
  await tasks.getByLabel("Assignée à").selectOption({ label: "Camille Dubois" });
  await tasks.getByLabel("Échéance").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  await tasks.getByRole("button", { name: "Ajouter une tâche" }).click();
  await expect(page.getByText("Tâche ajoutée.")).toBeVisible();
  const row = section(page, "Tâches").getByRole("row", { name: /Appeler le transporteur/ });
  await expect(row).toContainText("À faire");
  await row.getByRole("button", { name: "Terminer la tâche « Appeler le transporteur »" }).click();
  await expect(page.getByText("Tâche terminée.")).toBeVisible();
  await expect(section(page, "Tâches").getByRole("row", { name: /Appeler le transporteur/ })).toContainText("Terminée");

  // A public reply from a response template (placeholders filled in the customer's language) with a
  // help article linked: the customer gets it by e-mail.
  await section(page, "Échanges").getByLabel("Modèle de réponse").selectOption({ label: "Accusé de réception détaillé" });
  await section(page, "Échanges").getByRole("button", { name: "Insérer le modèle" }).click();
  const body = page.getByLabel("Réponse (envoyée au client par e-mail et visible sur le portail)");
  await expect(body).toHaveValue(new RegExp(`^Bonjour Léa Roux,\\s+Nous avons bien reçu votre réclamation ${reference}\\. .* au plus tard le \\S+ \\d{1,2} \\S+ \\d{4}\\.`));
  await body.fill(`${await body.inputValue()}\nNous avons contacté le transporteur.`);
  await section(page, "Échanges").getByLabel("Déposer une réclamation").check();
  await section(page, "Échanges").getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(page.getByText("Réponse envoyée au client.")).toBeVisible();
  const reply = await waitForEmail("achats@martin.example", { subject: new RegExp(`Nouvelle réponse sur votre dossier ${reference}`), after: startedAt });
  expect(reply.text).toContain(`Nous avons bien reçu votre réclamation ${reference}`);
  expect(reply.text).toContain("Nous avons contacté le transporteur.");
  expect(reply.text).toContain("Déposer une réclamation");
  await expect(section(page, "Échanges")).toContainText("Articles liés : Déposer une réclamation");

  // An internal note, marked as such; an empty one is refused next to its field.
  await section(page, "Échanges").getByRole("button", { name: "Ajouter la note interne" }).click();
  const noteField = page.getByLabel("Note (visible uniquement par l'équipe, jamais envoyée au client)");
  await expect(noteField).toHaveAttribute("aria-invalid", "true");
  await expect(noteField).toHaveAccessibleDescription("Ce champ est obligatoire.");
  await noteField.fill("Le transporteur reconnaît un stockage sous la pluie.");
  await section(page, "Échanges").getByRole("button", { name: "Ajouter la note interne" }).click();
  await expect(page.getByText("Note interne ajoutée.")).toBeVisible();
  const note = section(page, "Échanges").locator('[data-visibility="internal"]');
  await expect(note).toContainText("Note interne");
  await expect(note).toContainText("Le transporteur reconnaît un stockage sous la pluie.");

  // Time spent, and the timeline with internal events.
  await section(page, "Temps passé").getByLabel("Durée (minutes)").fill("25");
  await section(page, "Temps passé").getByRole("button", { name: "Enregistrer le temps" }).click();
  await expect(page.getByText("Temps enregistré.")).toBeVisible();
  await expect(section(page, "Temps passé")).toContainText("Total : 0 h 25 min");
  const timeline = section(page, "Historique complet");
  await expect(timeline).toContainText("Dossier qualifié (Reçu → Qualifié)");
  await expect(timeline).toContainText("Note interne");
  await expectAccessible(page);

  // The same page in English: every string translated (no catalogue key shows).
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Case ${reference}` })).toBeVisible();
  await expect(section(page, "Full timeline")).toContainText("Case qualified (Received → Qualified)");
  await expect(page.locator("main")).not.toContainText("casePage.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Dossier ${reference}` })).toBeVisible();
});

test("a price claim shows the contracted price of its line, indexed, beside the invoiced price", async ({ browser, page }) => {
  // Filed through the portal: the T65 flour of FA-2026-10412 is contracted with an indexation on INSEE-FARINE.
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  await customer.page.goto(`${portalUrl}/claims/new`);
  await customer.page.getByLabel("Type de problème").selectOption("price_billing");
  await customer.page.getByLabel("Objet").fill("Farine T65 facturée au-dessus du contrat");
  await customer.page.getByLabel("Description").fill("Le prix de la farine T65 ne respecte pas notre contrat indexé.");
  const invoice = customer.page.locator('details[data-invoice="FA-2026-10412"]');
  if ((await invoice.getAttribute("open")) === null) await invoice.locator("summary").click();
  await customer.page.getByLabel("Prix unitaire juste hors taxes, ligne 1 : Farine de blé T65 — sac de 25 kg").fill("17,00");
  await customer.page.getByLabel("Un avoir").check();
  await customer.page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
  await customer.page.getByRole("region", { name: "Vérifiez votre réclamation" }).getByRole("button", { name: "Envoyer la réclamation" }).click();
  await expect(customer.page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}\/submitted$/);
  const priceCase = (await customer.page.getByTestId("claim-reference").textContent())!.trim();
  await customer.close();

  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/${priceCase}`);
  const check = page.getByRole("table", { name: "Prix contractuel de chaque ligne contestée, à la date de la facture" });
  const line = check.getByRole("row", { name: /FA-2026-10412 \/ 1/ });
  await expect(line).toContainText("18,50");
  // The index month in words and the index values in French notation (issue 10: no ISO date, no decimal point).
  await expect(line).toContainText(/17,90\s€ — INSEE-FARINE [a-zéû]+ \d{4} : \d+,\d \/ base 110,0/);
  await expect(line).toContainText(/\d+,\d{2}\s€/);
  // The admissibility warning: filed after the contract's 30 days.
  await expect(page.getByText("Points d'attention sur la recevabilité")).toBeVisible();
  await expectAccessible(page);
});

test("an illegal status change shows the domain's reason, in the user's words", async ({ browser, page }) => {
  expect(reference).not.toBe("");
  other = await fileClaimInPortal({ title: "Sucre humide, second signalement" });
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  // This page shows the case under investigation, with its actions...
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText("En instruction");
  // ...meanwhile a colleague asks the customer for evidence: the case now waits on the customer.
  const colleague = await signedInPage(browser, backofficeUrl, "superviseur@accord.example");
  await colleague.page.goto(`${backofficeUrl}/cases/${reference}`);
  await colleague.page.getByLabel("Pièces demandées (une par ligne)").fill("Photos des sacs");
  await colleague.page.getByLabel("À fournir avant le").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await colleague.page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(colleague.page.getByText("Demande envoyée au client ; le délai SLA est suspendu.")).toBeVisible();
  await colleague.close();

  // Marking it a duplicate is no longer possible: the domain says why.
  const actions = section(page, "Actions");
  await actions.getByLabel("Référence du dossier original").fill(other);
  await actions.getByRole("button", { name: "Marquer comme doublon et fusionner" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Action impossible : « Marquer comme doublon » n'est pas possible pour un dossier au statut « En attente du client ».",
  );
  await expect(page.getByTestId("case-status")).toHaveText("En attente du client");
  await expectAccessible(page);
});

test("a duplicate of the same customer is merged into its original, and the customer is told", async ({ page }) => {
  expect(other).not.toBe("");
  const startedAt = Date.now() - 1000;
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/${other}`);
  const actions = section(page, "Actions");
  // A reference that does not exist is refused next to the field.
  await actions.getByLabel("Référence du dossier original").fill("LIT-1999-000001");
  await actions.getByRole("button", { name: "Marquer comme doublon et fusionner" }).click();
  await expect(page.getByLabel("Référence du dossier original")).toHaveAccessibleDescription(/Aucun dossier ne porte cette référence./);
  await page.getByLabel("Référence du dossier original").fill(reference);
  await page.getByRole("button", { name: "Marquer comme doublon et fusionner" }).click();
  await expect(page.getByText("Le dossier a été fusionné dans son original ; le client en est informé.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Doublon");
  await expect(page.getByText(`Ce dossier est un doublon de ${reference}.`)).toBeVisible();
  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`Votre dossier ${other} est rattaché au dossier ${reference}`), after: startedAt });
  expect(email.text).toContain(reference);
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(section(page, "Historique complet")).toContainText("Doublon fusionné dans ce dossier");
  await expectAccessible(page);
});

test("a mediator sees no case until they mediate it (being assigned it is not enough)", async ({ browser, page }) => {
  expect(reference).not.toBe("");
  await signIn(page, backofficeUrl, "mediateur@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  expect((await page.goto(`${backofficeUrl}/cases/${reference}`))?.status()).toBe(404);

  const supervisor = await signedInPage(browser, backofficeUrl, "superviseur@accord.example");
  await supervisor.page.goto(`${backofficeUrl}/cases/${reference}`);
  await section(supervisor.page, "Qualification").getByLabel("Assigné à").selectOption({ label: "Antoine Girard" });
  await section(supervisor.page, "Qualification").getByRole("button", { name: "Enregistrer la qualification" }).click();
  await expect(supervisor.page.getByText("Qualification enregistrée.")).toBeVisible();
  expect((await page.goto(`${backofficeUrl}/cases/${reference}`))?.status()).toBe(404);

  // Issue 12: a mediator sees the cases they mediate.
  const mediated = await fileClaimInPortal({ title: "Sucre humide, médiation" });
  await supervisor.page.goto(`${backofficeUrl}/cases/${mediated}`);
  await supervisor.page.getByRole("button", { name: "Qualifier le dossier" }).click();
  await expect(supervisor.page.getByText("Qualification enregistrée.")).toBeVisible();
  const mediation = section(supervisor.page, "Médiation");
  await mediation.getByLabel("Médiateur interne", { exact: true }).selectOption({ label: "Antoine Girard" });
  await mediation.getByRole("button", { name: "Engager la médiation" }).click();
  await expect(supervisor.page.getByText("Médiation engagée ; le client en est informé par e-mail.")).toBeVisible();
  await supervisor.close();

  await page.goto(`${backofficeUrl}/cases/${mediated}`);
  await expect(page.getByRole("heading", { level: 1, name: `Dossier ${mediated}` })).toBeVisible();
  // A mediator reads and writes to the conversation, but does not qualify nor investigate.
  await expect(page.getByRole("button", { name: "Enregistrer la qualification" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ajouter une tâche" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ajouter la note interne" })).toBeVisible();
  await expectAccessible(page);
});
