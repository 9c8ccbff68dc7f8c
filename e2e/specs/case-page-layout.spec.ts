import { expect, test, type Page } from "@playwright/test";
import { CASE_KINDS, CASE_STATUSES, CASE_TYPES, CUSTOMER_TIERS, OUTCOMES } from "../../packages/domain/src/index.ts";
import { backofficeUrl } from "../support/fixtures";
import { pageIn, type Language } from "../support/page-checks";

/**
 * The back-office case page as an agent works on it (issue 10): a summary that stays in view with the links
 * to the page's parts, the main actions first, and no code of the data model on screen in either language.
 */
const WIDE = { width: 1366, height: 900 };

/** A code as stored: snake_case (`credit_note`, `impact_scored`) in both languages; in French, an English value of the domain's lists too. */
const CODES = [...CASE_STATUSES, ...CASE_TYPES, ...CASE_KINDS, ...CUSTOMER_TIERS, ...OUTCOMES, "logistics", "internal", "public"];
const RAW_CODE: Record<Language, RegExp> = {
  fr: new RegExp(`\\b(?:[a-z]+(?:_[a-z]+)+|${CODES.join("|")})\\b`, "g"),
  en: /\b[a-z]+(?:_[a-z]+)+\b/g,
};

async function openFirstCaseOfQueue(page: Page) {
  await page.goto(`${backofficeUrl}/`);
  await page.getByRole("link", { name: /^LIT-\d{4}-\d{6}$/ }).first().click();
  await expect(page.getByTestId("case-status")).toBeVisible();
}

for (const language of ["fr", "en"] as const satisfies readonly Language[]) {
  test(`the case page keeps its summary in view and shows no raw code (${language})`, async ({ browser }) => {
    const page = await pageIn(browser, { baseUrl: backofficeUrl, email: "agent@accord.example", language });
    await page.setViewportSize(WIDE);
    await openFirstCaseOfQueue(page);
    const text = await page.locator("main").innerText();
    expect(text.match(RAW_CODE[language]) ?? [], `raw codes on the case page (${language})`).toEqual([]);
    expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [], `ISO dates on the case page (${language})`).toEqual([]);

    // The summary stays in view when the agent scrolls to the history; its links lead to the parts.
    const nav = page.getByRole("navigation", { name: language === "fr" ? "Parties du dossier" : "Parts of the case" });
    await nav.getByRole("link", { name: language === "fr" ? "Historique" : "History" }).click();
    await expect(page).toHaveURL(/#timeline$/);
    await expect(page.getByTestId("case-status")).toBeInViewport();
    await expect(nav).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath(`case-page-${language}-history.png`) });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: test.info().outputPath(`case-page-${language}.png`), fullPage: true });
  });
}

test("a reply still holding a template placeholder is refused beside its field, with what was typed kept", async ({ browser }) => {
  const page = await pageIn(browser, { baseUrl: backofficeUrl, email: "agent@accord.example", language: "fr" });
  await openFirstCaseOfQueue(page);
  const body = page.getByLabel("Réponse (envoyée au client par e-mail et visible sur le portail)");
  await body.fill("Merci de nous envoyer les photos avant le {{evidenceDueDate}}.");
  await page.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(body).toHaveAccessibleDescription(/Remplacez \{\{evidenceDueDate\}\} par le texte voulu/);
  await expect(body).toHaveValue("Merci de nous envoyer les photos avant le {{evidenceDueDate}}.");
});
