/** Server side of the portal's settlement screens: the customer's read of a case's settlement, as the pages get it. */
import { getCustomerSettlement } from "@accord/core";
import type { CustomerContext } from "./intents";
import { loadOrRespond } from "./errors";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The settlement of the URL's case, dates as ISO strings (only what the pages show goes to the browser). */
export async function loadSettlement(ctx: CustomerContext) {
  const s = await loadOrRespond(ctx, () => getCustomerSettlement({ ...ctx, input: { reference: ctx.params.reference ?? "" } }));
  const proposals = s.proposals.map((proposal) => ({ ...proposal, offeredAt: proposal.offeredAt.toISOString(), respondedAt: iso(proposal.respondedAt) }));
  return {
    reference: s.reference,
    title: s.title,
    currency: s.currency,
    mayDecide: s.mayDecide,
    current: proposals[0] ?? null,
    earlier: proposals.slice(1),
    counterProposals: s.counterProposals.map((counter) => ({ ...counter, createdAt: counter.createdAt.toISOString() })),
    acceptance: s.acceptance ? { ...s.acceptance, acceptedAt: s.acceptance.acceptedAt.toISOString() } : null,
    decision: s.decision ? { ...s.decision, decidedAt: s.decision.decidedAt.toISOString() } : null,
    settlements: s.settlements,
    survey: s.survey ? { ...s.survey, answeredAt: s.survey.answeredAt.toISOString() } : null,
    canRate: s.canRate,
  };
}

export type SettlementView = Awaited<ReturnType<typeof loadSettlement>>;
