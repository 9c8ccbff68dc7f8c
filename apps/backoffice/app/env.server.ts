/** The environment of this process, validated (zod) once: see @accord/web/env. */
export { env, parseEnv, repoRoot, type Env } from "@accord/web/env";
