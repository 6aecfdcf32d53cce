import { describe, expect, it } from 'vitest';
import { extractActors } from '../../src/extractors/actors/index.js';
import { extractAttributions } from '../../src/extractors/attributions/index.js';

/** Every report read, those another report passes on included (listed after the rest). */
function attribute(text: string): Array<{ speaker: string | null; cue: string | null; content: string; direct: boolean; actor?: string }> {
  const { actors } = extractActors(text);
  const canonicalById = new Map(actors.map((actor) => [actor.actorId, actor.canonical]));
  const { attributions, embedded } = extractAttributions(text, actors);
  return [...attributions, ...embedded].map((attribution) => ({
    speaker: attribution.speaker?.text ?? null,
    cue: attribution.cue?.text ?? null,
    content: attribution.content.text,
    direct: attribution.direct,
    ...(attribution.speakerActorId ? { actor: canonicalById.get(attribution.speakerActorId) } : {}),
  }));
}

describe('extractAttributions', () => {
  it.each([
    ['The harbor master said that the channel would reopen by Friday.', 'The harbor master', 'said', 'that the channel would reopen by Friday'],
    ['The channel will reopen by Friday, the harbor master said.', 'the harbor master', 'said', 'The channel will reopen by Friday'],
    ['The channel will reopen by Friday, said two port officials familiar with the plan.', 'two port officials familiar with the plan', 'said', 'The channel will reopen by Friday'],
    ['The channel, the officials said, will reopen by Friday.', 'the officials', 'said', 'The channel, the officials said, will reopen by Friday'],
    ['The channel, the officials told reporters, will reopen by Friday.', 'the officials', 'told', 'The channel, the officials told reporters, will reopen by Friday'],
    ['The fix, the pilot told them, was simple.', 'the pilot', 'told', 'The fix, the pilot told them, was simple'],
    ['According to the port authority, the channel will reopen by Friday.', 'the port authority', 'According to', 'the channel will reopen by Friday'],
    ['A senior transport official told Channel 4 News that the channel would reopen.', 'A senior transport official', 'told', 'that the channel would reopen'],
    ['The mayor wants the council to approve the budget.', 'The mayor', 'wants', 'the council to approve the budget'],
    ['The audit found that two departments overspent.', 'The audit', 'found', 'that two departments overspent'],
    ["Last year's audit found that two departments overspent.", "Last year's audit", 'found', 'that two departments overspent'],
    ['Coffman, a former harbor pilot, said Kroll had closed the channel.', 'Coffman, a former harbor pilot,', 'said', 'Kroll had closed the channel'],
    ['Ferry workers — and some harbor pilots — say that the channel is too shallow.', 'Ferry workers — and some harbor pilots —', 'say', 'that the channel is too shallow'],
    ['The company that owns the pier, Harbour Holdings, denies that it blocked the ferry.', 'The company that owns the pier, Harbour Holdings,', 'denies', 'that it blocked the ferry'],
    // "they're deemed": a passive whose "be" is written into the pronoun names no speaker.
    ["If they're deemed safe, the cranes will stay.", null, 'deemed', "they're deemed safe"],
    // "isn't expected": a "be" with its "not" written in is a passive's as much as "is not expected" is.
    ["The mayor isn't expected to attend.", null, "isn't expected", "The mayor isn't expected to attend"],
    ['But the harbor board overruled and said the channel would stay open.', 'the harbor board', 'said', 'the channel would stay open'],
    ['Kroll told the harbor board the channel would stay open.', 'Kroll', 'told', 'the channel would stay open'],
    ['The channel will reopen by Friday, Kroll and her deputies said.', 'Kroll and her deputies', 'said', 'The channel will reopen by Friday'],
    ['The mayor and his staff said the channel would reopen by Friday.', 'The mayor and his staff', 'said', 'the channel would reopen by Friday'],
    ['The dredging stalled and the officials said the channel would stay shut.', 'the officials', 'said', 'the channel would stay shut'],
    ["Jo Kroll, the port's director, announced new dredging rules on Monday.", "Jo Kroll, the port's director,", 'announced', 'new dredging rules'],
    ['Ferry counts indicate women to be most of the riders, but public attitudes make it hard for men to complain.', 'Ferry counts', 'indicate', 'women to be most of the riders'],
    ["It's closed for good, said the harbor master.", 'the harbor master', 'said', "It's closed for good"],
    ['Some ferry pilots are quietly saying that the channel is too shallow.', 'Some ferry pilots', 'saying', 'that the channel is too shallow'],
    ['A mere 9 percent say the channel is deep enough.', 'A mere 9 percent', 'say', 'the channel is deep enough'],
    ['About three-quarters say the channel is too shallow.', 'About three-quarters', 'say', 'the channel is too shallow'],
    ['Most riders surveyed support a new ferry line.', 'Most riders surveyed', 'support', 'a new ferry line'],
    ['The channel is too shallow, said Jo Kroll, a harbor pilot, in a statement on Monday.', 'Jo Kroll, a harbor pilot', 'said', 'The channel is too shallow'],
    ['“We’re thrilled” with the dredging, said the harbor master.', 'the harbor master', 'said', '“We’re thrilled” with the dredging'],
    ['A number of things drive up the price of dredging, said the harbor master.', 'the harbor master', 'said', 'A number of things drive up the price of dredging'],
    ['Kroll spoke at the pier. Kroll drew a contrast, saying that the old channel was safer.', 'Kroll', 'saying', 'that the old channel was safer'],
    ['The port announced the next stage of its much-promised (and much-postponed) dredging plan.', 'The port', 'announced', 'the next stage of its much-promised (and much-postponed) dredging plan'],
    ['Those people that need that pier already know that the dredging came too late.', 'Those people that need that pier', 'know', 'that the dredging came too late'],
    ['The pier reopened in May, and pilots who work the local waters say the dredging came too late.', 'pilots who work the local waters', 'say', 'the dredging came too late'],
    ['Kroll told the Herald the channel never closed.', 'Kroll', 'told', 'the channel never closed'],
    // A currency sign before its amount, a state after its town and an age before a name are parts of the speaker phrase.
    ['“The pier is closing,” Pier for $15 organizing director Jo Lee told the Harbour News.', 'Pier for $15 organizing director Jo Lee', 'told', '“The pier is closing,”'],
    ['Jo Lee of Tampa, Fla. said the pier would close.', 'Jo Lee of Tampa, Fla.', 'said', 'the pier would close'],
    // A capitalised modal after a name is part of it ("Theresa May"), where a headline's has a capital after it ("Pilots May Strike").
    ['Jo May, the harbour master, said the pier would close.', 'Jo May, the harbour master,', 'said', 'the pier would close'],
    ['Jo May has said the pier would close.', 'Jo May', 'said', 'the pier would close'],
    ['Pilots were harsh in their criticism of Kroll’s dredging plan.', 'Pilots', 'criticism of', 'Kroll’s dredging plan'],
    ['The mayor noted that pilots have talked with French, German, and Dutch crews about the channel.', 'The mayor', 'noted', 'that pilots have talked with French, German, and Dutch crews about the channel'],
    ['Ferry riders have accused the port of delaying, hiding, and shredding the dredging records.', 'Ferry riders', 'accused', 'the port of delaying, hiding, and shredding the dredging records'],
    ['Pilots believed that a pledge from the port, which was short of money, would help the ferry.', 'Pilots', 'believed', 'that a pledge from the port, which was short of money, would help the ferry'],
    ['Pilots praised the new dredger, which arrived in May.', 'Pilots', 'praised', 'the new dredger'],
    ['The deal covers not only the ferry, but the pier as well, the harbor master said.', 'the harbor master', 'said', 'The deal covers not only the ferry, but the pier as well'],
    ['Pilots believe the new channel is not just deeper, but also safer for the crews.', 'Pilots', 'believe', 'the new channel is not just deeper, but also safer for the crews'],
    ['Kroll said the dredging would not only cost less but also end sooner.', 'Kroll', 'said', 'the dredging would not only cost less but also end sooner'],
    ['Kroll said the channel was deep enough, but the pilots disagreed.', 'Kroll', 'said', 'the channel was deep enough'],
    ['Pilots were united in their attacks on Lee Andrews’ vote to close the pier.', 'Pilots', 'attacks on', 'Lee Andrews’ vote to close the pier'],
    ['Mayor Ines Dorr, a Democrat, was critical of the ferry plan.', 'Mayor Ines Dorr, a Democrat,', 'critical of', 'the ferry plan'],
    ['Dorr, who has long been critical of the ferry plan, left early.', 'who', 'critical of', 'the ferry plan'],
    ['Mayor Ines Dorr Praises Harbour Board For Pier Work.', 'Mayor Ines Dorr', 'Praises', 'Harbour Board For Pier Work'],
    ["The pilots aren't sure they've found the leak.", 'The pilots', 'sure', "they've found the leak"],
    ['The captain was sure the ferry would sail on time.', 'The captain', 'sure', 'the ferry would sail on time'],
    ['Some in the “Save the Pier” crowd suggest the ferry should stop.', 'Some in the “Save the Pier” crowd', 'suggest', 'the ferry should stop'],
    ["The harbour crews weren't well aware of the leaks.", 'The harbour crews', 'aware of', 'the leaks'],
    ['The mayor argued that, while the fees may rise, the pier will stay open.', 'The mayor', 'argued', 'that, while the fees may rise, the pier will stay open'],
    ['The ferry will run again in May, Kroll said during a visit to the harbor.', 'Kroll', 'said', 'The ferry will run again in May'],
    ['The channel will reopen by Friday, says maritime historian Jo Kroll.', 'maritime historian Jo Kroll', 'says', 'The channel will reopen by Friday'],
    ['“We are ready,” said retired harbor pilot Ines Kroll.', 'retired harbor pilot Ines Kroll', 'said', '“We are ready,”'],
    ['Mayor Roe, speaking later at a rally in Dover, did not mention Lee.', 'Mayor Roe, speaking later at a rally in Dover,', 'mention', 'Lee'],
    ['Mayor Roe, a senator, did not mention Jo Lee directly in her speech.', 'Mayor Roe, a senator,', 'mention', 'Jo Lee'],
    ['The channel will reopen by Friday, said Kroll, whose firm dredged it.', 'Kroll', 'said', 'The channel will reopen by Friday'],
    ['Jo Kroll — a former harbor pilot who led the inquiry — praised the dredging plan.', 'Jo Kroll — a former harbor pilot who led the inquiry —', 'praised', 'the dredging plan'],
    ['In a statement, Rep. Jo Kroll (D-Ore.) took the floor, saying the channel would reopen.', 'Rep. Jo Kroll (D-Ore.)', 'saying', 'the channel would reopen'],
    ["Jo Kroll, a former harbor pilot, praised Lee Park's dredging plan.", 'Jo Kroll, a former harbor pilot,', 'praised', "Lee Park's dredging plan"],
    ["The channel will reopen by Friday, said Jo Kroll, director of Dover's port authority.", "Jo Kroll, director of Dover's port authority", 'said', 'The channel will reopen by Friday'],
    ['Kroll told the AP the channel would stay open.', 'Kroll', 'told', 'the channel would stay open'],
    ['Then she said the channel would reopen by Friday.', 'she', 'said', 'the channel would reopen by Friday'],
    ['During the storm, Kroll remarks that the pier held.', 'Kroll', 'remarks', 'that the pier held'],
    ['Her deputies fear that the pier will not hold.', 'Her deputies', 'fear', 'that the pier will not hold'],
    ['The lawsuit claims that the pier was never inspected.', 'The lawsuit', 'claims', 'that the pier was never inspected'],
    ['The harbor board has been warning that the pier is unsafe.', 'The harbor board', 'warning', 'that the pier is unsafe'],
    ['Sunday on Harbor TV’s “Port Morning Report,” Jo Kroll said the channel would reopen.', 'Jo Kroll', 'said', 'the channel would reopen'],
    ['"The channel is open," chairman, CEO and founder Jo Kroll said.', 'chairman, CEO and founder Jo Kroll', 'said', '"The channel is open,"'],
    ['The channel will reopen by Friday, port officials say; the dredging is done.', 'port officials', 'say', 'The channel will reopen by Friday'],
    ['Pilots who backed the levy later changed their minds.', 'who', 'backed', 'the levy'],
    ['This time she praised the dredging crews.', 'she', 'praised', 'the dredging crews'],
    ['Two weeks ago the harbour master said the channel was safe.', 'the harbour master', 'said', 'the channel was safe'],
    ['Friday, Leith, leading a group of six ports, asked the board to close the channel.', 'Leith, leading a group of six ports,', 'asked', 'the board to close the channel'],
    ['Kroll, who said, “The channel is closed,” resigned on Monday.', 'who', 'said', '“The channel is closed,”'],
    ['At least half of the pilots say the channel is too shallow.', 'At least half of the pilots', 'say', 'the channel is too shallow'],
    // A noun cue past the words describing it after its owner; in the sentence's subject its content ends before the
    // sentence's own verb (the first after the clause's own, though a clause follows it); a form of "be" or a colon may
    // link an owned noun of saying, believing or intending to its content.
    ['Jo Lee’s controversial proposal to close the pier drew protests.', 'Jo Lee’s', 'proposal', 'to close the pier'],
    ['Mayor Roe’s recent call to ban ferries was dropped.', 'Mayor Roe’s', 'call', 'to ban ferries'],
    ['Her very public criticism of the harbour board drew a rebuke.', 'Her', 'criticism of', 'the harbour board'],
    ['His widely reported claim that the pier was unsafe was false.', 'His', 'claim', 'that the pier was unsafe'],
    ['His complaints that the ferry was late went unheard.', 'His', 'complaints', 'that the ferry was late'],
    ['Roe’s repeated attacks on the board hurt him.', 'Roe’s', 'attacks on', 'the board'],
    ['Their decision not to sell the pier surprised the pilots.', 'Their', 'decision', 'not to sell the pier'],
    ['Mr. Roe’s decision to close the pier as his first act has shown how weak the board is.', 'Mr. Roe’s', 'decision', 'to close the pier as his first act'],
    // A noun or a plural before the cue word makes it a verb.
    ['His aides claim that the pier is safe.', 'His aides', 'claim', 'that the pier is safe'],
    ['Her answer was that the pier must close.', 'Her', 'answer', 'that the pier must close'],
    ['My impression is that he lacks support.', 'My', 'impression', 'that he lacks support'],
    ['His message has long been that the ferry is safe.', 'His', 'message', 'that the ferry is safe'],
    ['Their plan is to sell the old pier.', 'Their', 'plan', 'to sell the old pier'],
    ['Their argument: the ferry levy is far too high.', 'Their', 'argument', 'the ferry levy is far too high'],
  ])('%s', (text, speaker, cue, content) => {
    const [first, ...rest] = attribute(text);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ speaker, cue, content });
  });

  it.each([
    ['Most ferry riders said the fares were fair, and three-quarters felt likewise about the timetable.', ['Most ferry riders', 'three-quarters']],
    ['Half of the pilots say the channel is safe, while only 20 percent of the crews say the same.', ['Half of the pilots', 'only 20 percent of the crews']],
    ['Kroll said the channel would stay open, she claimed the boats were ready.', ['Kroll', 'she']],
    ['“The channel is open,” Kroll said, adding that the boats were ready.', ['Kroll', 'Kroll']],
    ['On Monday, Kroll, a former pilot, told the board that the fees were "too high," adding that the channel would reopen.', ['Kroll, a former pilot,', 'Kroll, a former pilot,']],
    ['Then Kroll went on the attack, saying the channel was too shallow.', ['Kroll']],
    ['76-year-old Jo Lee, founder of the pier club, endorsed Mayor Roe last week, saying he “has served the harbour well.”', ['76-year-old Jo Lee, founder of the pier club,', '76-year-old Jo Lee, founder of the pier club,']],
  ])('a clause with its own speaker and cue ends the content before it: %s', (text, speakers) => {
    expect(attribute(text).map((found) => found.speaker)).toEqual(speakers);
  });

  it('reads the clause after the cue, not a quotation inside the opening phrase, also when a cry in that quotation ends a sentence', () => {
    const said = attribute('Walking onto the pier to chants of “Kroll! Kroll!,” the mayor said the channel would reopen.').filter((found) => found.cue === 'said');
    expect(said).toMatchObject([{ speaker: 'the mayor', content: 'the channel would reopen' }]);
  });

  it('names no speaker rather than a lone coordinator or auxiliary', () => {
    const speakers = attribute('This is why Mr. Kroll and Mr. Lee personally select their crews, and try to promote a culture of safety by taking pilots on outings.').map((found) => found.speaker);
    expect(speakers).not.toContain('and');
  });

  it('keeps the subject before an insert that a time phrase closes ("Lee, who backed Roe years ago, praised …")', () => {
    const praised = attribute('Lee, who backed the levy years ago, praised the dredging crews.').filter((found) => found.cue === 'praised');
    expect(praised).toMatchObject([{ speaker: 'Lee, who backed the levy years ago,', content: 'the dredging crews' }]);
  });

  it('reads a name and an insert with no verb of its own as the subject of the cue after them, not as what an inverted speaker said', () => {
    expect(attribute('Mayor Roe, at a rally, mentioned Jo Lee.')).toMatchObject([{ speaker: 'Mayor Roe, at a rally,', cue: 'mentioned', content: 'Jo Lee' }]);
    expect(attribute('The pilots, in a letter, criticized the harbour board.')).toMatchObject([{ speaker: 'The pilots, in a letter,', cue: 'criticized', content: 'the harbour board' }]);
    // (A clause with its verb before the comma is still what the speaker after the cue said.)
    expect(attribute('The pier is unsafe, warned the harbour master.')).toMatchObject([{ speaker: 'the harbour master', cue: 'warned', content: 'The pier is unsafe' }]);
  });

  it('reads a title quoted inside a clause, then a verb and its object, as no inverted report', () => {
    expect(attribute('Kroll, who starred in “Harbour Lights,” posted the clip on Thursday.')).toEqual([]);
    expect(attribute('“The channel is open,” posted Jo Kroll.')).toMatchObject([{ speaker: 'Jo Kroll', cue: 'posted' }]);
  });

  it('reads no speaker in an adverb between an auxiliary or a coordinator and the cue ("will instead focus on", "may well endorse")', () => {
    expect(attribute('Dorr ended her campaign last week and will instead focus on her council seat.')).toMatchObject([{ speaker: 'Dorr', cue: 'focus on' }]);
    expect(attribute('The unions are waiting, though they may well endorse Dorr in the spring.')).toMatchObject([{ speaker: 'they', cue: 'endorse' }]);
    expect(attribute('The murmuring in the hall has nothing to do with the ferry but instead focuses on whether Dorr will run.')).toMatchObject([{ speaker: null, cue: 'focuses on' }]);
  });

  it('reads no speaker in a participle whose object the cue word ends ("…, stoking fears about …")', () => {
    expect(attribute('The storms left the harbour shaken, stoking fears about the winter ferry.')).toMatchObject([{ speaker: null, cue: 'fears', content: 'about the winter ferry' }]);
    expect(attribute('The ferry crews are ditching the personal insults that only Dorr seems capable of.').some((found) => found.cue === 'insults')).toBe(false);
    expect(attribute('The pier will close in May, fundraising documents show.')).toMatchObject([{ speaker: 'fundraising documents', cue: 'show' }]);
  });

  it('reads a perfect participle ("having referred to") as a participle, never "having" as its speaker', () => {
    expect(attribute('Dorr rejected the plan, having referred to it as a scam.')).toMatchObject([{ speaker: 'Dorr', cue: 'rejected' }, { speaker: 'Dorr', cue: 'referred to' }]);
    expect(attribute('Having announced that he would not close the pier, Judge Lind set the new fares.')).toMatchObject([{ speaker: 'Judge Lind', cue: 'announced', content: 'that he would not close the pier' }]);
  });

  it('reads no claim in a condition opened by an auxiliary before its subject ("Should the council reject …")', () => {
    expect(attribute('Should the council reject the plan, Dorr said she would resign.')).toMatchObject([{ speaker: 'Dorr', cue: 'said' }]);
    expect(attribute('Should they continue to rebuff the nominee, there is a chance that Dorr might nominate Lind.').some((found) => found.cue === 'rebuff')).toBe(false);
  });

  it('reads a speaker after an inverted cue that opens with a word naming whose officials they are ("said city officials")', () => {
    expect(attribute('The ferry will run on Sunday, said city officials.')).toMatchObject([{ speaker: 'city officials', cue: 'said', content: 'The ferry will run on Sunday' }]);
    expect(attribute('The ferry will run on Sunday, said harbour officials, who asked not to be named.')[0]).toMatchObject({ speaker: 'harbour officials', cue: 'said' });
    expect(attribute('He left the pier, said goodbye and walked home.').some((found) => found.speaker === 'goodbye')).toBe(false);
    // "state" may be a verb, yet before a plural head after a comma it names whose officials they are.
    expect(attribute('The ferry will run on Sunday, said state lawmakers.')).toMatchObject([{ speaker: 'state lawmakers', cue: 'said' }]);
    expect(attribute('The ferry will run on Sunday, state officials said.')).toMatchObject([{ speaker: 'state officials', cue: 'said', content: 'The ferry will run on Sunday' }]);
    expect(attribute('Voters state officials said nothing.').some((found) => found.speaker === 'Voters state officials')).toBe(false);
    // An abbreviated title and its name after such a word: "state Sen. Jo Roe".
    expect(attribute('The ferry will run on Sunday, said state Sen. Jo Roe.')).toMatchObject([{ speaker: 'state Sen. Jo Roe', cue: 'said' }]);
    expect(attribute('The ferry will run on Sunday, state Rep. Jo Roe said.')).toMatchObject([{ speaker: 'state Rep. Jo Roe', cue: 'said' }]);
    // After a quotation too.
    expect(attribute('“The ferry will run on Sunday,” state Rep. Jo Roe said.')).toMatchObject([{ speaker: 'state Rep. Jo Roe', cue: 'said', content: '“The ferry will run on Sunday,”' }]);
    expect(attribute('“The ferry will run on Sunday,” state officials said.')).toMatchObject([{ speaker: 'state officials', cue: 'said', content: '“The ferry will run on Sunday,”' }]);
    expect(attribute('“We should go,” said Sen. Jo Roe of Oregon.')).toMatchObject([{ speaker: 'Sen. Jo Roe of Oregon', cue: 'said' }]);
  });

  it('takes no word of a quotation for the subject of an infinitive in the narration after it', () => {
    const found = attribute('“We should go,” said Sen. Jo Roe of Oregon, the only senator to endorse Lee.');
    expect(found).toMatchObject([{ speaker: 'Sen. Jo Roe of Oregon', cue: 'said' }, { speaker: null, cue: 'endorse', content: 'Lee' }]);
  });

  it('reads no claim in a fronted clause whose cue is followed only by its comma ("When the crowd cheered, …")', () => {
    expect(attribute('When the crowd cheered, the mayor cut the ribbon.')).toEqual([]);
    expect(attribute('While the pilots complained, the mayor cut the ribbon.')).toEqual([]);
    expect(attribute('After the harbour board testified, the pilots seemed to lose interest.').some((found) => found.cue === 'testified')).toBe(false);
    // After "as" the main clause is what was said, and a quotation after the comma is what was shouted.
    expect(attribute('As the pilot noted, the pier is unsafe.')).toMatchObject([{ speaker: 'the pilot', cue: 'noted', content: 'the pier is unsafe' }]);
    expect(attribute('When someone in the crowd shouted, “Dorr,” the mayor laughed.')).toMatchObject([{ speaker: 'someone in the crowd', cue: 'shouted' }]);
  });

  it('runs a speaker phrase on over a past participle that "and" joins to a plural noun ("pilots and elected officials")', () => {
    expect(attribute('Ferry pilots and elected officials said the pier was unsafe.')).toMatchObject([{ speaker: 'Ferry pilots and elected officials', cue: 'said' }]);
    expect(attribute('The ferry sank and elected officials said the pier was unsafe.')).toMatchObject([{ speaker: 'officials', cue: 'said' }]);
  });

  it('reads no speaker in a degree word after an article, nor a cue in the -ing word it grades ("The most telling promise")', () => {
    const found = attribute('The most telling promise the mayor has made is that the pier will reopen.');
    expect(found.map((attribution) => attribution.speaker)).not.toContain('The most');
    expect(found.map((attribution) => attribution.cue)).not.toContain('telling');
    expect(attribute('Most said the pier was unsafe.')).toMatchObject([{ speaker: 'Most', cue: 'said' }]);
  });

  it('reads the first line in headline style only when the text opens with its headline, not under a title kept apart', () => {
    const text = 'Mayor Roe slams levy, praises ferry crews\n\nThe harbour board met on Monday.';
    const { actors } = extractActors(text);
    const cues = (title: string | null): Array<string | undefined> => extractAttributions(text, actors, undefined, title).attributions.map((found) => found.cue?.text);
    // With no title apart, or the text repeating it, the first line is the headline and a comma joins two acts.
    expect(cues(null)).toEqual(['slams', 'praises']);
    expect(cues('Mayor Roe slams levy, praises ferry crews')).toEqual(['slams', 'praises']);
    // Under a page title kept apart, the first line is the lead paragraph, read as any sentence.
    expect(cues('Harbour board closes the old pier')).toEqual(['slams']);
  });

  it('reads a cue after a negated contraction of "be" as a passive, which names no speaker without its agent', () => {
    expect(attribute("The pilots weren't told about the levy.")).toEqual([]);
    expect(attribute("Jo Lee wasn't asked about the pier.")).toEqual([]);
    // ("isn't saying" is progressive: the subject is who does not say.)
    expect(attribute("Mayor Roe isn't saying whether the pier will close.")).toMatchObject([{ speaker: 'Mayor Roe', cue: 'saying' }]);
  });

  it('reads a finite cue verb inside a Title Case headline, not a capitalised noun', () => {
    expect(attribute('Harbor Master Says Channel Will Reopen By Friday')).toMatchObject([{ speaker: 'Harbor Master', cue: 'Says' }]);
    expect(attribute('Harbor Master Post Draws Seventy Applicants')).toEqual([]);
  });

  it('reads a cue after a share of people when a name, pronoun or clause follows ("64 percent call him …")', () => {
    expect(attribute('Six in 10 say they trust the harbor board.')).toMatchObject([{ speaker: 'Six in 10', cue: 'say' }]);
    expect(attribute('The board approved a $12 million plan to dredge the channel.')).toEqual([]);
  });

  it('leaves a bracket closed around the whole report out of the speaker', () => {
    expect(attribute('The levy angered the crews ("We want our fees back," said Jo Roe, a deckhand).')).toMatchObject([{ speaker: 'Jo Roe, a deckhand', cue: 'said' }]);
    expect(attribute('The pier closed early. ("It was too windy," said one harbour pilot.)')).toMatchObject([{ speaker: 'one harbour pilot', cue: 'said' }]);
    expect(attribute('Jo Roe (a deckhand) said the pier was shut.')).toMatchObject([{ speaker: 'Jo Roe (a deckhand)', cue: 'said' }]);
  });

  it('does not take who a clause set off inside the speaker names for the speaker', () => {
    const [alarmed] = attribute('A group of pilots, alarmed that Quay Towage is cutting crews, said the channel was unsafe.');
    expect(alarmed).toMatchObject({ cue: 'said', content: 'the channel was unsafe' });
    expect(alarmed).not.toHaveProperty('actor');
    const [relative] = attribute('The deckhands, who sail for Quay Towage, said the channel was unsafe.');
    expect(relative).not.toHaveProperty('actor');
    const [apposition] = attribute('The harbour master, Jo Roe, said the channel was unsafe.');
    expect(apposition).toMatchObject({ actor: 'Jo Roe' });
  });

  it('ties "he" and "she" only to people whose given name or title fits', () => {
    const found = attribute('Zoe Anderson ran the ferry office in May. Her father Michael Fitton spoke to the court on Monday. He said the family was broken.');
    expect(found.find((attribution) => attribution.speaker === 'He')).toMatchObject({ actor: 'Michael Fitton' });
    const [she] = attribute('Mr. Kroll met Dana Holt at the pier on Monday. She said the pier would reopen.');
    expect(she).toMatchObject({ speaker: 'She', actor: 'Dana Holt' });
  });

  it('ties a pronoun heading a coordinated speaker as the pronoun alone, not to the name after "and"', () => {
    const found = attribute('Peter Varga runs the ferry office. You can save more by sailing at dawn, he and his wife Ida explained on Monday.');
    expect(found.find((attribution) => attribution.speaker === 'he and his wife Ida')).toMatchObject({ actor: 'Peter Varga' });
  });

  it('ties a pronoun speaker to no one its own sentence goes on to name ("he emailed Lund about …", "called Omar a liar and said")', () => {
    const emailed = attribute('Ivo Brandt wrote six books about the harbour. His friend Jan Lund read them all. “It was slow work,” Lund said. In May, he emailed Lund about how hard the last chapter was.');
    expect(emailed.find((attribution) => attribution.cue === 'emailed')).toMatchObject({ actor: 'Ivo Brandt' });
    const called = attribute('Tom Reed threatened a councillor in March. During the call, he asked about the pier, called Ilhan Omar a liar and said, "someone should burn it," the clerk said.');
    expect(called.find((attribution) => attribution.speaker === 'he' && attribution.cue === 'said')).toMatchObject({ actor: 'Tom Reed' });
  });

  it('reads a subject pronoun and the adverbs after it as the pronoun alone, and a pronoun with a verb of its own as no speaker of the cue after it', () => {
    const adverbs = attribute('Jo Lee ran the ferry office for years. He sometimes said the pier was unsafe.');
    expect(adverbs.find((attribution) => attribution.cue === 'said')).toMatchObject({ speaker: 'He', content: 'the pier was unsafe' });
    const faces = attribute('Jo Lee ran the ferry office for years. She faces renewed doubts about the pier contract.');
    expect(faces.filter((attribution) => attribution.speaker?.startsWith('She'))).toEqual([]);
  });

  it('ties "I" to the speaker just quoted, never to someone named before: else it is the writer', () => {
    const found = attribute('Peter Varga runs the ferry office. The boats were late again on Monday, and I told the harbour board that the pier was unsafe.');
    const writer = found.find((attribution) => attribution.speaker === 'I');
    expect(writer).toBeDefined();
    expect(writer?.actor).toBeUndefined();
  });

  it('reads a gender the lexicon lacks from the pronoun that refers back to a name in its clause', () => {
    const she = attribute('Taylor Mbeki sang her new song on the pier on Friday. Scooter Ferris said his crews had built the stage overnight. “It was the best night the quay has seen,” she said.');
    expect(she.find((attribution) => attribution.speaker === 'she')).toMatchObject({ actor: 'Taylor Mbeki' });
    const he = attribute('Scooter Ferris sold his boat to the harbour board on Monday. Taylor Mbeki said she would buy it back. “The price was fair,” he said.');
    expect(he.find((attribution) => attribution.speaker === 'he')).toMatchObject({ actor: 'Scooter Ferris' });
    // "his" here is the harbour master's, not Mbeki's.
    const object = attribute('Taylor Mbeki thanked the harbour master for his help at the pier. Scooter Ferris sold his boat on Monday. “The crews worked all night,” she said.');
    expect(object.find((attribution) => attribution.speaker === 'she')).toMatchObject({ actor: 'Taylor Mbeki' });
    // "he" after a name told something stands for the teller.
    const told = attribute('A pilot told Taylor Mbeki that he had seen the wreck. Scooter Ferris said his crews were ready. “We will sail at dawn,” she said.');
    expect(told.find((attribution) => attribution.speaker === 'she')).toMatchObject({ actor: 'Taylor Mbeki' });
  });

  it('keeps a bracket closed before a trailing source in the clause it reported', () => {
    const [found] = attribute('The harbour board (HB) is reviewing the lease, according to two people, adding to the operator’s troubles.');
    expect(found).toMatchObject({ speaker: 'two people', content: 'The harbour board (HB) is reviewing the lease' });
  });

  it('ties "he" or "she" to no one named inside the quotation it reports', () => {
    const found = attribute('The ferry office was run by Dana Holt for a decade. “The worst year was right before I joined Jo Roe at the pier,” she said.');
    expect(found.find((attribution) => attribution.speaker === 'she')).toMatchObject({ actor: 'Dana Holt' });
  });

  it('reads no gender from a name of one word, which is mostly a surname', () => {
    const found = attribute('When Dobbs was stopped, he told officers he disliked the council. Omar asked for mercy in a letter on Tuesday, saying she did not want a harsh sentence. She added that hate must be answered with patience.');
    expect(found.find((attribution) => attribution.speaker === 'She')).toMatchObject({ actor: 'Omar' });
  });

  it('ends the clause of a noun cue that opens the sentence where the sentence’s own verb begins', () => {
    const found = attribute('Dana Holt spoke at the pier on Monday. Her claim that the channel was safe was rejected by the pilots. Her decision to close the pier angered the ferry crews.');
    expect(found.map((attribution) => attribution.content)).toEqual(['that the channel was safe', 'to close the pier']);
    expect(attribute('Dana Holt spoke at the pier on Monday. Her claim that the pilots lied.').map((attribution) => attribution.content)).toEqual(['that the pilots lied']);
  });

  it('reads nothing for an owned noun of answering with no content, or one a relative clause follows', () => {
    expect(attribute('Her answer was short.')).toEqual([]);
    expect(attribute('It was a point that the pilots disputed.')).toEqual([]);
  });

  it('reads the owner of a noun cue as the noun phrase that ends in its possessive', () => {
    expect(attribute('The pilots railed at Mayor Roe’s refusal to dredge the channel.')).toContainEqual(expect.objectContaining({ speaker: 'Mayor Roe’s', cue: 'refusal', content: 'to dredge the channel' }));
    expect(attribute('The only hitch in Jo Lee’s plans to rally the pilots: the crews are not on board.')).toContainEqual(expect.objectContaining({ speaker: 'Jo Lee’s', cue: 'plans', content: 'to rally the pilots' }));
  });

  it('reads the sentence’s own bare cue after a relative clause that holds a cue of its own', () => {
    const found = attribute('Pilots who know the channel say the dredging came too late.');
    expect(found.find((attribution) => attribution.cue === 'say')).toMatchObject({ speaker: 'Pilots who know the channel', content: 'the dredging came too late' });
    expect(found.find((attribution) => attribution.cue === 'know')).toMatchObject({ speaker: 'who', content: 'the channel' });
  });

  it('ties a speaker phrase naming a body and a person to the person', () => {
    const [found] = attribute('Harbor Authority spokesman Jo Kroll said the channel would reopen by Friday.');
    expect(found).toMatchObject({ speaker: 'Harbor Authority spokesman Jo Kroll', actor: 'Jo Kroll' });
  });

  it('ties a possessive speaker of a noun cue as it would tie the pronoun', () => {
    const found = attribute('Mr. Kroll met Dana Holt at the pier on Monday. Her promise that the pier would reopen by June was welcomed.');
    expect(found.find((attribution) => attribution.cue === 'promise')).toMatchObject({ speaker: 'Her', actor: 'Dana Holt' });
  });

  it('reads the subject after an opening phrase and the object of a verb that puts it to an act', () => {
    expect(attribute('Outside the harbor office, about 200 pilots gathered, urging the board to keep the ferry.')).toMatchObject([{ speaker: 'about 200 pilots', cue: 'urging' }]);
    expect(attribute('The new timetable forced the harbor pilots to reject the overtime deal.')).toMatchObject([{ speaker: 'the harbor pilots', cue: 'reject' }]);
    expect(attribute('Ferry workers, who have argued that the channel is too shallow, met on Monday.')).toMatchObject([{ speaker: 'who', cue: 'argued' }]);
  });

  it('a participle in a clause opening the sentence takes the main clause subject as speaker', () => {
    const [first] = attribute('After saying the pier was safe, the harbor master warned that it would close.');
    expect(first).toMatchObject({ speaker: 'the harbor master', cue: 'saying', content: 'the pier was safe' });
  });

  it('keeps a possessive inside the subject a participle cue takes as speaker', () => {
    expect(attribute('Some of the mayor’s critics took to the radio, claiming that the pier was unsafe.')).toMatchObject([{ speaker: 'Some of the mayor’s critics', cue: 'claiming', content: 'that the pier was unsafe' }]);
    expect(attribute("The mayor's been clear, saying that the pier will close.")).toMatchObject([{ speaker: 'The mayor', cue: 'saying' }]);
  });

  it('ends an object content before the speaker’s next act, a clause of the writer’s or a phrase of time after a name', () => {
    expect(attribute('The radio host barely mentioned the mayor’s remarks and went back to the ferry news.')).toMatchObject([{ cue: 'mentioned', content: 'the mayor’s remarks' }]);
    expect(attribute('The pilots talked about the channel and made comments about the dredging.')).toMatchObject([{ cue: 'talked about', content: 'the channel' }]);
    expect(attribute('The harbor board declined to renew the lease and the ferry line could not find a new pier.')).toMatchObject([{ cue: 'declined', content: 'to renew the lease' }]);
    expect(attribute('The port manager said the fog and rising swell could delay the ferry.')).toMatchObject([{ cue: 'said', content: 'the fog and rising swell could delay the ferry' }]);
    expect(attribute('The union has backed Dana Holt throughout the campaign.')).toMatchObject([{ cue: 'backed', content: 'Dana Holt' }]);
    expect(attribute('The pilots endorsed Dana Holt in the primary over Jo Kroll.')).toMatchObject([{ cue: 'endorsed', content: 'Dana Holt in the primary over Jo Kroll' }]);
    expect(attribute('The harbor master described those in the union as loyal.')).toMatchObject([{ cue: 'described', content: 'those in the union as loyal' }]);
  });

  it('ends an object before the next verb of a series of the speaker’s acts, in the present tense or with a comma before "and"', () => {
    expect(attribute('Dorr supports longer ferry hours, opposes the parking fee and recalled the 2019 strike.')).toMatchObject([{ cue: 'supports', content: 'longer ferry hours' }, { speaker: 'Dorr', cue: 'opposes', content: 'the parking fee' }, { speaker: 'Dorr', cue: 'recalled', content: 'the 2019 strike' }]);
    expect(attribute('The harbour board rejected both objections, ruled Lee eligible and ordered a recount.')).toMatchObject([{ cue: 'rejected', content: 'both objections' }, { speaker: 'The harbour board', cue: 'ordered', content: 'a recount' }]);
    expect(attribute('Lee recounted her life at sea, recited her plans for the pier, and ripped into the council.')).toMatchObject([{ cue: 'recounted', content: 'her life at sea' }, { speaker: 'Lee', cue: 'recited', content: 'her plans for the pier' }, { speaker: 'Lee', cue: 'ripped' }]);
    expect(attribute('Dorr said the harbour board rejected both objections, ruled Lee eligible and ordered a recount.')).toMatchObject([{ cue: 'said', content: 'the harbour board rejected both objections, ruled Lee eligible and ordered a recount' }]);
    expect(attribute('Roe said the pilots checked the buoys, mapped the shoals and praised the new chart.')).toMatchObject([{ cue: 'said', content: 'the pilots checked the buoys, mapped the shoals and praised the new chart' }]);
    expect(attribute('Roe said the fee was fair and warned that the pier would close.')).toMatchObject([{ cue: 'said', content: 'the fee was fair' }, { cue: 'warned', content: 'that the pier would close' }]);
  });

  it('ends what a relative clause reported before the next "who" clause of a series', () => {
    expect(attribute('The port drew fishers who wanted a new pier, traders who were angry about the fee, and skippers who backed the mayor.')).toMatchObject([{ cue: 'wanted', content: 'a new pier' }, { content: 'the fee' }, { cue: 'backed', content: 'the mayor' }]);
    expect(attribute('The fishers who oppose Dorr and who seem to be backing Lee met on Monday.')[0]).toMatchObject({ cue: 'oppose', content: 'Dorr' });
    expect(attribute('The mayor, who praised Lee, a pilot who won the regatta, spoke on Monday.')[0]).toMatchObject({ cue: 'praised', content: 'Lee' });
  });

  it('ends the object of a cue inside the sentence’s subject where the subject’s own verb follows a comma', () => {
    expect(attribute('The board’s failure to treat her as a serious rival, is reflected in the small budget.')).toMatchObject([{ cue: 'treat', content: 'her as a serious rival' }]);
    // A noun of intending there is the cue, whose infinitive ends at the comma the same way.
    expect(attribute('The board’s refusal to treat her as a serious rival, is reflected in the small budget.')).toMatchObject([{ speaker: 'The board’s', cue: 'refusal', content: 'to treat her as a serious rival' }]);
    expect(attribute('The mayor hoped the meeting, requested by Lee, would calm the fishers.').map((found) => found.content)).toContain('the meeting, requested by Lee, would calm the fishers');
  });

  it('ends a participle cue’s object before a second -ing verb of the speaker’s, not before an -ing noun modifier', () => {
    expect(attribute('Dorr spent the week touting her record on the pier and pounding Lee on the ferry fares.')).toMatchObject([{ cue: 'touting', content: 'her record on the pier' }]);
    expect(attribute('Lee has built her name on the pier, writing a book called "Tide Work" and leading the dredging campaign.')).toMatchObject([{ cue: 'writing', content: 'a book called "Tide Work"' }]);
    expect(attribute('The mayor blamed the storm, citing rising costs and housing shortages.').map((found) => found.content)).toContain('rising costs and housing shortages');
    expect(attribute('Lee spent the day accusing the harbour master of lying and cheating the fishers.').map((found) => found.content)).toContain('the harbour master of lying and cheating the fishers');
  });

  it('ends what was said before an absolute phrase of the writer’s ("…, with the pilots insisting …")', () => {
    expect(attribute('The harbor master said the count was fair, with her aides insisting that the vote was right.').find((attribution) => attribution.cue === 'said')).toMatchObject({ content: 'the count was fair' });
    expect(attribute('The harbor master said the ferry would run all night, with a new pier at Dover.').find((attribution) => attribution.cue === 'said')).toMatchObject({ content: 'the ferry would run all night, with a new pier at Dover' });
    expect(attribute('The harbor survey shows the ferry ahead, with 13 percent undecided.').find((attribution) => attribution.cue === 'shows')).toMatchObject({ content: 'the ferry ahead, with 13 percent undecided' });
  });

  it('ends an object before "by" and a participial cue, which the speaker does as a report of its own, but not a reported clause', () => {
    expect(attribute('Jo Lee distanced herself from the harbour board by saying she would vote no.')).toMatchObject([
      { speaker: 'Jo Lee', cue: 'distanced herself from', content: 'the harbour board' },
      { speaker: 'Jo Lee', cue: 'saying', content: 'she would vote no' },
    ]);
    expect(attribute('The pilots vowed to win back the trust of the crews, while acknowledging that this will take years.')).toMatchObject([
      { speaker: 'The pilots', cue: 'vowed', content: 'to win back the trust of the crews' },
      { speaker: 'The pilots', cue: 'acknowledging', content: 'that this will take years' },
    ]);
    // inside a reported clause "by" tells how its own subject acts
    expect(attribute('Jo Lee said the crews could save fuel by cutting their speed.')).toMatchObject([{ cue: 'said', content: 'the crews could save fuel by cutting their speed' }]);
    expect(attribute('Jo Lee said the crews "did the wrong thing" by saying nothing.')).toMatchObject([{ cue: 'said', content: 'the crews "did the wrong thing" by saying nothing' }]);
  });

  it('ends a noun cue’s object at a comma closed inside its quotation, before the participle after it', () => {
    expect(attribute('Mayor Roe delivered a defence of “harbour values,” saying the town embodied the coast.')).toMatchObject([
      { speaker: 'Mayor Roe', cue: 'defence of', content: '“harbour values,”' },
      { speaker: 'Mayor Roe', cue: 'saying', content: 'the town embodied the coast' },
    ]);
  });

  it('reads a participle after a clause with its own verb as going on from it, not as an insert that ends before the next verb', () => {
    expect(attribute('Jo Lee urged a strong stand, saying that otherwise Mayor Roe, now head of the board, would walk all over them.').find((found) => found.cue === 'saying')).toMatchObject({
      speaker: 'Jo Lee',
      content: 'that otherwise Mayor Roe, now head of the board, would walk all over them',
    });
    // after "and" the participle still sets off an insert before the second verb
    expect(attribute('Jo Lee stood at the pier and, citing the storm, cancelled the ferry.').find((found) => found.cue === 'citing')).toMatchObject({ content: 'the storm' });
  });

  it('ends a report where the sentence\'s own clause starts, past a quoted name, a bracket after the subject or a past form read as an adjective', () => {
    expect(attribute('Even though the pilots hailed the plan as a bold move, the “Harbour Plan” was a way to raise fees.')).toMatchObject([{ cue: 'hailed', content: 'the plan as a bold move' }]);
    expect(attribute('Sen. Jo Lee (D-Me.), noting the size of the crowd, said the pier was full.').find((found) => found.cue === 'noting')).toMatchObject({ content: 'the size of the crowd' });
    expect(attribute('A pilot who supports Mayor Roe, Dover lost his boat in the storm.')).toMatchObject([{ cue: 'supports', content: 'Mayor Roe' }]);
    // a clause the cue reports goes on past a comma as before
    expect(attribute('Jo Lee said the ferry was late, Dover left the pier.')).toMatchObject([{ cue: 'said', content: 'the ferry was late, Dover left the pier' }]);
  });

  it('ends what was said before "and" when the marker of the cue\'s infinitive or "by" participle comes again with a verb of its own', () => {
    expect(attribute('Mayor Roe used the briefing to boast that ferry fares had fallen and to rail against the harbour board.').find((found) => found.cue === 'boast')).toMatchObject({ content: 'that ferry fares had fallen' });
    expect(attribute('Jo Lee angered the pilots by suggesting that the vote was wrong and by dismissing their union.').find((found) => found.cue === 'suggesting')).toMatchObject({ content: 'that the vote was wrong' });
    expect(attribute('The pilots wanted to cut fares and to raise wages.')).toMatchObject([{ cue: 'wanted', content: 'to cut fares and to raise wages' }]);
    expect(attribute('Jo Lee said she is partial to Mayor Roe and to the harbour board.')).toMatchObject([{ cue: 'said', content: 'she is partial to Mayor Roe and to the harbour board' }]);
  });

  it('ends what a source with no comma before it reported at the source, when the writer\'s own clause follows it', () => {
    expect(attribute('Mayor Roe leads Jo Lee by 30 votes according to a count by the Courier, but the pilots remain hopeful.').find((found) => found.cue === 'according to')).toMatchObject({ speaker: 'a count by the Courier', content: 'Mayor Roe leads Jo Lee by 30 votes' });
  });

  it('ends a report in a clause fronted by "now that" at its comma, and reads no report in "some explaining to do"', () => {
    expect(attribute('But now that the pilots call on him to quit the race, the mayor has lost interest in the pier.')).toMatchObject([{ cue: 'call on', content: 'him to quit the race' }]);
    expect(attribute('Now that Jo Lee has claimed that the pier is unsafe, the mayor had some explaining to do.')).toMatchObject([{ speaker: 'Jo Lee', cue: 'claimed', content: 'that the pier is unsafe' }]);
  });

  it('reads the subject after an opening phrase as who does a participle set off before its verb, never the opening phrase', () => {
    expect(attribute('On Monday, the pilots, citing the storm, cancelled the ferry.')).toMatchObject([{ speaker: 'the pilots', cue: 'citing', content: 'the storm' }]);
    expect(attribute('Throughout the 2000s, pilots on the board, fearing the cost, failed to back the levy.').find((found) => found.cue === 'fearing')).toMatchObject({ speaker: 'pilots on the board' });
    // a comma inside the clause after a subject and its verb is no opening phrase's
    expect(attribute('By noon the pilots had cancelled the rally in Green Bay, Wis., citing the storm.').find((found) => found.cue === 'citing')?.speaker).not.toBe('Wis.');
  });

  it('a present cue after a participle that modifies the subject is a verb ("those surveyed say …")', () => {
    expect(attribute('By a wide margin, those surveyed say the ferry should run at night.')).toMatchObject([{ speaker: 'those surveyed', cue: 'say' }]);
  });

  it('an evidential cue after a relative pronoun keeps the pronoun and ends with its clause', () => {
    expect(attribute('Kroll, who was declared the victor in the regatta last week, now faces a recount.')).toMatchObject([{ speaker: null, cue: 'was declared', content: 'who was declared the victor in the regatta last week' }]);
  });

  it('ends a relative clause whose quoted object closes on a comma at that quotation', () => {
    expect(attribute("The pier was built under what Mr. Lund called ''the old harbour plan,'' the Marsh Landing scheme, in 1990.")).toMatchObject([
      { speaker: 'Mr. Lund', cue: 'called', content: "what Mr. Lund called ''the old harbour plan,''" },
    ]);
    // Without the comma the clause goes on: a noun after the quotation is still the object's.
    expect(attribute('The levy is what the pilots call “sea-lane” fees for the ferries.')).toMatchObject([{ cue: 'call', content: 'what the pilots call “sea-lane” fees for the ferries' }]);
  });

  it('ends the "as" phrase of a relative clause at the comma before the sentence it sits in', () => {
    expect(attribute('In fares, which he views as part of a wider talk, the aim for Roe is to find common ground.')).toMatchObject([{ speaker: 'he', cue: 'views', content: 'as part of a wider talk' }]);
    // A series after the "as" goes on past its commas.
    expect(attribute('The levy, which he views as fair, modest and overdue, passed.')).toMatchObject([{ cue: 'views', content: 'as fair, modest and overdue' }]);
  });

  it('a main clause after an opening subordinate clause stays in the content', () => {
    expect(attribute('The pilot told reporters that although the fog was thick, both crews expect to sail at dawn.')).toMatchObject([{ speaker: 'The pilot', cue: 'told', content: 'that although the fog was thick, both crews expect to sail at dawn' }]);
  });

  it('inverts a bare present cue only with a subject that agrees with it, not an instruction\'s object', () => {
    expect(attribute('The harbour will reopen on Friday, say officials.')[0]).toMatchObject({ speaker: 'officials', cue: 'say' });
    expect(attribute('The pier is safe, say residents of the old town.')[0]).toMatchObject({ speaker: 'residents of the old town', cue: 'say' });
    expect(attribute('Boil the pears for a minute, then add a jar of honey.')).toEqual([]);
    expect(attribute('To the mussels, add the zest of one orange and some pepper.')).toEqual([]);
  });

  it('reads a word of saying after a preposition as a noun whose speaker goes unnamed, not as the verb of the sentence subject', () => {
    expect(attribute('The ferry was approved in 2016, with reports that Jo Kroll would run it.')).toMatchObject([{ speaker: null, cue: 'reports', content: 'that Jo Kroll would run it' }]);
  });

  it('leaves a question asked in a clause after a long recipient to that clause, not to "told"', () => {
    expect(attribute('Kroll told the Harbor Gazette in an interview on Monday when asked how the fares would change.').filter((found) => found.cue === 'told')).toEqual([]);
  });

  it('reads a quotation after an opening participle phrase and the cue as what was said, and a clause around the speaker only when the quotation goes on with it', () => {
    expect(attribute('Holding open a map, Ruth Calder said, “I just want to know if you have seen this pier.”').at(-1)).toMatchObject({ speaker: 'Ruth Calder', cue: 'said', content: '“I just want to know if you have seen this pier.”' });
    expect(attribute('Building the pier, the mayor said, “will cost us dearly.”').at(-1)).toMatchObject({ speaker: 'the mayor', cue: 'said', content: 'Building the pier, the mayor said, “will cost us dearly.”' });
    expect(attribute('The new pier, the mayor said, will cost us dearly.').at(-1)).toMatchObject({ speaker: 'the mayor', cue: 'said', content: 'The new pier, the mayor said, will cost us dearly' });
  });

  it('reads no inverted speaker after a cue whose subject stands before the comma with its apposition, after an auxiliary, or as an object pronoun', () => {
    expect(attribute('The harbor master, who has called the storm a disaster, repeated her demand for new dredgers.').at(-1)).toMatchObject({ speaker: 'The harbor master, who has called the storm a disaster,', cue: 'repeated', content: 'her demand for new dredgers' });
    expect(attribute('The crew found the leak, reported it to the harbor board and sealed the hull.').filter((found) => found.cue === 'reported')).toEqual([]);
    expect(attribute('It is hardly the first time the pilot has voiced his doubts about the channel.').filter((found) => found.speaker === 'his doubts about the channel')).toEqual([]);
  });

  it('reads the subject of a speech verb with its relative clause, past an adjunct before "that"', () => {
    expect(attribute('A pilot who asked not to be named under port policy said in a statement sent to the Herald that the channel never closed.').at(-1)).toMatchObject({ speaker: 'A pilot who asked not to be named under port policy', cue: 'said', content: 'that the channel never closed' });
    expect(attribute('Many pilots dislike the old charts, so I will get into detail on how to read the charts that we need: tides, depths and lights.').filter((found) => found.cue === 'detail')).toEqual([]);
  });

  it('reads a cue of belief or saying that closes the clause it reports, before the stop or a dash', () => {
    expect(attribute('The ferry will run late all winter, the pilots believe.')).toMatchObject([{ speaker: 'the pilots', cue: 'believe', content: 'The ferry will run late all winter' }]);
    expect(attribute('The question is whether the pier closes — that will not happen, they believe — or how it is repaired.')).toMatchObject([{ speaker: 'they', cue: 'believe', content: 'that will not happen' }]);
    expect(attribute('A hopeless timetable, they complain - and nobody listens.')).toMatchObject([{ speaker: 'they', cue: 'complain', content: 'A hopeless timetable' }]);
    expect(attribute('The fare rise was opposed for years by ferry advocates.').filter((found) => found.cue === 'advocates')).toEqual([]);
  });

  it('reads "at least" after a cue as the start of what was said, not an adjunct of place', () => {
    expect(attribute('The pilots said at least six boats sank.')).toMatchObject([{ speaker: 'The pilots', cue: 'said', content: 'at least six boats sank' }]);
    expect(attribute('On Monday, as the storm passed, the harbour board reported at least two piers had collapsed.')).toMatchObject([{ speaker: 'the harbour board', cue: 'reported', content: 'at least two piers had collapsed' }]);
  });

  it('ends a speaker at a noun right after an article inside it, even one the lexicon also files as an adjective', () => {
    expect(attribute('One employee at a firm refused to speak, saying the app was unsafe.')).toMatchObject([{ speaker: 'One employee at a firm', cue: 'refused' }, { speaker: 'One employee at a firm', cue: 'saying', content: 'the app was unsafe' }]);
    expect(attribute('Using a rude word to describe the port, he said it was a ruin.').filter((found) => found.speaker === 'Using a rude')).toEqual([]);
  });

  it('reads a quotation closed by its question mark before a cue whose adjuncts run on with "when"', () => {
    expect(attribute('“Will it float, who knows?” Roe told the Harbour Gazette in an interview broadcast on Friday when asked about the pier.').filter((found) => found.cue === 'told')).toMatchObject([{ speaker: 'Roe', content: '“Will it float, who knows?”' }]);
  });

  it('keeps a name with a participle phrase set off by commas as the speaker before its cue', () => {
    expect(attribute('The port, leading a group of nine harbours, asked the court to halt the levy.')).toMatchObject([{ speaker: 'The port, leading a group of nine harbours,', cue: 'asked', content: 'the court to halt the levy' }]);
  });

  it('reads the clause after the cue, not a quotation that words of an opening phrase lead into', () => {
    expect(attribute('Even as Kroll claimed that "the channel is closed," the pilots said the boats were ready.').at(-1)).toMatchObject({ speaker: 'the pilots', cue: 'said', content: 'the boats were ready' });
    expect(attribute('The channel is "wide open," Kroll said.')).toMatchObject([{ speaker: 'Kroll', cue: 'said', content: 'The channel is "wide open,"' }]);
  });

  it('leaves a connective opening the sentence out of a speaker with its apposition', () => {
    expect(attribute('Even Jo Kroll, who has backed the dredging plan for years, said on Monday that it came too late.').at(-1)).toMatchObject({ speaker: 'Jo Kroll, who has backed the dredging plan for years,', cue: 'said', content: 'that it came too late' });
  });

  it('reads a closing report, not a view, after a word of feeling with nothing after it but a comma', () => {
    expect(attribute('The drop in ferry traffic is worrying, the harbor master said.')).toMatchObject([{ speaker: 'the harbor master', cue: 'said', content: 'The drop in ferry traffic is worrying' }]);
  });

  it('inflects cue verbs as compromise conjugates them ("referred to")', () => {
    expect(attribute('The harbor master referred to the storm as a warning.')).toMatchObject([{ speaker: 'The harbor master', cue: 'referred to' }]);
  });

  it('reads a quotation that closed the previous sentence with the speaker after it', () => {
    const text = 'The ferry vote was close.\n\n“We will sail on Friday.” Kroll said. “The boats are ready.”\n\n“Is that all?” asked Ines Kroll.';
    const found = attribute(text);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ speaker: 'Kroll', cue: 'said', content: '“We will sail on Friday.” Kroll said. “The boats are ready.”', direct: true });
    expect(found[1]).toMatchObject({ speaker: 'Ines Kroll', cue: 'asked', content: '“Is that all?”', direct: true });
  });

  it('gives a coordinated cue the speaker of the cue before it', () => {
    const found = attribute('Mayor Ines Kroll blasted the council and said the ferry would sail.');
    expect(found[1]).toMatchObject({ speaker: 'Mayor Ines Kroll', cue: 'said', content: 'the ferry would sail' });
    // A past-tense cue after a comma in a series that "and" closes is the speaker's next act.
    expect(attribute('The mayor later suggested the ferry was late, called the timetable a joke and walked out of the meeting.')).toMatchObject([
      { speaker: 'The mayor', cue: 'suggested', content: 'the ferry was late' },
      { speaker: 'The mayor', cue: 'called', content: 'the timetable a joke' },
    ]);
    expect(attribute('Reid, who backed the mayor in May, repeated the claim and stressed the need for calm.')[1]).toMatchObject({ speaker: 'Reid, who backed the mayor in May,', cue: 'repeated' });
    // Adverbs between the coordinator and the verb leave the verb coordinated.
    expect(attribute('The mayor praised the crews and lately defended the use of the old pier.')[1]).toMatchObject({ speaker: 'The mayor', cue: 'defended' });
  });

  it('gives a coordinated cue after a fronted clause the main clause\'s subject, with a time phrase before the clause', () => {
    expect(attribute('Last week, when I asked Jo Lee about the vote, she looked at the camera, shook her head and said the count was rigged.')).toMatchObject([
      { speaker: 'I', cue: 'asked', content: 'Jo Lee about the vote' },
      { speaker: 'she', cue: 'said', content: 'the count was rigged' },
    ]);
  });

  it('ends the subject of a coordinated "-s" cue before the "-s" verb it is coordinated with', () => {
    expect(attribute('Publicly, the mayor feuds with the harbour board and dismisses the usual plans of the pilots.')).toMatchObject([{ speaker: 'the mayor', cue: 'dismisses' }]);
  });

  it('reads a question put to someone with no asker named as an attribution without speaker', () => {
    const [question, answer] = attribute('Asked whether the ferry would sail, Kroll said she had not decided.');
    expect(question).toMatchObject({ speaker: null, cue: 'Asked', content: 'whether the ferry would sail' });
    expect(answer).toMatchObject({ speaker: 'Kroll', cue: 'said', content: 'she had not decided' });
  });

  it('reads a split quotation as one direct statement and resolves the pronoun', () => {
    const text = 'Mayor Ines Kroll visited the docks.\n\n“We will not wait,” she said. “The boats must sail.”';
    const [found] = attribute(text);
    expect(found).toMatchObject({ speaker: 'she', cue: 'said', direct: true, actor: 'Ines Kroll' });
    expect(found?.content).toBe('“We will not wait,” she said. “The boats must sail.”');
  });

  it('goes on over a sentence of narration that opens a quotation running over several sentences', () => {
    const [found] = attribute('“The pier is safe,” the mayor said outside the hall. But “the old ferry is not. It leaks at every seam.”');
    expect(found?.content).toBe('“The pier is safe,” the mayor said outside the hall. But “the old ferry is not. It leaks at every seam.”');
    const [named] = attribute('“The pier is safe,” said Jo Roe, who runs the harbour. The ferry “is not safe at all. It leaks.”');
    expect(named?.content).toBe('“The pier is safe,” said Jo Roe, who runs the harbour. The ferry “is not safe at all. It leaks.”');
    const own = attribute('“The pier is safe,” the mayor said. But “the ferry is not. It leaks,” Lee said.');
    expect(own.map((item) => item.content)).toEqual(['“The pier is safe,”', '“the ferry is not. It leaks,”']);
  });

  it('keeps a second quotation apart when it closes with its own cue or stands in the speaker phrase', () => {
    const own = attribute('“We will not wait,” the mayor said. “The boats must sail. The crews are ready,” she said.');
    expect(own.map((found) => found.content)).toEqual(['“We will not wait,”', '“The boats must sail. The crews are ready,”']);
    const inPhrase = attribute('“The plan is sound,” said Ines Kroll, who called the delay “a waste of time.”');
    expect(inPhrase[0]?.content).toBe('“The plan is sound,”');
  });

  it('follows a split quotation past a participle, a quoted title or a relative clause after the cue, and keeps reading the participle', () => {
    const participle = attribute('“The tide is turning,” Kroll said, pointing to the chart. “We sail at dawn.”');
    expect(participle[0]).toMatchObject({ speaker: 'Kroll', cue: 'said', content: '“The tide is turning,” Kroll said, pointing to the chart. “We sail at dawn.”' });
    const title = attribute('“The tide is turning,” Kroll said on WKRP’s “Harbor Hour.” “We sail at dawn.”');
    expect(title[0]?.content).toBe('“The tide is turning,” Kroll said on WKRP’s “Harbor Hour.” “We sail at dawn.”');
    const relative = attribute('“The tide is turning,” said Ines Kroll, a pilot who has worked the channel for years. “We sail at dawn.”');
    expect(relative[0]?.content).toBe('“The tide is turning,” said Ines Kroll, a pilot who has worked the channel for years. “We sail at dawn.”');
    // a quotation right after a participle cue is that cue's own content
    const adding = attribute('“The tide is turning,” Kroll said, adding, “We sail at dawn.”');
    expect(adding.map((found) => found.content)).toEqual(['“The tide is turning,”', '“We sail at dawn.”']);
    // a phrase quoted inside the participle's clause is not what the participle said
    const phrase = attribute('“It is good work,” Kroll said, describing how she mends the “old nets” by hand. “We sail at dawn.”');
    expect(phrase[0]?.content).toBe('“It is good work,” Kroll said, describing how she mends the “old nets” by hand. “We sail at dawn.”');
  });

  it('follows a continuation whose sentence goes on with a relative clause or an infinitive holding a cue word', () => {
    const relative = attribute('“The fees are too high,” said Ines Kroll. “The board raised them twice,” which Kroll thinks will drive boats away.');
    expect(relative[0]?.content).toBe('“The fees are too high,” said Ines Kroll. “The board raised them twice,”');
    const infinitive = attribute('“Many pilots are unsure,” said Ines Kroll. “They like the plan, but not yet” to support it in public.');
    expect(infinitive[0]?.content).toBe('“Many pilots are unsure,” said Ines Kroll. “They like the plan, but not yet”');
  });

  it('follows a continuation after an abbreviation ending the report, past an -ing word inside a phrase, and over paragraphs of one unclosed quotation', () => {
    const abbreviation = attribute('“The fees are too high,” Kroll told reporters in Dover, Del. “We will appeal.”');
    expect(abbreviation[0]?.content).toBe('“The fees are too high,” Kroll told reporters in Dover, Del. “We will appeal.”');
    const phrase = attribute('“No one knows how they voted,” Kroll said of pilots whose voting rights were restored, “but they did vote.”');
    expect(phrase[0]?.content).toBe('“No one knows how they voted,” Kroll said of pilots whose voting rights were restored, “but they did vote.”');
    const paragraphs = attribute('“The fees are too high,” Kroll told the board.\n\n“We have paid them for years. Nobody listened.\n\n“Now we will appeal.”');
    expect(paragraphs[0]?.content).toBe('“The fees are too high,” Kroll told the board.\n\n“We have paid them for years. Nobody listened.\n\n“Now we will appeal.”');
  });

  it('runs a continuation that never closes in its paragraph to the paragraph’s end', () => {
    const found = attribute('“The tide is turning,” Kroll said. “We sail at dawn. The crews are ready.\n“The boats are fueled,” she said.');
    expect(found.map((attribution) => attribution.content)).toEqual(['“The tide is turning,” Kroll said. “We sail at dawn. The crews are ready.', '“The boats are fueled,”']);
  });

  it('reads the speaker after a quotation closed by its own question or exclamation mark', () => {
    expect(attribute('“Who pays for the dredging?” Kroll said to a crowd of 200.')).toMatchObject([{ speaker: 'Kroll', cue: 'said', content: '“Who pays for the dredging?”' }]);
    expect(attribute('“Full steam!” Rep. Ines Kroll, D-Md., said of the new ferry.')).toMatchObject([{ speaker: 'Rep. Ines Kroll, D-Md.,', cue: 'said', content: '“Full steam!”' }]);
    expect(attribute('“Who pays for the dredging?” Kroll said the board would decide.')[0]).toMatchObject({ speaker: 'Kroll', content: 'the board would decide' });
  });

  it('reads a quotation after a question mark whose cue is followed by a participle or a clause of time', () => {
    expect(attribute('“Is the lock safe?” Kroll asked, pointing at the gate.')[0]).toMatchObject({ speaker: 'Kroll', cue: 'asked', content: '“Is the lock safe?”' });
    expect(attribute('“Too late?” Kroll wrote when the vote closed.')[0]).toMatchObject({ speaker: 'Kroll', cue: 'wrote', content: '“Too late?”' });
  });

  it('reads a cue that opens the sentence before its speaker and the quotation', () => {
    expect(attribute('Said Dana Holt, “The tide waits for no one.”')).toMatchObject([{ speaker: 'Dana Holt', cue: 'Said', content: '“The tide waits for no one.”' }]);
    expect(attribute('But, said the harbor master, “I do not want a fight.”')).toMatchObject([{ speaker: 'the harbor master', cue: 'said', content: '“I do not want a fight.”' }]);
    expect(attribute('Said to be the oldest pier, it will close.')).toEqual([]);
  });

  it('reads a quoted title after a verb or preposition before the subject as no part of what the cue reports to its addressee', () => {
    expect(attribute('After playing “Harbour Lights,” the singer told the crowd, “We might tour again next year.”')).toMatchObject([{ speaker: 'the singer', cue: 'told', content: '“We might tour again next year.”' }]);
    expect(attribute('Sailors “wanted a longer season,” Holt told the board, which meant a new budget.')).toMatchObject([{ speaker: 'Holt', cue: 'told', content: 'Sailors “wanted a longer season,”' }]);
    expect(attribute('The “tide is late,” she told the crews, “and the pier is shut.”')).toMatchObject([{ speaker: 'she', cue: 'told' }]);
    expect(attribute('The “tide is late,” she told the crews, “and the pier is shut.”')[0]?.content).toContain('tide is late');
  });

  it('reads a relative clause after the speaker of a fronted cue, and an apposition inside an opening "as" clause', () => {
    expect(attribute('Said Dana Holt, who grew up by the pier, “We were proud of the crews.”')).toMatchObject([{ speaker: 'Dana Holt, who grew up by the pier', cue: 'Said', content: '“We were proud of the crews.”' }]);
    expect(attribute('As Dana Holt, an expert on ports, noted, “Everyone waits for the budget.”')).toMatchObject([{ speaker: 'Dana Holt, an expert on ports,', cue: 'noted', content: '“Everyone waits for the budget.”' }]);
    expect(attribute('As Dana Holt, a pilot with a gift for jokes, joked with a friend at the table, the crew grew impatient.')).toEqual([]);
  });

  it('reads three apostrophes closing a quotation inside a doubled-apostrophe one as the inner mark, then the outer', () => {
    expect(attribute("''The pilots told us, 'We will not sail,''' said Ms. Holt of the port board.")).toMatchObject([{ speaker: 'Ms. Holt of the port board', cue: 'said', content: "''The pilots told us, 'We will not sail,'''" }]);
  });

  it('reads doubled apostrophes as quotation marks: a quotation-only cue, the end of a sentence, a split quotation past a title', () => {
    expect(attribute("''The tide is late,'' she continued, ''and the crews are tired.''")).toMatchObject([{ speaker: 'she', cue: 'continued', direct: true }]);
    const found = attribute("''The tide is late,'' Ms. Holt said by telephone on WKRP's ''Harbor Hour.'' ''The crews are tired.''");
    expect(found[0]).toMatchObject({ speaker: 'Ms. Holt', cue: 'said', content: "''The tide is late,'' Ms. Holt said by telephone on WKRP's ''Harbor Hour.'' ''The crews are tired.''", direct: true });
  });

  it('reads a speaker phrase with an age, a home town and a relative clause, or a relative clause after an inverted cue', () => {
    expect(attribute('“The ferry is late again,” Dana Holt, 41, of Dover, Del., who rides it daily, said on Monday.')).toMatchObject([{ speaker: 'Dana Holt, 41, of Dover, Del., who rides it daily,', cue: 'said', content: '“The ferry is late again,”' }]);
    expect(attribute('“The ferry is late again,” said a dock worker who has seen every delay.')).toMatchObject([{ speaker: 'a dock worker', cue: 'said', content: '“The ferry is late again,”' }]);
    expect(attribute('“The ferry is late again,” said May Holt, a dock worker.')).toMatchObject([{ speaker: 'May Holt, a dock worker', cue: 'said' }]);
  });

  it('reads a quoted programme title after the cue as part of the adjunct, not as what was said', () => {
    expect(attribute('The channel will reopen in May, the pilot said on Monday on WKRP’s “Harbor Hour.”')[0]).toMatchObject({ speaker: 'the pilot', cue: 'said', content: 'The channel will reopen in May' });
    expect(attribute('The pilot told WKRP’s “Harbor Hour” the channel would reopen in May.')[0]).toMatchObject({ speaker: 'The pilot', cue: 'told', content: 'the channel would reopen in May' });
  });

  it('finds nothing in plain statements, nouns that look like cues, or passives', () => {
    expect(attribute('The report was released on Monday. The two countries met in May.')).toEqual([]);
    expect(attribute('Ferries sailed at dawn and returned at noon.')).toEqual([]);
    expect(attribute('Some state legislators toured the harbour. The museum drew crowds and support from donors.')).toEqual([]);
    expect(attribute('It is hard to say when the harbour will reopen.')).toEqual([]);
  });

  it('makes no attribution of a content that only says when: a time phrase or a clause of time', () => {
    expect(attribute('The ferry timetable went up when the harbor board posted on Jan. 27.')).toEqual([]);
    expect(attribute('The ferry line has nearly twice as much support overall.')).toEqual([]);
    expect(attribute('The skipper demanded as the mate continued to interrupt.')).toEqual([]);
    expect(attribute('“Quiet,” the skipper demanded as the mate continued to interrupt.')).toMatchObject([{ cue: 'demanded', content: '“Quiet,”' }]);
    expect(attribute('The harbor master asks as a deckhand walks past.')).toEqual([]);
    expect(attribute('The mayor described the new pier as a giveaway.')).toMatchObject([{ speaker: 'The mayor', cue: 'described', content: 'the new pier as a giveaway' }]);
    expect(attribute('Polls show nearly a third of the riders say they will not sail.')[0]).toMatchObject({ speaker: 'Polls', cue: 'show' });
  });

  it('reads a share of people before "support" or "say" as their subject only when an object or clause follows', () => {
    expect(attribute('The levy passed with 60% support: the north ward and the harbor ward.')).toEqual([]);
    expect(attribute('Her 32% support gives her a lead over the harbor master.')).toEqual([]);
    expect(attribute('Some 61% support the levy.')).toMatchObject([{ speaker: 'Some 61%', cue: 'support', content: 'the levy' }]);
    expect(attribute('In the ferry poll, 53% describe themselves as regular riders.').filter((found) => found.cue === 'describe')).toMatchObject([{ speaker: '53%', content: 'themselves as regular riders' }]);
    expect(attribute('42 percent say they’re happy with the ferry.')).toMatchObject([{ speaker: '42 percent', cue: 'say' }]);
  });

  it('reads addressing an audience as speaking to it, and addressing a topic as a cue', () => {
    expect(attribute('The harbor master addressed a Friday lunch crowd at the quay.')).toEqual([]);
    expect(attribute('Mr. Roe, who had addressed the Harbor Convention, left early.').filter((found) => found.cue === 'addressed')).toEqual([]);
    expect(attribute('The harbor master addressed the controversy over the fares.')).toMatchObject([{ speaker: 'The harbor master', cue: 'addressed', content: 'the controversy over the fares' }]);
  });

  it('reads adding an amount or a thing to something as making it bigger, and adding a clause as a cue', () => {
    expect(attribute('The harbor economy added 1,510 jobs over the month.')).toEqual([]);
    expect(attribute('The skipper could add another title to his resume.')).toEqual([]);
    expect(attribute('The skipper added that the pier would reopen in May.')).toMatchObject([{ speaker: 'The skipper', cue: 'added', content: 'that the pier would reopen in May' }]);
    expect(attribute('“I’m sure,” the skipper said, adding that he has not yet met the crew’s backers.').filter((found) => found.cue === 'adding')).toMatchObject([{ content: 'that he has not yet met the crew’s backers' }]);
  });

  it('reads declining by an amount as a fall, and declining an offer or to act as a refusal', () => {
    expect(attribute('Ferry traffic declined 40 percent in the first half of the year.')).toEqual([]);
    expect(attribute('Trust in the harbor board has declined, by nine points since June.')).toEqual([]);
    expect(attribute('Under the plan, fares would decline, and the ferry would run more often.').filter((found) => found.cue === 'decline')).toEqual([]);
    expect(attribute('The skipper declined for years to say who owned the boat.')).toMatchObject([{ speaker: 'The skipper', cue: 'declined', content: 'for years to say who owned the boat' }]);
    expect(attribute('Jo Lee declined the offer of a berth.')).toMatchObject([{ speaker: 'Jo Lee', cue: 'declined', content: 'the offer of a berth' }]);
  });

  it('reads celebrating an occasion as marking it, and celebrating an act as a cue', () => {
    expect(attribute('The harbor master celebrated his 70th birthday Friday.')).toEqual([]);
    expect(attribute('Hundreds gathered at the pier to celebrate the hometown hero.')).toEqual([]);
    expect(attribute('The harbor master celebrated the ruling as a win for riders.')).toMatchObject([{ speaker: 'The harbor master', cue: 'celebrated', content: 'the ruling as a win for riders' }]);
  });

  it('reads an expectation or appearance with no one named as an unattributed view of its clause', () => {
    expect(attribute('The harbour reopened, and the two ferry lines are expected to merge in May.')).toEqual([
      { speaker: null, cue: 'are expected', content: 'the two ferry lines are expected to merge in May', direct: false },
    ]);
    expect(attribute('The mayor appeared on local radio.')).toEqual([]);
    // Showing up with someone or somewhere is no appearance of being so.
    expect(attribute('The mayor and the harbour master rarely appear together.')).toEqual([]);
    expect(attribute('Jo Kroll appeared alongside the mayor at the quay.')).toEqual([]);
  });

  it('reads the subject of an appearance or expectation across a longer phrase set off before its verb', () => {
    expect(attribute('The harbour board, which has held fares flat since the storm, is expected to act in May.')).toMatchObject([
      { speaker: null, cue: 'is expected', content: 'The harbour board, which has held fares flat since the storm, is expected to act in May' },
    ]);
    expect(attribute('Jo Roe, the likely nominee and an old ally of the pilots, is not expected to attend.')).toMatchObject([
      { speaker: null, cue: 'is not expected', content: 'Jo Roe, the likely nominee and an old ally of the pilots, is not expected to attend' },
    ]);
    expect(attribute('The tide tables, purported to come from a harbour bureau in Dover, appear to be forged.')).toMatchObject([
      { speaker: null, cue: 'appear', content: 'The tide tables, purported to come from a harbour bureau in Dover, appear to be forged' },
    ]);
    // A clause of saying between commas is no phrase about the subject.
    expect(attribute('The ferry was late, he said, seemed odd.').some((found) => found.cue === 'seemed')).toBe(false);
  });

  it('reads a name and a colon opening a paragraph as that speaker’s words, but not a section label', () => {
    expect(attribute('HARBOUR MASTER: We will open the lock at dawn. Boats must wait.')).toMatchObject([
      { speaker: 'HARBOUR MASTER', cue: ':', content: 'We will open the lock at dawn. Boats must wait' },
    ]);
    expect(attribute('UPDATE: The lock opened at dawn on Tuesday.')).toEqual([]);
  });

  it('reads a credit line under a paragraph that is one quotation as its speaker', () => {
    expect(attribute('"The ferry will run all winter. We have the crews."\n\n- Jo Roe, harbour master.\n\nThe council has not agreed.')).toMatchObject([
      { speaker: 'Jo Roe', cue: '-', content: '"The ferry will run all winter. We have the crews."' },
    ]);
    expect(attribute('"The ferry will run all winter."\n\n— Mayor Jo Roe.')).toMatchObject([{ speaker: 'Mayor Jo Roe', content: '"The ferry will run all winter."' }]);
    // A wire service credits the story, and a dash opening narration names no one.
    expect(attribute('"The ferry will run all winter."\n\n- Reuters.')).toEqual([]);
    expect(attribute('"The ferry will run all winter."\n\n- and the pier will stay open.')).toEqual([]);
  });

  it('reads "according to X" at the end of a sentence that opens with an adverbial', () => {
    expect(attribute('At the harbour, traffic fell by a third, according to the port authority.')).toMatchObject([
      { speaker: 'the port authority', cue: 'according to', content: 'At the harbour, traffic fell by a third' },
    ]);
  });

  it('keeps a subject "This" before "according to X" in the content, and leaves a fronted "This week" out', () => {
    expect(attribute('This, according to the port authority, is both a risk and a chance.')).toMatchObject([
      { speaker: 'the port authority', content: 'This, according to the port authority, is both a risk and a chance' },
    ]);
    expect(attribute('This ferry, according to the port authority, is the oldest afloat.')).toMatchObject([
      { content: 'This ferry, according to the port authority, is the oldest afloat' },
    ]);
    expect(attribute('This week, according to the port authority, the lock will close.')).toMatchObject([{ content: 'the lock will close' }]);
  });

  it('ends the subject of a cue at a verb that reads as a verb only between a name, a pronoun or a word for a speaker and a determiner', () => {
    expect(attribute('Okafor left the meeting, saying the vote was rigged.')).toMatchObject([{ speaker: 'Okafor', cue: 'saying' }]);
    expect(attribute('Okafor set the date, saying the lock would open in May.')).toMatchObject([{ speaker: 'Okafor', cue: 'saying' }]);
    expect(attribute('She left the meeting early and said the ferry would stop.')).toMatchObject([{ speaker: 'She', cue: 'said' }]);
    expect(attribute('The mayor left the meeting early and said the ferry would stop.')).toMatchObject([{ speaker: 'The mayor', cue: 'said' }]);
    expect(attribute('Last spring, she rose to the defense of the ferry crews, saying the cuts were unfair.')).toMatchObject([{ speaker: 'she', cue: 'saying', content: 'the cuts were unfair' }]);
    expect(attribute('A lawyer involved in the case said the lock was unsafe.')).toMatchObject([{ speaker: 'A lawyer involved in the case' }]);
  });

  it('takes a document as the speaker of "shows" after the clause, and a capitalised "Will" as a name', () => {
    expect(attribute('Ferry use rose by a third, port records show.')).toMatchObject([{ speaker: 'port records', cue: 'show', content: 'Ferry use rose by a third' }]);
    expect(attribute('“The lock is fine,” Will Okafor said.')).toMatchObject([{ speaker: 'Will Okafor', cue: 'said', content: '“The lock is fine,”' }]);
  });

  it('leaves time phrases out of the speaker and reads a dash-introduced quotation alone', () => {
    expect(attribute('Harbour master Ines Kroll on Wednesday accused the shipyard of delays.')).toMatchObject([{ speaker: 'Harbour master Ines Kroll', cue: 'accused' }]);
    expect(attribute('Last week port official Tom Park revealed the new timetable.')).toMatchObject([{ speaker: 'port official Tom Park', cue: 'revealed' }]);
    expect(attribute('The plan changed twice — “we had no choice,” she said.')).toMatchObject([{ speaker: 'she', content: '“we had no choice,”' }]);
  });

  it('reads no stance into a passive with its agent, a naming phrase, or a describing participle', () => {
    expect(attribute('The yard won a contract backed by the port trust.')).toEqual([]);
    expect(attribute('The quay, known as the Long Pier, opened in 1890.')).toEqual([]);
    expect(attribute('Divers finding the wreck surfaced at noon.')).toEqual([]);
    expect(attribute('The council published a survey showing most boats were late.')).toMatchObject([{ speaker: 'a survey', cue: 'showing', content: 'most boats were late' }]);
  });

  it('starts the document of a "with" phrase after "with", and reads a poll standing given there', () => {
    expect(attribute('Jo Lee leads the race with polls showing him ahead in Dover.')).toMatchObject([{ speaker: 'polls', cue: 'showing', content: 'him ahead in Dover' }]);
    expect(attribute('Jo Lee leads the race, with a new harbour poll giving him a 10-point lead.')).toMatchObject([{ speaker: 'a new harbour poll', cue: 'giving', content: 'him a 10-point lead' }]);
  });

  it('keeps a quote-only cue only around a quotation', () => {
    expect(attribute('“We sail at six,” the captain continued.')).toMatchObject([{ speaker: 'the captain', cue: 'continued', direct: true }]);
    expect(attribute('The decline in ferry traffic continued through the spring.')).toEqual([]);
    // A quotation of several paragraphs: its second half is still open where the paragraph ends.
    expect(attribute('“The pier is ours,” the statement continued. “We have asked the council for a meeting.\n\n“We will not give up.”')).toMatchObject([{ speaker: 'the statement', cue: 'continued' }]);
    // A phrase of time after the quotation is no part of it: the chant alone is what was said.
    expect(attribute('The crowd chanted “no ferry, no vote” after the council met on Friday.')).toMatchObject([{ speaker: 'The crowd', cue: 'chanted', content: '“no ferry, no vote”', direct: true }]);
  });

  it('splits a coordinated second cue into its own attribution with the same speaker', () => {
    const found = attribute('The port director said the dredging was on schedule and warned shippers to expect short delays.');
    expect(found).toMatchObject([
      { speaker: 'The port director', cue: 'said', content: 'the dredging was on schedule' },
      { speaker: 'The port director', cue: 'warned', content: 'shippers to expect short delays' },
    ]);
    const single = attribute('The port director said the dredging was slow and costly.');
    expect(single).toMatchObject([{ speaker: 'The port director', cue: 'said', content: 'the dredging was slow and costly' }]);
  });

  it('does not read cue words inside a quotation', () => {
    const found = attribute('“They said no and we said yes,” the captain told reporters.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ speaker: 'the captain', cue: 'told' });
  });
});

