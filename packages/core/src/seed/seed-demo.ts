import { createHash } from "node:crypto";
import {
  apiKeys,
  customerAccounts,
  customerUsers,
  invoiceLines,
  invoices,
  reasonCodes,
  staffTeams,
  staffUsers,
  supplierIdentity,
  teams,
  type Db,
  type PaymentTerm,
} from "@accord/db";
import { loadCustomerActor } from "@accord/auth";
import { and, eq, sql } from "drizzle-orm";
import { submitClaim } from "../claims/submit-claim";
import { DEMO_ACCOUNTS, DEMO_CLAIMS, DEMO_REASON_CODES, DEMO_STAFF, DEMO_SUPPLIER, DEMO_TEAMS } from "./demo-data";

/**
 * argon2id hash of "accord-demo" (m=19456, t=2, p=1), computed once: hashing ten passwords at every
 * seed would cost seconds. Demo data only; real users get their own salt through @accord/auth.
 */
const DEMO_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$R/dawKPOu9MHcJH4p7JXXA$BCDUJzjMkRxXx//u8Z5q0Net924zzjCQGQSNOjOBvMI";

const day = 24 * 60 * 60 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Due date of a demo invoice (the receivables rules of @accord/domain own the real computation). */
function demoDueDate(issue: Date, term: PaymentTerm): string {
  if (term.kind === "net") return isoDate(new Date(issue.getTime() + term.days * day));
  const endOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  if (term.kind === "end_of_month") return isoDate(endOfMonth(new Date(issue.getTime() + term.days * day)));
  return isoDate(new Date(endOfMonth(issue).getTime() + term.days * day));
}

/** True when the database holds no account and no staff user yet. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.execute<{ empty: boolean }>(
    sql`select not exists (select 1 from customer_accounts) and not exists (select 1 from staff_users) as empty`,
  );
  return Boolean(row?.empty);
}

/**
 * Seeds the demo data of PRODUCT.md in one transaction: the supplier (« Notre société »), teams, staff, the two customer accounts with
 * their users, invoices (dated relative to `now`) and API keys. Refuses in production.
 */
