import { describe, expect, it } from "vitest";
import { can, CUSTOMER_ROLES, isPermission, permissionsOf, PERMISSIONS, STAFF_ROLE_PERMISSIONS, STAFF_ROLES, type StaffRole } from "./permissions";
import { CASE_STATUSES, clockStateOf, isTerminal, parseOutcome, parseStatus, STATUS_RULES } from "./statuses";
import { TRANSITIONS } from "./transitions";

describe("role → permission map", () => {
  it("gives a customer viewer read-only permissions", () => {
    const permissions = permissionsOf({ kind: "customer", role: "viewer" });
    expect(permissions.length).toBeGreaterThan(0);
    expect(permissions.every((p) => p.endsWith(":read"))).toBe(true);
  });

  it("lets a member file, reply, withdraw and answer proposals, and an admin manage the account's users", () => {
    const member = { kind: "customer", role: "member" } as const;
    for (const permission of ["case:create", "case:reply", "case:withdraw", "proposal:respond"] as const) {
      expect(can(member, permission)).toBe(true);
    }
    expect(can(member, "customer:users:manage")).toBe(false);
    expect(can({ kind: "customer", role: "admin" }, "customer:users:manage")).toBe(true);
    expect(can(member, "case:note")).toBe(false);
  });

  it("keeps approvals with supervisors and finance, and litigation with legal and supervisors", () => {
    const staff = (...roles: StaffRole[]) => ({ kind: "staff", roles }) as const;
    expect(can(staff("agent"), "proposal:approve:supervisor")).toBe(false);
    expect(can(staff("supervisor"), "proposal:approve:supervisor")).toBe(true);
    expect(can(staff("supervisor"), "proposal:approve:finance")).toBe(false);
    expect(can(staff("finance"), "proposal:approve:finance")).toBe(true);
    expect(can(staff("legal"), "case:litigation")).toBe(true);
    expect(can(staff("agent"), "case:litigation")).toBe(false);
    expect(can(staff("mediator"), "mediation:conduct")).toBe(true);
    // A supervisor refers a case to mediation and records an external mediation's outcome; an agent does neither.
    expect(can(staff("supervisor"), "mediation:start")).toBe(true);
    expect(can(staff("supervisor"), "mediation:outcome")).toBe(true);
    expect(can(staff("supervisor"), "mediation:conduct")).toBe(false);
    expect(can(staff("agent"), "mediation:start")).toBe(false);
    expect(can(staff("agent"), "mediation:outcome")).toBe(false);
    expect(can(staff("mediator"), "mediation:outcome")).toBe(true);
    expect(can(staff("admin"), "admin:sla")).toBe(true);
    expect(can(staff("admin"), "case:decide")).toBe(false);
    expect(can(staff("agent", "finance"), "invoice:manage")).toBe(true);
    expect(can(staff(), "case:read")).toBe(false);
  });

  it("never gives a customer a staff-only permission", () => {
    const staffOnly = ["case:note", "case:qualify", "case:decide", "proposal:create", "admin:users", "mailbox:read"] as const;
    for (const role of CUSTOMER_ROLES) {
      for (const permission of staffOnly) expect(can({ kind: "customer", role }, permission)).toBe(false);
    }
  });

  it("lists only known permissions, and every permission a transition needs is held by some role", () => {
    const all = new Set(Object.values(STAFF_ROLE_PERMISSIONS).flat());
    CUSTOMER_ROLES.forEach((role) => permissionsOf({ kind: "customer", role }).forEach((p) => all.add(p)));
    for (const permission of all) expect(isPermission(permission)).toBe(true);
    for (const status of CASE_STATUSES) {
      for (const rule of Object.values(TRANSITIONS[status])) expect(all.has(rule.permission)).toBe(true);
    }
    expect(PERMISSIONS.filter((p) => !all.has(p))).toEqual([]);
    expect(permissionsOf({ kind: "staff", roles: [...STAFF_ROLES] })).not.toContain("case:withdraw");
  });

  it("refuses unknown roles and permissions with typed errors", () => {
    expect(() => can({ kind: "customer", role: "owner" as "admin" }, "case:read")).toThrowError(
      expect.objectContaining({ code: "unknown_role", field: "role" }),
    );
    expect(() => can({ kind: "staff", roles: ["agent", "ceo" as StaffRole] }, "case:read")).toThrowError(
      expect.objectContaining({ code: "unknown_role", field: "roles[1]" }),
    );
    expect(() => can({ kind: "staff", roles: ["agent"] }, "case:delete" as "case:read")).toThrowError(
      expect.objectContaining({ code: "unknown_permission", field: "permission" }),
    );
  });
});

describe("statuses", () => {
  it("tabulates the SLA clock and terminal flag of each status as PRODUCT.md does", () => {
    const running = CASE_STATUSES.filter((s) => clockStateOf(s) === "running");
    const paused = CASE_STATUSES.filter((s) => clockStateOf(s) === "paused");
    expect(running).toEqual(["received", "qualified", "investigating", "mediation"]);
    expect(paused).toEqual(["awaiting_customer", "negotiating"]);
    expect(CASE_STATUSES.filter(isTerminal)).toEqual(["closed", "withdrawn", "rejected", "duplicate"]);
    expect(STATUS_RULES.litigation).toEqual({ clock: "stopped", terminal: false });
    expect(STATUS_RULES.resolved).toEqual({ clock: "stopped", terminal: false });
  });

  it("terminal statuses accept no command", () => {
    for (const status of CASE_STATUSES.filter(isTerminal)) expect(TRANSITIONS[status]).toEqual({});
  });

  it("parses statuses and outcomes, naming the field of an unknown one", () => {
    expect(parseStatus("resolved")).toEqual({ ok: true, status: "resolved" });
    expect(parseStatus("archived")).toMatchObject({ ok: false, error: { code: "unknown_status", field: "status" } });
    expect(parseOutcome("judged")).toEqual({ ok: true, outcome: "judged" });
    expect(parseOutcome("won", "decision.outcome")).toMatchObject({ ok: false, error: { code: "unknown_outcome", field: "decision.outcome" } });
  });
});
