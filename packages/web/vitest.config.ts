import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: "unit", isolate: false, testTimeout: 60_000, include: ["src/**/*.test.{ts,tsx}"], exclude: ["src/**/*.int.test.{ts,tsx}"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["src/**/*.int.test.{ts,tsx}"],
          globalSetup: ["@accord/db/testing/global-setup"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
