import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/extractors/figures/index.js';
import type { Figure } from '../../src/model/claim.js';

type Expected = Partial<Pick<Figure, 'text' | 'value' | 'unit' | 'kind' | 'per' | 'qualifier' | 'low' | 'high' | 'change'>>;

// [sentence, the figures expected in order]; sentences are written for these tests.
const FIGURE_CASES: [string, Expected[]][] = [
  ['The council will spend $20 billion on roads.', [{ text: '$20 billion', value: 20e9, unit: 'USD', kind: 'money' }]],
  ['The club paid £4m for the striker and €2.5bn for the stadium.', [{ value: 4e6, unit: 'GBP' }, { value: 2.5e9, unit: 'EUR' }]],
  ['The fine was US$ 1.6 million.', [{ value: 1.6e6, unit: 'USD', kind: 'money' }]],
  ['Tickets cost 75 cents each.', [{ value: 75, unit: 'USD-cent', kind: 'money' }]],
  ['The stock rose 18 sen to RM4.10 and the rupee fell 12 paise.', [{ text: '18 sen', value: 18, unit: 'MYR-sen', kind: 'money' }, { value: 4.1, unit: 'MYR' }, { text: '12 paise', unit: 'INR-paise' }]],
  ['Shares fell 15p to 230p; the clip streams in 1080p.', [{ text: '15p', value: 15, unit: 'GBP-pence', kind: 'money' }, { text: '230p', value: 230, unit: 'GBP-pence' }]],
  ['The deal is worth 500 billion yen.', [{ value: 500e9, unit: 'JPY' }]],
  ['It raised 3 million dollars.', [{ text: '3 million dollars', value: 3e6, unit: 'USD' }]],
  ['At least 4,000 workers walked out.', [{ text: 'At least 4,000 workers', value: 4000, unit: 'worker', kind: 'count', qualifier: 'at least' }]],
  ['More than 200 migrants arrived by boat.', [{ value: 200, unit: 'person', qualifier: 'more than' }]],
  ['Turnout rose 5% while support fell 3 per cent.', [{ value: 5, unit: 'percent', change: 'up' }, { value: 3, unit: 'percent', change: 'down' }]],
  ['The gap narrowed by 2 percentage points.', [{ value: 2, unit: 'percentage point', kind: 'percent', change: 'down' }]],
  ['Some 40,000 visitors per month come here.', [{ value: 40000, unit: 'visitor', kind: 'rate', per: 'month', qualifier: 'about' }]],
  ['The pump moves 9 million barrels a day.', [{ value: 9e6, unit: 'barrel', per: 'day', kind: 'quantity' }]],
  ['He served three years in prison.', [{ text: 'three years', value: 3, unit: 'year' }]],
  ['Twenty-five people were injured.', [{ value: 25, unit: 'person' }]],
  ['A dozen boats sank.', [{ value: 12, unit: 'boat' }]],
  ['A third of voters stayed home.', [{ value: 1 / 3, kind: 'count' }]],
  ['Each heir got three twenty-fifths of the estate.', [{ text: 'three twenty-fifths', value: 0.12 }]],
  ['The levy is one one hundred and fifth of the price.', [{ text: 'one one hundred and fifth', value: 1 / 105 }]],
  ['The score was minus one hundred thirty fifths.', [{ value: -100 / 35 }]],
  ['The town held its twenty-first regatta and its one hundred twenty-fifth fair.', []],
  ['Half a million homes lost power.', [{ value: 500000, unit: 'home' }]],
  ['Between 20 and 30 people were hurt.', [{ low: 20, high: 30, value: 25, unit: 'person' }]],
  ['Forecasters expect 3-5 inches of rain.', [{ low: 3, high: 5, unit: 'inch', kind: 'quantity' }]],
  ['The rod is 12 ± 0.5 mm thick and fell at 9.8e-3 +/- 1e-4 km/s2.', [{ text: '12 ± 0.5 mm', value: 12, low: 11.5, high: 12.5, unit: 'millimetre' }, { value: 9.8e-3, unit: 'kilometre', per: 'square second' }]],
  ['The wall is 4 metres high and the road 12 km long.', [{ unit: 'metre' }, { unit: 'kilometre' }]],
  ['The reserve covers 120 square miles.', [{ value: 120, unit: 'square mile' }]],
  ['The marsh spans 40 sq. km, the hut 90 sq feet and the levy rose 4 per-cent.', [{ unit: 'square kilometre' }, { unit: 'square foot' }, { value: 4, unit: 'percent' }]],
  ['He lost 3 stone, drank 12 fl oz and his pressure hit 140 mmHg.', [{ unit: 'stone' }, { unit: 'fluid ounce' }, { unit: 'millimetre of mercury' }]],
  // a number after a version name counts when it is lower, longer or scaled: no later version
  ['The airline flies the Boeing 737 to 12 cities.', [{ text: '12 cities', value: 12, unit: 'city' }]],
  ['The app moved from Android 13 to 14 million phones.', [{ value: 14e6, unit: 'phone' }]],
  ['The car topped 80 mph, then 80 miles an hour again.', [{ value: 80, unit: 'mile', per: 'hour', kind: 'quantity' }, { value: 80, unit: 'mile', per: 'hour', kind: 'quantity' }]],
  ['Output rose to 9 million barrels a day from 8 million.', [{ value: 9e6, unit: 'barrel', per: 'day' }, { value: 8e6, unit: 'barrel', per: 'day' }]],
  ['The chain owns 40 daily news outlets.', [{ value: 40, unit: 'news outlet' }]],
  ['They toured sixteen different countries with 120 hardworking volunteers.', [{ value: 16, unit: 'country' }, { value: 120, unit: 'volunteer' }]],
  ['The plan covers 900 public housing units.', [{ value: 900, unit: 'public housing unit' }]],
  ['The firm earned $1.20 per diluted share.', [{ value: 1.2, unit: 'USD', per: 'diluted share' }]],
  ['The plant employs 5,000 Ford and GM workers.', [{ value: 5000, unit: 'worker' }]],
  ['The firm delivered 9,000 Model 2 sedans.', [{ value: 9000, unit: 'model 2 sedan' }]],
  ['They signed 10 Premier League players.', [{ value: 10, unit: 'premier league player' }]],
  ['She sold one last month.', []],
  ['The cartel pumps 2.5 mb/d, the field 40,000 bpd.', [{ value: 2.5e6, unit: 'barrel', per: 'day' }, { value: 40000, unit: 'barrel', per: 'day' }]],
  ['Tickets cost Rp 50,000.', [{ value: 50000, unit: 'IDR', kind: 'money' }]],
  ['Bids start at dollar 12.5 million; the fee is Rupees 10,000, while the euro 1.0850 level held.', [{ text: 'dollar 12.5 million', value: 12.5e6, unit: 'USD' }, { text: 'Rupees 10,000', value: 10000, unit: 'INR' }, { value: 1.085, unit: null }]],
  ['The part is stocked as 5520 K-300.', [{ value: 5520, unit: null, kind: 'count' }]],
  ['Gusts reached 70 miles per hour.', [{ value: 70, unit: 'mile', per: 'hour', kind: 'quantity' }]],
  ['It was 95°F at noon.', [{ value: 95, unit: 'fahrenheit' }]],
  ['A 25-year-old man was arrested.', [{ value: 25, unit: 'year of age' }]],
  ['The screen is a 6- or 7-inch panel.', [{ value: 6, unit: 'inch' }, { value: 7, unit: 'inch' }]],
  ['Some 20 or 30 fishermen and seven or eight thousand voters came in 2019 or 2020 boats.', [{ value: 20, unit: 'fisherman' }, { value: 30, unit: 'fisherman' }, { value: 7000, unit: 'voter' }, { value: 8000, unit: 'voter' }]],
  ['It pumps 2 or 3 million barrels.', [{ value: 2e6, unit: 'barrel' }, { value: 3e6, unit: 'barrel' }]],
  ['Officials said 11 charter flights left last year, about one per week.', [{ value: 11, unit: 'charter flight' }, { value: 1, unit: 'charter flight', per: 'week', kind: 'rate' }]],
  ['Two of the victims were children.', [{ value: 2, unit: 'victim' }]],
  ['Half a dozen hikers were rescued.', [{ value: 6, unit: 'hiker' }]],
  ['Nearly 1.2m people signed the petition.', [{ value: 1.2e6, unit: 'person', qualifier: 'nearly' }]],
  ['A 12-member jury deliberated.', [{ value: 12, unit: 'member' }]],
  ['Highs of 40C (104F) are forecast.', [{ value: 40, unit: 'celsius' }, { value: 104, unit: 'fahrenheit' }]],
  ['Highs of 20C-25C, a 5km-10km walk and the L-202 part.', [{ text: '20C-25C', low: 20, high: 25, unit: 'celsius' }, { text: '5km-10km', low: 5, high: 10, unit: 'kilometre' }]],
  ['Overnight lows fell to -5 degrees.', [{ value: -5, unit: 'degree' }]],
  ['the boy is a 3 - year - old .', [{ value: 3, unit: 'year of age' }]],
  ['Wind speeds hit 12 metres per second.', [{ value: 12, unit: 'metre', per: 'second', kind: 'quantity' }]],
  ['The sled slowed at 3 m/s2, then 2 m/s² and 1 m/s^2.', [{ text: '3 m/s2', unit: 'metre', per: 'square second' }, { text: '2 m/s²', unit: 'metre', per: 'square second' }, { text: '1 m/s^2', unit: 'metre', per: 'square second' }]],
  ['The brine weighs 1200 kg/m^3 and the dust 2 mg/m³.', [{ unit: 'kilogram', per: 'cubic metre' }, { unit: 'milligram', per: 'cubic metre' }]],
  ['The cart sped up at 4 metres per second squared.', [{ value: 4, unit: 'metre', per: 'square second' }]],
  ['The fare was 4 euros 20 cents.', [{ text: '4 euros 20 cents', value: 4.2, unit: 'EUR', kind: 'money' }]],
  ['Lunch came to twelve dollars and five.', [{ value: 12.05, unit: 'USD' }]],
  ['The keeper is 6 feet 1 inch tall.', [{ text: '6 feet 1 inch', value: 6 + 1 / 12, unit: 'foot' }]],
  ['The centre is 6\'11" tall and owns a 65" TV.', [{ text: '6\'11"', value: 6 + 11 / 12, unit: 'foot' }, { text: '65"', value: 65, unit: 'inch' }]],
  ['He said "I paid 10" and got 3 "fair" marks, 40 a "new low".', [{ value: 10, unit: null }, { value: 3, unit: null }, { value: 40, unit: null }]],
  ['The index ended at three point zero four.', [{ text: 'three point zero four', value: 3.04 }]],
  ['The dish held 10^6 cells, a block is 8x2^10 bits, the field 5 × 10⁻³ and 2019³ a footnote.', [{ text: '10^6 cells', value: 1e6 }, { text: '8x2^10 bits', value: 8192, unit: 'bit' }, { value: 0.005 }]],
  ['Debt reached two billion and a half.', [{ value: 2.5e9 }]],
  ['They sold three dozens of rolls.', [{ value: 36 }]],
  ['The baker sold 3 dozen rolls.', [{ value: 36, unit: 'roll' }]],
  ['The scheme costs Rs 1.5 lakh crore, the road Rs 5 thousand crore.', [{ value: 1.5e12, unit: 'INR' }, { value: 5e10, unit: 'INR' }]],
  ['The bid was HK $ 3.2 billion and C $40 a share.', [{ value: 3.2e9, unit: 'HKD' }, { value: 40, unit: 'CAD' }]],
  ['Shares closed at RM4.15 while A$12 bought one in Sydney.', [{ value: 4.15, unit: 'MYR' }, { value: 12, unit: 'AUD' }]],
  ['Rent is 45,000 ₸ a month, about 300 Ghana cedis.', [{ value: 45000, unit: 'KZT', per: 'month' }, { value: 300, unit: 'GHS' }]],
  ['The stall took 900 Indian rupees, 40 Swedish kronor and 9 euro cents.', [{ value: 900, unit: 'INR' }, { value: 40, unit: 'SEK' }, { value: 9, unit: 'EUR-cent' }]],
  ['The villa sold for Dh5 million and the permit costs QR 500 or KSh 2,000.', [{ value: 5e6, unit: 'AED' }, { value: 500, unit: 'QAR' }, { value: 2000, unit: 'KES' }]],
  ['All 40 of them left.', [{ value: 40, kind: 'count' }]],
  ['A woman aged 38 was charged.', [{ text: 'aged 38', value: 38, unit: 'year of age' }]],
  ['She left school at the age of 15.', [{ text: 'age of 15', value: 15, unit: 'year of age' }]],
  ['Some 1,100 public housing units and 40 local fishermen were counted.', [{ unit: 'public housing unit' }, { unit: 'local fisherman' }]],
  ['The blast killed 6 people and injured 20.', [{ value: 6, unit: 'person' }, { value: 20, unit: 'person' }]],
  ['They have raised 30 million of the 90 million euros needed.', [{ value: 30e6, unit: 'EUR' }, { value: 90e6, unit: 'EUR' }]],
  ['The villa sold for 40 million pesetas in 1990.', [{ value: 40e6, unit: 'ESP' }]],
  ['Mills here run at outputs ranging from 20-450 MW.', [{ low: 20, high: 450, unit: 'megawatt' }]],
  ['Prices ranged from 3 to 9 euros.', [{ low: 3, high: 9, unit: 'EUR' }]],
  ['Patients breathe 70% to 95% pure oxygen.', [{ text: '70% to 95%', low: 70, high: 95, value: 82.5, unit: 'percent' }]],
  ['Support went from 40% to 55%.', [{ value: 40 }, { value: 55 }]],
  ['Costs rose between 5% and 10%, over between 3 km and 5 km.', [{ text: 'between 5% and 10%', low: 5, high: 10, unit: 'percent' }, { text: 'between 3 km and 5 km', low: 3, high: 5, unit: 'kilometre' }]],
  ['Sales rose 3% to 5% last year.', [{ value: 3 }, { value: 5 }]],
  ['The firm earned 42 cents a diluted share.', [{ value: 42, unit: 'USD-cent', per: 'diluted share' }]],
  ['The slab is rated at 40 MPa and the air held 420 ppm.', [{ unit: 'megapascal' }, { unit: 'part-per-million' }]],
  ['They bought a 1,400-square-foot condo.', [{ value: 1400, unit: 'square foot' }]],
  ['One diplomat abroad and two overseas trips were cancelled.', [{ value: 1, unit: 'diplomat' }, { value: 2, unit: 'trip' }]],
  ['The sedan gets the brand\'s new Zero Gravity Seats.', []],
  ['We are handing out 3 USD50 vouchers.', [{ value: 3, kind: 'count' }, { text: 'USD50', value: 50, unit: 'USD' }]],
  ['She will be 41 next spring.', [{ value: 41, unit: 'year of age' }]],
  ['Some 80 bus and tram drivers struck.', [{ value: 80, unit: 'driver' }]],
];

