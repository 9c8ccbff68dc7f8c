import { expect, test, type Browser } from "@playwright/test";
import { resources } from "../../apps/backoffice/app/locales/index.ts";
import { backofficeUrl, portalUrl } from "../support/fixtures";
import { catalogueChecks, checkPagesOf, pageIn, type Language, type PageVisit, type Reach } from "../support/page-checks";
import { appRoutes, expectNoStaleRoutes } from "../support/routes";

/**
 * Done-when of issue 6: axe-core finds no serious or critical violation on any back-office page, and every
 * string exists in French and English. The pages are read from apps/backoffice/app/routes.ts: a new route
 * fails the first test until it is classified here (a page with the way to reach it, or a resource route).
 */
/** Routes answering without a page of their own: files, JSON, redirects. */
const RESOURCE_ROUTES = new Set([
  "logout",
  "healthz",
  "cases/:reference/evidence/:evidenceId",
  "cases/:reference/agreement.pdf",
  "cases/:reference/credit-note.xml",
  "cases/:reference/dossier.zip",
  "invoices/erp-export.csv",
  "invoices/import/template.csv",
  "dashboard/review.csv",
  "dashboard/review.pdf",
  "uploads",
  "uploads/:id/discard",
  "inbound/:id/attachments/:index",
]);
/** Frames around child routes: checked on each child page. */
const LAYOUTS = new Set(["admin"]);

/**
 * Who visits, one test per group and language. The administration comes in four quarters: each page
 * runs axe, and a test must end within its bound on a loaded machine.
 */
type Who = "signed-out" | "agent" | "finance" | "admin" | "admin-people" | "admin-settings" | "admin-content";
const EMAIL: Record<Exclude<Who, "signed-out">, string> = {
  agent: "agent@accord.example",
  finance: "finance@accord.example",
  admin: "admin@accord.example",
  "admin-people": "admin@accord.example",
  "admin-settings": "admin@accord.example",
  "admin-content": "admin@accord.example",
};
const GROUP: Record<Who, string> = {
  "signed-out": "public page",
  agent: "agent page",
  finance: "finance page (invoices, ERP export)",
  admin: "administration page (SLA, calendars)",
  "admin-people": "administration page (staff, accounts) and mailbox page",
  "admin-settings": "administration settings page (thresholds, indexes, root causes, checklists)",
  "admin-content": "administration content page (responses, knowledge base, our company)",
};


const at =
  (...urls: string[]): Reach =>
  async () =>
    urls;

/** The first link to an item on the list page, and its "new" form when the list offers one. */
const fromList =
  (listUrl: string, prefix: string): Reach =>
  async (page) => {
    // The list page was usually checked just before: read its links where they are.
    if (page.url() !== `${backofficeUrl}${listUrl}`) await page.goto(`${backofficeUrl}${listUrl}`);
    const links = page.locator(`main a[href^="${prefix}"]`);
    // Lists filled as the app runs (the dev mailbox: e-mails written by the worker) may need a moment.
    await expect
      .poll(
        async () => {
          const count = await links.count();
          if (count === 0) await page.reload();
          return count;
        },
        { message: `a link to ${prefix}… on ${listUrl}`, timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    const hrefs = [...new Set(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? "")))];
    const item = hrefs.find((href) => href !== `${prefix}new` && !href.includes("?"));
    expect(item, `an item link on ${listUrl}`).toBeTruthy();
    return [...(hrefs.includes(`${prefix}new`) ? [`${prefix}new`] : []), item!];
  };

