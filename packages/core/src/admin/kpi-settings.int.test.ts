import { adminEvents } from "@accord/db";
import type { StaffActor } from "@accord/auth";
import { useTestDb } from "@accord/db/testing";
import { desc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError, parseInput } from "../errors";
import { DEFAULT_KPI_SETTINGS, loadKpiSettings } from "../kpi/kpi-settings";
import { createStaff, parseRefusal, rejection, staffActor } from "../testing/fixtures";
import { getKpiSettings } from "./get-kpi-settings";
import { kpiSettingsFormSchema, updateKpiSettings } from "./update-kpi-settings";

const t = useTestDb();
let admin: StaffActor;
let agent: StaffActor;
beforeAll(async () => {
  admin = await staffActor(t.db, (await createStaff(t.db, { roles: ["admin"] })).id);
  agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent", "supervisor"] })).id);
});
const now = new Date("2026-11-25T10:00:00Z");
const form = { hourlyCost: "62,50", litigationCost: "5 200", churnWindowDays: "120", correctiveWindowDays: "60" };
const fieldErrorsOf = (error: unknown) => {
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors ?? {};
};

describe("KPI settings", () => {
  it("stores the costs typed in euros (French decimals) and the windows, read back by the dashboard, audited with the values before", async () => {
    expect(await getKpiSettings({ db: t.db, actor: admin })).toEqual(DEFAULT_KPI_SETTINGS);
    await updateKpiSettings({ db: t.db, actor: admin, input: parseInput(kpiSettingsFormSchema, form), now });
    const stored = { hourlyCostCents: 6_250, litigationCostCents: 520_000, churnWindowDays: 120, correctiveWindowDays: 60 };
    expect(await getKpiSettings({ db: t.db, actor: admin })).toEqual(stored);
    expect(await loadKpiSettings(t.db)).toEqual(stored);
    const [event] = await t.db.select().from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
    expect(event).toMatchObject({ type: "kpi_settings_updated", payload: { ...stored, before: null } });

    await updateKpiSettings({ db: t.db, actor: admin, input: parseInput(kpiSettingsFormSchema, { ...form, hourlyCost: "70.25" }), now });
    const [second] = await t.db.select().from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
    expect(second).toMatchObject({ type: "kpi_settings_updated", payload: { hourlyCostCents: 7_025, before: stored } });
  });

  it("is refused to an agent or a supervisor, reading or writing, and nothing is stored", async () => {
    const before = await loadKpiSettings(t.db);
    expect(await rejection(getKpiSettings({ db: t.db, actor: agent }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(updateKpiSettings({ db: t.db, actor: agent, input: parseInput(kpiSettingsFormSchema, { ...form, churnWindowDays: "30" }), now }))).toMatchObject({
      code: "forbidden",
    });
    expect(await loadKpiSettings(t.db)).toEqual(before);
  });

  it("refuses a malformed or out-of-range value, each beside its field", () => {
    expect(fieldErrorsOf(parseRefusal(kpiSettingsFormSchema, { hourlyCost: "12,345", litigationCost: "4 500 €", churnWindowDays: "0", correctiveWindowDays: "3 mois" }))).toEqual({
      hourlyCost: ["admin.errors.amountFormat"],
      litigationCost: ["admin.errors.amountFormat"],
      churnWindowDays: ["admin.errors.outOfRange"],
      correctiveWindowDays: ["admin.errors.wholeNumber"],
    });
    expect(fieldErrorsOf(parseRefusal(kpiSettingsFormSchema, { ...form, hourlyCost: "100000,01", churnWindowDays: "731", litigationCost: "-5" }))).toEqual({
      hourlyCost: ["admin.errors.outOfRange"],
      litigationCost: ["admin.errors.amountFormat"],
      churnWindowDays: ["admin.errors.outOfRange"],
    });
  });
});
