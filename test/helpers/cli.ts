/** Runs the `haulcheck` command in-process, capturing its output and exit code. */
import { main, type Io } from '../../server/src/cli/main';

export async function runCli(args: string[], cwd = process.cwd(), env: Record<string, string | undefined> = {}, stdin?: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env, stdin: () => stdin ?? '', stdinIsTTY: stdin === undefined };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
