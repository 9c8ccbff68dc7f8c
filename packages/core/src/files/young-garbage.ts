import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Gc = (options?: { type?: "minor" | "major"; execution?: "sync" | "async" }) => void;
let gc: Gc | null | undefined;

/**
 * Frees the buffers a stream has finished with. A streamed upload allocates one buffer per socket
 * read (≈ 64 KB) that is garbage as soon as it is hashed and written, but V8 frees buffers only at its
 * next scavenge, and a pure byte stream allocates too few JavaScript objects to trigger one soon: tens
 * of megabytes of dead buffers pile up before a collection. Asking for a minor (young generation)
 * collection every few megabytes costs about a millisecond and keeps resident memory flat.
 * Without access to the collector this does nothing.
 */
export function collectYoungGarbage(): void {
  collect({ type: "minor" });
}

function collect(options: Parameters<Gc>[0]): void {
  if (gc === undefined) {
    try {
      if (typeof globalThis.gc === "function") gc = globalThis.gc as Gc;
      else {
        setFlagsFromString("--expose-gc");
        gc = runInNewContext("gc") as Gc;
      }
    } catch {
      gc = null;
    }
  }
  try {
    gc?.(options);
  } catch {
    gc = null;
  }
}
