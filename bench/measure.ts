// Runs a command as its own process and measures what a user feels: wall time, and peak memory, both of
// the imprint (Node) process alone and of the whole process tree with Chromium, sampled from /proc. The
// tree's RSS counts the pages Chromium's processes share once per process; its PSS shares them out, so it
// is what the tree really takes from the machine.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measured {
  ms: number;
  /** Peak resident memory of the command's own process, in MiB. */
  ownMiB: number;
  /** Peak resident memory of the command and every process under it (Chromium), in MiB. */
  treeMiB: number;
  /** Peak proportional set size of the whole tree (shared pages divided among their processes), in MiB. */
  treePssMiB: number;
}

/**
 * Runs `node ARGS` (or `command ARGS` when given) in `cwd`; ARGS that start with a command that is not a
 * script (bin/imprint, as users run imprint) run that command.
 */
export function measure(args: readonly string[], cwd: string, command = process.execPath): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const [first = '', ...rest] = args;
    const direct = command === process.execPath && !/\.[cm]?js$/.test(first);
    const child = spawn(direct ? first : command, direct ? rest : args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let ownMiB = 0;
    let treeMiB = 0;
    let treePssMiB = 0;
    let samples = 0;
    const sample = () => {
      const tree = processTree(child.pid!);
      ownMiB = Math.max(ownMiB, rssMiB(child.pid!));
      treeMiB = Math.max(
        treeMiB,
        tree.reduce((sum, pid) => sum + rssMiB(pid), 0),
      );
      // PSS costs the kernel a walk of every mapping: every fifth sample.
      if (samples++ % 5 === 0)
        treePssMiB = Math.max(
          treePssMiB,
          tree.reduce((sum, pid) => sum + pssMiB(pid), 0),
        );
    };
    const timer = setInterval(sample, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      else resolve({ ms: performance.now() - start, ownMiB, treeMiB, treePssMiB });
    });
  });
}

function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function pssMiB(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** `root` and all its descendants, from the parent links in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}
