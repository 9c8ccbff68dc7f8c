import { checklistTemplates, responseTemplates, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc } from "drizzle-orm";
import { requireStaff } from "../access";

/** Checklist and response templates, by name. */
export async function listTemplates({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:settings");
  const checklists = await db.select().from(checklistTemplates).orderBy(asc(checklistTemplates.name));
  const responses = await db.select().from(responseTemplates).orderBy(asc(responseTemplates.name));
  return { checklists, responses };
}
