import { adminEvents, checklistTemplates, priceIndexValues, responseTemplates, rootCauses, settings } from "@accord/db";
import type { StaffActor } from "@accord/auth";
import { useTestDb } from "@accord/db/testing";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createStaff, parseRefusal, rejection, staffActor } from "../testing/fixtures";
import { createRootCause } from "./create-root-cause";
import { listPriceIndexValues } from "./list-price-index-values";
import { listRootCauses } from "./list-root-causes";
import { listTemplates } from "./list-templates";
import { moveRootCause } from "./move-root-cause";
import { recordPriceIndexValue } from "./record-price-index-value";
import { renameRootCause } from "./rename-root-cause";
import { saveChecklistTemplate } from "./save-checklist-template";
import { saveResponseTemplate } from "./save-response-template";
import { setRootCauseActive } from "./set-root-cause-active";
import { getEscalationSettings } from "./get-escalation-settings";
import { updateEscalationSettings } from "./update-escalation-settings";
import { parseInput } from "../errors";
import { priceIndexValueSchema } from "./record-price-index-value";
import { rootCauseLabelsSchema, rootCauseSchema } from "./root-cause-input";
import { checklistTemplateSchema, responseTemplateSchema } from "./template-input";
import { DEFAULT_ESCALATION, escalationSettingsSchema } from "./update-escalation-settings";

const t = useTestDb();
let admin: StaffActor;
let agent: StaffActor;
beforeAll(async () => {
  admin = await staffActor(t.db, (await createStaff(t.db, { roles: ["admin"] })).id);
  agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent", "supervisor"] })).id);
});
const now = new Date("2026-11-25T10:00:00Z");
const fieldErrorsOf = (error: unknown) => {
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors ?? {};
};
const lastEvent = async () => (await t.db.select().from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1))[0]!;

describe("published index values", () => {
  it("records a month's value (a correction replaces it) and refuses a bad month", async () => {
    await recordPriceIndexValue({ db: t.db, actor: admin, input: parseInput(priceIndexValueSchema, { indexCode: "insee-farine", month: "2026-10", value: "112,4" }), now });
    await recordPriceIndexValue({ db: t.db, actor: admin, input: parseInput(priceIndexValueSchema, { indexCode: "INSEE-FARINE", month: "2026-10", value: "112.6" }), now });
    const rows = await t.db.select().from(priceIndexValues).where(and(eq(priceIndexValues.indexCode, "INSEE-FARINE"), eq(priceIndexValues.month, "2026-10-01")));
    expect(rows.map((r) => r.value)).toEqual(["112.6"]);
    expect(await lastEvent()).toMatchObject({ type: "price_index_value_recorded" });
    expect(fieldErrorsOf(parseRefusal(priceIndexValueSchema, { indexCode: "X", month: "2026-13", value: "abc" }))).toEqual({
      month: ["admin.indexes.errors.month"],
      value: ["admin.errors.decimalFormat"],
    });
    expect(await rejection(listPriceIndexValues({ db: t.db, actor: agent }))).toMatchObject({ code: "forbidden" });
  });
});

describe("root-cause taxonomy", () => {
  it("adds at the end, renames, reorders and deactivates", async () => {
    await createRootCause({ db: t.db, actor: admin, input: parseInput(rootCauseSchema, { code: "Mauvais_Etiquetage", labelFr: "Mauvais étiquetage", labelEn: "Wrong labelling", category: "quality" }), now });
    let list = await listRootCauses({ db: t.db, actor: admin });
    expect(list.at(-1)).toMatchObject({ code: "mauvais_etiquetage", active: true });
    expect(fieldErrorsOf(await rejection(createRootCause({ db: t.db, actor: admin, input: parseInput(rootCauseSchema, { code: "mauvais_etiquetage", labelFr: "x", labelEn: "x" }), now })))).toEqual({
      code: ["admin.errors.codeTaken"],
    });
    await renameRootCause({ db: t.db, actor: admin, code: "mauvais_etiquetage", input: parseInput(rootCauseLabelsSchema, { labelFr: "Étiquetage erroné", labelEn: "Mislabelling" }), now });
    await moveRootCause({ db: t.db, actor: admin, code: "mauvais_etiquetage", direction: "up", now });
    list = await listRootCauses({ db: t.db, actor: admin });
    expect(list.at(-2)).toMatchObject({ code: "mauvais_etiquetage", labelFr: "Étiquetage erroné", labelEn: "Mislabelling" });
    await setRootCauseActive({ db: t.db, actor: admin, code: "mauvais_etiquetage", active: false, now });
    const [row] = await t.db.select().from(rootCauses).where(eq(rootCauses.code, "mauvais_etiquetage"));
    expect(row!.active).toBe(false);
    expect(await rejection(createRootCause({ db: t.db, actor: agent, input: parseInput(rootCauseSchema, { code: "x", labelFr: "x", labelEn: "x" }), now }))).toMatchObject({ code: "forbidden" });
  });
});

