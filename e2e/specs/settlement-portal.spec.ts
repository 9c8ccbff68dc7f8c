import { createHash } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { resources } from "../../apps/portal/app/locales/index.ts";
import { expectAccessible, signIn } from "../support/fixtures";
import { linkIn, waitForEmail } from "../support/mailbox";
import { catalogueChecks, checkPage } from "../support/page-checks";
import { offeredCase, settlementDb } from "../support/settlement";
import { startAccord, type Accord } from "../support/stack";
import type { DbHandle } from "@accord/db";

/**
 * Issue 11, journey 3: the customer decides in the portal. An Accord of this spec's own (its database is
 * reached to put proposals before the customer, as the agent's approved proposal would): the e-mail's link,
 * a viewer who reads but cannot decide, a counter-proposal, an acceptance with consent, name and a
 * confirmation step (and a second tab that finds it already accepted), the stored agreement downloaded,
 * the survey, and an expired proposal that can no longer be accepted.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });

let accord: Accord;
let handle: DbHandle;
const cases = { counter: "", accept: "", expired: "" };

test.beforeAll(async () => {
  test.setTimeout(400_000);
  accord = await startAccord();
  handle = settlementDb(accord);
  const member = "achats@martin.example";
  cases.counter = await offeredCase(handle, accord, { filedBy: member, invoice: "FA-2026-10702", line: 2, product: "Sucre semoule — sac de 25 kg", amount: "25,00" });
  cases.accept = await offeredCase(handle, accord, { filedBy: member, invoice: "FA-2026-10588", line: 1, product: "Four à sole 4 portes", amount: "500,00" });
  cases.expired = await offeredCase(handle, accord, { filedBy: member, invoice: "FA-2026-10588", line: 3, product: "Contrat de maintenance annuel", amount: "100,00", offeredDaysAgo: 3, expiresInDays: 1 });
});

test.afterAll(async () => {
  await handle?.close();
  await accord?.stop();
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signIn(page, accord.portal, email);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** Step 1 of the acceptance on the open proposal page: consent, name, "continue". */
async function reviewAcceptance(page: Page, name: string) {
  await page.getByLabel("J'ai lu la proposition ci-dessus et je l'accepte au nom de ma société.").check();
  await page.getByLabel("Vos prénom et nom (signature)").fill(name);
  await page.getByRole("button", { name: "Continuer vers la confirmation" }).click();
  await expect(page.getByRole("heading", { name: "Confirmez-vous ?" })).toBeVisible();
}

test("the e-mail links to the proposal; a viewer reads it without a form; the member counter-proposes", async ({ browser }) => {
  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`proposition de règlement pour votre dossier ${cases.counter}`), dir: accord.mailbox });
  const link = linkIn(email, `${accord.portal}/cases/`);
  expect(link).toBe(`${accord.portal}/cases/${cases.counter}/proposal`);

  const viewer = await signedIn(browser, "compta@martin.example");
  await viewer.goto(link);
  await expect(viewer.getByRole("heading", { level: 1, name: "Proposition n° 1" })).toBeVisible();
  await expect(viewer.getByTestId("proposal-text")).toContainText("25,00");
  await expect(viewer.getByText(/Seul l'administrateur de votre compte ou la personne qui suit le dossier peut l'accepter/)).toBeVisible();
  for (const answer of ["Continuer vers la confirmation", "Envoyer la contre-proposition", "Refuser la proposition"]) await expect(viewer.getByRole("button", { name: answer })).toHaveCount(0);
  await expectAccessible(viewer);
  await viewer.context().close();

  const member = await signedIn(browser, "achats@martin.example");
  await member.goto(link);
  // The text is shown as stored, and its hash is the one the form posts.
  const text = await member.getByTestId("proposal-text").textContent();
  await expect(member.getByTestId("proposal-hash")).toHaveText(createHash("sha256").update(text!, "utf8").digest("hex"));
  await expectAccessible(member);
  // Refused next to the field, nothing sent: an amount above what is disputed.
  await member.getByLabel("Nature de votre contre-proposition").selectOption({ label: "Remboursement" });
  await member.getByLabel("Montant HT (€)").fill("99,00");
  await member.getByLabel("Commentaire", { exact: true }).fill("Remboursement du sac abîmé.");
  await member.getByRole("button", { name: "Envoyer la contre-proposition" }).click();
  await expect(member.getByText("Le montant ne peut pas dépasser le montant contesté.")).toBeVisible();
  await member.getByLabel("Montant HT (€)").fill("31,50");
  await member.getByRole("button", { name: "Envoyer la contre-proposition" }).click();
  await expect(member).toHaveURL(`${accord.portal}/cases/${cases.counter}`);
  await expect(member.getByText("Votre contre-proposition a été transmise à notre équipe.")).toBeVisible();
  await member.goto(link);
  await expect(member.getByText("Contre-proposition envoyée")).toBeVisible();
  await expect(member.getByText(/Votre contre-proposition n°\s2 du .*\s:\sRemboursement, 31,50\s€\sHT\./)).toBeVisible();
  await expect(member.getByRole("button", { name: "Continuer vers la confirmation" })).toHaveCount(0);
  await member.context().close();
});

