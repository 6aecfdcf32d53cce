import type { Token } from '../text/tokens.js';
import type { ActorEngine } from './engine.js';

const JOINERS_BEFORE_ROLE = new Set(['of', 'the', 'for']);

/**
 * Role words before a name ("Homeland Security Secretary Alejandro Mayorkas"): where the name
 * after the last role word starts, and the title rule that says so.
 */
export function findTitle(state: ActorEngine, tokens: Token[], start: number, end: number): { nameStart: number; ruleId: string } | undefined {
  let found: { nameStart: number; ruleId: string } | undefined;
  for (let position = start; position < end; position++) {
    const word = tokens[position] as Token;
    const options = state.titleHeads.get(word.lower.replace(/\.$/, ''));
    if (!options) continue;
    for (const option of options) {
      const headStart = position - option.tokens.length + 1;
      if (headStart < start) continue;
      // "Office of the Mayor", "Friends of the Governor": a role word after a joiner is part of a body's name.
      if (headStart > start && JOINERS_BEFORE_ROLE.has((tokens[headStart - 1] as Token).text)) continue;
      let ok = true;
      for (let offset = 0; offset < option.tokens.length - 1; offset++) if ((tokens[headStart + offset] as Token).lower !== option.tokens[offset]) ok = false;
      if (!ok) continue;
      let nameStart = position + 1;
      if (tokens[nameStart]?.text === '.' && !(tokens[nameStart] as Token).spaceBefore) nameStart++;
      // "Major League Baseball", "Prince Series": a role word before an institution or a work is part of that name.
      const following = tokens[nameStart];
      if (following && nameStart < end && (state.orgHeads.has(following.lower) || state.lexicon.isOrgHeadWord(following.lower) || state.notActorHeads.has(following.lower))) continue;
      // ("High Commissioner for Human Rights Jo Roe": a complement with "for" names the field the same way, and without a
      // given name after it the whole run is the role: "High Commissioner for Human Rights" is no person named "for Human Rights".)
      if (((option.takesOf && tokens[nameStart]?.text === 'of') || tokens[nameStart]?.text === 'for') && nameStart < end) {
        // "Secretary of State John Kerry": the complement runs to the first given name.
        nameStart++;
        if (tokens[nameStart]?.text === 'the') nameStart++;
        nameStart++;
        while (nameStart < end - 1 && !state.lexicon.classes((tokens[nameStart] as Token).lower).has('first-name')) nameStart++;
        if (nameStart === end - 1) nameStart = end;
      }
      found = { nameStart: Math.min(nameStart, end), ruleId: option.ruleId };
      break;
    }
  }
  return found;
}

/** "spokesman Jeff Rathke", "fashion designer Halston": the rule of a lower-case role word right before the name. */
export function lowercaseTitleBefore(state: ActorEngine, tokens: Token[], start: number): string | undefined {
  const previous = tokens[start - 1];
  if (!previous || previous.capitalized || previous.kind !== 'word') return undefined;
  const options = state.titleHeads.get(previous.lower);
  if (!options) return undefined;
  for (const option of options) {
    const headStart = start - option.tokens.length;
    if (headStart < 0) continue;
    if (option.tokens.every((word, offset) => (tokens[headStart + offset] as Token).lower === word)) return option.ruleId;
  }
  return undefined;
}
