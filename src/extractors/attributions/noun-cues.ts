import type { Attribution, Span } from '../../model/claim.js';
import type { Token } from '../text/tokens.js';
import { startsClause } from './clause-boundaries.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import { contentAfter } from './content-spans.js';
import { namedObjectAdjunctStart, occasionAdjunctStart } from './occasion-adjuncts.js';
import type { CueForm } from './engine.js';
import { nextCommaOrEnd, type Range, type Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { afterOpeningConnective } from './opening-phrases.js';
import { readAppositiveSpeaker } from './appositive-speakers.js';
import { readSpeakerBefore } from './speaker-spans.js';
import { spanPhrases, spanWords } from './span-rules.js';
import { pronounFitsGender } from './speaker-gender.js';
import { AUXILIARIES, AUXILIARY_VERBS, CLAUSE_WORDS, CONTRACTION_HOSTS, COORDINATORS, CUE_ADVERBS, DAY_WORDS, DETERMINERS, LY_ADVERB, NOUN_MARKERS, OBJECT_PRONOUNS, PLURAL_HEADS, PRONOUNS, RELATIVE_SPEAKERS, endsInSingleS, POSSESSIVE_ENDINGS, POSSESSIVE_MARKS } from './word-lists.js';
import { isNounWord, isUnknownOrVerb, isVerbWord, looksAdjective, opensNoPhrase } from './word-tests.js';
import { COMMON_NOUN_OWNER_ROW, ownedByCommonNounIn, possessiveAt } from './object-possessives.js';
import { SUBJECT_QUESTION_ROW, opensSubjectQuestion } from './question-objects.js';

/**
 * Noun cues: "Roe's criticism of the plan", "his statement that the bridge was safe", "their
 * decision to close the pier". The owner named by a possessive is the speaker; the content is the
 * object after the noun's preposition, or its "that" clause or "to" infinitive.
 */

/** Rows of config/attributions/cues.json: nouns of saying and believing, of answering, and of deciding and intending. */
const CLAUSE_NOUN_ROW = 'cue.noun-clause';
const REPLY_NOUN_ROW = 'cue.noun-reply';
const INTENT_NOUN_ROW = 'cue.noun-intent';
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
/** Prepositions that open a noun cue's object ("criticism of", "support for", "attacks on"). */
const OBJECT_PREPOSITIONS = new Set(['of', 'for', 'on', 'to', 'about', 'against', 'over', 'with']);
/** Describing words allowed between the owner and the noun: "his latest attacks on", "Roe's repeated claims that", "his widely reported claim that". */
const MAX_NOUN_MODIFIERS = 3;
/** "the statement that the mayor released": after a definite determiner a "that" clause is as often a relative clause as the noun's content. */
const DEFINITE_BEFORE = new Set(['the', 'this', 'that', 'these', 'those']);
const MAX_OBJECT_TOKENS = 20;
/** How many words may stand between a noun of saying and its "that": "an allegation from her former deputy, Jo Roe, that …". */
const MAX_NOUN_ADJUNCT_TOKENS = 9;
/** Prepositions naming whose words a noun of saying reports: "claims by intelligence agencies that …", "criticism from rivals that …". */
const AGENT_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'from', 'of', 'among']);
/** Prepositions of when or where the words were said: "her remark during the hearing that …", "his claim in an interview that …". */
const OCCASION_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'during', 'before', 'after', 'last', 'this', 'earlier']);

export function matchNounCue(ctx: Reading, position: number, end: number): CueForm | undefined {
  const { lower, state } = ctx;
  if ((ctx.tokens[position] as Token).capitalized && position > ctx.currentSentenceStart) return undefined;
  for (const option of state.phraseCues.get(lower(position)) ?? []) {
    if (option.frame !== 'noun') continue;
    const after = position + option.words.length;
    if (after >= end) continue;
    if (option.words.some((word, offset) => lower(position + offset) !== word)) continue;
    if (option.complement === 'incurred') {
      if (incurringVerbBefore(ctx, position) !== undefined) return option;
      continue;
    }
    if (option.complement === 'received') {
      if (SUPPORTER_PREPOSITIONS.has(lower(after)) && receivingVerbBefore(ctx, position) !== undefined) return option;
      continue;
    }
    const owned = owner(ctx, position);
    if (!owned && !lightVerbSubject(ctx, position, end)) {
      // "a point that the pilots disputed": a noun of answering reports words only with an owner.
      if (option.ruleId === REPLY_NOUN_ROW) continue;
      // "…, warning that …", "… but warning that …": a participle of a verb of saying, whose speaker is the clause's subject.
      if (readsAsParticiple(ctx, position)) continue;
      // "Vincent remarks that …", "she claims that …": after a name or a pronoun the word is its verb.
      if (readsAsVerbOfSubject(ctx, position)) continue;
      // "amid allegations that the count was rigged": a noun of saying with its clause reports words whose speaker goes unnamed.
      if (option.complement === 'clause' && lower(after) === 'that' && !DEFINITE_BEFORE.has(lower(position - 1)) && startsClause(ctx, after + 1, end)) return option;
      // "claims by intelligence agencies that …", "an allegation from his wife that …": the words of the one named after the noun.
      if (option.complement === 'clause' && thatAfterNounAdjunct(ctx, after, end, false)?.agent) return option;
      continue;
    }
    const last = option.words[option.words.length - 1] as string;
    if (owned && copularContentStart(ctx, option, owned, after, end) !== undefined) return option;
    if (OBJECT_PREPOSITIONS.has(last)) {
      if ((ctx.tokens[after] as Token).kind === 'punct' && !ctx.isOpenQuote(after)) continue;
      return option;
    }
    // "his statement that the bridge was safe", "their decision to close the pier".
    if (lower(after) === 'that' && startsClause(ctx, after + 1, end)) return option;
    // "Roe's assertion Monday that …", "her claim during the debate that …".
    if (option.complement === 'clause' && thatAfterNounAdjunct(ctx, after, end, true)) return option;
    // "her decision to close the pier", "his call to ban ferries" (after an owned noun of intent a word that may be a
    // noun or a verb is the verb), "their decision not to sell"; a noun of saying takes no infinitive ("took his statement to mean").
    const infinitive = lower(after) === 'not' ? after + 1 : after;
    if (lower(infinitive) === 'to' && option.complement !== 'clause' && readsAsInfinitive(ctx, infinitive + 1)) return option;
  }
  return undefined;
}