// sentences with numbers that are not figures, and the rule that should reject each
const REJECTION_CASES: [string, string][] = [
  ['The law was passed in 1996.', 'reject.year'],
  ['Rents doubled in the 1980s.', 'reject.decade'],
  ['The vote is on March 3.', 'reject.date'],
  ['The deadline is 4 July.', 'reject.date'],
  ['The form is dated 12/25/2023.', 'reject.numeric-date'],
  ['The polls close at 8 p.m. tonight.', 'reject.time'],
  ['The train left at 10:45.', 'reject.time'],
  ['She finished 3rd overall.', 'reject.ordinal'],
  ['Call 555-867-5309 to book.', 'reject.phone'],
  ['The policy known as Title 42 ended.', 'reject.name'],
  ['The Airbus A320 landed safely.', 'reject.identifier'],
  ['Covid-19 cases rose.', 'reject.name'],
  ['Operators are rolling out 5G networks.', 'reject.identifier'],
  ['They won the final 3-2 on Sunday.', 'reject.score'],
  ['The visitors lost 0-4 at home.', 'reject.score'],
  ['We booked a four-star hotel.', 'reject.rating'],
  ['Anna Berg, 52, chairs the board.', 'reject.age-apposition'],
  ['Download it from https://example.org/files/2024/report%20v2.pdf today.', 'reject.url'],
  ['Do this:\n1. Read the form.', 'reject.list-marker'],
  ['Install version 3.12.4 first.', 'reject.dotted-identifier'],
];

