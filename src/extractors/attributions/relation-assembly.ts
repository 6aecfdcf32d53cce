import type { Sentence, Token } from '../text/tokens.js';
import type { ActorMention, Attribution, Span } from '../../model/claim.js';
import { COORDINATORS, endsInSingleS, NOUN_PREPOSITIONS, PAST_FORM, POSSESSIVE_ENDINGS, POSSESSIVE_PRONOUNS, PRONOUNS, REFLEXIVE_PRONOUNS, RELATIVE_SUBJECTS, TIME_WORDS, TIME_LEADERS, RECENT_SPEAKER_SENTENCES, LY_ADVERB } from './word-lists.js';
import { isPhraseBreak } from './word-tests.js';
import { trimContent } from './content-spans.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import type { Reading } from './reading.js';
import { isNounCompoundHead } from './speaker-spans.js';
import { pronounFitsGender } from './speaker-gender.js';
import { OPENS_WITH_QUOTE } from './quotes.js';
import { spanWords, takesAddressee } from './span-rules.js';
import { headlineRulesOf } from './headlines.js';

export function buildAttribution(ctx: Reading, speakerSpan: Span | null, cue: Span, content: Span, ruleId: string, speakerToken: number, extraRules: string[]): Attribution {
  const timeTrimmed = speakerSpan && !isLoneFunctionWord(speakerSpan) ? trimSpeakerTime(ctx, withoutUnopenedBracket(ctx, speakerSpan)) : null;
  const speaker = timeTrimmed && withoutSpeakerAside(ctx, timeTrimmed);
  const resultCut = beforeResultClause(ctx, cue, content);
  const trimmed = trimContent(ctx, resultCut ?? content);
  const contentRule = ctx.contentRuleOf.get(content);
  const attribution: Attribution = { speaker, cue, content: trimmed, direct: isDirect(trimmed.text), ruleIds: contentRule ? [ruleId, ...extraRules, contentRule] : [ruleId, ...extraRules] };
  if (resultCut) attribution.ruleIds.push(RESULT_CLAUSE_ROW);
  if (Math.min(cue.start, trimmed.start) < ctx.headlineEnd) attribution.ruleIds.push(...headlineRulesOf(ctx, Math.min(speaker?.start ?? cue.start, cue.start, trimmed.start), Math.max(cue.end, trimmed.end)));
  if (speaker !== timeTrimmed) attribution.ruleIds.push('span.speaker-aside');
  if (speaker) {
    const speakerStart = firstStartingAtOrAfter(ctx.tokens, speaker.start);
    if (isNounCompoundHead(ctx, speakerStart, firstStartingAtOrAfter(ctx.tokens, speaker.end))) attribution.ruleIds.push('span.noun-compound-head');
    const headRule = speakerHeadRule(ctx, speaker);
    if (headRule) attribution.ruleIds.push(headRule);
    const linked = linkSpeaker(ctx, speaker, speakerToken, trimmed);
    if (linked === AFFILIATED) attribution.ruleIds.push('span.affiliated-speaker');
    else if (linked) {
      attribution.speakerActorId = linked.actor.actorId;
      attribution.ruleIds.push(linked.ruleId);
      if (linked.readingRuleId) attribution.ruleIds.push(linked.readingRuleId);
      ctx.linkedSpeakers.push({ sentence: ctx.currentSentence, actor: linked.actor });
    }
  }
  return attribution;
}

const RESULT_CLAUSE_ROW = 'span.result-clause';

/**
 * "has", "and": a speaker read as one lower-case form of "be", "have" or "do", or a coordinator, is a
 * reading gone wrong, so none is named ("Will" may be a name; "don't", "cannot" are left to the claim
 * rules, which read them as a subject cut short).
 */
function isLoneFunctionWord(speaker: Span): boolean {
  return LONE_AUXILIARIES.has(speaker.text) || COORDINATORS.has(speaker.text);
}

const LONE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did']);

