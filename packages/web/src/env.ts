import { parseFileStoreConfig, type FileStoreConfig } from "@accord/core/file-store-config";
import { repoRoot } from "@accord/core/repo-root";
import path from "node:path";
import { z } from "zod";

export { repoRoot };

const port = z.coerce.number().int().min(1).max(65535);

/** The inbound endpoint's secret outside production (documented in the README; never in production). */
export const DEMO_INBOUND_EMAIL_SECRET = "accord-demo-inbound";
/** The reply addresses' domain when INBOUND_EMAIL_DOMAIN is unset. */
export const DEFAULT_INBOUND_EMAIL_DOMAIN = "reply.accord.example";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (a PostgreSQL connection string)"),
  /** A read replica for the dashboard's reads (docs/deploy.md); unset or empty: DATABASE_URL. */
  KPI_DATABASE_URL: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().regex(/^postgres(ql)?:\/\/\S+$/, "KPI_DATABASE_URL: a PostgreSQL connection string (postgres://…), or unset").optional(),
  ),
  PORTAL_PORT: port.default(3000),
  BACKOFFICE_PORT: port.default(3001),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORTAL_URL: z.url().optional(),
  BACKOFFICE_URL: z.url().optional(),
  MAILBOX_DIR: z.string().min(1).optional(),
  /** The content-addressed evidence store's folder (default <repo>/.data/files), unless FILE_STORE_URL names a bucket. */
  FILE_STORE_DIR: z.string().optional(),
  /** `s3://bucket/prefix`: the evidence in an S3-compatible bucket (with the AWS_* variables, ADR 0042). */
  FILE_STORE_URL: z.string().optional(),
  /** The largest evidence file accepted, in bytes (default 100 MiB). */
  UPLOAD_MAX_BYTES: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().default(100 * 1024 * 1024)),
  /** Requests per API key and minute on /api/v1 (default 120), shared by every instance (counted in PostgreSQL). */
  API_RATE_LIMIT_PER_MINUTE: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().default(120)),
  /** Resend's webhook signing secret (`whsec_…`); without it `POST /api/v1/webhooks/resend` accepts nothing. */
  RESEND_WEBHOOK_SECRET: z.string().optional(),
  /** "1": serve through Vite in middleware mode (development). */
  ACCORD_DEV: z.enum(["0", "1", ""]).optional(),
  /** A file: every SQL statement and its parameters appended as a JSON line (the queue benchmark's capture; slow). */
  ACCORD_SQL_LOG: z.string().optional(),
  /** The apps' build folder, relative to each app (default "build"); parallel builds keep apart with it (as react-router.config.ts reads it). */
  ACCORD_BUILD_DIR: z.string().optional(),
  /** The instance's Ed25519 key (PKCS#8 PEM) signing dossier exports; unset: the key kept in the database (ADR 0028). */
  ACCORD_SIGNING_KEY: z.string().optional(),
  /** The secret of `POST /api/v1/inbound/email` (header X-Accord-Inbound-Secret, ADR 0036); required in production. */
  INBOUND_EMAIL_SECRET: z.string().optional(),
  /** The domain of the cases' reply addresses `reply+<token>@…` and of our Message-IDs. */
  INBOUND_EMAIL_DOMAIN: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "INBOUND_EMAIL_DOMAIN: a domain name such as reply.accord.example").default(DEFAULT_INBOUND_EMAIL_DOMAIN),
  ),
  /** The largest inbound message accepted, in bytes (default 25 MiB). */
  INBOUND_EMAIL_MAX_BYTES: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().default(25 * 1024 * 1024)),
  /** When set, only the Authentication-Results header of this receiving service counts (its authserv-id). */
  INBOUND_AUTHSERV_ID: z.string().optional(),
}).superRefine((value, ctx) => {
  if (value.NODE_ENV === "production" && !value.INBOUND_EMAIL_SECRET?.trim()) {
    ctx.addIssue({ code: "custom", path: ["INBOUND_EMAIL_SECRET"], message: "INBOUND_EMAIL_SECRET is required in production (the inbound e-mail endpoint's secret)" });
  }
});


