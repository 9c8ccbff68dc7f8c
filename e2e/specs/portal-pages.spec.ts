import { expect, test, type Browser, type Page } from "@playwright/test";
import { resources } from "../../apps/portal/app/locales/index.ts";
import { portalUrl } from "../support/fixtures";
import { catalogueChecks, checkPagesOf, pageIn, type Language, type PageVisit, type Reach } from "../support/page-checks";
import { appRoutes, expectNoStaleRoutes } from "../support/routes";

/**
 * Done-when of issue 5: axe-core finds no serious or critical violation on any portal page, and every string
 * exists in French and English. The pages are read from apps/portal/app/routes.ts: a new route fails the first
 * test until it is classified here (a page with the way to reach it, or a resource route). Who may reach what
 * (another company's 404, the viewer's read-only pages) is portal-access.spec.ts: this spec is about rendering.
 */

/** Routes answering without a page of their own: files, JSON, redirects. */
const RESOURCE_ROUTES = new Set(["logout", "healthz", "uploads", "claims/import/template.csv", "uploads/:id/discard", "cases/:reference/evidence/:evidenceId", "cases/:reference/agreement.pdf", "api/v1/webhooks/resend", "api/v1/inbound/email", "api/v1/*"]);

/** Who visits, one test per group and language. Boulangeries Martin's three roles, read only. */
type Who = "signed-out" | "admin" | "member" | "viewer";
const EMAIL: Record<Exclude<Who, "signed-out">, string> = {
  admin: "admin@martin.example",
  member: "achats@martin.example",
  viewer: "compta@martin.example",
};
const GROUP: Record<Who, string> = {
  "signed-out": "public page",
  admin: "case and company page (company admin)",
  member: "home, claim form and not-found page (member)",
  viewer: "profile, help and invoice page (viewer)",
};


const at =
  (...urls: string[]): Reach =>
  async () =>
    urls;

/** The hrefs of the links starting with `prefix` in the main content of `listUrl` (where the page is, when it is there). */
async function linksOn(page: Page, listUrl: string, prefix: string): Promise<string[]> {
  if (page.url() !== `${portalUrl}${listUrl}`) await page.goto(`${portalUrl}${listUrl}`);
  const links = page.locator(`main a[href^="${prefix}"]`);
  await expect(links.first(), `a link to ${prefix}… on ${listUrl}`).toBeAttached();
  return [...new Set(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? "")))];
}

/** The first link to an item on the list page. */
const fromList =
  (listUrl: string, prefix: string): Reach =>
  async (page) => {
    const item = (await linksOn(page, listUrl, prefix)).find((href) => !href.includes("?") && !href.includes("#"));
    expect(item, `an item link on ${listUrl}`).toBeTruthy();
    return [item!];
  };

/** The withdrawal page of the first case of the list offering it (opened, never submitted). */
const withdrawPage: Reach = async (page) => {
  const cases = (await linksOn(page, "/cases", "/cases/LIT-")).filter((href) => /^\/cases\/LIT-[\d-]+$/.test(href));
  for (const href of cases) {
    await page.goto(`${portalUrl}${href}`);
    const withdraw = page.locator(`main a[href="${href}/withdraw"]`);
    if ((await withdraw.count()) > 0) return [(await withdraw.first().getAttribute("href"))!];
  }
  throw new Error("no case of /cases offers a withdrawal to admin@martin.example");
};

