import { z } from "zod";
import { defineOperation } from "../operation";
import { stagedUploads } from "../schemas";
import { stageFiles } from "./stage-files";

export const uploadFiles = defineOperation({
  method: "POST",
  path: "/uploads",
  operationId: "uploadFiles",
  summary: "Upload evidence files",
  description:
    "Streams one or more files (multipart/form-data, field `file`) for the key's user; their ids, valid 24 h, go in a claim's or a message's `uploadIds`. Types are checked by content; a file over the size limit is a 413 naming the field.",
  tag: "Evidence",
  access: "customer",
  multipart: { schema: z.object({}), example: {}, fileField: "file", fileDescription: "The files (PDF, images, office documents, CSV, e-mails, text)" },
  success: { status: 201, description: "The files are staged", schema: stagedUploads },
  async handle(context) {
    const staged = await stageFiles(context, "file");
    return {
      status: 201,
      body: { uploads: staged.map((upload) => ({ id: upload.id, fileName: upload.fileName, sizeBytes: upload.sizeBytes, contentType: upload.contentType, expiresAt: upload.expiresAt.toISOString() })) },
    };
  },
});