/**
 * A word with a verb reading right after a name or a personal pronoun, within the sentence; after an
 * auxiliary or a relative pronoun ("didn't report that", "has been warning that", "who estimates
 * that"); or after a noun it agrees with ("her allies fear that", "the suit claims that"; not "news
 * reports that", whose plural noun takes no "-s" verb).
 */
function readsAsVerbOfSubject(ctx: Reading, position: number): boolean {
  const { lower } = ctx;
  if (position <= ctx.currentSentenceStart || !ctx.state.cues.has(lower(position))) return false;
  const before = ctx.tokens[position - 1] as Token;
  if ((before.kind === 'word' && before.capitalized && !NOUN_MARKERS.has(before.lower)) || PRONOUNS.has(before.lower)) return true;
  let at = position - 1;
  while (at > ctx.currentSentenceStart && (CUE_ADVERBS.has(lower(at)) || LY_ADVERB.test((ctx.tokens[at] as Token).text))) at--;
  const word = ctx.tokens[at] as Token;
  if ((AUXILIARY_VERBS.has(word.lower) && !POSSESSIVE_MARKS.has(word.lower)) || RELATIVE_SPEAKERS.has(word.lower)) return true;
  // "amid media reports that …": a noun a preposition governs is no subject.
  if (word.kind !== 'word' || (at > ctx.currentSentenceStart && ctx.state.lexicon.classes(lower(at - 1)).has('preposition'))) return false;
  const pluralSubject = PLURAL_HEADS.has(word.lower) || endsInSingleS(word.lower);
  const nounSubject = isNounWord(ctx, word.lower) || ctx.state.speakerHeads.has(word.lower) || (pluralSubject && ctx.state.lexicon.classes(word.lower).size === 0);
  return nounSubject && !DETERMINERS.has(word.lower) && pluralSubject !== endsInSingleS(lower(position));
}

/** An "-ing" noun of saying right after a comma or a coordinator ("…, warning that …") is the verb's participle. */
function readsAsParticiple(ctx: Reading, position: number): boolean {
  const word = ctx.lower(position);
  if (!/ing$/.test(word) || !ctx.state.cues.has(word)) return false;
  const before = ctx.lower(position - 1);
  return before === ',' || COORDINATORS.has(before);
}

/**
 * The "that" of a noun of saying's clause after a short phrase naming when, where or by whom it was
 * said ("Monday", "during the debate", "by intelligence agencies", "from his wife, Ivana Trump,"),
 * and that phrase's noun phrase when a preposition of agency opens it and it reads as a speaker (a
 * name, or a word for people such as "rivals" or "officials"): "claims of fraud that …" has none.
 */
function thatAfterNounAdjunct(ctx: Reading, after: number, end: number, owned: boolean): { that: number; agent?: Range } | undefined {
  const { tokens, lower, state } = ctx;
  const first = lower(after);
  // An owner names the speaker already, so a phrase of agency after the noun is its object ("Roe's theory of the case").
  const agentPhrase = !owned && AGENT_PREPOSITIONS.has(first);
  const datePhrase = state.lexicon.classes(first).has('date-word') || DAY_WORDS.has(first);
  if (owned ? !datePhrase && !OCCASION_PREPOSITIONS.has(first) : !agentPhrase) return undefined;
  let that = after + 1;
  while (that < end && that - after <= MAX_NOUN_ADJUNCT_TOKENS && lower(that) !== 'that') {
    const token = tokens[that] as Token;
    // Only a speaker's apposition is set off by commas: "from his former partner, Jo Lee, that …".
    if (ctx.quotes.depth[that] !== 0 || ctx.isOpenQuote(that) || (token.kind === 'punct' && !(token.text === ',' && agentPhrase) && token.text !== '.' && !POSSESSIVE_ENDINGS.has(token.lower))) return undefined;
    // "complaints from residents who say that …", "her plan in May, noting that …": a clause or verb of its own holds the "that".
    if (!token.capitalized && token.kind === 'word' && (AUXILIARY_VERBS.has(token.lower) || CLAUSE_WORDS.has(token.lower) || RELATIVE_SPEAKERS.has(token.lower) || (isVerbWord(ctx, token.lower) && !isNounWord(ctx, token.lower)))) return undefined;
    // "The Gazette's piece today claims that …": a cue word there is the verb whose clause it is.
    if (!token.capitalized && state.cues.has(token.lower)) return undefined;
    that++;
  }
  if (lower(that) !== 'that' || that === after + 1 && !datePhrase || !startsClause(ctx, that + 1, end)) return undefined;
  if (!agentPhrase) return { that };
  const agentEnd = (tokens[that - 1] as Token).text === ',' ? that - 1 : that;
  let named = false;
  for (let index = after + 1; index < agentEnd; index++) {
    const token = tokens[index] as Token;
    if ((token.capitalized && token.kind === 'word') || state.speakerHeads.has(token.lower)) named = true;
  }
  return named && agentEnd > after + 1 ? { that, agent: { start: after + 1, end: agentEnd } } : { that };
}

/** "to close the pier", not "to reporters" or "to the press": a lower-case word that can be a verb. */
export function opensInfinitive(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower) || OBJECT_PRONOUNS.has(token.lower)) return false;
  return isVerbWord(ctx, token.lower) || !isNounWord(ctx, token.lower);
}

