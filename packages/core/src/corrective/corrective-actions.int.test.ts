/** Corrective actions: adding, completing, waiving, reopening, the open actions page, effectiveness, and closing. */
import { caseEvents, cases, correctiveActions, settings, staffUsers, supplierIdentity } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { actionEffectiveness } from "@accord/domain";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "../errors";
import { qualifyCase, qualifyCaseSchema } from "../cases/qualify-case";
import { startInvestigation } from "../cases/start-investigation";
import { setRootCause, setRootCauseSchema } from "../instruction/set-root-cause";
import { closeCase } from "../settlement/close-case";
import { recordDecision } from "../settlement/record-decision";
import { recordDecisionSchema } from "../settlement/schemas";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { rejection } from "../testing/fixtures";
import { addCorrectiveAction } from "./add-corrective-action";
import { completeCorrectiveAction } from "./complete-corrective-action";
import { correctiveActionEffectiveness, effectivenessOfActions } from "./corrective-action-effectiveness";
import { getCaseCorrectiveActions } from "./get-case-corrective-actions";
import { listOpenCorrectiveActions } from "./list-open-corrective-actions";
import { reopenCorrectiveAction } from "./reopen-corrective-action";
import { addCorrectiveActionSchema, listOpenCorrectiveActionsSchema, waiveCorrectiveActionSchema } from "./schemas";
import { waiveCorrectiveAction } from "./waive-corrective-action";
import { DEMO_SUPPLIER } from "../seed/demo-data";

const t = useTestDb();
const urls = { portalUrl: "https://portail.example", backofficeUrl: "https://support.example" };

beforeAll(async () => {
  await t.db.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER }).onConflictDoNothing();
  const value = { default: { supervisorAboveCents: 500_000, financeAboveCents: 2_000_000 } };
  await t.db.insert(settings).values({ key: "approval_thresholds", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
});

/** A case under investigation (root cause set unless `rootCause: null`); `resolved`: decided upheld. */
async function investigatedCase(options: { rootCause?: string | null; resolved?: boolean } = {}) {
  const opened = await openReceivedCase(t.db, { type: "quality" });
  const { actor: agent, user: agentUser } = await staffWith(t.db, ["agent"], { name: "Camille Agent" });
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: opened.reference, type: "quality", priority: "P2" }), now: later(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference: opened.reference }, now: later(10) });
  const rootCause = options.rootCause === undefined ? "raw_material" : options.rootCause;
  if (rootCause) await setRootCause({ db: t.db, actor: agent, input: parseInput(setRootCauseSchema, { reference: opened.reference, code: rootCause }), now: later(20) });
  if (options.resolved) {
    const input = parseInput(recordDecisionSchema, { reference: opened.reference, outcome: "upheld", granted: "240", publicRationale: "Farine humide." });
    await recordDecision({ db: t.db, actor: agent, input, now: later(30), ...urls });
  }
  return { ...opened, agent, agentUser };
}

const add = (c: Awaited<ReturnType<typeof investigatedCase>>, values: { title?: string; ownerId: string; dueDate?: string }, minutes = 40) =>
  addCorrectiveAction({
    db: t.db,
    actor: c.agent,
    input: parseInput(addCorrectiveActionSchema, { reference: c.reference, title: values.title ?? "Contrôler l'humidité des silos", ownerId: values.ownerId, dueDate: values.dueDate ?? "2026-12-15" }),
    now: later(minutes),
  });

const statusOf = async (caseId: string) => (await t.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status;
const eventsOf = async (caseId: string) => t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));

