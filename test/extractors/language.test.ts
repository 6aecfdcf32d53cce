import { describe, expect, it } from 'vitest';
import { loadStripRules } from '../../src/rules/strip-rules.js';
import { detectLanguage, languageCode, UNDETERMINED_LANGUAGE } from '../../src/extractors/strip/language.js';

const table = loadStripRules().languages;
const detect = (text: string, declared: string | null = null): string | null => detectLanguage(text, table, declared);

const POLISH = 'Rada miasta zdecydowała w poniedziałek, że nowy most na rzece zostanie otwarty do końca roku. '
  + 'Według burmistrza koszt budowy jest wyższy, niż zakładano, ale prace idą zgodnie z planem i nie ma opóźnień.';
const INDONESIAN = 'Pemerintah kota mengumumkan pada hari Senin bahwa jembatan baru di atas sungai itu akan dibuka pada akhir tahun. '
  + 'Menurut wali kota, biaya pembangunan lebih tinggi dari yang direncanakan, tetapi pekerjaan berjalan sesuai rencana.';
const GERMAN = 'Der Stadtrat hat am Montag beschlossen, dass die neue Brücke über den Fluss bis Ende des Jahres eröffnet wird. '
  + 'Nach Angaben des Bürgermeisters sind die Kosten höher als geplant, aber die Arbeiten liegen im Zeitplan.';
const ENGLISH = 'The city council decided on Monday that the new bridge over the river will open by the end of the year. '
  + 'According to the mayor, the cost is higher than planned, but the work is on schedule and there have been no delays.';

describe('detectLanguage', () => {
  it('tells Polish from Portuguese and Indonesian from Spanish by their own stop words and letters', () => {
    expect(detect(POLISH)).toBe('pl');
    expect(detect(INDONESIAN)).toBe('id');
  });

  it('weighs a declared language against the text: a site-wide "en" on a German text, "de" on an English one', () => {
    expect(detect(GERMAN, 'en-US')).toBe('de');
    expect(detect(ENGLISH, 'de')).toBe('en');
    expect(detect(GERMAN, 'de-AT')).toBe('de');
  });

  it('keeps the declared language of a report that quotes another language at length', () => {
    const report = 'Der Gründer sprach vor den Studenten über seine Firma. „We build the boards we want to ride, and we test every one of them '
      + 'in the water before it is sold to anyone who asks for it“, sagte er. Die neue Serie kommt im Mai in den Handel.';
    expect(detect(report, 'de')).toBe('de');
  });

  it('reads an English article with Japanese words quoted in it as English, a Chinese song with its pinyin as Chinese', () => {
    const article = 'The word for the crowded morning train is 満員電車 (まんいんでんしゃ), and the people who push passengers in are called 押し屋. '
      + 'Commuters in the city said the trains have been less crowded since the offices began to let their staff work from home two days a week.';
    expect(detect(article)).toBe('en');
    expect(detect('我们一起走 wo men yi qi zou\n天亮了 tian liang le\n你在哪里 ni zai na li\n我想你 wo xiang ni')).toBe('zh');
  });

  it('tells Ukrainian, Bulgarian and Serbian from Russian within Cyrillic script', () => {
    expect(detect('Міська рада в понеділок вирішила, що новий міст через річку відкриють до кінця року, і це вже не перша така обіцянка.')).toBe('uk');
    expect(detect('Общинският съвет реши в понеделник, че новият мост над реката ще бъде открит до края на годината, каза кметът.')).toBe('bg');
    expect(detect('Градско веће је у понедељак одлучило да ће нови мост преко реке бити отворен до краја године, рекао је градоначелник.')).toBe('sr');
    expect(detect('Городской совет в понедельник решил, что новый мост через реку откроют до конца года, и это уже не первое такое обещание.')).toBe('ru');
    // a Cyrillic language the table has no row for keeps its declaration
    expect(detect('Градскиот совет во понеделникот одлучи новиот мост преку реката да биде отворен до крајот на годината.', 'mk')).toBe('mk');
  });

  it('does not take one repeated word for a language', () => {
    expect(detect('Alpha rose 5 sen, Beta added 3 sen, Gamma fell 2 sen and Delta gained 1 sen.')).toBeNull();
  });

  it('calls a long text in a language it has no profile for undetermined, unless the page declared one', () => {
    const swahili = 'Halmashauri ya jiji iliamua Jumatatu kwamba daraja jipya juu ya mto litafunguliwa mwishoni mwa mwaka huu. '
      + 'Kwa mujibu wa meya, gharama ya ujenzi ni kubwa kuliko ilivyopangwa, lakini kazi inaendelea kama ilivyopangwa na hakuna '
      + 'kuchelewa. Wakazi wengi wa mji wanasema wanasubiri kwa hamu kuona daraja hilo likifunguliwa kwa magari na watembea kwa miguu.';
    expect(detect(swahili)).toBe(UNDETERMINED_LANGUAGE);
    expect(detect(swahili, 'sw')).toBeNull();
  });

  it('names a declared code the way the table does', () => {
    expect(languageCode('deu', table)).toBe('de');
    expect(languageCode('nb-NO', table)).toBe('no');
    expect(languageCode('pt_BR', table)).toBe('pt');
    expect(languageCode('uk', table)).toBe('uk');
    expect(languageCode('', table)).toBeNull();
  });
});
