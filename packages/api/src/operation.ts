import type { ApiPrincipal, FileStore } from "@accord/core";
import type { CustomerActor } from "@accord/auth";
import type { Db } from "@accord/db";
import type { z } from "zod";
import type { ApiTranslate } from "./i18n";
import type { ReceivedApiFile } from "./multipart";

/** What every operation's handler may use beside its parsed request. */
export interface ApiConfig {
  /** Public base URL of the portal (links in answers and e-mails). */
  portalUrl: string;
  /** Public base URL of the back-office (links in staff e-mails). */
  backofficeUrl: string;
}

export interface OperationContext<Params, Query, Body> {
  db: Db;
  /** The key's acting user (customer operations), null for an integration key. */
  actor: CustomerActor | null;
  principal: ApiPrincipal;
  params: Params;
  query: Query;
  body: Body;
  now: Date;
  config: ApiConfig;
  /** The client's Idempotency-Key, scoped to the key (null without one). */
  idempotencyKey: string | null;
  /** The files of a multipart body, streamed to temporary files of `store` (removed after the answer unless staged). */
  files: ReceivedApiFile[];
  store: FileStore;
  /** The client's User-Agent (recorded with a signature). */
  userAgent: string | null;
  /** This request's URL (to build `next` links). */
  url: URL;
  t: ApiTranslate;
}

export interface OperationResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

type AnyObject = z.ZodType<Record<string, unknown>>;

/**
 * One operation of the public API: its route, who may call it, the zod schemas of its parameters,
 * query, body and answers (they validate the request and generate the OpenAPI document), and its
 * handler (parse → one use case → answer). Adding an operation: one file in `operations/` exporting
 * `defineOperation({...})`, listed in `operations/index.ts`.
 */
export interface Operation<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType> {
  method: "GET" | "POST";
  /** Under /api/v1, OpenAPI style: `/claims/{reference}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** "customer": a company's key (acting as its user); "imports": an integration key. */
  access: "customer" | "imports";
  params?: P;
  query?: Q;
  /** A JSON body, with an example (the generated test posts it). */
  body?: { schema: B; example: z.input<B> };
  /**
   * A multipart body instead: its text fields' schema (and an example), and the name of its file
   * field (one or more files, streamed to the file store).
   */
  multipart?: { schema: B; example: Record<string, string>; fileField: string; fileDescription: string };
  /**
   * A CSV file as the raw body instead (`Content-Type: text/csv`, ADR 0038): read whole into a bounded
   * buffer (over `maxBytes` → 413) and handed to the operation as `body` (a Buffer); its example is
   * posted by the generated test.
   */
  csv?: { example: string; description: string; maxBytes: number };
  /** Rename a use case's field name to the body's JSON path in errors (e.g. `claimedAmount` → `claimedAmountCents`). */
  renameField?: (field: string) => string;
  /**
   * Why the documented example cannot succeed on a fresh claim (e.g. it needs a proposal offered by
   * staff): the generated test then accepts a documented 404/409 for it, never a 400/422.
   */
  exampleNeeds?: string;
  /** The success status (200, or 201 for a creation) and its body's schema. */
  success: { status: 200 | 201; description: string; schema: z.ZodType };
  /** Other statuses this operation answers with problem+json (401, 403, 429, 422 are documented for all). */
  problems?: number[];
  handle(context: OperationContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<OperationResult>;
}

/** Types an operation's handler from its schemas. */
export function defineOperation<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(operation: Operation<P, Q, B>): Operation<P, Q, B> {
  return operation;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any, any>;