/**
 * "So many pilots talked about the fares that the pier closed": a "that" after "so" or "such a" in the
 * speaker's clause opens the clause of the result, not more of what was said, so the content ends before it.
 * A content that opens with its own "that" ("so many said that …") is left whole.
 */
function beforeResultClause(ctx: Reading, cue: Span, content: Span): Span | undefined {
  const { tokens, lower } = ctx;
  if (content.start < cue.end) return undefined;
  const cueToken = firstStartingAtOrAfter(tokens, cue.start);
  const degreeWords = spanWords(RESULT_CLAUSE_ROW);
  let degree = false;
  for (let index = ctx.currentSentenceStart; index < cueToken; index++) {
    if (!degreeWords.has(lower(index))) continue;
    const next = tokens[index + 1] as Token | undefined;
    // "so many", "so angry", "such a crowd"; not "so far", "so the mayor said", "So, …".
    if (lower(index) === 'such' ? ['a', 'an'].includes(lower(index + 1)) : next?.kind === 'word' && !next.capitalized && !SO_NOT_DEGREE.has(next.lower)) degree = true;
  }
  if (!degree) return undefined;
  const addressee = takesAddressee(lower(cueToken)) || TELLING_STEMS.some((stem) => lower(cueToken).startsWith(stem));
  const first = firstStartingAtOrAfter(tokens, content.start);
  for (let index = first + 1; index < tokens.length && (tokens[index] as Token).start < content.end; index++) {
    if (lower(index) !== 'that') continue;
    // "assured the pilots that …", "the idea that …", "… but that …": this "that" opens what was said after all.
    if (addressee || COORDINATORS.has(lower(index - 1)) || ctx.state.phraseCues.get(lower(index - 1))?.some((option) => option.frame === 'noun' && option.complement === 'clause')) return undefined;
    const start = content.start;
    const end = (tokens[index] as Token).start;
    return { start, end, text: ctx.text.slice(start, end) };
  }
  return undefined;
}

/** Verbs whose object is who was told, with what was said in the "that" after it: "assured the pilots that …". */
const TELLING_STEMS: readonly string[] = ['assur', 'reassur', 'convinc', 'persuad', 'remind', 'warn', 'inform', 'notif', 'promis', 'show', 'teach', 'taught', 'told', 'tell'];

/** Words after "so" that make it a connective or a set phrase rather than a degree: "so the board said", "so far". */
const SO_NOT_DEGREE: ReadonlySet<string> = new Set(['the', 'a', 'an', 'far', 'long', 'as', 'that', 'to', 'he', 'she', 'they', 'we', 'i', 'you', 'it', 'this', 'these', 'those', 'there', 'called', 'named', 'what', 'when', 'if', 'now', 'then', 'is', 'was', 'do', 'does', 'did']);

