import { insertCustomerAccount, useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createCustomer, createStaff, customerActor, parseRefusal, rejection, staffActor } from "../testing/fixtures";
import { encodeQueueCursor } from "./case-queue-query";
import { listCaseQueue } from "./list-case-queue";
import { listCustomerCases } from "./list-customer-cases";
import { parseInput } from "../errors";
import { customerCaseFiltersSchema } from "./list-customer-cases";

/** Issue 16: impossible dates in filters and cursors were a PostgreSQL error (a 500); they are a validation error on their field. */
const t = useTestDb();

const now = new Date("2026-03-02T09:00:00Z");
const ID = "3f0e0000-0000-4000-8000-000000000000";
const customerCursor = (at: string) => Buffer.from(`${at}|${ID}`, "utf8").toString("base64url");

describe("impossible dates", () => {
  it("the queue refuses a cursor on 31 February or in year 0000, on its field; a real one is read", async () => {
    const agent = await staffActor(t.db, (await createStaff(t.db)).id);
    for (const key of ["2026-02-31T10:00:00.000000Z", "0000-01-01T00:00:00Z"]) {
      const error = await rejection(listCaseQueue({ db: t.db, actor: agent, input: { sort: "received", after: encodeQueueCursor({ key, id: ID }) }, now }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors).toEqual({ after: ["queue.error.cursor"] });
    }
    const page = await listCaseQueue({ db: t.db, actor: agent, input: { sort: "received", after: encodeQueueCursor({ key: "2026-02-28T10:00:00.123456Z", id: ID }) }, now });
    expect(page.cases).toBeInstanceOf(Array);
  });

  it("My cases refuses 31 February and year 0000 in its period and its cursor, on their field", async () => {
    const account = await insertCustomerAccount(t.db, {});
    const admin = await customerActor(t.db, (await createCustomer(t.db, { accountId: account.id, role: "admin" })).id);
    for (const day of ["2026-02-31", "0000-01-01"]) {
      const error = parseRefusal(customerCaseFiltersSchema, { from: day, to: day } );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors).toMatchObject({ from: ["cases.error.date"], to: ["cases.error.date"] });
    }
    for (const at of ["2026-02-31T10:00:00.000Z", "0000-01-01T00:00:00.000Z"]) {
      const error = await rejection(listCustomerCases({ db: t.db, actor: admin, input: parseInput(customerCaseFiltersSchema, { cursor: customerCursor(at) } )}));
      expect(error).toMatchObject({ code: "validation" });
    }
    expect((await listCustomerCases({ db: t.db, actor: admin, input: parseInput(customerCaseFiltersSchema, { from: "2024-02-29", cursor: customerCursor("2026-02-28T10:00:00.000Z") } )})).cases).toEqual([]);
  });
});