// sentences with no figure at all
const NO_FIGURE_CASES = [
  'No one came to the hearing.',
  'She finished third in the race.',
  'The first half ended without goals.',
  'Prices rose sharply across the region.',
  'One of them said nothing.',
  "A baker's dozen sat on the tray.",
  'Dozens of fans waited outside.',
  'No-one answered the door.',
  '',
];

describe('extractFigures', () => {
  it.each(FIGURE_CASES)('%s', (sentence, expected) => {
    const { figures } = extractFigures(sentence);
    expect(figures).toHaveLength(expected.length);
    expected.forEach((want, index) => {
      const figure = figures[index] as Figure;
      for (const [key, value] of Object.entries(want)) {
        if (typeof value === 'number') expect(figure[key as keyof Figure], `${key} of ${figure.text}`).toBeCloseTo(value, 6);
        else expect(figure[key as keyof Figure], `${key} of ${figure.text}`).toEqual(value);
      }
      expect(sentence.slice(figure.start, figure.end)).toBe(figure.text);
      expect(figure.ruleIds.length).toBeGreaterThan(0);
    });
  });

  it.each(REJECTION_CASES)('rejects the number in: %s', (sentence, ruleId) => {
    const { figures, rejected } = extractFigures(sentence);
    expect(figures).toEqual([]);
    expect(rejected.map((candidate) => candidate.ruleId)).toContain(ruleId);
    for (const candidate of rejected) {
      expect(sentence.slice(candidate.start, candidate.end)).toBe(candidate.text);
      expect(candidate.layer).toBe('figure');
      expect(candidate.reason.length).toBeGreaterThan(0);
    }
  });

  it.each(NO_FIGURE_CASES)('finds no figure in: %s', (sentence) => {
    expect(extractFigures(sentence).figures).toEqual([]);
  });

  it('reads numbers the way the text\'s language writes them, detected or given', () => {
    const german = 'Der Verbrauch in der Stadt ist auf 12,2 Liter gestiegen, und die Kosten liegen bei 1.250,50 Euro.';
    expect(extractFigures(german).figures.map((figure) => [figure.value, figure.unit])).toEqual([
      [12.2, 'litre'],
      [1250.5, 'EUR'],
    ]);
    // a short text gives detection nothing to go on: the caller's language decides
    expect(extractFigures('Kosten: 3,5 Liter', { language: 'de-AT' }).figures[0]).toMatchObject({ value: 3.5, unit: 'litre' });
    expect(extractFigures('Kosten: 3,5 Liter', { language: 'en' }).figures.map((figure) => figure.value)).toEqual([3, 5]);
  });

  it('rejects the day of a German date written as an ordinal', () => {
    const { figures, rejected } = extractFigures('Ab dem 1. Januar gilt die Regel für alle, die in der Stadt wohnen.');
    expect(figures).toEqual([]);
    expect(rejected.map((candidate) => candidate.ruleId)).toEqual(['reject.date']);
  });

  it('reads offsets as string indices in text with astral characters and curly quotes', () => {
    const text = '🚀 “It cost €3 million,” she said.';
    const [figure] = extractFigures(text).figures;
    expect(figure?.text).toBe('€3 million');
    expect(text.slice(figure?.start, figure?.end)).toBe('€3 million');
  });

  it('reads a figure far from any other number with its full context', () => {
    const filler = 'The committee met again and talked for a long while about nothing in particular. '.repeat(40);
    const text = `${filler}It said at least 40 percent of members agreed. ${filler}`;
    const { figures } = extractFigures(text);
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ text: 'at least 40 percent', value: 40, unit: 'percent', qualifier: 'at least' });
  });

  it('keeps the words after a number that sits near the end of the previous number\'s context', () => {
    for (let pad = 60; pad <= 100; pad += 2) {
      const text = `It cost 5 dollars${' '.repeat(pad)}and they walked 12 kilometres home.`;
      const units = extractFigures(text).figures.map((figure) => figure.unit);
      expect(units, `padding ${pad}`).toEqual(['USD', 'kilometre']);
    }
  });

  // Text with no spaces made every number re-read its whole run (64 KB took 55 s); the time is
  // measured by `npm run bench:figures -- --stress`, this checks what such text gives.
  it('reads a long run of dot-joined digits as one dotted identifier', () => {
    const text = '1.'.repeat(32 * 1024);
    const { figures, rejected } = extractFigures(text);
    expect(figures).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ start: 0, ruleId: 'reject.dotted-identifier', layer: 'figure' });
    expect(rejected[0]?.end).toBe(text.length - 1);
  });

  it('reads a long run of comma-joined digits without spaces as a list of single numbers', () => {
    const text = '7,'.repeat(16 * 1024);
    const { figures } = extractFigures(text);
    expect(figures).toHaveLength(16 * 1024);
    expect(figures.every((figure) => figure.value === 7 && text.slice(figure.start, figure.end) === '7')).toBe(true);
  });

  it('survives long text without sentence breaks', () => {
    const text = '12 apples and '.repeat(20000);
    const { figures } = extractFigures(text);
    expect(figures).toHaveLength(20000);
  });
});
