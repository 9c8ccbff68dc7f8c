import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { backofficeUrl, DEMO_PASSWORD, portalUrl } from "../support/fixtures";
import { appRoutes } from "../support/routes";

/**
 * The isolation matrix (issue 16): every route of both apps (read from routes.ts: a new route fails the
 * first test until it has an entry here), visited as anonymous, as each customer role of two companies
 * and as each staff role, on its page and on its loader data (`.data`). What belongs to someone else is a
 * 404 (never a 200, never a 5xx), a visitor is sent to /login, and another company's name never shows.
 * Demo data only (read, never changed): this spec runs with the demo-data readers.
 */

type Actor = "anonymous" | "martinAdmin" | "martinMember" | "martinViewer" | "portAdmin" | "agent" | "supervisor" | "finance" | "legal" | "mediator" | "admin";
const LOGINS: Record<Exclude<Actor, "anonymous">, { app: "portal" | "backoffice"; email: string }> = {
  martinAdmin: { app: "portal", email: "admin@martin.example" },
  martinMember: { app: "portal", email: "achats@martin.example" },
  martinViewer: { app: "portal", email: "compta@martin.example" },
  portAdmin: { app: "portal", email: "admin@hotelduport.example" },
  agent: { app: "backoffice", email: "agent@accord.example" },
  supervisor: { app: "backoffice", email: "superviseur@accord.example" },
  finance: { app: "backoffice", email: "finance@accord.example" },
  legal: { app: "backoffice", email: "juriste@accord.example" },
  mediator: { app: "backoffice", email: "mediateur@accord.example" },
  admin: { app: "backoffice", email: "admin@accord.example" },
};
const ACTORS = ["anonymous", ...Object.keys(LOGINS)] as Actor[];
const PORTAL_USERS: Actor[] = ["martinAdmin", "martinMember", "martinViewer", "portAdmin"];
const STAFF: Actor[] = ["agent", "supervisor", "finance", "legal", "mediator", "admin"];

/** What an actor gets: the page, the sign-in page, a redirect to another page of theirs, or nothing (404). */
type Outcome = "ok" | "login" | "elsewhere" | "hidden";
/** One URL and who gets what there (anyone not named: `otherwise`). */
interface Probe {
  url: string;
  expect: Partial<Record<Actor, Outcome>>;
  otherwise: Outcome;
}

/** Ids read from the demo data, as their owners see them. */
interface Known {
  memberCase: string;
  adminCase: string;
  portCase: string;
  colleagueId: string;
  helpSlug: string;
  adminIds: Record<string, string>;
  mailboxId: string;
}

const PORTAL_SIGNED_IN_ONLY = (url: string): Probe => ({ url: `${portalUrl}${url}`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "ok", portAdmin: "ok" }, otherwise: "login" });
const STAFF_ONLY = (url: string, who: Actor[] = STAFF): Probe => ({ url: `${backofficeUrl}${url}`, expect: Object.fromEntries(STAFF.map((a) => [a, who.includes(a) ? "ok" : "hidden"])), otherwise: "login" });
const PUBLIC = (url: string): Probe => ({ url, expect: {}, otherwise: "ok" });

