import readline from 'node:readline';
import type { Command } from 'commander';
import { inspectFrame } from '../gateway/jt808/index.js';

const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** `anlan jt808 decode <hex>`, or one frame a line on stdin: what a field engineer uses to read a terminal's bytes. */
export function registerJt808Commands(program: Command): void {
  program
    .command('jt808')
    .description('JT/T 808 tools')
    .command('decode [hex...]')
    .description(
      'decode a frame given as hex (7E delimiters optional, escaped or not) and print it as JSON; without an argument, read one frame a line from stdin',
    )
    .action(async (hex: string[]) => {
      let failed = false;
      const decode = (text: string) => {
        const result = inspectFrame(text) as { ok: boolean };
        if (!result.ok) failed = true;
        say(result);
      };
      if (hex.length > 0) decode(hex.join(''));
      else {
        for await (const line of readline.createInterface({ input: process.stdin })) if (line.trim()) decode(line);
      }
      // Exit 1 when a frame did not decode, so scripts can tell.
      if (failed) process.exitCode = 1;
    });
}
