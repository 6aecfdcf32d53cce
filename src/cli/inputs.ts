import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ClaimfeedError } from '../errors.js';

export interface LoadedInput {
  /** The argument exactly as given. */
  input: string;
  bytes: Buffer;
  /** `html` for pages, `text` for `.txt` files (article text exactly as given). */
  format: 'html' | 'text';
  contentType?: string;
  url?: string;
}

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * One buffer that file inputs are read into, reused from input to input: a batch of thousands
 * of pages then maps memory once instead of once per page (fresh mappings are slow to touch).
 */
export class ReadBuffer {
  private buffer = Buffer.allocUnsafeSlow(1 << 20);

  /** The file's bytes, valid until the next call. */
  readFile(path: string): Buffer {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(size);
      let filled = 0;
      while (filled < size) {
        const read = readSync(fd, this.buffer, filled, size - filled, null);
        if (read === 0) break;
        filled += read;
      }
      return this.buffer.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Reads one CLI input: a file path, `-` for standard input, or an http(s) URL. With `reuse`,
 * a file's bytes live in that buffer and are valid only until its next use.
 */
export async function loadInput(input: string, reuse?: ReadBuffer): Promise<LoadedInput> {
  if (input === '-') {
    const bytes = readFileSync(0);
    return { input, bytes, format: looksLikeHtml(bytes) ? 'html' : 'text' };
  }
  if (isUrl(input)) {
    // Loaded on first URL only: the HTTP client costs start-up time that file batches never need.
    const [{ loadConfig }, { fetchOptionsFromConfig, fetchPage }] = await Promise.all([import('../config/load.js'), import('../fetch/http.js')]);
    const page = await fetchPage(input, fetchOptionsFromConfig(loadConfig()));
    const result: LoadedInput = { input, bytes: page.body, format: 'html', url: page.finalUrl };
    if (page.contentType !== null) result.contentType = page.contentType;
    return result;
  }
  let size: number;
  try {
    size = statSync(input).size;
  } catch (error) {
    throw new ClaimfeedError('INPUT_NOT_FOUND', `No such file: ${input}`, { cause: error });
  }
  if (size > MAX_INPUT_BYTES) throw new ClaimfeedError('INPUT_TOO_LARGE', `File is over ${MAX_INPUT_BYTES} bytes: ${input}`);
  let bytes: Buffer;
  try {
    bytes = reuse ? reuse.readFile(input) : readFileSync(input);
  } catch (error) {
    throw new ClaimfeedError('INPUT_UNREADABLE', `Cannot read ${input}: ${(error as Error).message}`, { cause: error });
  }
  if (input.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new ClaimfeedError('INPUT_UNREADABLE', `Not a gzip file: ${input}`, { cause: error });
    }
  }
  const plain = input.replace(/\.gz$/, '');
  const format = /\.(txt|text)$/i.test(plain) ? 'text' : /\.(html?|xhtml)$/i.test(plain) ? 'html' : looksLikeHtml(bytes) ? 'html' : 'text';
  return { input, bytes, format };
}

function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<(!doctype html|html|head|body|p|div|meta)\b/i.test(head);
}
