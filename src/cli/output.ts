import { writeSync } from 'node:fs';

/** Where a command writes its lines. */
export interface LineSink {
  line(text: string): void;
  json(value: unknown): void;
}

/** Gathers lines in memory (one input's output, written later in input order). */
export class LineCollector implements LineSink {
  private readonly parts: string[] = [];

  line(text: string): void {
    this.parts.push(text, '\n');
  }

  json(value: unknown): void {
    this.line(JSON.stringify(value));
  }

  /** Everything gathered, each line ending in a newline. */
  text(): string {
    return this.parts.join('');
  }
}

/**
 * Line output for batch commands. Writes go straight to the file descriptor so thousands of
 * JSON lines neither pile up in memory nor get lost when the process exits right after.
 */
export class LineWriter implements LineSink {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly fd: number = 1) {}

  line(text: string): void {
    this.write(`${text}\n`);
  }

  /** Writes text that already ends in a newline. */
  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 64 * 1024) this.flush();
  }

  json(value: unknown): void {
    this.line(JSON.stringify(value));
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const data = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    let written = 0;
    const bytes = Buffer.from(data, 'utf8');
    while (written < bytes.length) {
      try {
        written += writeSync(this.fd, bytes, written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EPIPE') return;
        throw error;
      }
    }
  }
}
