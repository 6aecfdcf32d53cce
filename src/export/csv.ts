import { CLAIM_ROW_COLUMNS, type ClaimRow } from './claim-row.js';

/** Lists inside one cell: "; " keeps them readable and splittable in a spreadsheet. */
const LIST_SEPARATOR = '; ';

/** Free text from a page: a cell starting like a formula is prefixed with ' so a spreadsheet shows it rather than runs it. */
const TEXT_COLUMNS: ReadonlySet<keyof ClaimRow> = new Set(['article_title', 'article_site_name', 'speaker', 'speaker_actor', 'cue', 'content', 'sentence', 'figures', 'actors']);
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvHeader(): string {
  return `${CLAIM_ROW_COLUMNS.join(',')}\r\n`;
}

/** One RFC 4180 record (CRLF-terminated). */
export function csvRecord(row: ClaimRow): string {
  let line = '';
  for (let index = 0; index < CLAIM_ROW_COLUMNS.length; index++) {
    const column = CLAIM_ROW_COLUMNS[index] as keyof ClaimRow;
    if (index > 0) line += ',';
    line += csvCell(cellText(row[column]), TEXT_COLUMNS.has(column));
  }
  return `${line}\r\n`;
}

function cellText(value: ClaimRow[keyof ClaimRow]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((item) => (item === null ? '' : String(item))).join(LIST_SEPARATOR);
  return String(value);
}

function csvCell(text: string, freeText: boolean): string {
  const safe = freeText && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
