import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import { TextDecoder } from 'node:util';
import { getEncoding } from 'encoding-sniffer/sniffer';

/**
 * Decoding works in slices of this many bytes. Each slice becomes a string small enough for
 * V8's regular heap (two bytes per char stays under its 128 KiB large-object threshold): one
 * multi-megabyte string would go to large-object space, which costs a fresh memory mapping to
 * allocate and a full collection to free, several times the decoding itself.
 */
const CHUNK_BYTES = 32 * 1024;

export interface DecodedHtml {
  /** The page text as consecutive pieces, in order; `stripArticle` parses them as they are. */
  chunks: readonly string[];
  /** The WHATWG encoding label used to decode the bytes, e.g. "UTF-8", "windows-1252". */
  charset: string;
  /** The whole text as one string (joins `chunks`: prefer `chunks` for large pages). */
  readonly html: string;
}

/**
 * Decodes page bytes the way a browser does (WHATWG encoding sniffing): a byte order mark
 * wins, then the Content-Type charset, then a `<meta charset>` prescan of the first 1024
 * bytes, then windows-1252.
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const transportLayerEncodingLabel = charsetFromContentType(contentType);
  const options = transportLayerEncodingLabel === undefined ? undefined : { transportLayerEncodingLabel };
  const charset = getEncoding(buffer, options);
  if (transportLayerEncodingLabel === undefined && charset !== 'UTF-8' && !hasBom(buffer) && !isAscii(buffer)) {
    // Saved pages are often re-encoded to UTF-8 but keep their old <meta charset>: bytes that
    // are valid UTF-8 with multi-byte sequences are almost never text in a legacy encoding.
    const utf8 = decodeInChunks(buffer, 'utf-8', true);
    if (utf8 !== null) return decoded(utf8, 'UTF-8');
  }
  const chunks = decodeInChunks(buffer, charset, false) ?? [decodeWithoutTextDecoder(buffer, options)];
  return decoded(chunks, charset);
}

/**
 * For an encoding this Node has no decoder for (a build without full ICU): encoding-sniffer's
 * own decoding, loaded only then, since loading it (and iconv-lite with it) costs every start-up time.
 */
function decodeWithoutTextDecoder(buffer: Buffer, options: SnifferOptions | undefined): string {
  const { decodeBuffer } = createRequire(import.meta.url)('encoding-sniffer') as typeof import('encoding-sniffer');
  return decodeBuffer(buffer, options);
}

type SnifferOptions = Parameters<typeof getEncoding>[1];

function decoded(chunks: readonly string[], charset: string): DecodedHtml {
  return {
    chunks,
    charset,
    get html() {
      return chunks.join('');
    },
  };
}

/**
 * Streams the bytes through a WHATWG TextDecoder (which drops a byte order mark). Null when
 * `fatal` and the bytes are not valid in that encoding, or when this Node has no decoder for
 * it (a build without full ICU).
 */
function decodeInChunks(buffer: Buffer, encoding: string, fatal: boolean): string[] | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal });
  } catch {
    return null;
  }
  const chunks: string[] = [];
  try {
    for (let offset = 0; offset < buffer.length; offset += CHUNK_BYTES) {
      const text = decoder.decode(buffer.subarray(offset, offset + CHUNK_BYTES), { stream: true });
      if (text !== '') chunks.push(text);
    }
    const rest = decoder.decode();
    if (rest !== '') chunks.push(rest);
  } catch {
    return null;
  }
  return chunks;
}

function hasBom(buffer: Buffer): boolean {
  return (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) || (buffer[0] === 0xfe && buffer[1] === 0xff) || (buffer[0] === 0xff && buffer[1] === 0xfe);
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType);
  return match?.[1];
}
