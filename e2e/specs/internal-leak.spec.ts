import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, signedInPage, startInvestigationAsAgent } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl } from "../support/fixtures";
import { readMailbox, waitForEmail } from "../support/mailbox";

// A unique string planted in an internal note and in an internal file's name and content must never
// reach the portal (any page of the case, any file of it) nor any e-mail of the case.
const SECRET = `FUITE${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
// A whole journey through both apps and the mailbox: more than the default minute on a loaded machine.
test.setTimeout(180_000);

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function addFile(page: Page, visibility: "Partagée avec le client" | "Interne", name: string, content: string) {
  const form = section(page, "Pièces");
  await form.getByLabel(visibility).check();
  await form.getByLabel("Fichiers", { exact: true }).setInputFiles({ name, mimeType: "application/pdf", buffer: pdf(content) });
  await expect(form.locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
  await form.getByRole("button", { name: "Ajouter les pièces" }).click();
  await expect(section(page, "Pièces").getByRole("row", { name: new RegExp(name.replace(/[.]/g, "\\.")) })).toContainText(visibility);
}

test("an internal note and an internal file never reach the portal or an e-mail", async ({ browser, page }) => {
  const startedAt = Date.now() - 1000;
  const reference = await fileClaimInPortal({ title: "Sucre livré en retard" });
  await startInvestigationAsAgent(page, reference);

  // The internal content...
  await page.getByLabel("Note (visible uniquement par l'équipe, jamais envoyée au client)").fill(`Marge négociée ${SECRET} — ne pas communiquer.`);
  await page.getByRole("button", { name: "Ajouter la note interne" }).click();
  await expect(page.getByText("Note interne ajoutée.")).toBeVisible();
  await addFile(page, "Interne", `analyse-${SECRET}.pdf`, `Rapport interne ${SECRET}`);
  // ...next to public content the customer does see, so the portal pages and e-mails have something to show.
  await addFile(page, "Partagée avec le client", "rapport-transport.pdf", "Rapport du transporteur");
  await page.getByLabel("Réponse (envoyée au client par e-mail et visible sur le portail)").fill("Nous avons reçu le rapport du transporteur, joint au dossier.");
  await page.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(page.getByText("Réponse envoyée au client.")).toBeVisible();
  await page.getByLabel("Pièces demandées (une par ligne)").fill("Photo de l'étiquette du lot");
  await page.getByLabel("À fournir avant le").fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByText("Demande envoyée au client ; le délai SLA est suspendu.")).toBeVisible();
  // Staff see it all, clearly marked.
  await expect(section(page, "Échanges").locator('[data-visibility="internal"]')).toContainText(SECRET);
  await expect(section(page, "Pièces").getByRole("row", { name: new RegExp(SECRET) })).toContainText("Interne");
  await expectAccessible(page);
  // Staff download the internal file: the string is really in it (so the searches below can fail).
  const internalHref = (await section(page, "Pièces").getByRole("link", { name: `Télécharger analyse-${SECRET}.pdf` }).getAttribute("href"))!;
  expect((await (await page.request.get(`${backofficeUrl}${internalHref}`)).body()).toString("latin1")).toContain(SECRET);
  const internalId = internalHref.split("/").at(-1)!;

  // Every portal page of the case, and every file it links to.
  await waitForEmail("achats@martin.example", { subject: new RegExp(`Informations demandées pour votre dossier ${reference}`), after: startedAt });
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  const visited: string[] = [];
  for (const path of ["/", "/cases", `/cases/${reference}`, `/cases/${reference}/withdraw`]) {
    const response = await customer.page.goto(`${portalUrl}${path}`);
    expect(response?.status()).toBe(200);
    visited.push(path);
    expect(await customer.page.content()).not.toContain(SECRET);
    await expectAccessible(customer.page);
  }
  await customer.page.goto(`${portalUrl}/cases/${reference}`);
  await expect(customer.page.getByText("Nous avons reçu le rapport du transporteur, joint au dossier.")).toBeVisible();
  await expect(customer.page.getByRole("link", { name: "Télécharger rapport-transport.pdf" }).first()).toBeVisible();
  const hrefs = await customer.page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const caseLinks = [...new Set(hrefs.filter((href) => href.startsWith(`/cases/${reference}`)))];
  expect(caseLinks.length).toBeGreaterThan(1);
  for (const href of caseLinks) {
    const response = await customer.page.request.get(`${portalUrl}${href}`);
    expect(response.status()).toBeLessThan(400);
    expect((await response.body()).toString("latin1")).not.toContain(SECRET);
  }
  // The internal file itself, asked for by its id, does not exist for the customer.
  expect((await customer.page.request.get(`${portalUrl}/cases/${reference}/evidence/${internalId}`)).status()).toBe(404);
  await customer.close();

  // Every e-mail of the run that mentions the case.
  const emails = (await readMailbox()).filter((m) => m.subject.includes(reference) || m.text.includes(reference));
  expect(emails.map((m) => m.subject)).toEqual(
    expect.arrayContaining([expect.stringContaining(`Nouvelle réponse sur votre dossier ${reference}`), expect.stringContaining(reference)]),
  );
  for (const email of emails) {
    expect(email.subject).not.toContain(SECRET);
    expect(email.text).not.toContain(SECRET);
    expect(email.html).not.toContain(SECRET);
  }
});
