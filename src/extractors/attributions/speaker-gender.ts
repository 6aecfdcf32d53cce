import type { ActorMention } from '../../model/claim.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import type { Token } from '../text/tokens.js';
import type { Reading } from './reading.js';
import { ARTICLES, POSSESSIVE_ENDINGS } from './word-lists.js';

export type NameGender = 'male' | 'female';

/** Titles before a name that tell the person's gender. */
const TITLE_GENDER: ReadonlyMap<string, NameGender> = new Map([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['sir', 'male'], ['lady', 'female'], ['madam', 'female'], ['dame', 'female'], ['lord', 'male'],
]);

/** Kin and role words right before a name that tell the person's gender ("his wife Jo Roe", "spokeswoman Jo Roe"); "spokesman" and "chairman" are not here, as papers use them for women too. */
const ROLE_GENDER: ReadonlyMap<string, NameGender> = new Map([
  ...(['husband', 'son', 'father', 'brother', 'uncle', 'nephew', 'grandfather', 'grandson', 'king', 'prince', 'duke', 'boyfriend', 'widower'] as const).map((word): [string, NameGender] => [word, 'male']),
  ...(['spokeswoman', 'chairwoman', 'congresswoman', 'councilwoman', 'assemblywoman', 'alderwoman', 'businesswoman', 'wife', 'daughter', 'mother', 'sister', 'aunt', 'niece', 'grandmother', 'granddaughter', 'queen', 'princess', 'duchess', 'girlfriend', 'widow', 'actress'] as const).map((word): [string, NameGender] => [word, 'female']),
]);

const gendersByArticle = new WeakMap<readonly ActorMention[], Map<string, NameGender | null>>();

/**
 * The gender a person's name shows anywhere in the article: a given name the lexicon lists as
 * male or female ("Zoe Anderson"), or a title before a mention ("Mrs. Clinton"). Null when the
 * mentions disagree or tell nothing.
 */
export function actorGender(ctx: Reading, actor: ActorMention): NameGender | null {
  let genders = gendersByArticle.get(ctx.actors);
  if (!genders) {
    genders = readGenders(ctx);
    gendersByArticle.set(ctx.actors, genders);
  }
  return genders.get(actor.actorId) ?? null;
}

function readGenders(ctx: Reading): Map<string, NameGender | null> {
  const { actors, tokens, text, state } = ctx;
  const genders = new Map<string, NameGender | null>();
  // A given name outweighs a title: "Mr Anderson" read as the same actor as "Zoe Anderson" is a
  // relative mistaken for her, not a sign that she is a man.
  const byName = new Set<string>();
  const note = (actorId: string, gender: NameGender, fromName: boolean): void => {
    if (byName.has(actorId) && !fromName) return;
    const known = genders.get(actorId);
    if (fromName && !byName.has(actorId)) {
      byName.add(actorId);
      genders.set(actorId, gender);
    } else if (known === undefined) genders.set(actorId, gender);
    else if (known !== gender) genders.set(actorId, null);
  };
  let tokenIndex = 0;
  for (const actor of actors) {
    if (actor.type !== 'person') continue;
    // A name of one word is mostly a surname ("Omar", "James", "Graham"): it shows no given name.
    const words = actor.canonical.split(/\s+/);
    const given = words.length > 1 ? (words[0]?.toLowerCase() ?? '') : '';
    const classes = state.lexicon.classes(given);
    const male = classes.has('male-name');
    const female = classes.has('female-name');
    if (male !== female) note(actor.actorId, male ? 'male' : 'female', true);
    // The word before the mention, without its period: "Mrs. Clinton", "Mr Roe".
    while (tokenIndex < tokens.length && (tokens[tokenIndex]?.end ?? 0) <= actor.start) tokenIndex++;
    let before = tokenIndex - 1;
    if (tokens[before]?.text === '.') before--;
    const adjacent = before >= 0 && (tokens[before]?.end ?? -1) >= actor.start - 2;
    const title = adjacent ? (TITLE_GENDER.get(tokens[before]?.lower ?? '') ?? ROLE_GENDER.get(tokens[before]?.lower ?? '')) : undefined;
    const inside = TITLE_GENDER.get(text.slice(actor.start, actor.end).split(/[\s.]+/)[0]?.toLowerCase() ?? '');
    const titled = title ?? inside;
    if (titled) note(actor.actorId, titled, false);
  }
  // Pronouns only speak for people whose name and titles said nothing; mentions that disagree cancel out.
  for (const [actorId, gender] of pronounGenders(ctx)) if (!genders.has(actorId)) genders.set(actorId, gender);
  return genders;
}