/** Every route of both apps: the URLs to probe, or why none (with the spec that covers it). */
const PORTAL: Record<string, ((k: Known) => Probe[]) | string> = {
  "": () => [PORTAL_SIGNED_IN_ONLY("/")],
  login: () => [PUBLIC(`${portalUrl}/login`)],
  logout: "POST only (sign-in.spec signs out; a GET has no effect)",
  "forgot-password": () => [PUBLIC(`${portalUrl}/forgot-password`)],
  "reset-password": () => [PUBLIC(`${portalUrl}/reset-password`)],
  healthz: () => [PUBLIC(`${portalUrl}/healthz`)],
  company: () => [PORTAL_SIGNED_IN_ONLY("/company")],
  "company/users/:userId/deactivate": (k) => [
    { url: `${portalUrl}/company/users/${k.colleagueId}/deactivate`, expect: { martinAdmin: "ok", martinMember: "hidden", martinViewer: "hidden", portAdmin: "hidden" }, otherwise: "login" },
  ],
  "invitations/:token": () => [{ url: `${portalUrl}/invitations/not-a-token`, expect: {}, otherwise: "hidden" }],
  profile: () => [PORTAL_SIGNED_IN_ONLY("/profile")],
  uploads: "POST only (evidence-upload.spec: uploads are scoped to their uploader)",
  "api/v1/webhooks/resend": "POST only, authenticated by Resend's signature and never by a cookie (resend-webhook.spec)",
  "api/v1/inbound/email": "POST only, authenticated by X-Accord-Inbound-Secret and never by a cookie (inbound-email.spec)",
  "api/v1/*":
    "The public API: API keys only, a session cookie is a 401 (api.spec); every operation × no/unknown/revoked key, each company key and role, and an integration key in packages/api/src/isolation.int.test.ts (generated from the operations registry)",
  "uploads/:id/discard": "POST only (evidence-upload.spec)",
  "claims/new": () => [{ url: `${portalUrl}/claims/new`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "hidden", portAdmin: "ok" }, otherwise: "login" }],
  // CSV imports (ADR 0037): case:create; each company sees its own imports only (imports.int.test).
  "claims/import": () => [{ url: `${portalUrl}/claims/import`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "hidden", portAdmin: "ok" }, otherwise: "login" }],
  "claims/import/template.csv": "a download for case:create (csv-imports.spec and imports.int.test)",
  "cases/:reference/submitted": (k) => [
    { url: `${portalUrl}/cases/${k.memberCase}/submitted`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "ok", portAdmin: "hidden" }, otherwise: "login" },
    { url: `${portalUrl}/cases/${k.portCase}/submitted`, expect: { martinAdmin: "hidden", martinMember: "hidden", martinViewer: "hidden", portAdmin: "ok" }, otherwise: "login" },
  ],
  cases: () => [PORTAL_SIGNED_IN_ONLY("/cases")],
  "cases/:reference": (k) => [
    { url: `${portalUrl}/cases/${k.memberCase}`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "ok", portAdmin: "hidden" }, otherwise: "login" },
    // A member sees the cases they filed, not a colleague's.
    { url: `${portalUrl}/cases/${k.adminCase}`, expect: { martinAdmin: "ok", martinMember: "hidden", martinViewer: "ok", portAdmin: "hidden" }, otherwise: "login" },
    { url: `${portalUrl}/cases/${k.portCase}`, expect: { martinAdmin: "hidden", martinMember: "hidden", martinViewer: "hidden", portAdmin: "ok" }, otherwise: "login" },
  ],
  "cases/:reference/withdraw": (k) => [
    { url: `${portalUrl}/cases/${k.memberCase}/withdraw`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "hidden", portAdmin: "hidden" }, otherwise: "login" },
    { url: `${portalUrl}/cases/${k.portCase}/withdraw`, expect: { martinAdmin: "hidden", martinMember: "hidden", martinViewer: "hidden", portAdmin: "ok" }, otherwise: "login" },
  ],
  "cases/:reference/evidence/:evidenceId": "files: portal-access.spec and internal-leak.spec (another company's or an internal file is a 404)",
  // The settlement's pages (issue 11): whoever sees the case reads them; deciding is the use cases' (settlement-portal.spec).
  "cases/:reference/proposal": (k) => [
    { url: `${portalUrl}/cases/${k.memberCase}/proposal`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "ok", portAdmin: "hidden" }, otherwise: "login" },
    { url: `${portalUrl}/cases/${k.portCase}/proposal`, expect: { martinAdmin: "hidden", martinMember: "hidden", martinViewer: "hidden", portAdmin: "ok" }, otherwise: "login" },
  ],
  "cases/:reference/survey": (k) => [
    { url: `${portalUrl}/cases/${k.memberCase}/survey`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "ok", portAdmin: "hidden" }, otherwise: "login" },
    { url: `${portalUrl}/cases/${k.portCase}/survey`, expect: { martinAdmin: "hidden", martinMember: "hidden", martinViewer: "hidden", portAdmin: "ok" }, otherwise: "login" },
  ],
  "cases/:reference/agreement.pdf": "files: settlement-portal.spec and settlement-journey.spec (the stored agreement; none on a demo case, so a 404 for everyone here)",
  "cases/:reference/agreement": (k) => [
    { url: `${portalUrl}/cases/${k.memberCase}/agreement`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "ok", portAdmin: "hidden" }, otherwise: "login" },
    { url: `${portalUrl}/cases/${k.portCase}/agreement`, expect: { martinAdmin: "hidden", martinMember: "hidden", martinViewer: "hidden", portAdmin: "ok" }, otherwise: "login" },
  ],
  invoices: () => [PORTAL_SIGNED_IN_ONLY("/invoices")],
  "invoices/:number": () => [
    { url: `${portalUrl}/invoices/FA-2026-10412`, expect: { martinAdmin: "ok", martinMember: "ok", martinViewer: "ok", portAdmin: "hidden" }, otherwise: "login" },
  ],
  help: () => [PORTAL_SIGNED_IN_ONLY("/help")],
  "help/:slug": (k) => [PORTAL_SIGNED_IN_ONLY(`/help/${k.helpSlug}`)],
  "*": () => [{ url: `${portalUrl}/no-such-page`, expect: {}, otherwise: "hidden" }],
};

