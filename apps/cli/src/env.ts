import path from "node:path";
import { parseFileStoreConfig, type FileStoreConfig } from "@accord/core/file-store-config";
import { z } from "zod";
import { dataDir } from "./paths";

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PORTAL_PORT: port.default(3000),
  BACKOFFICE_PORT: port.default(3001),
  HOST: z.string().default("127.0.0.1"),
  /** The public addresses of the apps (links in e-mails, the seed's included); default localhost and the port. */
  PORTAL_URL: z.string().url().optional(),
  BACKOFFICE_URL: z.string().url().optional(),
  MAILBOX_DIR: z.string().default(path.join(dataDir, "mailbox")),
  /** The evidence file store's folder, passed to the apps and the worker (unless FILE_STORE_URL names a bucket). */
  FILE_STORE_DIR: z.string().default(path.join(dataDir, "files")),
  /** `s3://bucket/prefix`: the evidence in an S3-compatible bucket (with the AWS_* variables, ADR 0042); passed on as it is. */
  FILE_STORE_URL: z.string().optional(),
  /** The instance's Ed25519 signing key (PKCS#8 PEM) for dossier exports; unset: the key kept in the database. */
  ACCORD_SIGNING_KEY: z.string().optional(),
});

export type CliEnv = z.infer<typeof schema> & { PORTAL_URL: string; BACKOFFICE_URL: string; FILE_STORE: FileStoreConfig };

export function readEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  // An empty variable means "not set" (e.g. DATABASE_URL= to force the embedded server).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(cleaned);
  const store = parseFileStoreConfig(cleaned, { defaultDir: path.join(dataDir, "files") });
  if (!parsed.success || !store.ok) {
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    if (!store.ok) problems.push(...store.problems.map((problem) => `  ${problem.variable}: ${problem.message}`));
    console.error(`Invalid environment:\n${problems.join("\n")}`);
    process.exit(1);
  }
  const data = parsed.data;
  return {
    ...data,
    PORTAL_URL: data.PORTAL_URL ?? `http://localhost:${data.PORTAL_PORT}`,
    BACKOFFICE_URL: data.BACKOFFICE_URL ?? `http://localhost:${data.BACKOFFICE_PORT}`,
    MAILBOX_DIR: path.resolve(parsed.data.MAILBOX_DIR), FILE_STORE_DIR: path.resolve(parsed.data.FILE_STORE_DIR), FILE_STORE: store.config };
}