/** "to comment", "to ask": after "to" where a verb is expected, a word that may be a noun or a verb is read as the verb. */
export function readsAsInfinitive(ctx: Reading, index: number): boolean {
  return opensInfinitive(ctx, index) || ctx.state.lexicon.classes(ctx.lower(index)).has('verb-reading');
}

/** Endings of nouns the lexicon may not list: "immigration", "government", "fairness", "security", "leadership". */
const NOUN_ENDINGS = /(?:tion|sion|ment|ness|ity|ship|ism|ist|ance|ence)$/;
/** Words of degree that may stand before the describing word of an owned noun: "her very public criticism of", "his most recent claim that". */
const DEGREE_WORDS: ReadonlySet<string> = new Set(['very', 'most', 'more', 'less', 'least', 'so', 'too', 'rather', 'quite', 'ever']);

/**
 * A word describing the noun cue between it and its owner: an adjective, even one the lexicon lacks ("his
 * controversial proposal to", "her energetic endorsement of", "the group's long-standing affection for"), a
 * participle ("his repeated attacks on", "her surprising claim that"), an adverb or a degree word before one
 * ("his widely reported claim that", "her very public criticism of"), or a figure ("the board's 2015 decision
 * to"). A noun, a plural or a verb there is not one: "his aides claim that …" has "claim" for its verb.
 */
function describesOwnedNoun(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  // "the board's 2015 decision to": a figure, most often a year, dates the act the noun names.
  if (token.kind === 'number' && ctx.quotes.depth[index] === ctx.quotes.depth[index + 1]) return true;
  if (token.kind !== 'word' || token.capitalized || ctx.quotes.depth[index] !== ctx.quotes.depth[index + 1]) return false;
  const word = token.lower;
  if (DEGREE_WORDS.has(word) || looksAdjective(ctx, index) || /(?:ed|ing)$/.test(word)) return true;
  if (POSSESSIVE_DETERMINERS.has(word) || DETERMINERS.has(word) || PRONOUNS.has(word) || OBJECT_PRONOUNS.has(word) || AUXILIARIES.has(word) || CLAUSE_WORDS.has(word) || endsInSingleS(word)) return false;
  const classes = ctx.state.lexicon.classes(word);
  if (classes.has('preposition') || classes.has('noun') || classes.has('verb')) return false;
  // "widely", "strikingly", and words the lexicon does not list ("controversial", "unlikely", "long-standing"), but not
  // a noun the ending shows ("his immigration speech on").
  return LY_ADVERB.test(word) || classes.has('adjective') || (classes.size === 0 && !NOUN_ENDINGS.test(word));
}

/** The owner before a noun cue: a possessive determiner, or a noun phrase ending in "'s" (or a plural's "'"). */
function owner(ctx: Reading, position: number): Range | undefined {
  const { lower } = ctx;
  let before = position - 1;
  while (position - before <= MAX_NOUN_MODIFIERS && before > ctx.currentSentenceStart && describesOwnedNoun(ctx, before)) before--;
  const word = lower(before);
  if (POSSESSIVE_DETERMINERS.has(word)) return { start: before, end: before + 1 };
  if (word !== "'s" && word !== "'") return undefined;
  // "it's sparking fears that …", "he's faced questions about …": after "it", "he" or "that" the "'s" is "is" or "has", not a possessive.
  if (CONTRACTION_HOSTS.has(lower(before - 1))) return undefined;
  const named = readSpeakerBefore(ctx, ctx.currentSentenceStart, before);
  if (!named) return undefined;
  // "the delay in Roe's", "railed at Roe's", "the pilots and Roe's": the owner is the noun phrase after the last
  // preposition, verb, coordinator or punctuation mark read into it ("the Bank of England's" keeps its "of" before a name).
  let start = named.start;
  for (let index = named.start; index < before - 1; index++) {
    const token = ctx.tokens[index] as Token;
    const next = ctx.tokens[index + 1] as Token;
    const preposition = ctx.state.lexicon.classes(token.lower).has('preposition') && !(token.lower === 'of' && next.capitalized);
    if (!token.capitalized && (preposition || COORDINATORS.has(token.lower) || (token.kind === 'punct' && !POSSESSIVE_ENDINGS.has(token.lower) && token.text !== '.') || (isVerbWord(ctx, token.lower) && !isNounWord(ctx, token.lower)))) start = index + 1;
  }
  // "dismissed criticism of Mr. Roe's": the owner starts at its name or determiner, not at a verb read into the phrase.
  const opensOwner = (index: number): boolean => (ctx.tokens[index] as Token).capitalized || DETERMINERS.has(lower(index));
  while (start < before - 1 && !opensOwner(start)) start++;
  return { start, end: before + 1 };
}