const ADMIN_ONLY = (url: string) => STAFF_ONLY(url, ["admin"]);
const BACKOFFICE: Record<string, ((k: Known) => Probe[]) | string> = {
  "": () => [STAFF_ONLY("/")],
  login: () => [PUBLIC(`${backofficeUrl}/login`)],
  logout: "POST only (sign-in.spec)",
  "forgot-password": () => [PUBLIC(`${backofficeUrl}/forgot-password`)],
  "reset-password": () => [PUBLIC(`${backofficeUrl}/reset-password`)],
  healthz: () => [PUBLIC(`${backofficeUrl}/healthz`)],
  mailbox: () => [ADMIN_ONLY("/mailbox")],
  "mailbox/:id": (k) => [ADMIN_ONLY(`/mailbox/${k.mailboxId}`)],
  // Opening a case on behalf of a customer: case:create (agents and supervisors).
  "cases/new": () => [STAFF_ONLY("/cases/new", ["agent", "supervisor"])],
  // A mediator sees only the cases they mediate (none of the demo cases).
  "cases/:reference": (k) => [STAFF_ONLY(`/cases/${k.memberCase}`, ["agent", "supervisor", "finance", "legal", "admin"])],
  "cases/:reference/evidence/:evidenceId": "files: backoffice-case.spec and internal-leak.spec",
  // Proposing needs proposal:create (agents, supervisors); a demo case that cannot receive one still shows the page, saying so.
  "cases/:reference/propose": (k) => [STAFF_ONLY(`/cases/${k.memberCase}/propose`, ["agent", "supervisor"])],
  "cases/:reference/agreement.pdf": "files: settlement-journey.spec (the stored agreement, byte for byte; none on a demo case)",
  "cases/:reference/agreement": (k) => [STAFF_ONLY(`/cases/${k.memberCase}/agreement`, ["agent", "supervisor", "finance", "legal", "admin"])],
  "cases/:reference/credit-note.xml": "files: settlement-journey.spec and receivables.int.test (refused until the ERP's number is recorded)",
  "cases/:reference/dossier.zip": "POST only, the export records an event (archive.spec: the download, and a 404 for a mediator not on the case; export-dossier.int.test)",
  // The instance's public key (probative archive): every staff member.
  archive: () => [STAFF_ONLY("/archive")],
  // Every staff member who reads cases has a "to approve" list (empty unless they approve).
  approvals: () => [STAFF_ONLY("/approvals")],
  // Every staff member who reads cases sees the open corrective actions (a mediator: those of the cases they mediate).
  "corrective-actions": () => [STAFF_ONLY("/corrective-actions")],
  // The quarantine of inbound e-mail: agents, supervisors, admins (inbound:triage). A message that does not exist is hidden from everyone.
  inbound: () => [STAFF_ONLY("/inbound", ["agent", "supervisor", "admin"])],
  "inbound/:id": () => [{ url: `${backofficeUrl}/inbound/00000000-0000-4000-8000-000000000000`, expect: Object.fromEntries(STAFF.map((a) => [a, "hidden"])), otherwise: "login" }],
  "inbound/:id/attachments/:index": () => [
    { url: `${backofficeUrl}/inbound/00000000-0000-4000-8000-000000000000/attachments/0`, expect: Object.fromEntries(STAFF.map((a) => [a, "hidden"])), otherwise: "login" },
  ],
  // Receivables: invoice:read and kpi:read (ADR 0027) — supervisors, finance, legal, admins.
  invoices: () => [STAFF_ONLY("/invoices", ["supervisor", "finance", "legal", "admin"])],
  "invoices/erp-export.csv": "a download for invoice:manage (receivables.spec and receivables.int.test)",
  // ERP imports (ADR 0037): invoice:import — finance and admins.
  "invoices/import": () => [STAFF_ONLY("/invoices/import", ["finance", "admin"])],
  "invoices/import/template.csv": "a download for invoice:import (csv-imports.spec and imports.int.test)",
  // Steering (issue 15): kpi:read — supervisors, finance, legal, admins.
  dashboard: () => [STAFF_ONLY("/dashboard", ["supervisor", "finance", "legal", "admin"])],
  "dashboard/help": () => [STAFF_ONLY("/dashboard/help", ["supervisor", "finance", "legal", "admin"])],
  "dashboard/review": () => [STAFF_ONLY("/dashboard/review", ["supervisor", "finance", "legal", "admin"])],
  "dashboard/review.csv": () => [STAFF_ONLY("/dashboard/review.csv", ["supervisor", "finance", "legal", "admin"])],
  "dashboard/review.pdf": () => [STAFF_ONLY("/dashboard/review.pdf", ["supervisor", "finance", "legal", "admin"])],
  uploads: "POST only (open-on-behalf.spec)",
  "uploads/:id/discard": "POST only (open-on-behalf.spec)",
  // The administration's index leads an admin to its first section.
  admin: () => [{ ...ADMIN_ONLY("/admin"), expect: { ...ADMIN_ONLY("/admin").expect, admin: "elsewhere" } }],
  "admin/sla": () => [ADMIN_ONLY("/admin/sla")],
  "admin/sla/:id": (k) => [ADMIN_ONLY(`/admin/sla/${k.adminIds.sla}`)],
  "admin/calendars": () => [ADMIN_ONLY("/admin/calendars")],
  "admin/calendars/:id": (k) => [ADMIN_ONLY(`/admin/calendars/${k.adminIds.calendars}`)],
  "admin/staff": () => [ADMIN_ONLY("/admin/staff")],
  "admin/staff/:id": (k) => [ADMIN_ONLY(`/admin/staff/${k.adminIds.staff}`)],
  "admin/accounts": () => [ADMIN_ONLY("/admin/accounts")],
  "admin/accounts/:id": (k) => [ADMIN_ONLY(`/admin/accounts/${k.adminIds.accounts}`)],
  "admin/thresholds": () => [ADMIN_ONLY("/admin/thresholds")],
  "admin/indexes": () => [ADMIN_ONLY("/admin/indexes")],
  "admin/root-causes": () => [ADMIN_ONLY("/admin/root-causes")],
  "admin/root-causes/:code": (k) => [ADMIN_ONLY(`/admin/root-causes/${k.adminIds["root-causes"]}`)],
  "admin/checklists": () => [ADMIN_ONLY("/admin/checklists")],
  "admin/checklists/:id": (k) => [ADMIN_ONLY(`/admin/checklists/${k.adminIds.checklists}`)],
  "admin/responses": () => [ADMIN_ONLY("/admin/responses")],
  "admin/responses/:id": (k) => [ADMIN_ONLY(`/admin/responses/${k.adminIds.responses}`)],
  "admin/company": () => [ADMIN_ONLY("/admin/company")],
  "admin/undelivered": () => [ADMIN_ONLY("/admin/undelivered")],
  "admin/integration-keys": () => [ADMIN_ONLY("/admin/integration-keys")],
  "admin/reason-codes": () => [ADMIN_ONLY("/admin/reason-codes")],
  "admin/kb": () => [ADMIN_ONLY("/admin/kb")],
  "admin/kb/:id": (k) => [ADMIN_ONLY(`/admin/kb/${k.adminIds.kb}`)],
  "*": () => [{ url: `${backofficeUrl}/no-such-page`, expect: {}, otherwise: "hidden" }],
};

