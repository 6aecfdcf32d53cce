/**
 * Every phrase a row spells with alternatives: "{hard|difficult} to {say|tell}" is "hard to say",
 * "hard to tell", "difficult to say" and "difficult to tell". A family of set phrases stays one
 * line of data instead of a list fitted to the sentences it was seen in.
 */
export function expandAlternatives(phrase: string): string[] {
  const open = phrase.indexOf('{');
  if (open < 0) return [phrase.replace(/\s+/g, ' ').trim()];
  const close = phrase.indexOf('}', open);
  if (close < 0) throw new Error(`unclosed "{" in "${phrase}"`);
  const before = phrase.slice(0, open);
  const after = phrase.slice(close + 1);
  return phrase
    .slice(open + 1, close)
    .split('|')
    .flatMap((choice) => expandAlternatives(`${before}${choice}${after}`));
}
