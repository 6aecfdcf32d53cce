import { describe, expect, it } from 'vitest';
import { extractActors } from '../../src/extractors/actors/index.js';
import { extractAttributions } from '../../src/extractors/attributions/index.js';

function contents(text: string): Array<{ cue: string | null; content: string; ruleIds: readonly string[] }> {
  const { actors } = extractActors(text);
  return extractAttributions(text, actors).attributions.map((attribution) => ({ cue: attribution.cue?.text ?? null, content: attribution.content.text, ruleIds: attribution.ruleIds }));
}

describe('a phrase summing up what was reported', () => {
  it.each([
    ['The mayor said the pier would close, a move that angered the union.', 'the pier would close'],
    ['The harbour board said its fares had gone up to $4 in May, an increase of almost a dollar.', 'its fares had gone up to $4 in May'],
    ['Roe said the ferry would stop at the island, a plan the mayor has since changed.', 'the ferry would stop at the island'],
    ['The pilots alleged that the board had hidden the survey, a charge made in May.', 'that the board had hidden the survey'],
    ['Lee pledged that the night ferry would stay, a departure from the cuts of the last decade.', 'that the night ferry would stay'],
    ['The union accused the board of stalling the talks, a reference to letters leaked last week.', 'the board of stalling the talks'],
  ])('ends the content before it: %s', (text, content) => {
    const [first] = contents(text);
    expect(first).toMatchObject({ content });
    expect(first?.ruleIds).toContain('span.clause-summary');
  });

  it.each([
    // The phrase is the subject of a verb of its own.
    ['The mayor said the pier would close, a drop in trade gave the pilots a reason to strike.', 'the pier would close, a drop in trade gave the pilots a reason to strike'],
    // The phrase is one item of a series.
    ['The mayor said the levy brought two things, a cut in pier fees and a new quay.', 'the levy brought two things, a cut in pier fees and a new quay'],
    // A verb comes before any noun that could sum up the clause.
    ['Roe noted that in small things, a pilot was out of step with the crews.', 'that in small things, a pilot was out of step with the crews'],
    // The sentence goes on after the phrase.
    ['Half the pilots said they did not know, a higher level of doubt than on other questions, and a third backed the plan.', 'they did not know, a higher level of doubt than on other questions'],
  ])('keeps the content going otherwise: %s', (text, content) => {
    const [first] = contents(text);
    expect(first?.content.startsWith(content)).toBe(true);
    expect(first?.ruleIds).not.toContain('span.clause-summary');
  });
});
