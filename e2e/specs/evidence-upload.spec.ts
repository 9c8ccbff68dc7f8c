/**
 * Journey 2 of issue 5, "Evidence upload": files attached to a claim, each uploaded at once with a
 * progress bar (JavaScript) or sent with the form (without it); type checked by content; a refused
 * file named with its reason while the others stay; a 100 MB file; the bytes kept as sent.
 */
import { createCipheriv, createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { fillQualityClaim, SUGAR_LINE } from "../support/claims";

const PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const BIG_BYTES = 100 * 1024 * 1024;

let workDir: string;
let bigFile: string;
let bigSha256: string;

test.beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "accord-e2e-evidence-"));
  bigFile = path.join(workDir, "dossier-photos.pdf");
  // A PDF header, then deterministic pseudo-random bytes (AES-CTR of zeros), then a PDF trailer.
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
  const tail = Buffer.from("\n%%EOF\n");
  const cipher = createCipheriv("aes-256-ctr", Buffer.alloc(32, 3), Buffer.alloc(16, 9));
  const hash = createHash("sha256");
  async function* chunks() {
    let remaining = BIG_BYTES - head.length - tail.length;
    yield head;
    const zeros = Buffer.alloc(1024 * 1024);
    while (remaining > 0) {
      const n = Math.min(remaining, zeros.length);
      remaining -= n;
      yield cipher.update(zeros.subarray(0, n));
    }
    yield tail;
  }
  await pipeline(
    Readable.from(chunks()).map((chunk: Buffer) => {
      hash.update(chunk);
      return chunk;
    }),
    createWriteStream(bigFile),
  );
  bigSha256 = hash.digest("hex");
});

test.afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function openClaimForm(page: Page, email: string) {
  await signIn(page, portalUrl, email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${portalUrl}/claims/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Signaler un problème" })).toBeVisible();
}

/** The fields of a quality claim on one line of FA-2026-10702 (Boulangeries Martin). */
async function fillSugarClaim(page: Page, title: string) {
  await page.getByLabel("Type de problème").selectOption("quality");
  await fillQualityClaim(page, { title, description: "Sacs de sucre humides à la livraison ; photos et bon de livraison joints.", ...SUGAR_LINE, lotNumber: "S-7710", quantity: "2" });
}

const sha256Of = async (file: string) => {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
};

test("files upload at once with a progress bar; a refused file is named with its reason while the others stay; 100 MB goes through", async ({ page }) => {
  test.setTimeout(180_000);
  await openClaimForm(page, "achats@martin.example");
  const input = page.getByLabel("Pièces justificatives", { exact: true });
  const staged = page.locator('input[type="hidden"][name="uploadIds"]');
  const files = page.getByRole("list", { name: "Fichiers joints" });

  // One upload held on its way: its progress bar shows, then goes when the file is staged.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/uploads", async (route) => {
    await held;
    await route.continue();
  });
  await input.setInputFiles({ name: "bon-de-livraison.pdf", mimeType: "application/pdf", buffer: PDF });
  const progress = page.getByRole("progressbar", { name: "Envoi de bon-de-livraison.pdf" });
  await expect(progress).toBeVisible();
  await expect(files.getByRole("listitem").filter({ hasText: "bon-de-livraison.pdf" })).toContainText("%");
  await expectAccessible(page);
  // The form is not sent while a file is on its way: the user is told to wait.
  await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Patientez : des fichiers sont encore en cours d'envoi." })).toBeAttached();
  await expect(page.getByText("Votre réclamation n'est pas encore complète")).toHaveCount(0);
  release();
  await expect(progress).toBeHidden();
  await expect(staged).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "bon-de-livraison.pdf est prêt." })).toBeAttached();
  await page.unroute("**/uploads");
  // The file input is emptied: nothing is sent twice.
  expect(await input.evaluate((element: HTMLInputElement) => element.files?.length ?? 0)).toBe(0);

  // Several at once: a "PDF" that is really text is refused and named; the photo stays.
  await input.setInputFiles([
    { name: "photo-sacs.png", mimeType: "image/png", buffer: PNG },
    { name: "facture.pdf", mimeType: "application/pdf", buffer: Buffer.from("Ceci n'est pas un PDF, juste du texte.") },
  ]);
  const refused = files.getByRole("listitem").filter({ hasText: "facture.pdf" });
  await expect(refused).toContainText("« facture.pdf » est refusé : son contenu n'est pas d'un type accepté ou ne correspond pas à son extension.");
  await expect(staged).toHaveCount(2);
  await expect(files.getByRole("listitem").filter({ hasText: "photo-sacs.png" })).toBeVisible();
  await expect(files.getByRole("listitem").filter({ hasText: "bon-de-livraison.pdf" })).toBeVisible();
  await expectAccessible(page);

  // The refused file is dismissed; a staged one can be taken back.
  await page.getByRole("button", { name: "Retirer facture.pdf" }).click();
  await expect(refused).toHaveCount(0);
  await page.getByRole("button", { name: "Retirer photo-sacs.png" }).click();
  await expect(files.getByRole("listitem").filter({ hasText: "photo-sacs.png" })).toHaveCount(0);
  await expect(staged).toHaveCount(1);

  // 100 MB, streamed from disk.
  await input.setInputFiles(bigFile);
  const big = files.getByRole("listitem").filter({ hasText: "dossier-photos.pdf" });
  await expect(big).toContainText(/104,9\sMo/);
  await expect(staged).toHaveCount(2, { timeout: 120_000 });
  await expect(big.getByRole("progressbar")).toHaveCount(0);

  // The claim goes with its two files.
  await fillSugarClaim(page, "Sucre humide — preuves jointes");
  await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
  const review = page.getByRole("region", { name: "Vérifiez votre réclamation" });
  await expect(review.getByText("2 pièces jointes")).toBeVisible();
  await review.getByRole("button", { name: "Envoyer la réclamation" }).click();
  await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}\/submitted$/);
  const reference = (await page.getByTestId("claim-reference").textContent())!.trim();

  // On the case page, the 100 MB file downloads byte for byte as it was sent.
  await page.goto(`${portalUrl}/cases/${reference}`);
  await expect(page.getByRole("link", { name: "Télécharger bon-de-livraison.pdf" }).first()).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger dossier-photos.pdf" }).first().click();
  const download = await downloading;
  const saved = path.join(workDir, "downloaded.pdf");
  await download.saveAs(saved);
  expect(await sha256Of(saved)).toBe(bigSha256);
});

