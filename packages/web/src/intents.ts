/**
 * A page's actions as one table of intents: each entry names its input schema, the use case it runs
 * and where to go afterwards. The form posts `intent`; `runIntent` parses the form ONCE with the entry's
 * schema and hands the schema's output type to the use case (no cast), and answers either the redirect
 * (with its flash message) or the form's reply with the errors. The table's keys are the intent names:
 * `IntentName<typeof table>` is the union the form components are typed with.
 *
 *   const INTENTS = {
 *     assign: intent(assignCaseSchema, (input, ctx: CaseContext) => assignCase({ ...ctx, input }), () => ({ to: "#qualification", flash: "casePage.flash.assigned" })),
 *   };
 *   export type CaseIntent = IntentName<typeof INTENTS>;
 *   export const action = (args) => runIntent(INTENTS, await caseContext(args), formData);
 */
import type { Db } from "@accord/db";
import type { SubmissionResult } from "@conform-to/react";
import { data, type Params, type RouterContextProvider } from "react-router";
import type { output, $ZodType } from "zod/v4/core";
import type { FlashKey } from "./flash";
import { redirectWithFlash } from "./flash";
import { parseForm, replyToError } from "./forms";
import type { Translate } from "./i18n";

/** What every intent's use case may need: who asks, the database, the translator and the clock of this request. */
export interface IntentContext<A = unknown> {
  request: Request;
  params: Params;
  context: Readonly<RouterContextProvider>;
  db: Db;
  actor: A;
  t: Translate;
  now: Date;
}

/** Where an intent leads once its use case succeeded: a redirect carrying a message, or any response. */
export type IntentDone = { to: string; flash: FlashKey } | Response;

/** The form's answer when it was refused: which intent, and conform's reply (typed values and errors). */
export interface IntentReply<Name extends string = string> {
  intent: Name;
  result: SubmissionResult<string[]>;
}

type Outcome =
  | { ok: true; response: Response }
  | { ok: false; status: number; result: SubmissionResult<string[]>; /** Shown this once on the page (`showOnceIntent`), never stored. */ shown?: object };

/** One entry of a page's action table (its schema and use case are closed over: the table is typed by its keys). */
export interface Intent<Ctx extends IntentContext> {
  submit(formData: FormData, ctx: Ctx, options: { refused: boolean }): Promise<Outcome>;
}

/** An intent: parse `formData` with `schema`, run the use case with the parsed value, then go where `done` says. */
export function intent<Ctx extends IntentContext, S extends $ZodType, R>(
  schema: S,
  run: (input: output<S>, ctx: Ctx) => Promise<R>,
  done: (result: R, ctx: Ctx) => IntentDone,
  /** `hideFields`: fields never sent back in the reply (passwords). */
  options: { hideFields?: string[] } = {},
): Intent<Ctx> {
  const { hideFields } = options;
  return {
    async submit(formData, ctx, { refused }) {
      const submission = parseForm(formData, schema, ctx.t);
      // `refused`: the page already refused part of the post (e.g. an upload): show the fields again.
      if (submission.status !== "success" || refused) return { ok: false, status: 400, result: submission.reply({ hideFields }) };
      let result: R;
      try {
        result = await run(submission.value, ctx);
      } catch (error) {
        return { ok: false, ...replyToError(submission, error, ctx.t, { hideFields }) };
      }
      const next = done(result, ctx);
      return { ok: true, response: next instanceof Response ? next : redirectWithFlash(ctx.request, next.to, next.flash) };
    },
  };
}

/**
 * The first step of a form that asks "are you sure?" (an acceptance, a signature): the form is parsed
 * with the real intent's schema and `check` may refuse it, but nothing is written. Its reply (200, the
 * values as posted, no error) lets the page show the confirmation, whose form then posts the real intent.
 */
export function reviewIntent<Ctx extends IntentContext, S extends $ZodType>(schema: S, check: (input: output<S>, ctx: Ctx) => Promise<void> = async () => {}): Intent<Ctx> {
  return {
    async submit(formData, ctx) {
      const submission = parseForm(formData, schema, ctx.t);
      if (submission.status !== "success") return { ok: false, status: 400, result: submission.reply() };
      try {
        await check(submission.value, ctx);
      } catch (error) {
        return { ok: false, ...replyToError(submission, error, ctx.t) };
      }
      return { ok: false, status: 200, result: submission.reply() };
    },
  };
}

/**
 * An intent whose result is shown this once on the page instead of after a redirect (a new secret key):
 * on success the page answers 200 with the form reset and `shown` (the result) in its reply, not cached;
 * reloading the page runs the loader only, so the result is never shown again.
 */
export function showOnceIntent<Ctx extends IntentContext, S extends $ZodType, R extends object>(schema: S, run: (input: output<S>, ctx: Ctx) => Promise<R>): Intent<Ctx> {
  return {
    async submit(formData, ctx, { refused }) {
      const submission = parseForm(formData, schema, ctx.t);
      if (submission.status !== "success" || refused) return { ok: false, status: 400, result: submission.reply() };
      try {
        const shown = await run(submission.value, ctx);
        return { ok: false, status: 200, result: submission.reply({ resetForm: true }), shown };
      } catch (error) {
        return { ok: false, ...replyToError(submission, error, ctx.t) };
      }
    },
  };
}

/** A page's intents, by name. */
export type IntentTable<Ctx extends IntentContext> = Record<string, Intent<Ctx>>;

/** The union of a table's intent names, for the form components (`import type`). */
export type IntentName<T> = Extract<keyof T, string>;

function isIntentName<T extends object>(table: T, name: unknown): name is IntentName<T> {
  return typeof name === "string" && Object.hasOwn(table, name);
}

/**
 * Runs the intent the form names (`intent` field): 400 when it names none of the table's, the redirect
 * on success, otherwise the form's reply with its status. `extra` is merged into the reply (e.g. the
 * files staged by an upload form, so that the page can show them again).
 */
export async function runIntent<Ctx extends IntentContext, T extends IntentTable<Ctx>, Extra extends object = Record<never, never>>(
  table: T,
  ctx: Ctx,
  formData: FormData,
  options: { extra?: Extra; refused?: boolean } = {},
) {
  const name = formData.get("intent");
  if (!isIntentName(table, name)) throw data(null, { status: 400 });
  const outcome = await table[name]!.submit(formData, ctx, { refused: options.refused ?? false });
  if (outcome.ok) return outcome.response;
  const base: IntentReply<IntentName<T>> = { intent: name, result: outcome.result };
  const reply: IntentReply<IntentName<T>> & Extra & { shown?: object } = Object.assign({}, options.extra, base, outcome.shown ? { shown: outcome.shown } : {});
  return data(reply, outcome.shown ? { status: outcome.status, headers: { "Cache-Control": "no-store" } } : { status: outcome.status });
}
