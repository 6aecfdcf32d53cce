/**
 * The names of every number that tunes the stripper. Values and the reason for each live in
 * config/strip-thresholds.json; a missing or extra name fails loading.
 */
const STRIP_THRESHOLD_NAMES = [
  'protectTextShare',
  'maxAncestorLevels',
  'minScoringChars',
  'maxScoringLinkDensity',
  'charsPerScorePoint',
  'maxLengthPoints',
  'contentHintBonus',
  'siblingScoreShare',
  'minSiblingScore',
  'siblingParagraphChars',
  'siblingParagraphLinkDensity',
  'parentScoreShare',
  'headlineNearScoreShare',
  'sameArticleBlockGap',
  'climbGoodShare',
  'wrapperSlackChars',
  'maxOutputLinkDensity',
  'maxShortBlockLinkDensity',
  'shortBlockChars',
  'leadMinChars',
  'leadMaxLinkDensity',
  'maxLeadBlocks',
  'recallMinChars',
  'headlineSectionLevels',
  'minArticleChars',
  'recallRatio',
  'fallbackBlockChars',
  'fallbackLinkDensity',
  'maxSectionClimb',
  'endMatterChars',
  'binaryControlShare',
  'maxTitleChars',
  'maxNestingDepth',
] as const;

export type StripThresholdName = (typeof STRIP_THRESHOLD_NAMES)[number];
export type StripThresholds = Readonly<Record<StripThresholdName, number>>;

export function toStripThresholds(named: Readonly<Record<string, { value: number }>>): StripThresholds {
  const problems: string[] = [];
  const result = {} as Record<StripThresholdName, number>;
  for (const name of STRIP_THRESHOLD_NAMES) {
    const entry = named[name];
    if (entry === undefined) problems.push(`missing "${name}"`);
    else result[name] = entry.value;
  }
  for (const name of Object.keys(named)) if (!(STRIP_THRESHOLD_NAMES as readonly string[]).includes(name)) problems.push(`unknown "${name}"`);
  if (problems.length > 0) throw new Error(`config/strip-thresholds.json: ${problems.join('; ')}`);
  return Object.freeze(result);
}
