// Resident memory of a process tree from /proc (Linux): the Node process that
// holds main and its worker threads is one figure (threads share it), each
// Chromium process another, grouped by Chromium's own --type= (renderer, gpu,
// utility, zygote; none = the browser process).
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcSample {
  pid: number;
  group: string;
  rssMb: number;
  /** The kernel's high-water mark of this process's RSS. */
  hwmMb: number;
  threads: number;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may hold spaces: the fields start after its last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = byParent.get(ppid) ?? [];
    list.push(Number(name));
    byParent.set(ppid, list);
  }
  return byParent;
}

function group(pid: number, root: number): string {
  if (pid === root) return 'node (main + archive workers)';
  // Chromium's children rewrite their title: the arguments may be one space-separated string.
  const cmdline = (read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
  const exe = cmdline.split(' ')[0] ?? '';
  if (!/chrom/i.test(exe)) return `other (${exe.split('/').pop() || pid})`;
  const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
  return type ? `chromium ${type}` : 'chromium browser';
}

/** One sample of `root` and every process below it. */
export function sampleTree(root: number): ProcSample[] {
  const byParent = children();
  const out: ProcSample[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    todo.push(...(byParent.get(pid) ?? []));
    const status = read(`/proc/${pid}/status`);
    if (!status) continue;
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    out.push({ pid, group: group(pid, root), rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024, threads: kb('Threads') });
  }
  return out;
}
