import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { backofficeUrl, portalUrl } from "../playwright.config";

export { backofficeUrl, portalUrl };
export const DEMO_PASSWORD = "accord-demo";

/** Signs in through the /login form, as a user would. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/mot de passe|password/i).fill(password);
  await page.getByRole("button", { name: /se connecter|sign in/i }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /se déconnecter|sign out/i }).click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * No serious or critical accessibility violation on the current page (axe-core). `exclude`: elements axe cannot
 * enter, e.g. a frame sandboxed without scripts (axe would wait for it forever); check what it can see yourself.
 */
export async function expectAccessible(page: Page, { exclude = [] }: { exclude?: string[] } = {}) {
  // Legacy mode runs axe in the page itself: the default mode opens a blank page for every analysis to
  // merge the frames' results, which cost about 2 s of a 2-core machine each time, against 0.8–1.1 s
  // (the suite runs some 470 analyses). Only violations are collected: passes are never read.
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });
  const results = await exclude.reduce((axe, selector) => axe.exclude(selector), builder).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
