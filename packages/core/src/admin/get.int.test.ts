import { staffTeams } from "@accord/db";
import type { StaffActor } from "@accord/auth";
import { createTestDb, type TestDb } from "@accord/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "../errors";
import { createStaff, rejection, staffActor } from "../testing/fixtures";
import { createRootCause } from "./create-root-cause";
import { createSlaPolicy } from "./create-sla-policy";
import { createTeam } from "./create-team";
import { getChecklistTemplate } from "./get-checklist-template";
import { getResponseTemplate } from "./get-response-template";
import { getRootCause } from "./get-root-cause";
import { getSlaPolicy } from "./get-sla-policy";
import { getStaffUser } from "./get-staff-user";
import { rootCauseSchema } from "./root-cause-input";
import { saveChecklistTemplate } from "./save-checklist-template";
import { saveResponseTemplate } from "./save-response-template";
import { slaPolicySchema } from "./sla-policy-input";
import { teamSchema } from "./staff-input";
import { checklistTemplateSchema, responseTemplateSchema } from "./template-input";

/** The edit pages' reads: one entity by its id (or code), for an admin of its section only. */
let t: TestDb;
let admin: StaffActor;
let agent: StaffActor;
beforeAll(async () => {
  t = await createTestDb();
  admin = await staffActor(t.db, (await createStaff(t.db, { roles: ["admin"] })).id);
  agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent", "supervisor", "finance"] })).id);
});
afterAll(async () => {
  await t?.close();
});
const now = new Date("2026-11-25T10:00:00Z");
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** Each get use case: how to create one entity, and how to read it back by its key. */
const ENTITIES = [
  {
    name: "a checklist template",
    create: async () =>
      (await saveChecklistTemplate({ db: t.db, actor: admin, templateId: null, input: parseInput(checklistTemplateSchema, { name: "Qualité", itemsFr: "Photos", itemsEn: "Photos", active: "on" }), now })).id,
    get: (actor: StaffActor, key: string) => getChecklistTemplate({ db: t.db, actor, templateId: key }),
    expected: { name: "Qualité", items: [{ titleFr: "Photos", titleEn: "Photos" }], active: true },
  },
  {
    name: "a response template",
    create: async () =>
      (await saveResponseTemplate({ db: t.db, actor: admin, templateId: null, input: parseInput(responseTemplateSchema, { name: "Accusé", caseType: "quality", bodyFr: "Bonjour", bodyEn: "Hello" }), now })).id,
    get: (actor: StaffActor, key: string) => getResponseTemplate({ db: t.db, actor, templateId: key }),
    expected: { name: "Accusé", caseType: "quality", bodyFr: "Bonjour", bodyEn: "Hello", active: false },
  },
  {
    name: "a root cause (by its code)",
    create: async () => {
      await createRootCause({ db: t.db, actor: admin, input: parseInput(rootCauseSchema, { code: "colis_ouvert", labelFr: "Colis ouvert", labelEn: "Opened parcel", category: "delivery" }), now });
      return "colis_ouvert";
    },
    get: (actor: StaffActor, key: string) => getRootCause({ db: t.db, actor, code: key }),
    expected: { code: "colis_ouvert", labelFr: "Colis ouvert", labelEn: "Opened parcel", category: "delivery" },
  },
  {
    name: "an SLA policy, with the calendars it may use",
    create: async () =>
      (await createSlaPolicy({ db: t.db, actor: admin, input: parseInput(slaPolicySchema, { name: "Quality P1", priority: "P1", type: "quality", firstResponseHours: "2", resolutionHours: "16" }), now })).id,
    get: (actor: StaffActor, key: string) => getSlaPolicy({ db: t.db, actor, policyId: key }),
    expected: { policy: { name: "Quality P1", priority: "P1", type: "quality", tier: null, firstResponseMinutes: 120, resolutionMinutes: 960 }, calendars: [expect.objectContaining({ isDefault: true })] },
  },
  {
    name: "a staff member, with their teams and the teams there are",
    create: async () => {
      const user = await createStaff(t.db, { roles: ["agent"], name: "Bea Agent", language: "en" });
      const { id: teamId } = await createTeam({ db: t.db, actor: admin, input: parseInput(teamSchema, { code: "qualite", name: "Qualité" }), now });
      await t.db.insert(staffTeams).values({ staffId: user.id, teamId });
      return user.id;
    },
    get: (actor: StaffActor, key: string) => getStaffUser({ db: t.db, actor, userId: key }),
    expected: { user: { name: "Bea Agent", roles: ["agent"], language: "en", active: true, teamIds: [expect.any(String)] }, teams: [expect.objectContaining({ name: "Qualité" })] },
  },
];

describe.each(ENTITIES)("reading $name", ({ create, get, expected }) => {
  let key = "";
  beforeAll(async () => {
    key = await create();
  });

  it("returns it to an admin of its section", async () => {
    expect(await get(admin, key)).toMatchObject(expected);
  });

  it("answers not found for an unknown or malformed key", async () => {
    expect(await rejection(get(admin, UNKNOWN_ID))).toMatchObject({ code: "not_found" });
    expect(await rejection(get(admin, "not-an-id"))).toMatchObject({ code: "not_found" });
  });

  it("refuses a staff member without the section's permission, even for an existing one", async () => {
    expect(await rejection(get(agent, key))).toMatchObject({ code: "forbidden" });
  });
});
