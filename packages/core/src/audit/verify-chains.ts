import { sql } from "drizzle-orm";
import type { Db } from "@accord/db";
import { walkAdminChain, walkCaseChains, type ChainBreakAt } from "./chain-walk";

export type ChainsVerification =
  /** The database has no Accord schema (no event tables): nothing was checked. */
  | { status: "no_schema" }
  | { status: "intact"; events: number; chains: number }
  | { status: "broken"; events: number; chains: number; broken: ChainBreakAt };

/**
 * Verifies every case chain, then the administrative chain (`npm run accord -- audit:verify`):
 * streams the events in batches (never all in memory) inside one read-only snapshot, and stops at the
 * first break, naming the case and the event. An operator's tool: it reads the whole database, so it
 * takes no actor (whoever runs it already holds the database's credentials).
 */
export async function verifyChains({ db, batchSize }: { db: Db; batchSize?: number }): Promise<ChainsVerification> {
  const [tables] = await db.execute<{ ok: boolean }>(
    sql`select (to_regclass('case_events') is not null and to_regclass('admin_events') is not null and to_regclass('cases') is not null) as ok`,
  );
  if (!tables?.ok) return { status: "no_schema" };
  return db.transaction(
    async (tx) => {
      const caseWalk = await walkCaseChains(tx, { batchSize });
      if (caseWalk.broken) return { status: "broken", events: caseWalk.events, chains: caseWalk.chains, broken: caseWalk.broken };
      const adminWalk = await walkAdminChain(tx, { batchSize });
      const events = caseWalk.events + adminWalk.events;
      const chains = caseWalk.chains + adminWalk.chains;
      if (adminWalk.broken) return { status: "broken", events, chains, broken: adminWalk.broken };
      return { status: "intact", events, chains };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