/** The speaker table row whose head word appears in the speaker phrase (pronouns excepted); earlier rows in the table win. */
function speakerHeadRule(ctx: Reading, speaker: Span): string | undefined {
  const { state } = ctx;
  let best: string | undefined;
  for (const match of speaker.text.toLowerCase().matchAll(/[\p{L}']+|%/gu)) {
    const rule = state.speakerHeads.get(match[0]);
    if (rule && rule !== 'speaker.pronoun' && (best === undefined || (state.speakerRuleOrder.get(rule) ?? 0) < (state.speakerRuleOrder.get(best) ?? 0))) best = rule;
  }
  return best;
}

/** linkSpeaker's answer when the speaker's head is someone tied to a named actor but not that actor. */
const AFFILIATED = 'affiliated';

type SpeakerLink = { actor: ActorMention; ruleId: string; readingRuleId?: string };

function linkSpeaker(ctx: Reading, speaker: Span, speakerToken: number, content: Span): SpeakerLink | typeof AFFILIATED | undefined {
  const { tokens, actors, lower } = ctx;
  // "he and his wife Jo said": a pronoun heading a coordination is the first speaker, as a name heading one is ("Roe and his team").
  if (PRONOUNS.has(lower(speakerToken)) && lower(speakerToken + 1) === 'and') return linkPronoun(ctx, lower(speakerToken), speaker, speakerToken, content);
  const headed = headActor(ctx, speaker);
  if (headed === AFFILIATED) return AFFILIATED;
  if (headed) return { actor: headed, ruleId: 'attribution.speaker-actor' };
  // "Quay Towage Ltd. manager Ada Brill": the person the phrase names speaks, not the body that qualifies them.
  let named: ActorMention | undefined;
  const namingEnd = modifierClauseStart(ctx, speaker, speakerToken);
  for (let index = firstActorAtOrAfter(ctx, speaker.start); index < actors.length; index++) {
    const actor = actors[index] as ActorMention;
    if (actor.start >= namingEnd) break;
    if (actor.end > speaker.end || actor.type === 'place') continue;
    if (actor.type === 'person') {
      named = actor;
      break;
    }
    named ??= actor;
  }
  if (named) return { actor: named, ruleId: 'attribution.speaker-actor' };
  const first = lower(speakerToken);
  if (first === 'who' && speaker.end - speaker.start === 3) {
    // "an aide to Roe, who said …": the relative pronoun stands for the actor named right before it.
    const before = lower(speakerToken - 1) === ',' ? speakerToken - 2 : speakerToken - 1;
    const end = tokens[before]?.end ?? -1;
    const antecedent = actors[firstActorAtOrAfter(ctx, speaker.start) - 1];
    return antecedent && antecedent.end === end && antecedent.type !== 'place' ? { actor: antecedent, ruleId: 'attribution.speaker-actor' } : undefined;
  }
  // "his vow that …", "their claim that …": a possessive speaker stands for whom its pronoun would.
  const pronoun = POSSESSIVE_PRONOUNS.get(first) ?? first;
  if (!PRONOUNS.has(pronoun) || speaker.end - speaker.start > Math.max(4, first.length)) return undefined;
  return linkPronoun(ctx, pronoun, speaker, speakerToken, content);
}

/** The actor a pronoun speaker ("he", "they", the "his" of "his vow") stands for. */
function linkPronoun(ctx: Reading, pronoun: string, speaker: Span, speakerToken: number, content: Span): SpeakerLink | undefined {
  const { actors } = ctx;
  const types = pronoun === 'he' || pronoun === 'she' || pronoun === 'i' ? ['person'] : pronoun === 'it' ? ['organization', 'place'] : ['group', 'organization', 'place'];
  // "he" cannot stand for Zoe Anderson, nor "she" for Mr. Roe.
  // Nor for someone named inside the quotation it reports ("“… before I did Acme Diets,” she said"):
  // a writer's paraphrase may name its speaker ("Roe, 30, has lived here for years, she said"), a speaker seldom does.
  const quoted = isDirect(content.text);
  // "WIRED spoke to one mother … “…,” she said": someone new and unnamed of the pronoun's gender brought in since is whom it
  // stands for; no actor named before them is.
  const newcomer = pronoun === 'he' || pronoun === 'she' ? unnamedNewcomerStart(ctx, speakerToken, pronoun === 'she' ? UNNAMED_WOMAN_ROW : UNNAMED_MAN_ROW) : -1;
  // Nor for someone named after it in its own sentence ("he emailed Gaiman about …", "he said Roe was late"): a name the
  // pronoun's clause goes on to mention is someone else.
  const namedAfter = actorsNamedAfter(ctx, speaker.end);
  const compatible = (actor: ActorMention): boolean => types.includes(actor.type) && pronounFitsGender(ctx, pronoun, actor) && !(quoted && actor.start >= content.start && actor.end <= content.end) && actor.end > newcomer && !namedAfter.has(actor.actorId);
  // A pronoun speaker right after someone was quoted is mostly that speaker again ("Roth said …
  // its new pilot boat … but he did not …"), whoever else was named in between.
  for (let index = ctx.linkedSpeakers.length - 1; index >= 0; index--) {
    const recent = ctx.linkedSpeakers[index] as { sentence: number; actor: ActorMention };
    if (ctx.currentSentence - recent.sentence > RECENT_SPEAKER_SENTENCES) break;
    if (compatible(recent.actor)) return { actor: recent.actor, ruleId: 'speaker.pronoun' };
  }
  // "I" is the speaker just quoted or else the writer, whom no actor names ("I asked the mayor …"), never someone named before.
  if (pronoun === 'i') return undefined;
  // Else the nearest compatible actor named as the subject of a recent sentence ("Mayor Roe met
  // the governor on Monday. She said …" is the mayor), else the last compatible actor before.
  const subject = recentSubjectActor(ctx, speaker.start, pronoun, compatible);
  if (subject) return { actor: subject, ruleId: 'speaker.pronoun', readingRuleId: 'span.pronoun-subject' };
  let index = firstActorAtOrAfter(ctx, speaker.start) - 1;
  for (let steps = 0; index >= 0 && steps < 50; index--, steps++) {
    const actor = actors[index] as ActorMention;
    if (compatible(actor)) return { actor, ruleId: 'speaker.pronoun' };
  }
  if (newcomer >= 0) ctx.rejected.push({ ...speaker, layer: 'attribution', reason: 'a pronoun standing for someone new the article does not name, not for an actor named before', ruleId: pronoun === 'she' ? UNNAMED_WOMAN_ROW : UNNAMED_MAN_ROW });
  return undefined;
}

/**
 * Where a clause set off inside the speaker phrase starts ("A group of doctors, alarmed that the ministry …,",
 * "The pilots, who work for Quay Towage,"): whoever that clause names is not who speaks. The speaker's end when there is none.
 */
function modifierClauseStart(ctx: Reading, speaker: Span, speakerToken: number): number {
  const { tokens } = ctx;
  for (let index = speakerToken + 1; index < tokens.length && (tokens[index] as Token).end < speaker.end; index++) {
    if ((tokens[index] as Token).text !== ',') continue;
    const next = tokens[index + 1] as Token | undefined;
    if (next?.kind === 'word' && !next.capitalized && (RELATIVE_SUBJECTS.has(next.lower) || next.lower === 'whose' || /[^e]ed$|ing$/.test(next.lower))) return next.start;
  }
  return speaker.end;
}

const UNNAMED_WOMAN_ROW = 'span.unnamed-woman';
const UNNAMED_MAN_ROW = 'span.unnamed-man';
/** Words that bring in someone new: "one mother", "a local woman", "another father of two". */
const NEWCOMER_DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'one', 'another']);

