import { describe, expect, it } from 'vitest';
import { extractActors } from '../../src/extractors/actors/index.js';

const mentions = (text: string): Array<[string, string, string]> => extractActors(text).actors.map((actor) => [actor.text, actor.type, actor.canonical]);

describe('extractActors', () => {
  it.each([
    ['Interior Minister Rosa Delgado met Gov. Tom Hale in Denver on Monday.', [['Rosa Delgado', 'person'], ['Tom Hale', 'person'], ['Denver', 'place']]],
    ['Republicans and Democrats sparred over the Federal Aviation Administration budget.', [['Republicans', 'group'], ['Democrats', 'group'], ['Federal Aviation Administration', 'organization']]],
    ['Previous attempts failed, and those talks ended in March.', []],
    ['The Marlow administration praised the University of Southern Indiana.', [['Marlow administration', 'organization'], ['University of Southern Indiana', 'organization'], ['Indiana', 'place']]],
    ['Tourists queued outside the Imam Mosque at dawn.', [['Imam Mosque', 'place']]],
    ['Judge Ann Park ruled on Monday.', [['Ann Park', 'person']]],
    ['Buses leave Oklahoma City daily.', [['Oklahoma City', 'place']]],
    // A given name the dictionary never writes in lower case makes a name of a run with an everyday word.
    ['Crowds cheered when Taylor Swift reached the pier.', [['Taylor Swift', 'person']]],
    ['The stall sells Harvesting Basil and Spanish Pottery.', []],
  ])('%s', (text, expected) => {
    const found = mentions(text).map(([surface, type]) => [surface, type]);
    expect(found).toEqual(expected);
  });

  it('keeps titles out of the span and punctuation out of names', () => {
    const found = mentions('“We are ready,” said Secretary of State Hannah Lind.');
    expect(found.map(([surface]) => surface)).toEqual(['Hannah Lind']);
  });

  it('reads a title with a "for" complement as a role, and the given name after it as the name', () => {
    expect(mentions('The Harbour Commissioner for Coastal Safety said the pier was sound.').map(([surface, type]) => [surface, type])).toEqual([['Harbour Commissioner for Coastal Safety', 'person']]);
    expect(mentions('Commissioner for Coastal Safety Hannah Lind said the pier was sound.').map(([surface]) => surface)).toEqual(['Hannah Lind']);
  });

  it('reads a given name and a word that ends places\' names as a person when a verb of saying stands beside them', () => {
    expect(mentions('Jane Hill said the harbour wall would hold.').map(([surface, type]) => [surface, type])).toEqual([['Jane Hill', 'person']]);
    expect(mentions('The band played in Victoria Park on Sunday.').map(([surface, type]) => [surface, type])).toEqual([['Victoria Park', 'place']]);
  });

  it('links short forms and aliases to the full name seen in the article', () => {
    const text = 'Mexican President Andrés Manuel López Obrador spoke first. Later, López Obrador said AMLO would not travel. Officials at ICE agreed.';
    const byText = new Map(extractActors(text).actors.map((actor) => [actor.text, actor]));
    expect(byText.get('López Obrador')?.canonical).toBe('Andrés Manuel López Obrador');
    expect(byText.get('AMLO')?.canonical).toBe('Andrés Manuel López Obrador');
    expect(byText.get('AMLO')?.actorId).toBe(byText.get('Andrés Manuel López Obrador')?.actorId);
    expect(byText.get('ICE')?.canonical).toBe('U.S. Immigration and Customs Enforcement');
  });

  it('resolves an acronym defined in brackets to its expansion', () => {
    const text = 'The Coastal Waters Authority (CWA) closed two beaches. A CWA spokesman declined to comment.';
    const acronym = extractActors(text).actors.filter((actor) => actor.text === 'CWA');
    expect(acronym.length).toBe(2);
    for (const mention of acronym) expect(mention.canonical).toBe('Coastal Waters Authority');
  });

  it('drops a lone unknown capitalised word without evidence and keeps one with evidence', () => {
    const text = 'The Zorblat model sold well. Shelters in Ferrin, Tamaulipas filled up. Okonkwo said the line was long.';
    const found = mentions(text).map(([surface, type]) => `${surface}/${type}`);
    expect(found).not.toContain('Zorblat/person');
    expect(found).toContain('Ferrin/place');
    expect(found).toContain('Okonkwo/person');
  });
});

describe('extractActors: capitalised institution words', () => {
  it('reads a capitalised institution word mid-sentence as an organisation, not at a line start', () => {
    const found = mentions('The ruling was upheld by the Court on Monday.\n\nCourt fees rose.').map(([surface, type]) => `${surface}/${type}`);
    expect(found).toEqual(['Court/organization']);
  });
});
