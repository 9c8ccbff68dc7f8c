/**
 * The back-office's HTTP server: express + React Router. `tsx server.ts` serves the production build
 * (`npm run build` first); with ACCORD_DEV=1 it serves the app through Vite (middleware mode, HMR).
 * Port: BACKOFFICE_PORT (3001); host: HOST (127.0.0.1). A taken port is an error, never another port.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkOrigin } from "@accord/auth";
import { createRequestHandler } from "@react-router/express";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import { RouterContextProvider, type RouterContext, type ServerBuild } from "react-router";
import type { ViteDevServer } from "vite";
import { parseEnv } from "./app/env.server";

const APP_TITLE = "Accord — back-office";
const PORT_VARIABLE = "BACKOFFICE_PORT";
const appDir = path.dirname(fileURLToPath(import.meta.url));

/** What the build's entry.server exports for this server (see app/entry.server.tsx). */
interface EntryExports {
  clientContext?: RouterContext<{ ip: string | null }>;
  closeDatabase?: () => Promise<void>;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: { port?: number; host?: string; dev?: boolean } = {}): Promise<RunningServer> {
  const env = parseEnv(process.env);
  const port = options.port ?? env.BACKOFFICE_PORT;
  const host = options.host ?? env.HOST;
  const dev = options.dev ?? env.ACCORD_DEV;
  const publicOrigins = [env.BACKOFFICE_URL];

  const app = express();
  app.disable("x-powered-by");
  const server = createServer(app);

  let vite: ViteDevServer | undefined;
  let loadBuild: () => Promise<ServerBuild>;
  if (dev) {
    const { createServer: createViteServer } = await import("vite");
    vite = await createViteServer({
      root: appDir,
      configFile: path.join(appDir, "vite.config.ts"),
      appType: "custom",
      // HMR rides on our own server: two apps in dev never fight over Vite's default HMR port.
      server: { middlewareMode: true, ws: { server } },
    });
    const devServer = vite;
    loadBuild = async () => (await devServer.ssrLoadModule("virtual:react-router/server-build")) as ServerBuild;
  } else {
    const buildFile = path.join(appDir, "build", "server", "index.js");
    if (!existsSync(buildFile)) throw new Error(`No production build at ${buildFile}: run \`npm run build\` first, or set ACCORD_DEV=1.`);
    const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
    loadBuild = async () => build;
  }

  // CSRF: a request that changes something must come from this app's own pages.
  app.use((req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const headers = new Headers();
    if (req.headers.origin) headers.set("origin", req.headers.origin);
    if (req.headers.referer) headers.set("referer", req.headers.referer);
    let allowed = false;
    try {
      const url = `${req.protocol}://${req.get("host") ?? `${host}:${port}`}${req.originalUrl}`;
      allowed = checkOrigin(new Request(url, { method: req.method, headers }), publicOrigins);
    } catch {
      // A method or URL that fetch refuses (e.g. TRACE): refused here too.
    }
    if (allowed) return next();
    res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : origine inconnue. / Request refused: unknown origin.\n");
  });

  if (vite) {
    app.use(vite.middlewares);
  } else {
    const clientDir = path.join(appDir, "build", "client");
    // Fingerprinted file names: cache them for ever.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  }

  app.use(
    createRequestHandler({
      build: loadBuild,
      mode: dev || env.NODE_ENV === "development" ? "development" : "production",
      async getLoadContext(req) {
        const context = new RouterContextProvider();
        const entry = (await loadBuild()).entry.module as EntryExports;
        if (entry.clientContext) context.set(entry.clientContext, { ip: req.ip ?? req.socket.remoteAddress ?? null });
        return context;
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new Error(`Port ${port} on ${host} is already in use (${PORT_VARIABLE}). Stop the other process or choose another port.`));
      } else reject(error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await vite?.close();
    throw error;
  });

  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url,
    async close() {
      await closeServer(server);
      await vite?.close();
      const entry = (await loadBuild().catch(() => null))?.entry.module as EntryExports | undefined;
      await entry?.closeDatabase?.();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open: end the idle ones now, the rest shortly.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}

async function main() {
  let running: RunningServer;
  try {
    running = await startServer();
  } catch (error) {
    console.error(`${APP_TITLE}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`${APP_TITLE}: ${running.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${APP_TITLE}: ${signal}, arrêt / stopping…`);
    // Never hang on shutdown.
    setTimeout(() => process.exit(0), 5_000).unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
