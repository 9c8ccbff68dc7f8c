import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot as findRepoRoot } from "@accord/core/repo-root";

/** The repository root (the folder whose package.json declares the workspaces). */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
/** Where the embedded database and the dev mailbox live (ACCORD_DATA_DIR overrides, e.g. in tests). */
export const dataDir = path.resolve(process.env.ACCORD_DATA_DIR || path.join(repoRoot, ".data"));
export const embeddedDataDir = path.join(dataDir, "pg");
/** While the embedded server runs, its connection string is here for the other tools. */
export const databaseUrlFile = path.join(dataDir, "database-url");
