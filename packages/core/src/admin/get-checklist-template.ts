import { checklistTemplates, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { idSchema } from "./schemas";

/** One checklist template, for its edit form. */
export async function getChecklistTemplate({ db, actor, templateId }: { db: Db; actor: Actor | null; templateId: string }) {
  requireStaff(actor, "admin:settings");
  const id = idSchema.safeParse(templateId);
  if (!id.success) throw new AppError("not_found");
  const [template] = await db.select().from(checklistTemplates).where(eq(checklistTemplates.id, id.data)).limit(1);
  if (!template) throw new AppError("not_found");
  return template;
}
