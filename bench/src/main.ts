import type { BenchResult } from "./report";
import { dossierExportBench } from "./dossier-export";
import { emailRenderBench } from "./email-render";
import { queueScenario } from "./queue/scenario";
import { uploadBench } from "./upload";

/** Scenarios register here as the features that need them land (upload, queue…). */
const scenarios: Record<string, (args: string[]) => Promise<BenchResult[]>> = {
  upload: uploadBench,
  queue: queueScenario,
  "dossier-export": dossierExportBench,
  "email-render": emailRenderBench,
};

async function main(argv: string[]) {
  const [name, ...args] = argv;
  const known = Object.keys(scenarios);
  if (!name || !scenarios[name]) {
    console.error(`Usage: npm run bench -- <scenario>\nScenarios: ${known.length > 0 ? known.join(", ") : "(none yet)"}`);
    process.exitCode = name ? 1 : 0;
    return;
  }
  const results = await scenarios[name](args);
  if (results.some((r) => !r.pass)) process.exitCode = 1;
}

void main(process.argv.slice(2));
