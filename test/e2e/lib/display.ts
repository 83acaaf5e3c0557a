/**
 * An X display for Electron on Linux: $DISPLAY when set, else a private Xvfb (apt: xvfb) on a
 * display number Xvfb picks itself (-displayfd).
 */
import { spawn } from 'node:child_process';
import { which } from './paths';

export interface Display {
  /** e.g. ":99" */
  display: string;
  stop(): Promise<void>;
}

export async function ensureDisplay(): Promise<Display | { missing: string }> {
  if (process.platform !== 'linux' || process.env.DISPLAY) {
    return { display: process.env.DISPLAY ?? '', stop: async () => undefined };
  }
  const xvfb = which('Xvfb');
  if (!xvfb) return { missing: 'no X display ($DISPLAY is unset) and Xvfb is not installed (apt-get install xvfb)' };
  const proc = spawn(xvfb, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start within 20 s: ${stderr}`)), 20_000);
    proc.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    display: `:${number}`,
    stop: async () => {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}
