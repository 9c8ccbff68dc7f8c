import { describe, expect, it } from "vitest";
import { permissionsOf } from "./permissions";

const customer = (role: "admin" | "member" | "viewer") => permissionsOf({ kind: "customer", role });
const staff = (...roles: ("agent" | "supervisor" | "finance" | "legal" | "mediator" | "admin")[]) => permissionsOf({ kind: "staff", roles });

describe("actor permissions (the domain's map)", () => {
  it("a viewer reads but cannot file a claim", () => {
    expect(customer("viewer")).toEqual(["case:read", "invoice:read"]);
  });
  it("only a customer admin manages the account's users", () => {
    expect(customer("admin")).toContain("customer:users:manage");
    expect(customer("member")).not.toContain("customer:users:manage");
  });
  it("only staff admins read the dev mailbox", () => {
    expect(staff("admin")).toContain("mailbox:read");
    expect(staff("agent", "supervisor", "finance", "legal", "mediator")).not.toContain("mailbox:read");
  });
  it("a staff member holds the union of their roles' permissions, once each", () => {
    const permissions = staff("agent", "finance");
    expect(permissions).toEqual(expect.arrayContaining(["case:decide", "proposal:approve:finance"]));
    expect(new Set(permissions).size).toBe(permissions.length);
  });
});