test("the member accepts after confirming; a second tab finds it already accepted; the stored agreement downloads; 9/10", async ({ browser }) => {
  const member = await signedIn(browser, "achats@martin.example");
  const url = `${accord.portal}/cases/${cases.accept}/proposal`;
  // The case page points to the proposal.
  await member.goto(`${accord.portal}/cases/${cases.accept}`);
  await expect(member.getByRole("heading", { name: "Proposition", exact: true })).toBeVisible();
  await member.getByRole("link", { name: "Voir la proposition et y répondre" }).click();
  await expect(member).toHaveURL(url);

  // Consent left unticked: refused next to the box.
  await member.getByLabel("Vos prénom et nom (signature)").fill("Léa Roux");
  await member.getByRole("button", { name: "Continuer vers la confirmation" }).click();
  await expect(member.getByText("Cochez la case pour confirmer votre accord.")).toBeVisible();

  const other = await member.context().newPage();
  await other.goto(url);
  await reviewAcceptance(member, "Léa Roux");
  await reviewAcceptance(other, "Léa Roux");
  const hash = await member.getByTestId("proposal-hash").textContent();
  await expect(member.getByRole("region", { name: "Confirmez-vous ?" })).toContainText(hash!);
  await expectAccessible(member);

  await member.getByRole("button", { name: "Oui, j'accepte et je signe" }).click();
  await expect(member.getByText("Vous avez accepté la proposition. Le protocole d'accord vous a été envoyé.")).toBeVisible();
  await other.getByRole("button", { name: "Oui, j'accepte et je signe" }).click();
  await expect(other.getByText("Cette proposition a déjà été acceptée.")).toBeVisible();

  const record = member.getByRole("region", { name: "Votre acceptation" });
  await expect(record).toContainText("Léa Roux");
  await expect(record).toContainText(hash!);
  await expect(member.getByText("Acceptée", { exact: true })).toBeVisible();
  await expectAccessible(member);
  const agreementSha256 = (await member.getByTestId("agreement-hash").textContent())!.trim();
  expect(agreementSha256).toMatch(/^[0-9a-f]{64}$/);
  const download = await member.request.get(`${accord.portal}/cases/${cases.accept}/agreement.pdf`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  const bytes = await download.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(agreementSha256);

  // The case page: the decision, the invoice's new due dates, the survey.
  await member.goto(`${accord.portal}/cases/${cases.accept}`);
  const decision = member.getByRole("region", { name: "Décision" });
  await expect(decision).toContainText("Règlement amiable");
  await expect(decision).toContainText("500,00");
  await expect(decision.getByRole("table", { name: "Nouvelles échéances des factures concernées" })).toContainText("FA-2026-10588");
  await expectAccessible(member);

  // The closing e-mail's link: the score prefilled.
  await member.goto(`${accord.portal}/cases/${cases.accept}/survey?score=9`);
  await expect(member.getByLabel("9", { exact: true })).toBeChecked();
  await expectAccessible(member);
  await member.getByLabel("Commentaire (facultatif)").fill("Rapide et clair.");
  await member.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(member.getByText("Merci pour votre avis !")).toBeVisible();
  await expect(member.getByText("Vous avez noté le traitement de ce dossier 9/10. Merci !")).toBeVisible();
  // Once only: the survey page now thanks instead of asking.
  await member.goto(`${accord.portal}/cases/${cases.accept}/survey`);
  await expect(member.getByRole("button", { name: "Envoyer mon avis" })).toHaveCount(0);

  // The settlement pages with their content, in French and English: one h1, no catalogue key, axe.
  const { catalogueKey, frenchOnly } = catalogueChecks(resources);
  for (const language of ["fr", "en"] as const) {
    if (language === "en") await member.goto(`${accord.portal}/?lng=en`);
    for (const path of ["proposal", "survey", ""]) {
      await checkPage(member, { baseUrl: accord.portal, url: `/cases/${cases.accept}${path ? `/${path}` : ""}`, language, catalogueKey, frenchOnly });
    }
  }

  // Anyone who sees the case downloads the same bytes; another company gets a 404.
  const viewer = await signedIn(browser, "compta@martin.example");
  const seen = await viewer.request.get(`${accord.portal}/cases/${cases.accept}/agreement.pdf`);
  expect(createHash("sha256").update(await seen.body()).digest("hex")).toBe(agreementSha256);
  const stranger = await signedIn(browser, "admin@hotelduport.example");
  expect((await stranger.request.get(`${accord.portal}/cases/${cases.accept}/agreement.pdf`)).status()).toBe(404);
  for (const page of [member, viewer, stranger]) await page.context().close();
});

test("an expired proposal says so and can no longer be accepted", async ({ browser }) => {
  const member = await signedIn(browser, "achats@martin.example");
  await member.goto(`${accord.portal}/cases/${cases.expired}/proposal`);
  await expect(member.getByText(/Cette proposition a expiré le .*\s:\selle ne peut plus être acceptée\./)).toBeVisible();
  await expect(member.getByText("Expirée", { exact: true })).toBeVisible();
  await expect(member.getByRole("button", { name: "Continuer vers la confirmation" })).toHaveCount(0);
  await expectAccessible(member);
  await member.context().close();
});
