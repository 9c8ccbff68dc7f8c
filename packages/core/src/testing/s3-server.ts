import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { S3StoreConfig } from "../files/s3-file-store";

/** The part of s3rver's API used here (the package ships no types). */
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;

/** s3rver's fixed credentials (it checks the requests' signatures against them). */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface LocalS3Server {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  bucket: string;
  /** The store configuration for a prefix of the bucket. */
  config(prefix: string): S3StoreConfig;
  /** The AWS_* and FILE_STORE_URL variables that make a process use this server (for spawned apps). */
  env(prefix: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts an in-process S3-compatible server (s3rver) on a free loopback port, with one empty bucket,
 * its objects in a new temporary folder (removed by `close`). Tests, the multi-instance test and the
 * upload bench point the S3 file store at it with path-style addressing.
 */
/** The handle of an s3rver started elsewhere (another process), reached at `endpoint`. */
export function localS3At(endpoint: string, bucket: string, close: () => Promise<void>): LocalS3Server {
  return {
    endpoint,
    bucket,
    config: (prefix) => ({ bucket, prefix, region: "us-east-1", endpoint, forcePathStyle: true, credentials: { ...S3RVER_CREDENTIALS } }),
    env: (prefix) => ({
      FILE_STORE_URL: `s3://${bucket}/${prefix}`,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_S3_FORCE_PATH_STYLE: "true",
    }),
    close,
  };
}

export async function startLocalS3({ bucket = "accord-test", directory: parent }: { bucket?: string; directory?: string } = {}): Promise<LocalS3Server> {
  const directory = parent ?? (await mkdtemp(path.join(tmpdir(), "accord-s3rver-")));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  return localS3At(`http://127.0.0.1:${address.port}`, bucket, async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });
}
