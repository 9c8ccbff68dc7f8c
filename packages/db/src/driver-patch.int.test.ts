import { createServer, connect, type Server, type Socket } from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, waitUntil, type TestDb } from "./testing";

/**
 * The fixes of patches/postgres+3.4.9.patch (ADR 0018), on a real server. A pool of ONE connection, so
 * that the next query runs on the very connection the server cut.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("postgres.js 3.4.9 as patched", () => {
  it("a FATAL that cut a query (the server shutting down: 57P01) does not fail the first query of the next connection", async () => {
    const sql = postgres(t.url, { max: 1, onnotice: () => {}, connection: { application_name: "accord-driver-patch" } });
    try {
      const sleeping = sql`select pg_sleep(60)`.then(
        () => "finished",
        (error: { code?: string }) => error.code ?? "failed",
      );
      const pid = await waitUntil("the sleeping query to show in pg_stat_activity", async () => {
        const [row] = await t.sql<{ pid: number }[]>`
          select pid from pg_stat_activity where application_name = 'accord-driver-patch' and query like 'select pg_sleep%' and state = 'active'`;
        return row?.pid;
      });
      // What a fast shutdown does to each backend: FATAL 57P01 "terminating connection due to administrator command".
      await t.sql`select pg_terminate_backend(${pid})`;
      expect(await sleeping).not.toBe("finished");
      // Unpatched, the connection kept that FATAL and failed the next query with it, long after the server was back.
      const [row] = await sql<{ one: number }[]>`select 1 as one`;
      expect(row?.one).toBe(1);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it("a connection cut while it fetches the array types fails the waiting query, not the process (no unhandled rejection)", async () => {
    // A proxy in front of the server that resets the connection the first time the driver sends its
    // array-types query (the first statement of every new connection), as a server going down would.
    const upstream = new URL(t.url);
    let cut = 0;
    const sockets = new Set<Socket>();
    const proxy: Server = createServer((client) => {
      const server = connect(Number(upstream.port), upstream.hostname);
      sockets.add(client).add(server);
      client.on("error", () => {});
      server.on("error", () => {});
      client.on("close", () => server.destroy());
      server.on("close", () => client.destroy());
      server.on("data", (data: Buffer) => client.write(data));
      client.on("data", (data: Buffer) => {
        if (cut === 0 && data.includes("typarray")) {
          cut += 1;
          client.resetAndDestroy();
          return;
        }
        server.write(data);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const url = new URL(upstream);
    url.host = `127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const first = await sql`select 1 as one`.then(
        () => "answered",
        (error: { code?: string }) => error.code ?? "failed",
      );
      expect(cut).toBe(1);
      expect(first).toBe("ECONNRESET");
      // The next connection fetches the types again and answers.
      const [row] = await sql<{ one: number }[]>`select 1 as one`;
      expect(row?.one).toBe(1);
      // Unpatched, the types query's dropped promise rejected unhandled: Node ends the process on that.
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      await sql.end({ timeout: 5 });
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
