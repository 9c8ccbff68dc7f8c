import { AppError, stageUpload, type StagedUpload } from "@accord/core";
import type { OperationContext } from "../operation";
import { ApiProblem } from "../problem";

/**
 * Stages every file of the request for the key's user (content type checked by content, as in the
 * portal). A refused file is a 422 naming the file field; files staged before it stay staged (24 h).
 */
export async function stageFiles(context: OperationContext<unknown, unknown, unknown>, fileField: string): Promise<StagedUpload[]> {
  const { db, actor, files, store, now } = context;
  if (files.length === 0) throw new ApiProblem("validation", { detailKey: "api.detail.invalidFields", issues: [{ field: fileField, code: "required", messageKey: "api.field.fileMissing" }] });
  const staged: StagedUpload[] = [];
  for (const [index, file] of files.entries()) {
    try {
      staged.push(await stageUpload({ db, actor: actor!, input: { tempKey: file.tempKey, sha256: file.sha256, sizeBytes: file.sizeBytes, fileName: file.fileName }, store, now }));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation") throw error;
      const field = files.length > 1 ? `${fileField}[${index}]` : fileField;
      throw new ApiProblem("validation", {
        detailKey: "api.detail.invalidFields",
        issues: [{ field, code: error.messageKey.split(".").at(-1) ?? "invalid", messageKey: error.messageKey, params: { fileName: file.fileName, ...error.params } }],
      });
    }
  }
  return staged;
}
