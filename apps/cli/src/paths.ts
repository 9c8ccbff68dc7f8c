import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (apps/cli/src → ../../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const dataDir = path.join(repoRoot, ".data");
export const embeddedDataDir = path.join(dataDir, "pg");
/** While the embedded server runs, its connection string is here for the other tools. */
export const databaseUrlFile = path.join(dataDir, "database-url");