/** Every page of routes.ts, with who sees it and where. */
const PAGES: Record<string, PageVisit<Who>> = {
  login: { who: "signed-out", reach: at("/login") },
  "forgot-password": { who: "signed-out", reach: at("/forgot-password") },
  // Without a valid token: the page says the link does not work (a valid one needs a reset e-mail).
  "reset-password": { who: "signed-out", reach: at("/reset-password", "/reset-password?token=not-a-token") },

  "": { who: "agent", reach: at("/") },
  "cases/:reference": { who: "agent", reach: fromList("/", "/cases/LIT-") },
  // The account step, then the claim form for the first account.
  "cases/new": {
    who: "agent",
    reach: async (page) => {
      await page.goto(`${backofficeUrl}/cases/new`);
      const accounts = await page.locator('select[name="accountId"] option').evaluateAll((options) =>
        options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
      );
      expect(accounts.length, "customer accounts to open a case for").toBeGreaterThan(0);
      return ["/cases/new", `/cases/new?accountId=${accounts[0]}`];
    },
  },
  // "Proposer une solution" of the first case of the queue (the page says when its status takes none).
  "cases/:reference/propose": {
    who: "agent",
    reach: async (page) => (await fromList("/", "/cases/LIT-")(page)).map((url) => `${url}/propose`),
  },
  // "À valider": the agent approves nothing (the empty state); supervisors see their list.
  approvals: { who: "agent", reach: at("/approvals") },
  // Open corrective actions, all and « mine » (none in the demo data: the empty state).
  // The instance's public key, which verifies the signature of an exported dossier.
  archive: { who: "agent", reach: at("/archive") },
  "corrective-actions": { who: "agent", reach: at("/corrective-actions", "/corrective-actions?scope=mine") },
  // The quarantine of inbound e-mail (ADR 0036), and one message in it: an unknown sender writes first.
  inbound: { who: "agent", reach: at("/inbound") },
  "inbound/:id": {
    who: "agent",
    reach: async (page) => {
      const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const raw = [`From: Inconnu <pages-${stamp}@nowhere.example>`, "To: reclamations@accord.example", `Subject: Pages ${stamp}`, `Message-ID: <pages-${stamp}@nowhere.example>`, "", "Bonjour."].join("\r\n");
      const answer = await page.request.post(`${portalUrl}/api/v1/inbound/email`, { data: raw, headers: { "Content-Type": "message/rfc822", "X-Accord-Inbound-Secret": "accord-demo-inbound" } });
      expect(await answer.json()).toEqual({ outcome: "quarantined" });
      return fromList("/inbound", "/inbound/")(page);
    },
  },
  // A demo case has no accepted proposal: the page says so (settlement-journey.spec.ts checks it with the agreement).
  "cases/:reference/agreement": { who: "agent", reach: async (page) => [`${(await fromList("/", "/cases/LIT-")(page))[0]}/agreement`] },
  "*": { who: "agent", reach: at("/no-such-page", "/cases/LIT-0000-000000"), status: 404 },

  // Receivables: on hold (the default), released, all (finance sees the ERP export form too).
  invoices: { who: "finance", reach: at("/invoices", "/invoices?filter=released", "/invoices?filter=all") },
  // ERP imports: the forms and the earlier imports.
  "invoices/import": { who: "finance", reach: at("/invoices/import") },

  // Steering (issue 15): the dashboard with its charts (a filter refused too), the definitions, the monthly review.
  dashboard: { who: "finance", reach: at("/dashboard", "/dashboard?type=delivery", "/dashboard?from=2026-06-01&to=2026-05-01") },
  "dashboard/help": { who: "finance", reach: at("/dashboard/help") },
  "dashboard/review": { who: "finance", reach: at("/dashboard/review", "/dashboard/review?month=2999-01") },

  // /admin opens the first section (the SLA policies).
  admin: { who: "admin", reach: at("/admin") },
  "admin/sla": { who: "admin", reach: at("/admin/sla") },
  "admin/sla/:id": { who: "admin", reach: fromList("/admin/sla", "/admin/sla/") },
  "admin/calendars": { who: "admin", reach: at("/admin/calendars") },
  "admin/calendars/:id": { who: "admin", reach: fromList("/admin/calendars", "/admin/calendars/") },
  "admin/staff": { who: "admin-people", reach: at("/admin/staff") },
  "admin/staff/:id": { who: "admin-people", reach: fromList("/admin/staff", "/admin/staff/") },
  "admin/accounts": { who: "admin-people", reach: at("/admin/accounts") },
  "admin/accounts/:id": { who: "admin-people", reach: fromList("/admin/accounts", "/admin/accounts/") },
  "admin/thresholds": { who: "admin-settings", reach: at("/admin/thresholds") },
  "admin/indexes": { who: "admin-settings", reach: at("/admin/indexes") },
  "admin/root-causes": { who: "admin-settings", reach: at("/admin/root-causes") },
  "admin/root-causes/:code": { who: "admin-settings", reach: fromList("/admin/root-causes", "/admin/root-causes/") },
  "admin/checklists": { who: "admin-settings", reach: at("/admin/checklists") },
  "admin/checklists/:id": { who: "admin-settings", reach: fromList("/admin/checklists", "/admin/checklists/") },
  "admin/responses": { who: "admin-content", reach: at("/admin/responses") },
  "admin/responses/:id": { who: "admin-content", reach: fromList("/admin/responses", "/admin/responses/") },
  "admin/kb": { who: "admin-content", reach: at("/admin/kb") },
  "admin/kb/:id": { who: "admin-content", reach: fromList("/admin/kb", "/admin/kb/") },
  "admin/company": { who: "admin-content", reach: at("/admin/company") },
  "admin/undelivered": { who: "admin-settings", reach: at("/admin/undelivered") },
  "admin/integration-keys": { who: "admin-settings", reach: at("/admin/integration-keys") },
  "admin/reason-codes": { who: "admin-settings", reach: at("/admin/reason-codes") },
  mailbox: { who: "admin-people", reach: at("/mailbox") },
  // The e-mail's HTML is shown in a frame sandboxed without scripts.
  "mailbox/:id": { who: "admin-people", reach: fromList("/mailbox", "/mailbox/"), sandboxedFrames: "iframe[sandbox]" },
};