export function readNounCue(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null {
  if (cue.complement === 'incurred') return readIncurredJudgement(ctx, bodyEnd, cueStart, cueEnd, cue);
  if (cue.complement === 'received') return readReceivedSupport(ctx, bodyEnd, cueStart, cueEnd, cue);
  const owned = owner(ctx, cueStart);
  const subject = owned && subjectOwningPronoun(ctx, owned.start, cueEnd, bodyEnd);
  const lightVerb = owned ? undefined : lightVerbSubject(ctx, cueStart, bodyEnd);
  const adjunct = cue.complement === 'clause' && ctx.lower(cueEnd) !== 'that' ? thatAfterNounAdjunct(ctx, cueEnd, bodyEnd, (owned ?? lightVerb) !== undefined) : undefined;
  const copular = owned ? copularContentStart(ctx, cue, owned, cueEnd, bodyEnd) : undefined;
  const speaker = subject ?? owned ?? lightVerb ?? adjunct?.agent;
  if (!speaker) {
    if (cue.complement !== 'clause' || ctx.lower(cueEnd) !== 'that') return null;
    const unowned = contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
    return unowned ? buildAttribution(ctx, null, cueSpan, unowned, cue.ruleId, cueStart, ['attribution.noun-cue', 'attribution.noun-unowned']) : null;
  }
  const last = cue.words[cue.words.length - 1] as string;
  // The clause starts at its "that", past the phrase of time, place or agency.
  // "Her promise that rents would fall drew criticism": a noun cue whose owner opens the sentence is
  // its subject, so its clause ends where the sentence's own verb begins.
  const inSubject = copular === undefined && owned !== undefined && !subject && opensSubject(ctx, owned.start);
  const read = copular !== undefined ? contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, copular, cue) : OBJECT_PREPOSITIONS.has(last) && !adjunct ? objectAfter(ctx, cueEnd, bodyEnd, inSubject) : contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, adjunct?.that ?? cueEnd, cue);
  const whole = read && inSubject ? beforeMainPredicate(ctx, read) : read;
  const content = whole && beforeColon(ctx, whole);
  if (!content) return null;
  const ruleIds = subject ? ['attribution.noun-cue', 'span.possessive-of-subject'] : lightVerb ? ['attribution.noun-cue', 'span.light-verb-object'] : ['attribution.noun-cue'];
  if (adjunct) ruleIds.push('span.noun-adjunct-that');
  if (ownedByCommonNounIn(ctx, content)) ruleIds.push(COMMON_NOUN_OWNER_ROW);
  if (read === whole && OBJECT_PREPOSITIONS.has(last) && opensSubjectQuestion(ctx, firstStartingAtOrAfter(ctx.tokens, content.start))) ruleIds.push(SUBJECT_QUESTION_ROW);
  if (copular !== undefined) ruleIds.push(COPULAR_ROW);
  if (read && whole && whole.end < read.end) ruleIds.push(SUBJECT_PREDICATE_ROW);
  return buildAttribution(ctx, ctx.spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ruleIds);
}

/**
 * Whether a noun phrase starting at `index` is the subject of its sentence: it opens the sentence, or
 * follows only a coordinator or a connective ("But her promise that …", "Still, his call for …").
 */
function opensSubject(ctx: Reading, index: number): boolean {
  const sentenceStart = ctx.currentSentenceStart;
  if (index === sentenceStart) return true;
  const opening = COORDINATORS.has(ctx.lower(sentenceStart)) ? sentenceStart + 1 : sentenceStart;
  return index === opening || (index > opening && afterOpeningConnective(ctx, opening, index + 1) === index);
}

/** Row of config/attributions/spans.json: the forms of "be" that link an owned noun of saying, believing or intending to its content ("Her answer was that …"). */
const COPULAR_ROW = 'span.copular-noun-content';
/** Adverbs between the noun and its "be": "His message long has been that …", "My view has always been that …". */
const MAX_COPULAR_ADVERBS = 2;

/**
 * "Her answer was that the pier must close", "My impression is that he lacks support", "Their argument: …",
 * "His plan is to sell the pier": an owned noun of saying or believing (or, before "to", of intending) that a form
 * of "be" links to a "that" clause, a quotation or a colon has that for its content. Returns where the content opens.
 */
function copularContentStart(ctx: Reading, cue: CueForm, owned: Range, after: number, end: number): number | undefined {
  const { lower, tokens } = ctx;
  if (cue.ruleId !== CLAUSE_NOUN_ROW && cue.ruleId !== REPLY_NOUN_ROW && cue.ruleId !== INTENT_NOUN_ROW) return undefined;
  // "Their argument: only the board can act": heading its sentence, the noun may take a colon with no verb ("about his
  // proposal: …" names what someone else spoke of); a quotation there has a verb of saying of its own ("His verdict:
  // “It is late,” he said").
  if (tokens[after]?.text === ':' && opensSubject(ctx, owned.start) && !ctx.isOpenQuote(after + 1)) return after;
  const index = afterLinkingVerb(ctx, after, end);
  if (index === undefined || index >= end) return undefined;
  // After "was that" a pronoun or a quotation opens the clause too ("was that it's unfair", "was that “the family comes first”"); "was that of a pilot" is no clause.
  if (lower(index) === 'that' && (startsClause(ctx, index + 1, end) || PRONOUNS.has(lower(index + 1)) || ctx.isOpenQuote(index + 1))) return index;
  if ((tokens[index] as Token).text === ':' || ctx.isOpenQuote(index)) return index;
  // "My intention is to sell the pier": a noun of intending takes the infinitive.
  if (cue.ruleId === INTENT_NOUN_ROW && lower(index) === 'to' && readsAsInfinitive(ctx, index + 1)) return index;
  return undefined;
}

/** Where the form of "be" of span.copular-noun-content that opens at `start` ends, with the adverbs before, inside and after it ("long has been", "has always been", "is simply"). */
function afterLinkingVerb(ctx: Reading, start: number, end: number): number | undefined {
  const { lower } = ctx;
  const adverbAt = (at: number): boolean => at < end && (CUE_ADVERBS.has(lower(at)) || LY_ADVERB.test(lower(at)));
  for (const phrase of spanPhrases(COPULAR_ROW)) {
    let at = start;
    let adverbs = 0;
    const skipAdverbs = (word?: string): void => {
      while (adverbs < MAX_COPULAR_ADVERBS && adverbAt(at) && lower(at) !== word) {
        at++;
        adverbs++;
      }
    };
    const matched = phrase.every((word) => {
      skipAdverbs(word);
      if (lower(at) !== word) return false;
      at++;
      return true;
    });
    if (!matched) continue;
    skipAdverbs();
    return at;
  }
  return undefined;
}

/** How many words may stand between a light verb and the noun cue it takes: "made several conflicting statements about". */
const MAX_LIGHT_VERB_MODIFIERS = 3;

/**
 * "Roe made comments about the plan", "the mayor voiced concern over the cost": a noun cue that
 * is the object of a verb of the span.light-verb-object row reports what the verb's subject said
 * or held, so that subject is the speaker.
 */
