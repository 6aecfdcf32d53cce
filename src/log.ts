/**
 * Structured JSON logs, one object per line on stderr: {time, level, msg, ...bindings, ...fields}.
 * Child loggers bind context such as {stage, jobId, articleId, url, attempt}, so every line
 * about an article can be found by its id. Messages stay short and stable; values go in fields.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(bindings: LogFields): Logger;
}

export type LogSink = (line: string) => void;

const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

export function createLogger(level: LogLevel = 'info', bindings: LogFields = {}, sink: LogSink = stderrSink): Logger {
  const threshold = rank[level];
  const write = (at: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields): void => {
    if (rank[at] < threshold) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...bindings, ...fields }, errorReplacer));
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (more) => createLogger(level, { ...bindings, ...more }, sink),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}