export type Env = {
  NODE_ENV: "development" | "production" | "test";
  DATABASE_URL: string;
  /** The dashboard's reads (a read replica), or null: DATABASE_URL. */
  KPI_DATABASE_URL: string | null;
  PORTAL_PORT: number;
  BACKOFFICE_PORT: number;
  HOST: string;
  /** Public base URL of the portal (links in e-mails), no trailing slash. */
  PORTAL_URL: string;
  /** Public base URL of the back-office, no trailing slash. */
  BACKOFFICE_URL: string;
  /** Absolute path of the dev mailbox. */
  MAILBOX_DIR: string;
  /** Absolute path of the local evidence folder (the store when FILE_STORE is local). */
  FILE_STORE_DIR: string;
  /** The evidence file store: that folder, or an S3-compatible bucket (FILE_STORE_URL). */
  FILE_STORE: FileStoreConfig;
  UPLOAD_MAX_BYTES: number;
  /** Requests per API key and minute on /api/v1. */
  API_RATE_LIMIT_PER_MINUTE: number;
  /** Resend's webhook signing secret, or undefined (the webhook then answers 401 to everything). */
  RESEND_WEBHOOK_SECRET: string | undefined;
  ACCORD_DEV: boolean;
  /** Absolute path of the SQL log, or null (the default: no log). */
  ACCORD_SQL_LOG: string | null;
  /** The apps' build folder, relative to each app ("build" by default). */
  ACCORD_BUILD_DIR: string;
  /** The dossier signing key (PEM), or null: the key kept in the database. */
  ACCORD_SIGNING_KEY: string | null;
  /** The inbound e-mail endpoint's secret (the demo one outside production when unset). */
  INBOUND_EMAIL_SECRET: string;
  INBOUND_EMAIL_DOMAIN: string;
  INBOUND_EMAIL_MAX_BYTES: number;
  INBOUND_AUTHSERV_ID: string | null;
};

/** Validates the environment; throws one readable error listing every problem. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  const defaultDir = path.join(repoRoot(process.cwd()), ".data", "files");
  const store = parseFileStoreConfig(source, { defaultDir });
  if (!parsed.success || !store.ok) {
    const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    if (!store.ok) problems.push(...store.problems.map((problem) => `  ${problem.variable}: ${problem.message}`));
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const value = parsed.data;
  return {
    NODE_ENV: value.NODE_ENV,
    DATABASE_URL: value.DATABASE_URL,
    KPI_DATABASE_URL: value.KPI_DATABASE_URL ?? null,
    PORTAL_PORT: value.PORTAL_PORT,
    BACKOFFICE_PORT: value.BACKOFFICE_PORT,
    HOST: value.HOST,
    PORTAL_URL: trimSlash(value.PORTAL_URL ?? `http://localhost:${value.PORTAL_PORT}`),
    BACKOFFICE_URL: trimSlash(value.BACKOFFICE_URL ?? `http://localhost:${value.BACKOFFICE_PORT}`),
    MAILBOX_DIR: path.resolve(value.MAILBOX_DIR ?? path.join(repoRoot(process.cwd()), ".data", "mailbox")),
    FILE_STORE_DIR: path.resolve(value.FILE_STORE_DIR || defaultDir),
    FILE_STORE: store.config,
    UPLOAD_MAX_BYTES: value.UPLOAD_MAX_BYTES,
    API_RATE_LIMIT_PER_MINUTE: value.API_RATE_LIMIT_PER_MINUTE,
    RESEND_WEBHOOK_SECRET: value.RESEND_WEBHOOK_SECRET?.trim() || undefined,
    ACCORD_DEV: value.ACCORD_DEV === "1",
    ACCORD_SQL_LOG: value.ACCORD_SQL_LOG ? path.resolve(value.ACCORD_SQL_LOG) : null,
    ACCORD_BUILD_DIR: value.ACCORD_BUILD_DIR ?? "build",
    ACCORD_SIGNING_KEY: value.ACCORD_SIGNING_KEY || null,
    INBOUND_EMAIL_SECRET: value.INBOUND_EMAIL_SECRET?.trim() || DEMO_INBOUND_EMAIL_SECRET,
    INBOUND_EMAIL_DOMAIN: value.INBOUND_EMAIL_DOMAIN,
    INBOUND_EMAIL_MAX_BYTES: value.INBOUND_EMAIL_MAX_BYTES,
    INBOUND_AUTHSERV_ID: value.INBOUND_AUTHSERV_ID?.trim() || null,
  };
}

let cached: Env | undefined;

/** The process environment, validated once (on first use, so importing this module has no side effect). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