function lightVerbSubject(ctx: Reading, position: number, bodyEnd: number): Range | undefined {
  const { tokens, lower } = ctx;
  const sentenceStart = ctx.currentSentenceStart;
  const lightVerbs = spanWords('span.light-verb-object');
  let verb = position - 1;
  while (position - verb <= MAX_LIGHT_VERB_MODIFIERS && verb > sentenceStart && !lightVerbs.has(lower(verb)) && (DETERMINERS.has(lower(verb)) || looksAdjective(ctx, verb) || /(?:ed|ing)$/.test(lower(verb)) || (tokens[verb] as Token).kind === 'number' || opensNoPhrase(ctx, verb))) verb--;
  if (verb <= sentenceStart || !lightVerbs.has(lower(verb)) || (tokens[verb] as Token).capitalized) return undefined;
  // The verb group before it: "has recently made", "did not voice".
  let start = verb;
  while (start - 1 > sentenceStart && (AUXILIARIES.has(lower(start - 1)) || (/ly$/.test(lower(start - 1)) && !(tokens[start - 1] as Token).capitalized))) start--;
  // "Roe, who spoke for an hour, made no mention of the levy": a subject and its insert set off by commas.
  if ((tokens[start - 1] as Token).text === ',') return readAppositiveSpeaker(ctx, sentenceStart, start - 1, position + 1, bodyEnd, true);
  const subject = readSpeakerBefore(ctx, sentenceStart, start);
  return subject && subject.end === start ? subject : undefined;
}

/** How many words of a verb group may stand between a subject and the possessive it owns ("have been unsparing in"). */
const MAX_PREDICATE_WORDS = 5;

/**
 * "Ferry pilots have been loud in their criticism of …", "Roe stepped up his attacks on …":
 * a possessive pronoun that owns a noun cue right after its clause's verb group stands for the
 * clause's subject when the two agree, and the subject names the speaker. The verb group is
 * auxiliaries, verbs, "-ing" and "-ly" words, adjectives and the particles of the span.possessive-of-subject row.
 */
function subjectOwningPronoun(ctx: Reading, pronounIndex: number, cueEnd: number, bodyEnd: number): Range | undefined {
  const { tokens, lower } = ctx;
  const pronoun = lower(pronounIndex);
  if (pronoun !== 'his' && pronoun !== 'her' && pronoun !== 'their') return undefined;
  const sentenceStart = ctx.currentSentenceStart;
  const particles = spanWords('span.possessive-of-subject');
  let start = pronounIndex;
  while (start - 1 > sentenceStart && pronounIndex - start < MAX_PREDICATE_WORDS) {
    const token = tokens[start - 1] as Token;
    if (token.kind !== 'word' || token.capitalized || ctx.quotes.depth[start - 1] !== 0) break;
    if (!AUXILIARIES.has(token.lower) && !isVerbWord(ctx, token.lower) && !particles.has(token.lower) && !/^[a-z]{3,}(?:ly|ing)$/.test(token.lower) && !looksAdjective(ctx, start - 1)) break;
    start--;
  }
  // The group opens with its verb: "stepped up his", "have been unsparing in their".
  if (start === pronounIndex || DETERMINERS.has(lower(start)) || /ly$/.test(lower(start)) || !(AUXILIARIES.has(lower(start)) || isVerbWord(ctx, lower(start))) || start <= sentenceStart) return undefined;
  const subject = (tokens[start - 1] as Token).text === ',' ? readAppositiveSpeaker(ctx, sentenceStart, start - 1, cueEnd, bodyEnd) : readSpeakerBefore(ctx, sentenceStart, start);
  return subject && subject.end >= start - 1 && agreesWithPossessive(ctx, pronoun, subject) ? subject : undefined;
}

/** "he … his", "the senator … her", "voters … their", "Roe and Lee … their"; never "it … his" or a name of the other gender. */
function agreesWithPossessive(ctx: Reading, pronoun: string, subject: Range): boolean {
  const { tokens, lower, state } = ctx;
  const head = tokens[subject.end - 1] as Token;
  const single = subject.end - subject.start === 1;
  if (pronoun === 'their') {
    if (single && PRONOUNS.has(head.lower)) return head.lower === 'they';
    for (let index = subject.start; index < subject.end; index++) if (lower(index) === 'and') return true;
    return PLURAL_HEADS.has(head.lower) || endsInSingleS(head.lower) && (!head.capitalized || state.lexicon.classes(head.lower).has('noun'));
  }
  const personal = pronoun === 'his' ? 'he' : 'she';
  if (single && PRONOUNS.has(head.lower)) return head.lower === personal;
  for (let index = subject.start; index < subject.end; index++) if (lower(index) === 'and') return false;
  const person = ctx.actors.find((actor) => actor.type === 'person' && actor.start >= (tokens[subject.start] as Token).start && actor.end <= head.end);
  if (person) return pronounFitsGender(ctx, personal, person);
  return !head.capitalized && state.speakerHeads.has(head.lower) && !endsInSingleS(head.lower);
}

/** Words that open a question clause as a noun cue's object: "doubts about whether …", "questions about how …". */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['whether', 'how', 'why', 'what', 'who', 'if']);

/** After a word, the end of its noun phrase: the sentence body's end, a comma, a stop or a coordinator. */
function endsNounPhrase(ctx: Reading, index: number, bodyEnd: number): boolean {
  const token = ctx.tokens[index];
  if (index >= bodyEnd || !token) return true;
  return (token.kind === 'punct' && token.text !== "'" && token.text !== '-') || COORDINATORS.has(token.lower);
}

