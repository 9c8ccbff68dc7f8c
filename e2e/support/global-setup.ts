import { rm } from "node:fs/promises";
import { backofficeUrl, portalUrl } from "../playwright.config";

/** The web server entry waits for the back-office; make sure the portal answers too. */
export default async function globalSetup() {
  for (const base of [portalUrl, backofficeUrl]) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`${base}/healthz does not answer`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  // Teardown: the run's throw-away evidence store goes with its throw-away database.
  const fileStoreDir = process.env.E2E_FILE_STORE_DIR;
  return async () => {
    if (fileStoreDir) await rm(fileStoreDir, { recursive: true, force: true });
  };
}