test("without JavaScript, files go with the form: a refused one is named with its reason, the good one is kept for the next step", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  try {
    await openClaimForm(page, "achats@martin.example");
    await fillSugarClaim(page, "Sucre humide — sans JavaScript");
    await page.getByLabel("Pièces justificatives", { exact: true }).setInputFiles([
      { name: "photo-palette.png", mimeType: "image/png", buffer: PNG },
      { name: "releve.csv", mimeType: "text/csv", buffer: Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x3b]) },
    ]);
    await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();

    // The refused file is named with its reason; the photo stays staged (a hidden id) and the fields are kept.
    await expect(page.getByText("« releve.csv » est refusé : son contenu n'est pas d'un type accepté ou ne correspond pas à son extension.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Fichiers joints" }).getByRole("listitem").filter({ hasText: "photo-palette.png" })).toBeVisible();
    await expect(page.locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
    await expect(page.getByLabel("Objet")).toHaveValue("Sucre humide — sans JavaScript");
    // (axe needs JavaScript in the page: the same uploader, refusal and kept file are checked in the test above.)

    // Checked again without the refused file: the kept photo goes with the claim.
    await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
    const review = page.getByRole("region", { name: "Vérifiez votre réclamation" });
    await expect(review.getByText("1 pièce jointe")).toBeVisible();
    await review.getByRole("button", { name: "Envoyer la réclamation" }).click();
    await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}\/submitted$/);
    const reference = (await page.getByTestId("claim-reference").textContent())!.trim();
    await page.goto(`${portalUrl}/cases/${reference}`);
    await expect(page.getByRole("link", { name: "Télécharger photo-palette.png" }).first()).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the upload route answers only a signed-in user who may upload", async ({ page, request, browser }) => {
  // A visitor: 401, nothing stored.
  const visitor = await request.post(`${portalUrl}/uploads`, {
    headers: { Origin: portalUrl, Accept: "application/json" },
    multipart: { files: { name: "a.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(visitor.status()).toBe(401);

  // A viewer reads and acts on nothing: 404.
  await signIn(page, portalUrl, "compta@martin.example");
  await expect(page).not.toHaveURL(/\/login/);
  const viewer = await page.request.post(`${portalUrl}/uploads`, {
    headers: { Origin: portalUrl, Accept: "application/json" },
    multipart: { files: { name: "a.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(viewer.status()).toBe(404);

  // Another site's page cannot post here (Origin check).
  const foreign = await page.request.post(`${portalUrl}/uploads`, {
    headers: { Origin: "https://evil.example", Accept: "application/json" },
    multipart: { files: { name: "a.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(foreign.status()).toBe(403);

  // A member's staged upload: another company's user cannot discard it (404), its uploader can (204).
  const member = await browser.newContext({ locale: "fr-FR" });
  const memberPage = await member.newPage();
  const other = await browser.newContext({ locale: "fr-FR" });
  const otherPage = await other.newPage();
  try {
    await signIn(memberPage, portalUrl, "achats@martin.example");
    await expect(memberPage).not.toHaveURL(/\/login/);
    const staged = await memberPage.request.post(`${portalUrl}/uploads`, {
      headers: { Origin: portalUrl, Accept: "application/json" },
      multipart: { files: { name: "bon.pdf", mimeType: "application/pdf", buffer: PDF } },
    });
    expect(staged.status()).toBe(200);
    const { uploads } = (await staged.json()) as { uploads: { id: string; fileName: string; contentType: string }[] };
    expect(uploads).toEqual([expect.objectContaining({ fileName: "bon.pdf", contentType: "application/pdf" })]);
    await signIn(otherPage, portalUrl, "admin@hotelduport.example");
    await expect(otherPage).not.toHaveURL(/\/login/);
    const discard = (p: Page) => p.request.post(`${portalUrl}/uploads/${uploads[0]!.id}/discard`, { headers: { Origin: portalUrl } });
    expect((await discard(otherPage)).status()).toBe(404);
    expect((await discard(memberPage)).status()).toBe(204);
    expect((await discard(memberPage)).status()).toBe(404);
  } finally {
    await member.close();
    await other.close();
  }
});
