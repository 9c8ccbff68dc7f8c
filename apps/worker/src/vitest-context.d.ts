// The db harness declares its vitest `ProvidedContext` keys in its global setup;
// pulling that file into this program lets `@accord/db/testing` typecheck here.
import type {} from "@accord/db/testing/global-setup";
