// JSON logs, one line per event, to stdout (errors included: a collector reads one stream).
// Fields first, message second, like pino, so kafkajs and the consumer can share the interface.
import type { LogLevelName } from '../config';

export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  child(bindings: object): Logger;
}

const RANK: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string) => void;

const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/** Errors do not serialise with JSON.stringify; keep their name, message and stack. */
const normalise = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

export function createLogger(
  level: LogLevelName = 'info',
  bindings: object = {},
  sink: LogSink = stdoutSink,
): Logger {
  const min = RANK[level];
  const write = (lvl: LogLevelName, fields: object, message: string): void => {
    if (RANK[lvl] < min) return;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: lvl,
      msg: message,
    };
    for (const [key, value] of Object.entries({ ...bindings, ...fields }))
      entry[key] = normalise(value);
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({
        time: entry.time,
        level: lvl,
        msg: message,
        logError: 'unserialisable fields',
      });
    }
    sink(line);
  };
  return {
    debug: (fields, message) => write('debug', fields, message),
    info: (fields, message) => write('info', fields, message),
    warn: (fields, message) => write('warn', fields, message),
    error: (fields, message) => write('error', fields, message),
    child: (more) => createLogger(level, { ...bindings, ...more }, sink),
  };
}
