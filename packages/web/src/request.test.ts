import { describe, expect, it } from "vitest";
import { loginUrlFor, safeRedirect } from "./request";

describe("safeRedirect", () => {
  it.each([
    ["/", "/"],
    ["/cases?status=open", "/cases?status=open"],
    ["/invoices#top", "/invoices#top"],
  ])("keeps the same-origin path %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "evil",
    "",
    "javascript:alert(1)",
    "/login",
    "/logout",
    // Normalised into a protocol-relative path ("//evil.example/phish") by URL parsing.
    "/.//evil.example/phish",
    "/..//evil.example/phish",
    "/a/..//evil.example/phish",
    "/%2e//evil.example/phish",
  ])(
    "refuses %s",
    (to) => {
      expect(safeRedirect(to)).toBe("/");
    },
  );

  it("refuses a missing value", () => {
    expect(safeRedirect(null)).toBe("/");
  });
});

describe("loginUrlFor", () => {
  it("remembers the page asked for", () => {
    expect(loginUrlFor(new Request("http://localhost:3000/cases?x=1"))).toBe("/login?redirectTo=%2Fcases%3Fx%3D1");
  });
  it("says nothing for the home page", () => {
    expect(loginUrlFor(new Request("http://localhost:3000/"))).toBe("/login");
  });
});
