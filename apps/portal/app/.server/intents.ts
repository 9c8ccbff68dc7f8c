/** The portal's forms: each page's action is a table of intents (ADR 0013) run for the signed-in customer user. */
import type { CustomerActor, Permission } from "@accord/auth";
import { runIntent, type IntentContext, type IntentTable } from "@accord/web/intents";
import type { RouteArgs } from "@accord/web/route";
import { customerRoute } from "./actor";

/** What a portal intent's use case receives. */
export type CustomerContext = IntentContext<CustomerActor>;

/** What every use case takes from the request. */
export const base = (ctx: CustomerContext) => ({ db: ctx.db, actor: ctx.actor, now: ctx.now });

/**
 * A page's action: who asks (with the permission the page needs), then the intent the form names.
 * `guard` checks what the URL names before the form is read (a case of another company: 404, whatever
 * was posted). `prepare` writes what the URL decides (the user, the case) over whatever the form says.
 */
export async function customerAction<T extends IntentTable<CustomerContext>>(
  args: RouteArgs,
  table: T,
  options: { permission?: Permission; guard?: (ctx: CustomerContext) => Promise<unknown>; prepare?: (formData: FormData) => void } = {},
) {
  const ctx = await customerRoute(args, options.permission);
  await options.guard?.(ctx);
  const formData = await args.request.formData();
  options.prepare?.(formData);
  return runIntent(table, ctx, formData);
}
