// Entry point of the `copydesk` command (bin/copydesk.mjs loads this with tsx).
import { runCli } from './run.ts';

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  // Binary-safe: the bytes go out as they are (stdout to a file or a pipe is synchronous on POSIX).
  outBytes: (bytes) => process.stdout.write(bytes),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  interactive: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
