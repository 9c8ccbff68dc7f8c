import { expect, test, type Browser, type Page } from "@playwright/test";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { fileClaimInPortal } from "../support/claims";
import { linkIn, waitForEmail } from "../support/mailbox";

/** Signs in and waits for the sign-in to land (before going anywhere else). */
async function signInAs(page: Page, baseUrl: string, email: string) {
  await signIn(page, baseUrl, email);
  await expect(page).not.toHaveURL(/\/login/);
}


// One story on the demo data, in order: the flour claim (filed by achats@martin.example) gets a reply,
// an evidence request and its answer; the peels claim (admin@martin.example) is withdrawn.
test.describe.configure({ mode: "serial" });

const FLOUR = "Farine T55 humide, sacs moisis";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
// A 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

let flourReference = "";
let peelsReference = "";

async function referenceOf(page: Page, title: string): Promise<string> {
  await page.goto(`${portalUrl}/cases`);
  const text = await page.getByRole("row").filter({ hasText: title }).getByRole("link").first().textContent();
  return text!.trim();
}

async function newSignedInPage(browser: Browser, baseUrl: string, email: string) {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signInAs(page, baseUrl, email);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

const formWith = (page: Page, button: string) => page.locator("form").filter({ has: page.getByRole("button", { name: button, exact: true }) });

test("the case page shows the summary, the SLA commitment and the public timeline; the customer replies with an attachment and downloads it", async ({ page }) => {
  await signInAs(page, portalUrl, "achats@martin.example");
  flourReference = await referenceOf(page, FLOUR);
  await page.getByRole("link", { name: flourReference }).click();
  await expect(page).toHaveURL(`${portalUrl}/cases/${flourReference}`);
  await expect(page.getByRole("heading", { level: 1, name: FLOUR })).toBeVisible();

  const summary = page.getByRole("region", { name: "Résumé" });
  await expect(summary).toContainText("Reçu");
  await expect(summary).toContainText("Notre équipe qualifie votre réclamation.");
  await expect(summary).toContainText("À notre équipe");
  const sla = page.getByRole("region", { name: "Notre engagement" });
  await expect(sla).toContainText(/Première réponse sous \d+([,.]\d+)? (jours? ouvrés?|heures? ouvrées?)/);
  await expect(sla).toContainText(/Résolution sous/);
  await expect(page.getByRole("region", { name: "Historique" })).toContainText("Réclamation reçue");
  await expect(page.getByRole("region", { name: "Lignes de facture contestées" })).toContainText("FA-2026-10702");
  await expectAccessible(page);

  // A reply with a file: the uploader stages it (progress bar), the form sends its id.
  const reply = formWith(page, "Envoyer");
  await reply.getByLabel("Votre message").fill("Voici le bon de livraison annoté.");
  await reply.getByLabel("Pièces jointes").setInputFiles({ name: "bon-livraison.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(reply.locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
  await reply.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.getByText("Votre message a été envoyé.")).toBeVisible();
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages).toContainText("Voici le bon de livraison annoté.");
  await expect(messages).toContainText("Léa Roux");
  await expect(page.getByRole("region", { name: "Historique" })).toContainText("Message envoyé");

  // The attachment is downloadable: an attachment with its name, the detected type, no sniffing.
  const link = messages.getByRole("link", { name: "Télécharger bon-livraison.pdf" });
  const href = await link.getAttribute("href");
  const response = await page.request.get(`${portalUrl}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain("attachment;");
  expect(response.headers()["content-disposition"]).toContain("filename*=UTF-8''bon-livraison.pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.compare(await response.body(), PDF)).toBe(0);
  await expect(page.getByRole("region", { name: "Pièces partagées" }).getByRole("link", { name: "Télécharger bon-livraison.pdf" })).toBeVisible();

  // An empty message is refused next to its field.
  await formWith(page, "Envoyer").getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.getByLabel("Votre message")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Ce champ est obligatoire.")).toBeVisible();
  await expectAccessible(page);
});

test("an evidence request from the back-office pauses the case; the customer answers it with a file and the case waits on the supplier again", async ({ browser, page }) => {
  expect(flourReference).not.toBe("");
  const agent = await newSignedInPage(browser, backofficeUrl, "agent@accord.example");
  await agent.page.goto(`${backofficeUrl}/cases/${flourReference}`);
  await agent.page.getByRole("button", { name: "Qualifier le dossier" }).click();
  await expect(agent.page.getByText("Qualification enregistrée.").first()).toBeVisible();
  await agent.page.getByRole("button", { name: "Démarrer l'instruction" }).click();
  await expect(agent.page.getByText("Instruction démarrée.").first()).toBeVisible();
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const before = Date.now() - 1000;
  await agent.page.getByLabel("Pièces demandées (une par ligne)").fill("Photos des sacs moisis\nÉtiquette du lot L2026-1102");
  await agent.page.getByLabel("À fournir avant le").fill(due);
  await agent.page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(agent.page.getByText("Demande envoyée au client ; le délai SLA est suspendu.").first()).toBeVisible();
  // An internal note with a unique string: it must never reach the customer.
  const secret = `NOTE-INTERNE-${Date.now()}`;
  await agent.page.getByLabel("Note (visible uniquement par l'équipe, jamais envoyée au client)").fill(`Client à relancer ${secret}`);
  await agent.page.getByRole("button", { name: "Ajouter la note interne" }).click();
  await expect(agent.page.getByText("Note interne ajoutée.").first()).toBeVisible();
  await agent.context.close();

  // The customer is told by e-mail, with a link to the case page.
  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`Informations demandées pour votre dossier ${flourReference}`), after: before });
  expect(email.text).toContain("Photos des sacs moisis");
  expect(email.text).not.toContain(secret);
  await signInAs(page, portalUrl, "achats@martin.example");
  await page.goto(linkIn(email, `${portalUrl}/cases/`));
  const summary = page.getByRole("region", { name: "Résumé" });
  await expect(summary).toContainText("En attente de votre réponse");
  await expect(summary).toContainText("À vous");
  await expect(page.getByRole("region", { name: "Notre engagement" })).toContainText("Le délai est suspendu tant que nous attendons votre réponse.");
  const requests = page.getByRole("region", { name: "Pièces demandées" });
  await expect(requests).toContainText("Photos des sacs moisis");
  await expect(page.locator("body")).not.toContainText(secret);
  await expect(requests).toContainText("Étiquette du lot L2026-1102");
  await expectAccessible(page);

  // An empty answer is refused next to its field.
  const answer = formWith(page, "Envoyer ma réponse");
  await answer.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(page.getByText("Écrivez une réponse ou joignez au moins un fichier.")).toBeVisible();
  await expect(answer.getByLabel("Votre réponse")).toHaveAttribute("aria-invalid", "true");
  await expect(summary).toContainText("En attente de votre réponse");

  // The answer: a text and a photo, uploaded against the request.
  await answer.getByLabel("Votre réponse").fill("Photos jointes ; l'étiquette est sur la deuxième.");
  await answer.getByLabel("Pièces jointes").setInputFiles({ name: "sacs.png", mimeType: "image/png", buffer: PNG });
  await expect(answer.locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
  await answer.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(page.getByText("Votre réponse a été envoyée.")).toBeVisible();
  await expect(summary).toContainText("En cours d'analyse");
  await expect(summary).toContainText("À notre équipe");
  await expect(requests).toContainText(/Répondu le/);
  await expect(requests.getByRole("link", { name: "Télécharger sacs.png" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Envoyer ma réponse" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Notre engagement" })).not.toContainText("Le délai est suspendu");
  await expect(page.getByRole("region", { name: "Historique" })).toContainText("Toutes les pièces ont été fournies");
  await expectAccessible(page);
});

test("a viewer reads the case but has no action, and the withdraw page does not exist for them", async ({ page }) => {
  expect(flourReference).not.toBe("");
  await signInAs(page, portalUrl, "compta@martin.example");
  await page.goto(`${portalUrl}/cases/${flourReference}`);
  await expect(page.getByRole("heading", { level: 1, name: FLOUR })).toBeVisible();
  await expect(page.getByText("Vous consultez ce dossier en lecture seule.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Messages" })).toContainText("Voici le bon de livraison annoté.");
  await expect(page.getByRole("button")).toHaveText([/se déconnecter/i]);
  await expect(page.getByRole("link", { name: "Retirer ce dossier…" })).toHaveCount(0);
  await expectAccessible(page);
  const withdraw = await page.goto(`${portalUrl}/cases/${flourReference}/withdraw`);
  expect(withdraw?.status()).toBe(404);
  // Posting anyway is refused server-side.
  const posted = await page.request.post(`${portalUrl}/cases/${flourReference}`, { form: { intent: "reply", body: "Je ne devrais pas pouvoir écrire" }, headers: { Origin: portalUrl } });
  expect(posted.status()).toBe(404);
  await page.goto(`${portalUrl}/cases/${flourReference}`);
  await expect(page.getByText("Je ne devrais pas pouvoir écrire")).toHaveCount(0);
});

test("the customer withdraws a case with a reason, after a confirmation", async ({ page }) => {
  // A case of its own: the demo cases stay open for the specs that look for them (duplicates, queue).
  peelsReference = await fileClaimInPortal({ email: "admin@martin.example", title: "Pelles en double dans la livraison" });
  await signInAs(page, portalUrl, "admin@martin.example");
  await page.goto(`${portalUrl}/cases/${peelsReference}`);
  await page.getByRole("link", { name: "Retirer ce dossier…" }).click();
  await expect(page).toHaveURL(`${portalUrl}/cases/${peelsReference}/withdraw`);
  await expect(page.getByRole("heading", { level: 1, name: `Retirer le dossier ${peelsReference} ?` })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Oui, retirer le dossier" }).click();
  await expect(page.getByLabel("Motif du retrait")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Ce champ est obligatoire.")).toBeVisible();

  const before = Date.now() - 1000;
  await page.getByLabel("Motif du retrait").fill("Les deux pelles ont été retrouvées dans un autre colis.");
  await page.getByRole("button", { name: "Oui, retirer le dossier" }).click();
  await expect(page).toHaveURL(`${portalUrl}/cases/${peelsReference}`);
  await expect(page.getByText("Le dossier a été retiré.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Résumé" })).toContainText("Retiré");
  const history = page.getByRole("region", { name: "Historique" });
  await expect(history).toContainText("Dossier retiré");
  await expect(history).toContainText("Motif : Les deux pelles ont été retrouvées dans un autre colis.");
  await expect(page.getByRole("link", { name: "Retirer ce dossier…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Envoyer", exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await waitForEmail("admin@martin.example", { subject: new RegExp(`Votre dossier ${peelsReference} est retiré`), after: before });
});

test("a user of another company gets a 404 for a Boulangeries Martin case, its withdraw page and its files", async ({ browser, page }) => {
  expect(flourReference).not.toBe("");
  const martin = await newSignedInPage(browser, portalUrl, "achats@martin.example");
  await martin.page.goto(`${portalUrl}/cases/${flourReference}`);
  const fileHref = await martin.page.getByRole("region", { name: "Pièces partagées" }).getByRole("link").first().getAttribute("href");
  await martin.context.close();

  await signInAs(page, portalUrl, "admin@hotelduport.example");
  const casePage = await page.goto(`${portalUrl}/cases/${flourReference}`);
  expect(casePage?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(page.getByText(FLOUR)).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.request.get(`${portalUrl}/cases/${flourReference}/withdraw`)).status()).toBe(404);
  expect((await page.request.get(`${portalUrl}${fileHref}`)).status()).toBe(404);
  const posted = await page.request.post(`${portalUrl}/cases/${flourReference}`, { form: { intent: "reply", body: "x" }, headers: { Origin: portalUrl } });
  expect(posted.status()).toBe(404);
});
