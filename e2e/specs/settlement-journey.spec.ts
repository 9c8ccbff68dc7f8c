import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signedInPage } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl } from "../support/fixtures";
import { linkIn, waitForEmail } from "../support/mailbox";

// Issue 11, done when: the whole amicable path across both apps, as its users do it. The customer files a
// price claim on two lines (the flour of FA-2026-10412, whose price the agreement indexes, and the oven of
// FA-2026-10588), the agent reads the suggestion (the indexation check), proposes a credit note above the
// supervisor's threshold, the supervisor approves, the customer follows the e-mail's link and accepts, the
// agent completes the decision, the stored agreement downloads from both apps, and the customer rates 9/10.
test.describe.configure({ mode: "serial" });
// Several users, pages and e-mails in one journey: well past the default minute on a loaded machine.
test.setTimeout(300_000);

const FLOUR = { invoice: "FA-2026-10412", line: 1, description: "Farine de blé T65 — sac de 25 kg", price: "17,00" };
const OVEN = { invoice: "FA-2026-10588", line: 1, description: "Four à sole 4 portes — installation", price: "9 000,00" };
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const journey = { reference: "", agreementSha256: "" };

/** The customer files the price claim through the portal form; returns its reference. */
async function filePriceClaim(browser: Browser): Promise<string> {
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  try {
    const page = customer.page;
    await page.goto(`${portalUrl}/claims/new`);
    const contract = page.getByLabel("Référence du contrat, du tarif ou du devis");
    await expect(async () => {
      await page.getByLabel("Type de problème").selectOption("other");
      await page.getByLabel("Type de problème").selectOption("price_billing");
      await expect(contract).toBeVisible({ timeout: 2_000 });
    }, "the price claim's own fields").toPass({ timeout: 60_000 });
    await page.getByLabel("Objet").fill("Prix de la farine et du four différents du contrat");
    await page.getByLabel("Description").fill("La farine T65 est facturée au-dessus du prix convenu après indexation, et le four au-dessus du devis.");
    await contract.fill("Contrat cadre 2026");
    for (const line of [FLOUR, OVEN]) {
      const invoice = page.locator(`details[data-invoice="${line.invoice}"]`);
      if ((await invoice.getAttribute("open")) === null) await invoice.locator("summary").click();
      await page.getByLabel(`Prix unitaire juste hors taxes, ligne ${line.line} : ${line.description}`).fill(line.price);
    }
    await page.getByLabel("Un avoir").check();
    await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
    await page.getByRole("region", { name: "Vérifiez votre réclamation" }).getByRole("button", { name: "Envoyer la réclamation" }).click();
    await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}\/submitted$/);
    return (await page.getByTestId("claim-reference").textContent())!.trim();
  } finally {
    await customer.close();
  }
}

test("the customer files a price claim; the agent reads the suggestion with the indexation check and proposes above the first threshold", async ({ browser }) => {
  journey.reference = await filePriceClaim(browser);
  const { reference } = journey;
  const agent = await signedInPage(browser, backofficeUrl, "agent@accord.example");
  const page = agent.page;
  // The demo's thresholds: a supervisor approves above 5 000 € (admin.spec keeps that one), finance above 20 000 € or more.
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await page.getByRole("button", { name: "Qualifier le dossier" }).click();
  await expect(page.getByText("Qualification enregistrée.")).toBeVisible();
  await page.getByRole("button", { name: "Démarrer l'instruction" }).click();
  await expect(page.getByText("Instruction démarrée.")).toBeVisible();
  await section(page, "Actions").getByRole("link", { name: "Proposer une solution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Proposer une solution" })).toBeVisible();

  // The reasoning: the flour checked against the agreement, indexation included; the oven at the customer's price.
  const lines = page.getByTestId("suggestion-lines");
  const flour = lines.getByRole("listitem").filter({ hasText: `${FLOUR.invoice} / 1` });
  await expect(flour).toContainText("INSEE-FARINE");
  const oven = lines.getByRole("listitem").filter({ hasText: `${OVEN.invoice} / 1` });
  await expect(oven).toContainText(/5\s800,00\s€/);
  // 5 800 € on the oven, plus the flour's overcharge against the indexed price (a few cents, by this month's index).
  await expect(page.getByTestId("suggested-amount")).toContainText(/Avoir, 5\s8\d\d,\d\d\s€ HT/);
  await expect(page.locator("#proposal-approvals")).toContainText("Superviseur");
  await expectAccessible(page);

  await page.getByLabel("Modalités").fill("Avoir imputé sur la prochaine facture du four.");
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(page.getByText("Proposition soumise à validation.")).toBeVisible();
  await expect(page.getByTestId("proposal-1").getByTestId("proposal-status")).toHaveText("En attente de validation");
  await agent.close();
});