describe('extractAttributions: speakers across a quotation', () => {
  it('ends a speaker after an inverted cue before a clause of time', () => {
    expect(attribute('“We can win,” said Jo Lee as she left.')).toMatchObject([{ speaker: 'Jo Lee', cue: 'said', content: '“We can win,”' }]);
    expect(attribute('“The pier stays shut,” said the harbour master when the ferry docked at noon.')).toMatchObject([{ speaker: 'the harbour master', cue: 'said' }]);
  });

  it('reads an unlisted verb between a quotation and the speaker after it as narrating the quotation', () => {
    expect(attribute('“We had no ferry for a month,” remembered Jo Lee, the former harbour master.')).toMatchObject([{ speaker: 'Jo Lee, the former harbour master', cue: 'remembered', content: '“We had no ferry for a month,”' }]);
    expect(attribute('“Is the pier safe?” reacted the mayor.')).toMatchObject([{ speaker: 'the mayor', cue: 'reacted', content: '“Is the pier safe?”' }]);
    // A verb with an object after the name narrates nothing.
    expect(attribute('“Harbour Lights,” thanked Jo Lee for the song.')).toEqual([]);
  });

  it('keeps a quoted title inside the description of a speaker as part of the speaker', () => {
    expect(attribute('Jo Lee, star of “Harbour Lights,” praised the new ferry.')).toMatchObject([{ speaker: 'Jo Lee, star of “Harbour Lights,”', cue: 'praised', content: 'the new ferry' }]);
    expect(attribute('“We need a ferry,” Jo Lee, wearing a cap and “Ferry First” pins, said calmly.')).toMatchObject([{ speaker: 'Jo Lee, wearing a cap and “Ferry First” pins,', cue: 'said', content: '“We need a ferry,”' }]);
    // A quotation that opens the sentence is what was said, not part of the speaker.
    expect(attribute('“We need a ferry,” Jo Lee, a harbour pilot, said calmly.')).toMatchObject([{ speaker: 'Jo Lee, a harbour pilot,', content: '“We need a ferry,”' }]);
  });

  it('gives a demand verb the quotation that opens its sentence', () => {
    expect(attribute('“Stay calm,” Jo Lee urged the crowd.')).toMatchObject([{ speaker: 'Jo Lee', cue: 'urged', content: '“Stay calm,”', direct: true }]);
  });

  it('leaves a quotation inside an opening clause to that clause', () => {
    const found = attribute('Although Mayor Roe says he “loves the pier,” he urged the board to close it.');
    expect(found.find((attribution) => attribution.cue === 'urged')).toMatchObject({ speaker: 'he', content: 'the board to close it' });
  });

  it('reads no insert between commas that a quotation mark closes', () => {
    const speakers = attribute('“I will not say it,” said retired judge Jo Kroll, asked about claims that she had run.').map((attribution) => attribution.speaker ?? '');
    expect(speakers.some((speaker) => /[“”"]/.test(speaker))).toBe(false);
  });
});

describe('extractAttributions: sentence subjects', () => {
  it('gives a participial cue the subject of the sentence, past an opening adverbial', () => {
    const found = attribute('After a long, tense meeting, the city council released a statement calling the closure “a mistake.”');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ speaker: 'the city council', cue: 'calling' });
  });

  it('does not read a noun after a number or an amount as a cue', () => {
    expect(attribute('The council approved a $12 million plan to raise the sea wall.')).toEqual([]);
  });
});

describe('extractAttributions: relative clauses and headline labels', () => {
  it.each([
    ['The new fares, which harbor officials said will start in May, are lower.', 'harbor officials', 'said', 'which harbor officials said will start in May'],
    ['The pilots drew up a plan that they believe would cut delays.', 'they', 'believe', 'that they believe would cut delays'],
    ['The town sold what it said was surplus land.', 'it', 'said', 'what it said was surplus land'],
    // Between the pronoun and the cue only the subject stands, though its words may also be verbs ("appeals", "engineers").
    ['The pier needs repairs, which engineers said would cost millions.', 'engineers', 'said', 'which engineers said would cost millions'],
    ['The council kept harbour rules that appeals courts said discriminated against pilots.', 'appeals courts', 'said', 'that appeals courts said discriminated against pilots'],
    // An irregular past form ("knew") is a tensed verb, as "said" is, though its subject is singular.
    ['On the quay was a gift he knew would cheer the pilots.', 'he', 'knew', 'a gift he knew would cheer the pilots'],
    // With the clause's verb after it, a present form after a pronoun, a name or a lone quantifier is a verb, not a noun.
    ['The pier was sold, a decision they say allowed the ferries to return.', 'they', 'say', 'a decision they say allowed the ferries to return'],
    ['The pier is closed, an event that Mayor Roe says led him to the sea.', 'Mayor Roe', 'says', 'that Mayor Roe says led him to the sea'],
    ['The deals, which he estimates will not expire for years, were signed.', 'he', 'estimates', 'which he estimates will not expire for years'],
    ['Two pilots, who many feel need a strong season, signed on.', 'many', 'feel', 'who many feel need a strong season'],
    ['It is a rule that the majority of pilots still believes is fair.', 'the majority of pilots', 'believes', 'that the majority of pilots still believes is fair'],
    ['The pier, which even the most hopeful pilots doubt will open in May, is closed.', 'the most hopeful pilots', 'doubt', 'which even the most hopeful pilots doubt will open in May'],
    ['The boats, many of which the Courier discovered were owned by the board, sank.', 'the Courier', 'discovered', 'which the Courier discovered were owned by the board'],
    ['It is a change Jo Lee said could bring the ferries back.', 'Jo Lee', 'said', 'a change Jo Lee said could bring the ferries back'],
  ])('a relative clause whose subject stands before the speaker is the content: %s', (text, speaker, cue, content) => {
    expect(attribute(text)).toContainEqual(expect.objectContaining({ speaker, cue, content }));
  });

  it.each([
    ['For years, Mayor Roe was the best friend Jo Lee always hoped to have.', 'Jo Lee', 'hoped', 'the best friend Jo Lee always hoped to have'],
    ['This is not the campaign Jo Lee hoped to be running.', 'Jo Lee', 'hoped', 'the campaign Jo Lee hoped to be running'],
    ['It was an agenda Jo Lee hoped to pass.', 'Jo Lee', 'hoped', 'an agenda Jo Lee hoped to pass'],
  ])('after the verb, a head noun that could speak or is unfiled heads an infinitive that lost its object: %s', (text, speaker, cue, content) => {
    expect(attribute(text)).toContainEqual(expect.objectContaining({ speaker, cue, content }));
  });

  it.each([
    ['The pilots campaigned in Dover, a town seen as critical for the ferry vote.', 'seen', 'a town seen as critical for the ferry vote'],
    ['A developer known to be bullish on piers is Jo Lee.', 'known', 'A developer known to be bullish on piers'],
    ['Jo Lee, 44, known online as "Harbour King," was fined in May.', 'known', 'Jo Lee, 44, known online as "Harbour King,"'],
  ])('reads a participle-only cue with no auxiliary as a passive cut short, naming no speaker: %s', (text, cue, content) => {
    expect(attribute(text)).toContainEqual(expect.objectContaining({ speaker: null, cue, content }));
  });

  it('keeps the speaker of a participle-only cue after an auxiliary, or after a verb making its object known', () => {
    expect(attribute('The harbour board has seen the plan as a threat.')).toMatchObject([{ speaker: 'The harbour board', cue: 'seen' }]);
    expect(attribute('Pilots made their feelings known to the board.').every((found) => found.speaker !== null)).toBe(true);
  });

  it('reads a phrase that could speak, with no verb before it, as the speaker of its infinitive', () => {
    expect(attribute('His friend Jo Lee hoped to win the seat.')).toMatchObject([{ speaker: 'His friend Jo Lee', cue: 'hoped', content: 'to win the seat' }]);
  });

  it.each([
    ['The new fares, which harbor officials denounced on Tuesday, are lower.', 'harbor officials', 'denounced', 'which'],
    ['That is not what the harbor master said.', 'the harbor master', 'said', 'what'],
  ])('a relative pronoun standing for the cue\'s object is the content: %s', (text, speaker, cue, content) => {
    expect(attribute(text)).toContainEqual(expect.objectContaining({ speaker, cue, content }));
  });

  it('ends what was reported before a relative clause set off by a comma or a dash that holds a report of its own', () => {
    const finish = attribute('Jo Lee says she is tied for second place with Mayor Roe, in a finish that she said defied expectations.');
    expect(finish).toContainEqual(expect.objectContaining({ speaker: 'Jo Lee', cue: 'says', content: 'she is tied for second place with Mayor Roe' }));
    expect(finish).toContainEqual(expect.objectContaining({ speaker: 'she', cue: 'said', content: 'that she said defied expectations' }));
    const moves = attribute('Mayor Roe praised the board for cutting fees - moves that he said improved the harbour.');
    expect(moves).toContainEqual(expect.objectContaining({ speaker: 'Mayor Roe', cue: 'praised', content: 'the board for cutting fees' }));
    expect(moves).toContainEqual(expect.objectContaining({ speaker: 'he', cue: 'said', content: 'that he said improved the harbour' }));
    // A clause that only picks out its noun, or one the sentence's verb follows, stays in what was reported.
    expect(attribute('Jo Lee said the board backed a levy that she says will pay for the pier.')).toContainEqual(expect.objectContaining({ speaker: 'Jo Lee', content: 'the board backed a levy that she says will pay for the pier' }));
    expect(attribute('Jo Lee said the levy, which he says will double, is unfair.')).toContainEqual(expect.objectContaining({ speaker: 'Jo Lee', content: 'the levy, which he says will double, is unfair' }));
    // A pronoun standing for what the speaker called it opens a report of its own too, unless a verb or a coordinator goes on after its clause.
    const cartel = attribute('Jo Lee said the board backed the panels, which she called “a cartel for the harbour.”');
    expect(cartel).toContainEqual(expect.objectContaining({ speaker: 'Jo Lee', cue: 'said', content: 'the board backed the panels' }));
    expect(cartel).toContainEqual(expect.objectContaining({ speaker: 'she', cue: 'called', content: 'which she called “a cartel for the harbour.”' }));
    expect(attribute('Jo Lee said the levy, which he called “a tax,” is unfair.')).toContainEqual(expect.objectContaining({ speaker: 'Jo Lee', content: 'the levy, which he called “a tax,” is unfair' }));
    expect(attribute('Jo Lee said the pilots can vote for Mayor Roe, whom she called “a menace,” or stay home.')).toContainEqual(expect.objectContaining({ speaker: 'Jo Lee', content: 'the pilots can vote for Mayor Roe, whom she called “a menace,” or stay home' }));
  });

  it('reads no relative clause with a moved-out subject after a modal of ability, or after a cue word closing a noun compound', () => {
    expect(attribute('The only thing I can figure is the pier.').filter((found) => found.cue === 'figure')).toEqual([]);
    expect(attribute('The fares, which pier member states could raise, are high.').filter((found) => found.cue === 'states')).toEqual([]);
  });

  it('reads no relative clause after a cue word used as a noun or taking an object', () => {
    expect(attribute('The late penalty call was the turning point of the match.')).toEqual([]);
    expect(attribute('The records that the auditor questioned are kept in a vault.').filter((found) => found.content.startsWith('that'))).toEqual([]);
  });

  it('reads a bare present cue form after a singular noun phrase as a noun, not a verb', () => {
    expect(attribute('This fare plan works for both ferry routes.')).toEqual([]);
    expect(attribute('The crew keeps the same meal plan, so the cook buys less.')).toEqual([]);
    expect(attribute('The officials say the pier is unsafe.')).toMatchObject([{ speaker: 'The officials', cue: 'say' }]);
    expect(attribute('The government say the pier is unsafe.')).toMatchObject([{ speaker: 'The government', cue: 'say' }]);
    // A number word above one stands for the people it counts.
    expect(attribute('The two say the pier is unsafe.')).toMatchObject([{ speaker: 'The two', cue: 'say', content: 'the pier is unsafe' }]);
    expect(attribute('The three argue that the fee is unfair.')).toMatchObject([{ speaker: 'The three', cue: 'argue' }]);
    expect(attribute('The one plan works for both ferry routes.')).toEqual([]);
    expect(attribute('The captain warned the pier was unsafe.')).toMatchObject([{ speaker: 'The captain', cue: 'warned' }]);
  });

  it('reads a cue word heading a noun phrase after a modifier, with no subject before it, as a noun', () => {
    expect(attribute('There are still a number of fussy details to check on the new ferry before launch.')).toEqual([]);
    expect(attribute('There will be fast charging support, with the operator suggesting that the ferry could recharge in an hour.').map((found) => found.cue)).not.toContain('support');
    expect(attribute('Early review shows that the ferry is slower than planned.')).toMatchObject([{ speaker: 'Early review', cue: 'shows' }]);
    expect(attribute('There is no doubt officials say the pier is unsafe.')).toMatchObject([{ cue: 'say' }]);
    expect(attribute('There are two reasons the council refuses to reopen the pier.')).toMatchObject([{ cue: 'refuses' }]);
    expect(attribute('There is reason to believe the pier is unsafe.')).toMatchObject([{ cue: 'believe' }]);
  });

  it('ends a restrictive relative clause before the sentence\'s own verb of saying, whose speaker is the subject with its clause', () => {
    expect(attribute('Residents who support the plan said it would save the pier.')).toMatchObject([
      { speaker: 'who', cue: 'support', content: 'the plan' },
      { speaker: 'Residents who support the plan', cue: 'said', content: 'it would save the pier' },
    ]);
  });

  it('reads a headline label named by a document or a name with its audience', () => {
    expect(attribute('Survey: Ferry riders want later sailings on weekends.')).toMatchObject([{ speaker: 'Survey', cue: ':' }]);
    expect(attribute('Jane Okafor to Harbor Pilots: The channel will reopen soon.')).toMatchObject([{ speaker: 'Jane Okafor to Harbor Pilots', cue: ':' }]);
    expect(attribute('Editor’s Note: The ferry timetable below was updated in May.')).toEqual([]);
    expect(attribute('Newspaper: Harbour board kept ferry losses quiet.')).toMatchObject([{ speaker: 'Newspaper', cue: ':' }]);
    expect(attribute('Harbour Post editorial: Keep the winter ferry running.')).toMatchObject([{ speaker: 'Harbour Post editorial', cue: ':' }]);
    expect(attribute('Harbour Post ferry: It sails at dawn on Sundays.')).toEqual([]);
  });

  it('reads no speaker in a heading, a dateline or a class label before a colon', () => {
    expect(attribute('More Power: The new ferry gives the crossing more engine power, up to 40 knots.')).toEqual([]);
    expect(attribute('In Harbor Tales: Ferry Quest, the player can steer the night ferry across the bay.')).toEqual([]);
    expect(attribute('NEW DELHI: Nearly 150 ferry workers returned home on Wednesday after the strike.')).toEqual([]);
    expect(attribute('6A: Harbor North took first place in the rowing final.')).toEqual([]);
    expect(attribute('MODERATOR: Why did the ferry line cut 40 trips?')).toMatchObject([{ speaker: 'MODERATOR', cue: ':' }]);
  });

  it('reads a participle-only form with no auxiliary as a reduced relative, not a cue', () => {
    expect(attribute('While the post shown above claimed that the ferry cost $40 million, others disagreed.')).toMatchObject([{ speaker: 'the post shown above', cue: 'claimed' }]);
    expect(attribute('The harbor survey has shown that the pier is safe.')).toMatchObject([{ speaker: 'The harbor survey', cue: 'shown' }]);
  });

  it('keeps a plural noun that closes the object of a noun cue, and ends the object at a past form with no ending', () => {
    expect(attribute('Her stand on many issues, from her support for ferry subsidies and toll cuts, has not hurt her.')).toMatchObject([{ speaker: 'her', cue: 'support for', content: 'ferry subsidies and toll cuts' }]);
    expect(attribute('Roe’s attack on her qualifications, the mayor said, was a mark of despair.')).toContainEqual(expect.objectContaining({ speaker: 'Roe’s', cue: 'attack on', content: 'her qualifications' }));
    expect(attribute('Roe’s endorsement of the harbour board came with caveats.')).toMatchObject([{ speaker: 'Roe’s', cue: 'endorsement of', content: 'the harbour board' }]);
  });

  it('ends what was said before the question it answered ("when asked …")', () => {
    expect(attribute('Mayor Ines Dorr said “We’ll see” when asked whether she would run again.')).toContainEqual(expect.objectContaining({ cue: 'said', content: '“We’ll see”' }));
    expect(attribute('The harbour master said he had not seen the cracks, and when asked about the divers, he said they were late.')).toContainEqual(expect.objectContaining({ cue: 'said', content: 'he had not seen the cracks' }));
  });

  it('ends a reported clause before a verb that agrees with the cue and with no verb of the clause', () => {
    expect(attribute('Mayor Ines Dorr denies that the quay was unsafe and goes on to blame the pilots.')).toContainEqual(expect.objectContaining({ cue: 'denies', content: 'that the quay was unsafe' }));
    expect(attribute('The harbour pilots believe the levy is legal only in winter and have asked the council to act.')).toContainEqual(expect.objectContaining({ cue: 'believe', content: 'the levy is legal only in winter' }));
    // A verb of the clause in the cue's form, or a modal, may be the one "and" joins.
    expect(attribute('The harbour master says he feels the ferries did well and is pleased with the crews.')).toContainEqual(expect.objectContaining({ cue: 'says', content: 'he feels the ferries did well and is pleased with the crews' }));
    expect(attribute('Mayor Ines Dorr said the pier would close and reopen in May.')).toContainEqual(expect.objectContaining({ cue: 'said', content: 'the pier would close and reopen in May' }));
    // An adjective of attitude after "is" is no second cue in the tense of the first.
    expect(attribute('The harbour master says he feels the pilots did well and is worried about the ferries.')).toContainEqual(expect.objectContaining({ cue: 'says', content: 'he feels the pilots did well and is worried about the ferries' }));
  });

  it('ends an object before an occasion opened by "with" or named by a programme in quotation marks', () => {
    expect(attribute('Mayor Ines Dorr addressed her critics in another interview with “The Harbour Hour,” saying the pier was safe.')).toContainEqual(expect.objectContaining({ cue: 'addressed', content: 'her critics' }));
    expect(attribute('Mayor Ines Dorr denounced the ferry levy with a speech to the council.')).toContainEqual(expect.objectContaining({ cue: 'denounced', content: 'the ferry levy' }));
    // A quotation that is not a title is what was said, and a report that is no occasion stays with the object.
    expect(attribute('Mayor Ines Dorr compared the ferry plan with a report from the harbour board that found it sound.')).toContainEqual(expect.objectContaining({ cue: 'compared', content: 'the ferry plan with a report from the harbour board that found it sound' }));
  });

  // An object ends before a description with a hyphenated word in it, before one followed by a clause of place, and before
  // one whose participle takes two joined objects; inside a series of objects it goes on.
  it.each([
    ['Mayor Ines Dorr railed against the Ferry Levy, the three-port tax the council passed.', 'railed against', 'the Ferry Levy'],
    ['Mayor Ines Dorr focuses on Pier Seven, the town’s busiest pier, where the ferries wait longest.', 'focuses on', 'Pier Seven'],
    ['Mayor Ines Dorr was referring to Jeffrey Lee, a harbour official overseeing the quays and the locks.', 'referring to', 'Jeffrey Lee'],
    ['Mayor Ines Dorr praised the pier, her support for pilots and her work on the quays.', 'praised', 'the pier, her support for pilots and her work on the quays'],
    ['Mayor Ines Dorr noted the flood, the crews working the locks and the pilots.', 'noted', 'the flood, the crews working the locks and the pilots'],
    ['Mayor Ines Dorr cited the ferry fund, the scheme run by the port and local charities.', 'cited', 'the ferry fund'],
    ['Mayor Ines Dorr praised the ferry crew, the head of the harbour staff and pilots.', 'praised', 'the ferry crew, the head of the harbour staff and pilots'],
  ])('ends an object before a description after it: %s', (text, cue, content) => {
    expect(attribute(text)).toContainEqual(expect.objectContaining({ cue, content }));
  });

  // "and" inside an unfinished noun phrase, before a word that only describes, or before a hyphenated "-ed" compound and its noun joins modifiers.
  it('reads "and" between modifiers as more of the object', () => {
    expect(attribute('Jo Lee is alarmed at the focused and sustained attacks on the ferry crews.')).toMatchObject([{ cue: 'alarmed at', content: 'the focused and sustained attacks on the ferry crews' }]);
    expect(attribute('Jo Lee called the levy bigoted and contemptuous of the harbour charter.')).toMatchObject([{ cue: 'called', content: 'the levy bigoted and contemptuous of the harbour charter' }]);
    expect(attribute('The board belatedly recognized the anxiety and deep-seated anger of the pilots.')).toMatchObject([{ cue: 'recognized', content: 'the anxiety and deep-seated anger of the pilots' }]);
    // A hyphenated verb with its own object is the speaker's next act.
    expect(attribute('The pilot denied the charges and counter-sued the harbour board.')).toMatchObject([{ cue: 'denied', content: 'the charges' }]);
  });

  it('reads a part of the day, "during" and a noun phrase after a preposition as more of the occasion', () => {
    expect(attribute('The harbour master went after him Wednesday morning during a radio panel.')).toContainEqual(expect.objectContaining({ cue: 'went after', content: 'him' }));
    expect(attribute('Mayor Ines Dorr attacked the ferry levy Friday evening during a panel with Westport state officials.')).toContainEqual(expect.objectContaining({ cue: 'attacked', content: 'the ferry levy' }));
    expect(attribute('Mayor Ines Dorr thanked the pier crew at a victory rally in her home state of Maine.')).toContainEqual(expect.objectContaining({ cue: 'thanked', content: 'the pier crew' }));
    expect(attribute('Mayor Ines Dorr repeated her position at a town hall in Westport on the same day as the quay vote.')).toContainEqual(expect.objectContaining({ cue: 'repeated', content: 'her position' }));
    // A verb after "to" is still what was urged.
    expect(attribute('The council urged the port on Monday to state its dredging plans.')).toContainEqual(expect.objectContaining({ cue: 'urged', content: 'the port on Monday to state its dredging plans' }));
  });

  it('ends the object of a noun cue before the occasion or the time of the act', () => {
    expect(attribute('Her attack on Ines Dorr in last Sunday’s debate was a stretch.')).toContainEqual(expect.objectContaining({ speaker: 'Her', cue: 'attack on', content: 'Ines Dorr' }));
    expect(attribute('His criticism of the ferry levy at a rally on Monday drew cheers.')).toContainEqual(expect.objectContaining({ speaker: 'His', cue: 'criticism of', content: 'the ferry levy' }));
    // A place that belongs to the object stays with it.
    expect(attribute('Her support for the ferry pier in Eastport was steady.')).toContainEqual(expect.objectContaining({ cue: 'support for', content: 'the ferry pier in Eastport' }));
  });

  it('runs a passive’s content from its subject through the charge after the agent ("criticized by X for …")', () => {
    expect(attribute('The mayor was criticized by the harbour pilots for closing the pier.')).toMatchObject([{ speaker: 'the harbour pilots', cue: 'criticized', content: 'The mayor was criticized by the harbour pilots for closing the pier' }]);
    expect(attribute('The port board has been accused by the union of hiding its losses.')).toMatchObject([{ speaker: 'the union', cue: 'accused', content: 'The port board has been accused by the union of hiding its losses' }]);
    expect(attribute('The mayor was criticized by the harbour pilots.')).toMatchObject([{ speaker: 'the harbour pilots', content: 'The mayor' }]);
  });

  it('runs a passive’s content from its subject through a complement before the agent ("considered unclean by X")', () => {
    expect(attribute('Pigs are considered unclean by the harbour crews.')).toMatchObject([{ speaker: 'the harbour crews', cue: 'considered', content: 'Pigs are considered unclean' }]);
    expect(attribute('He was recommended for the job by Jo Lee.')).toMatchObject([{ speaker: 'Jo Lee', cue: 'recommended', content: 'He was recommended for the job' }]);
    // A time, a manner or the one addressed is no complement.
    expect(attribute('Mayor Roe was endorsed last week by the pilots.')).toMatchObject([{ speaker: 'the pilots', content: 'Mayor Roe' }]);
    expect(attribute('Mayor Roe was praised repeatedly by the pilots.')).toMatchObject([{ speaker: 'the pilots', content: 'Mayor Roe' }]);
  });

  it('reads an irregular past ("withdrew", "took") as the verb of a clause coordinated after an object', () => {
    expect(attribute('Sen. Ruth Calder endorsed the levy and Sam Park withdrew his support.')).toMatchObject([{ speaker: 'Sen. Ruth Calder', cue: 'endorsed', content: 'the levy' }]);
    expect(attribute('The union praised the ferry crew and the mayor took the first boat.')).toMatchObject([{ speaker: 'The union', cue: 'praised', content: 'the ferry crew' }]);
  });
});

describe('extractAttributions: unnamed sources', () => {
  it('reads a clause marked by an adverb of hearsay as content with no speaker', () => {
    expect(attribute('The old ferry was reportedly sold to a buyer in Norway.')).toMatchObject([{ speaker: null, cue: 'reportedly', content: 'The old ferry was reportedly sold to a buyer in Norway' }]);
    expect(attribute('The harbor master reportedly said the ferry would be sold.')).toMatchObject([{ speaker: 'The harbor master', cue: 'said' }]);
  });

  it('reads a noun of saying with its "that" clause and no owner as an unnamed report', () => {
    expect(attribute('The mayor resigned amid allegations that the count was rigged.')).toMatchObject([{ speaker: null, cue: 'allegations', content: 'that the count was rigged' }]);
    expect(attribute('The statement that the mayor released was short.')).toEqual([]);
  });

  it('reads the "that" clause after a verb that otherwise reports only a quotation', () => {
    expect(attribute('The skipper fired back that the fares had not risen in years.')).toMatchObject([{ speaker: 'The skipper', cue: 'fired back', content: 'that the fares had not risen in years' }]);
    expect(attribute('The mayor mused in the debate that her rival was unfit to run the port.')).toMatchObject([{ speaker: 'The mayor', cue: 'mused', content: 'that her rival was unfit to run the port' }]);
    expect(attribute('The slide in ferry traffic continued that year.')).toEqual([]);
  });

  it('starts the content at the "that" after the one spoken to', () => {
    expect(attribute('The skipper admitted to the harbour board that the ferry had been late all week.')).toMatchObject([{ speaker: 'The skipper', cue: 'admitted', content: 'that the ferry had been late all week' }]);
    expect(attribute('The mayor complained to her husband, Jo Roe, that the pier would never open.')).toMatchObject([{ speaker: 'The mayor', cue: 'complained', content: 'that the pier would never open' }]);
    expect(attribute('The governor will make the case to voters in Dover that the tunnel is worth its cost.')).toMatchObject([{ speaker: 'The governor', cue: 'make the case', content: 'that the tunnel is worth its cost' }]);
    // No one spoken to: "to" opens what was agreed or an infinitive.
    expect(attribute('The pilots think twice before agreeing to extra tests that they might not need.').map((found) => found.content)).not.toContain('that they might not need');
  });

  it('reads a noun of saying whose "that" clause follows a phrase of time, place or agency', () => {
    expect(attribute("The mayor's assertion Monday that the pier was safe was rejected by the divers.")).toMatchObject([{ speaker: "The mayor's", cue: 'assertion', content: 'that the pier was safe' }]);
    expect(attribute('Her claim during the hearing that the budget was balanced was challenged.')).toMatchObject([{ speaker: 'Her', cue: 'claim', content: 'that the budget was balanced' }]);
    expect(attribute('The union spoke out after claims by harbour officials that the ferry would stop in May.')).toContainEqual(expect.objectContaining({ speaker: 'harbour officials', cue: 'claims', content: 'that the ferry would stop in May' }));
    expect(attribute('The inquiry heard an allegation from his former partner, Jo Lee, that the accounts had been altered.')).toContainEqual(expect.objectContaining({ speaker: 'his former partner, Jo Lee', cue: 'allegation', content: 'that the accounts had been altered' }));
    // No one named in the phrase, or a verb of its own before the "that": not read.
    expect(attribute('The board dismissed claims of fraud that the auditors had raised.').map((found) => found.cue)).not.toContain('claims');
    expect(attribute('The mayor made her announcement in May, noting that the pier was safe.')).toContainEqual(expect.objectContaining({ cue: 'noting', content: 'that the pier was safe' }));
  });

  it('starts the content at the quotation a colon opens after an occasion or a topic', () => {
    expect(attribute('The new coach said after his hiring: "I am glad to be back at the harbour."')).toMatchObject([{ speaker: 'The new coach', cue: 'said', content: '"I am glad to be back at the harbour."', direct: true }]);
    expect(attribute('The skipper added about the pilots: "They know the channel better than anyone."')).toMatchObject([{ speaker: 'The skipper', cue: 'added', content: '"They know the channel better than anyone."' }]);
    // A "that" after the occasion still opens the content.
    expect(attribute('The mayor said after the vote that the pier would close.')).toMatchObject([{ content: 'that the pier would close' }]);
  });

  it('reads the paragraph after a report ending in a colon as what was said, but not after a clause of the writer’s', () => {
    expect(attribute('Jo Lee spoke on Monday. In a speech last July, Mayor Roe said:\n\nThe pier must close. It cannot be patched.\nWe will build a new one by spring.\n\nJo Lee disagreed.')).toContainEqual(expect.objectContaining({ speaker: 'Mayor Roe', cue: 'said', content: 'The pier must close. It cannot be patched.\nWe will build a new one by spring.' }));
    // A clause with a subject of its own before the colon: the paragraph after it is the writer's, and its sentences are read.
    const narrated = attribute('As the pilots lamented the levy, Jo Lee turned to the ferry crews:\n\nAfter the vote the mayor said the pier would close in May.');
    expect(narrated.map((found) => found.content)).not.toContainEqual(expect.stringContaining('After the vote'));
    expect(narrated).toContainEqual(expect.objectContaining({ speaker: 'the mayor', cue: 'said', content: 'the pier would close in May' }));
    // A later cue in the lead-in brings the quotation itself.
    expect(attribute('The Gazette confirmed that finding, reporting:\n\n“The pilots have not been paid for months.”')).toContainEqual(expect.objectContaining({ cue: 'reporting', content: '“The pilots have not been paid for months.”' }));
    // A quotation with a cue of its own is that cue's.
    expect(attribute('A pilot on the quay interrupted the mayor:\n\n“You closed our pier,” the pilot shouted.')).toEqual([expect.objectContaining({ speaker: 'the pilot', cue: 'shouted', content: '“You closed our pier,”' })]);
  });

  it('goes on from a report ending its paragraph over the paragraphs of bare quotation after it, but not from a vote', () => {
    expect(attribute('Rather, Jo Lee said, the strike by the pilots will end the ferry service by May.\n\n“To my knowledge, no pilot is willing to sail.”')).toMatchObject([{ speaker: 'Jo Lee', cue: 'said', content: 'Rather, Jo Lee said, the strike by the pilots will end the ferry service by May.\n\n“To my knowledge, no pilot is willing to sail.”' }]);
    expect(attribute('Jo Lee voted for the levy on the ferries.\n\n“I will look into the pier and its costs.”')).toContainEqual(expect.objectContaining({ cue: 'voted for', content: 'the levy on the ferries' }));
  });

  it('reads a word in "-s" after an adjective as the head of the subject, not its verb', () => {
    expect(attribute('Recent tests by the harbour lab reveal that the pier is sinking.')).toMatchObject([{ speaker: 'Recent tests by the harbour lab', cue: 'reveal', content: 'that the pier is sinking' }]);
    expect(attribute('A coalition of civil rights unions said the ferry fares were unfair.')).toMatchObject([{ speaker: 'A coalition of civil rights unions', cue: 'said' }]);
    expect(attribute('Preliminary tests by the harbour lab reveal that the pier is sinking.')).toMatchObject([{ speaker: 'Preliminary tests by the harbour lab', cue: 'reveal' }]);
    expect(attribute('Local residents say that the tunnel was worth its cost.')).toMatchObject([{ speaker: 'Local residents', cue: 'say', content: 'that the tunnel was worth its cost' }]);
  });

  it('ends a report in a fronted time clause at its comma, and gives the main clause its own subject', () => {
    expect(attribute('At the moment the mayor announced the new fares, the pilot was holding a meeting and told the crew that the pier was closed.')).toEqual([
      expect.objectContaining({ speaker: 'the mayor', cue: 'announced', content: 'the new fares' }),
      expect.objectContaining({ speaker: 'the pilot', cue: 'told', content: 'that the pier was closed' }),
    ]);
    // "At the time" may as well open the main clause: not read as a fronted clause.
    expect(attribute('At the time the mayor said the pier was safe.')).toMatchObject([{ cue: 'said', content: 'the pier was safe' }]);
  });
  it('does not read the participle of a relative clause without its pronoun as the speaker', () => {
    const speakers = attribute('The figures we have been gathering on the old ferry show that fares will rise.').map((found) => found.speaker);
    expect(speakers).not.toContain('gathering on the old ferry');
    expect(attribute('The harbour master has said the pier is safe.')).toMatchObject([{ speaker: 'The harbour master', cue: 'said' }]);
  });
  it('does not read the words after a bracket that closes an "as" clause as what was said', () => {
    expect(attribute('The ferry runs late (as the harbour master noted in May), and the fares are high.').map((found) => found.content)).not.toContain('and the fares are high');
    expect(attribute('The ferry runs late, as the harbour master noted in May.')).toMatchObject([{ speaker: 'the harbour master', content: 'The ferry runs late' }]);
  });
  it('reads a naming participle after a form of "be" as a passive of reputation, and one that names a noun as no cue', () => {
    expect(attribute('Dorr is well known for speaking her mind at council meetings.')).toMatchObject([{ speaker: null, cue: 'is well known for', content: 'Dorr is well known for speaking her mind at council meetings' }]);
    expect(attribute('The old skipper was widely known as the best pilot on the coast.')).toMatchObject([{ speaker: null, cue: 'was widely known as' }]);
    expect(attribute('The quay, also known as the Long Pier, opened in 1890.')).toEqual([]);
  });
  it('reads a word of saying in "-s" after "have" as its object, not a perfect', () => {
    expect(attribute('Besides the council, the ferry company, Dorr and Lee have claims in the harbour.')).toEqual([]);
    expect(attribute('The pilots have reports of a fire on the pier.').map((found) => found.cue)).not.toContain('reports');
    // A past participle after "have" is still a perfect, and a word of thought or intent keeps its holder.
    expect(attribute('Lee has claimed the pier is hers.')).toMatchObject([{ speaker: 'Lee', cue: 'claimed', content: 'the pier is hers' }]);
    expect(attribute('Roe has plans to sell the pier.')).toMatchObject([{ speaker: 'Roe', cue: 'plans', content: 'to sell the pier' }]);
  });
  it('reads a noun of judging after a verb of incurring as a judgement of the verb\'s subject', () => {
    expect(attribute('The new timetable drew sharp criticism from the ferry crews.')).toMatchObject([{ speaker: 'the ferry crews', cue: 'drew sharp criticism', content: 'The new timetable' }]);
    expect(attribute('The harbour master has faced criticism for closing the north pier.')).toMatchObject([{ speaker: null, cue: 'has faced criticism', content: 'The harbour master has faced criticism for closing the north pier' }]);
    expect(attribute('Roe came under heavy criticism when the quay flooded.')).toMatchObject([{ speaker: null, cue: 'came under heavy criticism', content: 'Roe' }]);
    expect(attribute('The harbour master has faced criticism from the pilots that the pier is unsafe.')).toMatchObject([{ speaker: 'the pilots', content: 'that the pier is unsafe' }]);
    // A participle of incurring after a comma has its subject elsewhere; a noun of judging alone is no cue.
    expect(attribute('The crews, drawing criticism from the council, kept the pier shut.')).toEqual([]);
    expect(attribute('Criticism of the new timetable grew.')).toEqual([]);
  });
  it('reads a name set off by an aside or a relative clause of a thing as the subject of the verb after it, not a report inverted', () => {
    expect(attribute('Roe, by contrast, wrote a letter to the council.')).toMatchObject([{ speaker: 'Roe', cue: 'wrote', content: 'a letter to the council' }]);
    expect(attribute('The Gazette, which keeps its sales secret, denied the report.')).toMatchObject([{ speaker: 'The Gazette, which keeps its sales secret,', cue: 'denied', content: 'the report' }]);
    // A clause before the comma is still what was said.
    expect(attribute('The pier, which is old, will close, said Roe.')).toMatchObject([{ speaker: 'Roe', cue: 'said', content: 'The pier, which is old, will close' }]);
  });
  it('reads a verb after a comma in a series of the subject\'s acts as no inverted report', () => {
    expect(attribute('He also hosts a radio show, writes a weekly column and runs the ferry.')).toEqual([]);
    expect(attribute('He also hosts a radio show, writes a weekly column and, since May, leads the harbour choir.')).toEqual([]);
    // Speakers joined by "and" after an inverted cue are still the speakers.
    expect(attribute('The pier will close, said Roe and Lee.')).toMatchObject([{ speaker: 'Roe and Lee', cue: 'said', content: 'The pier will close' }]);
    expect(attribute('The pier is unsafe, wrote the pilots and the fishers.')).toMatchObject([{ speaker: 'the pilots and the fishers', cue: 'wrote', content: 'The pier is unsafe' }]);
  });
  it('reads a count of times after the cue as how often the act was done, not what was said', () => {
    expect(attribute('The skipper has posted more than 5,000 times since June, mostly on the harbour forum.')).toEqual([]);
    expect(attribute('The skipper posted 3 times that the pier was unsafe.')).toMatchObject([{ speaker: 'The skipper', cue: 'posted' }]);
  });
  it('reads an -ing word inside a series of items set off by commas as no cue', () => {
    expect(attribute('The hall has gold-leaf detailing, columns, and lamps.')).toEqual([]);
    expect(attribute('The crowd on the quay began shouting, pointing, jeering and pushing.')).toEqual([]);
    // An aside between the commas leaves the participle its content.
    expect(attribute('Roe spoke, adding, however, that the pier was safe.')).toMatchObject([{ speaker: 'Roe', cue: 'adding' }]);
  });
  it('reads a quoted title after a word for a work as its name, not what was said', () => {
    expect(attribute('The pier was built on sand, Dorr said in his 2012 book, “The Harbour Years.”')).toMatchObject([{ speaker: 'Dorr', cue: 'said', content: 'The pier was built on sand' }]);
    expect(attribute('Dorr said in his book, “The pier was built on sand.”')).toMatchObject([{ speaker: 'Dorr', cue: 'said', content: '“The pier was built on sand.”' }]);
  });
  it('reads a report set off by commas inside a dash or bracket aside, or after a colon, as interrupting that stretch alone', () => {
    expect(attribute('Roe praised the crews - all of whom, she said, worked late - and left.')).toContainEqual(expect.objectContaining({ speaker: 'she', cue: 'said', content: 'all of whom, she said, worked late' }));
    expect(attribute('The pier may close (the cost of which, fishermen say, would be huge).')).toContainEqual(expect.objectContaining({ speaker: 'fishermen', cue: 'say', content: 'the cost of which, fishermen say, would be huge' }));
    expect(attribute('The mayor had a plan: if the ferry stops, Jo Roe said, the town will pay.')).toContainEqual(expect.objectContaining({ speaker: 'Jo Roe', cue: 'said', content: 'if the ferry stops, Jo Roe said, the town will pay' }));
    expect(attribute('He backed a levy to pay the crews and, he argued, to help the town.')).toContainEqual(expect.objectContaining({ speaker: 'he', cue: 'argued', content: 'to help the town' }));
    // Without such a mark the report covers the sentence.
    expect(attribute('The deal, he said, is close.')).toMatchObject([{ speaker: 'he', cue: 'said', content: 'The deal, he said, is close' }]);
  });
  it('reads a quotation that opens a bracket as the content alone, not the clause before the bracket', () => {
    expect(attribute('The levy drew anger from the crews ("We want our fees back," wrote one deckhand).')).toContainEqual(expect.objectContaining({ cue: 'wrote', content: '"We want our fees back,"' }));
    expect(attribute('The levy drew anger from the crews ("We want our fees back," one deckhand said).')).toContainEqual(expect.objectContaining({ cue: 'said', content: '"We want our fees back,"' }));
  });
  it('reads a quotation after ", but" that follows the cue as no second half of the quotation before it', () => {
    expect(attribute('“The ferry is late,” she said, but despite the fog, “I think it will sail,” she added.')).toContainEqual(expect.objectContaining({ speaker: 'she', cue: 'said', content: '“The ferry is late,”' }));
    expect(attribute('“The pier is old,” she said, but added that after the repairs, “It will stand.”')).toContainEqual(expect.objectContaining({ speaker: 'she', cue: 'said', content: '“The pier is old,”' }));
    // A quotation right after the cue's comma is still its second half.
    expect(attribute('“The ferry is late,” she said, “and the pier is closed.”')).toMatchObject([{ speaker: 'she', cue: 'said', content: '“The ferry is late,” she said, “and the pier is closed.”' }]);
  });
  it('reads a quotation opening a sentence after the cue\'s comma as what was said when a clause of its own comes before the speaker', () => {
    expect(attribute('Roe said the ferry was late, and when asked whether she was worried, she said, "I hope not."')).toContainEqual(expect.objectContaining({ speaker: 'she', cue: 'said', content: '"I hope not."' }));
    expect(attribute('The pier was shut for a week, and on Monday, Roe wrote, "The crews left."')).toContainEqual(expect.objectContaining({ speaker: 'Roe', cue: 'wrote', content: '"The crews left."' }));
    // With no clause before the speaker the report still covers the sentence around it.
    expect(attribute('The ferry, he said, "Is the best in the state."')).toMatchObject([{ speaker: 'he', cue: 'said', content: 'The ferry, he said, "Is the best in the state."' }]);
  });
  it('ends what was reported at a dash before a second report of its own, and reads that report', () => {
    const shares = attribute('The survey was grim - 60 percent of riders said the ferry was late, and more than 4 in 10 said the fares were too high.');
    expect(shares).toContainEqual(expect.objectContaining({ speaker: '60 percent of riders', cue: 'said', content: 'the ferry was late' }));
    expect(shares).toContainEqual(expect.objectContaining({ speaker: 'more than 4 in 10', cue: 'said', content: 'the fares were too high' }));
    const participle = attribute('The port chief rejected the claim that the berths were unsafe — saying the divers never inspected them.');
    expect(participle).toContainEqual(expect.objectContaining({ speaker: 'The port chief', cue: 'saying', content: 'the divers never inspected them' }));
    expect(participle).toContainEqual(expect.objectContaining({ cue: 'rejected', content: 'the claim that the berths were unsafe' }));
    // Between two dashes the report is an insert in what was said.
    expect(attribute('The mayor said the pier — which the pilots say is sinking — would be repaired by May.')).toContainEqual(expect.objectContaining({ speaker: 'The mayor', content: 'the pier — which the pilots say is sinking — would be repaired by May' }));
  });
  it('ends a question after "asked" at a comma that closes a quotation, and reads the answer after it', () => {
    const answered = attribute('Asked whether the mayor “has the patience to run the port,” 75 percent of residents said yes.');
    expect(answered).toContainEqual(expect.objectContaining({ speaker: null, cue: 'Asked', content: 'whether the mayor “has the patience to run the port,”' }));
    expect(answered).toContainEqual(expect.objectContaining({ speaker: '75 percent of residents', cue: 'said', content: 'yes' }));
  });
  it('reads no content after a cue when a coordinator and a clause with its own subject follow it', () => {
    expect(attribute('About 48 percent of riders agreed and 44 percent of pilots disagreed.')).not.toContainEqual(expect.objectContaining({ cue: 'agreed' }));
    expect(attribute('The council agreed, and the mayor signed the order.')).toEqual([]);
    expect(attribute('The pilot said, and I quote, “The pier is sinking.”')).toContainEqual(expect.objectContaining({ speaker: 'The pilot', cue: 'said' }));
  });
  it('reads a condition set off after the report as part of what was said, and a clause with its own subject after ", and" as the writer\'s', () => {
    expect(attribute('The old pier will hold, Jo Roe says, as long as nobody parks lorries on it.')).toMatchObject([{ speaker: 'Jo Roe', cue: 'says', content: 'The old pier will hold, Jo Roe says, as long as nobody parks lorries on it' }]);
    expect(attribute('The fares can stay low, says Councillor Mia Lane, unless the fuel price doubles again.')).toMatchObject([{ speaker: 'Councillor Mia Lane', cue: 'says', content: 'The fares can stay low, says Councillor Mia Lane, unless the fuel price doubles again' }]);
    expect(attribute('The old pier will hold, Jo Roe says, and the council agrees.')).toContainEqual(expect.objectContaining({ speaker: 'Jo Roe', cue: 'says', content: 'The old pier will hold' }));
    // A verb with no subject of its own after ", and" goes on with the clause reported; a verb of saying there is the speaker's.
    expect(attribute('The crew found the leak, Roe said, and patched the hull before noon.')).toMatchObject([{ speaker: 'Roe', cue: 'said', content: 'The crew found the leak, Roe said, and patched the hull before noon' }]);
    expect(attribute('The pier is old, Roe said, but added that the repairs would hold.')).toContainEqual(expect.objectContaining({ speaker: 'Roe', cue: 'said', content: 'The pier is old' }));
  });
  it('reads a group compared after "compared to" with no comma, and a verb of saying joined to a progressive cue, as reports of their own', () => {
    const compared = attribute('Among pilots, 61 percent said they had made up their minds compared to 38 percent who said they could still change them.');
    expect(compared).toContainEqual(expect.objectContaining({ speaker: '61 percent', cue: 'said', content: 'they had made up their minds' }));
    expect(compared).toContainEqual(expect.objectContaining({ speaker: 'who', cue: 'said', content: 'they could still change them' }));
    const progressive = attribute("He is comparing the fare rise to last year's levy and says the council is ignoring the riders.");
    expect(progressive).toContainEqual(expect.objectContaining({ cue: 'comparing', content: "the fare rise to last year's levy" }));
    expect(progressive).toContainEqual(expect.objectContaining({ speaker: 'He', cue: 'says', content: 'the council is ignoring the riders' }));
  });
  it('reads the clause before an inverted cue as what was said when the writer comments after the cue and its day', () => {
    expect(attribute('Jo Roe won the harbour ward, the Riverton Gazette declared on Thursday, two days after the polls closed.')).toContainEqual(expect.objectContaining({ speaker: 'the Riverton Gazette', cue: 'declared', content: 'Jo Roe won the harbour ward' }));
    expect(attribute('The ferry will stop in May, the council announced Monday, a month earlier than planned.')).toContainEqual(expect.objectContaining({ speaker: 'the council', cue: 'announced', content: 'The ferry will stop in May' }));
    // An infinitive after the cue is what was vowed.
    expect(attribute('In addition to backing the levy, Roe vowed to repeal the toll, a promise she made in May.')).toContainEqual(expect.objectContaining({ speaker: 'Roe', cue: 'vowed', content: expect.stringMatching(/^to repeal the toll/) }));
  });
  it('reads a verb of pressing as a position only with people as its object and a verb\'s infinitive after them', () => {
    expect(attribute('The guild pressed the harbor council to close the north pier.')).toMatchObject([{ speaker: 'The guild', cue: 'pressed', content: 'the harbor council to close the north pier' }]);
    expect(attribute('Jo Roe has pushed Lee and Park to drop the levy.')).toMatchObject([{ speaker: 'Jo Roe', cue: 'pushed', content: 'Lee and Park to drop the levy' }]);
    // A thing pressed, a place the push led to, or an adjective's clause is no position pushed for.
    expect(attribute('She pressed the red button to open the gate.')).toEqual([]);
    expect(attribute('A late surge pushed her to victory in the port ward.')).toEqual([]);
    expect(attribute('The skipper left, convinced that the tide would turn.').filter((found) => found.cue === 'convinced')).toEqual([]);
    // After "help" the subject stands before "help", out of the speaker's reach.
    expect(attribute('Roe drafted the plan and helped convince the council to adopt it.').filter((found) => found.cue === 'convince')).toEqual([]);
  });
  it('reads support held or won from those named after "of", "from" or "among" as their stance toward the subject', () => {
    expect(attribute('The harbour master has the full support of the ferry crews.')).toMatchObject([{ speaker: 'the ferry crews', cue: 'has the full support of', content: 'The harbour master' }]);
    expect(attribute('Jo Roe won an endorsement from the fishers\' guild on Friday.')).toMatchObject([{ speaker: "the fishers' guild", cue: 'won an endorsement from', content: 'Jo Roe' }]);
    expect(attribute('The mayor has the backing of pilots and older voters and has pulled ahead.')).toContainEqual(expect.objectContaining({ speaker: 'pilots and older voters', content: 'The mayor' }));
    // No supporters named, or no subject that holds the support: no stance to report.
    expect(attribute('The plan drew support at the meeting.')).toEqual([]);
    expect(attribute('The pier, prior to Monday, had received no support from the board.').filter((found) => found.cue?.includes('support'))).toEqual([]);
  });
  it('reads who does a participle after a dash or "with" as its speaker: a name, a second name after "and", a proportion of people', () => {
    const pair = attribute('The two leaders issued a statement expressing hope about the talks – Roe saying she was very encouraged and Lee calling it a useful meeting.');
    expect(pair).toContainEqual(expect.objectContaining({ speaker: 'Roe', cue: 'saying', content: 'she was very encouraged' }));
    expect(pair).toContainEqual(expect.objectContaining({ speaker: 'Lee', cue: 'calling', content: 'it a useful meeting' }));
    expect(attribute('About two-thirds of members described themselves as moderates, with about three in 10 saying they are very moderate.')).toContainEqual(expect.objectContaining({ speaker: 'about three in 10', cue: 'saying', content: 'they are very moderate' }));
  });
  it('reads a candidate and standing that a poll has or gives as the poll\'s finding', () => {
    expect(attribute('The latest harbour poll has Jo Roe leading Ann Park by six points.')).toMatchObject([{ speaker: 'The latest harbour poll', cue: 'has', content: 'Jo Roe leading Ann Park by six points' }]);
    expect(attribute('A ferry survey released Friday had him at 4 percent, well behind the mayor.')).toMatchObject([{ speaker: 'A ferry survey released Friday', cue: 'had', content: 'him at 4 percent' }]);
    expect(attribute('The new survey gave Jo Roe a ten-point lead over Ann Park.')).toMatchObject([{ speaker: 'The new survey', cue: 'gave', content: 'Jo Roe a ten-point lead over Ann Park' }]);
    // No candidate, or no standing after the candidate, or no document that has it: nothing the poll found.
    expect(attribute('The poll has a margin of error of three points.')).toEqual([]);
    expect(attribute('The harbour report gives Jo Roe credit for the pier.')).toEqual([]);
    expect(attribute('The skipper has Jo Roe at the helm tonight.')).toEqual([]);
  });
  it('reads a phrase spelled with alternatives in a cue row as each of its phrases', () => {
    expect(attribute('The guild threw its support behind the new harbour master.')).toMatchObject([{ speaker: 'The guild', cue: 'threw its support behind', content: 'the new harbour master' }]);
    expect(attribute('Jo Roe has lent her backing to the ferry levy.')).toMatchObject([{ speaker: 'Jo Roe', cue: 'lent her backing to', content: 'the ferry levy' }]);
    expect(attribute('The crew threw a rope to the skipper.')).toEqual([]);
  });
  it('keeps a role after "as", a reason after "because of", the second half of an "as" comparison and a focused clause in a view\'s object', () => {
    expect(attribute('The council wants Jo Lee as Harbour Master.')).toMatchObject([{ cue: 'wants', content: 'Jo Lee as Harbour Master' }]);
    expect(attribute('The union opposed the new levy because of its cost.')).toMatchObject([{ cue: 'opposed', content: 'the new levy because of its cost' }]);
    expect(attribute('The mayor wants the pier as busy next summer as it was before the storm.')).toMatchObject([{ cue: 'wants', content: 'the pier as busy next summer as it was before the storm' }]);
    expect(attribute('The union backed the mayor especially because she raised wages.')).toMatchObject([{ cue: 'backed', content: 'the mayor especially because she raised wages' }]);
    // A clause of the writer's after the object still ends it: a name with its verb, or a subordinator with no focusing adverb.
    expect(attribute('The council condemned the new tax as Mayor Roe left the hall.')).toMatchObject([{ cue: 'condemned', content: 'the new tax' }]);
    expect(attribute('The union backed the mayor because she raised wages.')).toMatchObject([{ cue: 'backed', content: 'the mayor' }]);
  });
  it('reads a noun cue\'s object on past a sign written onto a figure', () => {
    expect(attribute("Lee's opposition to the $1.1 billion harbour plan was clear.")).toMatchObject([{ cue: 'opposition to', content: 'the $1.1 billion harbour plan' }]);
    expect(attribute("Roe's support for a 10% fare rise was clear.")).toMatchObject([{ cue: 'support for', content: 'a 10% fare rise' }]);
  });
  it('reads a noun cue\'s object on past a possessive after a common noun', () => {
    expect(attribute("The board's support for the ferry's owners grew over the summer.")).toMatchObject([{ cue: 'support for', content: "the ferry's owners" }]);
    expect(attribute("Mayor Roe won the vote with his claim of the council's failures on the pier.")).toMatchObject([{ cue: 'claim of', content: "the council's failures on the pier" }]);
    // After a clause word the "'s" is "is": no owner.
    expect(attribute("Her support for what's right never wavered.")).toMatchObject([{ cue: 'support for', content: 'what' }]);
  });
  it('reads "what" or "who" with its own verb as a clause object of a noun cue', () => {
    expect(attribute('The pilots differ in their support for what would be a new pier in all but name.')).toMatchObject([{ cue: 'support for', content: 'what would be a new pier in all but name' }]);
    expect(attribute('The mayor gave his opinion on who will lead the harbour board.')).toMatchObject([{ cue: 'opinion on', content: 'who will lead the harbour board' }]);
    expect(attribute('Her support for what the board proposed grew.')).toMatchObject([{ cue: 'support for', content: 'what the board proposed' }]);
  });

  it.each([
    ['The harbour club invited observers to attend the vote.'],
    ['The ferry line invited reporters in to tour its new office.'],
    ['The board invited nominations as it did last year.'],
    ['The mayor invited Jo Lee to the pier to try the new ramp.'],
  ])('reads no request in an invitation to come, to be somewhere or to send a thing in: %s', (text) => {
    expect(attribute(text)).toEqual([]);
  });

  it('reads a request in an invitation to do another act', () => {
    expect(attribute('The harbour board invited residents to comment on the new fees.')[0]).toMatchObject({ speaker: 'The harbour board', cue: 'invited', content: 'residents to comment on the new fees' });
  });

  it('reads an infinitive opening the text or a sentence as having no headline name before it, and does not fail on it', () => {
    expect(() => attribute('To ask for more ferries, the pilots wrote to the mayor.')).not.toThrow();
    expect(attribute('To ask for more ferries, the pilots wrote to the mayor.')[0]).toMatchObject({ speaker: null, cue: 'ask for', content: 'more ferries' });
  });
});

describe('extractAttributions: reports inside another report', () => {
  function split(text: string): { outermost: string[]; embedded: string[] } {
    const { actors } = extractActors(text);
    const { attributions, embedded } = extractAttributions(text, actors);
    const show = (attribution: { speaker: { text: string } | null; cue: { text: string } | null }): string => `${attribution.speaker?.text ?? '-'} ${attribution.cue?.text ?? '-'}`;
    return { outermost: attributions.map(show), embedded: embedded.map(show) };
  }

  it.each([
    ['The night ferry will stop running in March, the harbour board said, according to the Island Courier.', ['the Island Courier according to'], ['the harbour board said']],
    ['The harbour board warned that the pier is unsafe, Jo Lee said.', ['Jo Lee said'], ['The harbour board warned']],
  ])('lists a report passed on in another indirect report apart: %s', (text, outermost, embedded) => {
    expect(split(text)).toEqual({ outermost, embedded });
  });

  it.each([
    ['“The board warned us the pier was unsafe,” Jo Lee said.'],
    ['The night ferry will stop running in March, the harbour board said.'],
    ['Jo Lee said the ferry was late, and Mayor Roe said the pier was closed.'],
  ])('embeds nothing in a quotation, a single report or reports side by side: %s', (text) => {
    expect(split(text).embedded).toEqual([]);
  });
});
