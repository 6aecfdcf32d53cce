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
  return { html: decodeBuffer(buffer, options), charset };
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType);
  return match?.[1];
}