/**
 * Where the last person brought in by an indefinite phrase with a noun of the row's gender ("one mother", "a young woman")
 * starts, in this sentence or the one before, outside quotations and before `before`; -1 when there is none. A name right
 * after the noun ("a mother, Jo Roe,", "a woman named Roe") makes her an actor, so the phrase does not count.
 */
function unnamedNewcomerStart(ctx: Reading, before: number, row: string): number {
  const { tokens, sentences, lower, quotes } = ctx;
  const words = spanWords(row);
  const first = sentences[Math.max(0, ctx.currentSentence - 1)];
  if (!first) return -1;
  let found = -1;
  for (let index = first.tokenStart; index < before; index++) {
    if (!NEWCOMER_DETERMINERS.has(lower(index)) || quotes.depth[index] !== 0) continue;
    for (let noun = index + 1; noun <= index + 3 && noun < before; noun++) {
      const token = tokens[noun] as Token;
      if (token.kind !== 'word' || token.capitalized) break;
      if (!words.has(token.lower)) continue;
      const next = tokens[noun + 1];
      const named = next !== undefined && ((next.kind === 'word' && next.capitalized) || (next.text === ',' && tokens[noun + 2]?.capitalized === true) || next.lower === 'named' || next.lower === 'called');
      if (!named) found = (tokens[index] as Token).start;
      break;
    }
  }
  return found;
}

