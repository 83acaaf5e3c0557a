/** Ending the processes a test started (and only those): the descendants of this test process. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Pids of every process below `root` (children first walked breadth-first). */
export function descendants(root = process.pid): number[] {
  let table: string;
  try {
    table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const row of table.split('\n')) {
    const [pid, ppid] = row.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const c of children.get(queue.shift() as number) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** SIGKILLs the given pids, ignoring those already gone. */
export function killPids(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** This test's processes running the extension's Node language server (dist/server.js) from `dir`. */
export function nodeLanguageServers(dir: string): string[] {
  const out: string[] = [];
  for (const pid of descendants()) {
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (cmd.includes(dir) && /dist\/server\.js/.test(cmd)) out.push(`${pid}: ${cmd}`);
  }
  return out;
}
