import type { ClaimRecord } from '../model/claim.js';
import { collectMarks, figureAmount, layerRank, segmentText, type Mark, type MarkLayer } from './highlight.js';
import { describeLanguage, describeLog } from './log-summary.js';
import type { ArticleReview } from './view.js';

export interface TerminalOptions {
  /** ANSI colour (a TTY that allows it); otherwise plain bracket markers. */
  color: boolean;
}

/** Plain markers: readable in a pipe, a log file or a terminal without colour. */
const PLAIN_MARKERS: Record<MarkLayer, [string, string]> = {
  content: ['[', ']'],
  speaker: ['<<', '>>'],
  cue: ['((', '))'],
  actor: ['{{', '}}'],
  figure: ['##', '##'],
};

/** SGR codes per layer; inner layers win the foreground colour, actors add an underline. */
const COLOR_CODES: Record<MarkLayer, string> = {
  content: '36',
  speaker: '35;1',
  cue: '33',
  actor: '4',
  figure: '32;1',
};

const RESET = '\u001b[0m';

/** The article text with its marks, then the claims, the removed blocks and the log. */
export function renderReviewForTerminal(review: ArticleReview, options: TerminalOptions): string {
  const lines: string[] = [];
  const bold = (text: string): string => (options.color ? `\u001b[1m${text}${RESET}` : text);
  const article = review.article;
  lines.push(bold(stripControls(article?.title ?? review.url)));
  lines.push(stripControls(review.url));
  lines.push(`id ${review.id} · status ${review.status} · ${review.claims.length} ${review.claims.length === 1 ? 'claim' : 'claims'}${article ? ` · ${describeLanguage(article.language)}` : ''}`);
  const noClaimsReason = review.claims.length === 0 ? describeLog(review.log).noClaimsReason : null;
  if (noClaimsReason !== null) lines.push(stripControls(noClaimsReason));
  if (review.failure) lines.push(`failed: ${review.failure.code}: ${stripControls(review.failure.message)}`);
  if (review.duplicateOf) lines.push(`same story as article ${stripControls(review.duplicateOf)}: its claims are there (claimfeed review ${stripControls(review.duplicateOf)})`);
  lines.push('');
  if (article) {
    lines.push(legend(options));
    lines.push('');
    const marks = collectMarks(review.claims, article.text.length);
    const blocks = article.blocks.length > 0 ? article.blocks : [{ start: 0, end: article.text.length }];
    for (const block of blocks) {
      lines.push(options.color ? colourBlock(article.text, marks, block.start, block.end) : markBlock(article.text, marks, block.start, block.end));
      lines.push('');
    }
  }
  lines.push(bold(`Claims (${review.claims.length})`));
  review.claims.forEach((claim, index) => lines.push(...claimLines(claim, index)));
  if (article && article.removed.length > 0) {
    lines.push('', bold(`Removed blocks (${article.removed.length})`));
    for (const block of article.removed) lines.push(`  ${block.ruleId}  <${block.tag}>  ${oneLine(block.text, 100)}`);
  }
  const summary = describeLog(review.log);
  if (summary.fetch.length > 0) {
    lines.push('', bold('Extraction log'));
    for (const [name, value] of summary.fetch) lines.push(`  ${name}: ${stripControls(value)}`);
  }
  if (summary.rejected.length > 0) {
    lines.push('', bold(`Rejected candidates (${summary.rejected.length})`));
    for (const candidate of summary.rejected) lines.push(`  ${candidate.layer}  "${oneLine(candidate.text, 60)}"  ${candidate.reason}  (${candidate.ruleId})`);
  }
  return `${lines.join('\n')}\n`;
}

function legend(options: TerminalOptions): string {
  const layers: MarkLayer[] = ['content', 'speaker', 'cue', 'actor', 'figure'];
  const names: Record<MarkLayer, string> = { content: 'claim', speaker: 'speaker', cue: 'cue', actor: 'actor', figure: 'figure' };
  return `marks: ${layers
    .map((layer) => (options.color ? `\u001b[${COLOR_CODES[layer]}m${names[layer]}${RESET}` : `${PLAIN_MARKERS[layer][0]}${names[layer]}${PLAIN_MARKERS[layer][1]}`))
    .join(' ')}`;
}

function colourBlock(text: string, marks: readonly Mark[], start: number, end: number): string {
  return segmentText(marks, start, end)
    .map((segment) => {
      const slice = stripControls(text.slice(segment.start, segment.end));
      if (segment.marks.length === 0) return slice;
      const layers = [...new Set(segment.marks.map((mark) => mark.layer))].sort((a, b) => layerRank(a) - layerRank(b));
      const codes = layers.map((layer) => COLOR_CODES[layer]).join(';');
      return `\u001b[${codes}m${slice}${RESET}`;
    })
    .join('');
}

/** Opens and closes a marker at each mark's own boundaries, outer marks first. */
function markBlock(text: string, marks: readonly Mark[], start: number, end: number): string {
  const inside = marks
    .filter((mark) => mark.start >= start && mark.end <= end)
    .map((mark) => ({ mark, open: PLAIN_MARKERS[mark.layer][0], close: PLAIN_MARKERS[mark.layer][1] }));
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  for (const { mark, open, close } of inside) {
    opens.set(mark.start, [...(opens.get(mark.start) ?? []), open]);
    closes.set(mark.end, [close, ...(closes.get(mark.end) ?? [])]);
  }
  let out = '';
  for (let position = start; position <= end; position++) {
    out += (closes.get(position) ?? []).join('') + (opens.get(position) ?? []).join('');
    if (position < end) out += text[position] ?? '';
  }
  return stripControls(out);
}

function claimLines(claim: ClaimRecord, index: number): string[] {
  const head = claim.kind === 'attributed'
    ? `${claim.speakerActor?.canonical ?? claim.speaker?.text ?? '(no speaker)'} ${claim.cue?.text ?? ''}: "${oneLine(claim.content?.text ?? claim.sentence.text, 120)}"`
    : `${claim.figures.map((figure) => figure.text).join('; ')}: "${oneLine(claim.sentence.text, 120)}"`;
  const lines = [`  ${index + 1}. [${claim.kind}] ${head}`, `     rules: ${claim.ruleIds.join(', ') || '(none)'}`];
  for (const figure of claim.figures) lines.push(`     figure "${figure.text}" ${figure.kind} ${figure.value === null ? '?' : figureAmount(figure)}${figure.unit ? ` ${figure.unit}` : ''} (${figure.ruleIds.join(', ')})`);
  return lines.map(stripControls);
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Page text must not be able to drive the terminal: drop C0/C1 controls except newline and tab. */
function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
