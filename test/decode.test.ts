import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from '../src/extractors/decode.js';

describe('decodeHtmlBytes', () => {
  it('prefers a byte order mark over everything else', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1252"><p>café</p>', 'utf8')]);
    expect(decodeHtmlBytes(bytes, 'text/html; charset=iso-8859-1')).toMatchObject({ charset: 'UTF-8', html: '<meta charset="windows-1252"><p>café</p>' });
  });

  it('uses the Content-Type charset before the meta prescan', () => {
    const bytes = Buffer.from('<meta charset="utf-8"><p>caf\xe9</p>', 'latin1');
    expect(decodeHtmlBytes(bytes, 'text/html; charset=ISO-8859-1').html).toContain('café');
  });

  it('finds <meta charset> in the first bytes', () => {
    const bytes = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>', 'latin1');
    const decoded = decodeHtmlBytes(bytes);
    expect(decoded.charset).toBe('windows-1251');
    expect(decoded.html).toContain('Привет');
  });

  it('falls back to windows-1252 for undeclared legacy bytes', () => {
    const decoded = decodeHtmlBytes(Buffer.from('<p>\x93quoted\x94</p>', 'latin1'));
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.html).toBe('<p>“quoted”</p>');
  });

  it('reads valid UTF-8 as UTF-8 even when an old <meta charset> says otherwise', () => {
    const bytes = Buffer.from('<meta charset="windows-1251"><p>Привет, мир</p>', 'utf8');
    expect(decodeHtmlBytes(bytes)).toMatchObject({ charset: 'UTF-8', html: '<meta charset="windows-1251"><p>Привет, мир</p>' });
  });

  it('keeps the Content-Type charset over that guess', () => {
    const bytes = Buffer.from('<p>Ã©</p>', 'latin1');
    expect(decodeHtmlBytes(bytes, 'text/html; charset=windows-1252').html).toBe('<p>Ã©</p>');
  });

  it('decodes large pages in pieces without splitting a character, in UTF-8 and legacy encodings', () => {
    // 'é' is two bytes in UTF-8: with an odd-length prefix one of them straddles every piece boundary.
    const body = `<p>x${'é'.repeat(100_000)}</p>`;
    const utf8 = decodeHtmlBytes(Buffer.from(body, 'utf8'), 'text/html; charset=utf-8');
    expect(utf8.chunks.length).toBeGreaterThan(1);
    expect(utf8.html).toBe(body);
    const legacy = decodeHtmlBytes(Buffer.from(body, 'latin1'), 'text/html; charset=windows-1252');
    expect(legacy.chunks.length).toBeGreaterThan(1);
    expect(legacy.html).toBe(body);
    const withBom = decodeHtmlBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]));
    expect(withBom.html).toBe(body);
  });

  it('falls back from the UTF-8 guess when invalid bytes come late in a large page', () => {
    const bytes = Buffer.concat([Buffer.from(`<p>${'Привет '.repeat(20_000)}</p>`, 'utf8'), Buffer.from('<p>caf\xe9</p>', 'latin1')]);
    const decoded = decodeHtmlBytes(bytes);
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.html.endsWith('<p>café</p>')).toBe(true);
  });
});

