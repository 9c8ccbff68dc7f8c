/** Server side shared by the administration's pages: their loaders' prelude and their tables of intents. */
import type { StaffActor } from "@accord/auth";
import type { Permission } from "@accord/auth";
import type { FlashKey } from "@accord/web/flash";
import { runIntent, type IntentContext, type IntentDone, type IntentTable } from "@accord/web/intents";
import type { RouteArgs } from "@accord/web/route";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

export type AdminContext = IntentContext<StaffActor>;

/** The path segment of a page that creates rather than edits (`/admin/kb/new`). */
export const NEW = "new";

/** Whether this page creates its entity rather than edits one. */
export const isNew = (ctx: Pick<AdminContext, "params">) => ctx.params.id === NEW;

/** What every administration use case takes from the request. */
export const base = (ctx: AdminContext) => ({ db: ctx.db, actor: ctx.actor, now: ctx.now });

/** Where a saved form leads: back to `to` (or the path it computes), with its message. */
export const savedTo =
  (to: string | ((ctx: AdminContext) => string), flash: FlashKey = "admin.flash.saved") =>
  (_: unknown, ctx: AdminContext): IntentDone => ({ to: typeof to === "function" ? to(ctx) : to, flash });

/**
 * An administration loader: the staff member (with the section's permission when given: 404 without it),
 * then the page's reads; a refusal of a use case is its error response (forbidden and not found: 404).
 */
export async function adminLoader<T>(args: RouteArgs, permission: Permission | undefined, read: (ctx: AdminContext) => Promise<T>): Promise<T> {
  const ctx = await staffRoute(args, permission);
  return loadOrRespond(ctx, () => read(ctx));
}

/** An administration action: the page's intents, run on the posted form. */
export async function adminAction<T extends IntentTable<AdminContext>>(args: RouteArgs, table: T, formData?: FormData) {
  const ctx = await staffRoute(args);
  return runIntent(table, ctx, formData ?? (await args.request.formData()));
}