describe("adding a corrective action", () => {
  it("records it with the case's root cause, an owner and a due date, and an internal event", async () => {
    const c = await investigatedCase();
    const { user: owner } = await staffWith(t.db, ["supervisor"], { name: "Sophie Qualité" });
    const { id } = await add(c, { ownerId: owner.id });
    const [row] = await t.db.select().from(correctiveActions).where(eq(correctiveActions.id, id));
    expect(row).toMatchObject({ caseId: c.row.id, rootCauseCode: "raw_material", ownerId: owner.id, dueDate: "2026-12-15", status: "open", createdById: c.agentUser.id });
    expect((await eventsOf(c.row.id)).at(-1)).toMatchObject({ type: "corrective_action_added", visibility: "internal", payload: { actionId: id, ownerName: "Sophie Qualité", rootCauseCode: "raw_material" } });
  });

  it("is refused before the root cause is set, and for a deactivated owner, nothing written", async () => {
    const noCause = await investigatedCase({ rootCause: null });
    const { user: owner } = await staffWith(t.db, ["agent"]);
    expect(await rejection(add(noCause, { ownerId: owner.id }))).toMatchObject({ code: "invalid_transition", messageKey: "domain.error.corrective.root_cause_required" });

    const c = await investigatedCase();
    await t.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, owner.id));
    const eventsBefore = (await eventsOf(c.row.id)).length;
    expect(await rejection(add(c, { ownerId: owner.id }))).toMatchObject({ code: "validation", fieldErrors: { ownerId: ["domain.error.corrective.owner_inactive"] } });
    expect(await rejection(add(c, { ownerId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ fieldErrors: { ownerId: ["domain.error.corrective.owner_inactive"] } });
    expect(await t.db.select().from(correctiveActions).where(eq(correctiveActions.caseId, c.row.id))).toEqual([]);
    expect(await eventsOf(c.row.id)).toHaveLength(eventsBefore);
  });

  it("refuses a bad form beside its fields, and a role that does not instruct cases", async () => {
    expect(() => parseInput(addCorrectiveActionSchema, { reference: "LIT-2026-000001", title: "", ownerId: "x", dueDate: "2026-02-30" })).toThrowError(
      expect.objectContaining({ fieldErrors: { title: ["validation.required"], ownerId: ["correctiveActions.error.owner"], dueDate: ["casePage.validation.date"] } }),
    );
    const c = await investigatedCase();
    const { actor: finance, user } = await staffWith(t.db, ["finance"]);
    const input = parseInput(addCorrectiveActionSchema, { reference: c.reference, title: "x", ownerId: user.id, dueDate: "2026-12-15" });
    expect(await rejection(addCorrectiveAction({ db: t.db, actor: finance, input, now: later(40) }))).toMatchObject({ code: "forbidden" });
  });
});