test("the supervisor approves from « À valider »: the proposal goes to the customer", async ({ browser }) => {
  const { reference } = journey;
  expect(reference).not.toBe("");
  const supervisor = await signedInPage(browser, backofficeUrl, "superviseur@accord.example");
  const page = supervisor.page;
  await page.getByRole("navigation").getByRole("link", { name: /^À valider/ }).click();
  await page.getByRole("row", { name: new RegExp(reference) }).getByRole("link", { name: reference }).click();
  const solution = section(page, "Solution");
  await solution.getByRole("radio", { name: "Valider" }).check();
  await solution.getByLabel("Commentaire").fill("Écart de prix du four confirmé par le devis.");
  await solution.getByRole("button", { name: "Enregistrer ma décision" }).click();
  await expect(page.getByText("Proposition validée et envoyée au client.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("En négociation");
  await supervisor.close();
});

test("the customer reads the e-mail, follows its link and accepts; the agent completes the decision", async ({ browser }) => {
  const { reference } = journey;
  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`proposition de règlement pour votre dossier ${reference}`) });
  const link = linkIn(email, `${portalUrl}/cases/`);
  expect(link).toBe(`${portalUrl}/cases/${reference}/proposal`);

  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  const page = customer.page;
  await page.goto(link);
  await expect(page.getByTestId("proposal-text")).toContainText(/5\s8\d\d,\d\d/);
  await page.getByLabel("J'ai lu la proposition ci-dessus et je l'accepte au nom de ma société.").check();
  await page.getByLabel("Vos prénom et nom (signature)").fill("Léa Roux");
  await page.getByRole("button", { name: "Continuer vers la confirmation" }).click();
  await expect(page.getByRole("heading", { name: "Confirmez-vous ?" })).toBeVisible();
  await page.getByRole("button", { name: "Oui, j'accepte et je signe" }).click();
  await expect(page.getByText("Vous avez accepté la proposition. Le protocole d'accord vous a été envoyé.")).toBeVisible();
  journey.agreementSha256 = (await page.getByTestId("agreement-hash").textContent())!.trim();
  expect(journey.agreementSha256).toMatch(/^[0-9a-f]{64}$/);
  // The confirmation e-mail carries the same agreement.
  const confirmation = await waitForEmail("achats@martin.example", { subject: new RegExp(`Votre acceptation est enregistrée : dossier ${reference}`) });
  expect(confirmation.attachments?.[0]).toMatchObject({ type: "application/pdf", sha256: journey.agreementSha256 });
  await customer.close();

  const agent = await signedInPage(browser, backofficeUrl, "agent@accord.example");
  await agent.page.goto(`${backofficeUrl}/cases/${reference}#proposals`);
  await expect(agent.page.getByTestId("case-status")).toHaveText("Résolu");
  const complete = agent.page.getByRole("form", { name: "Compléter la décision" });
  await complete.getByLabel("Motivation communiquée au client").fill("L'écart de prix du four est établi ; le prix de la farine est conforme à l'indexation.");
  await complete.getByLabel("Numéro d'avoir").fill("AV-2026-0100");
  await complete.getByRole("button", { name: "Enregistrer" }).click();
  const decision = agent.page.getByTestId("decision");
  await expect(decision).toContainText("AV-2026-0100");
  await expect(agent.page.getByTestId("acceptance")).toContainText(journey.agreementSha256);
  await expect(agent.page.getByTestId("case-status")).toHaveText("Résolu");
  await expectAccessible(agent.page);
  await agent.close();
});

