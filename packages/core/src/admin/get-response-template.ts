import { responseTemplates, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { found, idOrNotFound } from "./found";

/** One response template, for its edit form. */
export async function getResponseTemplate({ db, actor, templateId }: { db: Db; actor: Actor | null; templateId: string }) {
  requireStaff(actor, "admin:settings");
  const [template] = await db.select().from(responseTemplates).where(eq(responseTemplates.id, idOrNotFound(templateId))).limit(1);
  return found(template);
}
