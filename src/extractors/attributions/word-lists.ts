/** Closed word classes and limits the attribution readers share. */

/** Modal verbs, the forms of "have" that make a perfect, and negation: pieces of the auxiliary sets below. */
export const MODAL_VERBS: ReadonlySet<string> = new Set(['will', 'would', 'could', 'can', 'should', 'may', 'might', 'must']);
export const PERFECT_AUXILIARIES: ReadonlySet<string> = new Set(['has', 'have', 'had']);
export const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't"]);
/** The negated contractions of "be": "weren't told" is as passive as "were not told". */
export const NEGATED_BE: ReadonlySet<string> = new Set(["isn't", "aren't", "wasn't", "weren't"]);
/** Words between a subject and its cue: auxiliaries, negation and common adverbs. */
export const AUXILIARY_VERBS = new Set(["'s", "'re", 'being', "didn't", "doesn't", "don't", ...NEGATED_BE, "won't", "wouldn't", "can't", "couldn't", "hasn't", "haven't", "hadn't", "shouldn't", ...PERFECT_AUXILIARIES, 'is', 'was', 'were', 'are', 'am', 'be', 'been', ...MODAL_VERBS, 'did', 'does', 'do', ...NEGATIONS]);
export const CUE_ADVERBS = new Set(['also', 'later', 'previously', 'repeatedly', 'again', 'still', 'never', 'once', 'now', 'then', 'often', 'already', 'publicly', 'privately', 'recently', 'even', 'just', 'only', 'first', 'reportedly', 'further', 'long', 'since', 'ever', 'soon', 'quickly', 'immediately']);
export const AUXILIARIES = new Set([...AUXILIARY_VERBS, ...CUE_ADVERBS]);
/** Quantifiers that float off a plural subject ("the mayors both argued"); alone they are a speaker ("Both said"). */
export const FLOATING_QUANTIFIERS: ReadonlySet<string> = new Set(['all', 'both', 'each']);
/** Past-tense endings: "said", "warned", "told", "wrote", "thought", "found", "shown". */
export const PAST_FORM = /(?:ed|aid|old|ote|ought|ound|own)$/;
/** A lower-case word in "-ly" with at least three letters before it: a manner adverb ("briefly", "sharply"); "fly" and "only" are too short. */
export const LY_ADVERB = /^[a-z]{3,}ly$/;
/** Past forms PAST_FORM does not cover: "read one banner", "spoke the mayor", "swore", "knew", "put". */
export const IRREGULAR_PAST = /(?:ead|oke|ore|ew|ut|ast)$/;
export const PASSIVE_MARKERS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Auxiliaries at which a speaker phrase read leftwards stops: the forms of "be", "have" and "do", and the modals. */
export const AUXILIARY_BREAKS: ReadonlySet<string> = new Set([...PASSIVE_MARKERS, 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do']);
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
/** Degree words that grade an adjective or an -ing word: "the most telling", "very revealing". */
export const GRADING_WORDS: ReadonlySet<string> = new Set(['most', 'more', 'less', 'least', 'very']);
/** A speaker phrase read leftwards stops at these. */
export const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'but', 'while', 'although', 'though', 'when', 'if', 'since', 'after', 'before', 'so', 'where', 'whether', 'as', 'and', 'or', 'than', 'until', 'unless', 'whereas', 'yet', 'why', 'how', 'what']);
export const COORDINATORS = new Set(['and', 'but', 'or']);
/** Words whose "'s" is "is" or "has" ("it's", "that's"), not a possessive. */
/** The possessive ending as a token of its own ("Roe 's"); a lone apostrophe follows plural owners ("Sanders ' vote"). */
export const POSSESSIVE_MARKS: ReadonlySet<string> = new Set(["'s", '’s']);
export const POSSESSIVE_ENDINGS: ReadonlySet<string> = new Set([...POSSESSIVE_MARKS, "'", '’']);
export const CONTRACTION_HOSTS = new Set(['it', 'he', 'she', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'this']);
/** The personal pronoun a possessive determiner stands in for ("his vow" is his as "he said" is his). */
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, string> = new Map([['his', 'he'], ['her', 'she'], ['their', 'they'], ['its', 'it']]);
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
/** "Roe himself said": a reflexive after a name only stresses it. */
export const REFLEXIVE_PRONOUNS: ReadonlySet<string> = new Set(['himself', 'herself', 'itself', 'themselves', 'myself', 'ourselves', 'yourself']);
/** Pronouns a bare present form agrees with ("they say", "I think"). */
export const PLURAL_FORM_PRONOUNS = new Set(['i', 'you', 'we', 'they']);
/** Relative pronouns that can stand for the speaker before a cue ("an official who said"). */
export const RELATIVE_SUBJECTS = new Set(['who', 'which', 'that']);
/** Relative pronouns that stand as the speaker of the cue after them ("the firm, which said …"), or as the subject of an evidential cue. */
export const RELATIVE_SPEAKERS = new Set(['who', 'which']);
/** Relative pronouns that open a clause about a person ("Roe, whose firm built the pier, said"). */
export const PERSON_RELATIVES: ReadonlySet<string> = new Set(['who', 'whose', 'whom']);
/** Heads that are plural without a final "s". */
export const PLURAL_HEADS = new Set(['people', 'police', 'men', 'women', 'children', 'staff', 'folk', 'military', 'clergy', 'personnel']);

