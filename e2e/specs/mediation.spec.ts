import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, signedInPage, startInvestigationAsAgent } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl } from "../support/fixtures";
import { waitForEmail } from "../support/mailbox";

// Issue 12, journey 1, done when: mediation from start to agreement to acceptance. A supervisor starts an
// internal mediation (the account's mediation clause shown), the mediator finds the case in their queue,
// records a shared and an internal session and the outcome « Accord »; the agent writes the proposal from
// mediation (approved first when the thresholds require it); the customer, who read « En médiation » and the
// shared notes only, accepts it online; the case is resolved.
test.describe.configure({ mode: "serial" });
// Several users, pages and e-mails in one journey: well past the default minute on a loaded machine.
test.setTimeout(300_000);

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const journey = { reference: "" };
const SHARED_NOTES = "Les deux parties retiennent un avoir pour les sacs abîmés.";
const INTERNAL_NOTES = "Le client accepterait un geste plus modeste (note interne).";

test("a supervisor starts an internal mediation; the account's mediation clause is shown and the customer is told what happens next", async ({ browser, page }) => {
  journey.reference = await fileClaimInPortal({ title: "Sucre humide : médiation demandée" });
  const { reference } = journey;
  await startInvestigationAsAgent(page, reference);
  // An agent does not refer a case to mediation.
  await expect(section(page, "Médiation").getByRole("button", { name: "Engager la médiation" })).toHaveCount(0);

  const supervisor = await signedInPage(browser, backofficeUrl, "superviseur@accord.example");
  const sp = supervisor.page;
  await sp.goto(`${backofficeUrl}/cases/${reference}`);
  const mediation = section(sp, "Médiation");
  await expect(mediation.getByTestId("mediation-clause")).toContainText("Le contrat prévoit le recours au Médiateur des entreprises.");
  await mediation.getByRole("radio", { name: "Un médiateur interne" }).check();
  await mediation.getByLabel("Médiateur interne", { exact: true }).selectOption({ label: "Antoine Girard" });
  await mediation.getByRole("button", { name: "Engager la médiation" }).click();
  await expect(sp.getByText("Médiation engagée ; le client en est informé par e-mail.")).toBeVisible();
  await expect(sp.getByTestId("case-status")).toHaveText("En médiation");
  await expect(section(sp, "Médiation").getByTestId("mediations")).toContainText("Médiation interne — Antoine Girard");
  await expectAccessible(sp);
  await supervisor.close();

  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`Votre dossier ${reference} passe en médiation`) });
  expect(email.text).toContain("Antoine Girard");
  expect(email.text).toContain("Et maintenant ?");
});

