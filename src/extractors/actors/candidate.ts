import type { ActorType } from '../../model/claim.js';

/** A run of tokens: `start` is a token index, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
  /** A possessive inside a name ("People's Daily"): its token and the rule that carried the run across it. */
  possessive?: { at: number; ruleId: string };
}

/** A mention found by the actor engine before it is linked within the article. */
export interface Candidate extends Span {
  type: ActorType;
  canonical: string;
  ruleIds: string[];
  /** Resolved later by coreference (a single unknown word). */
  weak?: boolean;
}

/** "Customs and Border Protection (CBP)": the token span an acronym in brackets spells out. */
export interface AcronymDefinition extends Span {
  /** False when the spelled-out words are lower case ("light-emitting diode (LED)"): a term, not a name. */
  named: boolean;
}

/** A type the engine settled on for a span, or `none` for capitalised words that name no actor. */
export interface TypeGuess {
  type: ActorType | 'none';
  ruleId: string;
  /** A guess a later, article-wide reading may overturn. */
  weak?: boolean;
}