const { sections, catalogueKey } = catalogueChecks(resources);

test("every back-office route is classified: a page with the way to reach it, a layout, or a resource route", () => {
  const routes = appRoutes("backoffice");
  expect(routes.length).toBeGreaterThan(20);
  expect(sections).toEqual(expect.arrayContaining(["common", "app", "queue", "casePage", "admin"]));
  const unclassified = routes
    .filter((r) => !(r.isLayout ? LAYOUTS.has(r.path) : r.isPage ? r.path in PAGES : RESOURCE_ROUTES.has(r.path)))
    .map((r) => `${r.path || "(index)"} — ${r.file}`);
  expect(unclassified, "add these routes to backoffice-pages.spec.ts").toEqual([]);
  expectNoStaleRoutes(routes, PAGES, RESOURCE_ROUTES);
});

const pageFor = (browser: Browser, who: Who, language: Language) =>
  pageIn(browser, { baseUrl: backofficeUrl, email: who === "signed-out" ? null : EMAIL[who], language });

// Each test ~5–90 s alone on two cores, several times that beside other specs on a loaded machine: a
// generous bound (a page that hangs still fails, with the page named).
test.describe.configure({ mode: "parallel", timeout: 300_000 });

for (const who of ["signed-out", "agent", "finance", "admin", "admin-people", "admin-settings", "admin-content"] as const) {
  for (const language of ["fr", "en"] as const) {
    test(`every ${GROUP[who]} in ${language === "fr" ? "French" : "English"}: one visible <h1>, no catalogue key${language === "fr" ? ", no serious axe violation" : ", no French left"}`, async ({ browser }) => {
      const page = await pageFor(browser, who, language);
      await checkPagesOf(page, PAGES, who, { baseUrl: backofficeUrl, language, catalogueKey });
      await page.context().close();
    });
  }
}
