import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: "unit", isolate: false, testTimeout: 120_000, include: ["src/**/*.test.ts"], exclude: ["src/**/*.int.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          isolate: false,
          include: ["src/**/*.int.test.ts"],
          globalSetup: ["@accord/db/testing/global-setup"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
