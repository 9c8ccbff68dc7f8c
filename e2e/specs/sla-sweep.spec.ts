import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { loadCustomerActor, loadStaffActor } from "@accord/auth";
import { assignCase, assignCaseSchema, parseInput, submitClaim } from "@accord/core";
import { cases, createDb, customerUsers, invoiceLines, invoices, staffUsers, teams, type DbHandle } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { signIn } from "../support/fixtures";
import { repoRoot, startAccord, type Accord } from "../support/stack";

/**
 * Issue 13, « Done when »: a case approaches its first-response target, `sla:sweep` runs (with `--at`,
 * so the test does not depend on the hour it runs at), and the assignee's warning e-mail is in the
 * mailbox; the case then breaches, the supervisor's e-mail arrives and the queue shows it as breached.
 * An Accord of this spec's own, whose worker runs no sweep of its own (SLA_SWEEP_SCHEDULE=off: the CLI
 * alone handles the case, whose deadlines have passed): its database is reached to file the case in the
 * past, as the portal would have (the claim form is claim-filing.spec's), and the CLI runs against it.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });

let accord: Accord;
let handle: DbHandle;
let databaseUrl: string;

test.beforeAll(async () => {
  test.setTimeout(400_000);
  accord = await startAccord({ env: { SLA_SWEEP_SCHEDULE: "off" } });
  databaseUrl = readFileSync(path.join(accord.dataDir, "database-url"), "utf8").trim();
  handle = createDb(databaseUrl);
});

test.afterAll(async () => {
  await handle?.close();
  await accord?.stop();
});

/** `npm run accord -- sla:sweep …args` against this spec's database; its output and exit code. */
function slaSweep(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", "sla:sweep", ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "test", DATABASE_URL: databaseUrl, PORTAL_URL: accord.portal, BACKOFFICE_URL: accord.backoffice },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A quality claim filed by the customer a week ago (its deadlines have passed, so the queue shows it
 * breached), assigned by the supervisor to the agent in the quality team.
 */
async function caseFiledAWeekAgo(title: string) {
  const { db } = handle;
  const filedAt = new Date(Date.now() - 7 * 24 * 3_600_000);
  const [customer] = await db.select({ id: customerUsers.id }).from(customerUsers).where(eq(customerUsers.email, "achats@martin.example"));
  const [agent] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, "agent@accord.example"));
  const [supervisor] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, "superviseur@accord.example"));
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.code, "quality"));
  const [line] = await db
    .select({ id: invoiceLines.id })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoices.number, "FA-2026-10702"), eq(invoiceLines.lineNo, 2)));
  const { reference } = await submitClaim({
    db,
    actor: await loadCustomerActor(db, customer!.id),
    now: filedAt,
    portalUrl: accord.portal,
    input: {
      type: "quality",
      title,
      description: "Trois sacs sont arrivés percés.",
      desiredOutcome: "credit_note",
      quality: { product: "Sucre semoule — sac de 25 kg" },
      lines: [{ invoiceLineId: line!.id, contestedQuantity: "1" }],
    } as never,
  });
  await assignCase({
    db,
    actor: await loadStaffActor(db, supervisor!.id),
    input: parseInput(assignCaseSchema, { reference, teamId: team!.id, assigneeId: agent!.id }),
    now: new Date(filedAt.getTime() + 60_000),
    backofficeUrl: accord.backoffice,
  });
  const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
  return row!;
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signIn(page, accord.backoffice, email);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** The row of the back-office's dev mailbox with this subject, once the worker delivered it. */
async function mailboxRow(page: Page, subject: string) {
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(async () => {
    await page.goto(`${accord.backoffice}/mailbox`);
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  return row;
}

test("the assignee is warned before the first-response deadline; at the breach the supervisor is told and the queue shows it", async ({ browser }) => {
  const title = `Sacs percés ${Date.now()}`;
  const row = await caseFiledAWeekAgo(title);
  const { reference } = row;
  expect(row.firstResponseWarnAt!.getTime()).toBeLessThan(row.firstResponseDueAt!.getTime());

  // Just before the warning: nothing for this case.
  const early = slaSweep("--at", new Date(row.firstResponseWarnAt!.getTime() - 60_000).toISOString());
  expect(early.status, early.stderr).toBe(0);
  expect(early.stdout).not.toContain(reference);

  const warning = slaSweep("--at", row.firstResponseWarnAt!.toISOString());
  expect(warning.status, warning.stderr).toBe(0);
  expect(warning.stdout).toMatch(new RegExp(`first-response warnings: \\d+ \\(.*${reference}`));

  const admin = await signedIn(browser, "admin@accord.example");
  const warned = await mailboxRow(admin, `Alerte SLA : première réponse du dossier ${reference} bientôt due`);
  await expect(warned).toHaveCount(1);
  await expect(warned).toContainText("agent@accord.example");

  const breach = slaSweep("--at", row.firstResponseDueAt!.toISOString());
  expect(breach.status, breach.stderr).toBe(0);
  expect(breach.stdout).toMatch(new RegExp(`first-response breaches: \\d+ \\(.*${reference}`));
  const breached = await mailboxRow(admin, `SLA dépassé : première réponse du dossier ${reference}`);
  await expect(breached.filter({ hasText: "superviseur@accord.example" })).toHaveCount(1);
  await expect(breached.filter({ hasText: "agent@accord.example" })).toHaveCount(1);
  await breached.filter({ hasText: "superviseur@accord.example" }).getByRole("link").click();
  await expect(admin.getByText(/Priorité relevée de P\d à P\d\.|Priorité : P1 \(déjà la plus haute\)\./).first()).toBeVisible();

  // A second run sends nothing twice.
  const again = slaSweep("--at", row.firstResponseDueAt!.toISOString());
  expect(again.stdout).not.toContain(reference);

  // The supervisor filters the queue on breached cases: the case is there.
  const supervisor = await signedIn(browser, "superviseur@accord.example");
  await expect(supervisor.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();
  const filters = supervisor.getByRole("region", { name: "Filtres" });
  await filters.getByLabel("État du SLA").selectOption({ label: "Dépassé" });
  await filters.getByRole("button", { name: "Filtrer" }).click();
  await expect(supervisor).toHaveURL(/[?&]sla=breached/);
  await expect(supervisor.getByRole("row").filter({ hasText: title })).toBeVisible();
});

test("a bad --at is refused with a clear message and a non-zero exit", () => {
  const bad = slaSweep("--at", "demain");
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toContain("--at attend un instant ISO 8601");
});

test("an escalation setting that makes no sense is refused beside its field, nothing saved", async ({ browser }) => {
  const admin = await signedIn(browser, "admin@accord.example");
  await admin.goto(`${accord.backoffice}/admin/thresholds`);
  const form = admin.getByRole("region", { name: "Escalade et relances" });
  await form.getByLabel("Alerte à (% de l'objectif SLA)").fill("100");
  await form.getByLabel("Seconde relance du client après la première (jours ouvrés)").fill("-2");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form.getByText("L'alerte doit être entre 1 et 99 % de l'objectif.")).toBeVisible();
  await expect(form.getByText("Un nombre de jours ne peut pas être négatif.")).toBeVisible();
  await admin.goto(`${accord.backoffice}/admin/thresholds`);
  await expect(admin.getByRole("region", { name: "Escalade et relances" }).getByLabel("Alerte à (% de l'objectif SLA)")).toHaveValue("80");
});
