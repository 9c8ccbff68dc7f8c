import type { Writable } from "node:stream";
import type { Sql } from "@accord/db";

type Reserved = Awaited<ReturnType<Sql["reserve"]>>;
export type CopyValue = string | number | null | undefined | Date;

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format (`\N` for null, backslash escapes). */
function field(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return String(value);
  return SPECIAL.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

/**
 * A `COPY table (columns) FROM STDIN` on its own connection, fed row by row: rows are joined into
 * large chunks, and `row()` waits when PostgreSQL is slower than the generator (backpressure).
 * The connection skips triggers and foreign-key checks for the load (session_replication_role =
 * replica, as pg_restore does); the generator writes consistent rows itself.
 */
export class CopyStream {
  private chunk: string[] = [];
  private size = 0;
  rows = 0;

  private readonly connection: Reserved;
  private readonly stream: Writable;
  private readonly done: Promise<void>;

  private constructor(connection: Reserved, stream: Writable, done: Promise<void>) {
    this.connection = connection;
    this.stream = stream;
    this.done = done;
  }

  static async open(sql: Sql, table: string, columns: readonly string[]): Promise<CopyStream> {
    const connection = await sql.reserve();
    await connection`set session_replication_role = replica`;
    await connection`set synchronous_commit = off`;
    const stream = await connection.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
    const done = new Promise<void>((resolve, reject) => {
      stream.on("finish", () => resolve());
      stream.on("error", reject);
    });
    return new CopyStream(connection, stream, done);
  }

  async row(values: readonly CopyValue[]): Promise<void> {
    const line = values.map(field).join("\t") + "\n";
    this.chunk.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size >= 1 << 18) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const data = this.chunk.join("");
    this.chunk = [];
    this.size = 0;
    if (!this.stream.write(data)) await new Promise<void>((resolve) => this.stream.once("drain", () => resolve()));
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    this.connection.release();
    return this.rows;
  }
}
