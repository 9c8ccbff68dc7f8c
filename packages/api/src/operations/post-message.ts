import { customerReplySchema, parseInput, postCustomerReply } from "@accord/core";
import { defineOperation } from "../operation";
import { messageCreateBody, messageCreated, referenceParam } from "../schemas";

export const postMessage = defineOperation({
  method: "POST",
  path: "/claims/{reference}/messages",
  operationId: "postClaimMessage",
  summary: "Add a message to a claim",
  description: "A public message on the claim, as its user would write it in the portal, with files sent before to POST /uploads.",
  tag: "Claims",
  access: "customer",
  params: referenceParam,
  body: { schema: messageCreateBody, example: { body: "Voici les photos des sacs abîmés." } },
  success: { status: 201, description: "The message was added", schema: messageCreated },
  problems: [404, 409],
  async handle({ db, actor, params, body, now, config }) {
    const input = parseInput(customerReplySchema, { body: body.body, uploadIds: body.uploadIds ?? [] });
    const { messageId } = await postCustomerReply({ db, actor, input: { ...input, reference: params.reference }, now, backofficeUrl: config.backofficeUrl });
    return { status: 201, body: { id: messageId } };
  },
});