describe("checklist and response templates", () => {
  it("stores ordered tasks in French and English, and refuses mismatched lists", async () => {
    const { id } = await saveChecklistTemplate({
      db: t.db,
      actor: admin,
      templateId: null,
      input: parseInput(checklistTemplateSchema, { name: "Qualité", caseType: "quality", itemsFr: "Photos\n\nAnalyse labo\n", itemsEn: "Photos\nLab analysis", active: "on" }),
      now,
    });
    const [row] = await t.db.select().from(checklistTemplates).where(eq(checklistTemplates.id, id));
    expect(row!.items).toEqual([
      { titleFr: "Photos", titleEn: "Photos" },
      { titleFr: "Analyse labo", titleEn: "Lab analysis" },
    ]);
    expect(fieldErrorsOf(parseRefusal(checklistTemplateSchema, { name: "Q", itemsFr: "A\nB", itemsEn: "A" }))).toEqual({
      itemsEn: ["admin.checklists.errors.sameCount"],
    });
  });

  it("accepts the allowed placeholders only", async () => {
    const { id } = await saveResponseTemplate({
      db: t.db,
      actor: admin,
      templateId: null,
      input: parseInput(responseTemplateSchema, { name: "Accusé", bodyFr: "Bonjour {{customerName}}, dossier {{ reference }} avant le {{deadline}}.", bodyEn: "Hello {{customerName}}", active: "on" }),
      now,
    });
    const [row] = await t.db.select().from(responseTemplates).where(eq(responseTemplates.id, id));
    expect(row).toMatchObject({ name: "Accusé", caseType: null, active: true });
    expect(fieldErrorsOf(parseRefusal(responseTemplateSchema, { name: "A", bodyFr: "Bonjour {{nom}}", bodyEn: "Hi" }))).toEqual({
      bodyFr: ["admin.responses.errors.unknownPlaceholder"],
    });
    expect((await listTemplates({ db: t.db, actor: admin })).responses.map((r) => r.id)).toContain(id);
    expect(await rejection(listTemplates({ db: t.db, actor: agent }))).toMatchObject({ code: "forbidden" });
  });
});

describe("escalation settings", () => {
  const form = {
    warningPercent: "75",
    inactivityBusinessDays: "2",
    customerReminderBusinessDays: "4",
    customerSecondReminderBusinessDays: "3",
    autoCloseBusinessDays: "20",
    closeResolvedAfterBusinessDays: "15",
    preDueReminderEnabled: "off",
    preDueReminderDays: "6",
  };

  it("stores the warning share, the reminders and the pre-due reminder, auto-close optional", async () => {
    expect(await getEscalationSettings({ db: t.db, actor: admin })).toEqual(DEFAULT_ESCALATION);
    await updateEscalationSettings({ db: t.db, actor: admin, input: parseInput(escalationSettingsSchema, form), now });
    expect(await getEscalationSettings({ db: t.db, actor: admin })).toEqual({
      warningShare: 0.75,
      inactivityBusinessDays: 2,
      customerReminderBusinessDays: 4,
      customerSecondReminderBusinessDays: 3,
      autoCloseBusinessDays: 20,
      closeResolvedAfterBusinessDays: 15,
      preDueReminderEnabled: false,
      preDueReminderDays: 6,
    });
    expect(await rejection(getEscalationSettings({ db: t.db, actor: agent }))).toMatchObject({ code: "forbidden" });
  });

  it("refuses a warning share of 100 % or more and a negative number of days, each beside its field", () => {
    expect(fieldErrorsOf(parseRefusal(escalationSettingsSchema, { ...form, warningPercent: "100", inactivityBusinessDays: "x", customerSecondReminderBusinessDays: "-2", preDueReminderDays: "-1" }))).toEqual({
      warningPercent: ["admin.thresholds.errors.warningPercent"],
      inactivityBusinessDays: ["admin.errors.wholeNumber"],
      customerSecondReminderBusinessDays: ["admin.thresholds.errors.negativeDays"],
      preDueReminderDays: ["admin.thresholds.errors.negativeDays"],
    });
    expect(fieldErrorsOf(parseRefusal(escalationSettingsSchema, { ...form, warningPercent: "0", autoCloseBusinessDays: "-5" }))).toEqual({
      warningPercent: ["admin.thresholds.errors.warningPercent"],
      autoCloseBusinessDays: ["admin.thresholds.errors.negativeDays"],
    });
  });

  it("reads a value stored before the new fields with their defaults, and a form without them keeps the defaults", async () => {
    await t.db.update(settings).set({ value: { warningShare: 0.9, inactivityBusinessDays: 4, customerReminderBusinessDays: 5, autoCloseBusinessDays: null } }).where(eq(settings.key, "escalation"));
    expect(await getEscalationSettings({ db: t.db, actor: admin })).toEqual({ ...DEFAULT_ESCALATION, warningShare: 0.9, inactivityBusinessDays: 4 });
    const old = parseInput(escalationSettingsSchema, { warningPercent: "75", inactivityBusinessDays: "2", customerReminderBusinessDays: "4", closeResolvedAfterBusinessDays: "15" });
    expect(old).toMatchObject({ customerSecondReminderBusinessDays: 5, preDueReminderEnabled: true, preDueReminderDays: 7, autoCloseBusinessDays: null });
  });
});
