/**
 * An app's HTTP server: express + React Router. `tsx server.ts` serves the production build
 * (`npm run build` first); with ACCORD_DEV=1 it serves the app through Vite (middleware mode, HMR).
 * Port: PORTAL_PORT (3000) / BACKOFFICE_PORT (3001); host: HOST (127.0.0.1). A taken port is an
 * error, never another port. This module never imports the app's own modules: it reads what it
 * needs from the build's entry.server exports, so it sees the same objects as the routes.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { checkOrigin, sessionCookie, type AppName } from "@accord/auth";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import { createRequestHandler as createRouterHandler, RouterContextProvider, type RouterContext, type ServerBuild } from "react-router";
import type { ViteDevServer } from "vite";
import { parseEnv, type Env } from "./env";
import { serverTiming } from "./server-timing";
import { formGate, replayBody } from "./form-gate";
import { DEFAULT_MAX_FILES, isPreparsed, preparseMultipart } from "./uploads";

/** How long an idle keep-alive connection stays open (the usual load balancers' 60 s, plus margin). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Each app's port and public URL in the environment. */
const SETTINGS = {
  portal: { app: "portal", portVariable: "PORTAL_PORT", port: (env: Env) => env.PORTAL_PORT, publicUrl: (env: Env) => env.PORTAL_URL },
  backoffice: { app: "backoffice", portVariable: "BACKOFFICE_PORT", port: (env: Env) => env.BACKOFFICE_PORT, publicUrl: (env: Env) => env.BACKOFFICE_URL },
} as const satisfies Record<AppName, unknown>;

export interface AppServerOptions {
  app: AppName;
  /** Shown in the console ("Accord — back-office: http://…"). */
  title: string;
  /** The app's folder (where vite.config.ts and build/ are): `path.dirname(fileURLToPath(import.meta.url))`. */
  appDir: string;
}

/** What the build's entry.server exports for this server (see app/entry.server.tsx). */
interface EntryExports {
  clientContext?: RouterContext<{ ip: string | null; nonce?: string }>;
  closeDatabase?: () => Promise<void>;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  host?: string;
  dev?: boolean;
}

export interface AppServer {
  /** Starts listening; rejects when the port is taken. */
  startServer(options?: StartOptions): Promise<RunningServer>;
  /** `tsx server.ts`: starts, logs the URL, stops on SIGINT/SIGTERM; exits 1 when it cannot start. */
  main(): Promise<void>;
}

/** The HTTP server of one app; its `server.ts` calls `main()` when run directly. */
export function createAppServer({ app: appName, title, appDir }: AppServerOptions): AppServer {
  const settings = SETTINGS[appName];
  const startServer = (options: StartOptions = {}) => start(settings, appDir, options);
  return { startServer, main: () => main(title, startServer) };
}

/**
 * The headers every answer carries (issue 16): no other site may frame a page (clickjacking: CSP
 * frame-ancestors, and X-Frame-Options for older browsers), no content sniffing, no full URL (a
 * reset link's token) in the Referer sent to another site, no powerful browser feature. The policy
 * also shuts what the apps never use (plugins, <base>, forms posting elsewhere, other origins), and
 * runs only the scripts of this site and the inline ones carrying this response's nonce. Under Vite
 * (--dev) the script and connection rules are left out (its HMR client is injected inline and talks
 * over a WebSocket).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  // "same-origin", not "no-referrer": a form post must keep its Origin header (the CSRF check reads it).
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The Content-Security-Policy of one response (`nonce`: null under Vite). */
export function contentSecurityPolicy(nonce: string | null): string {
  const always = ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"];
  if (nonce === null) return always.join("; ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Inline style attributes are used by components (progress bars, widths): styles stay open.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    ...always,
  ].join("; ");
}

const nonceKey = Symbol.for("accord.web.cspNonce");

/** The nonce `securityHeaders` made for this request (undefined under Vite). */
export function cspNonceOf(req: object): string | undefined {
  return (req as { [nonceKey]?: string })[nonceKey];
}

export function securityHeaders({ dev }: { dev: boolean }) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const nonce = dev ? null : randomBytes(16).toString("base64");
    if (nonce) (req as unknown as { [nonceKey]?: string })[nonceKey] = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    next();
  };
}

/**
 * `/api/v1/…`: machine-to-machine routes (Resend's webhook, later API keys). They authenticate by key
 * or by signature, never by cookie — a route there never reads the session — so the Origin check,
 * which exists because cookies ride along with cross-site posts, does not apply to them, and a
 * sender like Resend sends no Origin. This is the one place that exempts them (ADR 0033).
 */
export function isApiPath(url: string): boolean {
  let pathname: string;
  try {
    // Normalised as React Router will see it: `/api/v1/../cases/x` or `/api/v1/%2e%2e/x` is not an API path.
    pathname = new URL(url, "http://localhost").pathname;
  } catch {
    return false;
  }
  return pathname.startsWith("/api/v1/");
}

/**
 * The CSRF guard of every non-GET request: its `Origin` (else `Referer`) must be this app or its
 * public URL (`checkOrigin`), except under /api/v1 (see `isApiPath`). Refused: 403, plain text.
 */
export function originGuard({ publicOrigins, fallbackHost }: { publicOrigins: string[]; fallbackHost: string }) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    if (isApiPath(req.originalUrl)) return next();
    const headers = new Headers();
    if (req.headers.origin) headers.set("origin", req.headers.origin);
    if (req.headers.referer) headers.set("referer", req.headers.referer);
    let allowed = false;
    try {
      const url = `${req.protocol}://${req.get("host") ?? fallbackHost}${req.originalUrl}`;
      allowed = checkOrigin(new Request(url, { method: req.method, headers }), publicOrigins);
    } catch {
      // A method or URL that fetch refuses (e.g. TRACE): refused here too.
    }
    if (allowed) return next();
    res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : origine inconnue. / Request refused: unknown origin.\n");
  };
}

