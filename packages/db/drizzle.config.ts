import { defineConfig } from "drizzle-kit";

// Migrations are generated as SQL files and committed; never `drizzle-kit push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
});