/** Words after a speaker's head that are not its head: "Roe's", "Roe himself", "Roe Jr.", "most voters today". */
function isHeadTrailer(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  return token.kind !== 'word' || POSSESSIVE_ENDINGS.has(token.lower) || REFLEXIVE_PRONOUNS.has(token.lower) || TIME_WORDS.has(token.lower);
}

/** Most words standing between a preposition and the name it governs ("of Sen. Jo Roe", "for President Roe"). */
const MAX_TITLE_TOKENS = 2;

/**
 * The actor naming the head word of the speaker phrase or of an apposition or conjunct after it
 * ("Acme lawyer Jo Roe", "the deputy mayor, Jo Roe,", "secretary of state Jo Roe"); AFFILIATED
 * when the phrase's own head is a common noun for someone tied to a named actor ("Roe's
 * supporters", "the chairman of Acme") that does not speak for it (rule span.affiliated-speaker);
 * undefined when the head says neither.
 */
function headActor(ctx: Reading, speaker: Span): ActorMention | typeof AFFILIATED | undefined {
  const { tokens, actors, lower, state } = ctx;
  const first = firstStartingAtOrAfter(tokens, speaker.start);
  const end = firstStartingAtOrAfter(tokens, speaker.end);
  if (first < 0 || end <= first) return undefined;
  const actorAt = (index: number): ActorMention | undefined => {
    const token = tokens[index] as Token;
    const at = firstActorAtOrAfter(ctx, token.end) - 1;
    for (let back = at; back >= 0 && back > at - 3; back--) {
      const actor = actors[back] as ActorMention;
      const inSpeaker = actor.start >= speaker.start && actor.end <= speaker.end;
      if (inSpeaker && actor.start <= token.start && actor.end >= token.end && actor.type !== 'place') return actor;
    }
    return undefined;
  };
  const isPreposition = (index: number): boolean => NOUN_PREPOSITIONS.has(lower(index)) || lower(index) === 'to' || (!(tokens[index] as Token).capitalized && state.lexicon.classes(lower(index)).has('preposition'));
  // A name closing its segment is the head unless a preposition governs it ("supporters of Sen. Roe").
  const closingName = (from: number, to: number): ActorMention | undefined => {
    let last = to - 1;
    while (last > from && isHeadTrailer(ctx, last)) last--;
    const actor = actorAt(last);
    if (!actor || actor.type !== 'person') return undefined;
    let before = firstStartingAtOrAfter(tokens, actor.start) - 1;
    // "ambassador to Britain Jo Roe": a name between the preposition and this one is what it governs.
    let namedBetween = false;
    for (let steps = 0; before >= from && steps < MAX_TITLE_TOKENS && ((tokens[before] as Token).capitalized || lower(before) === '.'); steps++) {
      const other = actors[firstActorAtOrAfter(ctx, (tokens[before] as Token).end) - 1];
      if (other && other !== actor && other.start <= (tokens[before] as Token).start && other.end >= (tokens[before] as Token).end) namedBetween = true;
      before--;
    }
    // "Secretary of State Jo Roe": a preposition inside a capitalised title governs no one (a plural
    // opening the sentence, "Supporters of Sen. Roe", is no title).
    const titleWord = (index: number): boolean => (tokens[index] as Token).capitalized && (index !== ctx.currentSentenceStart || !endsInSingleS(lower(index)));
    const governed = !namedBetween && before >= from && isPreposition(before) && !(before > from && titleWord(before - 1));
    return governed ? undefined : actor;
  };
  // Each segment is the phrase, an apposition or a conjunct; its head is the last word before a
  // preposition or relative word that no actor's name spans.
  let firstHead = -1;
  let segmentStart = first;
  let coreEnd = -1;
  let relativeAt = -1;
  for (let index = first; index <= end; index++) {
    const word = index < end ? lower(index) : ',';
    const inName = index < end && actorAt(index) !== undefined;
    // "and" inside a prepositional phrase ("a poll by the Post and ABC") joins its objects, not speakers.
    const breaksSegment = !inName && ((word === 'and' && coreEnd < 0) || (index < end && isPhraseBreak(tokens[index] as Token)) || index === end);
    if (!breaksSegment) {
      if (coreEnd < 0 && !inName && index > segmentStart && (isPreposition(index) || RELATIVE_SUBJECTS.has(word))) coreEnd = index;
      if (relativeAt < 0 && !inName && index > segmentStart && RELATIVE_SUBJECTS.has(word)) relativeAt = index;
      continue;
    }
    // "Roe (D-Vt.)": a bracket holds a tag, not an apposition.
    const bracketed = segmentStart > first && lower(segmentStart - 1) === '(';
    if (!bracketed && index > segmentStart) {
      let head = (coreEnd < 0 ? index : coreEnd) - 1;
      while (head > segmentStart && isHeadTrailer(ctx, head)) head--;
      // "data released by the ministry": a participle after the noun is not the head.
      if (head > segmentStart && PAST_FORM.test(lower(head)) && actorAt(head) === undefined) head--;
      if (firstHead < 0) firstHead = head;
      const actor = actorAt(head);
      // A person heading the phrase speaks; else a person named at its end ("the Acme Council
      // on Trade director Jo Roe"); else the body heading it.
      if (actor?.type === 'person') return actor;
      // A name inside a relative clause ("DFA, which endorsed Roe,") is not the head.
      const named = closingName(segmentStart, relativeAt < 0 ? index : relativeAt) ?? actor;
      if (named) return named;
    }
    segmentStart = index + 1;
    coreEnd = -1;
    relativeAt = -1;
  }
  const headToken = tokens[firstHead] as Token | undefined;
  // A capital opening the sentence ("Supporters of Roe") still makes a common noun.
  if (!headToken || headToken.kind !== 'word' || (headToken.capitalized && firstHead !== ctx.currentSentenceStart)) return undefined;
  const headRule = state.speakerHeads.get(headToken.lower);
  if (spanWords('span.affiliated-speaker').has(headToken.lower) || headRule === 'speaker.document' || headRule === 'speaker.share' || /^\d/.test(headToken.lower)) return undefined;
  for (let index = firstActorAtOrAfter(ctx, speaker.start); index < actors.length && (actors[index] as ActorMention).start < speaker.end; index++) {
    if ((actors[index] as ActorMention).type !== 'place') return AFFILIATED;
  }
  return undefined;
}