/** The noun phrase after the preposition: to a comma, a clause word or the sentence's verb (`subject`: the noun cue is in the sentence's subject). */
function objectAfter(ctx: Reading, start: number, bodyEnd: number, subject: boolean): Span | null {
  const { tokens, lower, quotes } = ctx;
  // "questions about whether the fund rewarded donors": a question clause runs to its comma, verb and all.
  // ("support for what would be a new pier": "what" or "who" as the subject of its own verb opens one too.)
  if (QUESTION_WORDS.has(lower(start)) && (opensSubjectQuestion(ctx, start) || startsClause(ctx, start + 1, bodyEnd))) return ctx.spanOf(start, nextCommaOrEnd(ctx, start + 1, bodyEnd));
  let end = start;
  while (end < bodyEnd && end - start < MAX_OBJECT_TOKENS) {
    const token = tokens[end] as Token;
    // "a defence of “harbour values,” saying …": a comma closed inside the quotation ends the phrase as one outside it would.
    if (end > start + 1 && ctx.isCloseQuote(end) && (tokens[end - 1] as Token).text === ',') {
      end++;
      break;
    }
    if (quotes.depth[end] === 0 && !ctx.isOpenQuote(end) && !ctx.isCloseQuote(end)) {
      // "criticism of Roe’s plan", "attacks on Sanders’ vote": a possessive carries the object on to its head.
      if (end > start && possessiveAt(ctx, end)) {
        end++;
        continue;
      }
      if (token.kind === 'punct' && token.text !== '.' && token.text !== "'" && token.text !== '-' && !signOfFigure(ctx, end)) break;
      if (end > start && !token.capitalized && (AUXILIARY_VERBS.has(token.lower) || (CLAUSE_WORDS.has(token.lower) && token.lower !== 'and' && token.lower !== 'of'))) break;
      // "support for abortion rights and …", "attack on her qualifications,": an "-s" word that closes the
      // phrase before a comma, a stop or a coordinator is a plural noun; a verb would go on to its object.
      // (Right after a possessive the word is the owned noun: "the mayor’s failures".)
      if (end > start && !token.capitalized && !POSSESSIVE_ENDINGS.has(lower(end - 1)) && /(?:ed|[^s]s)$/.test(token.lower) && isUnknownOrVerb(ctx, lower(end)) && !(token.lower.endsWith('s') && endsNounPhrase(ctx, end + 1, bodyEnd))) break;
      // "endorsement of his team came with caveats": a past form that no ending shows ("came", "drew") is the sentence's verb.
      if (end > start && !token.capitalized && ctx.state.lexicon.classes(token.lower).has('past-tense') && isUnknownOrVerb(ctx, token.lower)) break;
      // "Roe's attacks on the board hurt him": in the sentence's subject, a word with a person's object pronoun after it is the sentence's verb.
      if (subject && end > start + 1 && token.kind === 'word' && !token.capitalized && OBJECT_PRONOUNS.has(lower(end + 1)) && !PRONOUNS.has(lower(end + 1)) && !ctx.state.lexicon.classes(token.lower).has('preposition') && !CLAUSE_WORDS.has(token.lower) && !DETERMINERS.has(token.lower)) break;
    }
    end++;
  }
  // "his attack on Lee in Sunday's debate", "her praise for Roe at a rally": when and where the act took place is not its object.
  const adjunct = occasionAdjunctStart(ctx, start, end)?.index ?? namedObjectAdjunctStart(ctx, start, end);
  return ctx.spanOf(start, adjunct ?? end);
}

/** Signs written onto a figure: "$15", "£2 million", "10%". */
const FIGURE_SIGNS: ReadonlySet<string> = new Set(['$', '£', '€', '%']);

/** "opposition to the $1 billion plan", "support for a 10% raise": a sign on a figure is part of the noun phrase, not a break in it. */
function signOfFigure(ctx: Reading, index: number): boolean {
  const { tokens } = ctx;
  const token = tokens[index] as Token;
  if (!FIGURE_SIGNS.has(token.text)) return false;
  return token.text === '%' ? tokens[index - 1]?.kind === 'number' : tokens[index + 1]?.kind === 'number';
}

/** Finite auxiliaries that can open a sentence's predicate ("was", "has", "will"). */
const FINITE_AUXILIARIES = new Set([...AUXILIARY_VERBS].filter((word) => !["'s", 'not', "n't", 'be', 'been', 'being'].includes(word)));
/** Words after which a verb belongs to the clause they open, not to the sentence. */
const PREDICATE_CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'what', 'when', 'where', 'whether', 'if', 'because', 'as', 'while', 'to', 'and', 'or']);

/**
 * "Roe's plans to rally the pilots: the crews are not on board": a colon outside quotation marks ends what the
 * noun reports; the writer's own point follows it.
 */
function beforeColon(ctx: Reading, content: Span): Span | null {
  const { tokens } = ctx;
  const first = firstStartingAtOrAfter(tokens, content.start);
  const end = firstStartingAtOrAfter(tokens, content.end);
  for (let index = first + 1; index < end; index++) {
    if ((tokens[index] as Token).text === ':' && ctx.quotes.depth[index] === 0) return ctx.spanOf(first, index);
  }
  return content;
}

/** Row of config/attributions/spans.json: the content of a noun cue in the sentence's subject ends before the sentence's verb. */
const SUBJECT_PREDICATE_ROW = 'span.noun-cue-subject';
/** Pronouns that open a relative clause, whose verb is not the reported clause's own. */
const RELATIVE_OPENERS: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'whose']);

/**
 * The content cut before the sentence's own predicate: the first verb in it that opens a verb
 * group after a noun (not after a pronoun, an auxiliary or a clause opener, which keep it inside
 * the clause) once the clause before it has a verb of its own.
 */
