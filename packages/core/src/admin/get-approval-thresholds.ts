import { settings, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import type { StoredApprovalThresholds } from "./update-approval-thresholds";

/** The current thresholds (the migration seeds them). */
export async function getApprovalThresholds({ db, actor }: { db: Db; actor: Actor | null }): Promise<StoredApprovalThresholds["default"]> {
  requireStaff(actor, "admin:settings");
  const [row] = await db.select().from(settings).where(eq(settings.key, "approval_thresholds")).limit(1);
  return (row?.value as StoredApprovalThresholds | undefined)?.default ?? { supervisorAboveCents: 0, financeAboveCents: 0 };
}
