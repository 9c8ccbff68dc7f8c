import path from "node:path";
import { createFileStore, type FileStore } from "./file-store";
import { createS3FileStore, type S3StoreConfig } from "./s3-file-store";

/** Which file store a process opens: a local folder (the default) or an S3-compatible bucket. */
export type FileStoreConfig = { kind: "local"; dir: string } | ({ kind: "s3" } & S3StoreConfig);

export type FileStoreConfigResult = { ok: true; config: FileStoreConfig } | { ok: false; problems: { variable: string; message: string }[] };

/** The variables read (every app, the worker and the CLI read the same ones, through this one parser). */
export interface FileStoreEnv {
  FILE_STORE_URL?: string | undefined;
  FILE_STORE_DIR?: string | undefined;
  AWS_REGION?: string | undefined;
  AWS_DEFAULT_REGION?: string | undefined;
  AWS_ACCESS_KEY_ID?: string | undefined;
  AWS_SECRET_ACCESS_KEY?: string | undefined;
  AWS_SESSION_TOKEN?: string | undefined;
  AWS_PROFILE?: string | undefined;
  AWS_WEB_IDENTITY_TOKEN_FILE?: string | undefined;
  AWS_CONTAINER_CREDENTIALS_FULL_URI?: string | undefined;
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI?: string | undefined;
  AWS_ENDPOINT_URL?: string | undefined;
  AWS_ENDPOINT_URL_S3?: string | undefined;
  AWS_S3_FORCE_PATH_STYLE?: string | undefined;
}

const set = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());
const BOOLEAN: Readonly<Record<string, boolean>> = { "1": true, true: true, yes: true, "0": false, false: false, no: false };
/** S3's bucket naming rules (3–63 lowercase letters, digits, dots and hyphens; a letter or digit at each end). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads the file store's configuration. `FILE_STORE_URL=s3://bucket/prefix` selects an S3-compatible
 * bucket, reached with the usual AWS_* variables (a region, credentials, and for Scaleway, OVHcloud or
 * MinIO an endpoint and path-style addressing); otherwise the local folder FILE_STORE_DIR, else
 * `defaultDir`. FILE_STORE_URL wins over FILE_STORE_DIR (`file:///folder` names a folder too). Each
 * problem names its variable.
 */
export function parseFileStoreConfig(source: FileStoreEnv, { defaultDir, cwd = process.cwd() }: { defaultDir: string; cwd?: string }): FileStoreConfigResult {
  const url = set(source.FILE_STORE_URL);
  const localDir = set(source.FILE_STORE_DIR);
  if (!url) return { ok: true, config: { kind: "local", dir: path.resolve(cwd, localDir ?? defaultDir) } };

  const problem = (variable: string, message: string): FileStoreConfigResult => ({ ok: false, problems: [{ variable, message }] });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return problem("FILE_STORE_URL", "FILE_STORE_URL: not a URL; use s3://bucket/prefix (object storage) or leave it unset (the FILE_STORE_DIR folder)");
  }
  if (parsed.protocol === "file:") {
    return { ok: true, config: { kind: "local", dir: path.resolve(decodeURIComponent(parsed.pathname)) } };
  }
  if (parsed.protocol !== "s3:") {
    return problem("FILE_STORE_URL", `FILE_STORE_URL: unknown scheme "${parsed.protocol.replace(/:$/, "")}"; use s3://bucket/prefix or file:///folder`);
  }
  const problems: { variable: string; message: string }[] = [];
  const bucket = parsed.hostname;
  if (!bucket) problems.push({ variable: "FILE_STORE_URL", message: "FILE_STORE_URL: the bucket is missing (s3://bucket/prefix)" });
  else if (!BUCKET.test(bucket)) problems.push({ variable: "FILE_STORE_URL", message: `FILE_STORE_URL: "${bucket}" is not a valid bucket name` });
  if (parsed.username || parsed.password || parsed.search || parsed.hash || parsed.port) {
    problems.push({ variable: "FILE_STORE_URL", message: "FILE_STORE_URL: only s3://bucket/prefix (credentials go in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)" });
  }
  const prefix = decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, "");
  if (prefix.split("/").some((part) => part === "." || part === "..")) {
    problems.push({ variable: "FILE_STORE_URL", message: "FILE_STORE_URL: the prefix may not hold . or .. segments" });
  }

  const region = set(source.AWS_REGION) ?? set(source.AWS_DEFAULT_REGION);
  if (!region) problems.push({ variable: "AWS_REGION", message: "AWS_REGION is required with FILE_STORE_URL=s3://… (e.g. eu-west-3, fr-par, gra)" });

  const accessKeyId = set(source.AWS_ACCESS_KEY_ID);
  const secretAccessKey = set(source.AWS_SECRET_ACCESS_KEY);
  const otherCredentials = [source.AWS_PROFILE, source.AWS_WEB_IDENTITY_TOKEN_FILE, source.AWS_CONTAINER_CREDENTIALS_FULL_URI, source.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI].some((v) => set(v));
  if (accessKeyId && !secretAccessKey) problems.push({ variable: "AWS_SECRET_ACCESS_KEY", message: "AWS_SECRET_ACCESS_KEY is required with AWS_ACCESS_KEY_ID" });
  else if (!accessKeyId && secretAccessKey) problems.push({ variable: "AWS_ACCESS_KEY_ID", message: "AWS_ACCESS_KEY_ID is required with AWS_SECRET_ACCESS_KEY" });
  else if (!accessKeyId && !otherCredentials) {
    problems.push({ variable: "AWS_ACCESS_KEY_ID", message: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are required with FILE_STORE_URL=s3://… (or AWS_PROFILE, or a role: AWS_WEB_IDENTITY_TOKEN_FILE)" });
  }

  const endpointVariable = set(source.AWS_ENDPOINT_URL_S3) ? "AWS_ENDPOINT_URL_S3" : "AWS_ENDPOINT_URL";
  const endpoint = set(source.AWS_ENDPOINT_URL_S3) ?? set(source.AWS_ENDPOINT_URL);
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) problems.push({ variable: endpointVariable, message: `${endpointVariable}: an http(s):// address, e.g. https://s3.fr-par.scw.cloud` });

  const pathStyleText = set(source.AWS_S3_FORCE_PATH_STYLE)?.toLowerCase();
  const forcePathStyle = pathStyleText === undefined ? false : BOOLEAN[pathStyleText];
  if (forcePathStyle === undefined) problems.push({ variable: "AWS_S3_FORCE_PATH_STYLE", message: "AWS_S3_FORCE_PATH_STYLE: true or false" });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      kind: "s3",
      bucket,
      prefix,
      region: region!,
      endpoint,
      forcePathStyle: forcePathStyle!,
      credentials: accessKeyId ? { accessKeyId, secretAccessKey: secretAccessKey!, sessionToken: set(source.AWS_SESSION_TOKEN) } : undefined,
    },
  };
}

/** Opens the store a configuration names. */
export function openFileStore(config: FileStoreConfig): FileStore {
  return config.kind === "local" ? createFileStore(config.dir) : createS3FileStore(config);
}

/** A configuration for messages (never a secret): the folder, or `s3://bucket/prefix` and its endpoint. */
export function describeFileStore(config: FileStoreConfig): string {
  if (config.kind === "local") return config.dir;
  return `s3://${config.bucket}${config.prefix ? `/${config.prefix}` : ""}${config.endpoint ? ` at ${config.endpoint}` : ""}`;
}
