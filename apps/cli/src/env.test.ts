import { afterEach, describe, expect, it, vi } from "vitest";
import { readEnv } from "./env";

afterEach(() => {
  vi.restoreAllMocks();
});

/** readEnv's refusal: what it printed, and that it exited with 1 (the exit is stopped here by a throw). */
function refusal(source: NodeJS.ProcessEnv): string {
  const printed: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(process, "exit").mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
  expect(() => readEnv(source)).toThrow("exit 1");
  return printed.join("\n");
}

describe("the CLI's environment", () => {
  it("passes an S3 store on, and keeps the local folder by default", () => {
    expect(readEnv({}).FILE_STORE).toMatchObject({ kind: "local" });
    const env = readEnv({ FILE_STORE_URL: "s3://accord-evidence/prod", AWS_REGION: "gra", AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: "s", AWS_ENDPOINT_URL_S3: "https://s3.gra.io.cloud.ovh.net" });
    expect(env.FILE_STORE).toMatchObject({ kind: "s3", bucket: "accord-evidence", prefix: "prod", endpoint: "https://s3.gra.io.cloud.ovh.net" });
  });

  it("stops on a misconfigured FILE_STORE_URL, naming the variable", () => {
    expect(refusal({ FILE_STORE_URL: "s4://accord-evidence" })).toMatch(/FILE_STORE_URL: unknown scheme "s4"/);
    expect(refusal({ FILE_STORE_URL: "s3://accord-evidence", AWS_REGION: "gra" })).toMatch(/AWS_ACCESS_KEY_ID/);
  });
});
