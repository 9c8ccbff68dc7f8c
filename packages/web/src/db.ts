import { appendFileSync } from "node:fs";
import type { AppName } from "@accord/auth";
import { createDb, type Db, type DbHandle } from "@accord/db";
import { createContext, type MiddlewareFunction } from "react-router";
import { env } from "./env";

/** The database of this process; routes read it with `context.get(dbContext)`. */
export const dbContext = createContext<Db>();
/**
 * The database the dashboard reads (its panels, filter choices and review pack): the read replica named by
 * KPI_DATABASE_URL, else the same database as `dbContext`. Reads only: a replica refuses writes.
 */
export const kpiDbContext = createContext<Db>();

// Kept on globalThis so the dev server's module reloads reuse one pool, and so server.ts can close it on shutdown.
const HANDLE = Symbol.for("accord.db");
const KPI_HANDLE = Symbol.for("accord.kpi-db");
type Holder = { [HANDLE]?: DbHandle; [KPI_HANDLE]?: DbHandle };

export interface AppDatabase {
  /** The one pool of this process, opened on first use (postgres.js connects lazily). */
  database(): DbHandle;
  /** Puts the database in the context (`dbContext`, and `kpiDbContext`) for every later middleware, loader and action. */
  dbMiddleware: MiddlewareFunction<Response>;
  /** `select 1`, failing after `timeoutMs` so a health check answers quickly when the database does not. */
  pingDatabase(timeoutMs?: number): Promise<void>;
  /** Ends the pools, if they were opened (graceful shutdown). */
  closeDatabase(): Promise<void>;
}

/**
 * The database access of one app; its connections are named `accord-<app>` in PostgreSQL (`accord-<app>-kpi`
 * on the dashboard's replica). `urls`: the connection strings, read from the environment by default.
 */
export function createAppDatabase(
  app: AppName,
  urls: () => { database: string; kpi: string | null } = () => ({ database: env().DATABASE_URL, kpi: env().KPI_DATABASE_URL }),
): AppDatabase {
  const open = (url: string, applicationName: string): DbHandle => {
    const sqlLog = env().ACCORD_SQL_LOG;
    return createDb(url, {
      applicationName,
      // Synchronous on purpose: the line is on disk before the response, so the reader sees every statement.
      ...(sqlLog ? { logQuery: (query: string, params: unknown[]) => appendFileSync(sqlLog, `${JSON.stringify({ query, params })}\n`) } : {}),
    });
  };

  function database(): DbHandle {
    const holder = globalThis as Holder;
    holder[HANDLE] ??= open(urls().database, `accord-${app}`);
    return holder[HANDLE];
  }

  /** The dashboard's pool: KPI_DATABASE_URL's (opened on first use), or `database()` when it is unset. */
  function kpiDatabase(): DbHandle {
    const kpi = urls().kpi;
    if (!kpi) return database();
    const holder = globalThis as Holder;
    holder[KPI_HANDLE] ??= open(kpi, `accord-${app}-kpi`);
    return holder[KPI_HANDLE];
  }

  const dbMiddleware: MiddlewareFunction<Response> = ({ context }) => {
    context.set(dbContext, database().db);
    context.set(kpiDbContext, kpiDatabase().db);
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
    const handles = [holder[HANDLE], holder[KPI_HANDLE]];
    holder[HANDLE] = undefined;
    holder[KPI_HANDLE] = undefined;
    await Promise.all(handles.map((handle) => handle?.close()));
  }

  return { database, dbMiddleware, pingDatabase, closeDatabase };
}