test("the agreement downloads from both apps, byte for byte the stored one; the invoices show their new due dates; the customer rates 9/10", async ({ browser }) => {
  const { reference, agreementSha256 } = journey;
  expect(agreementSha256).not.toBe("");
  const stored = await readFile(path.join(process.env.E2E_FILE_STORE_DIR!, agreementSha256.slice(0, 2), agreementSha256.slice(2, 4), agreementSha256));
  expect(sha256(stored)).toBe(agreementSha256);

  const agent = await signedInPage(browser, backofficeUrl, "agent@accord.example");
  const fromBackoffice = await agent.page.request.get(`${backofficeUrl}/cases/${reference}/agreement.pdf`);
  expect(fromBackoffice.status()).toBe(200);
  expect(Buffer.compare(await fromBackoffice.body(), stored)).toBe(0);
  // The printable page shows the signed document and links to the stored PDF.
  await agent.page.goto(`${backofficeUrl}/cases/${reference}/agreement`);
  await expect(agent.page.getByRole("heading", { level: 1, name: "Protocole d'accord" })).toBeVisible();
  await expect(agent.page.getByText("Léa Roux").first()).toBeVisible();
  await expect(agent.page.getByRole("complementary", { name: "Document de référence" })).toContainText(agreementSha256);
  await expectAccessible(agent.page);
  await agent.close();

  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  const page = customer.page;
  await page.goto(`${portalUrl}/cases/${reference}/agreement`);
  await expect(page.getByRole("heading", { level: 1, name: "Protocole d'accord" })).toBeVisible();
  await expectAccessible(page);
  const fromPortal = await page.request.get(`${portalUrl}/cases/${reference}/agreement.pdf`);
  expect(fromPortal.status()).toBe(200);
  expect(fromPortal.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.compare(await fromPortal.body(), stored)).toBe(0);

  await page.goto(`${portalUrl}/cases/${reference}`);
  const decision = page.getByRole("region", { name: "Décision" });
  await expect(decision).toContainText("Règlement amiable");
  await expect(decision).toContainText("AV-2026-0100");
  const dueDates = decision.getByRole("table", { name: "Nouvelles échéances des factures concernées" });
  await expect(dueDates).toContainText(FLOUR.invoice);
  await expect(dueDates).toContainText(OVEN.invoice);

  // The invoice page: the undisputed part keeps its date, what remains falls due on the new date.
  await page.getByRole("link", { name: "Mes factures", exact: true }).click();
  await page.goto(`${portalUrl}/invoices/${OVEN.invoice}`);
  await expect(page.getByRole("heading", { level: 1, name: `Facture ${OVEN.invoice}` })).toBeVisible();
  await expect(page.getByText(/Partie non contestée : .*, échéance inchangée le/)).toBeVisible();
  await expect(page.getByText(/Reste dû après litige : .*, nouvelle échéance le/)).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${portalUrl}/cases/${reference}/survey?score=9`);
  await expect(page.getByLabel("9", { exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(page.getByText("Merci pour votre avis !")).toBeVisible();
  await customer.close();
});

test("finance downloads the credit note as UBL 2.1 XML and the ERP export listing it", async ({ browser }) => {
  const { reference } = journey;
  const finance = await signedInPage(browser, backofficeUrl, "finance@accord.example");
  const page = finance.page;
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  const [xmlDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger l'avoir (UBL 2.1, XML)" }).click()]);
  const xml = await readFile((await xmlDownload.path())!, "utf8");
  expect(xml).toContain("<CreditNote");
  expect(xml).toContain("<cbc:ID>AV-2026-0100</cbc:ID>");
  expect(xml).toContain(OVEN.invoice);

  await page.getByRole("link", { name: "Factures", exact: true }).click();
  const form = page.getByRole("region", { name: "Export ERP" });
  await form.getByLabel("Du", { exact: true }).fill("2020-01-01");
  await form.getByLabel("Au", { exact: true }).fill("2030-12-31");
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Télécharger le CSV" }).click()]);
  const records = (await readFile((await csvDownload.path())!, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
  const ofCase = records.filter((record) => record.includes(`;${reference};`));
  expect(ofCase.some((record) => record.startsWith("release;"))).toBe(true);
  expect(ofCase.some((record) => record.startsWith("credit_note_issued;") && record.endsWith(";AV-2026-0100"))).toBe(true);
  await finance.close();
});