function firstActorAtOrAfter(ctx: Reading, offset: number): number {
  const { actors } = ctx;
  return firstStartingAtOrAfter(actors, offset);
}

/** "Last week State Department official Jo Roe", "Jo Roe on Wednesday": the time phrase is not the speaker. */
function trimSpeakerTime(ctx: Reading, speaker: Span): Span {
  const { tokens, lower, spanOf } = ctx;
  // Speaker spans start and end on token boundaries.
  let first = firstStartingAtOrAfter(tokens, speaker.start);
  let last = firstStartingAtOrAfter(tokens, speaker.end) - 1;
  if (first < 0 || last < first) return speaker;
  // "Last year's report": a possessive makes the time phrase the owner inside the speaker's noun phrase.
  if (TIME_LEADERS.has(lower(first)) && TIME_WORDS.has(lower(first + 1)) && first + 2 <= last && !POSSESSIVE_ENDINGS.has(lower(first + 2))) first += 2;
  else if (TIME_WORDS.has(lower(first)) && (tokens[first] as Token).capitalized && first + 1 <= last && (tokens[first + 1] as Token).capitalized) first += 1;
  if (TIME_WORDS.has(lower(last)) && last - 1 > first && TIME_LEADERS.has(lower(last - 1))) last -= 2;
  // "Friday, Texas, leading a coalition of states,": a day set off by its comma before the subject says when.
  if (TIME_WORDS.has(lower(first)) && (tokens[first + 1] as Token | undefined)?.text === ',' && first + 2 <= last && (tokens[first + 2] as Token).kind === 'word') first += 2;
  // "A few days later they": the subject after a time phrase without its comma.
  // ("Lee, who backed Roe years ago, …": a time phrase closing an insert leaves the subject before it.)
  // ("Roe, speaking later at a rally,": after a comma the time word is inside an insert that describes the subject.)
  for (let index = first; index < last && (tokens[index] as Token).text !== ','; index++) if ((lower(index) === 'later' || lower(index) === 'ago') && (tokens[index + 1] as Token).kind === 'word') first = index + 1;
  // "this time he", "Wednesday he", "naturally she": after a word of time or manner, a subject pronoun closing the phrase is the whole subject.
  // ("the scholars I spoke to", "rumors he …": after another noun the pronoun opens a clause inside the phrase.)
  if (last > first && SUBJECT_PRONOUNS.has(lower(last)) && (TIME_WORDS.has(lower(last - 1)) || PRONOUN_ADVERBIALS.has(lower(last - 1)) || LY_ADVERB.test(lower(last - 1)))) first = last;
  const trimmed = spanOf(first, last + 1);
  return trimmed ?? speaker;
}

