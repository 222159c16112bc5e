/**
 * The accounts a fake platform builds: its built-in demo account first (a spec with the demo's
 * name replaces it: benchmarks grow it that way), then every other spec asked for.
 */
export function withDemoSpec<T>(specs: readonly T[] | undefined, builtIn: T, isDemo: (spec: T) => boolean): T[] {
  const asked = specs ?? [];
  return [asked.find(isDemo) ?? builtIn, ...asked.filter((spec) => !isDemo(spec))];
}
