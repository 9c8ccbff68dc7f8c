import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { createCustomer, createStaff, customerActor, rejection, staffActor } from "../testing/fixtures";
import { getCustomerHome } from "./get-customer-home";

const t = useTestDb();

const line = { description: "Farine T65 25 kg", quantityMilli: 10_000, unitPriceCents: 1_850 };

describe("getCustomerHome", () => {
  it("returns the actor's company and only its invoices, newest first", async () => {
    const martin = await insertCustomerAccount(t.db, { name: "Boulangeries Martin SAS", siren: "552100554" });
    const port = await insertCustomerAccount(t.db, { name: "Hôtel du Port SARL" });
    await insertInvoice(t.db, { accountId: martin.id, number: "FA-1", issueDate: "2026-01-10", lines: [line, line] });
    await insertInvoice(t.db, { accountId: martin.id, number: "FA-2", issueDate: "2026-02-10", lines: [line] });
    await insertInvoice(t.db, { accountId: port.id, number: "FA-PORT", issueDate: "2026-02-20", lines: [line] });

    for (const role of ["admin", "member", "viewer"] as const) {
      const user = await createCustomer(t.db, { accountId: martin.id, role });
      const home = await getCustomerHome({ db: t.db, actor: await customerActor(t.db, user.id) });
      expect(home.account).toMatchObject({ id: martin.id, name: "Boulangeries Martin SAS", siren: "552100554", currency: "EUR" });
      expect(home.invoices.map((i) => i.number)).toEqual(["FA-2", "FA-1"]);
      expect(home.invoices[1]).toMatchObject({ lineCount: 2, totalExclTaxCents: 37_000, totalInclTaxCents: 44_400, paidStatus: "unpaid" });
    }

    const portUser = await createCustomer(t.db, { accountId: port.id });
    const portHome = await getCustomerHome({ db: t.db, actor: await customerActor(t.db, portUser.id) });
    expect(portHome.invoices.map((i) => i.number)).toEqual(["FA-PORT"]);
  });

  it("never returns another account's invoices", async () => {
    const mine = await insertCustomerAccount(t.db);
    const theirs = await insertCustomerAccount(t.db);
    await insertInvoice(t.db, { accountId: theirs.id, number: "THEIRS", lines: [line] });
    const user = await createCustomer(t.db, { accountId: mine.id });
    const home = await getCustomerHome({ db: t.db, actor: await customerActor(t.db, user.id) });
    expect(home.invoices).toEqual([]);
  });

  it("is refused to staff and to nobody", async () => {
    const staff = await createStaff(t.db, { roles: ["admin"] });
    expect(await rejection(getCustomerHome({ db: t.db, actor: await staffActor(t.db, staff.id) }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(getCustomerHome({ db: t.db, actor: null }))).toMatchObject({ code: "forbidden" });
  });
});
