import { checklistTemplates, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { found, idOrNotFound } from "./found";

/** One checklist template, for its edit form. */
export async function getChecklistTemplate({ db, actor, templateId }: { db: Db; actor: Actor | null; templateId: string }) {
  requireStaff(actor, "admin:settings");
  const [template] = await db.select().from(checklistTemplates).where(eq(checklistTemplates.id, idOrNotFound(templateId))).limit(1);
  return found(template);
}
