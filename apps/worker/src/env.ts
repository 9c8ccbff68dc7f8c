import { parseFileStoreConfig, type FileStoreConfig } from "@accord/core/file-store-config";
import { repoRoot } from "@accord/core/repo-root";
import path from "node:path";
import { z } from "zod";

export { repoRoot };

/** An empty variable means "not set". */
const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string({ error: "DATABASE_URL is required (a PostgreSQL connection string)" }).min(1, "DATABASE_URL is required (a PostgreSQL connection string)"),
  RESEND_API_KEY: optional,
  /** Another Resend endpoint (e.g. a local fake); Resend's API when unset. */
  RESEND_BASE_URL: optional.pipe(z.url().optional()),
  MAILBOX_DIR: optional,
  EMAIL_FROM: optional,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** Delay before an e-mail's second attempt, doubled at each one after it (ADR 0033); tests shorten it. */
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).optional(),
  /** The evidence file store (default <repo>/.data/files), shared with the apps. */
  FILE_STORE_DIR: optional,
  /** `s3://bucket/prefix`: the evidence in an S3-compatible bucket (with the AWS_* variables, ADR 0042). */
  FILE_STORE_URL: optional,
  /** The apps' public addresses, for the links of the SLA e-mails (as the CLI sets them). */
  PORTAL_URL: optional.pipe(z.url().optional()),
  BACKOFFICE_URL: optional.pipe(z.url().optional()),
  /** The inbound e-mail domain of the case reply addresses `reply+<token>@…` (ADR 0036). */
  INBOUND_EMAIL_DOMAIN: optional.pipe(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "INBOUND_EMAIL_DOMAIN: a domain name such as reply.accord.example").optional()),
  /** When the SLA sweeps run: a crontab time (five fields, default every 5 minutes), or "off" (sla:sweep only). */
  SLA_SWEEP_SCHEDULE: optional.pipe(
    z
      .string()
      .regex(/^(off|\S+ \S+ \S+ \S+ \S+)$/, 'SLA_SWEEP_SCHEDULE: a crontab time of five fields (e.g. "*/5 * * * *") or "off"')
      .optional(),
  ),
});

export interface WorkerEnv {
  NODE_ENV: "development" | "production" | "test";
  DATABASE_URL: string;
  RESEND_API_KEY: string | undefined;
  RESEND_BASE_URL: string | undefined;
  /** Absolute path of the dev mailbox. */
  MAILBOX_DIR: string;
  EMAIL_FROM: string;
  WORKER_CONCURRENCY: number;
  /** Delay before an e-mail's second attempt (default 30 s), doubled at each one after it. */
  EMAIL_RETRY_BASE_MS: number | undefined;
  /** Absolute path of the local evidence folder (the store when FILE_STORE is local). */
  FILE_STORE_DIR: string;
  /** The evidence file store: that folder, or an S3-compatible bucket (FILE_STORE_URL). */
  FILE_STORE: FileStoreConfig;
  /** The portal's and back-office's public addresses (default localhost:3000 and :3001, as the CLI's). */
  PORTAL_URL: string;
  BACKOFFICE_URL: string;
  /** The domain of the case reply addresses and of our Message-IDs (default reply.accord.example). */
  INBOUND_EMAIL_DOMAIN: string;
  /** The SLA sweeps' crontab time, or null when the worker does not run them (only `sla:sweep` does). */
  SLA_SWEEP_SCHEDULE: string | null;
}

export const DEFAULT_EMAIL_FROM = "Accord <no-reply@accord.example>";
/** The SLA sweeps every 5 minutes unless SLA_SWEEP_SCHEDULE says otherwise. */
/** Where customers' answers go when INBOUND_EMAIL_DOMAIN is unset (the demo's domain). */
export const DEFAULT_INBOUND_EMAIL_DOMAIN = "reply.accord.example";
export const DEFAULT_SLA_SWEEP_SCHEDULE = "*/5 * * * *";

/** Validates the environment; throws one readable error listing every problem. */
export function parseEnv(source: NodeJS.ProcessEnv, cwd = process.cwd()): WorkerEnv {
  const parsed = schema.safeParse(source);
  const defaultDir = path.join(repoRoot(cwd), ".data", "files");
  const store = parseFileStoreConfig(source, { defaultDir, cwd });
  if (!parsed.success || !store.ok) {
    const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    if (!store.ok) problems.push(...store.problems.map((problem) => `  ${problem.variable}: ${problem.message}`));
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const value = parsed.data;
  return {
    NODE_ENV: value.NODE_ENV,
    DATABASE_URL: value.DATABASE_URL,
    RESEND_API_KEY: value.RESEND_API_KEY,
    RESEND_BASE_URL: value.RESEND_BASE_URL,
    MAILBOX_DIR: value.MAILBOX_DIR ? path.resolve(cwd, value.MAILBOX_DIR) : path.join(repoRoot(cwd), ".data", "mailbox"),
    EMAIL_FROM: value.EMAIL_FROM ?? DEFAULT_EMAIL_FROM,
    WORKER_CONCURRENCY: value.WORKER_CONCURRENCY,
    EMAIL_RETRY_BASE_MS: value.EMAIL_RETRY_BASE_MS,
    FILE_STORE_DIR: value.FILE_STORE_DIR ? path.resolve(cwd, value.FILE_STORE_DIR) : defaultDir,
    FILE_STORE: store.config,
    PORTAL_URL: value.PORTAL_URL ?? "http://localhost:3000",
    BACKOFFICE_URL: value.BACKOFFICE_URL ?? "http://localhost:3001",
    INBOUND_EMAIL_DOMAIN: (value.INBOUND_EMAIL_DOMAIN ?? DEFAULT_INBOUND_EMAIL_DOMAIN).toLowerCase(),
    SLA_SWEEP_SCHEDULE: value.SLA_SWEEP_SCHEDULE === "off" ? null : (value.SLA_SWEEP_SCHEDULE ?? DEFAULT_SLA_SWEEP_SCHEDULE),
  };
}
