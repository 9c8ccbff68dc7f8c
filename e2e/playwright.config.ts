import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { e2ePorts } from "./support/ports";
import { E2E_RESEND_WEBHOOK_SECRET } from "./support/resend";

const ports = e2ePorts();
// One temporary mailbox per run, shared with the workers through the environment.
process.env.E2E_MAILBOX_DIR ??= mkdtempSync(path.join(tmpdir(), "accord-e2e-mailbox-"));
// Evidence files of the run's throw-away database: a throw-away store too.
process.env.E2E_FILE_STORE_DIR ??= mkdtempSync(path.join(tmpdir(), "accord-e2e-files-"));

// Debian's headless build of Chromium ("chromium-headless-shell", the old headless mode, the one
// Playwright's own downloads use for headless runs) costs about half the CPU of the full browser in its new
// headless mode (ADR 0055); the full one where it is not installed, or for `--headed`.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium");

const DEMO_DATA_READERS = /\/(my-cases|queue|sign-in|isolation-matrix)\.spec\.ts$/;
const PAGINATION = /\/pagination\.spec\.ts$/;

export const portalUrl = `http://localhost:${ports.portal}`;
export const backofficeUrl = `http://localhost:${ports.backoffice}`;

export default defineConfig({
  testDir: "./specs",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous bounds: the machines are shared and CI loads both cores. A wait that gives up says what it waited for.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./support/global-setup.ts",
  use: {
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    // A trace records screencast frames and DOM snapshots all along every test (about a sixth of the suite's
    // CPU); CI keeps no file of a run, so it records none there.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // All specs share one database. The journeys that read the demo data as seeded (the demo cases on the
  // first page of the lists, nobody assigned) run first; the ones that file and change cases next; the
  // pagination journeys, which fill lists past a page, last.
  projects: [
    { name: "demo-data", use: { browserName: "chromium" }, testMatch: DEMO_DATA_READERS },
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: [DEMO_DATA_READERS, PAGINATION], dependencies: ["demo-data"] },
    { name: "pagination", use: { browserName: "chromium" }, testMatch: PAGINATION, dependencies: ["chromium"] },
  ],
  webServer: {
    // The whole stack on a throw-away embedded PostgreSQL: migrations, demo data, both apps, the worker.
    command: "node --import tsx ../apps/cli/src/main.ts start --ephemeral",
    url: `${backofficeUrl}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NODE_ENV: "test",
      PORTAL_PORT: String(ports.portal),
      BACKOFFICE_PORT: String(ports.backoffice),
      PORTAL_URL: portalUrl,
      BACKOFFICE_URL: backofficeUrl,
      MAILBOX_DIR: process.env.E2E_MAILBOX_DIR,
      FILE_STORE_DIR: process.env.E2E_FILE_STORE_DIR,
      RESEND_WEBHOOK_SECRET: E2E_RESEND_WEBHOOK_SECRET,
      DATABASE_URL: "",
    },
  },
});
