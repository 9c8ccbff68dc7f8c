import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.{ts,tsx}"], exclude: ["src/**/*.int.test.{ts,tsx}"] } },
      { test: { name: "integration", include: ["src/**/*.int.test.{ts,tsx}"] } },
    ],
  },
});
