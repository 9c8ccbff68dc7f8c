import { appendFileSync } from "node:fs";
import type { AppName } from "@accord/auth";
import { createDb, type Db, type DbHandle } from "@accord/db";
import { createContext, type MiddlewareFunction } from "react-router";
import { env } from "./env";

/** The database of this process; routes read it with `context.get(dbContext)`. */
export const dbContext = createContext<Db>();

// Kept on globalThis so the dev server's module reloads reuse one pool, and so server.ts can close it on shutdown.
const HANDLE = Symbol.for("accord.db");
type Holder = { [HANDLE]?: DbHandle };

export interface AppDatabase {
  /** The one pool of this process, opened on first use (postgres.js connects lazily). */
  database(): DbHandle;
  /** Puts the database in the context (`dbContext`) for every later middleware, loader and action. */
  dbMiddleware: MiddlewareFunction<Response>;
  /** `select 1`, failing after `timeoutMs` so a health check answers quickly when the database does not. */
  pingDatabase(timeoutMs?: number): Promise<void>;
  /** Ends the pool, if one was opened (graceful shutdown). */
  closeDatabase(): Promise<void>;
}

/** The database access of one app; its connections are named `accord-<app>` in PostgreSQL. */
export function createAppDatabase(app: AppName): AppDatabase {
  function database(): DbHandle {
    const holder = globalThis as Holder;
    const sqlLog = env().ACCORD_SQL_LOG;
    holder[HANDLE] ??= createDb(env().DATABASE_URL, {
      applicationName: `accord-${app}`,
      // Synchronous on purpose: the line is on disk before the response, so the reader sees every statement.
      ...(sqlLog ? { logQuery: (query: string, params: unknown[]) => appendFileSync(sqlLog, `${JSON.stringify({ query, params })}\n`) } : {}),
    });
    return holder[HANDLE];
  }

  const dbMiddleware: MiddlewareFunction<Response> = ({ context }) => {
    context.set(dbContext, database().db);
  };

  async function pingDatabase(timeoutMs = 3_000): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database ping timed out")), timeoutMs);
    });
    try {
      await Promise.race([database().sql`select 1`, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function closeDatabase(): Promise<void> {
    const holder = globalThis as Holder;
    const handle = holder[HANDLE];
    holder[HANDLE] = undefined;
    await handle?.close();
  }

  return { database, dbMiddleware, pingDatabase, closeDatabase };
}
