import { createAppDatabase } from "@accord/web/db";
import { APP } from "./app";

/** The database of this process; routes read it with `context.get(dbContext)`, the dashboard with `context.get(kpiDbContext)`. */
export { dbContext, kpiDbContext } from "@accord/web/db";

export const { database, dbMiddleware, pingDatabase, closeDatabase } = createAppDatabase(APP);