export async function seedDemoData({
  db,
  now,
  production,
  portalUrl,
}: {
  db: Db;
  now: Date;
  production: boolean;
  /** For the links in the demo cases' acknowledgement e-mails: the portal's PORTAL_URL. */
  portalUrl: string;
}) {
  if (production) throw new Error("The demo data is never seeded in production.");
  return db.transaction(async (tx) => {
    // the supplier first: the demo claims' acknowledgements are signed with it
    await tx.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER });
    const teamRows = await tx.insert(teams).values([...DEMO_TEAMS]).returning();
    const teamId = new Map(teamRows.map((t) => [t.code, t.id]));
    for (const s of DEMO_STAFF) {
      const [staff] = await tx
        .insert(staffUsers)
        .values({ email: s.email, name: s.name, roles: s.roles, passwordHash: DEMO_PASSWORD_HASH })
        .returning();
      if (s.teams.length > 0) {
        await tx.insert(staffTeams).values(s.teams.map((code) => ({ staffId: staff!.id, teamId: teamId.get(code)! })));
      }
    }
    await tx.insert(reasonCodes).values(DEMO_REASON_CODES.map((r) => ({ ...r, accountId: null })));
    let invoiceCount = 0;
    for (const a of DEMO_ACCOUNTS) {
      const [account] = await tx
        .insert(customerAccounts)
        .values({ name: a.name, siren: a.siren, vatId: a.vatId, erpCode: a.erpCode, tier: a.tier, paymentTerm: a.paymentTerm, clauses: a.clauses })
        .returning();
      const users = await tx
        .insert(customerUsers)
        .values(a.users.map((u) => ({ ...u, accountId: account!.id, passwordHash: DEMO_PASSWORD_HASH })))
        .returning({ id: customerUsers.id, role: customerUsers.role });
      await tx.insert(apiKeys).values({
        accountId: account!.id,
        actingUserId: users.find((u) => u.role === "admin")!.id,
        name: "Démo",
        prefix: a.apiKey.slice(0, 12),
        keyHash: createHash("sha256").update(a.apiKey).digest("hex"),
      });
      if (a.reasonCodes?.length) await tx.insert(reasonCodes).values(a.reasonCodes.map((r) => ({ ...r, accountId: account!.id })));
      for (const inv of a.invoices) {
        const issue = new Date(now.getTime() - inv.daysAgo * day);
        const lines = inv.lines.map((l, i) => {
          const totalExclTaxCents = l.quantity * l.unitPriceCents;
          return {
            lineNo: i + 1,
            productCode: l.productCode,
            description: l.description,
            quantityMilli: l.quantity * 1000,
            unit: l.unit,
            unitPriceCents: l.unitPriceCents,
            vatRateBp: l.vatRateBp,
            totalExclTaxCents,
            lotNumber: l.lotNumber ?? null,
            tax: Math.round((totalExclTaxCents * l.vatRateBp) / 10_000),
          };
        });
        const totalExcl = lines.reduce((s, l) => s + l.totalExclTaxCents, 0);
        const totalTax = lines.reduce((s, l) => s + l.tax, 0);
        const [invoice] = await tx
          .insert(invoices)
          .values({
            accountId: account!.id,
            number: inv.number,
            issueDate: isoDate(issue),
            deliveryDate: isoDate(new Date(issue.getTime() - 2 * day)),
            dueDate: demoDueDate(issue, a.paymentTerm),
            paymentTerm: a.paymentTerm,
            totalExclTaxCents: totalExcl,
            totalTaxCents: totalTax,
            totalInclTaxCents: totalExcl + totalTax,
            orderNumber: inv.orderNumber,
            deliveryNoteNumber: inv.deliveryNoteNumber,
          })
          .returning();
        await tx.insert(invoiceLines).values(lines.map(({ tax: _tax, ...l }) => ({ ...l, invoiceId: invoice!.id })));
        invoiceCount++;
      }
    }
    // A few cases filed the way customers file them (through the use case), so neither app starts empty.
    for (const demo of DEMO_CLAIMS) {
      const [user] = await tx.select({ id: customerUsers.id }).from(customerUsers).where(eq(customerUsers.email, demo.filedBy));
      const actor = await loadCustomerActor(tx, user!.id);
      const lines = [];
      for (const line of demo.lines) {
        const [row] = await tx
          .select({ id: invoiceLines.id })
          .from(invoiceLines)
          .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
          .where(and(eq(invoices.number, line.invoiceNumber), eq(invoiceLines.lineNo, line.lineNo)));
        lines.push({ invoiceLineId: row!.id, contestedQuantity: line.contestedQuantity, contestedUnitPrice: line.contestedUnitPrice });
      }
      const details = demo.receivedDaysAgo === undefined ? demo.input : { ...demo.input, delivery: { ...demo.input.delivery, receivedOn: isoDate(new Date(now.getTime() - demo.receivedDaysAgo * day)) } };
      await submitClaim({ db: tx, actor, now: new Date(now.getTime() - demo.filedHoursAgo * 3_600_000), portalUrl, input: { ...details, lines } as never });
    }
    await (await import("./demo-settings")).seedDemoSettings(tx, now); // issue 6: contracted prices, index values, checklist and response templates, help articles
    // issue 15: the third account's 18 months of history, last, so the claims above keep their references
    const history = await (await import("./demo-history")).seedDemoHistory(tx, { now, passwordHash: DEMO_PASSWORD_HASH });
    return { staff: DEMO_STAFF.length, accounts: DEMO_ACCOUNTS.length + 1, invoices: invoiceCount + history.invoices, cases: DEMO_CLAIMS.length, historyCases: history.cases };
  });
}
