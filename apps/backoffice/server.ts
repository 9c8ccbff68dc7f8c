/**
 * The back-office's HTTP server (see @accord/web/server): `tsx server.ts` serves the production build,
 * with ACCORD_DEV=1 through Vite. Port: BACKOFFICE_PORT (3001); a taken port is an error.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createAppServer, isMainModule } from "@accord/web/server";

export type { RunningServer } from "@accord/web/server";

export const { startServer, main } = createAppServer({
  app: "backoffice",
  title: "Accord — back-office",
  appDir: path.dirname(fileURLToPath(import.meta.url)),
});

if (isMainModule(import.meta.url)) await main();
