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
