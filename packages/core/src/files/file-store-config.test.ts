import { describe, expect, it } from "vitest";
import { describeFileStore, parseFileStoreConfig, type FileStoreEnv } from "./file-store-config";

const defaults = { defaultDir: "/repo/.data/files", cwd: "/srv" };
const keys = { AWS_REGION: "fr-par", AWS_ACCESS_KEY_ID: "SCWKEY", AWS_SECRET_ACCESS_KEY: "secret" };
const variables = (source: FileStoreEnv) => {
  const result = parseFileStoreConfig(source, defaults);
  return result.ok ? [] : result.problems.map((problem) => problem.variable);
};

describe("parseFileStoreConfig", () => {
  it("keeps the local folder by default: FILE_STORE_DIR (relative to the process), else the default", () => {
    expect(parseFileStoreConfig({}, defaults)).toEqual({ ok: true, config: { kind: "local", dir: "/repo/.data/files" } });
    expect(parseFileStoreConfig({ FILE_STORE_DIR: "files" }, defaults)).toEqual({ ok: true, config: { kind: "local", dir: "/srv/files" } });
    expect(parseFileStoreConfig({ FILE_STORE_URL: " ", FILE_STORE_DIR: "" }, defaults)).toEqual({ ok: true, config: { kind: "local", dir: "/repo/.data/files" } });
    expect(parseFileStoreConfig({ FILE_STORE_URL: "file:///var/lib/accord" }, defaults)).toEqual({ ok: true, config: { kind: "local", dir: "/var/lib/accord" } });
  });

  it("reads s3://bucket/prefix with the AWS_* variables (Scaleway, path-style)", () => {
    const result = parseFileStoreConfig({ FILE_STORE_URL: "s3://accord-evidence/prod/files/", ...keys, AWS_ENDPOINT_URL_S3: "https://s3.fr-par.scw.cloud", AWS_S3_FORCE_PATH_STYLE: "true" }, defaults);
    expect(result).toEqual({
      ok: true,
      config: {
        kind: "s3",
        bucket: "accord-evidence",
        prefix: "prod/files",
        region: "fr-par",
        endpoint: "https://s3.fr-par.scw.cloud",
        forcePathStyle: true,
        credentials: { accessKeyId: "SCWKEY", secretAccessKey: "secret", sessionToken: undefined },
      },
    });
    if (result.ok) expect(describeFileStore(result.config)).toBe("s3://accord-evidence/prod/files at https://s3.fr-par.scw.cloud");
  });

  it("takes AWS_ENDPOINT_URL when AWS_ENDPOINT_URL_S3 is unset, AWS_DEFAULT_REGION when AWS_REGION is, and a role instead of keys", () => {
    const result = parseFileStoreConfig({ FILE_STORE_URL: "s3://bucket", AWS_DEFAULT_REGION: "gra", AWS_ENDPOINT_URL: "https://s3.gra.io.cloud.ovh.net", AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/token" }, defaults);
    expect(result).toMatchObject({ ok: true, config: { bucket: "bucket", prefix: "", region: "gra", endpoint: "https://s3.gra.io.cloud.ovh.net", forcePathStyle: false, credentials: undefined } });
  });

  it("names the variable of every misconfiguration", () => {
    expect(variables({ FILE_STORE_URL: "ftp://bucket/x", ...keys })).toEqual(["FILE_STORE_URL"]);
    expect(variables({ FILE_STORE_URL: "not a url", ...keys })).toEqual(["FILE_STORE_URL"]);
    expect(variables({ FILE_STORE_URL: "s3:///prefix", ...keys })).toEqual(["FILE_STORE_URL"]);
    expect(variables({ FILE_STORE_URL: "s3://Bad_Bucket/x", ...keys })).toEqual(["FILE_STORE_URL"]);
    expect(variables({ FILE_STORE_URL: "s3://key:secret@bucket/x", ...keys })).toEqual(["FILE_STORE_URL"]);
    expect(variables({ FILE_STORE_URL: "s3://bucket/x", AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: "s" })).toEqual(["AWS_REGION"]);
    expect(variables({ FILE_STORE_URL: "s3://bucket/x", AWS_REGION: "eu-west-3" })).toEqual(["AWS_ACCESS_KEY_ID"]);
    expect(variables({ FILE_STORE_URL: "s3://bucket/x", AWS_REGION: "eu-west-3", AWS_ACCESS_KEY_ID: "k" })).toEqual(["AWS_SECRET_ACCESS_KEY"]);
    expect(variables({ FILE_STORE_URL: "s3://bucket/x", ...keys, AWS_ENDPOINT_URL_S3: "s3.fr-par.scw.cloud" })).toEqual(["AWS_ENDPOINT_URL_S3"]);
    expect(variables({ FILE_STORE_URL: "s3://bucket/x", ...keys, AWS_S3_FORCE_PATH_STYLE: "maybe" })).toEqual(["AWS_S3_FORCE_PATH_STYLE"]);
  });

  it("puts every message in terms of its variable", () => {
    const result = parseFileStoreConfig({ FILE_STORE_URL: "s3://bucket/x" }, defaults);
    expect(result.ok).toBe(false);
    if (!result.ok) for (const problem of result.problems) expect(problem.message).toContain(problem.variable);
  });
});