/** Pronouns that are a clause's whole subject. */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i']);
/** Words that say when or how and may stand right before a subject pronoun with no comma: "this time he", "maybe she". */
const PRONOUN_ADVERBIALS: ReadonlySet<string> = new Set(['time', 'now', 'then', 'maybe', 'perhaps', 'again', 'today', 'tonight', 'yesterday', 'ago', 'once', 'instead', 'still', 'also', 'so']);

/** Longest aside between two commas after a speaker ("for their part", "it's also worth noting"). */
const MAX_ASIDE_TOKENS = 5;

/** "Sam Roe, however,": a connective set off by commas at the speaker's end is the writer's aside. */
function withoutSpeakerAside(ctx: Reading, speaker: Span): Span {
  const { tokens, lower, spanOf } = ctx;
  const first = firstStartingAtOrAfter(tokens, speaker.start);
  const last = firstStartingAtOrAfter(tokens, speaker.end) - 1;
  if (first < 0 || last <= first || tokens[last]?.text !== ',') return speaker;
  const asideWords = spanWords('span.speaker-aside');
  let comma = last - 1;
  while (comma > first && last - comma <= MAX_ASIDE_TOKENS + 1 && tokens[comma]?.text !== ',') {
    if (!asideWords.has(lower(comma))) return speaker;
    comma--;
  }
  if (comma <= first || comma === last - 1 || tokens[comma]?.text !== ',') return speaker;
  return spanOf(first, comma) ?? speaker;
}

/**
 * "(“…,” said Jo Roe, a deckhand)": a bracket the speaker phrase closes but never opened is the aside's around the
 * whole report, so it and a sentence's full stop before it ("one party activist.)") are no part of who speaks.
 */
