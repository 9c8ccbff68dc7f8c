import { spawn, type ChildProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { runMigrations } from "@accord/db/migrate";
import { DEMO_INBOUND_EMAIL_SECRET } from "@accord/web/env";
import { acquireDatabase } from "../database";
import type { CliEnv } from "../env";
import { repoRoot } from "../paths";
import { supervise, type Supervised } from "../supervise";
import { seedIfEmpty } from "./seed";

type Service = { name: string; entry: string; cwd: string; url?: string; run?: Supervised };

const DEMO_LOGINS = `
  Mot de passe de tous les comptes de démonstration / password of every demo user: accord-demo
  Portail client / customer portal:  admin@martin.example (admin), achats@martin.example (membre),
                                     compta@martin.example (lecteur), admin@hotelduport.example (admin)
  Back-office:                       agent@, superviseur@, finance@, juriste@, mediateur@, admin@accord.example`;

/** Waits for an app to answer (its process may be restarted meanwhile). */
async function waitForHealth(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url}/healthz did not answer within ${timeoutMs / 1000} s`);
}

/**
 * `npm start`: the database (DATABASE_URL or the embedded PostgreSQL), pending migrations, the demo
 * data on an empty database (never in production), then the portal, the back-office and the worker.
 * A child that dies is started again (with backoff); Ctrl-C stops all of them and the embedded server.
 */
export async function start(env: CliEnv, options: { dev: boolean; ephemeral: boolean }) {
  const log = (line: string) => console.log(line);
  const lease = await acquireDatabase(env.DATABASE_URL, { ephemeral: options.ephemeral });
  log(
    lease.source === "env"
      ? "Base de données / database: DATABASE_URL"
      : `Base de données / database: PostgreSQL embarqué / embedded (${lease.source === "running" ? "déjà démarré / already running" : ".data/pg"})`,
  );
  let shuttingDown = false;
  const services: Service[] = [
    { name: "portal", entry: "server.ts", cwd: path.join(repoRoot, "apps/portal"), url: `http://localhost:${env.PORTAL_PORT}` },
    { name: "backoffice", entry: "server.ts", cwd: path.join(repoRoot, "apps/backoffice"), url: `http://localhost:${env.BACKOFFICE_PORT}` },
    { name: "worker", entry: "src/index.ts", cwd: path.join(repoRoot, "apps/worker") },
  ];

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    for (const service of services) service.run?.stop();
    const running = services.map((s) => s.run?.current()).filter((c): c is ChildProcess => !!c && c.exitCode === null && c.signalCode === null);
    for (const child of running) child.kill("SIGTERM");
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              child.kill("SIGKILL");
              resolve();
            }, 5_000);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await lease.release().catch((error) => console.error(error));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    await runMigrations(lease.url);
    log("Migrations à jour / migrations applied.");
    if (env.NODE_ENV !== "production") await seedIfEmpty(lease.url, { production: false, portalUrl: env.PORTAL_URL, log });
    await mkdir(env.MAILBOX_DIR, { recursive: true });

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: env.NODE_ENV,
      DATABASE_URL: lease.url,
      PORTAL_PORT: String(env.PORTAL_PORT),
      BACKOFFICE_PORT: String(env.BACKOFFICE_PORT),
      PORTAL_URL: env.PORTAL_URL,
      BACKOFFICE_URL: env.BACKOFFICE_URL,
      MAILBOX_DIR: env.MAILBOX_DIR,
      FILE_STORE_DIR: env.FILE_STORE_DIR,
      ...(options.dev ? { ACCORD_DEV: "1" } : {}),
    };
    // The apps serve a production build: React on the server must run its production build too, and
    // NODE_ENV is all React reads (its development build renders a page 6–7 times slower). NODE_ENV means
    // nothing else to the apps than "an inbound e-mail secret is required": outside production the
    // demo one, which they would take by default, is given explicitly. The worker keeps NODE_ENV as is
    // (it chooses the dev mailbox or Resend). `--dev` (Vite) keeps React's development build. ADR 0056.
    const appEnv: NodeJS.ProcessEnv = options.dev
      ? childEnv
      : {
          ...childEnv,
          NODE_ENV: "production",
          INBOUND_EMAIL_SECRET: process.env.INBOUND_EMAIL_SECRET?.trim() || (env.NODE_ENV === "production" ? "" : DEMO_INBOUND_EMAIL_SECRET),
        };
    for (const service of services) {
      const serviceEnv = service.url ? appEnv : childEnv;
      service.run = supervise(service.name, () => spawn(process.execPath, ["--import", "tsx", service.entry], { cwd: service.cwd, env: serviceEnv, stdio: "inherit" }));
    }
    await Promise.all(services.filter((s) => s.url).map((s) => waitForHealth(s.url!)));
    log(`
Accord est prêt / Accord is ready:
  Portail client / customer portal:  ${services[0]!.url}
  Back-office:                       ${services[1]!.url}
  Boîte aux lettres de dev / dev mailbox: ${services[1]!.url}/mailbox (admin@accord.example)
${DEMO_LOGINS}

Ctrl-C pour tout arrêter / to stop everything.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}
