// The main process's one small logger: stderr lines with a level and a time.
// Details are summarized, never dumped as whole objects (payloads can be large).
import type { Logger } from './ipc/types.ts';

function line(level: string, message: string, details?: unknown): string {
  let extra = '';
  if (details instanceof Error) extra = ` ${details.stack ?? details.message}`;
  else if (details !== undefined) {
    try {
      extra = ` ${JSON.stringify(details).slice(0, 2000)}`;
    } catch {
      extra = ` ${String(details)}`;
    }
  }
  return `${new Date().toISOString()} ${level} ${message}${extra}\n`;
}

export const log: Logger = {
  info: (message, details) => void process.stderr.write(line('info', message, details)),
  warn: (message, details) => void process.stderr.write(line('warn', message, details)),
  error: (message, details) => void process.stderr.write(line('error', message, details)),
};
