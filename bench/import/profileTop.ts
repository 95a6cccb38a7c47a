// tsx bench/import/profileTop.ts <file.cpuprofile> [--top 25] [--by file] [--total a,b,c]
// Self time per function (or per source file) of a V8 CPU profile written by
// `node --cpu-prof` or prepareProfile.ts --profile: what BENCHMARKS.md's "top
// self-time functions" tables list. --total names functions whose inclusive
// time (their own and their callees', recursion counted once) is printed too.
import { readFileSync } from 'node:fs';
import { argValue } from '../lib/metrics.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const argv = process.argv.slice(2);
const file = argv.find((a) => a.endsWith('.cpuprofile'));
if (!file) {
  console.error('usage: tsx bench/import/profileTop.ts <file.cpuprofile> [--top N] [--by file]');
  process.exit(1);
}
const TOP = Number(argValue(argv, 'top') ?? 25);
const BY_FILE = argValue(argv, 'by') === 'file';
const TOTAL = (argValue(argv, 'total') ?? '').split(',').filter((n) => n !== '');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const shortUrl = (url: string) => url.replace(/^file:\/\//u, '').replace(/^.*\/node_modules\//u, '~/').replace(/^.*\/wt-[^/]+\//u, '');
const totals = new Map<string, number>();
let all = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id) as ProfileNode;
  const { functionName, url, lineNumber } = node.callFrame;
  all += us;
  if (functionName === '(idle)' || functionName === '(program)') idle += functionName === '(idle)' ? us : 0;
  const key = BY_FILE ? shortUrl(url) || functionName : `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
  totals.set(key, (totals.get(key) ?? 0) + us);
}
const busy = all - idle;
console.log(`${(busy / 1000).toFixed(0)} ms sampled (idle excluded)`);
for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  if (key !== '(idle)') console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);

if (TOTAL.length > 0) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>(TOTAL.map((n) => [n, 0]));
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = (byId.get(at) as ProfileNode).callFrame.functionName;
      if (inclusive.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) as number) + us);
      }
    }
  }
  console.log('inclusive:');
  for (const [name, us] of inclusive) console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}
