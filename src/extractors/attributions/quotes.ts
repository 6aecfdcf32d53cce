import type { Sentence, Token } from '../text/tokens.js';

/** A content that opens with a quotation mark (two apostrophes count as one, as some papers print it). */
export const OPENS_WITH_QUOTE = /^(?:["“‘]|'')/;

/** How many round brackets are open after a token with this text, given how many were open before it; a stray closing one opens none. */
export function bracketDepthAfter(depth: number, text: string): number {
  if (text === '(') return depth + 1;
  if (text === ')') return Math.max(0, depth - 1);
  return depth;
}

/**
 * Quotation marks per token: which open, which close, and how deep each token sits inside
 * quotations. Curly quotes say which they are; a straight `"` is an opener when text follows it
 * without a space, a closer when it follows text, else it alternates. State resets at each
 * paragraph, so one unbalanced quote cannot swallow the rest of the article. In the text's headline
 * (ending at character `headlineEnd`) single marks that pair up quote too.
 */
export interface QuoteMarks {
  /** 1 opening quote, -1 closing quote, 0 anything else. */
  role: Int8Array;
  /** Quotation depth of each token (quote marks themselves count as outside). */
  depth: Uint8Array;
  /** For an opening quote, the index of its closing quote (-1 if none in the paragraph). */
  closeOf: Int32Array;
  /** For a closing quote, the index of its opening quote (-1 if none). */
  openOf: Int32Array;
}

export function markQuotes(text: string, tokens: readonly Token[], sentences: readonly Sentence[], headlineEnd = -1): QuoteMarks {
  const marks: QuoteMarks = { role: new Int8Array(tokens.length), depth: new Uint8Array(tokens.length), closeOf: new Int32Array(tokens.length).fill(-1), openOf: new Int32Array(tokens.length).fill(-1) };
  const { role, closeOf } = marks;
  let paragraph = -1;
  let open = -1;
  let sentenceIndex = 0;
  for (let index = 0; index < tokens.length; index++) {
    while (sentenceIndex < sentences.length - 1 && (sentences[sentenceIndex] as Sentence).tokenEnd <= index) sentenceIndex++;
    const currentParagraph = sentences[sentenceIndex]?.paragraph ?? 0;
    if (currentParagraph !== paragraph) {
      paragraph = currentParagraph;
      open = -1;
    }
    const token = tokens[index] as Token;
    let kind = 0;
    if (token.text !== '“' && token.text !== '”' && token.text !== '"' && token.text !== "''") continue;
    const { spaceBefore, spaceAfter } = spacingAround(text, token);
    // A curly mark typed the wrong way round ("…,“ said X") is read by where it stands.
    if (token.text === '“') kind = open !== -1 && !spaceBefore && spaceAfter ? -1 : 1;
    else if (token.text === '”') kind = open === -1 && spaceBefore && !spaceAfter ? 1 : -1;
    else if (token.text === '"' || token.text === "''") {
      if (spaceBefore && !spaceAfter) kind = 1;
      else if (!spaceBefore && spaceAfter) kind = -1;
      else kind = open === -1 ? 1 : -1;
    }
    if (kind === 1) {
      if (open !== -1) closeOf[open] = -1; // an unclosed quote is abandoned at the next opener
      role[index] = 1;
      open = index;
    } else if (kind === -1) {
      role[index] = -1;
      if (open !== -1) {
        pairMarks(marks, open, index);
        open = -1;
      }
    }
  }
  markHeadlineSingleQuotes(text, tokens, headlineEnd, marks);
  return marks;
}

/** Whether space (or a bracket or dash opening what follows) stands before the mark, and space or punctuation after it. */
function spacingAround(text: string, token: Token): { spaceBefore: boolean; spaceAfter: boolean } {
  const before = token.start > 0 ? (text[token.start - 1] as string) : ' ';
  const after = token.end < text.length ? (text[token.end] as string) : ' ';
  return { spaceBefore: /[\s([{—–-]/.test(before), spaceAfter: /[\s.,;:!?)\]}—–-]/.test(after) };
}

/** The marks at `open` and `close` quote what stands between them. */
function pairMarks(marks: QuoteMarks, open: number, close: number): void {
  marks.role[open] = 1;
  marks.role[close] = -1;
  marks.closeOf[open] = close;
  marks.openOf[close] = open;
  for (let inner = open + 1; inner < close; inner++) marks.depth[inner] = 1;
}

/**
 * "Ferry Union Calls Levy ‘Theft’", "Roe: Pier 'unsafe'": headlines quote with single marks. There a
 * single mark that opens a word and the next that closes one pair up as a quotation; a lone one
 * ("the pilots’ union") stays an apostrophe.
 */
function markHeadlineSingleQuotes(text: string, tokens: readonly Token[], headlineEnd: number, marks: QuoteMarks): void {
  let open = -1;
  for (let index = 0; index < tokens.length && (tokens[index] as Token).start < headlineEnd; index++) {
    const token = tokens[index] as Token;
    if (marks.depth[index] !== 0 || marks.role[index] !== 0 || (token.text !== '‘' && token.text !== '’' && token.text !== "'")) continue;
    const { spaceBefore, spaceAfter } = spacingAround(text, token);
    if (token.text !== '’' && spaceBefore && !spaceAfter) open = index;
    else if (token.text !== '‘' && !spaceBefore && spaceAfter && open !== -1) {
      pairMarks(marks, open, index);
      open = -1;
    }
  }
}
