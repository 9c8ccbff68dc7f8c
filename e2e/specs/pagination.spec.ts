import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signedInPage } from "../support/claims";
import { frenchDateValue } from "../support/dates";
import { backofficeUrl, expectAccessible, portalUrl } from "../support/fixtures";

// Keyset pagination as a user sees it: "Mes dossiers" on the portal (25 a page, newest first) and the
// back-office queue (50 a page, nearest SLA deadline first). Other specs file cases on the same database
// at the same time: every check holds whatever they add (our own cases each once, no case twice, full pages).

const MEMBER = "achats@martin.example";
const MY_CASES_PAGE = 25; // CUSTOMER_CASES_PAGE_SIZE
const QUEUE_PAGE = 50; // QUEUE_PAGE_SIZE

/**
 * The cases filed only to fill the queue past 50 (by another company, Hôtel du Port): withdrawn at the end,
 * so the queue of the specs after this one is as before, and Boulangeries Martin's lists get only the member's 27.
 */
const queueFillers: string[] = [];

/** A customer, the invoice and the line (its position on the invoice) their claims contest, one unit each. */
type Filer = { email: string; invoice: string; line: number };
const MEMBER_FILER: Filer = { email: MEMBER, invoice: "FA-2026-10702", line: 2 }; // 30 sacks of sugar (demo data)
const OTHER_COMPANY_FILER: Filer = { email: "admin@hotelduport.example", invoice: "FA-2026-10745", line: 2 }; // 120 bath towels

/**
 * Files `count` claims as the customer would without JavaScript (the form's own fields, `intent=submit`),
 * but over HTTP: each POST must redirect to the claim's confirmation page, so the arrangement cannot fail silently.
 */
async function fileClaims(browser: Browser, filer: Filer, count: number, title: string): Promise<string[]> {
  const { page, close } = await signedInPage(browser, portalUrl, filer.email);
  try {
    await page.goto(`${portalUrl}/claims/new`);
    const lineId = await page.locator(`details[data-invoice="${filer.invoice}"] input[type="hidden"][name$=".invoiceLineId"]`).nth(filer.line - 1).getAttribute("value");
    expect(lineId).toMatch(/^[0-9a-f-]{36}$/);
    const references: string[] = [];
    for (let i = 1; i <= count; i++) {
      const response = await page.request.post(`${portalUrl}/claims/new`, {
        headers: { Origin: portalUrl },
        multipart: {
          type: "other",
          title: `${title} ${i}`,
          description: "Un article arrivé abîmé.",
          "lines[0].invoiceLineId": lineId!,
          "lines[0].contestedQuantity": "1",
          desiredOutcome: "credit_note",
          intent: "submit",
        },
        maxRedirects: 0,
      });
      expect(response.status(), `claim ${i}: ${response.status()}`).toBe(302);
      const reference = /\/cases\/(LIT-\d{4}-\d{6})\/submitted$/.exec(response.headers()["location"] ?? "")?.[1];
      expect(reference, `claim ${i} redirects to its confirmation`).toBeTruthy();
      references.push(reference!);
    }
    return references;
  } finally {
    await close();
  }
}

/** The references of the rows shown, in order. */
async function referencesIn(table: Locator): Promise<string[]> {
  return (await table.getByRole("rowheader").allTextContents()).map((text) => text.trim());
}

/** Follows a pagination link and waits for the new rows (the first row changes). */
async function follow(page: Page, link: Locator, table: Locator, baseUrl: string, previousFirst: string) {
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  await link.click();
  await expect(page).toHaveURL(`${baseUrl}${href}`);
  await expect(table.getByRole("rowheader").first()).not.toHaveText(previousFirst);
}

const noDuplicates = (references: string[]) => references.filter((reference, index) => references.indexOf(reference) !== index);

test.afterAll(async ({ browser }) => {
  if (queueFillers.length === 0) return;
  // Withdrawn, the fillers leave the queue (other specs count its pages); the member's cases stay open.
  const { page, close } = await signedInPage(browser, portalUrl, OTHER_COMPANY_FILER.email);
  try {
    for (const reference of queueFillers) {
      const response = await page.request.post(`${portalUrl}/cases/${reference}/withdraw`, {
        headers: { Origin: portalUrl },
        form: { intent: "withdraw", reason: "Dossier créé pour le test de pagination." },
        maxRedirects: 0,
      });
      expect(response.status(), `withdraw ${reference}`).toBe(302);
    }
  } finally {
    await close();
  }
});

