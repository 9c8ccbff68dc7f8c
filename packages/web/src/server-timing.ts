/**
 * `Server-Timing: app;dur=<ms>` on every response of the handler it wraps: the time from the request
 * reaching this middleware to the response's headers being written (for a page: auth, loaders and
 * the render of the shell). Always on and cheap (one clock read at each end); the queue benchmark
 * reads it as the page's server time, and a browser's network panel shows it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

type Next = (error?: unknown) => void;

/** Appends `<name>;dur=<ms>` (3 decimals) to the response's Server-Timing header when its head is written. */
export function serverTiming(name = "app", clock: () => number = () => performance.now()) {
  return (_req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const start = clock();
    const writeHead = res.writeHead;
    // Node writes implicit headers (first write() / end()) through writeHead too.
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      if (!this.headersSent) {
        const entry = `${name};dur=${(clock() - start).toFixed(3)}`;
        const existing = this.getHeader("Server-Timing");
        const previous = Array.isArray(existing) ? existing.join(", ") : existing === undefined ? "" : String(existing);
        this.setHeader("Server-Timing", previous ? `${previous}, ${entry}` : entry);
      }
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