test("every route of both apps has an entry in the isolation matrix", () => {
  for (const [app, table] of [["portal", PORTAL], ["backoffice", BACKOFFICE]] as const) {
    const paths = appRoutes(app).map((r) => r.path);
    expect(paths.filter((p) => !(p in table)), `add these ${app} routes to isolation-matrix.spec.ts`).toEqual([]);
    expect(Object.keys(table).filter((p) => !paths.includes(p)), `stale ${app} entries`).toEqual([]);
  }
});

async function signedIn(actor: Actor): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext();
  if (actor === "anonymous") return context;
  const { app, email } = LOGINS[actor];
  const base = app === "portal" ? portalUrl : backofficeUrl;
  const response = await context.post(`${base}/login`, { headers: { Origin: base }, form: { email, password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect(response.status(), `${email} signs in`).toBe(302);
  return context;
}

/** The hrefs of `main` links starting with `prefix` on a page. */
async function hrefs(context: APIRequestContext, url: string, prefix: string): Promise<string[]> {
  const html = await (await context.get(url)).text();
  const found = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")).filter((href) => href.startsWith(prefix));
  return [...new Set(found)];
}

const caseLinks = async (context: APIRequestContext) => (await hrefs(context, `${portalUrl}/cases`, "/cases/LIT-")).filter((h) => /^\/cases\/LIT-[\d-]+$/.test(h)).map((h) => h.slice("/cases/".length));

async function discover(contexts: Record<Actor, APIRequestContext>): Promise<Known> {
  const memberCases = await caseLinks(contexts.martinMember);
  const adminCases = await caseLinks(contexts.martinAdmin);
  const portCases = await caseLinks(contexts.portAdmin);
  const adminCase = adminCases.find((ref) => !memberCases.includes(ref));
  expect(memberCases.length && adminCase && portCases.length, "demo cases of a member, of the admin, and of Hôtel du Port").toBeTruthy();
  const colleague = (await hrefs(contexts.martinAdmin, `${portalUrl}/company`, "/company/users/")).find((h) => h.endsWith("/deactivate"));
  const helpSlug = (await hrefs(contexts.martinAdmin, `${portalUrl}/help`, "/help/"))[0];
  const adminIds: Record<string, string> = {};
  for (const section of ["sla", "calendars", "staff", "accounts", "root-causes", "checklists", "responses", "kb"]) {
    const link = (await hrefs(contexts.admin, `${backofficeUrl}/admin/${section}`, `/admin/${section}/`)).find((h) => !h.includes("?") && !h.includes("#"));
    expect(link, `an item on /admin/${section}`).toBeTruthy();
    adminIds[section] = link!.split("/")[3]!;
  }
  const mailbox = (await hrefs(contexts.admin, `${backofficeUrl}/mailbox`, "/mailbox/"))[0];
  expect(colleague && helpSlug && mailbox, "a colleague, a help article and an e-mail").toBeTruthy();
  return {
    memberCase: memberCases[0]!,
    adminCase: adminCase!,
    portCase: portCases[0]!,
    colleagueId: colleague!.split("/")[3]!,
    helpSlug: helpSlug!.slice("/help/".length),
    adminIds,
    mailboxId: mailbox!.slice("/mailbox/".length),
  };
}

/** What a response means for the matrix. */
function outcomeOf(status: number, location: string | null): Outcome | `status ${number}` {
  if (status === 200) return "ok";
  if (status === 404) return "hidden";
  if ((status === 302 || status === 303) && location) return new URL(location, "http://x").pathname === "/login" ? "login" : "elsewhere";
  return `status ${status}`;
}

test("each actor gets the page, the sign-in page or a 404, on the page and on its data, and never another company's name", async () => {
  test.setTimeout(600_000);
  const contexts = Object.fromEntries(await Promise.all(ACTORS.map(async (actor) => [actor, await signedIn(actor)] as const))) as Record<Actor, APIRequestContext>;
  try {
    const known = await discover(contexts);
    const probes = [...Object.values(PORTAL), ...Object.values(BACKOFFICE)].flatMap((entry) => (typeof entry === "string" ? [] : entry(known)));
    const wrong: string[] = [];
    for (const probe of probes) {
      for (const actor of ACTORS) {
        // A customer's session means nothing to the back-office, and staff's nothing to the portal.
        const signedInHere = actor === "anonymous" || (LOGINS[actor].app === "portal") === probe.url.startsWith(portalUrl);
        const expected = !signedInHere && probe.otherwise !== "ok" ? (probe.expect.anonymous ?? probe.otherwise) : (probe.expect[actor] ?? probe.otherwise);
        const response = await contexts[actor].get(probe.url, { maxRedirects: 0 });
        const got = outcomeOf(response.status(), response.headers()["location"] ?? null);
        if (got !== expected) wrong.push(`${actor} GET ${probe.url}: ${got}, expected ${expected}`);
        const body = await response.text();
        if (PORTAL_USERS.includes(actor) && signedInHere) {
          const other = actor === "portAdmin" ? /Boulangeries Martin/ : /Hôtel du Port/;
          if (other.test(body)) wrong.push(`${actor} GET ${probe.url}: shows another company's name`);
        }
        // The same route's loader data: never more than the page.
        const dataUrl = probe.url.replace(/(\?|$)/, ".data$1").replace(/\/\.data/, "/_root.data");
        const data = await contexts[actor].get(dataUrl, { maxRedirects: 0 });
        if (data.status() >= 500) wrong.push(`${actor} GET ${dataUrl}: ${data.status()}`);
        if (got !== "ok" && data.status() === 200) {
          const text = await data.text();
          if (/LIT-\d{4}-\d{6}/.test(text) && expected !== "ok") wrong.push(`${actor} GET ${dataUrl}: 200 with case references where the page is ${got}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  } finally {
    await Promise.all(Object.values(contexts).map((context) => context.dispose()));
  }
});
