import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { e2ePorts } from "./support/ports";

const ports = e2ePorts();
// One temporary mailbox per run, shared with the workers through the environment.
process.env.E2E_MAILBOX_DIR ??= mkdtempSync(path.join(tmpdir(), "accord-e2e-mailbox-"));
// Evidence files of the run's throw-away database: a throw-away store too.
process.env.E2E_FILE_STORE_DIR ??= mkdtempSync(path.join(tmpdir(), "accord-e2e-files-"));

export const portalUrl = `http://localhost:${ports.portal}`;
export const backofficeUrl = `http://localhost:${ports.backoffice}`;

export default defineConfig({
  testDir: "./specs",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./support/global-setup.ts",
  use: {
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /pagination\.spec\.ts/ },
    // Filling lists past a page (27 cases of one member, the queue past 50) would move the demo cases
    // other specs look for on page 1: these journeys run once every other spec is done.
    { name: "pagination", use: { browserName: "chromium" }, testMatch: /pagination\.spec\.ts/, dependencies: ["chromium"] },
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
      DATABASE_URL: "",
    },
  },
});
