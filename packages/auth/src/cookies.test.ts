import { describe, expect, it } from "vitest";
import { isSecureRequest, readCookie, sessionCookie } from "./cookies";

describe("session cookies", () => {
  const now = new Date("2026-03-02T09:00:00Z");
  const expiresAt = new Date(now.getTime() + 30 * 24 * 3600 * 1000);

  it("are named per app", () => {
    expect(sessionCookie("portal").name).toBe("accord_portal_session");
    expect(sessionCookie("backoffice").name).toBe("accord_backoffice_session");
  });

  it("are HttpOnly, SameSite=Lax, Path=/ with a Max-Age up to the session's expiry", () => {
    expect(sessionCookie("portal").serialize("tok", expiresAt, { secure: false, now })).toBe(
      "accord_portal_session=tok; HttpOnly; SameSite=Lax; Path=/; Max-Age=2592000",
    );
  });

  it("are Secure and named __Host- over https (no Domain, Path=/), set and cleared under that name", () => {
    expect(sessionCookie("backoffice").serialize("tok", expiresAt, { secure: true, now })).toBe(
      "__Host-accord_backoffice_session=tok; HttpOnly; SameSite=Lax; Path=/; Max-Age=2592000; Secure",
    );
    expect(sessionCookie("backoffice").clear({ secure: true })).toBe("__Host-accord_backoffice_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0; Secure");
  });

  it("over https, read only under the __Host- name: a plain cookie (set by an http page or a sibling domain) is ignored", () => {
    const shadowed = new Request("https://portail.example/", { headers: { cookie: "accord_portal_session=planted" } });
    expect(sessionCookie("portal").read(shadowed)).toBeNull();
    const proxied = new Request("http://localhost:3000/", {
      headers: { "x-forwarded-proto": "https", cookie: "accord_portal_session=planted; __Host-accord_portal_session=real" },
    });
    expect(sessionCookie("portal").read(proxied)).toBe("real");
    expect(sessionCookie("portal").names).toEqual(["__Host-accord_portal_session", "accord_portal_session"]);
  });

  it("are cleared with an empty value and Max-Age=0", () => {
    expect(sessionCookie("portal").clear({ secure: false })).toBe(
      "accord_portal_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0",
    );
  });

  it("are read from the request, each app its own", () => {
    const request = new Request("http://localhost:3000/", {
      headers: { cookie: "lng=fr; accord_backoffice_session=staff; accord_portal_session=cust" },
    });
    expect(sessionCookie("portal").read(request)).toBe("cust");
    expect(sessionCookie("backoffice").read(request)).toBe("staff");
    expect(sessionCookie("portal").read(new Request("http://localhost:3000/"))).toBeNull();
  });

  it("reads nothing from an empty or absent value", () => {
    expect(readCookie("accord_portal_session=", "accord_portal_session")).toBeNull();
    expect(readCookie("x=1", "accord_portal_session")).toBeNull();
  });
});

describe("isSecureRequest", () => {
  it("trusts the URL scheme, or the proxy's x-forwarded-proto", () => {
    expect(isSecureRequest(new Request("https://accord.example/"))).toBe(true);
    expect(isSecureRequest(new Request("http://localhost:3000/"))).toBe(false);
    expect(isSecureRequest(new Request("http://localhost:3000/", { headers: { "x-forwarded-proto": "https" } }))).toBe(true);
    expect(isSecureRequest(new Request("http://localhost:3000/", { headers: { "x-forwarded-proto": "http, https" } }))).toBe(
      false,
    );
  });
});
