import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, signedInPage } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";

// Issue 12, point 5 in the back-office: the chain badge on the case page, the dossier export, the public key.
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
let reference = "";

test("the customer files a claim and sends a file", async ({ browser }) => {
  reference = await fileClaimInPortal({ title: "Sucre humide (archive)" });
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  const page = customer.page;
  await page.goto(`${portalUrl}/cases/${reference}`);
  const reply = page.locator("form").filter({ has: page.getByRole("button", { name: "Envoyer", exact: true }) });
  await reply.getByLabel("Votre message").fill("Voici le bon de livraison.");
  await reply.getByLabel("Pièces jointes").setInputFiles({ name: "bon-livraison.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(reply.locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
  await reply.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.getByText("Votre message a été envoyé.")).toBeVisible();
  await customer.close();
});

test("the case page shows « chaîne vérifiée » and exports the dossier as a ZIP whose manifest lists its files", async ({ page }) => {
  expect(reference).not.toBe("");
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  const archive = section(page, "Archive probante");
  await expect(archive.getByTestId("chain-badge")).toContainText("chaîne vérifiée");
  await expect(archive.getByTestId("chain-badge")).toContainText(/vérifiée le \d{1,2} \S+ \d{4}/);
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await archive.getByRole("button", { name: "Exporter le dossier" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`dossier-${reference}.zip`);
  const zip = path.join(mkdtempSync(path.join(tmpdir(), "accord-e2e-dossier-")), "dossier.zip");
  await file.saveAs(zip);
  await expect(archive.getByRole("status")).toHaveText("Téléchargement lancé.");

  const manifest = JSON.parse(execFileSync("unzip", ["-p", zip, "manifest.json"], { encoding: "utf8" })) as { reference: string; files: { path: string; sha256: string }[] };
  expect(manifest.reference).toBe(reference);
  const paths = manifest.files.map((f) => f.path);
  for (const name of ["LISEZMOI.txt", "public-key.pem", "case.json", "case.pdf", "events.json", "messages.json"]) expect(paths).toContain(name);
  expect(paths.some((p) => /^evidence\/\d{3}-bon-de-livraison|^evidence\/\d{3}-bon-livraison\.pdf$/.test(p))).toBe(true);
  const listing = execFileSync("unzip", ["-l", zip], { encoding: "utf8" });
  for (const name of ["manifest.sig", "SHA256SUMS"]) expect(listing).toContain(name);

  // The export is recorded, and the chain still verifies with it.
  await page.reload();
  await expect(section(page, "Archive probante").getByTestId("chain-badge")).toContainText("chaîne vérifiée");
  await expect(section(page, "Historique complet")).toContainText("Dossier exporté (archive probante)");

  // The public key every dossier is signed with is published.
  await section(page, "Archive probante").getByRole("link", { name: "Clé publique de l'instance et vérification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Archive probante" })).toBeVisible();
  const published = (await page.getByTestId("public-key").textContent())!.trim();
  expect(execFileSync("unzip", ["-p", zip, "public-key.pem"], { encoding: "utf8" }).trim()).toBe(published);
  await expectAccessible(page);
});

test("a mediator not on the case gets a 404 for its dossier", async ({ page }) => {
  await signIn(page, backofficeUrl, "mediateur@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  const response = await page.request.post(`${backofficeUrl}/cases/${reference}/dossier.zip`, { form: { downloadToken: "" }, headers: { Origin: backofficeUrl } });
  expect(response.status()).toBe(404);
});