/** Pronouns that, as the first gendered word after a person's name in its clause, mostly stand for that person ("Roe said she …", "Roe sold his boat"). */
const BACK_PRONOUN_GENDER: ReadonlyMap<string, NameGender> = new Map([
  ['he', 'male'], ['his', 'male'], ['himself', 'male'], ['she', 'female'], ['her', 'female'], ['herself', 'female'],
]);

/** Words after "her" that show it as an object ("asked her to", "gave her the keys"), most often someone else than the name before it. */
const AFTER_OBJECT_HER = new Set(['to', 'the', 'a', 'an', 'that', 'this', 'and', 'or', 'but', 'for', 'as', 'if', 'when', 'on', 'in', 'at', 'with', 'from', 'about', 'into', 'back', 'up', 'out', 'down', 'off', 'again', 'now', 'then']);

/** Most tokens between a name and the pronoun that refers back to it. */
const MAX_PRONOUN_GAP = 8;

/**
 * Gender shown by the pronoun that refers back to a person in the clause that names them
 * ("Taylor Mbeki sang her new song", "Ferris said he would"), for given names the lexicon does not
 * know. Reading stops at the clause's end, a quotation mark, another person's name, an article or
 * a singular noun for a person ("Roe thanked the governor for his help"); "him" and an object "her"
 * stop it too, as they mostly stand for someone else ("Roe told him …"). A name that is an object
 * or possessive is skipped. Null when mentions disagree.
 */
function pronounGenders(ctx: Reading): Map<string, NameGender | null> {
  const { actors, tokens, state } = ctx;
  const found = new Map<string, NameGender | null>();
  let tokenIndex = 0;
  for (let actorIndex = 0; actorIndex < actors.length; actorIndex++) {
    const actor = actors[actorIndex] as ActorMention;
    while (tokenIndex < tokens.length && (tokens[tokenIndex]?.start ?? 0) < actor.end) tokenIndex++;
    if (actor.type !== 'person') continue;
    let nextPerson = Infinity;
    for (let later = actorIndex + 1; later < actors.length && nextPerson === Infinity; later++) if (actors[later]?.type === 'person') nextPerson = actors[later]?.start ?? Infinity;
    // "Roe's son said he …" is about the son; "told Roe that he …", "leased to Roe, borrowed against his …" are about the subject.
    const before = tokens[firstStartingAtOrAfter(tokens, actor.start) - 1];
    if (before && before.end >= actor.start - 2 && before.kind === 'word' && !before.capitalized && (before.lower === 'to' || OBJECT_BEFORE.some((wordClass) => state.lexicon.classes(before.lower).has(wordClass)))) continue;
    if (POSSESSIVE_ENDINGS.has(tokens[tokenIndex]?.lower ?? '')) continue;
    let gender: NameGender | undefined;
    for (let index = tokenIndex; index < tokens.length && index <= tokenIndex + MAX_PRONOUN_GAP; index++) {
      const token = tokens[index] as Token;
      if (token.start >= nextPerson || ctx.quotes.role[index] !== 0 || CLAUSE_ENDS.has(token.text)) break;
      const lower = token.lower;
      if (lower === 'him') break;
      const pronoun = BACK_PRONOUN_GENDER.get(lower);
      if (pronoun) {
        const next = tokens[index + 1];
        if (lower === 'her' && (!next || next.kind !== 'word' || AFTER_OBJECT_HER.has(next.lower))) break;
        gender = pronoun;
        break;
      }
      // An object with an article may be a person the lexicon does not list ("the harbour master").
      if (ARTICLES.has(lower)) break;
      const singular = !lower.endsWith('s') || lower.endsWith('ss');
      if (singular && (state.speakerHeads.has(lower) || state.lexicon.classes(lower).has('person-noun'))) break;
    }
    if (!gender) continue;
    const known = found.get(actor.actorId);
    found.set(actor.actorId, known === undefined || known === gender ? gender : null);
  }
  return found;
}

/** Word classes before a name that make it an object, not the subject the next pronoun stands for. */
const OBJECT_BEFORE = ['verb', 'past-tense', 'preposition'] as const;


const CLAUSE_ENDS = new Set(['.', '!', '?', ';', ':', '(', ')', '"', '“', '”', '—', '–']);

/** Whether a "he" or "she" can stand for the actor: not when the actor's name shows the other gender. */
export function pronounFitsGender(ctx: Reading, pronoun: string, actor: ActorMention): boolean {
  if (pronoun !== 'he' && pronoun !== 'she') return true;
  const gender = actorGender(ctx, actor);
  return gender === null || gender === (pronoun === 'he' ? 'male' : 'female');
}
