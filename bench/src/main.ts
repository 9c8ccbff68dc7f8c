import type { BenchResult } from "./report";
import { dashboardScenario } from "./dashboard/scenario";
import { dossierExportBench } from "./dossier-export";
import { queueScenario } from "./queue/scenario";
import { slaSweepScenario } from "./sla-sweep/scenario";
import { uploadBench } from "./upload";

/** Scenarios register here as the features that need them land (upload, queue…). */
const scenarios: Record<string, (args: string[]) => Promise<BenchResult[]>> = {
  upload: uploadBench,
  queue: queueScenario,
  "dossier-export": dossierExportBench,
  dashboard: dashboardScenario,
  "sla-sweep": slaSweepScenario,
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
