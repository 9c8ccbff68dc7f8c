import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, signedInPage, startInvestigationAsAgent } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl } from "../support/fixtures";
import { readMailbox, waitForEmail } from "../support/mailbox";

// Issue 12, journey 2: a case goes to the legal department, through its procedure, to a judgment with legal costs.
test.describe.configure({ mode: "serial" });
// Several users and pages in one journey: more than the default minute on a loaded machine.
test.setTimeout(240_000);

const PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const REASON = "Le client refuse de régler malgré trois relances et conteste sans preuve.";
const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

let reference = "";

test("a supervisor hands the case over; legal records the procedure with documents and costs; the customer sees only the legal-department line and the shared document", async ({ browser, page }) => {
  reference = await fileClaimInPortal({ title: "Sucre humide — contentieux" });
  await startInvestigationAsAgent(page, reference);
  // An agent does not hand over to legal: the supervisor does.
  await expect(page.getByRole("form", { name: "Transmettre au service juridique" })).toHaveCount(0);

  const supervisor = await signedInPage(browser, backofficeUrl, "superviseur@accord.example");
  try {
    const s = supervisor.page;
    await s.goto(`${backofficeUrl}/cases/${reference}`);
    const handOver = s.getByRole("form", { name: "Transmettre au service juridique" });
    // Bad input: no reason, no amount — refused next to each field, nothing changes.
    await handOver.getByRole("button", { name: "Transmettre au service juridique" }).click();
    await expect(s.getByLabel("Motif du passage au contentieux")).toHaveAccessibleDescription(/Indiquez le motif du passage au contentieux\./);
    await expect(s.getByTestId("case-status")).toHaveText("En instruction");
    await s.getByLabel("Motif du passage au contentieux").fill(REASON);
    await s.getByLabel("Montant en jeu HT (€)").fill("1 234,56");
    await s.getByRole("form", { name: "Transmettre au service juridique" }).getByRole("button", { name: "Transmettre au service juridique" }).click();
    await expect(s.getByText("Dossier transmis au service juridique.")).toBeVisible();
    await expect(s.getByTestId("case-status")).toHaveText("Contentieux");
    const litigation = region(s, "Contentieux");
    await expect(litigation).toContainText(REASON);
    await expect(litigation).toContainText(/1\s234,56\s€/);
    await expect(litigation).toContainText("Julien Moreau");
    await expectAccessible(s);
  } finally {
    await supervisor.close();
  }

  const juriste = await signedInPage(browser, backofficeUrl, "juriste@accord.example");
  try {
    const j = juriste.page;
    await j.goto(`${backofficeUrl}/cases/${reference}`);
    await expect(j.getByTestId("case-status")).toHaveText("Contentieux");
    const step = () => j.getByRole("form", { name: "Enregistrer une étape" });
    const steps = region(j, "Contentieux").getByRole("table", { name: "Étapes de la procédure" });
    const costs = region(j, "Contentieux").getByRole("table", { name: "Frais de procédure" });
    // The formal notice, with its document shared with the customer.
    await step().getByLabel("Étape", { exact: true }).selectOption("formal_notice");
    await step().getByLabel("Date de l'étape").fill("2026-11-02");
    await step().getByLabel("Notes (internes)").fill("Envoyée en recommandé avec accusé de réception.");
    await step().getByLabel("Partager le document avec le client").check();
    await step().getByLabel("Document", { exact: true }).setInputFiles({ name: "mise-en-demeure.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(step().locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
    await step().getByRole("button", { name: "Enregistrer l'étape" }).click();
    await expect(j.getByText("Étape de la procédure enregistrée.")).toBeVisible();
    await expect(steps.getByRole("row")).toHaveCount(2);
    // The injunction to pay, with an internal document; the hearing, ahead.
    await step().getByLabel("Étape", { exact: true }).selectOption("injunction_to_pay");
    await step().getByLabel("Date de l'étape").fill("2026-11-16");
    await step().getByLabel("Document", { exact: true }).setInputFiles({ name: "requete-injonction.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(step().locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
    await step().getByRole("button", { name: "Enregistrer l'étape" }).click();
    await expect(j.getByText("Étape de la procédure enregistrée.")).toBeVisible();
    await expect(steps.getByRole("row")).toHaveCount(3);
    await step().getByLabel("Étape", { exact: true }).selectOption("court_hearing");
    await step().getByLabel("Date de l'étape").fill("2027-03-15");
    await step().getByRole("button", { name: "Enregistrer l'étape" }).click();
    await expect(j.getByText("Étape de la procédure enregistrée.")).toBeVisible();
    await expect(steps.getByRole("row")).toHaveCount(4);
    await expect(steps.getByRole("row", { name: /Mise en demeure/ })).toContainText("mise-en-demeure.pdf");
    await expect(steps.getByRole("row", { name: /Injonction de payer/ })).toContainText("requete-injonction.pdf");
    await expect(steps.getByRole("row", { name: /Audience/ })).toContainText("15 mars 2027");

    // Two legal costs: the total is their sum.
    const cost = () => j.getByRole("form", { name: "Ajouter un frais" });
    await cost().getByLabel("Nature du frais").fill("Honoraires d'avocat");
    await cost().getByLabel("Montant (€)").fill("800,00");
    await cost().getByLabel("Date du frais").fill("2026-11-20");
    await cost().getByRole("button", { name: "Ajouter le frais" }).click();
    await expect(j.getByText("Frais enregistré.")).toBeVisible();
    await expect(costs.getByRole("row")).toHaveCount(2);
    await cost().getByLabel("Nature du frais").fill("Commissaire de justice");
    await cost().getByLabel("Montant (€)").fill("200,50");
    await cost().getByLabel("Date du frais").fill("2026-11-21");
    await cost().getByRole("button", { name: "Ajouter le frais" }).click();
    await expect(costs.getByRole("row")).toHaveCount(3);
    await expect(j.getByTestId("legal-costs-total")).toHaveText(/Total des frais : 1\s000,50\s€/);
    await expectAccessible(j);
  } finally {
    await juriste.close();
  }

  // The customer: the legal-department line and the shared document; nothing else of the litigation.
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  try {
    const c = customer.page;
    await c.goto(`${portalUrl}/cases/${reference}`);
    await expect(c.getByTestId("legal-handled")).toHaveText("Dossier traité par notre service juridique.");
    await expect(region(c, "Résumé")).toContainText("Dossier traité par notre service juridique");
    const legal = region(c, "Service juridique");
    await expect(legal.getByRole("link", { name: "Télécharger mise-en-demeure.pdf" })).toBeVisible();
    const body = (await c.locator("main").textContent()) ?? "";
    for (const secret of ["requete-injonction.pdf", REASON, "234,56", "Honoraires d'avocat", "Commissaire de justice", "recommandé", "Audience", "Injonction"]) {
      expect(body, secret).not.toContain(secret);
    }
    const href = await legal.getByRole("link", { name: "Télécharger mise-en-demeure.pdf" }).getAttribute("href");
    const response = await c.request.get(`${portalUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(Buffer.from(await response.body()).equals(PDF)).toBe(true);
    await expectAccessible(c);
  } finally {
    await customer.close();
  }
});

test("a judgment without a date is refused and nothing changes; with its date and amounts it resolves the case « judged »", async ({ browser }) => {
  expect(reference).not.toBe("");
  const juriste = await signedInPage(browser, backofficeUrl, "juriste@accord.example");
  try {
    const j = juriste.page;
    await j.goto(`${backofficeUrl}/cases/${reference}`);
    const judgment = () => j.getByRole("form", { name: "Jugement" });
    await judgment().getByLabel("Décision", { exact: true }).selectOption("partly");
    await judgment().getByLabel("Montant accordé au client HT (€)").fill("10,00");
    await judgment().getByLabel("Montant dû par le client (€)").fill("30,00");
    await judgment().getByRole("button", { name: "Enregistrer le jugement" }).click();
    await expect(judgment().getByLabel("Date du jugement")).toHaveAccessibleDescription(/Saisissez la date du jugement : un jugement sans date ne peut pas être enregistré\./);
    await expect(judgment().getByLabel("Montant accordé au client HT (€)")).toHaveValue("10,00");
    await j.goto(`${backofficeUrl}/cases/${reference}`);
    await expect(j.getByTestId("case-status")).toHaveText("Contentieux");
    await expect(region(j, "Contentieux").getByRole("table", { name: "Étapes de la procédure" }).getByRole("row")).toHaveCount(4);
    await expect(j.getByTestId("litigation-ending")).toHaveText("Procédure en cours");

    // With its date: the case is resolved « judged », the judgment listed with its document, the costs' total kept.
    await judgment().getByLabel("Date du jugement").fill("2026-11-30");
    await judgment().getByLabel("Décision", { exact: true }).selectOption("partly");
    await judgment().getByLabel("Montant accordé au client HT (€)").fill("10,00");
    await judgment().getByLabel("Montant dû par le client (€)").fill("30,00");
    await judgment().getByLabel("Partager le document avec le client").check();
    await judgment().getByLabel("Jugement (document)").setInputFiles({ name: "jugement.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(judgment().locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
    await judgment().getByRole("button", { name: "Enregistrer le jugement" }).click();
    await expect(j.getByText("Jugement enregistré : le dossier est résolu et le client en est informé.")).toBeVisible();
    await expect(j.getByTestId("case-status")).toHaveText("Résolu");
    await expect(j.getByTestId("litigation-ending")).toHaveText("Jugé");
    const steps = region(j, "Contentieux").getByRole("table", { name: "Étapes de la procédure" });
    await expect(steps.getByRole("row", { name: /Jugement/ })).toContainText("jugement.pdf");
    await expect(steps.getByRole("row", { name: /Jugement/ })).toContainText(/Partiellement en faveur du client — accordé au client : 10,00\s€ ; dû par le client : 30,00\s€/);
    await expect(j.getByTestId("decision")).toContainText("Jugé");
    await expect(j.getByTestId("legal-costs-total")).toHaveText(/Total des frais : 1\s000,50\s€/);
    await expect(j.getByRole("form", { name: "Jugement" })).toHaveCount(0);
    await expectAccessible(j);
  } finally {
    await juriste.close();
  }

  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  try {
    const c = customer.page;
    await c.goto(`${portalUrl}/cases/${reference}`);
    const legal = region(c, "Service juridique");
    await expect(legal.getByRole("link", { name: "Télécharger jugement.pdf" })).toBeVisible();
    await expect(legal.getByRole("link", { name: "Télécharger mise-en-demeure.pdf" })).toBeVisible();
    const body = (await c.locator("main").textContent()) ?? "";
    for (const secret of ["requete-injonction.pdf", REASON, "Honoraires d'avocat", "000,50"]) expect(body, secret).not.toContain(secret);
  } finally {
    await customer.close();
  }

  // The resolution e-mail tells the customer the court decided; no e-mail of the case carries the litigation's internals.
  const resolution = await waitForEmail("achats@martin.example", { subject: new RegExp(`Décision sur votre dossier ${reference}`) });
  expect(resolution.text).toContain("Il est tranché par une décision de justice.");
  const mails = (await readMailbox()).filter((mail) => mail.subject.includes(reference) || mail.text.includes(reference));
  for (const mail of mails) {
    for (const secret of [REASON, "Honoraires d'avocat", "requete-injonction.pdf", "recommandé"]) expect(`${mail.subject} ${mail.text} ${mail.html}`, secret).not.toContain(secret);
  }
});
