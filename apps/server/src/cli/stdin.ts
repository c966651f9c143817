import readline from 'node:readline';

/** The first line of standard input (for secrets that should not appear in shell history). */
export async function readStdinLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}
