import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";

export interface AppRoute {
  /** The full path, children joined to their parent's ("admin/sla"); "" for the index, "*" for the catch-all. */
  path: string;
  file: string;
  /** A default component: a page (a route without one is a resource route). */
  isPage: boolean;
  /** Has child routes: the frame around them (checked on every child page). */
  isLayout: boolean;
}

/** The app folder of `apps/<app>/app`. */
function appDir(app: "portal" | "backoffice"): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../../apps/${app}/app`);
}

/** Every route of apps/<app>/app/routes.ts, with what its module exports. */
export function appRoutes(app: "portal" | "backoffice"): AppRoute[] {
  const dir = appDir(app);
  const source = readFileSync(path.join(dir, "routes.ts"), "utf8");
  expect(source, `${app} routes.ts uses layout()/prefix(): teach e2e/support/routes.ts to read it`).not.toMatch(/\b(layout|prefix)\(/);
  const routes: AppRoute[] = [];
  // Parents of the routes being read: route("admin", file, [ ...children ]) opens one, its "]" closes it.
  const parents: string[] = [];
  for (const match of source.matchAll(/\b(index|route)\(\s*(?:"([^"]*)"\s*,\s*)?"([^"]+)"(\s*,\s*\[)?|\]/g)) {
    const [token, kind, routePath, file, children] = match;
    if (token === "]") {
      parents.pop(); // the last "]" closes the top-level array: nothing to pop then
      continue;
    }
    const parent = parents.at(-1) ?? "";
    const own = kind === "index" ? "" : routePath!;
    const fullPath = [parent, own].filter(Boolean).join("/");
    const code = readFileSync(path.join(dir, file!), "utf8");
    routes.push({ path: fullPath, file: file!, isPage: /export\s+default\b/.test(code), isLayout: !!children });
    if (children) parents.push(fullPath);
  }
  return routes;
}

/** No stale entry in a spec's lists: each page and each resource route it names is a route of routes.ts of that kind. */
export function expectNoStaleRoutes(routes: readonly AppRoute[], pages: object, resourceRoutes: ReadonlySet<string>): void {
  const pagePaths = routes.filter((r) => r.isPage && !r.isLayout).map((r) => r.path);
  expect(Object.keys(pages).filter((p) => !pagePaths.includes(p)), "pages listed here but not in routes.ts").toEqual([]);
  const resourcePaths = routes.filter((r) => !r.isPage).map((r) => r.path);
  expect([...resourceRoutes].filter((p) => !resourcePaths.includes(p)), "resource routes listed here but not in routes.ts").toEqual([]);
}
