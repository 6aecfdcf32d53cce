import { writeSync } from 'node:fs';

/**
 * Line output for batch commands. Writes go straight to the file descriptor so thousands of
 * JSON lines neither pile up in memory nor get lost when the process exits right after.
 */
export class LineWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly fd: number = 1) {}

  line(text: string): void {
    this.buffer.push(text, '\n');
    this.size += text.length + 1;
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
