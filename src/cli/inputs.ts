import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
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

  /** Room for `size` bytes, valid until the next call. */
  take(size: number): Buffer {
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(size);
    return this.buffer;
  }
}

/** A file's bytes, with one open and one stat; over MAX_INPUT_BYTES is INPUT_TOO_LARGE. */
function readInputFile(path: string, reuse: ReadBuffer | undefined): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ClaimfeedError('INPUT_NOT_FOUND', `No such file: ${path}`, { cause: error });
    throw new ClaimfeedError('INPUT_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_INPUT_BYTES) throw new ClaimfeedError('INPUT_TOO_LARGE', `File is over ${MAX_INPUT_BYTES} bytes: ${path}`);
    const buffer = reuse ? reuse.take(size) : Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, buffer, filled, size - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    if (error instanceof ClaimfeedError) throw error;
    throw new ClaimfeedError('INPUT_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    closeSync(fd);
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
  let bytes = readInputFile(input, reuse);
  if (input.endsWith('.gz')) {
    try {
      // The cap holds for what the file inflates to: a small .gz can hold gigabytes.
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ClaimfeedError('INPUT_TOO_LARGE', `File inflates to over ${MAX_INPUT_BYTES} bytes: ${input}`, { cause: error });
      }
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