describe("closing a case with corrective actions", () => {
  it("is refused, naming the open actions, until each is done or waived", async () => {
    const c = await investigatedCase({ resolved: true });
    const { user: owner, actor: ownerActor } = await staffWith(t.db, ["finance"], { name: "Farid Finance" });
    const silos = await add(c, { title: "Sécher les silos", ownerId: owner.id });
    const supplier = await add(c, { title: "Changer de meunier", ownerId: c.agentUser.id });
    const close = (minutes: number) => closeCase({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(minutes), ...urls });

    expect(await rejection(close(50))).toMatchObject({
      code: "invalid_transition",
      messageKey: "domain.error.guard_failed.corrective_actions_pending",
      params: { pending: 2, titles: "« Sécher les silos », « Changer de meunier »" },
    });
    // The owner completes their own action, though finance does not instruct cases.
    await completeCorrectiveAction({ db: t.db, actor: ownerActor, input: { reference: c.reference, actionId: silos.id }, now: later(60) });
    expect(() => parseInput(waiveCorrectiveActionSchema, { reference: c.reference, actionId: supplier.id, reason: " " })).toThrowError(expect.objectContaining({ fieldErrors: { reason: ["validation.required"] } }));
    // The domain refuses it too, whoever calls the use case without the form.
    expect(await rejection(waiveCorrectiveAction({ db: t.db, actor: c.agent, input: { reference: c.reference, actionId: supplier.id, reason: " " }, now: later(65) }))).toMatchObject({
      fieldErrors: { reason: ["domain.error.corrective.reason_required"] },
    });
    expect(await rejection(close(70))).toMatchObject({ params: { pending: 1, titles: "« Changer de meunier »" } });
    expect(await statusOf(c.row.id)).toBe("resolved");

    await waiveCorrectiveAction({ db: t.db, actor: c.agent, input: parseInput(waiveCorrectiveActionSchema, { reference: c.reference, actionId: supplier.id, reason: "Le meunier a changé de process." }), now: later(80) });
    await close(90);
    expect(await statusOf(c.row.id)).toBe("closed");
    const types = (await eventsOf(c.row.id)).map((e) => e.type);
    expect(types.slice(-3)).toEqual(["corrective_action_completed", "corrective_action_waived", "case_closed"]);
    const [waived] = await t.db.select().from(correctiveActions).where(eq(correctiveActions.id, supplier.id));
    expect(waived).toMatchObject({ status: "waived", waivedReason: "Le meunier a changé de process.", doneAt: null });

    // Nothing changes on a closed case.
    expect(await rejection(reopenCorrectiveAction({ db: t.db, actor: c.agent, input: { reference: c.reference, actionId: silos.id }, now: later(100) }))).toMatchObject({
      messageKey: "domain.error.corrective.case_ended",
    });
  });

  it("reopens a done action (the case then cannot close), and refuses completing it twice", async () => {
    const c = await investigatedCase({ resolved: true });
    const action = await add(c, { ownerId: c.agentUser.id });
    const target = { reference: c.reference, actionId: action.id };
    await completeCorrectiveAction({ db: t.db, actor: c.agent, input: target, now: later(50) });
    expect(await rejection(completeCorrectiveAction({ db: t.db, actor: c.agent, input: target, now: later(51) }))).toMatchObject({ messageKey: "domain.error.corrective.not_open" });
    await reopenCorrectiveAction({ db: t.db, actor: c.agent, input: target, now: later(52) });
    expect((await t.db.select().from(correctiveActions).where(eq(correctiveActions.id, action.id)))[0]).toMatchObject({ status: "open", doneAt: null, doneById: null });
    expect(await rejection(closeCase({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(53), ...urls }))).toMatchObject({ params: { pending: 1 } });
  });

  it("lets only the owner or whoever instructs the case complete an action; a mediator does not even see it", async () => {
    const c = await investigatedCase();
    const action = await add(c, { ownerId: c.agentUser.id });
    const { actor: finance } = await staffWith(t.db, ["finance"]);
    const { actor: mediator } = await staffWith(t.db, ["mediator"]);
    const target = { reference: c.reference, actionId: action.id };
    expect(await rejection(completeCorrectiveAction({ db: t.db, actor: finance, input: target, now: later(50) }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(completeCorrectiveAction({ db: t.db, actor: mediator, input: target, now: later(50) }))).toMatchObject({ code: "not_found" });
    expect(await rejection(waiveCorrectiveAction({ db: t.db, actor: finance, input: { ...target, reason: "x" }, now: later(50) }))).toMatchObject({ code: "forbidden" });
  });
});

describe("the case page's corrective actions", () => {
  it("lists the actions with their owner and what the reader may do", async () => {
    const c = await investigatedCase();
    const { user: owner, actor: ownerActor } = await staffWith(t.db, ["finance"], { name: "Farid Finance" });
    const late = await add(c, { title: "En retard", ownerId: owner.id, dueDate: "2026-11-01" });
    const view = await getCaseCorrectiveActions({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(60) });
    expect(view.can.add).toBe(true);
    expect(view.owners.map((o) => o.id)).toContain(owner.id);
    expect(view.actions).toEqual([expect.objectContaining({ id: late.id, ownerName: "Farid Finance", overdue: true, canComplete: true, canWaive: true, canReopen: false, effectiveness: { state: "not_applicable" } })]);
    const asOwner = await getCaseCorrectiveActions({ db: t.db, actor: ownerActor, input: { reference: c.reference }, now: later(60) });
    expect(asOwner.can.add).toBe(false);
    expect(asOwner.actions[0]).toMatchObject({ canComplete: true, canWaive: false });

    const noCause = await investigatedCase({ rootCause: null });
    expect((await getCaseCorrectiveActions({ db: t.db, actor: noCause.agent, input: { reference: noCause.reference }, now: later(60) })).can.add).toBe(false);
  });
});

describe("the open actions page", () => {
  it("lists open actions overdue first, then by owner and due date; « mine » keeps the reader's", async () => {
    const c = await investigatedCase();
    const { user: zoe, actor: zoeActor } = await staffWith(t.db, ["agent"], { name: "Zoé Zeller" });
    const { user: anna } = await staffWith(t.db, ["agent"], { name: "Anna Abel" });
    const zoeLate = await add(c, { title: "Zoé en retard", ownerId: zoe.id, dueDate: "2026-11-20" });
    const annaLater = await add(c, { title: "Anna plus tard", ownerId: anna.id, dueDate: "2027-01-15" });
    const annaSoon = await add(c, { title: "Anna bientôt", ownerId: anna.id, dueDate: "2026-12-01" });
    const zoeSoon = await add(c, { title: "Zoé bientôt", ownerId: zoe.id, dueDate: "2026-11-30" });
    const done = await add(c, { title: "Faite", ownerId: zoe.id });
    await completeCorrectiveAction({ db: t.db, actor: zoeActor, input: { reference: c.reference, actionId: done.id }, now: later(45) });

    const all = await listOpenCorrectiveActions({ db: t.db, actor: c.agent, input: parseInput(listOpenCorrectiveActionsSchema, {}), now: later(60) });
    const mine = (ids: string[]) => all.actions.filter((a) => ids.includes(a.id)).map((a) => a.id);
    expect(mine([zoeLate.id, annaLater.id, annaSoon.id, zoeSoon.id, done.id])).toEqual([zoeLate.id, annaSoon.id, annaLater.id, zoeSoon.id]);
    expect(all.actions.find((a) => a.id === zoeLate.id)).toMatchObject({ overdue: true, reference: c.reference, ownerName: "Zoé Zeller" });
    expect(all.actions[0]!.overdue).toBe(true);

    const own = await listOpenCorrectiveActions({ db: t.db, actor: zoeActor, input: parseInput(listOpenCorrectiveActionsSchema, { scope: "mine" }), now: later(60) });
    expect(own.actions.map((a) => a.id)).toEqual([zoeLate.id, zoeSoon.id]);

    const { actor: mediator } = await staffWith(t.db, ["mediator"]);
    expect((await listOpenCorrectiveActions({ db: t.db, actor: mediator, input: parseInput(listOpenCorrectiveActionsSchema, {}), now: later(60) })).actions.filter((a) => a.reference === c.reference)).toEqual([]);
  });
});

describe("effectiveness", () => {
  it("counts the root cause's recurrences 90 days before and after completion in SQL, as the domain does", async () => {
    const code = "packaging";
    const c = await investigatedCase({ rootCause: code });
    const action = await add(c, { ownerId: c.agentUser.id });
    const doneAt = new Date("2026-06-01T10:00:00Z");
    await t.db.update(correctiveActions).set({ status: "done", doneAt }).where(eq(correctiveActions.id, action.id));
    const day = 86_400_000;
    const offsets = [-120, -90, -89.5, -10, 0, 10, 89.99, 90, 150];
    const recurrences: Date[] = [];
    for (const offset of offsets) {
      const other = await openReceivedCase(t.db, { receivedAt: new Date(doneAt.getTime() + offset * day) });
      await t.db.update(cases).set({ rootCauseCode: code }).where(eq(cases.id, other.row.id));
      recurrences.push(new Date(doneAt.getTime() + offset * day));
    }
    // A duplicate does not count; another cause does not count.
    const dup = await openReceivedCase(t.db, { receivedAt: new Date(doneAt.getTime() - 5 * day) });
    await t.db.update(cases).set({ rootCauseCode: code, status: "duplicate" }).where(eq(cases.id, dup.row.id));
    const otherCause = await openReceivedCase(t.db, { receivedAt: new Date(doneAt.getTime() - 5 * day) });
    await t.db.update(cases).set({ rootCauseCode: "late_delivery" }).where(eq(cases.id, otherCause.row.id));
    // The action's own case (received 2026-11-23) is not a recurrence of itself.
    for (const asOf of [new Date(doneAt.getTime() + 30 * day), new Date(doneAt.getTime() + 400 * day)]) {
      const sqlResult = (await effectivenessOfActions(t.db, [action.id], asOf)).get(action.id);
      const domain = actionEffectiveness({ status: "done", rootCause: code, doneAt, recurrences, asOf });
      expect(sqlResult).toEqual(domain);
    }
    expect(await correctiveActionEffectiveness({ db: t.db, actor: c.agent, input: { reference: c.reference, actionId: action.id }, now: new Date(doneAt.getTime() + 400 * day) })).toEqual({
      state: "measured",
      before: 3,
      after: 3,
      reductionPercent: 0,
    });
    const pending = await correctiveActionEffectiveness({ db: t.db, actor: c.agent, input: { reference: c.reference, actionId: action.id }, now: new Date(doneAt.getTime() + 30 * day) });
    expect(pending).toMatchObject({ state: "pending", before: 3, afterSoFar: 2 });
    const view = await getCaseCorrectiveActions({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: new Date(doneAt.getTime() + 400 * day) });
    expect(view.actions[0]!.effectiveness).toMatchObject({ state: "measured", before: 3, after: 3 });
    expect(await t.db.select().from(correctiveActions).where(and(eq(correctiveActions.caseId, c.row.id), eq(correctiveActions.status, "done")))).toHaveLength(1);
  });
});
