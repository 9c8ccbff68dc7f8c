import type { Actor } from "@accord/auth";
import type { Db } from "@accord/db";

/**
 * What a use case receives: the database, who is asking (null when nobody is signed in; the use
 * case checks access itself), its input (the output of its exported schema: parsed once, by the
 * entry point), the clock, and whatever else this one needs (`Extra`, e.g. a public URL for its
 * e-mails).
 */
export type UseCaseArgs<Input, Extra extends object = object> = { db: Db; actor: Actor | null; input: Input; now: Date } & Extra;
