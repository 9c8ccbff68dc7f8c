import { checklistTemplates } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { idSchema } from "./schemas";
import type { ChecklistTemplateInput } from "./template-input";
import type { UseCaseArgs } from "../use-case";

/** An admin writes (id null) or edits a checklist template. */
export async function saveChecklistTemplate({ db, actor, templateId, input, now }: UseCaseArgs<ChecklistTemplateInput, { templateId: string | null }>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:settings");
  const id = templateId === null ? null : idSchema.safeParse(templateId);
  if (id && !id.success) throw new AppError("not_found");
  const { name, caseType, active, itemsFr, itemsEn } = input;
  const items = itemsFr.map((titleFr, i) => ({ titleFr, titleEn: itemsEn[i]! }));
  return db.transaction(async (tx) => {
    let savedId: string;
    if (id?.success) {
      const updated = await tx.update(checklistTemplates).set({ name, caseType, active, items, updatedAt: now }).where(eq(checklistTemplates.id, id.data)).returning({ id: checklistTemplates.id });
      if (updated.length === 0) throw new AppError("not_found");
      savedId = id.data;
    } else {
      const [row] = await tx.insert(checklistTemplates).values({ name, caseType, active, items, createdAt: now, updatedAt: now }).returning({ id: checklistTemplates.id });
      savedId = row!.id;
    }
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: id ? "checklist_template_updated" : "checklist_template_created", payload: { templateId: savedId, name, caseType, active, items } });
    return { id: savedId };
  });
}
