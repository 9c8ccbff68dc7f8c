import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { createCustomer, customerActor, createStaff, staffActor, rejection } from "../testing/fixtures";
import { listCustomerInvoicesWithLines } from "./list-customer-invoices-with-lines";

const t = useTestDb();
const now = new Date("2026-11-23T09:00:00Z");

describe("listCustomerInvoicesWithLines", () => {
  it("lists the account's own invoices, newest first, each with its own lines in order, 50 a page", async () => {
    const mine = await insertCustomerAccount(t.db, {});
    const other = await insertCustomerAccount(t.db, {});
    const line = (description: string) => ({ description, quantityMilli: 1_000, unitPriceCents: 100, vatRateBp: 2000 });
    for (let i = 1; i <= 51; i++) {
      await insertInvoice(t.db, { accountId: mine.id, number: `FA-W-${String(i).padStart(2, "0")}`, issueDate: `2026-10-${String((i % 28) + 1).padStart(2, "0")}`, lines: [line(`a${i}`), line(`b${i}`)] });
    }
    await insertInvoice(t.db, { accountId: other.id, number: "FA-OTHER", issueDate: "2026-11-20", lines: [line("x")] });
    const actor = await customerActor(t.db, (await createCustomer(t.db, { accountId: mine.id, role: "viewer" })).id);

    const first = await listCustomerInvoicesWithLines({ db: t.db, actor, input: { filter: "all", page: 1 }, now });
    expect(first.invoices).toHaveLength(50);
    expect(first.hasNextPage).toBe(true);
    expect(first.invoices.map((i) => i.number)).not.toContain("FA-OTHER");
    for (const invoice of first.invoices) {
      const n = Number(invoice.number.slice(5));
      expect(invoice.lines.map((l) => [l.lineNo, l.description])).toEqual([[1, `a${n}`], [2, `b${n}`]]);
    }
    const dates = first.invoices.map((i) => i.issueDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    const second = await listCustomerInvoicesWithLines({ db: t.db, actor, input: { filter: "all", page: 2 }, now });
    expect([second.invoices.length, second.hasNextPage]).toEqual([1, false]);

    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    expect(await rejection(listCustomerInvoicesWithLines({ db: t.db, actor: agent, input: { filter: "all", page: 1 }, now }))).toMatchObject({ code: "forbidden" });
  });
});
