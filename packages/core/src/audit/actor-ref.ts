import type { Actor } from "@accord/auth";
import type { ActorKind } from "@accord/db";

/** Who did something, as events and rows record it. */
export interface ActorRef {
  kind: ActorKind;
  id: string | null;
}

export const SYSTEM: ActorRef = { kind: "system", id: null };

export function actorRef(actor: Actor): ActorRef {
  return { kind: actor.kind, id: actor.userId };
}
