import { useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createCustomer, createStaff, customerActor, parseRefusal, rejection, staffActor } from "../testing/fixtures";
import { customerAccounts, rootCauses, schema, staffUsers, teams } from "@accord/db";
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { deleteQueueView } from "./delete-queue-view";
import { listQueueFilterOptions } from "./list-queue-filter-options";
import { listQueueViews } from "./list-queue-views";
import { saveQueueView } from "./save-queue-view";
import { parseInput } from "../errors";
import { saveQueueViewSchema } from "./save-queue-view";

const t = useTestDb();

const now = new Date("2026-03-02T09:00:00Z");

describe("saved queue views", () => {
  it("saves the canonical query (no cursor, no defaults), lists one's own views by name, replaces a view saved under the same name", async () => {
    const agent = await staffActor(t.db, (await createStaff(t.db)).id);
    const other = await staffActor(t.db, (await createStaff(t.db)).id);

    await saveQueueView({ db: t.db, actor: agent, input: parseInput(saveQueueViewSchema, { name: "  Retards  ", query: "?sla=breached&scope=all&after=&status=received&status=investigating&amountMin=1 500,50" }), now });
    await saveQueueView({ db: t.db, actor: agent, input: parseInput(saveQueueViewSchema, { name: "Appels", query: "channel=phone" }), now });
    await saveQueueView({ db: t.db, actor: other, input: parseInput(saveQueueViewSchema, { name: "Mes litiges", query: "scope=mine" }), now });

    expect(await listQueueViews({ db: t.db, actor: agent, now })).toEqual([
      { id: expect.any(String), name: "Appels", query: "channel=phone" },
      { id: expect.any(String), name: "Retards", query: "status=received&status=investigating&sla=breached&amountMin=1500.50" },
    ]);

    await saveQueueView({ db: t.db, actor: agent, input: parseInput(saveQueueViewSchema, { name: "Appels", query: "channel=phone&priority=P1" }), now });
    const views = await listQueueViews({ db: t.db, actor: agent, now });
    expect(views.map((v) => [v.name, v.query])).toEqual([
      ["Appels", "priority=P1&channel=phone"],
      ["Retards", "status=received&status=investigating&sla=breached&amountMin=1500.50"],
    ]);
    expect((await listQueueViews({ db: t.db, actor: other, now })).map((v) => v.name)).toEqual(["Mes litiges"]);
  });

  it("refuses a view without a name or with an invalid query, and writes nothing", async () => {
    const agent = await staffActor(t.db, (await createStaff(t.db)).id);
    const noName = parseRefusal(saveQueueViewSchema, { name: "  ", query: "scope=mine" });
    expect(noName).toBeInstanceOf(AppError);
    expect((noName as AppError).fieldErrors).toEqual({ name: ["validation.required"] });
    const badQuery = await rejection(saveQueueView({ db: t.db, actor: agent, input: parseInput(saveQueueViewSchema, { name: "x", query: "sla=late" }), now }));
    expect((badQuery as AppError).fieldErrors).toEqual({ query: ["queue.error.invalid"] });
    expect(await listQueueViews({ db: t.db, actor: agent, now })).toEqual([]);
  });

  it("deletes one's own view; another staff member's view is not found", async () => {
    const agent = await staffActor(t.db, (await createStaff(t.db)).id);
    const other = await staffActor(t.db, (await createStaff(t.db)).id);
    const view = await saveQueueView({ db: t.db, actor: agent, input: parseInput(saveQueueViewSchema, { name: "P1", query: "priority=P1" }), now });

    expect(await rejection(deleteQueueView({ db: t.db, actor: other, input: { id: view.id }, now }))).toMatchObject({ code: "not_found" });
    expect(await rejection(deleteQueueView({ db: t.db, actor: agent, input: { id: "nope" }, now }))).toMatchObject({ code: "not_found" });
    expect(await deleteQueueView({ db: t.db, actor: agent, input: { id: view.id }, now })).toEqual({ name: "P1" });
    expect(await listQueueViews({ db: t.db, actor: agent, now })).toEqual([]);
  });

  it("offers the filter form's choices: teams, active staff and customer accounts, by name", async () => {
    const agent = await staffActor(t.db, (await createStaff(t.db, { name: "Zoé Active" })).id);
    await createStaff(t.db, { name: "Yann Parti", active: false });
    const customer = await createCustomer(t.db);
    await t.db.insert(teams).values({ code: "opts-billing", name: "Facturation" });
    const options = await listQueueFilterOptions({ db: t.db, actor: agent, now });
    expect(options.teams.map((team) => team.name)).toContain("Facturation");
    expect(options.assignees.map((staff) => staff.name)).toContain("Zoé Active");
    expect(options.assignees.map((staff) => staff.name)).not.toContain("Yann Parti");
    expect(options.accounts.map((account) => account.id)).toContain(customer.accountId);
    const names = options.accounts.map((account) => account.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("reads the four lists in one statement, as the separate ordered queries read them, root causes in the user's language", async () => {
    const agent = await staffActor(t.db, (await createStaff(t.db, { name: "Éloïse Ordre" })).id);
    await createStaff(t.db, { name: "Adrien Ordre" });
    await createStaff(t.db, { name: "Bruno Parti", active: false });
    await createCustomer(t.db);
    await t.db.insert(teams).values([{ code: "opts-b", name: "Litiges" }, { code: "opts-a", name: "Crédit" }]);
    const statements: string[] = [];
    const logged = drizzle(t.sql, { schema, logger: { logQuery: (query) => statements.push(query) } });
    const fr = await listQueueFilterOptions({ db: logged, actor: agent, now });
    expect(statements).toHaveLength(1);
    const en = await listQueueFilterOptions({ db: t.db, actor: agent, now, language: "en" });
    const [teamRows, staffRows, accountRows, causeRows] = await Promise.all([
      t.db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name), asc(teams.id)),
      t.db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.active, true)).orderBy(asc(staffUsers.name), asc(staffUsers.id)),
      t.db.select({ id: customerAccounts.id, name: customerAccounts.name }).from(customerAccounts).orderBy(asc(customerAccounts.name), asc(customerAccounts.id)),
      t.db.select().from(rootCauses).orderBy(asc(rootCauses.position), asc(rootCauses.code)),
    ]);
    expect(fr.teams).toEqual(teamRows);
    expect(fr.assignees).toEqual(staffRows);
    expect(fr.assignees.map((staff) => staff.name)).not.toContain("Bruno Parti");
    expect(fr.accounts).toEqual(accountRows);
    expect(causeRows.length).toBeGreaterThan(0);
    expect(fr.rootCauses).toEqual(causeRows.map((cause) => ({ code: cause.code, label: cause.labelFr })));
    expect(en.rootCauses).toEqual(causeRows.map((cause) => ({ code: cause.code, label: cause.labelEn })));
  });

  it("is refused to customers", async () => {
    const customer = await customerActor(t.db, (await createCustomer(t.db)).id);
    expect(await rejection(saveQueueView({ db: t.db, actor: customer, input: parseInput(saveQueueViewSchema, { name: "x", query: "" }), now }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(listQueueViews({ db: t.db, actor: customer, now }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(listQueueFilterOptions({ db: t.db, actor: customer, now }))).toMatchObject({ code: "forbidden" });
  });
});