/** Every page of routes.ts, with who sees it and where. */
const PAGES: Record<string, PageVisit<Who>> = {
  login: { who: "signed-out", reach: at("/login") },
  "forgot-password": { who: "signed-out", reach: at("/forgot-password") },
  // Without a valid token: the page says the link does not work (a valid one needs a reset e-mail).
  "reset-password": { who: "signed-out", reach: at("/reset-password", "/reset-password?token=not-a-token") },
  // An unknown invitation: the page says so, with a 404 (a valid one needs an invitation e-mail).
  "invitations/:token": { who: "signed-out", reach: at("/invitations/not-a-token"), status: 404 },

  // The list, filtered, and filtered down to nothing (the empty state).
  cases: { who: "admin", reach: at("/cases", "/cases?status=open&type=quality", "/cases?q=no-such-case-zz") },
  "cases/:reference": { who: "admin", reach: fromList("/cases", "/cases/LIT-") },
  // The confirmation shown after filing, on a demo case (it shows for any case of the company).
  "cases/:reference/submitted": { who: "admin", reach: async (page) => [`${(await fromList("/cases", "/cases/LIT-")(page))[0]}/submitted`] },
  "cases/:reference/withdraw": { who: "admin", reach: withdrawPage },
  // The settlement pages of a demo case, before any proposal: they say there is none yet (settlement-portal.spec.ts
  // checks them with a proposal, an acceptance and a survey).
  "cases/:reference/proposal": { who: "admin", reach: async (page) => [`${(await fromList("/cases", "/cases/LIT-")(page))[0]}/proposal`] },
  "cases/:reference/survey": { who: "admin", reach: async (page) => [`${(await fromList("/cases", "/cases/LIT-")(page))[0]}/survey?score=9`] },
  "cases/:reference/agreement": { who: "admin", reach: async (page) => [`${(await fromList("/cases", "/cases/LIT-")(page))[0]}/agreement`] },
  company: { who: "admin", reach: at("/company") },
  // The deactivation's confirmation of a colleague (the role is changed on /company itself).
  "company/users/:userId/deactivate": { who: "admin", reach: fromList("/company", "/company/users/") },

  "": { who: "member", reach: at("/") },
  // The invoice step, then the claim form on the first invoice offered on the home page.
  "claims/new": {
    who: "member",
    reach: async (page) => {
      const [invoice] = await linksOn(page, "/", "/claims/new?invoice=");
      return ["/claims/new", invoice!];
    },
  },
  // CSV import of claims: the form and the earlier imports.
  "claims/import": { who: "member", reach: at("/claims/import") },
  "*": { who: "member", reach: at("/no-such-page", "/cases/LIT-0000-000000"), status: 404 },

  profile: { who: "viewer", reach: at("/profile") },
  help: { who: "viewer", reach: at("/help") },
  // "Mes factures" with each filter, and an invoice's page (its lines, cases, due dates).
  invoices: { who: "viewer", reach: at("/invoices", "/invoices?filter=disputed", "/invoices?filter=all") },
  "invoices/:number": { who: "viewer", reach: fromList("/invoices?filter=all", "/invoices/") },
  "help/:slug": { who: "viewer", reach: fromList("/help", "/help/") },
};

const { sections, catalogueKey, frenchOnly } = catalogueChecks(resources);

test("every portal route is classified: a page with the way to reach it, or a resource route", () => {
  const routes = appRoutes("portal");
  expect(routes.length).toBeGreaterThan(15);
  expect(sections).toEqual(expect.arrayContaining(["common", "app", "cases", "claims", "company", "help"]));
  const unclassified = routes
    // The portal has no layout route: one would need its frame checked on each child page, as in backoffice-pages.
    .filter((r) => r.isLayout || !(r.isPage ? r.path in PAGES : RESOURCE_ROUTES.has(r.path)))
    .map((r) => `${r.path || "(index)"} — ${r.file}`);
  expect(unclassified, "add these routes to portal-pages.spec.ts").toEqual([]);
  expectNoStaleRoutes(routes, PAGES, RESOURCE_ROUTES);
});

const pageFor = (browser: Browser, who: Who, language: Language) =>
  pageIn(browser, { baseUrl: portalUrl, email: who === "signed-out" ? null : EMAIL[who], language, landing: "/" });

// Each test ~5–15 s alone on two cores; more beside other specs.
test.describe.configure({ mode: "parallel", timeout: 120_000 });

for (const who of ["signed-out", "admin", "member", "viewer"] as const) {
  for (const language of ["fr", "en"] as const) {
    test(`every ${GROUP[who]} in ${language === "fr" ? "French" : "English"}: one visible <h1>, no catalogue key${language === "fr" ? ", no serious axe violation" : ", no French left"}`, async ({ browser }) => {
      const page = await pageFor(browser, who, language);
      await checkPagesOf(page, PAGES, who, { baseUrl: portalUrl, language, catalogueKey, frenchOnly });
      await page.context().close();
    });
  }
}
