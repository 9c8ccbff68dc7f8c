import { getCustomerSettlement, getCustomerSettlementSchema, parseInput, type CustomerSettlement } from "@accord/core";
import type { z } from "zod";
import { defineOperation } from "../operation";
import { claimProposals, referenceParam, type proposal } from "../schemas";

type Offered = CustomerSettlement["proposals"][number];

function proposalView(offered: Offered): z.input<typeof proposal> {
  return {
    id: offered.id,
    number: offered.number,
    kind: offered.kind,
    status: offered.status,
    amountCents: offered.amountCents,
    vatCents: offered.vatCents,
    totalCents: offered.totalCents,
    currency: offered.currency,
    expiresOn: offered.expiresOn,
    offeredAt: offered.offeredAt.toISOString(),
    text: offered.offeredText,
    textSha256: offered.offeredTextSha256,
    canDecide: offered.canDecide,
  };
}

export const getProposal = defineOperation({
  method: "GET",
  path: "/claims/{reference}/proposal",
  operationId: "getClaimProposal",
  summary: "Read the claim's proposal",
  description: "The resolution proposal offered on the claim (its exact text and the SHA-256 an acceptance sends back), and the earlier ones.",
  tag: "Proposals",
  access: "customer",
  params: referenceParam,
  success: { status: 200, description: "The claim's proposals", schema: claimProposals },
  problems: [404],
  async handle({ db, actor, params, now }) {
    const settlement = await getCustomerSettlement({ db, actor, input: parseInput(getCustomerSettlementSchema, params), now });
    return {
      body: {
        reference: settlement.reference,
        status: settlement.status,
        proposal: settlement.current ? proposalView(settlement.current) : null,
        proposals: settlement.proposals.map(proposalView),
      },
    };
  },
});