function withoutUnopenedBracket(ctx: Reading, speaker: Span): Span {
  const { tokens, spanOf } = ctx;
  const first = firstStartingAtOrAfter(tokens, speaker.start);
  let last = firstStartingAtOrAfter(tokens, speaker.end) - 1;
  if (first < 0 || last <= first || !CLOSING_BRACKETS.has((tokens[last] as Token).text) || /[([]/.test(speaker.text)) return speaker;
  last--;
  // ("said Quay Towage Inc.)": a full stop after a capitalised word may be its abbreviation's.)
  if ((tokens[last] as Token).text === '.' && !(tokens[last - 1] as Token).capitalized) last--;
  return last > first ? (spanOf(first, last + 1) ?? speaker) : speaker;
}

const CLOSING_BRACKETS: ReadonlySet<string> = new Set([')', ']']);

/** A direct quotation: the content opens and closes with a quotation mark (two apostrophes count as one, as some papers print it). */
function isDirect(content: string): boolean {
  return OPENS_WITH_QUOTE.test(content) && /(?:["”’]|'')[,.]?$/.test(content);
}

/** The ids of the actors named in the current sentence after `from`. */
function actorsNamedAfter(ctx: Reading, from: number): ReadonlySet<string> {
  const sentence = ctx.sentences[ctx.currentSentence];
  const ids = new Set<string>();
  if (!sentence) return ids;
  for (let index = firstActorAtOrAfter(ctx, from); index < ctx.actors.length; index++) {
    const actor = ctx.actors[index] as ActorMention;
    if (actor.start >= sentence.end) break;
    ids.add(actor.actorId);
  }
  return ids;
}

/** How many sentences back (the pronoun's own included) a pronoun looks for a subject. */
const SUBJECT_LOOKBACK_SENTENCES = 3;
/** How far back at most, counting the sentences whose subject is the same pronoun, which carry the chain on. */
const SUBJECT_CHAIN_SENTENCES = 6;

/**
 * The compatible actor opening the nearest sentence (or its clause after an opening phrase and comma) before `before`.
 * A sentence whose subject is the same pronoun ("He was arrested in May for the call to Omar's office.") names no
 * one new as its subject: it carries the chain on, and the lookback goes one sentence further for it.
 */
function recentSubjectActor(ctx: Reading, before: number, pronoun: string, compatible: (actor: ActorMention) => boolean): ActorMention | undefined {
  const { tokens, sentences, actors } = ctx;
  let lookback = SUBJECT_LOOKBACK_SENTENCES;
  for (let back = 0; back < lookback; back++) {
    const sentence = sentences[ctx.currentSentence - back];
    if (!sentence) break;
    let index = firstActorAtOrAfter(ctx, sentence.start);
    for (; index < actors.length; index++) {
      const actor = actors[index] as ActorMention;
      if (actor.start >= before || actor.start >= sentence.end) break;
      if (!compatible(actor)) continue;
      const first = firstStartingAtOrAfter(tokens, actor.start);
      // Titles before a name ("Mayor Jo Roe", "Sen. Roe") belong to the subject.
      let start = first;
      while (start > sentence.tokenStart && ((tokens[start - 1] as Token).capitalized || ((tokens[start - 1] as Token).text === '.' && (tokens[start - 2] as Token | undefined)?.capitalized === true))) start--;
      if (start === sentence.tokenStart || opensWithPhraseAndComma(ctx, sentence.tokenStart, start - 1)) return actor;
    }
    if (lookback < SUBJECT_CHAIN_SENTENCES && opensWithPronoun(ctx, sentence, pronoun)) lookback++;
  }
  return undefined;
}

/** Longest opening phrase before the comma and the pronoun: "In May of last year at the harbour, he …". */
const MAX_OPENING_PHRASE_TOKENS = 9;

/** "He was arrested …", "In May, he …": the sentence's subject is `pronoun`. */
function opensWithPronoun(ctx: Reading, sentence: Sentence, pronoun: string): boolean {
  const { tokens } = ctx;
  if (ctx.lower(sentence.tokenStart) === pronoun) return true;
  for (let index = sentence.tokenStart + 1; index < sentence.tokenEnd && index - sentence.tokenStart <= MAX_OPENING_PHRASE_TOKENS; index++) {
    if ((tokens[index] as Token).text === ',') return ctx.lower(index + 1) === pronoun && opensWithPhraseAndComma(ctx, sentence.tokenStart, index);
  }
  return false;
}

/** "On Monday, Roe …": the only comma before `comma` in the sentence closes an opening phrase. */
function opensWithPhraseAndComma(ctx: Reading, sentenceStart: number, comma: number): boolean {
  const { tokens } = ctx;
  if ((tokens[comma] as Token | undefined)?.text !== ',') return false;
  for (let index = sentenceStart; index < comma; index++) if ((tokens[index] as Token).text === ',') return false;
  return comma - sentenceStart <= 8;
}
