import { responseTemplates } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { idSchema } from "./schemas";
import type { ResponseTemplateInput } from "./template-input";
import type { UseCaseArgs } from "../use-case";

/** An admin writes (id null) or edits a response template. */
export async function saveResponseTemplate({ db, actor, templateId, input, now }: UseCaseArgs<ResponseTemplateInput, { templateId: string | null }>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:settings");
  const id = templateId === null ? null : idSchema.safeParse(templateId);
  if (id && !id.success) throw new AppError("not_found");
  const values = input;
  return db.transaction(async (tx) => {
    let savedId: string;
    if (id?.success) {
      const updated = await tx.update(responseTemplates).set({ ...values, updatedAt: now }).where(eq(responseTemplates.id, id.data)).returning({ id: responseTemplates.id });
      if (updated.length === 0) throw new AppError("not_found");
      savedId = id.data;
    } else {
      const [row] = await tx.insert(responseTemplates).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: responseTemplates.id });
      savedId = row!.id;
    }
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: id ? "response_template_updated" : "response_template_created", payload: { templateId: savedId, name: values.name, caseType: values.caseType, active: values.active } });
    return { id: savedId };
  });
}
