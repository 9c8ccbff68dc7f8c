/** One benchmark measurement, printed as one JSON line (the format PRODUCT.md fixes). */
export type BenchResult = {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  /** The reference measured in the same run; null for an absolute goal (e.g. peak RSS). */
  baseline: number | null;
  ratio: number | null;
  goal: string;
  pass: boolean;
};

export function report(result: BenchResult): void {
  console.log(JSON.stringify(result));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** A time against its baseline measured in the same run: it passes at `limit` times the baseline or less. */
export function ratioResult(scenario: string, metric: string, value: number, baseline: number, limit: number, goal: string): BenchResult {
  const ratio = value / baseline;
  return { scenario, metric, value: round(value), unit: "ms", baseline: round(baseline), ratio: round(ratio), goal, pass: ratio <= limit };
}
