import { customerReplySchema, parseInput, postCustomerReply } from "@accord/core";
import { z } from "zod";
import { defineOperation } from "../operation";
import { messageCreated, referenceParam } from "../schemas";
import { stageFiles } from "./stage-files";

export const addEvidence = defineOperation({
  method: "POST",
  path: "/claims/{reference}/evidence",
  operationId: "addClaimEvidence",
  summary: "Add evidence to a claim",
  description: "Streams files (multipart/form-data, field `file`) and adds them to the claim with a message (field `message`), as the portal's reply with attachments does.",
  tag: "Evidence",
  access: "customer",
  params: referenceParam,
  multipart: {
    schema: z.object({ message: z.string().meta({ description: "What the files show", example: "Bon de livraison signé avec réserves." }) }),
    example: { message: "Bon de livraison signé avec réserves." },
    fileField: "file",
    fileDescription: "The files",
  },
  renameField: (field) => (field === "body" ? "message" : field === "uploadIds" ? "file" : field),
  success: { status: 201, description: "The files were added with a message", schema: messageCreated },
  problems: [404, 409],
  async handle(context) {
    const { db, actor, params, body, now, config } = context;
    // The message is checked before any file is staged: a refusal stages nothing.
    const input = parseInput(customerReplySchema, { body: body.message, uploadIds: [] });
    const staged = await stageFiles(context, "file");
    const { messageId } = await postCustomerReply({
      db,
      actor,
      input: { ...input, uploadIds: staged.map((upload) => upload.id), reference: params.reference },
      now,
      backofficeUrl: config.backofficeUrl,
    });
    return { status: 201, body: { id: messageId } };
  },
});
