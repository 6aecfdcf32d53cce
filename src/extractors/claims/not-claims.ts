import type { ActorType, Attribution, ClaimKind, ClaimRecord, RejectedCandidate, Span } from '../../model/claim.js';
import { isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import { figureClaimRules } from './figure-claims.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import type { Sentence } from '../text/tokens.js';
import { withFastWordBoundaries } from '../../rules/word-boundaries.js';
import { LiteralScreen } from '../text/literal-screen.js';

/**
 * Text that looks like a statement but is not a claim a reader could check: "declined to comment"
 * (a note on the article), photo credits, bylines, reader comments, promotions, identifiers,
 * headlines, fragments and instructions, and statements in the writer's own voice.
 * config/claims/not-claims.json holds one pattern per kind, tested on a sentence, on a whole short
 * paragraph (headlines) or on the speaker of an attributed claim; a match yields one rejected entry
 * and keeps the claims it covers out of the feed. A page row reads the whole page: how many sentences
 * another row ruled out (a how-to page's steps) decides whether claims of a kind are claims there.
 * A relay row reads the feed: a claim that passes on another claim of the feed is ruled out.
 */
export interface NotClaimRule extends RuleRow {
  /** What the extraction log says about a match. */
  note: string;
  pattern: RegExp;
  /** What the pattern is tested on. */
  target: NotClaimTarget;
  /** Only the claims whose cue lies inside the match are not claims, not every claim of the sentence. */
  matchOnly: boolean;
  /** Speaker rules: the rule applies only when the cue also matches this ("called" in "a protein called"). */
  cue?: RegExp;
  /** Speaker and relay rules: only for attributions that one of these cue rules produced ("cue.discussion"). */
  cueRuleIds?: readonly string[];
  /** Speaker rules: only when the content also matches this (a bare noun phrase, not a statement). */
  content?: RegExp;
  /** Speaker rules: only when the words between a speaker and the cue after it match this ("must" in "Hospitals must anticipate"). */
  between?: RegExp;
  /** Speaker rules: only when the speaker was tied to an actor of one of these types ("it" tied to a place). */
  actorTypes?: readonly ActorType[];
  /** Speaker rules: the rule applies only to a speaker that names no actor and no known speaker head. */
  unnamedOnly: boolean;
  /** Speaker rules: the rule applies only to a speaker tied to no actor (a pronoun the article never resolves). */
  tiedToNoOne: boolean;
  /** Speaker rules: the rule applies only when the speaker lies inside the content ("which the board says is …"). */
  speakerInContent: boolean;
  /** Speaker rules: judged only on the claims no other row ruled out, so a row that says more names the reason. */
  fallback: boolean;
  /** Adjacent matches of the rule are one log entry (a list of short lines is one note, not one per line). */
  groupRuns: boolean;
  /** A match in one sentence rules out its whole paragraph (a reference-list entry: authors, title, journal). */
  wholeParagraph: boolean;
  /** Sentence and page rules: only claims of this kind are ruled out (the writer's "my laptop" is no figure claim, a quotation in it still is). */
  claimKind?: ClaimKind;
  /**
   * Page rules: the rows whose matches are counted on the page: sentence rows, speaker rows judged first, or
   * figure-claim rows (config/claims/figure-claims.json), counted once per sentence holding a figure they ruled out.
   */
  countedRules: readonly string[];
  /** Page rules: from this many matches of `countedRules` on, the page's claims of `claimKind` are not claims. */
  leastCount: number;
  /** Relay rules: the cue rules of a claim whose cue, inside the ruled-out claim's content, shows that content passes it on. */
  relayedCueRuleIds?: readonly string[];
}

/**
 * A sentence, a whole short paragraph (headlines), the speaker of an attributed claim, the whole
 * page, or an attributed claim beside the feed's other claims (one passing another on).
 */
export type NotClaimTarget = 'sentence' | 'paragraph' | 'speaker' | 'page' | 'relay';
const TARGETS: readonly string[] = ['sentence', 'paragraph', 'speaker', 'page', 'relay'];
const ACTOR_TYPES: readonly string[] = ['person', 'organization', 'place', 'group'];
const CLAIM_KINDS: readonly string[] = ['attributed', 'figure'];
/** Fields that narrow a speaker rule to some attributions. */
const SPEAKER_ONLY_FIELDS = ['cue', 'content', 'between', 'actorTypes', 'unnamedOnly', 'tiedToNoOne', 'speakerInContent', 'fallback'];

/** Auxiliaries and adverbs between a speaker and its cue are short: "could not immediately". */
const MAX_BETWEEN_CHARS = 40;
/** Headlines are short: a longer paragraph is body text, whatever its capitals. */
const MAX_HEADLINE_WORDS = 16;

export function notClaimRules(): RuleTable<NotClaimRule> {
  return loadRuleTable<NotClaimRule>('claims/not-claims', (row, base) => {
    if (typeof row.note !== 'string' || row.note === '') throw new Error('"note" must be a non-empty string');
    const pageRow = row.target === 'page';
    const relayRow = row.target === 'relay';
    if (pageRow || relayRow ? row.pattern !== undefined : typeof row.pattern !== 'string' || row.pattern === '') throw new Error(pageRow || relayRow ? `a ${String(row.target)} row has no "pattern"` : '"pattern" must be a non-empty string');
    if (relayRow !== (row.relayedCueRuleIds !== undefined) || (relayRow && row.cueRuleIds === undefined)) throw new Error('"relayedCueRuleIds" belongs to relay rows, and every relay row has it and "cueRuleIds"');
    if (row.relayedCueRuleIds !== undefined && !isStringArray(row.relayedCueRuleIds)) throw new Error('"relayedCueRuleIds" must be a string array');
    if (pageRow !== (row.countedRule !== undefined) || pageRow !== (row.leastCount !== undefined)) throw new Error('"countedRule" and "leastCount" belong to page rows, and every page row has both');
    if (pageRow && (typeof row.countedRule === 'string' ? row.countedRule === '' : !isStringArray(row.countedRule) || row.countedRule.length === 0)) throw new Error('"countedRule" must be a rule id or a non-empty list of them');
    if (pageRow && (typeof row.leastCount !== 'number' || !Number.isInteger(row.leastCount) || row.leastCount < 1)) throw new Error('"leastCount" must be a positive whole number');
    if (pageRow && row.claimKind === undefined) throw new Error('a page row names the "claimKind" it rules out');
    if (row.caseSensitive !== undefined && typeof row.caseSensitive !== 'boolean') throw new Error('"caseSensitive" must be a boolean');
    if (row.paragraph !== undefined && typeof row.paragraph !== 'boolean') throw new Error('"paragraph" must be a boolean');
    if (row.target !== undefined && (typeof row.target !== 'string' || !TARGETS.includes(row.target))) throw new Error(`"target" must be one of ${TARGETS.join(', ')}`);
    for (const flag of ['matchOnly', 'unnamedOnly', 'tiedToNoOne', 'fallback', 'groupRuns', 'wholeParagraph']) {
      if (row[flag] !== undefined && typeof row[flag] !== 'boolean') throw new Error(`"${flag}" must be a boolean`);
    }
    for (const field of ['cue', 'content', 'between']) {
      if (row[field] !== undefined && (typeof row[field] !== 'string' || row[field] === '')) throw new Error(`"${field}" must be a non-empty string`);
    }
    if (row.cueRuleIds !== undefined && !isStringArray(row.cueRuleIds)) throw new Error('"cueRuleIds" must be a string array');
    if (row.actorTypes !== undefined && (!isStringArray(row.actorTypes) || !row.actorTypes.every((type) => ACTOR_TYPES.includes(type)))) throw new Error(`"actorTypes" must list some of ${ACTOR_TYPES.join(', ')}`);
    const target = (row.target ?? (row.paragraph === true ? 'paragraph' : 'sentence')) as NotClaimTarget;
    if (row.matchOnly === true && target !== 'sentence') throw new Error('"matchOnly" applies to sentence rules only');
    if (row.groupRuns === true && target !== 'sentence') throw new Error('"groupRuns" applies to sentence rules only');
    if (row.claimKind !== undefined && ((target !== 'sentence' && target !== 'page') || !CLAIM_KINDS.includes(row.claimKind as string))) throw new Error(`"claimKind" must be one of ${CLAIM_KINDS.join(', ')}, on a sentence or page rule`);
    if (row.wholeParagraph === true && (target !== 'sentence' || row.matchOnly === true)) throw new Error('"wholeParagraph" applies to sentence rules that are not match-only');
    if (target !== 'speaker' && SPEAKER_ONLY_FIELDS.some((field) => row[field] !== undefined)) throw new Error(`${SPEAKER_ONLY_FIELDS.join(', ')} apply to speaker rules only`);
    if (target !== 'speaker' && target !== 'relay' && row.cueRuleIds !== undefined) throw new Error('"cueRuleIds" applies to speaker and relay rules only');
    const flags = row.caseSensitive === true ? 'u' : 'iu';
    const compile = (source: string): RegExp => new RegExp(withFastWordBoundaries(source), flags);
    return {
      ...base,
      note: row.note,
      pattern: typeof row.pattern === 'string' ? compile(row.pattern) : /^/u,
      target,
      matchOnly: row.matchOnly === true,
      ...(typeof row.cue === 'string' ? { cue: compile(row.cue) } : {}),
      ...(typeof row.content === 'string' ? { content: compile(row.content) } : {}),
      ...(typeof row.between === 'string' ? { between: compile(row.between) } : {}),
      ...(isStringArray(row.cueRuleIds) ? { cueRuleIds: row.cueRuleIds } : {}),
      ...(isStringArray(row.actorTypes) ? { actorTypes: row.actorTypes as ActorType[] } : {}),
      unnamedOnly: row.unnamedOnly === true,
      tiedToNoOne: row.tiedToNoOne === true,
      speakerInContent: row.speakerInContent === true,
      fallback: row.fallback === true,
      groupRuns: row.groupRuns === true,
      wholeParagraph: row.wholeParagraph === true,
      ...(typeof row.claimKind === 'string' ? { claimKind: row.claimKind as ClaimKind } : {}),
      countedRules: typeof row.countedRule === 'string' ? [row.countedRule] : isStringArray(row.countedRule) ? row.countedRule : [],
      leastCount: typeof row.leastCount === 'number' ? row.leastCount : 0,
      ...(isStringArray(row.relayedCueRuleIds) ? { relayedCueRuleIds: row.relayedCueRuleIds } : {}),
    };
  });
}

/** The table's rows grouped by what they are tested on, and each row's place in the table. */
interface RuleViews {
  sentence: readonly NotClaimRule[];
  /** Which sentence rows can match a sentence, by the literals their patterns need: most rows are never run on most sentences. */
  sentenceScreen: LiteralScreen;
  paragraph: readonly NotClaimRule[];
  /** Speaker rows judged first, and the fallback ones judged after every other row. */
  speakerFirst: readonly NotClaimRule[];
  speakerFallback: readonly NotClaimRule[];
  /** Whether a speaker row of each group reads the words between speaker and cue: only then are they sliced. */
  firstReadsBetween: boolean;
  fallbackReadsBetween: boolean;
  page: readonly NotClaimRule[];
  relay: readonly NotClaimRule[];
  rank: ReadonlyMap<NotClaimRule, number>;
}

const ruleViewsOf = new WeakMap<RuleTable<NotClaimRule>, RuleViews>();

/** The rows of the table grouped once per table, not on every article. */
function ruleViews(): RuleViews {
  const table = notClaimRules();
  let views = ruleViewsOf.get(table);
  if (!views) {
    const speaker = table.rules.filter((rule) => rule.target === 'speaker');
    const sentence = table.rules.filter((rule) => rule.target === 'sentence');
    views = {
      sentence,
      sentenceScreen: new LiteralScreen(sentence.map((rule) => rule.pattern.source)),
      paragraph: table.rules.filter((rule) => rule.target === 'paragraph'),
      speakerFirst: speaker.filter((rule) => !rule.fallback),
      speakerFallback: speaker.filter((rule) => rule.fallback),
      firstReadsBetween: speaker.some((rule) => !rule.fallback && rule.between !== undefined),
      fallbackReadsBetween: speaker.some((rule) => rule.fallback && rule.between !== undefined),
      page: table.rules.filter((rule) => rule.target === 'page'),
      relay: table.rules.filter((rule) => rule.target === 'relay'),
      rank: new Map(table.rules.map((rule, index) => [rule, index])),
    };
    for (const rule of views.page) {
      for (const id of rule.countedRules) {
        // A fallback speaker row is judged after the page rows, so its matches are not counted yet.
        const counted = table.byId.get(id);
        if (counted?.target !== 'sentence' && !(counted?.target === 'speaker' && !counted.fallback) && !figureClaimRules().byId.has(id)) {
          throw new Error(`config/claims/not-claims.json ${rule.id}: "countedRule" must name sentence rows, speaker rows judged first or figure-claim rows`);
        }
      }
    }
    ruleViewsOf.set(table, views);
  }
  return views;
}

/** A not-claim span, whether it rules out every claim of its sentences or only the cues inside it, and the sentences it spans. */
interface NotClaimSpan {
  entry: RejectedCandidate;
  matchOnly: boolean;
  rule: NotClaimRule;
  firstSentence: number;
  lastSentence: number;
}

/** Spans of the text that are not claims, each with the rule that says so, in text order. */
/** The claims a sentence row can rule out: attributed ones whose cue its match holds ('cue'), those of one kind, or all. */
type RuleScope = 'cue' | ClaimKind | 'all';

function ruleScope(rule: NotClaimRule): RuleScope {
  if (rule.matchOnly) return 'cue';
  return rule.claimKind ?? 'all';
}

/** Whether some claim lies in both scopes (a cue belongs to an attributed claim). */
function scopesMeet(a: RuleScope, b: RuleScope): boolean {
  if (a === 'all' || b === 'all' || a === b) return true;
  return (a === 'cue' && b === 'attributed') || (a === 'attributed' && b === 'cue');
}

/** Whether one of the scopes meets `scope` (a loop: a closure over `scope` would be made for every row tried). */
function meetsAny(scopes: readonly RuleScope[], scope: RuleScope): boolean {
  for (const matched of scopes) if (scopesMeet(matched, scope)) return true;
  return false;
}

const NO_CLAIM_KINDS: ReadonlySet<RuleScope> = new Set();

/**
 * Which kinds of claim each sentence holds: a row narrowed to one kind, or to a cue, can rule out
 * nothing in a sentence without such a claim and is not tried there (most of the table's cost).
 */
function claimKindsBySentence(sentences: readonly Sentence[], claims: readonly ClaimRecord[]): Array<ReadonlySet<RuleScope>> {
  // Most sentences hold no claim: they share one empty set.
  const kinds = sentences.map((): ReadonlySet<RuleScope> => NO_CLAIM_KINDS);
  for (const claim of claims) {
    let index = firstStartingAtOrAfter(sentences, claim.sentence.start);
    if (index > 0 && (sentences[index - 1] as Sentence).end > claim.sentence.start) index--;
    for (; index < sentences.length && (sentences[index] as Sentence).start < claim.sentence.end; index++) {
      const held = kinds[index] === NO_CLAIM_KINDS ? new Set<RuleScope>() : (kinds[index] as Set<RuleScope>);
      kinds[index] = held;
      held.add(claim.kind);
      if (claim.kind === 'attributed') held.add('cue');
    }
  }
  return kinds;
}

function findNotClaimSpans(text: string, sentences: readonly Sentence[], claims: readonly ClaimRecord[]): NotClaimSpan[] {
  const { sentence: sentenceRules, sentenceScreen, paragraph: paragraphRules, rank } = ruleViews();
  const found: NotClaimSpan[] = [];
  const heldKinds = claimKindsBySentence(sentences, claims);
  const add = (start: number, end: number, rule: NotClaimRule, firstSentence: number, lastSentence: number): void => {
    const entry: RejectedCandidate = { start, end, text: text.slice(start, end), layer: 'claim', reason: rule.note, ruleId: rule.id };
    found.push({ entry, matchOnly: rule.matchOnly, rule, firstSentence, lastSentence });
  };
  let index = 0;
  while (index < sentences.length) {
    const first = sentences[index] as Sentence;
    let last = index;
    while (last + 1 < sentences.length && (sentences[last + 1] as Sentence).paragraph === first.paragraph) last++;
    const paragraphEnd = (sentences[last] as Sentence).end;
    // A headline rule tests the whole short paragraph; it applies unless one of its sentences
    // matches a rule listed before it (a byline is a byline, not a headline).
    const paragraphText = text.slice(first.start, paragraphEnd).trim();
    const headline = hasAtMostWords(paragraphText, MAX_HEADLINE_WORDS) ? paragraphRules.find((rule) => rule.pattern.test(paragraphText)) : undefined;
    const headlineRank = headline ? (rank.get(headline) as number) : Infinity;
    const matches: Array<{ sentenceIndex: number; rule: NotClaimRule; at: number; length: number }> = [];
    for (let at = index; at <= last; at++) {
      const sentence = sentences[at] as Sentence;
      const raw = text.slice(sentence.start, sentence.end);
      const lead = raw.length - raw.trimStart().length;
      const sentenceText = raw.trim();
      // One row per claim: a row is tried only while no row matched so far can rule out a claim it could.
      const scopes: RuleScope[] = [];
      const held = heldKinds[at] as ReadonlySet<RuleScope>;
      sentenceScreen.read(sentenceText);
      for (let ruleIndex = 0; ruleIndex < sentenceRules.length; ruleIndex++) {
        const rule = sentenceRules[ruleIndex] as NotClaimRule;
        const scope = ruleScope(rule);
        if (scope !== 'all' && !held.has(scope)) continue;
        if (meetsAny(scopes, scope)) continue;
        if (!sentenceScreen.mayMatch(ruleIndex)) continue;
        // Only a match-only row reads where its match lies; for the others a test, which makes no match object, is enough.
        const match = rule.matchOnly ? rule.pattern.exec(sentenceText) : rule.pattern.test(sentenceText);
        if (!match) continue;
        matches.push(match === true ? { sentenceIndex: at, rule, at: sentence.start, length: sentence.end - sentence.start } : { sentenceIndex: at, rule, at: sentence.start + lead + match.index, length: match[0].length });
        if (scope === 'all') break;
        scopes.push(scope);
      }
    }
    const paragraphWide = matches.find((match) => match.rule.wholeParagraph);
    if (headline && !matches.some((match) => (rank.get(match.rule) as number) < headlineRank)) {
      add(first.start, paragraphEnd, headline, index, last);
    } else if (paragraphWide) {
      add(first.start, paragraphEnd, paragraphWide.rule, index, last);
    } else {
      for (const { sentenceIndex, rule, at, length } of matches) {
        const sentence = sentences[sentenceIndex] as Sentence;
        if (rule.matchOnly) add(at, at + length, rule, sentenceIndex, sentenceIndex);
        else add(sentence.start, sentence.end, rule, sentenceIndex, sentenceIndex);
      }
    }
    index = last + 1;
  }
  return groupRuns(text, found);
}

/**
 * One log entry for each run of adjacent sentences that a `groupRuns` rule ruled out (a product
 * page's spec list, a list of teasers), saying how many lines it holds; the others stay as found.
 */
function groupRuns(text: string, found: NotClaimSpan[]): NotClaimSpan[] {
  const grouped: NotClaimSpan[] = [];
  const lines = new Map<NotClaimSpan, number>();
  for (const span of found) {
    const previous = grouped[grouped.length - 1];
    if (previous && span.rule.groupRuns && previous.rule === span.rule && previous.lastSentence + 1 === span.firstSentence) {
      previous.lastSentence = span.lastSentence;
      previous.entry = { ...previous.entry, end: span.entry.end, text: text.slice(previous.entry.start, span.entry.end) };
      lines.set(previous, (lines.get(previous) ?? 1) + 1);
      continue;
    }
    grouped.push({ ...span });
  }
  for (const [span, count] of lines) span.entry.reason = `${span.rule.note} (${count} lines in a row)`;
  return grouped;
}

/**
 * The claims that are claims: those whose sentence no not-claim span covers (for a match-only
 * span, whose cue it does not hold); plus the log entries saying why the others are not, with
 * the entries for attributions ruled out by their speaker (`bySpeaker`) that no span explains
 * already, in text order.
 */
export function withoutNotClaims(text: string, sentences: readonly Sentence[], claims: ClaimRecord[], bySpeaker: readonly RejectedCandidate[]): { claims: ClaimRecord[]; rejected: RejectedCandidate[] } {
  const spans = findNotClaimSpans(text, sentences, claims);
  const holdsCue = (entry: RejectedCandidate, claim: ClaimRecord): boolean => claim.cue !== null && entry.start <= claim.cue.start && claim.cue.end <= entry.end;
  const rulesOut = ({ entry, matchOnly, rule }: NotClaimSpan, claim: ClaimRecord): boolean =>
    (rule.claimKind === undefined || rule.claimKind === claim.kind) && (matchOnly ? holdsCue(entry, claim) : overlaps(entry, claim.sentence));
  const kept = claims.filter((claim) => !spans.some((span) => rulesOut(span, claim)));
  // A span narrowed to a cue or a kind of claim says something only about such a claim: without one it is no entry.
  const logged = spans.filter((span) => (!span.matchOnly && span.rule.claimKind === undefined) || claims.some((claim) => rulesOut(span, claim))).map((span) => span.entry);
  const rejected = [...logged];
  for (const entry of bySpeaker) if (!logged.some((span) => overlaps(span, entry))) rejected.push(entry);
  return { claims: kept, rejected: rejected.sort((a, b) => a.start - b.start) };
}

/**
 * Why an attribution makes no attributed claim, judged by its speaker ("I", no speaker at all, a
 * pronoun tied to a place) and, where a rule says so, its cue and content; undefined when it does
 * make one. `speakerType` is the type of the actor the speaker was tied to. The log entry spans
 * the speaker, else the cue.
 */
export function speakerNotClaim(text: string, attribution: Attribution, speakerType: ActorType | undefined): RejectedCandidate | undefined {
  const views = ruleViews();
  const between = views.firstReadsBetween ? wordsBetween(attribution.speaker, attribution.cue, (start, end) => text.slice(start, end)) : '';
  const view = speakerView(attribution.speaker, attribution.cue, attribution.content, between, attribution.ruleIds, attribution.speakerActorId !== undefined, speakerType);
  const rule = views.speakerFirst.find((candidate) => speakerRuleApplies(candidate, view));
  if (!rule) return undefined;
  return speakerEntry(rule, attribution.speaker ?? attribution.cue ?? attribution.content);
}

/**
 * The attributed claims that the fallback speaker rows rule out, judged after every other row so
 * that a row saying more about the statement names the reason in the log.
 */
export function withoutFallbackNotClaims(claims: readonly ClaimRecord[]): { claims: ClaimRecord[]; rejected: RejectedCandidate[] } {
  const views = ruleViews();
  const rules = views.speakerFallback;
  const kept: ClaimRecord[] = [];
  const rejected: RejectedCandidate[] = [];
  for (const claim of claims) {
    const view = claim.kind === 'attributed' && claim.content !== null
      ? speakerView(claim.speaker, claim.cue, claim.content, views.fallbackReadsBetween ? wordsBetween(claim.speaker, claim.cue, (start, end) => claim.sentence.text.slice(start - claim.sentence.start, end - claim.sentence.start)) : '', claim.ruleIds, claim.speakerActor !== null, claim.speakerActor?.type)
      : undefined;
    const rule = view && rules.find((candidate) => speakerRuleApplies(candidate, view));
    if (rule) rejected.push(speakerEntry(rule, claim.speaker ?? claim.cue ?? claim.content ?? claim.sentence));
    else kept.push(claim);
  }
  return { claims: kept, rejected };
}

/** A figure that a figure-claim row says makes no claim, and where its sentence starts. */
export interface RuledOutFigure {
  ruleId: string;
  sentenceStart: number;
}

/**
 * The claims that the page rows rule out: on a page where a row's `countedRules` ruled out at least
 * `leastCount` sentences (a recipe's or a how-to guide's steps, a review's spec figures), the page's
 * claims of the row's kind are the guide's own measures and timings, not claims; one log entry for each.
 */
export function withoutPageNotClaims(claims: readonly ClaimRecord[], rejected: readonly RejectedCandidate[], ruledOutFigures: readonly RuledOutFigure[]): { claims: ClaimRecord[]; rejected: RejectedCandidate[] } {
  // A sentence two counted rows ruled out (a stat line holding a game's plays) counts once.
  const countOf = (rule: NotClaimRule): number => {
    const places = new Set<number>();
    for (const entry of rejected) if (rule.countedRules.includes(entry.ruleId)) places.add(entry.start);
    for (const figure of ruledOutFigures) if (rule.countedRules.includes(figure.ruleId)) places.add(figure.sentenceStart);
    return places.size;
  };
  const applying = ruleViews().page.filter((rule) => countOf(rule) >= rule.leastCount);
  if (applying.length === 0) return { claims: [...claims], rejected: [] };
  const kept: ClaimRecord[] = [];
  const ruledOut: RejectedCandidate[] = [];
  for (const claim of claims) {
    const rule = applying.find((candidate) => candidate.claimKind === claim.kind);
    if (rule) ruledOut.push(speakerEntry(rule, claim.sentence));
    else kept.push(claim);
  }
  return { claims: kept, rejected: ruledOut };
}

/**
 * The claims that the relay rows rule out: "…, the health board said, according to Reuters" is
 * the health board's statement, and the feed has it as theirs; the claim credited to the source
 * that passed it on (a claim of the row's `cueRuleIds`) repeats it with the saying inside its
 * content. It is ruled out when a claim of the row's `relayedCueRuleIds` whose cue lies inside its
 * content is in the feed; with no such claim ("According to the paper, the mayor said …" where
 * the inner saying was not read) it stays, the only record of the statement.
 */
export function withoutRelayNotClaims(claims: readonly ClaimRecord[]): { claims: ClaimRecord[]; rejected: RejectedCandidate[] } {
  let kept = [...claims];
  const rejected: RejectedCandidate[] = [];
  for (const rule of ruleViews().relay) {
    const relaying = rule.cueRuleIds ?? [];
    const relayed = rule.relayedCueRuleIds ?? [];
    const sayings = kept.filter((claim) => claim.kind === 'attributed' && claim.cue !== null && claim.ruleIds.some((id) => relayed.includes(id)));
    kept = kept.filter((claim) => {
      const content = claim.content;
      const relays = claim.kind === 'attributed' && content !== null && claim.ruleIds.some((id) => relaying.includes(id));
      if (!relays || !sayings.some((saying) => saying !== claim && holdsSaying(content, saying))) return true;
      rejected.push(speakerEntry(rule, claim.cue ?? content));
      return false;
    });
  }
  return { claims: kept, rejected };
}

/** Whether a saying claim's cue lies inside the content and its content overlaps it. */
function holdsSaying(content: Span, saying: ClaimRecord): boolean {
  const { cue, content: said } = saying;
  return cue !== null && said !== null && content.start <= cue.start && cue.end <= content.end && said.start < content.end && content.start < said.end;
}

/** What a speaker row reads of an attribution or of the attributed claim made from it. */
interface SpeakerView {
  speaker: string;
  cue: string;
  content: string;
  /** The words between a speaker and the cue after it; empty when the cue comes first. */
  between: string;
  ruleIds: readonly string[];
  /** Whether the speaker was tied to an actor. */
  tied: boolean;
  /** A speaker that names no actor and no known speaker head ("the cameras", not "the mayor"). */
  unnamed: boolean;
  speakerType: ActorType | undefined;
  /** Whether the speaker lies inside the content. */
  speakerInContent: boolean;
}

/** The text between a speaker and the cue after it (at most a few words), or '' when there is none. */
function wordsBetween(speaker: Span | null, cue: Span | null, slice: (start: number, end: number) => string): string {
  if (!speaker || !cue || cue.start <= speaker.end || cue.start - speaker.end > MAX_BETWEEN_CHARS) return '';
  return slice(speaker.end, cue.start).trim();
}

function speakerView(speaker: Span | null, cue: Span | null, content: Span, between: string, ruleIds: readonly string[], tied: boolean, speakerType: ActorType | undefined): SpeakerView {
  return {
    speaker: speaker?.text.trim() ?? '',
    cue: cue?.text.trim() ?? '',
    content: content.text.trim(),
    between,
    ruleIds,
    tied,
    // "Roe's supporters", "the chairman of Acme" name someone, though not the actor they name.
    unnamed: !tied && !ruleIds.some((id) => id.startsWith('speaker.') || id === 'span.affiliated-speaker'),
    speakerType,
    speakerInContent: speaker !== null && speaker.start >= content.start && speaker.end <= content.end,
  };
}

function speakerRuleApplies(rule: NotClaimRule, view: SpeakerView): boolean {
  return (
    (!rule.unnamedOnly || view.unnamed) &&
    (!rule.tiedToNoOne || !view.tied) &&
    (!rule.speakerInContent || view.speakerInContent) &&
    (rule.cue === undefined || rule.cue.test(view.cue)) &&
    (rule.cueRuleIds === undefined || sharesAny(rule.cueRuleIds, view.ruleIds)) &&
    (rule.actorTypes === undefined || (view.speakerType !== undefined && rule.actorTypes.includes(view.speakerType))) &&
    (rule.content === undefined || rule.content.test(view.content)) &&
    (rule.between === undefined || rule.between.test(view.between)) &&
    rule.pattern.test(view.speaker)
  );
}

/** Whether the lists share an item (a loop: a closure over `b` would be made anew for every row judged). */
function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const item of a) if (b.includes(item)) return true;
  return false;
}

function speakerEntry(rule: NotClaimRule, span: Span): RejectedCandidate {
  return { start: span.start, end: span.end, text: span.text, layer: 'claim', reason: rule.note, ruleId: rule.id };
}

/** Whether the trimmed text splits into at most `max` words, read only as far as needed (a paragraph may be long). */
function hasAtMostWords(text: string, max: number): boolean {
  const gaps = /\s+/g;
  for (let words = 1; gaps.test(text); ) if (++words > max) return false;
  return true;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