function beforeMainPredicate(ctx: Reading, content: Span): Span | null {
  const { tokens } = ctx;
  const first = firstStartingAtOrAfter(tokens, content.start);
  const end = firstStartingAtOrAfter(tokens, content.end);
  // Only the verbs the words show without a tagger: a finite auxiliary, a past form in -ed, or a past form the
  // lexicon knows ("drew", "went", "made").
  const verbAt = (index: number): boolean => {
    const token = tokens[index] as Token;
    return token.kind === 'word' && !token.capitalized && (FINITE_AUXILIARIES.has(token.lower) || ((/[^e]ed$/.test(token.lower) || ctx.state.lexicon.classes(token.lower).has('past-tense')) && (isVerbWord(ctx, token.lower) || ctx.state.lexicon.classes(token.lower).has('past-reading'))));
  };
  // An infinitive ("to close the pier", "not to sell") was read as one when the cue was matched; a clause needs a verb of its own
  // first ("that the pier was unsafe angered pilots"), and a relative clause's verb is not it ("that the pilot who
  // docked was late drew …").
  let ownVerb = (tokens[first] as Token).lower === 'to' || ((tokens[first] as Token).lower === 'not' && tokens[first + 1]?.lower === 'to');
  for (let index = first + 1; index < end; index++) {
    if (!verbAt(index)) continue;
    const previous = tokens[index - 1] as Token;
    // "in 2008 was seen": a figure may end the noun phrase before the verb.
    const opensGroup = (previous.kind === 'word' || previous.kind === 'number') && !AUXILIARIES.has(previous.lower) && !previous.lower.endsWith('ly') && !PREDICATE_CLAUSE_OPENERS.has(previous.lower) && !PRONOUNS.has(previous.lower) && !DETERMINERS.has(previous.lower);
    if (opensGroup && ownVerb && index >= first + 2) return ctx.spanOf(first, index);
    if (!RELATIVE_OPENERS.has(previous.lower)) ownVerb = true;
  }
  return content;
}

/** Row of config/attributions/spans.json: verbs whose subject incurs a judgement ("drew", "faced", "came under"). */
const INCURRING_ROW = 'span.incurring-verb';
/** Describing words between the verb and the noun: "drew harsh criticism", "faced widespread public criticism". */
const MAX_INCURRED_MODIFIERS = 2;
/** Words that close what was held against the subject: "came under criticism when …", "faced criticism, but …". */
const INCURRED_CLOSERS: ReadonlySet<string> = new Set(['when', 'while', 'because', 'since', 'after', 'before', 'as', 'but', 'although', 'though', 'despite', 'amid', 'until', 'and', 'or', 'who', 'which']);

/**
 * The first word of the verb group of a verb of incurring right before a noun of judging, a few
 * describing words apart ("has drawn harsh criticism", "came under heavy criticism"), when a
 * subject stands before it; undefined when there is none.
 */
function incurringVerbBefore(ctx: Reading, position: number, kind: VerbBeforeNoun = INCURRING): { group: number; subject: Range } | undefined {
  const { tokens, lower } = ctx;
  const sentenceStart = ctx.currentSentenceStart;
  const verbs = spanWords(kind.row);
  const verbEndingAt = (index: number): number | undefined => (verbs.has(lower(index)) ? index : index - 1 >= sentenceStart && verbs.has(`${lower(index - 1)} ${lower(index)}`) ? index - 1 : undefined);
  let last = position - 1;
  while (position - last <= kind.maxModifiers && last > sentenceStart && verbEndingAt(last) === undefined && (DETERMINERS.has(lower(last)) ? kind.determiners : opensNoPhrase(ctx, last))) last--;
  const verb = last > sentenceStart ? verbEndingAt(last) : undefined;
  if (verb === undefined || (tokens[verb] as Token).capitalized) return undefined;
  // "has drawn", "is already facing": the auxiliaries and adverbs of the verb group.
  let group = verb;
  while (group - 1 > sentenceStart && (AUXILIARIES.has(lower(group - 1)) || CUE_ADVERBS.has(lower(group - 1)) || (LY_ADVERB.test(lower(group - 1)) && !(tokens[group - 1] as Token).capitalized))) group--;
  // "…, drawing scorn from …": a participle with no auxiliary has its subject elsewhere.
  if (/ing$/.test(lower(verb)) && group === verb) return undefined;
  const subject = readSpeakerBefore(ctx, sentenceStart, group);
  return subject && subject.end === group ? { group, subject } : undefined;
}

/**
 * "The plan drew sharp criticism from the pilots", "Roe has faced criticism for closing the pier":
 * a noun of judging as the object of a verb of incurring reports a judgement of the verb's subject,
 * as the passive would ("was criticized by the pilots", "was criticized for closing"). The one named
 * after "from" judged and is the speaker; the content is the subject, or, when a phrase says what was
 * held against it ("for closing the pier"), the clause through that phrase.
 */
function readIncurredJudgement(ctx: Reading, bodyEnd: number, cueStart: number, cueEnd: number, cue: CueForm): Attribution | null {
  const { lower, spanOf } = ctx;
  const verb = incurringVerbBefore(ctx, cueStart);
  if (!verb) return null;
  const cueSpan = spanOf(verb.group, cueEnd) as Span;
  let end = cueEnd;
  while (end < bodyEnd && ctx.quotes.depth[end] === 0 && !closesIncurredClause(ctx, end)) end++;
  let charge = cueEnd;
  while (charge < end && !CHARGE_PREPOSITIONS.has(lower(charge))) charge++;
  // "drew criticism for closing the pier": what was held against the subject stays with it, as after a passive ("was criticized for").
  const content = charge < end ? spanOf(verb.subject.start, end) : spanOf(verb.subject.start, verb.subject.end);
  if (!content) return null;
  const ruleIds = ['attribution.noun-cue', INCURRING_ROW];
  let agentEnd = cueEnd + 1;
  while (lower(cueEnd) === 'from' && agentEnd < end && agentEnd < charge && lower(agentEnd) !== 'that') agentEnd++;
  if (lower(cueEnd) === 'from' && agentEnd > cueEnd + 1) {
    // "drew criticism from rivals that the pier is unsafe": the clause after the agent is what the agent said.
    const said = lower(agentEnd) === 'that' && startsClause(ctx, agentEnd + 1, bodyEnd) ? spanOf(agentEnd, nextCommaOrEnd(ctx, agentEnd + 1, bodyEnd)) : content;
    return said ? buildAttribution(ctx, spanOf(cueEnd + 1, agentEnd), cueSpan, said, cue.ruleId, cueEnd + 1, ruleIds) : null;
  }
  return buildAttribution(ctx, null, cueSpan, content, cue.ruleId, verb.subject.start, ruleIds);
}

