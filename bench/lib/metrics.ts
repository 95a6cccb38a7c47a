// Shared by every benchmark: percentiles, timing, and the `--json` metrics
// line that CI scripts and BENCHMARKS.md read.

export interface Metric {
  name: string;
  value: number;
  unit: string;
  peer: string;
  peerValue: number;
  ratio: number;
  goal: string;
  pass: boolean;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function timeMs<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function metric(m: Omit<Metric, 'ratio'> & { ratio?: number }): Metric {
  const ratio = m.ratio ?? (m.peerValue === 0 ? Number.NaN : m.value / m.peerValue);
  return { ...m, value: round(m.value, 3), peerValue: round(m.peerValue, 3), ratio: round(ratio, 3) };
}

export function printMetrics(metrics: readonly Metric[], json: boolean): void {
  const width = Math.max(...metrics.map((m) => m.name.length));
  for (const m of metrics) {
    console.log(
      `${m.pass ? 'PASS' : 'MISS'}  ${m.name.padEnd(width)}  ${String(m.value).padStart(10)} ${m.unit.padEnd(10)} vs ${m.peer} ${m.peerValue}  ratio ${m.ratio}  goal ${m.goal}`,
    );
  }
  if (json) console.log(JSON.stringify({ metrics }));
}

export function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i !== -1) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

export function memoryMb(): { rss: number; heap: number } {
  const m = process.memoryUsage();
  return { rss: m.rss / 1048576, heap: m.heapUsed / 1048576 };
}

export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}