test("a member with more than 25 cases sees them 25 a page, each of them once, and goes back to the first page", async ({ browser }) => {
  test.setTimeout(180_000);
  const mine = await fileClaims(browser, MEMBER_FILER, MY_CASES_PAGE + 2, "Pagination — sac percé");
  const { page, close } = await signedInPage(browser, portalUrl, MEMBER);

  await page.goto(`${portalUrl}/cases`);
  await expect(page.getByRole("heading", { level: 1, name: "Mes dossiers" })).toBeVisible();
  const table = page.getByRole("table", { name: "Dossiers, du plus récent au plus ancien" });
  const pages = page.getByRole("navigation", { name: "Pages" });
  const next = pages.getByRole("link", { name: "Page suivante" });
  const first = pages.getByRole("link", { name: "Revenir à la première page" });

  const firstPage = await referencesIn(table);
  expect(firstPage).toHaveLength(MY_CASES_PAGE);
  await expect(first).toHaveCount(0);
  const shown = [firstPage];
  while ((await next.count()) > 0) {
    await follow(page, next, table, portalUrl, shown.at(-1)![0]!);
    await expect(page).toHaveURL(/[?&]cursor=/);
    await expect(first).toBeVisible();
    if (shown.length === 1) await expectAccessible(page);
    shown.push(await referencesIn(table));
  }
  expect(shown.length).toBeGreaterThanOrEqual(2);
  // Full pages but the last one.
  for (const rows of shown.slice(0, -1)) expect(rows).toHaveLength(MY_CASES_PAGE);
  expect(shown.at(-1)!.length).toBeGreaterThanOrEqual(1);
  expect(shown.at(-1)!.length).toBeLessThanOrEqual(MY_CASES_PAGE);

  const all = shown.flat();
  expect(noDuplicates(all)).toEqual([]);
  expect(mine.filter((reference) => all.filter((shownReference) => shownReference === reference).length !== 1)).toEqual([]);
  expect(all.length).toBeGreaterThanOrEqual(mine.length);

  // Back to the first page: the same rows, after any case filed meanwhile (newest first).
  await first.click();
  await expect(page).toHaveURL(`${portalUrl}/cases`);
  await expect(first).toHaveCount(0);
  await expect(table.getByRole("rowheader")).toHaveCount(MY_CASES_PAGE);
  const again = (await referencesIn(table)).filter((reference) => all.includes(reference));
  expect(again).toEqual(firstPage.slice(0, again.length));
  expect(again.length).toBeGreaterThan(0);
  await close();
});

/** A deadline cell ("2 mars 2026, 14:05", Paris) → a comparable number; "—" (no deadline) sorts last. */
function deadlineValue(text: string): number {
  const line = text.trim().split("\n")[0]!.trim();
  return line === "—" ? Number.POSITIVE_INFINITY : frenchDateValue(line);
}

async function deadlinesIn(table: Locator, column: number): Promise<number[]> {
  const cells = await table.locator("tbody tr").evaluateAll((rows, index) => rows.map((row) => (row.children[index] as HTMLElement).innerText), column);
  return cells.map(deadlineValue);
}

test("the queue shows 50 cases a page by SLA deadline, and page 2 goes on where page 1 ended", async ({ browser }) => {
  test.setTimeout(180_000);
  const agent = await signedInPage(browser, backofficeUrl, "agent@accord.example");
  const page = agent.page;
  const table = page.getByRole("table", { name: "Dossiers de la file, page de 50" });
  const pages = page.getByRole("navigation", { name: "Pages de la file" });
  const next = pages.getByRole("link", { name: "Page suivante" });
  const first = pages.getByRole("link", { name: "Revenir à la première page" });

  // Count the open cases first (the demo's, the other specs', ours), then file just enough to pass 50.
  await page.goto(`${backofficeUrl}/?scope=all`);
  await expect(page.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();
  let open = (await referencesIn(table)).length;
  while ((await next.count()) > 0) {
    const previousFirst = (await referencesIn(table))[0]!;
    await follow(page, next, table, backofficeUrl, previousFirst);
    open += (await referencesIn(table)).length;
  }
  const missing = QUEUE_PAGE + 3 - open;
  if (missing > 0) queueFillers.push(...(await fileClaims(browser, OTHER_COMPANY_FILER, missing, "Pagination de la file")));

  await page.goto(`${backofficeUrl}/?scope=all`);
  const headers = (await table.locator("thead th").allTextContents()).map((text) => text.trim());
  const deadlineColumn = headers.indexOf("Échéance");
  expect(deadlineColumn).toBeGreaterThanOrEqual(0);
  const firstPage = await referencesIn(table);
  expect(firstPage).toHaveLength(QUEUE_PAGE);
  await expect(first).toHaveCount(0);
  const firstDeadlines = await deadlinesIn(table, deadlineColumn);
  expect(firstDeadlines.some(Number.isFinite)).toBe(true);

  await follow(page, next, table, backofficeUrl, firstPage[0]!);
  await expect(page).toHaveURL(/[?&]after=/);
  await expect(first).toBeVisible();
  const secondPage = await referencesIn(table);
  expect(secondPage.length).toBeGreaterThanOrEqual(1);
  expect(secondPage.length).toBeLessThanOrEqual(QUEUE_PAGE);
  expect(noDuplicates([...firstPage, ...secondPage])).toEqual([]);
  // The SLA order goes on: nearest deadline first over both pages, cases without one ("—") last.
  const deadlines = [...firstDeadlines, ...(await deadlinesIn(table, deadlineColumn))];
  expect(deadlines.filter((value, index) => index > 0 && value < deadlines[index - 1]!)).toEqual([]);
  expect(deadlines[QUEUE_PAGE]!).toBeGreaterThanOrEqual(deadlines[QUEUE_PAGE - 1]!);
  await expectAccessible(page);

  await first.click();
  await expect(page).toHaveURL(`${backofficeUrl}/`);
  await expect(first).toHaveCount(0);
  await expect(table.getByRole("rowheader")).toHaveCount(QUEUE_PAGE);
  await agent.close();
});