/** Prepositions after a noun of judging that say what was held against the one judged: "criticism for", "over", "on", "about". */
const CHARGE_PREPOSITIONS: ReadonlySet<string> = new Set(['for', 'over', 'on', 'about']);

/** Punctuation (not a hyphen inside a word) or a word of INCURRED_CLOSERS ends the clause of a judgement incurred. */
function closesIncurredClause(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  const previous = ctx.tokens[index - 1] as Token;
  if (token.kind === 'punct') return !["'", '.', '&'].includes(token.text) && !(token.text === '-' && token.start === previous.end);
  return INCURRED_CLOSERS.has(token.lower);
}

/** Row of config/attributions/spans.json: verbs whose subject has or gains the support its object names ("has", "won", "picked up"). */
const RECEIVING_ROW = 'span.receiving-verb';
/** Words between the verb and the noun of support: "has the overwhelming support of", "received a single endorsement from". */
const MAX_RECEIVED_MODIFIERS = 3;
/** Prepositions that name who gives the support: "the support of", "an endorsement from", "strong support among". */
const SUPPORTER_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'from', 'among']);
/** Words that end the phrase naming the supporters: a clause opener, or a phrase of purpose, means or comparison ("in 10 voters", "on Long Island" stay in it). */
const SUPPORTER_CLOSERS: ReadonlySet<string> = new Set(['when', 'while', 'because', 'since', 'after', 'before', 'as', 'but', 'although', 'though', 'despite', 'amid', 'until', 'who', 'which', 'that', 'to', 'for', 'by', 'than', 'with']);

/** A verb standing before a noun cue: its row of verbs, and what may come between them. */
interface VerbBeforeNoun {
  row: string;
  maxModifiers: number;
  /** Whether a determiner may stand between: "has the full support of", "received a single endorsement from" (support is counted and qualified, judgement rarely is). */
  determiners: boolean;
}
const INCURRING: VerbBeforeNoun = { row: INCURRING_ROW, maxModifiers: MAX_INCURRED_MODIFIERS, determiners: false };
const RECEIVING: VerbBeforeNoun = { row: RECEIVING_ROW, maxModifiers: MAX_RECEIVED_MODIFIERS, determiners: true };

/** The verb of receiving before a noun of support, with its subject: "Roe has the support of", "the bill won backing from". */
function receivingVerbBefore(ctx: Reading, position: number): { group: number; subject: Range } | undefined {
  return incurringVerbBefore(ctx, position, RECEIVING);
}

/**
 * "Roe has the support of the pilots", "the levy won an endorsement from the guild", "Roe has strong support among
 * fishers": a noun of support as the object of a verb of having or gaining reports the stance of those named after
 * "of", "from" or "among" toward the verb's subject, as "the pilots support Roe" would. They are the speaker and the
 * subject the content; with no one named ("the plan drew support") there is no stance of anyone to report.
 */
function readReceivedSupport(ctx: Reading, bodyEnd: number, cueStart: number, cueEnd: number, cue: CueForm): Attribution | null {
  const { tokens, lower, spanOf } = ctx;
  const verb = receivingVerbBefore(ctx, cueStart);
  if (!verb || !SUPPORTER_PREPOSITIONS.has(lower(cueEnd))) return null;
  const agentStart = cueEnd + 1;
  let agentEnd = agentStart;
  while (agentEnd < bodyEnd && ctx.quotes.depth[agentEnd] === 0 && !closesSupporters(ctx, agentEnd)) agentEnd++;
  if (agentEnd === agentStart || (tokens[agentEnd - 1] as Token).kind === 'punct') return null;
  // "who prior to Wednesday hadn't received …": a phrase of time read as the subject names no one supported.
  const first = tokens[verb.subject.start] as Token;
  if (!first.capitalized && !DETERMINERS.has(first.lower) && !PRONOUNS.has(first.lower) && !RELATIVE_SPEAKERS.has(first.lower)) return null;
  const speaker = spanOf(agentStart, agentEnd);
  const content = spanOf(verb.subject.start, verb.subject.end);
  if (!speaker || !content) return null;
  const cueSpan = spanOf(verb.group, cueEnd + 1) as Span;
  return buildAttribution(ctx, speaker, cueSpan, content, cue.ruleId, agentStart, ['attribution.noun-cue', RECEIVING_ROW]);
}

/**
 * Punctuation (not a hyphen or a possessive inside the name), a word of SUPPORTER_CLOSERS, or "and" before a verb
 * ("the backing of the guild and has pulled ahead") ends the phrase naming the supporters; "and" between two groups of
 * them ("the support of women and older voters") does not.
 */
function closesSupporters(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  const previous = ctx.tokens[index - 1] as Token;
  if (token.kind === 'punct') return !["'", '.', '&', '’', '%'].includes(token.text) && !POSSESSIVE_ENDINGS.has(token.lower) && !(token.text === '-' && token.start === previous.end);
  if (token.capitalized || POSSESSIVE_ENDINGS.has(token.lower)) return false;
  if (SUPPORTER_CLOSERS.has(token.lower)) return true;
  if (token.lower !== 'and' && token.lower !== 'or') return AUXILIARY_VERBS.has(token.lower);
  const next = ctx.tokens[index + 1];
  return next === undefined || AUXILIARY_VERBS.has(next.lower) || (isVerbWord(ctx, next.lower) && !isNounWord(ctx, next.lower));
}