/**
 * The client's address as sign-in throttling counts it: the socket's. Express does not trust proxies
 * here ("trust proxy" is off), so an `X-Forwarded-For` sent by the client changes nothing.
 */
export function clientIpOf(req: ExpressRequest): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}

/**
 * React Router's mode: "development" sends error messages and stacks (a failing query's SQL and
 * parameters) to the browser, so only `--dev` (Vite, ACCORD_DEV=1) runs it. NODE_ENV says which data
 * and mailbox to use (the demo data of `npm start` is "development"), never how much an error reveals.
 */
export function routerMode(dev: boolean): "development" | "production" {
  return dev ? "development" : "production";
}

/** Whether the module at `moduleUrl` (`import.meta.url`) is the script node was asked to run. */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(path.resolve(process.argv[1])).href;
}

async function start(
  settings: (typeof SETTINGS)[AppName],
  appDir: string,
  options: StartOptions,
): Promise<RunningServer> {
  const env = parseEnv(process.env);
  const port = options.port ?? settings.port(env);
  const host = options.host ?? env.HOST;
  const dev = options.dev ?? env.ACCORD_DEV;
  const publicOrigins = [settings.publicUrl(env)];

  const app = express();
  app.disable("x-powered-by");
  // An idle keep-alive connection is kept longer than the clients' and proxies' own pools usually keep
  // theirs (Node's 5 s default closes it while an ERP, a mail provider or a test reuses it: ECONNRESET
  // on a request that never reached us). headersTimeout must stay above it.
  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, headersTimeout: KEEP_ALIVE_TIMEOUT_MS + 1_000 }, app);

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
    const buildFile = path.join(appDir, env.ACCORD_BUILD_DIR, "server", "index.js");
    if (!existsSync(buildFile)) throw new Error(`No production build at ${buildFile}: run \`npm run build\` first, or set ACCORD_DEV=1.`);
    const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
    loadBuild = async () => build;
  }

  app.use(securityHeaders({ dev }));

  // CSRF: a request that changes something must come from this app's own pages (except /api/v1).
  app.use(originGuard({ publicOrigins, fallbackHost: `${host}:${port}` }));

  // Evidence uploads are parsed at the Node level, streamed to the file store (see @accord/web/uploads).
  app.use(preparseMultipart({ sessionCookieNames: sessionCookie(settings.app).names, paths: ["/uploads"], maxFileBytes: env.UPLOAD_MAX_BYTES }));
  // Every other body is bounded and checked before React Router reads it (see form-gate.ts).
  app.use(
    formGate({
      sessionCookieNames: sessionCookie(settings.app).names,
      maxFileBytes: env.UPLOAD_MAX_BYTES,
      maxFiles: DEFAULT_MAX_FILES,
      // /api/v1 takes JSON, bounded by its own routes (they read the raw body to check its signature).
      skip: (req) => isPreparsed(req) || isApiPath(req.url ?? ""),
    }),
  );

  if (vite) {
    app.use(vite.middlewares);
  } else {
    const clientDir = path.join(appDir, env.ACCORD_BUILD_DIR, "client");
    // Fingerprinted file names: cache them for ever.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  }

  // Server-Timing: app;dur=<ms> on what React Router answers (the queue benchmark reads it).
  app.use(serverTiming("app"));
  app.use(
    requestHandler({
      build: loadBuild,
      mode: routerMode(dev),
      async getLoadContext(req) {
        const context = new RouterContextProvider();
        const entry = (await loadBuild()).entry.module as EntryExports;
        if (entry.clientContext) context.set(entry.clientContext, { ip: clientIpOf(req), nonce: cspNonceOf(req) });
        return context;
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new Error(`Port ${port} on ${host} is already in use (${settings.portVariable}). Stop the other process or choose another port.`));
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

/**
 * React Router behind express, as @react-router/express does it, except for the body: the one the
 * form gate checked (from memory or its copy) when there is one, else the request's own stream.
 */
function requestHandler({
  build,
  mode,
  getLoadContext,
}: {
  build: () => Promise<ServerBuild>;
  mode: "development" | "production";
  getLoadContext: (req: ExpressRequest) => Promise<RouterContextProvider>;
}) {
  const handle = createRouterHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const response = await handle(webRequest(req, res), await getLoadContext(req));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function webRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = Number.parseInt(hostPort ?? "", 10);
  const host = `${req.hostname.split(/[\\/?#@]/)[0] || "localhost"}${Number.isSafeInteger(port) ? `:${port}` : ""}`;
  const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => {
    if (!finished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(name, value);
    else if (values !== undefined) headers.set(name, values);
  }
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(replayBody(req) ?? req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  // A header the route sets replaces the server's default (e.g. its own nosniff); cookies add up.
  for (const [name, value] of response.headers.entries()) {
    if (name === "set-cookie") res.append(name, value);
    else res.setHeader(name, value);
  }
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (res.destroyed || res.writableEnded) return;
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open: end the idle ones now, the rest shortly.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}

async function main(title: string, startServer: () => Promise<RunningServer>): Promise<void> {
  let running: RunningServer;
  try {
    running = await startServer();
  } catch (error) {
    console.error(`${title}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`${title}: ${running.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${title}: ${signal}, arrêt / stopping…`);
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