test("the mediator finds the case in their queue and records a shared and an internal session", async ({ browser }) => {
  const { reference } = journey;
  expect(reference).not.toBe("");
  const mediator = await signedInPage(browser, backofficeUrl, "mediateur@accord.example");
  const page = mediator.page;
  await page.goto(`${backofficeUrl}/`);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Dossier ${reference}` })).toBeVisible();

  const mediation = section(page, "Médiation");
  const sessionForm = mediation.getByRole("form", { name: "Ajouter une séance" });
  await sessionForm.getByLabel("Participants", { exact: true }).fill("Julie Martin (Boulangeries Martin), Antoine Girard (médiateur)");
  await sessionForm.getByLabel("Notes", { exact: true }).fill(SHARED_NOTES);
  await sessionForm.getByRole("radio", { name: "Notes partagées avec le client" }).check();
  await sessionForm.getByRole("button", { name: "Enregistrer la séance" }).click();
  await expect(page.getByText("Séance de médiation enregistrée.")).toBeVisible();

  const again = section(page, "Médiation").getByRole("form", { name: "Ajouter une séance" });
  await again.getByLabel("Participants", { exact: true }).fill("Antoine Girard (médiateur)");
  await again.getByLabel("Notes", { exact: true }).fill(INTERNAL_NOTES);
  await again.getByRole("radio", { name: "Notes internes (jamais montrées au client)" }).check();
  await again.getByRole("button", { name: "Enregistrer la séance" }).click();
  await expect(page.getByText("Séance de médiation enregistrée.")).toBeVisible();
  await expect(section(page, "Médiation").getByTestId("mediation-sessions")).toContainText(INTERNAL_NOTES);
  await mediator.close();
});

test("the customer reads « En médiation », what happens next, the mediator and the shared notes only", async ({ browser }) => {
  const { reference } = journey;
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  const page = customer.page;
  await page.goto(`${portalUrl}/cases/${reference}`);
  await expect(page.getByText("En médiation").first()).toBeVisible();
  const mediation = page.getByRole("region", { name: "Médiation", exact: true });
  await expect(mediation.getByTestId("mediation-explanation")).toContainText("Vous n'avez rien à faire d'ici là");
  await expect(mediation).toContainText("Antoine Girard");
  await expect(mediation).toContainText(SHARED_NOTES);
  await expect(page.getByText(INTERNAL_NOTES)).toHaveCount(0);
  await expectAccessible(page);
  await customer.close();
});

test("the mediator records the outcome: a failure without its next step is refused, then the agreement", async ({ browser }) => {
  const { reference } = journey;
  const mediator = await signedInPage(browser, backofficeUrl, "mediateur@accord.example");
  const page = mediator.page;
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  // The outcome « Échec » without its next step is refused beside the field, and nothing changes.
  const outcome = section(page, "Médiation").getByRole("form", { name: "Enregistrer l'issue" });
  await outcome.getByLabel("Issue", { exact: true }).selectOption({ label: "Échec" });
  await outcome.getByRole("button", { name: "Enregistrer l'issue" }).click();
  await expect(page.getByText("Après un échec, choisissez la suite : retour à l'instruction ou contentieux.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("En médiation");

  const retry = section(page, "Médiation").getByRole("form", { name: "Enregistrer l'issue" });
  await retry.getByLabel("Issue", { exact: true }).selectOption({ label: "Accord" });
  await retry.getByLabel("Notes sur l'issue (internes)").fill("Avoir sur les deux sacs de sucre.");
  await retry.getByRole("button", { name: "Enregistrer l'issue" }).click();
  await expect(page.getByText("Issue de la médiation enregistrée.")).toBeVisible();
  await expect(section(page, "Médiation")).toContainText("Accord trouvé");
  await expectAccessible(page);
  await mediator.close();
});

test("the agent proposes from mediation (approved if the thresholds require it); the customer accepts online; the case is resolved", async ({ browser }) => {
  const { reference } = journey;
  const agent = await signedInPage(browser, backofficeUrl, "agent@accord.example");
  const page = agent.page;
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await section(page, "Actions").getByRole("link", { name: "Proposer une solution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Proposer une solution" })).toBeVisible();
  await page.getByLabel("Modalités").fill("Avoir convenu en médiation, imputé sur la prochaine facture.");
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  const offered = page.getByText("Proposition envoyée au client.");
  const submitted = page.getByText("Proposition soumise à validation.");
  await expect(offered.or(submitted)).toBeVisible();
  if (await submitted.isVisible()) {
    const supervisor = await signedInPage(browser, backofficeUrl, "superviseur@accord.example");
    await supervisor.page.goto(`${backofficeUrl}/cases/${reference}`);
    const solution = section(supervisor.page, "Solution");
    await solution.getByRole("radio", { name: "Valider" }).check();
    await solution.getByLabel("Commentaire").fill("Conforme à l'accord de médiation.");
    await solution.getByRole("button", { name: "Enregistrer ma décision" }).click();
    await expect(supervisor.page.getByText("Proposition validée et envoyée au client.")).toBeVisible();
    await supervisor.close();
  }
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText("En négociation");
  await expect(page.getByTestId("proposal-1").getByTestId("proposal-from-mediation")).toHaveText("Issue de la médiation : elle reprend l'accord trouvé.");
  await agent.close();

  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  const cp = customer.page;
  await cp.goto(`${portalUrl}/cases/${reference}/proposal`);
  await cp.getByLabel("J'ai lu la proposition ci-dessus et je l'accepte au nom de ma société.").check();
  await cp.getByLabel("Vos prénom et nom (signature)").fill("Julie Martin");
  await cp.getByRole("button", { name: "Continuer vers la confirmation" }).click();
  await expect(cp.getByRole("heading", { name: "Confirmez-vous ?" })).toBeVisible();
  await cp.getByRole("button", { name: "Oui, j'accepte et je signe" }).click();
  await expect(cp.getByText("Vous avez accepté la proposition. Le protocole d'accord vous a été envoyé.")).toBeVisible();
  await cp.goto(`${portalUrl}/cases/${reference}`);
  await expect(cp.getByText("Résolu").first()).toBeVisible();
  // The mediation stays on the case, with its outcome.
  await expect(cp.getByRole("region", { name: "Médiation", exact: true })).toContainText("Un accord a été trouvé");
  await customer.close();

  const back = await signedInPage(browser, backofficeUrl, "agent@accord.example");
  await back.page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(back.page.getByTestId("case-status")).toHaveText("Résolu");
  await back.close();
});
