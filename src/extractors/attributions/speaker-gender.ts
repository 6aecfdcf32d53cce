import type { ActorMention } from '../../model/claim.js';
import type { Reading } from './reading.js';

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
  return genders;
}

/** Whether a "he" or "she" can stand for the actor: not when the actor's name shows the other gender. */
export function pronounFitsGender(ctx: Reading, pronoun: string, actor: ActorMention): boolean {
  if (pronoun !== 'he' && pronoun !== 'she') return true;
  const gender = actorGender(ctx, actor);
  return gender === null || gender === (pronoun === 'he' ? 'male' : 'female');
}
