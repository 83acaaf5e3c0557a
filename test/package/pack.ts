/** `npm pack` of the built tree, once per test process (the bundles come from `npm test`'s build). */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');

export interface Packed {
  tarball: string;
  /** Paths inside the package, sorted. */
  files: string[];
  manifest: { dependencies?: Record<string, string>; devDependencies: Record<string, string>; version: string };
}

let packed: Packed | undefined;

export function packTarball(dest: string): Packed {
  if (packed) return packed;
  // --ignore-scripts: the bundles are built already (prepare would build them again).
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: REPO, encoding: 'utf8' });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  const manifest = JSON.parse(execFileSync('tar', ['-xOzf', join(dest, info.filename), 'package/package.json'], { encoding: 'utf8' }));
  packed = { tarball: join(dest, info.filename), files: info.files.map((f) => f.path).sort(), manifest };
  return packed;
}
