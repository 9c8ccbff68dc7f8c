import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("requires DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });

  it("applies the documented defaults", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://localhost/accord", INBOUND_EMAIL_SECRET: "s3cret" });
    expect(env.PORTAL_PORT).toBe(3000);
    expect(env.BACKOFFICE_PORT).toBe(3001);
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.PORTAL_URL).toBe("http://localhost:3000");
    expect(env.BACKOFFICE_URL).toBe("http://localhost:3001");
    expect(env.MAILBOX_DIR.endsWith(path.join(".data", "mailbox"))).toBe(true);
    expect(env.ACCORD_DEV).toBe(false);
  });

  it("stores evidence in FILE_STORE_DIR (default .data/files) and caps uploads at UPLOAD_MAX_BYTES (default 100 MiB)", () => {
    const defaults = parseEnv({ DATABASE_URL: "postgres://x", INBOUND_EMAIL_SECRET: "s3cret", UPLOAD_MAX_BYTES: "" });
    expect(defaults.FILE_STORE_DIR.endsWith(path.join(".data", "files"))).toBe(true);
    expect(defaults.UPLOAD_MAX_BYTES).toBe(100 * 1024 * 1024);
    const set = parseEnv({ DATABASE_URL: "postgres://x", INBOUND_EMAIL_SECRET: "s3cret", FILE_STORE_DIR: "/srv/files", UPLOAD_MAX_BYTES: "5000" });
    expect(set).toMatchObject({ FILE_STORE_DIR: "/srv/files", UPLOAD_MAX_BYTES: 5000 });
    expect(() => parseEnv({ DATABASE_URL: "postgres://x", INBOUND_EMAIL_SECRET: "s3cret", UPLOAD_MAX_BYTES: "lots" })).toThrow(/UPLOAD_MAX_BYTES/);
  });

  it("stores evidence in an S3 bucket with FILE_STORE_URL, and refuses to start on a misconfigured one, naming the variable", () => {
    const s3 = { DATABASE_URL: "postgres://x", INBOUND_EMAIL_SECRET: "s3cret", FILE_STORE_URL: "s3://accord-evidence/prod", AWS_REGION: "fr-par", AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: "s" };
    expect(parseEnv(s3).FILE_STORE).toMatchObject({ kind: "s3", bucket: "accord-evidence", prefix: "prod", region: "fr-par" });
    expect(parseEnv({ DATABASE_URL: "postgres://x", INBOUND_EMAIL_SECRET: "s3cret", FILE_STORE_DIR: "/srv/files" }).FILE_STORE).toEqual({ kind: "local", dir: "/srv/files" });
    expect(() => parseEnv({ ...s3, FILE_STORE_URL: "https://accord-evidence" })).toThrow(/FILE_STORE_URL: unknown scheme "https"/);
    expect(() => parseEnv({ ...s3, FILE_STORE_URL: "s3://" })).toThrow(/FILE_STORE_URL: the bucket is missing/);
    expect(() => parseEnv({ ...s3, AWS_SECRET_ACCESS_KEY: undefined })).toThrow(/AWS_SECRET_ACCESS_KEY/);
    // Every problem at once: the store's and the rest's.
    expect(() => parseEnv({ ...s3, DATABASE_URL: "", AWS_REGION: "" })).toThrow(/DATABASE_URL[\s\S]*AWS_REGION/);
  });

  it("finds the apps' build in ACCORD_BUILD_DIR (default build), relative to each app", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://x", INBOUND_EMAIL_SECRET: "s3cret" }).ACCORD_BUILD_DIR).toBe("build");
    expect(parseEnv({ DATABASE_URL: "postgres://x", INBOUND_EMAIL_SECRET: "s3cret", ACCORD_BUILD_DIR: ".e2e-build-42" }).ACCORD_BUILD_DIR).toBe(".e2e-build-42");
  });

  it("requires INBOUND_EMAIL_SECRET in production; elsewhere the demo secret; reply domain and size bounds have defaults", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://x", NODE_ENV: "production" })).toThrow(/INBOUND_EMAIL_SECRET is required in production/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://x", NODE_ENV: "production", INBOUND_EMAIL_SECRET: "  " })).toThrow(/INBOUND_EMAIL_SECRET/);
    const demo = parseEnv({ DATABASE_URL: "postgres://x", NODE_ENV: "development" });
    expect(demo).toMatchObject({ INBOUND_EMAIL_SECRET: "accord-demo-inbound", INBOUND_EMAIL_DOMAIN: "reply.accord.example", INBOUND_EMAIL_MAX_BYTES: 25 * 1024 * 1024, INBOUND_AUTHSERV_ID: null });
    const set = parseEnv({ DATABASE_URL: "postgres://x", NODE_ENV: "production", INBOUND_EMAIL_SECRET: "prod-secret", INBOUND_EMAIL_DOMAIN: "Reply.Example.COM", INBOUND_EMAIL_MAX_BYTES: "1000" });
    expect(set).toMatchObject({ INBOUND_EMAIL_SECRET: "prod-secret", INBOUND_EMAIL_DOMAIN: "reply.example.com", INBOUND_EMAIL_MAX_BYTES: 1000 });
    expect(() => parseEnv({ DATABASE_URL: "postgres://x", NODE_ENV: "development", INBOUND_EMAIL_DOMAIN: "not a domain" })).toThrow(/INBOUND_EMAIL_DOMAIN/);
  });

  it("refuses a port that is not a number", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://x", INBOUND_EMAIL_SECRET: "s3cret", PORTAL_PORT: "abc" })).toThrow(/PORTAL_PORT/);
  });
});
