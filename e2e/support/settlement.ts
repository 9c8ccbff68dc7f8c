/**
 * Settlement set-up for the portal's specs: an Accord of the spec's own (support/stack.ts), whose
 * database the spec reaches to put a proposal before the customer through the core use cases (the
 * agent's screens are the back-office's). Each case is filed by the customer, qualified, investigated
 * and offered a credit note, as the use cases do it; `offeredDaysAgo` dates the whole story back.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadCustomerActor, loadStaffActor } from "@accord/auth";
import { parseInput, qualifyCase, qualifyCaseSchema, startInvestigation, submitClaim } from "@accord/core";
import { createDb, customerUsers, invoiceLines, invoices, staffUsers, type DbHandle } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { createProposal } from "../../packages/core/src/settlement/create-proposal.ts";
import { createProposalSchema } from "../../packages/core/src/settlement/schemas.ts";
import type { Accord } from "./stack";

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(date);

/** The database of an Accord started by the spec (its embedded server writes its URL in the data folder). */
export function settlementDb(accord: Accord): DbHandle {
  const url = readFileSync(path.join(accord.dataDir, "database-url"), "utf8").trim();
  return createDb(url);
}

/**
 * A quality claim of `filedBy` on one line of a Boulangeries Martin invoice, qualified and investigated by
 * the demo agent, then a credit note of `amount` (below the approval thresholds: offered at once) whose last
 * day is `expiresInDays` after the offer. Returns the case's reference.
 */
export async function offeredCase(
  handle: DbHandle,
  accord: Accord,
  options: { filedBy: string; invoice: string; line: number; product: string; amount: string; offeredDaysAgo?: number; expiresInDays?: number },
): Promise<string> {
  const { db } = handle;
  const at = (minutes: number) => new Date(Date.now() - (options.offeredDaysAgo ?? 0) * DAY - 60 * 60_000 + minutes * 60_000);
  const [customer] = await db.select({ id: customerUsers.id }).from(customerUsers).where(eq(customerUsers.email, options.filedBy));
  const [agent] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, "agent@accord.example"));
  const [line] = await db
    .select({ id: invoiceLines.id })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoices.number, options.invoice), eq(invoiceLines.lineNo, options.line)));
  const customerActor = await loadCustomerActor(db, customer!.id);
  const agentActor = await loadStaffActor(db, agent!.id);
  const urls = { portalUrl: accord.portal, backofficeUrl: accord.backoffice };
  const { reference } = await submitClaim({
    db,
    actor: customerActor,
    now: at(0),
    portalUrl: accord.portal,
    input: {
      type: "quality",
      title: `Produit abîmé — ${options.product}`,
      description: "Deux unités sont arrivées abîmées.",
      desiredOutcome: "credit_note",
      quality: { product: options.product },
      lines: [{ invoiceLineId: line!.id, contestedQuantity: "1" }],
    } as never,
  });
  await qualifyCase({ db, actor: agentActor, input: parseInput(qualifyCaseSchema, { reference, type: "quality", priority: "P2" }), now: at(5) });
  await startInvestigation({ db, actor: agentActor, input: { reference }, now: at(10) });
  const offeredAt = at(20);
  const expiresOn = isoDay(new Date(offeredAt.getTime() + (options.expiresInDays ?? 10) * DAY));
  const input = parseInput(createProposalSchema, { reference, kind: "credit_note", amount: options.amount, terms: "Avoir imputé sur votre prochaine facture.", expiresOn });
  await createProposal({ db, actor: agentActor, input, now: offeredAt, ...urls });
  return reference;
}
