import { defineConfig } from "@playwright/test";

/**
 * The long suites that break things on purpose (crashes, a database restarting, a full disk): each
 * test starts its own Accord, so they run one at a time and never share the e2e stack.
 */
export default defineConfig({
  testDir: "./chaos",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 900_000,
  // Its own output folder: Playwright empties it when a run starts, and CI runs this suite beside the end-to-end one.
  outputDir: "./test-results-chaos",
  expect: { timeout: 15_000 },
  reporter: [["list"]],
});
