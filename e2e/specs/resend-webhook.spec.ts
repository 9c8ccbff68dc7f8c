import { expect, test } from "@playwright/test";
import { fileClaimInPortal } from "../support/claims";
import { backofficeUrl, portalUrl, signIn } from "../support/fixtures";
import { newColleague } from "../support/invitations";
import { signedResendEvent } from "../support/resend";

const WEBHOOK = `${portalUrl}/api/v1/webhooks/resend`;

const PASSWORD = "mot-de-passe-rebond-2026";

test("Resend's webhook: a signed-in cookie alone gets a 401; a signed bounce blocks the address, and the case and the admins' list say why", async ({ browser, page }) => {
  // A fresh customer user, so that blocking its address changes nobody else's e-mail.
  const colleague = await newColleague(browser, { adminEmail: "admin@martin.example", domain: "martin.example", password: PASSWORD });
  const address = colleague.email;
  const bounce = { type: "email.bounced", created_at: new Date().toISOString(), data: { email_id: `re_e2e_${Date.now()}`, to: [address], bounce: { type: "Permanent", subType: "General", message: "Mailbox does not exist" } } };

  // The colleague's browser is signed in to the portal: its cookie alone gets nothing there.
  const unsigned = await colleague.page.request.post(WEBHOOK, { data: bounce, headers: { Origin: portalUrl } });
  expect(unsigned.status()).toBe(401);
  expect(unsigned.headers()["content-type"]).toContain("application/problem+json");
  expect(await unsigned.json()).toMatchObject({ status: 401, title: "Unauthorized" });
  // A forged signature neither.
  const forged = signedResendEvent(bounce, { id: `msg_forged_${Date.now()}`, secret: `whsec_${Buffer.from("not the secret of this stack!!!").toString("base64")}` });
  expect((await colleague.page.request.post(WEBHOOK, { data: forged.body, headers: forged.headers })).status()).toBe(401);
  await colleague.context.close();

  // Resend itself (no cookie, no Origin): accepted once, a replay changes nothing.
  const signed = signedResendEvent(bounce, { id: `msg_e2e_${Date.now()}` });
  const accepted = await page.request.post(WEBHOOK, { data: signed.body, headers: signed.headers });
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ received: true, status: "handled" });
  const replay = await page.request.post(WEBHOOK, { data: signed.body, headers: signed.headers });
  expect(await replay.json()).toEqual({ received: true, status: "replayed" });

  // The blocked colleague files a claim: its acknowledgement is not sent, and the case says why.
  const reference = await fileClaimInPortal({ email: address, password: PASSWORD, title: "Sucre humide — adresse bloquée" });
  await signIn(page, backofficeUrl, "superviseur@accord.example");
  await expect(page.getByRole("button", { name: /se déconnecter/i })).toBeVisible();
  await expect(async () => {
    await page.goto(`${backofficeUrl}/cases/${reference}`);
    await expect(page.getByTestId("undelivered-emails")).toBeVisible({ timeout: 2_000 });
  }, "the undelivered acknowledgement on the case page").toPass({ timeout: 60_000 });
  const block = page.getByTestId("undelivered-emails");
  await expect(block).toContainText(`E-mail non remis à ${address} : adresse bloquée après un rebond ou un signalement`);
  await expect(block).toContainText("Mailbox does not exist");
  await expect(page.getByRole("region", { name: "Historique complet" })).toContainText("E-mail non remis");

  // The staff admins' list.
  const admin = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const adminPage = await admin.newPage();
  await signIn(adminPage, backofficeUrl, "admin@accord.example");
  await expect(adminPage.getByRole("button", { name: /se déconnecter/i })).toBeVisible();
  await adminPage.goto(`${backofficeUrl}/admin`);
  await adminPage.getByRole("link", { name: "E-mails non remis" }).click();
  await expect(adminPage.getByRole("heading", { name: "E-mails non remis" })).toBeVisible();
  const row = adminPage.getByRole("row").filter({ hasText: address });
  await expect(row).toContainText("Adresse bloquée");
  await expect(row.getByRole("link", { name: reference })).toBeVisible();
  await admin.close();
});
