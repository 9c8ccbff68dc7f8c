import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, signedInPage } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { linkIn, readMailbox, waitForEmail } from "../support/mailbox";

// Decisions of issue 6 on the back-office case page: promotion to a dispute, root cause, stakeholder
// notice, rejection with reasons. Each test files its own case through the portal (never a demo case).
// Whole journeys through several pages and e-mails: more than the default minute on a loaded machine.
test.setTimeout(180_000);

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
/** The value of one entry of the case header ("Statut", "Nature"…). */
const headerEntry = (page: Page, reference: string, term: string) =>
  page.getByLabel(`Dossier ${reference}`, { exact: true }).locator(`dt:text-is("${term}") + dd`);

async function openAsAgent(page: Page, reference: string) {
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: `Dossier ${reference}` })).toBeVisible();
}

test("an agent turns a claim into a dispute, with a reason the form requires", async ({ page }) => {
  const reference = await fileClaimInPortal({ title: "Sucre humide, litige à prévoir" });
  await openAsAgent(page, reference);
  await expect(headerEntry(page, reference, "Nature")).toHaveText("Réclamation");
  await expect(page.getByTestId("case-status")).toHaveText("Reçu");

  // Without a reason the promotion is refused, next to the field.
  const actions = section(page, "Actions");
  await actions.getByRole("button", { name: "Transformer en litige" }).click();
  const reason = section(page, "Actions").getByLabel("Motif du passage en litige");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription("Ce champ est obligatoire.");
  await expect(headerEntry(page, reference, "Nature")).toHaveText("Réclamation");
  await expectAccessible(page);

  await reason.fill("Le client annonce une mise en demeure de son avocat.");
  await section(page, "Actions").getByRole("button", { name: "Transformer en litige" }).click();
  await expect(page.getByText("La réclamation est devenue un litige.")).toBeVisible();
  await expect(headerEntry(page, reference, "Nature")).toHaveText("Litige");
  // The status does not change, and a dispute cannot be promoted again.
  await expect(page.getByTestId("case-status")).toHaveText("Reçu");
  await expect(section(page, "Actions").getByRole("button", { name: "Transformer en litige" })).toHaveCount(0);
  const promoted = section(page, "Historique complet").getByRole("row", { name: /Passage en litige/ });
  await expect(promoted).toContainText("Camille Dubois");
  await expectAccessible(page);
});

test("an agent records a root cause from the taxonomy with an analysis, read in French and English", async ({ page }) => {
  const reference = await fileClaimInPortal({ title: "Sucre humide, cause à établir" });
  await openAsAgent(page, reference);
  const rootCause = section(page, "Cause racine");
  await expect(rootCause).toContainText("Cause racine non établie.");

  // An analysis without a code is refused next to the list; the analysis typed is kept.
  const analysis = "Les sacs ont voyagé sous une bâche déchirée entre l'entrepôt et la boulangerie.";
  await rootCause.getByLabel("Analyse").fill(analysis);
  await rootCause.getByRole("button", { name: "Enregistrer la cause racine" }).click();
  const code = section(page, "Cause racine").getByLabel("Cause racine", { exact: true });
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toHaveAccessibleDescription("Choisissez une cause de la liste.");
  await expect(section(page, "Cause racine").getByLabel("Analyse")).toHaveValue(analysis);
  await expectAccessible(page);

  await code.selectOption({ label: "Avarie de transport" });
  await section(page, "Cause racine").getByRole("button", { name: "Enregistrer la cause racine" }).click();
  await expect(page.getByText("Cause racine enregistrée.")).toBeVisible();
  await expect(section(page, "Cause racine")).toContainText("Cause actuelle : Avarie de transport");
  await expect(section(page, "Cause racine")).toContainText(analysis);
  await expect(section(page, "Cause racine").getByLabel("Cause racine", { exact: true })).toHaveValue("transport_damage");
  await expect(section(page, "Historique complet").getByRole("row", { name: /Cause racine établie/ })).toContainText("Interne");
  await expectAccessible(page);

  // The same section in English: the taxonomy's English label, every string translated.
  await page.goto(`${backofficeUrl}/cases/${reference}?lng=en`);
  await expect(page.getByRole("heading", { level: 1, name: `Case ${reference}` })).toBeVisible();
  await expect(section(page, "Root cause")).toContainText("Current cause: Transport damage");
  await expect(section(page, "Root cause").getByLabel("Root cause", { exact: true })).toHaveValue("transport_damage");
  await expect(section(page, "Root cause").getByRole("button", { name: "Save the root cause" })).toBeVisible();
  await expect(section(page, "Full timeline").getByRole("row", { name: /Root cause set/ })).toContainText("Internal");
  await expect(page.locator("main")).not.toContainText("casePage.");
  await expectAccessible(page);
});

