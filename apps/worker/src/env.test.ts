import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EMAIL_FROM, DEFAULT_SLA_SWEEP_SCHEDULE, parseEnv, repoRoot } from "./env";
import { cronItemsFor } from "./worker";

const root = repoRoot(import.meta.dirname);
const base = { DATABASE_URL: "postgres://accord@localhost:5432/accord" };

describe("worker env", () => {
  it("needs DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is required/);
    expect(() => parseEnv({ DATABASE_URL: "" })).toThrow(/DATABASE_URL/);
  });

  it("defaults to development, concurrency 2, the repo's .data/mailbox and .data/files and the no-reply sender", () => {
    expect(parseEnv(base, import.meta.dirname)).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: base.DATABASE_URL,
      RESEND_API_KEY: undefined,
      RESEND_BASE_URL: undefined,
      MAILBOX_DIR: path.join(root, ".data", "mailbox"),
      EMAIL_FROM: DEFAULT_EMAIL_FROM,
      WORKER_CONCURRENCY: 2,
      EMAIL_RETRY_BASE_MS: undefined,
      FILE_STORE_DIR: path.join(root, ".data", "files"),
      FILE_STORE: { kind: "local", dir: path.join(root, ".data", "files") },
      PORTAL_URL: "http://localhost:3000",
      BACKOFFICE_URL: "http://localhost:3001",
      INBOUND_EMAIL_DOMAIN: "reply.accord.example",
      SLA_SWEEP_SCHEDULE: "*/5 * * * *",
    });
    expect(DEFAULT_EMAIL_FROM).toBe("Accord <no-reply@accord.example>");
  });

  it("reads the optional settings, treating empty values as unset", () => {
    const env = parseEnv(
      { ...base, NODE_ENV: "production", RESEND_API_KEY: "re_123", MAILBOX_DIR: "/tmp/mailbox", EMAIL_FROM: "", WORKER_CONCURRENCY: "4" },
      root,
    );
    expect(env).toMatchObject({ NODE_ENV: "production", RESEND_API_KEY: "re_123", MAILBOX_DIR: "/tmp/mailbox", EMAIL_FROM: DEFAULT_EMAIL_FROM, WORKER_CONCURRENCY: 4 });
    expect(parseEnv({ ...base, RESEND_API_KEY: "  " }).RESEND_API_KEY).toBeUndefined();
  });

  it("refuses a malformed Resend URL or concurrency", () => {
    expect(() => parseEnv({ ...base, RESEND_BASE_URL: "not a url" })).toThrow(/RESEND_BASE_URL/);
    expect(() => parseEnv({ ...base, WORKER_CONCURRENCY: "0" })).toThrow(/WORKER_CONCURRENCY/);
  });

  it("stores evidence in an S3 bucket with FILE_STORE_URL, and refuses to start on a misconfigured one, naming the variable", () => {
    const s3 = { ...base, FILE_STORE_URL: "s3://accord-evidence/prod", AWS_REGION: "eu-west-3", AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: "s" };
    expect(parseEnv(s3).FILE_STORE).toMatchObject({ kind: "s3", bucket: "accord-evidence", prefix: "prod", region: "eu-west-3" });
    expect(() => parseEnv({ ...s3, FILE_STORE_URL: "gs://accord-evidence" })).toThrow(/FILE_STORE_URL: unknown scheme "gs"/);
    expect(() => parseEnv({ ...s3, FILE_STORE_URL: "s3://" })).toThrow(/FILE_STORE_URL: the bucket is missing/);
    expect(() => parseEnv({ ...s3, AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" })).toThrow(/AWS_ACCESS_KEY_ID/);
    expect(() => parseEnv({ ...s3, AWS_REGION: "" })).toThrow(/AWS_REGION is required/);
  });

  it("runs the SLA sweeps on the schedule given, or not at all when it is off; a malformed schedule is refused", () => {
    const sweeps = (env: ReturnType<typeof parseEnv>) => cronItemsFor(env).filter((item) => item.task === "run_sla_sweeps");
    expect(sweeps(parseEnv(base)).map((item) => item.match)).toEqual([DEFAULT_SLA_SWEEP_SCHEDULE]);
    expect(sweeps(parseEnv({ ...base, SLA_SWEEP_SCHEDULE: "*/2 8-19 * * 1-5" })).map((item) => item.match)).toEqual(["*/2 8-19 * * 1-5"]);
    const off = parseEnv({ ...base, SLA_SWEEP_SCHEDULE: "off" });
    expect(off.SLA_SWEEP_SCHEDULE).toBeNull();
    expect(sweeps(off)).toEqual([]);
    expect(cronItemsFor(off).length).toBe(cronItemsFor(parseEnv(base)).length - 1);
    expect(() => parseEnv({ ...base, SLA_SWEEP_SCHEDULE: "every minute" })).toThrow(/SLA_SWEEP_SCHEDULE/);
  });
});
