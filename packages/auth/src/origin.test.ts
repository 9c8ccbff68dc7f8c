import { describe, expect, it } from "vitest";
import { checkOrigin } from "./origin";

const post = (headers: Record<string, string>, url = "http://localhost:3001/login") =>
  new Request(url, { method: "POST", headers });

describe("checkOrigin", () => {
  it("lets reads through", () => {
    expect(checkOrigin(new Request("http://localhost:3001/login"))).toBe(true);
    expect(checkOrigin(new Request("http://localhost:3001/login", { method: "HEAD" }))).toBe(true);
  });

  it("accepts a form posted from the same origin", () => {
    expect(checkOrigin(post({ origin: "http://localhost:3001" }))).toBe(true);
  });

  it("refuses a post from the other app on the same host (another port)", () => {
    expect(checkOrigin(post({ origin: "http://localhost:3000" }))).toBe(false);
  });

  it("refuses a foreign origin, and the opaque origin `null`", () => {
    expect(checkOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(checkOrigin(post({ origin: "null" }))).toBe(false);
  });

  it("falls back on Referer when there is no Origin", () => {
    expect(checkOrigin(post({ referer: "http://localhost:3001/login?lng=en" }))).toBe(true);
    expect(checkOrigin(post({ referer: "https://evil.example/page" }))).toBe(false);
    expect(checkOrigin(post({ referer: "not a url" }))).toBe(false);
  });

  it("refuses a post with neither Origin nor Referer", () => {
    expect(checkOrigin(post({}))).toBe(false);
  });

  it("accepts the listed public origins (behind a proxy)", () => {
    const request = post({ origin: "https://support.accord.example" });
    expect(checkOrigin(request)).toBe(false);
    expect(checkOrigin(request, ["https://support.accord.example/"])).toBe(true);
  });
});
