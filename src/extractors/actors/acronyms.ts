import type { Token } from '../text/tokens.js';
import type { AcronymDefinition } from './candidate.js';
import { CONNECTORS } from './candidate-spans.js';

/** "NATO", "U.S.", "G20": two to seven capitals (digits, dots and "&" inside), not a lone initial. */
export function isAcronym(token: Token): boolean {
  return token.kind === 'word' && /^\p{Lu}[\p{Lu}\d&.]{1,6}$/u.test(token.text) && !/^\p{Lu}\.?$/u.test(token.text);
}

/**
 * "Customs and Border Protection (CBP)": the acronym in brackets names the words before it.
 * `named` is false when those words are lower case ("light-emitting diode (LED)"): a term, not a name.
 */
export function collectAcronymDefinitions(tokens: Token[]): Map<string, AcronymDefinition> {
  const found = new Map<string, AcronymDefinition>();
  for (let index = 2; index < tokens.length - 2; index++) {
    const open = tokens[index] as Token;
    const acronym = tokens[index + 1] as Token;
    const close = tokens[index + 2] as Token;
    if (open.text !== '(' || close.text !== ')' || !isAcronym(acronym)) continue;
    const letters = acronym.text.replace(/[^\p{Lu}]/gu, '').toLowerCase();
    let cursor = index - 1;
    let matched = letters.length;
    let named = true;
    while (cursor >= 0 && matched > 0 && index - cursor <= letters.length * 2 + 2) {
      const word = tokens[cursor] as Token;
      if (word.kind === 'word' && word.lower[0] === letters[matched - 1]) {
        matched--;
        if (!word.capitalized && !CONNECTORS.has(word.text)) named = false;
      } else if (!(word.kind === 'word' && CONNECTORS.has(word.text))) break;
      cursor--;
    }
    if (matched === 0 && !found.has(acronym.text)) found.set(acronym.text, { start: cursor + 1, end: index, named });
  }
  return found;
}
