import { readFile } from "node:fs/promises";
import type { BenchResult } from "./report";

/** A scenario family with more lines than this for one metric (email-render: every template in two languages) shows its worst line only. */
const MAX_LINES_PER_METRIC = 12;

function isResult(value: unknown): value is BenchResult {
  const r = value as Partial<BenchResult> | null;
  return !!r && typeof r.scenario === "string" && typeof r.metric === "string" && typeof r.value === "number" && typeof r.pass === "boolean";
}

const number = (value: number | null) => (value === null ? "—" : String(value));

/** The family of a line: the scenario's first segment, and its dataset size when it has one (`dashboard/1m/…`). */
function familyOf(r: BenchResult): string {
  const [first, second] = r.scenario.split("/");
  return `${first}${second && /^\d+[km]$/.test(second) ? `/${second}` : ""} ${r.metric}`;
}

/**
 * `npm run bench -- table <file.jsonl>…`: the JSON lines of one or more runs (what the scenarios print
 * on stdout; other lines are skipped) as the Markdown table of the README's "Performance" section,
 * in the order read. A family of many lines for one metric (`email-render/<template>/<language>`, or
 * `dashboard/<size>/<filters>/<panel>` for one size) is shown by its worst ratio, with how many lines it
 * stands for and how many met their goal.
 */
export async function benchTable(files: string[]): Promise<string> {
  if (files.length === 0) throw new Error("usage: npm run bench -- table <results.jsonl>…");
  const results: BenchResult[] = [];
  for (const file of files) {
    for (const line of (await readFile(file, "utf8")).split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        const parsed: unknown = JSON.parse(line);
        if (isResult(parsed)) results.push(parsed);
      } catch {
        // not one of ours
      }
    }
  }
  if (results.length === 0) throw new Error(`no benchmark line in ${files.join(", ")}`);
  const families = new Map<string, BenchResult[]>();
  for (const r of results) {
    const key = familyOf(r);
    families.set(key, [...(families.get(key) ?? []), r]);
  }
  const rows = ["| scenario | metric | value | baseline | ratio | goal | met |", "|---|---|---|---|---|---|---|"];
  const emitted = new Set<string>();
  for (const r of results) {
    const key = familyOf(r);
    const family = families.get(key)!;
    if (family.length > MAX_LINES_PER_METRIC) {
      if (emitted.has(key)) continue;
      emitted.add(key);
      const worst = family.reduce((a, b) => ((b.ratio ?? 0) > (a.ratio ?? 0) ? b : a));
      const met = family.filter((x) => x.pass).length;
      rows.push(
        `| ${worst.scenario} (worst of ${family.length}) | ${worst.metric} | ${number(worst.value)} ${worst.unit} | ${number(worst.baseline)} | ${number(worst.ratio)} | ${worst.goal} | ${met} of ${family.length} |`,
      );
      continue;
    }
    rows.push(`| ${r.scenario} | ${r.metric} | ${number(r.value)} ${r.unit} | ${number(r.baseline)} | ${number(r.ratio)} | ${r.goal} | ${r.goal.startsWith("reported") ? "—" : r.pass ? "yes" : "**no**"} |`);
  }
  return rows.join("\n");
}
