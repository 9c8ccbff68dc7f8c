import { expect, test } from "@playwright/test";
import { backofficeUrl, portalUrl } from "../support/fixtures";

test("French by default, English on ?lng=en, remembered on the next page", async ({ page }) => {
  await page.goto(`${portalUrl}/login`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();

  await page.goto(`${portalUrl}/login?lng=en`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();

  await page.goto(`${portalUrl}/forgot-password`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.goto(`${portalUrl}/login?lng=fr`);
  await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
});

test("Accept-Language picks English when no choice was made", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(`${backofficeUrl}/login`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await context.close();
});

test("an unknown page answers 404 with a translated page", async ({ page }) => {
  const response = await page.goto(`${portalUrl}/no-such-page`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/page introuvable/i).first()).toBeVisible();
  const en = await page.goto(`${backofficeUrl}/no-such-page?lng=en`);
  expect(en?.status()).toBe(404);
  await expect(page.getByText(/page not found/i).first()).toBeVisible();
});