test("an agent informs finance about a case: the staff of that function get the message, the customer does not", async ({ browser, page }) => {
  const reference = await fileClaimInPortal({ title: "Sucre humide, avoir à préparer" });
  const message = `Avoir probable sur ${reference} : merci de bloquer la relance de FA-2026-10702.`;
  await openAsAgent(page, reference);
  const startedAt = Date.now() - 1000;
  const stakeholders = section(page, "Informer des interlocuteurs");

  // A message to nobody is refused next to the recipients; the message typed is kept.
  await stakeholders.getByLabel("Message").fill(message);
  await stakeholders.getByRole("button", { name: "Informer" }).click();
  const functions = section(page, "Informer des interlocuteurs").getByRole("group", { name: "Destinataires par fonction" });
  await expect(functions).toHaveAccessibleDescription("Choisissez au moins un destinataire (fonction ou équipe) qui compte un collaborateur actif.");
  await expect(section(page, "Informer des interlocuteurs").getByLabel("Message")).toHaveValue(message);
  await expectAccessible(page);

  await functions.getByLabel("Finance", { exact: true }).check();
  await section(page, "Informer des interlocuteurs").getByRole("button", { name: "Informer" }).click();
  await expect(page.getByText("Interlocuteurs informés.")).toBeVisible();

  // Finance (the finance role, and the billing team the supervisor belongs to) reads it by e-mail.
  const subject = new RegExp(`Pour information : dossier ${reference}`);
  const toFinance = await waitForEmail("finance@accord.example", { subject, after: startedAt });
  expect(toFinance.text).toContain(`Camille Dubois vous informe au sujet du dossier ${reference} (client Boulangeries Martin SAS)`);
  expect(toFinance.text).toContain(message);
  expect(toFinance.text).toContain("E-mail interne : ne pas transférer au client.");
  expect(linkIn(toFinance, `${backofficeUrl}/cases/`)).toBe(`${backofficeUrl}/cases/${reference}`);
  const toSupervisor = await waitForEmail("superviseur@accord.example", { subject, after: startedAt });
  expect(toSupervisor.text).toContain(message);

  // The message reached staff only: not the customer contact (who filed the case), nor the sender.
  const recipients = (await readMailbox()).filter((m) => m.text.includes(message)).flatMap((m) => m.to);
  expect(recipients).toEqual(expect.arrayContaining(["finance@accord.example", "superviseur@accord.example"]));
  expect(recipients).not.toContain("achats@martin.example");
  expect(recipients).not.toContain("agent@accord.example");
  const toCustomer = (await readMailbox()).filter((m) => m.to.includes("achats@martin.example") && Date.parse(m.sentAt) >= startedAt);
  expect(toCustomer.map((m) => m.subject)).not.toContainEqual(expect.stringMatching(subject));

  // The timeline records it as internal.
  const row = section(page, "Historique complet").getByRole("row", { name: /Interlocuteurs informés/ });
  await expect(row).toContainText("Camille Dubois");
  await expect(row).toContainText("Interne");
  await expectAccessible(page);

  // The customer's page shows neither the notice nor its message.
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  await customer.page.goto(`${portalUrl}/cases/${reference}`);
  await expect(customer.page.getByRole("heading", { level: 1, name: "Sucre humide, avoir à préparer" })).toBeVisible();
  await expect(customer.page.locator("main")).not.toContainText("bloquer la relance");
  await expect(customer.page.locator("main")).not.toContainText("Interlocuteurs");
  await customer.close();
});

test("an agent rejects a claim as unfounded with reasons: the customer is told by e-mail and reads them in the portal", async ({ browser, page }) => {
  const reference = await fileClaimInPortal({ title: "Sucre humide, hors délai" });
  await openAsAgent(page, reference);
  const startedAt = Date.now() - 1000;

  // Without a reason the rejection is refused, next to the field.
  await section(page, "Actions").getByRole("button", { name: "Rejeter comme non fondé" }).click();
  const reasons = section(page, "Actions").getByLabel("Motifs du rejet (un par ligne)");
  await expect(reasons).toHaveAttribute("aria-invalid", "true");
  await expect(reasons).toHaveAccessibleDescription(/Indiquez au moins un motif\./);
  await expect(page.getByTestId("case-status")).toHaveText("Reçu");
  await expectAccessible(page);

  await reasons.fill("Réclamation déposée après le délai contractuel\nBon de livraison signé sans réserve");
  await section(page, "Actions").getByRole("button", { name: "Rejeter comme non fondé" }).click();
  await expect(page.getByText("Le dossier a été rejeté ; le client en est informé par e-mail.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Rejeté");
  await expect(section(page, "Actions")).toContainText("Ce dossier est terminé : il n'accepte plus de traitement.");
  await expect(section(page, "Historique complet")).toContainText("Dossier rejeté (Reçu → Rejeté)");
  await expectAccessible(page);

  // The customer contact gets the reasons by e-mail, with a link to the case.
  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`Votre dossier ${reference} n'a pas été retenu`), after: startedAt });
  expect(email.text).toContain(`nous ne pouvons pas donner suite à votre dossier ${reference}`);
  expect(email.text).toContain("Réclamation déposée après le délai contractuel");
  expect(email.text).toContain("Bon de livraison signé sans réserve");

  // Following it, the customer reads the status and the reasons on the case page.
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  await customer.page.goto(linkIn(email, `${portalUrl}/cases/`));
  await expect(customer.page).toHaveURL(`${portalUrl}/cases/${reference}`);
  const summary = customer.page.getByRole("region", { name: "Résumé" });
  await expect(summary).toContainText("Rejeté");
  await expect(summary).toContainText("Aucune action : le dossier a été rejeté.");
  const history = customer.page.getByRole("region", { name: "Historique" });
  const rejected = history.getByRole("listitem").filter({ hasText: "Réclamation rejetée" });
  await expect(rejected).toContainText("Reçu → Rejeté");
  await expect(rejected.getByRole("listitem")).toHaveText(["Réclamation déposée après le délai contractuel", "Bon de livraison signé sans réserve"]);
  // A rejected case takes no more messages.
  await expect(customer.page.getByRole("button", { name: "Envoyer", exact: true })).toHaveCount(0);
  await expectAccessible(customer.page);
  await customer.close();
});
