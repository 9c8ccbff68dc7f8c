/** The dataset sizes a scenario may be asked for. */
export const SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };

export interface DatasetArgs {
  sizes: string[];
  iterations: number;
  fresh: boolean;
  explain: boolean;
  smoke: boolean;
}

/**
 * The options of a scenario over the generated datasets: `--sizes 10k,100k,1m`, `--iterations N`,
 * `--fresh`, `--explain`, `--smoke` (10 k and `smokeIterations`); any other argument goes to `other`
 * (with a function to read its value), which returns false for an unknown one.
 */
export function parseDatasetArgs(
  args: string[],
  defaults: { iterations: number; smokeIterations: number; usage: string },
  other: (arg: string, value: () => string) => boolean = () => false,
): DatasetArgs {
  const options: DatasetArgs = { sizes: ["10k", "100k", "1m"], iterations: defaults.iterations, fresh: false, explain: false, smoke: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i] ?? "";
    if (arg === "--sizes") options.sizes = value().toLowerCase().split(",").filter(Boolean);
    else if (arg.startsWith("--sizes=")) options.sizes = arg.slice(8).toLowerCase().split(",").filter(Boolean);
    else if (arg === "--iterations") options.iterations = Number(value());
    else if (arg === "--fresh") options.fresh = true;
    else if (arg === "--explain") options.explain = true;
    else if (arg === "--smoke") options.smoke = true;
    else if (!other(arg, value)) throw new Error(`unknown argument ${arg} (use ${defaults.usage})`);
  }
  if (options.smoke) {
    options.sizes = ["10k"];
    options.iterations = defaults.smokeIterations;
  }
  for (const size of options.sizes) if (!SIZES[size]) throw new Error(`unknown size ${size} (10k, 100k, 1m)`);
  if (!Number.isInteger(options.iterations) || options.iterations < 1) throw new Error("--iterations must be a positive integer");
  return options;
}
