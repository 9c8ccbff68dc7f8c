import { getCustomerCase } from "@accord/core";
import { defineOperation } from "../operation";
import { claim, referenceParam } from "../schemas";
import { claimView } from "./claim-view";

export const getClaim = defineOperation({
  method: "GET",
  path: "/claims/{reference}",
  operationId: "getClaim",
  summary: "Read a claim",
  description: "A claim of the key's company (as its user may see it), with its lines, public messages and shared files.",
  tag: "Claims",
  access: "customer",
  params: referenceParam,
  success: { status: 200, description: "The claim", schema: claim },
  problems: [404],
  async handle({ db, actor, params, now, config }) {
    const found = await getCustomerCase({ db, actor, input: { reference: params.reference }, now });
    return { body: claimView(found, config.portalUrl) };
  },
});
