import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EMAIL_FROM, parseEnv, repoRoot } from "./env";

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
      PORTAL_URL: "http://localhost:3000",
      BACKOFFICE_URL: "http://localhost:3001",
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
});
