import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { MAX_LABEL_TOKENS } from './word-lists.js';
import { sentenceBodyEnd } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import type { Reading } from './reading.js';

/**
 * "Jane Roe: We will win." / "MODERATOR: Why not?" — a name and a colon opening the sentence
 * label what follows, to the end of the paragraph, as that speaker's words. The label must be
 * a person or organisation the actors layer found, or a name in capitals (transcripts).
 */
export function readSpeakerLabel(ctx: Reading, sentenceIndex: number, sentence: Sentence): Attribution | null {
  const { tokens, sentences, state, actors, spanOf } = ctx;
  let colon = sentence.tokenStart;
  while (colon < sentence.tokenEnd && colon - sentence.tokenStart <= MAX_LABEL_TOKENS && (tokens[colon] as Token).text !== ':') colon++;
  if (colon >= sentence.tokenEnd || colon === sentence.tokenStart || colon - sentence.tokenStart > MAX_LABEL_TOKENS) return null;
  let capitals = true;
  for (let index = sentence.tokenStart; index < colon; index++) {
    const token = tokens[index] as Token;
    if (token.kind === 'word' && !token.capitalized) return null;
    if (token.kind === 'word' && token.text !== token.text.toUpperCase()) capitals = false;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return null;
  }
  const speaker = spanOf(sentence.tokenStart, colon) as Span;
  const sectionLabel = state.speakerLabelsNot.get(speaker.text.toLowerCase());
  if (sectionLabel) {
    ctx.rejected.push({ ...speaker, layer: 'attribution', reason: 'a section label before a colon, not a speaker', ruleId: sectionLabel });
    return null;
  }
  // Headlines name people by surname only ("Roe: …"): a surname the article uses for an actor counts.
  const lastWord = (tokens[colon - 1] as Token).lower;
  const named = actors.some((actor) => (actor.type === 'person' || actor.type === 'organization') && ((actor.start <= speaker.start && actor.end >= speaker.end - 1) || actor.canonical.toLowerCase().endsWith(lastWord)));
  const transcript = capitals && speaker.text.length > 1;
  if (!named && !transcript) return null;
  let last = sentenceIndex;
  while (last + 1 < sentences.length && (sentences[last + 1] as Sentence).paragraph === sentence.paragraph) last++;
  const content = spanOf(colon + 1, sentenceBodyEnd(ctx, sentences[last] as Sentence));
  // "Roe: 1,769", "Twitter: @roe": a tally or a handle, not words spoken.
  if (!content || (content.text.match(/\p{L}+/gu) ?? []).length < 3 || content.text.startsWith('@')) return null;
  return buildAttribution(ctx, speaker, spanOf(colon, colon + 1) as Span, content, 'attribution.speaker-label', sentence.tokenStart, []);
}
