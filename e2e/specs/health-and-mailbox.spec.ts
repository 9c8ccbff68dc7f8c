import { expect, test } from "@playwright/test";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";

test("both apps answer /healthz with 200 {status: ok}", async ({ request }) => {
  for (const base of [portalUrl, backofficeUrl]) {
    const response = await request.get(`${base}/healthz`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  }
});

test("a request from another origin is refused", async ({ request }) => {
  const response = await request.post(`${portalUrl}/login`, {
    headers: { Origin: "http://evil.example" },
    form: { email: "admin@martin.example", password: "accord-demo" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test("a staff admin reads the dev mailbox; an agent cannot", async ({ page }) => {
  // Cause an e-mail first.
  await page.goto(`${backofficeUrl}/forgot-password`);
  await page.getByLabel(/e-mail/i).fill("superviseur@accord.example");
  await page.getByRole("button", { name: /envoyer|recevoir|réinitialiser/i }).click();
  await expect(page.getByText(/si un compte correspond/i)).toBeVisible();

  await signIn(page, backofficeUrl, "admin@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  // The worker delivers the e-mail in the background: reload until it is listed.
  await expect(async () => {
    await page.goto(`${backofficeUrl}/mailbox`);
    await expect(page.getByText("superviseur@accord.example").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expectAccessible(page);

  await page.context().clearCookies();
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page).not.toHaveURL(/\/login/);
  const response = await page.goto(`${backofficeUrl}/mailbox`);
  expect(response?.status()).toBe(404);
});
