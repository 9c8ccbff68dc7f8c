import { runMigrations } from "@accord/db/migrate";
import { auditVerify } from "./commands/audit-verify";
import { exportDossierCommand } from "./commands/export-dossier";
import { seedIfEmpty } from "./commands/seed";
import { parseSweepArgs, slaSweep } from "./commands/sla-sweep";
import { start } from "./commands/start";
import { acquireDatabase } from "./database";
import { readEnv } from "./env";
import { cliLanguage } from "./language";

const USAGE = `Usage: npm run accord -- <command>

Commands:
  start [--dev] [--ephemeral]
                  database, migrations, demo data, portal, back-office and worker (what npm start runs);
                  --dev serves the apps through Vite, --ephemeral uses a throw-away embedded database
  migrate         apply pending migrations
  seed            seed the demo data on an empty database (never in production)
  sla:sweep [--at <ISO instant>]
                  run every SLA and escalation sweep once (warnings, breaches, reminders, closes,
                  pre-due reminders) and print what it did; --at runs them as at that instant
  audit:verify    verify every event chain (cases and administration); non-zero exit at the first break
  export:dossier <reference> <file.zip>
                  export a case's probative dossier (ZIP with manifest, SHA256SUMS and Ed25519 signature)
  kpi:backfill    compute the business time to resolve of the cases resolved before it was stored
                  (migration 0022), for the dashboard's business MTTR; safe to run again`;

async function withDatabase(fn: (url: string) => Promise<void>) {
  const env = readEnv();
  const lease = await acquireDatabase(env.DATABASE_URL);
  try {
    await fn(lease.url);
  } finally {
    await lease.release();
  }
}

async function main(argv: string[]) {
  const [command, ...args] = argv;
  const env = readEnv();
  switch (command) {
    case "start":
      return start(env, { dev: args.includes("--dev"), ephemeral: args.includes("--ephemeral") });
    case "migrate":
      return withDatabase(async (url) => {
        await runMigrations(url);
        console.log("Migrations à jour / migrations applied.");
      });
    case "seed":
      if (env.NODE_ENV === "production") {
        console.error("Les données de démonstration ne sont jamais créées en production. / Demo data is never seeded in production.");
        process.exitCode = 1;
        return;
      }
      return withDatabase(async (url) => {
        await runMigrations(url);
        await seedIfEmpty(url, { production: false, portalUrl: env.PORTAL_URL, log: console.log });
      });
    case "sla:sweep": {
      const parsed = parseSweepArgs(args);
      if (!parsed.ok) {
        console.error(parsed.error);
        process.exitCode = 1;
        return;
      }
      return withDatabase(async (url) => {
        await runMigrations(url);
        const report = await slaSweep(url, { at: parsed.at, portalUrl: env.PORTAL_URL, backofficeUrl: env.BACKOFFICE_URL, log: console.log });
        if (report.failed.length > 0) process.exitCode = 1;
      });
    }
    case "audit:verify":
      return withDatabase(async (url) => {
        process.exitCode = await auditVerify(url, cliLanguage(), console);
      });
    case "kpi:backfill":
      return withDatabase(async (url) => {
        await runMigrations(url);
        const { createDb } = await import("@accord/db");
        const { backfillResolutionBusinessMinutes } = await import("@accord/core");
        const { db, close } = createDb(url);
        try {
          const written = await backfillResolutionBusinessMinutes(db);
          console.log(`Délais ouvrés calculés pour ${written} dossiers résolus. / Business time to resolve computed for ${written} resolved cases.`);
        } finally {
          await close();
        }
      });
    case "export:dossier":
      return withDatabase(async (url) => {
        process.exitCode = await exportDossierCommand(url, { reference: args[0], file: args[1], env, language: cliLanguage() }, console);
      });
    default:
      console.error(command ? `Commande inconnue / unknown command: ${command}\n\n${USAGE}` : USAGE);
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
