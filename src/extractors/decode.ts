import { decodeBuffer, getEncoding } from 'encoding-sniffer';

export interface DecodedHtml {
  html: string;
  /** The WHATWG encoding label used to decode the bytes, e.g. "UTF-8", "windows-1252". */
  charset: string;
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
  if (transportLayerEncodingLabel === undefined && charset !== 'UTF-8' && !hasBom(buffer)) {
    // Saved pages are often re-encoded to UTF-8 but keep their old <meta charset>: bytes that
    // are valid UTF-8 with multi-byte sequences are almost never text in a legacy encoding.
    const utf8 = decodeStrictUtf8(buffer);
    if (utf8 !== null) return { html: utf8, charset: 'UTF-8' };
  }
  // Node's native UTF-8 decoding is much faster than the generic decoder.
  if (charset === 'UTF-8') return { html: stripBom(buffer).toString('utf8'), charset };
  return { html: decodeBuffer(buffer, options), charset };
}

function stripBom(buffer: Buffer): Buffer {
  return buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text when the bytes are valid UTF-8 and not plain ASCII, else null. */
function decodeStrictUtf8(buffer: Buffer): string | null {
  if (!buffer.some((byte) => byte >= 0x80)) return null;
  try {
    return strictUtf8.decode(buffer);
  } catch {
    return null;
  }
}

function hasBom(buffer: Buffer): boolean {
  return (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) || (buffer[0] === 0xfe && buffer[1] === 0xff) || (buffer[0] === 0xff && buffer[1] === 0xfe);
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType);
  return match?.[1];
}
