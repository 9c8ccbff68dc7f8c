import { expect, test } from "@playwright/test";
import { backofficeUrl, portalUrl, signIn } from "../support/fixtures";
import { signedInPage } from "../support/claims";
import { readMailbox, waitForEmail } from "../support/mailbox";

const API = `${portalUrl}/api/v1`;

/** A valid 1×1 PNG: uploads are checked by their content. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("an ERP files a claim with the demo API key: it shows in the portal and in the back-office queue with channel API, with one acknowledgement", async ({ page, request, browser }) => {
  const title = `Farine humide — ERP ${Date.now()}`;
  const idempotencyKey = `erp-order-${Date.now()}`;
  const headers = { Authorization: "Bearer accord_demo_martin", "Idempotency-Key": idempotencyKey };
  const body = {
    type: "quality",
    title,
    description: "Trois sacs humides à la réception (envoyé par notre ERP).",
    desiredOutcome: "credit_note",
    quality: { product: "Farine de blé T65 — sac de 25 kg", lotNumber: "L2026-0917" },
    lines: [{ invoiceNumber: "FA-2026-10412", lineNo: 1, contestedQuantity: 3 }],
  };

  // A photo first (multipart, streamed through the real server), then the claim naming it. As `curl` would: no cookie, no Origin.
  const uploaded = await request.post(`${API}/uploads`, {
    headers: { Authorization: "Bearer accord_demo_martin" },
    multipart: { file: { name: "sacs-humides.png", mimeType: "image/png", buffer: PNG } },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { uploads } = (await uploaded.json()) as { uploads: { id: string }[] };
  const created = await request.post(`${API}/claims`, { data: { ...body, uploadIds: uploads.map((u) => u.id) }, headers });
  expect(created.status(), await created.text()).toBe(201);
  const claim = (await created.json()) as { reference: string; status: string; lines: { invoiceNumber: string; contestedQuantity: number }[] };
  expect(claim).toMatchObject({ status: "received", lines: [{ invoiceNumber: "FA-2026-10412", contestedQuantity: 3 }] });
  // The ERP retries (a lost answer): the same claim comes back, nothing is filed twice.
  const retried = await request.post(`${API}/claims`, { data: { ...body, uploadIds: uploads.map((u) => u.id) }, headers });
  expect(retried.status()).toBe(201);
  expect(retried.headers()["idempotent-replayed"]).toBe("true");
  expect(((await retried.json()) as { reference: string }).reference).toBe(claim.reference);
  // Read back by reference; Hôtel du Port's key does not see it.
  expect((await request.get(`${API}/claims/${claim.reference}`, { headers: { Authorization: "Bearer accord_demo_martin" } })).status()).toBe(200);
  const other = await request.get(`${API}/claims/${claim.reference}`, { headers: { Authorization: "Bearer accord_demo_hotelduport" } });
  expect(other.status()).toBe(404);
  expect(other.headers()["content-type"]).toContain("application/problem+json");

  // The key acts as Martin's admin: the claim is on their case list and page.
  await signIn(page, portalUrl, "admin@martin.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${portalUrl}/cases`);
  await expect(page.getByRole("link", { name: claim.reference })).toHaveCount(1);
  await page.goto(`${portalUrl}/cases/${claim.reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByRole("main")).toContainText("sacs-humides.png");
  await expect(page.getByRole("definition").filter({ hasText: /^API$/ })).toBeVisible();
  // The signed-in session's cookie never authenticates the API (keys only).
  const withCookie = await page.request.get(`${API}/claims/${claim.reference}`);
  expect(withCookie.status()).toBe(401);
  expect(withCookie.headers()["content-type"]).toContain("application/problem+json");

  // The back-office queue, filtered on the API channel, has it; its page says API.
  const staff = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const agent = await staff.newPage();
  await signIn(agent, backofficeUrl, "superviseur@accord.example");
  await expect(agent.getByRole("button", { name: /se déconnecter/i })).toBeVisible();
  await agent.goto(`${backofficeUrl}/?channel=api`);
  await expect(agent.getByRole("link", { name: claim.reference })).toBeVisible();
  await agent.goto(`${backofficeUrl}/cases/${claim.reference}`);
  await expect(agent.getByText("Canal : API")).toBeVisible();
  await staff.close();

  // Exactly one acknowledgement, to the key's user.
  await waitForEmail("admin@martin.example", { subject: new RegExp(claim.reference) });
  const about = (await readMailbox()).filter((email) => email.subject.includes(claim.reference) || email.text.includes(claim.reference));
  expect(about.map((email) => email.to)).toEqual([["admin@martin.example"]]);
});

test("the API reference page shows the operations, from our own origin", async ({ page }) => {
  const blocked: string[] = [];
  page.on("requestfailed", (failed) => blocked.push(failed.url()));
  await page.goto(`${API}/docs`);
  // Every tag open: the operations of each section are listed.
  for (const operation of ["File a claim", "List claims", "Upload evidence files", "Accept or refuse the claim's proposal", "List invoices with their lines"]) {
    await expect(page.getByText(operation, { exact: true }).first()).toBeVisible();
  }
  expect(blocked.filter((url) => !url.startsWith(portalUrl))).toEqual([]);
});

test("an admin creates an integration key; the ERP posts an invoices CSV with it; finance sees the invoice and the import by that key", async ({ browser, request }) => {
  const stamp = Date.now().toString(36);
  const keyName = `ERP Sage ${stamp}`;
  const invoice = `FA-E2E-API-${stamp}`.toUpperCase();
  const fileName = `factures-${stamp}.csv`;

  // The administrator creates the key in « Clés d'intégration » (shown once).
  const admin = await signedInPage(browser, backofficeUrl, "admin@accord.example");
  let key: string;
  try {
    const { page } = admin;
    await page.goto(`${backofficeUrl}/admin`);
    await page.getByRole("link", { name: "Clés d'intégration" }).click();
    await page.getByLabel("Nom de la clé").fill(keyName);
    await page.getByRole("button", { name: "Créer la clé" }).click();
    key = await page.getByTestId("shown-key").getByLabel("Clé", { exact: true }).inputValue();
    expect(key).toMatch(/^accord_int_/);
  } finally {
    await admin.close();
  }

  // The ERP posts its export as is (curl --data-binary): no cookie, no Origin.
  const csv = [
    "compte;numero_facture;date_facture;date_echeance;ligne;designation;quantite;unite;prix_unitaire;taux_tva;lot",
    `C-20417;${invoice};02/11/2026;02/12/2026;1;Café en grains;20;kg;14,50;5,5;L-CAFE-API`,
    `C-20417;${invoice};02/11/2026;02/12/2026;2;Thé vert bio;10;boîte;6,20;5,5;`,
  ].join("\r\n");
  const posted = await request.post(`${API}/imports/invoices?fileName=${fileName}`, {
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/csv; charset=utf-8" },
    data: Buffer.from(csv, "utf8"),
  });
  expect(posted.status(), await posted.text()).toBe(201);
  expect(await posted.json()).toMatchObject({ status: "imported", created: 1, references: [invoice] });
  // A company key may not import invoices.
  const refused = await request.post(`${API}/imports/invoices`, { headers: { Authorization: "Bearer accord_demo_martin", "Content-Type": "text/csv" }, data: Buffer.from(csv, "utf8") });
  expect(refused.status()).toBe(403);

  // Finance: the invoice on the invoices page, the import in « Imports ERP » by the key.
  const finance = await signedInPage(browser, backofficeUrl, "finance@accord.example");
  try {
    const { page } = finance;
    await page.getByRole("link", { name: "Factures", exact: true }).click();
    const filters = page.getByRole("search", { name: "Filtres" });
    await filters.getByLabel("Afficher").selectOption({ label: "Toutes" });
    await filters.getByLabel("Client").selectOption({ label: "Hôtel du Port SARL" });
    await filters.getByRole("button", { name: "Filtrer" }).click();
    await expect(page.getByRole("row").filter({ hasText: invoice })).toContainText("Hôtel du Port");
    await page.getByRole("link", { name: "Importer depuis l'ERP (CSV)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Imports ERP" })).toBeVisible();
    const row = page.getByRole("table", { name: "Imports précédents" }).getByRole("row").filter({ has: page.getByRole("link", { name: fileName }) });
    await expect(row).toContainText(`Clé d'intégration : ${keyName}`);
  } finally {
    await finance.close();
  }
});
