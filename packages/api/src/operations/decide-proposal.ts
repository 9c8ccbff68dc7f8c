import { acceptProposal, acceptProposalSchema, declineProposal, declineProposalSchema, parseInput } from "@accord/core";
import { defineOperation } from "../operation";
import { proposalDecided, proposalDecisionBody, referenceParam } from "../schemas";

export const decideProposal = defineOperation({
  method: "POST",
  path: "/claims/{reference}/proposal/decision",
  operationId: "decideClaimProposal",
  summary: "Accept or refuse the claim's proposal",
  description:
    "Accept (`consent: true`, the signer's name, and the `textSha256` of the text you read: a changed text is a 409) or refuse with a reason, as the case's contact or the company's admin does in the portal.",
  tag: "Proposals",
  access: "customer",
  params: referenceParam,
  body: {
    schema: proposalDecisionBody,
    example: { decision: "refuse", proposalId: "3f1c1b8e-3d7e-4c55-9a53-2d6f0e1f5a10", reason: "Le montant ne couvre pas les sacs perdus." },
  },
  exampleNeeds: "a proposal offered by staff on the claim",
  success: { status: 200, description: "The decision was recorded", schema: proposalDecided },
  problems: [404, 409],
  async handle({ db, actor, params, body, now, config, store, userAgent }) {
    if (body.decision === "accept") {
      const input = parseInput(acceptProposalSchema, { reference: params.reference, proposalId: body.proposalId, consent: body.consent, signerName: body.signerName, textSha256: body.textSha256 });
      await acceptProposal({ db, actor, input, now, portalUrl: config.portalUrl, backofficeUrl: config.backofficeUrl, ipAddress: null, userAgent, store });
      return { body: { reference: params.reference, decision: "accepted" } };
    }
    const input = parseInput(declineProposalSchema, { reference: params.reference, proposalId: body.proposalId, reason: body.reason });
    await declineProposal({ db, actor, input, now, backofficeUrl: config.backofficeUrl });
    return { body: { reference: params.reference, decision: "refused" } };
  },
});
