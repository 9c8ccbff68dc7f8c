import { rootCauses, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { lockSettings, optionalText, requiredText } from "./schemas";

/** The root-cause taxonomy in its order (inactive ones included, for the admin). */
export async function listRootCauses({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:settings");
  return db.select().from(rootCauses).orderBy(asc(rootCauses.position), asc(rootCauses.code));
}

export const rootCauseLabelsSchema = z.object({ labelFr: requiredText(120), labelEn: requiredText(120), category: optionalText(60) });
export const rootCauseSchema = rootCauseLabelsSchema.extend({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(60, "validation.tooLong")
    .regex(/^[a-z0-9_]+$/, "admin.rootCauses.errors.codeFormat"),
});
export type RootCauseInput = z.input<typeof rootCauseSchema>;
export type RootCauseLabelsInput = z.input<typeof rootCauseLabelsSchema>;

async function find(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], code: string) {
  const [row] = await tx.select().from(rootCauses).where(eq(rootCauses.code, code)).limit(1);
  if (!row) throw new AppError("not_found");
  return row;
}

/** An admin adds a root cause at the end of the list. */
export async function createRootCause({ db, actor, input, now }: { db: Db; actor: Actor | null; input: RootCauseInput; now: Date }): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  const parsed = rootCauseSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const values = parsed.data;
  await db.transaction(async (tx) => {
    await lockSettings(tx, "root-causes");
    const [taken] = await tx.select({ code: rootCauses.code }).from(rootCauses).where(eq(rootCauses.code, values.code)).limit(1);
    if (taken) throw new AppError("validation", { fieldErrors: { code: ["admin.errors.codeTaken"] } });
    const [last] = await tx.select({ max: sql<number>`coalesce(max(${rootCauses.position}), 0)::int` }).from(rootCauses);
    await tx.insert(rootCauses).values({ ...values, position: (last?.max ?? 0) + 10, createdAt: now });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "root_cause_created", payload: values });
  });
}

/** An admin renames a root cause (French and English) or changes its category; its code stays. */
export async function renameRootCause({ db, actor, code, input, now }: { db: Db; actor: Actor | null; code: string; input: RootCauseLabelsInput; now: Date }): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  const parsed = rootCauseLabelsSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  await db.transaction(async (tx) => {
    await lockSettings(tx, "root-causes");
    const row = await find(tx, code);
    await tx.update(rootCauses).set(parsed.data).where(eq(rootCauses.code, row.code));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "root_cause_renamed", payload: { code: row.code, ...parsed.data, before: { labelFr: row.labelFr, labelEn: row.labelEn } } });
  });
}

/** An admin deactivates a root cause (cases keep the code they have) or reactivates it. */
export async function setRootCauseActive({ db, actor, code, active, now }: { db: Db; actor: Actor | null; code: string; active: boolean; now: Date }): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  await db.transaction(async (tx) => {
    await lockSettings(tx, "root-causes");
    const row = await find(tx, code);
    if (row.active === active) return;
    await tx.update(rootCauses).set({ active }).where(eq(rootCauses.code, row.code));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: active ? "root_cause_reactivated" : "root_cause_deactivated", payload: { code: row.code } });
  });
}

/** An admin moves a root cause one place up or down the list (positions renumbered 10, 20, 30…). */
export async function moveRootCause({ db, actor, code, direction, now }: { db: Db; actor: Actor | null; code: string; direction: "up" | "down"; now: Date }): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  await db.transaction(async (tx) => {
    await lockSettings(tx, "root-causes");
    const rows = await tx.select({ code: rootCauses.code }).from(rootCauses).orderBy(asc(rootCauses.position), asc(rootCauses.code));
    const index = rows.findIndex((row) => row.code === code);
    if (index < 0) throw new AppError("not_found");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rows.length) return;
    const order = rows.map((row) => row.code);
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [i, c] of order.entries()) await tx.update(rootCauses).set({ position: (i + 1) * 10 }).where(eq(rootCauses.code, c));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "root_causes_reordered", payload: { moved: code, direction, order } });
  });
}
