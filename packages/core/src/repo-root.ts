import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The monorepo root: the nearest folder above `start` whose package.json declares workspaces. */
export function repoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ("workspaces" in JSON.parse(readFileSync(manifest, "utf8"))) return dir;
      } catch {
        // unreadable manifest: keep looking upwards
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}
