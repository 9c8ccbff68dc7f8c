import { describe, expect, it } from "vitest";
import { permissionsForCustomerRole, permissionsForStaffRoles } from "./permissions";

describe("permissions (temporary map)", () => {
  it("a viewer reads but cannot file a claim", () => {
    expect(permissionsForCustomerRole("viewer")).toContain("case:read_account");
    expect(permissionsForCustomerRole("viewer")).not.toContain("case:create");
  });
  it("only staff admins read the dev mailbox", () => {
    expect(permissionsForStaffRoles(["admin"])).toContain("mailbox:read");
    expect(permissionsForStaffRoles(["agent", "supervisor", "finance", "legal", "mediator"])).not.toContain("mailbox:read");
  });
  it("a staff member holds the union of their roles' permissions, once each", () => {
    const permissions = permissionsForStaffRoles(["agent", "supervisor"]);
    expect(permissions).toContain("proposal:approve");
    expect(new Set(permissions).size).toBe(permissions.length);
  });
  it("a mediator does not read every case", () => {
    expect(permissionsForStaffRoles(["mediator"])).not.toContain("case:read_all");
  });
});
