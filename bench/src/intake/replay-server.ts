/**
 * The intake benchmark's baselines, each a bare `node:http` server on its own process (as the portal
 * is), started by scenario.ts with a JSON plan in INTAKE_REPLAY_PLAN:
 *
 * - `replay`: per request, reads the body, then runs the statements one claim creation sent through
 *   the API (captured from the portal's SQL log) in ONE transaction through postgres.js (the pool
 *   `createDb` opens, 10 connections as the portal's), with fresh values where a unique constraint
 *   or the data flow needs them: the request's API key (its hash and id) and Idempotency-Key, the
 *   reference the replayed `accord_next_case_reference` returns, the ids the replayed inserts of the
 *   case and of its acknowledgement e-mail return, a new submission key. Answers 201 with the reference.
 * - `insert`: per request, reads the body and INSERTs it as one row (the physical floor).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { createDb } from "@accord/db";

export interface Statement {
  query: string;
  params: unknown[];
}

export interface ReplayPlan {
  mode: "replay" | "insert";
  databaseUrl: string;
  port: number;
  statements: Statement[];
  /** The captured request's values, replaced in every string parameter (also inside JSON texts). */
  captured: { keyHash: string; keyId: string; idempotencyKey: string; reference: string; caseId: string; submissionKey: string | null; emailId: string | null };
  /** Each API key's hash and id by the key itself (the request's Bearer token). */
  keys: Record<string, { keyHash: string; keyId: string }>;
}

/** Every string in `value` (deeply, JSON texts included) with each `from` replaced by its `to`. */
export function substitute(value: unknown, replacements: [string, string][]): unknown {
  if (typeof value === "string") {
    let out = value;
    for (const [from, to] of replacements) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, replacements));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, replacements)]));
  return value;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

async function main() {
  const plan = JSON.parse(process.env.INTAKE_REPLAY_PLAN ?? "") as ReplayPlan;
  const { sql } = createDb(plan.databaseUrl, { applicationName: `accord-bench-${plan.mode}` });
  const { captured } = plan;

  async function replay(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const body = await readBody(req);
    JSON.parse(body);
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const key = plan.keys[token];
    if (!key) return { status: 401, body: "unknown key" };
    const replacements: [string, string][] = [
      [captured.keyHash, key.keyHash],
      [captured.keyId, key.keyId],
      [captured.idempotencyKey, String(req.headers["idempotency-key"] ?? randomUUID())],
      ...(captured.submissionKey ? [[captured.submissionKey, randomUUID()] as [string, string]] : []),
    ];
    const reference = await sql.begin(async (tx) => {
      let reference = captured.reference;
      for (const statement of plan.statements) {
        const rows = await tx.unsafe(statement.query, substitute(statement.params, replacements) as never[]);
        const row = rows[0] as Record<string, unknown> | undefined;
        if (/accord_next_case_reference/.test(statement.query) && typeof row?.reference === "string") {
          reference = row.reference;
          replacements.push([captured.reference, reference]);
        } else if (/^insert into "cases"/.test(statement.query) && typeof row?.id === "string") {
          replacements.push([captured.caseId, row.id]);
        } else if (captured.emailId && /^insert into "email_messages"/.test(statement.query) && typeof row?.id === "string") {
          // The acknowledgement's id names its send job (job_key email:<id>): a fresh one, as the app's.
          replacements.push([captured.emailId, row.id]);
        }
      }
      return reference;
    });
    return { status: 201, body: JSON.stringify({ reference }) };
  }

  async function insert(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const body = await readBody(req);
    const [row] = await sql`insert into bench_intake_floor (body) values (${body}) returning id`;
    return { status: 201, body: JSON.stringify({ id: String(row!.id) }) };
  }

  const handle = plan.mode === "replay" ? replay : insert;
  const server = createServer((req, res) => {
    handle(req).then(
      ({ status, body }) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(body);
      },
      (error: unknown) => {
        process.stderr.write(`${plan.mode}: ${String(error)}\n`);
        res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(String(error));
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  server.listen(plan.port, "127.0.0.1", () => process.stdout.write("ready\n"));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void sql.end({ timeout: 5 }).then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.env.INTAKE_REPLAY_PLAN) void main();