/** A noun or verb ending in a single "s" ("officials", "says"), not "ss" ("press"). */
export function endsInSingleS(word: string): boolean {
  return word.endsWith('s') && !word.endsWith('ss');
}
export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'one', 'two', 'three', 'four', 'five', 'six', 'several', 'many', 'some', 'other', 'others', 'both', 'senior', 'top', 'former', 'most', 'all', 'each', 'another', 'few', 'no']);
/** After one of these a cue word is a noun ("the report", "a statement", "his call"). */
export const NOUN_MARKERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'whose', "'s", 'no', 'any', 'every']);
/** Weekdays and the like, which stand alone as a time adjunct: "endorsed Roe Tuesday". */
export const DAY_WORDS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight']);
/** Phrases between a cue and its content: "said in a statement that", "told reporters on Monday". */
export const CUE_ADJUNCT_STARTS = new Set(['of', 'in', 'on', 'at', 'during', 'late', 'early', 'earlier', 'last', 'this', ...DAY_WORDS, 'recently', 'publicly', 'privately', 'repeatedly', 'also', 'again', 'via', 'through', 'flatly', 'bluntly', 'simply']);
/** Adjuncts skipped only when a "that" follows them ("said after a walk on the quay that …"); else they may be the content ("complained about the mic"). */
export const THAT_ADJUNCT_STARTS = new Set(['after', 'before', 'following', 'outside', 'from', 'with', 'about', 'when', 'while', 'for', 'by']);
/** After "…, X said," these start a new clause rather than more content. */
export const CLAUSE_CONTINUERS = new Set(['and', 'but', 'though', 'although', 'while', 'as', 'because', 'which', 'who', 'adding', 'saying', 'noting', 'citing', 'referring', 'even', 'so', 'yet', 'whereas', 'since', 'in', 'on', 'at', 'after', 'before', 'during', 'when', 'under', 'according', 'with', 'without', 'amid', 'despite', 'where']);
/** Content of an object-taking cue ("condemned the test as …") stops at a subordinate clause. */
export const CLAUSE_BREAKERS = new Set(['and', 'but', 'or', 'though', 'although', 'while', 'whereas', 'yet']);
/** Open a clause of their own without a comma: "… while voters say …". */
export const CONTRAST_OPENERS = new Set(['while', 'whereas', 'though', 'although']);
export const OBJECT_STOPS = new Set(['as', 'while', 'when', 'because', 'after', 'before', 'since', 'although', 'though', 'if', 'unless', 'until', 'amid', 'despite', 'whereas']);
export const SPEAKER_STARTS_NOT = new Set(['whichever', 'whatever', 'whoever', 'of', 'in', 'for', 'to', 'with', 'on', 'at', 'by', 'from', 'about', 'into', 'over', 'under', 'than', 'as', 'like', 'not', 'very', 'too', 'also', 'following', 'after', 'before', 'during', 'despite', 'if', 'when', 'there', 'here', 'what', 'how', 'why', 'so', 'then', 'thus']);
export const SENTENCE_ADVERBIAL_STARTS = new Set(['in', 'on', 'at', 'after', 'before', 'during', 'following', 'responding', 'despite', 'with', 'without', 'for', 'since', 'as', 'when', 'while', 'although', 'though', 'if', 'because', 'under', 'asked', 'speaking', 'meanwhile', 'still', 'however', 'yet', 'but', 'and', 'instead', 'earlier', 'later', 'last', 'this', 'now', 'today', 'yesterday']);
/** Words that open a clause after a cue that takes only clauses ("maintained he was", "decided whether"). */
export const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'what', 'why', 'when', 'where', 'who', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'this']);
/** After a present-form belief cue these make it a noun: "support from", "attacks on", "plans for". */
export const NOUN_PREPOSITIONS = new Set(['of', 'from', 'among', 'in', 'for', 'with', 'on', 'at', 'by', 'between', 'within']);
/** What follows an appearance or expectation cue: "seems to", "appears that", "is seen as", "looks like", "is considered a". */
export const EVIDENTIAL_COMPLEMENTS = new Set(['to', 'that', 'as', 'like', 'a', 'an', 'the', 'more', 'less', 'very', 'so', 'too', 'increasingly', 'unlikely', 'likely', 'certain', 'ready', 'poised', 'set', 'willing', 'eager', 'determined']);
/** Before a question participle: "when asked", "if pressed", "after being asked". */
export const QUESTION_LEADERS = new Set(['when', 'if', 'after', 'before', 'once', 'while', 'until', 'unless', 'being']);
/** Where the question or its topic starts after "asked": "about …", "whether …", "what …", "to …", "on …". */
export const QUESTION_CONTENT_OPENERS = new Set(['about', 'whether', 'if', 'what', 'how', 'why', 'who', 'whom', 'which', 'when', 'where', 'to', 'for', 'on', 'over', 'regarding']);
export const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters']);
/** Dashes that set off a phrase: em, en and a doubled hyphen; a lone hyphen mostly joins words, so each use adds it where it counts. */
export const DASHES: ReadonlySet<string> = new Set(['—', '–', '--']);
/** Words opening an indefinite noun phrase: one summing up the clause before it ("…, a deal announced on Monday"), one a naming participle describes ("a company called …"). */
export const INDEFINITE_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'another']);
export const QUOTE_INTRODUCERS = new Set([...DASHES, '-', ':']);
/** Time words that open or close a speaker phrase without belonging to it ("X on Wednesday said"); the row span.speaker-time-phrase adds the other words of time phrases ("last", "ago", months). */
export const TIME_WORDS = new Set([...DAY_WORDS, 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'earlier', 'later']);
export const TIME_LEADERS = new Set(['on', 'last', 'this', 'next', 'late', 'early', 'earlier', 'later']);
/** A currency sign standing as its own token: "$", "€", "£". */
export const CURRENCY_SIGN = /^\p{Sc}$/u;
export const SCALE_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'percent', '%', 'dollar', 'point']);
/** "-ous", "-ive" …; a hyphenated participle ("community-based", "state-owned") is an adjective too. */
export const ADJECTIVE_ENDINGS = /(?:ous|ful|ive|able|ible|less|ical|ential|orial|ional|ntal|ural|-[a-z]+ed)$/;
export const MAX_SPEAKER_TOKENS = 14;
export const MAX_LABEL_TOKENS = 5;
export const MAX_APPOSITIVE_TOKENS = 40;
/** How many sentences back a pronoun speaker looks for the last speaker before any other actor. */
export const RECENT_SPEAKER_SENTENCES = 2;
/** "at least", "at most": after "at" these bound an amount ("said at least six boats sank"); they name no place or time. */
export const AMOUNT_BOUNDS: ReadonlySet<string> = new Set(['least', 'most']);
