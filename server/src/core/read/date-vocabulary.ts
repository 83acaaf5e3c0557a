/**
 * The words of dates in the languages of the reports (en, de, es, it, fr, tr, el, ar, pl, hu, sw):
 * month and weekday names with their cases and abbreviations, the words for parts of a month, and
 * relative phrases ("last week", "geçen yıl", "Πέρσι", "الشهر الماضي"). Words are folded first (see
 * `foldWord`): lower case, no diacritics, Arabic letters that vary in spelling made one. Pure data.
 */

const ASCII_WORD = /^[A-Za-z]*$/;

/** Lower case without diacritics (Latin, Greek), dotless ı as i, Arabic hamza forms, taa marbuta and alef maqsura folded. */
export function foldWord(w: string): string {
  // Most words are plain ASCII: nothing to fold but the case.
  if (ASCII_WORD.test(w)) return w.toLowerCase();
  return w
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064B-\u0652\u0670\u0640]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ς/g, 'σ');
}

type Table = ReadonlyMap<string, number>;

function table(lines: Record<number, string>): Table {
  const m = new Map<string, number>();
  for (const [n, words] of Object.entries(lines)) for (const w of words.split('|')) m.set(foldWord(w), Number(n));
  return m;
}

/** Month names (1–12) by language, with the cases the language inflects them in. */
export const MONTHS: Readonly<Record<string, Table>> = {
  en: table({
    1: 'january|jan', 2: 'february|feb', 3: 'march|mar', 4: 'april|apr', 5: 'may', 6: 'june|jun', 7: 'july|jul',
    8: 'august|aug', 9: 'september|sept|sep', 10: 'october|oct', 11: 'november|nov', 12: 'december|dec',
  }),
  de: table({
    1: 'januar|jänner|jan', 2: 'februar|feber|feb', 3: 'märz|maerz|mär', 4: 'april|apr', 5: 'mai', 6: 'juni|jun', 7: 'juli|jul',
    8: 'august|aug', 9: 'september|sept|sep', 10: 'oktober|okt', 11: 'november|nov', 12: 'dezember|dez',
  }),
  es: table({
    1: 'enero|ene', 2: 'febrero|feb', 3: 'marzo|mar', 4: 'abril|abr', 5: 'mayo|may', 6: 'junio|jun', 7: 'julio|jul',
    8: 'agosto|ago', 9: 'septiembre|setiembre|sept|sep', 10: 'octubre|oct', 11: 'noviembre|nov', 12: 'diciembre|dic',
  }),
  it: table({
    1: 'gennaio|genn|gen', 2: 'febbraio|febbr|feb', 3: 'marzo|mar', 4: 'aprile|apr', 5: 'maggio|magg|mag', 6: 'giugno|giu', 7: 'luglio|lug',
    8: 'agosto|ago', 9: 'settembre|sett|set', 10: 'ottobre|ott', 11: 'novembre|nov', 12: 'dicembre|dic',
  }),
  fr: table({
    1: 'janvier|janv', 2: 'février|fevrier|févr|fevr', 3: 'mars', 4: 'avril|avr', 5: 'mai', 6: 'juin', 7: 'juillet|juil',
    8: 'août|aout', 9: 'septembre|sept', 10: 'octobre|oct', 11: 'novembre|nov', 12: 'décembre|decembre|déc|dec',
  }),
  tr: table({
    1: 'ocak', 2: 'şubat', 3: 'mart', 4: 'nisan', 5: 'mayıs', 6: 'haziran', 7: 'temmuz', 8: 'ağustos', 9: 'eylül', 10: 'ekim', 11: 'kasım', 12: 'aralık',
  }),
  el: table({
    1: 'ιανουάριος|ιανουαρίου|ιανουάριο|γενάρης|γενάρη|ιαν', 2: 'φεβρουάριος|φεβρουαρίου|φεβρουάριο|φλεβάρης|φλεβάρη|φεβ',
    3: 'μάρτιος|μαρτίου|μάρτιο|μάρτης|μάρτη|μαρ', 4: 'απρίλιος|απριλίου|απρίλιο|απρίλης|απρίλη|απρ', 5: 'μάιος|μαΐου|μαίου|μάιο|μάης|μάη|μαι',
    6: 'ιούνιος|ιουνίου|ιούνιο|ιούνης|ιούνη|ιουν', 7: 'ιούλιος|ιουλίου|ιούλιο|ιούλης|ιούλη|ιουλ', 8: 'αύγουστος|αυγούστου|αύγουστο|αυγ',
    9: 'σεπτέμβριος|σεπτεμβρίου|σεπτέμβριο|σεπτέμβρης|σεπτέμβρη|σεπ', 10: 'οκτώβριος|οκτωβρίου|οκτώβριο|οκτώβρης|οκτώβρη|οκτ',
    11: 'νοέμβριος|νοεμβρίου|νοέμβριο|νοέμβρης|νοέμβρη|νοε', 12: 'δεκέμβριος|δεκεμβρίου|δεκέμβριο|δεκέμβρης|δεκέμβρη|δεκ',
  }),
  pl: table({
    1: 'styczeń|stycznia|styczniu|sty', 2: 'luty|lutego|lutym|lut', 3: 'marzec|marca|marcu|mar', 4: 'kwiecień|kwietnia|kwietniu|kwi',
    5: 'maj|maja|maju', 6: 'czerwiec|czerwca|czerwcu|cze', 7: 'lipiec|lipca|lipcu|lip', 8: 'sierpień|sierpnia|sierpniu|sie',
    9: 'wrzesień|września|wrześniu|wrz', 10: 'październik|października|październiku|paź', 11: 'listopad|listopada|listopadzie|lis',
    12: 'grudzień|grudnia|grudniu|gru',
  }),
  hu: table({
    1: 'január|jan', 2: 'február|febr', 3: 'március|márc', 4: 'április|ápr', 5: 'május|máj', 6: 'június|jún', 7: 'július|júl',
    8: 'augusztus|aug', 9: 'szeptember|szept', 10: 'október|okt', 11: 'november|nov', 12: 'december|dec',
  }),
  sw: table({
    1: 'januari', 2: 'februari', 3: 'machi', 4: 'aprili', 5: 'mei', 6: 'juni', 7: 'julai', 8: 'agosti', 9: 'septemba', 10: 'oktoba', 11: 'novemba', 12: 'desemba',
  }),
  // The Gulf and Egyptian names and the Levantine and Iraqi ones; two-word names as one phrase.
  ar: table({
    1: 'يناير|كانون الثاني', 2: 'فبراير|شباط', 3: 'مارس|آذار', 4: 'أبريل|ابريل|إبريل|نيسان', 5: 'مايو|أيار', 6: 'يونيو|يونيه|حزيران',
    7: 'يوليو|يوليه|تموز', 8: 'أغسطس|اغسطس|آب', 9: 'سبتمبر|أيلول', 10: 'أكتوبر|اكتوبر|تشرين الأول', 11: 'نوفمبر|تشرين الثاني',
    12: 'ديسمبر|كانون الأول',
  }),
};

/** Month names that are common words too, read only beside a day or a year (or after "in" for English "May", "March"). */
export const MONTH_NEEDS_CONTEXT: ReadonlySet<string> = new Set(['may', 'march', 'mar', 'jan', 'sep', 'dec', 'oct', 'nov', 'aug', 'jun', 'jul', 'apr', 'feb', 'mai', 'mart', 'mei', 'ago', 'gen', 'set', 'dic', 'mag', 'lug', 'giu', 'ott', 'lut', 'lip', 'sie', 'lis', 'gru', 'cze', 'sty', 'wrz', 'kwi', 'mars', 'ekim', 'ocak', 'nisan', 'maj', 'اب', 'μαι', 'μαρ', 'δεκ', 'οκτ', 'νοε', 'ιαν', 'φεβ', 'απρ', 'ιουν', 'ιουλ', 'αυγ', 'σεπ', 'ene', 'abr', 'mag', 'máj', 'jún', 'júl', 'ápr', 'márc', 'febr', 'szept', 'okt', 'dez', 'mär', 'avr', 'juil', 'janv', 'févr', 'déc', 'sept']);

/** Weekday names (0 = Sunday … 6 = Saturday) by language, with their cases. */
export const WEEKDAYS: Readonly<Record<string, Table>> = {
  en: table({ 0: 'sunday', 1: 'monday', 2: 'tuesday', 3: 'wednesday', 4: 'thursday', 5: 'friday', 6: 'saturday' }),
  de: table({ 0: 'sonntag|sonntags', 1: 'montag|montags', 2: 'dienstag|dienstags', 3: 'mittwoch|mittwochs', 4: 'donnerstag|donnerstags', 5: 'freitag|freitags', 6: 'samstag|samstags|sonnabend' }),
  es: table({ 0: 'domingo', 1: 'lunes', 2: 'martes', 3: 'miércoles', 4: 'jueves', 5: 'viernes', 6: 'sábado' }),
  it: table({ 0: 'domenica', 1: 'lunedì', 2: 'martedì', 3: 'mercoledì', 4: 'giovedì', 5: 'venerdì', 6: 'sabato' }),
  fr: table({ 0: 'dimanche', 1: 'lundi', 2: 'mardi', 3: 'mercredi', 4: 'jeudi', 5: 'vendredi', 6: 'samedi' }),
  tr: table({ 0: 'pazar', 1: 'pazartesi', 2: 'salı', 3: 'çarşamba', 4: 'perşembe', 5: 'cuma', 6: 'cumartesi' }),
  el: table({
    0: 'κυριακή|κυριακής', 1: 'δευτέρα|δευτέρας', 2: 'τρίτη|τρίτης', 3: 'τετάρτη|τετάρτης', 4: 'πέμπτη|πέμπτης', 5: 'παρασκευή|παρασκευής',
    6: 'σάββατο|σαββάτου',
  }),
  pl: table({ 0: 'niedziela|niedzielę|niedzieli', 1: 'poniedziałek|poniedziałku', 2: 'wtorek|wtorku', 3: 'środa|środę|środy', 4: 'czwartek|czwartku', 5: 'piątek|piątku', 6: 'sobota|sobotę|soboty' }),
  hu: table({ 0: 'vasárnap', 1: 'hétfő|hétfőn', 2: 'kedd|kedden', 3: 'szerda|szerdán', 4: 'csütörtök|csütörtökön', 5: 'péntek|pénteken', 6: 'szombat|szombaton' }),
  sw: table({ 0: 'jumapili', 1: 'jumatatu', 2: 'jumanne', 3: 'jumatano', 4: 'alhamisi', 5: 'ijumaa', 6: 'jumamosi' }),
  ar: table({ 0: 'الأحد', 1: 'الاثنين|الإثنين|الاتنين', 2: 'الثلاثاء|الثلاثا', 3: 'الأربعاء|الاربعاء|الاربعا', 4: 'الخميس', 5: 'الجمعة', 6: 'السبت' }),
};

/** Arabic weekdays that are number words too ("أحد" one, "الاثنين" the two): read only after يوم. */
export const AR_WEEKDAY_NEEDS_YAWM: ReadonlySet<number> = new Set([0, 1]);

/** Words marking the previous one of a weekday: before it ("last Friday", "el pasado viernes", "geçen Cuma") or after it ("giovedì scorso", "jeudi dernier", "يوم الخميس الماضي"). */
export const LAST_BEFORE = new Set(['last', 'past', 'pasado', 'scorso', 'scorsa', 'vergangenen', 'vergangene', 'letzten', 'letzte', 'geçen', 'geçtiğimiz', 'περασμένη', 'περασμένο', 'προηγούμενη', 'zeszły', 'zeszłą', 'ubiegły', 'ubiegłą', 'ostatni', 'ostatnią', 'múlt'].map(foldWord));
export const LAST_AFTER = new Set(['pasado', 'scorso', 'scorsa', 'dernier', 'passé', 'iliyopita', 'الماضي', 'الفائت', 'المنصرم'].map(foldWord));
/** Words marking a future weekday ("next Monday"): not a date in the past, not read. */
export const NEXT_WORDS = new Set(['next', 'coming', 'nächsten', 'kommenden', 'próximo', 'prossimo', 'prossima', 'prochain', 'gelecek', 'önümüzdeki', 'επόμενη', 'επόμενο', 'przyszły', 'przyszłą', 'jövő', 'ijayo', 'القادم', 'المقبل'].map(foldWord));

export type PartWord = 'early' | 'mid' | 'late';

/**
 * Words for a part of a month or year, written before the month ("early", "Anfang", "a principios
 * de", "αρχές", "مطلع") or after it (Turkish "Ekim başında", Hungarian "október elején"), as phrases
 * of folded words.
 */
export const PART_BEFORE: ReadonlyMap<string, PartWord> = new Map<string, PartWord>(
  (
    [
      ['early', 'early|the beginning of|beginning of|the start of|start of|anfang|zu beginn des|principios de|a principios de|comienzos de|a comienzos de|inicios de|inizio|all\'inizio di|inizio di|ai primi di|début|au début de|début de|αρχές|στις αρχές|na początku|początek|mwanzoni mwa|مطلع|اوائل|بدايه|مستهل'],
      ['mid', 'mid|the middle of|middle of|mitte|mediados de|a mediados de|metà|a metà|a metà di|mi|à la mi|mi-|μέσα|στα μέσα|w połowie|połowa|katikati ya|منتصف|اواسط'],
      ['late', 'late|the end of|end of|ende|finales de|a finales de|fines de|a fines de|fine|a fine|alla fine di|fin|à la fin de|fin de|τέλη|στα τέλη|pod koniec|koniec|na końcu|mwishoni mwa|اواخر|نهايه'],
    ] as [PartWord, string][]
  ).flatMap(([p, ws]) => ws.split('|').map((w) => [w.split(' ').map(foldWord).join(' '), p] as [string, PartWord])),
);
export const PART_AFTER: ReadonlyMap<string, PartWord> = new Map<string, PartWord>(
  (
    [
      ['early', 'başında|başlarında|elején'],
      ['mid', 'ortasında|ortalarında|közepén'],
      ['late', 'sonunda|sonlarında|végén'],
    ] as [PartWord, string][]
  ).flatMap(([p, ws]) => ws.split('|').map((w) => [foldWord(w), p] as [string, PartWord])),
);

/** What a relative phrase says: the unit, and whether it is the previous one, the current one, or a span back from the reference. */
export interface RelativePhrase {
  unit: 'day' | 'week' | 'month' | 'year';
  mode: 'last' | 'this' | 'past';
  /** For `past`: how many days back. */
  days?: number;
  label: string;
}

const rel = (unit: RelativePhrase['unit'], mode: RelativePhrase['mode'], label: string, days?: number): RelativePhrase => ({ unit, mode, label, ...(days ? { days } : {}) });

const YESTERDAY = rel('day', 'last', 'yesterday');
const TODAY = rel('day', 'this', 'today');
const THIS_WEEK = rel('week', 'this', 'this week');
const LAST_WEEK = rel('week', 'last', 'last week');
const THIS_MONTH = rel('month', 'this', 'this month');
const LAST_MONTH = rel('month', 'last', 'last month');
const THIS_YEAR = rel('year', 'this', 'this year');
const LAST_YEAR = rel('year', 'last', 'last year');
const PAST_HOURS = rel('day', 'past', 'the past hours', 1);
const PAST_DAYS = rel('week', 'past', 'the past few days', 10);
const PAST_WEEKS = rel('month', 'past', 'the past few weeks', 42);
const PAST_MONTHS = rel('month', 'past', 'the past few months', 183);
const PAST_WEEK = rel('week', 'past', 'the past week', 7);
const PAST_MONTH = rel('month', 'past', 'the past month', 31);
const PAST_YEAR = rel('year', 'past', 'the past year', 366);

/**
 * Relative phrases, as folded words separated by single spaces, by language. Longer phrases win
 * ("earlier this month" over "this month").
 */
export const RELATIVE: Readonly<Record<string, ReadonlyMap<string, RelativePhrase>>> = {
  en: phrases([
    [YESTERDAY, 'yesterday|the day before|the previous day'],
    [TODAY, 'today|this morning|tonight|this evening|this afternoon'],
    [THIS_WEEK, 'this week|earlier this week'],
    [LAST_WEEK, 'last week'],
    [THIS_MONTH, 'this month|earlier this month'],
    [LAST_MONTH, 'last month'],
    [THIS_YEAR, 'this year|earlier this year'],
    [LAST_YEAR, 'last year'],
    [PAST_HOURS, 'the past hours|the past few hours|the last few hours|the last hours|past hours|recent hours|the past 24 hours|the last 24 hours'],
    [PAST_DAYS, 'the past few days|the last few days|the past several days|the last several days|recent days|past few days|last few days|the past couple of days'],
    [PAST_WEEKS, 'the past few weeks|the last few weeks|recent weeks|the past several weeks|past few weeks|last few weeks'],
    [PAST_MONTHS, 'the past few months|the last few months|recent months|the past several months|past few months|last few months'],
    [PAST_WEEK, 'the past week|the last week|past week'],
    [PAST_MONTH, 'the past month|past month'],
    [PAST_YEAR, 'the past year|past year'],
  ]),
  de: phrases([
    [YESTERDAY, 'gestern|am vortag|tags zuvor'],
    [TODAY, 'heute|heute morgen'],
    [THIS_WEEK, 'diese woche|dieser woche|in dieser woche|anfang der woche|zu wochenbeginn'],
    [LAST_WEEK, 'letzte woche|letzten woche|vergangene woche|vergangenen woche|in der vorwoche'],
    [THIS_MONTH, 'diesen monat|in diesem monat|anfang des monats'],
    [LAST_MONTH, 'letzten monat|vergangenen monat|im vormonat|im vergangenen monat'],
    [THIS_YEAR, 'dieses jahr|in diesem jahr'],
    [LAST_YEAR, 'letztes jahr|letzten jahr|vergangenes jahr|im vergangenen jahr|im vorjahr|vergangenen jahres|letzten jahres'],
    [PAST_HOURS, 'in den letzten stunden|in den vergangenen stunden'],
    [PAST_DAYS, 'in den letzten tagen|in den vergangenen tagen'],
    [PAST_WEEKS, 'in den letzten wochen|in den vergangenen wochen'],
    [PAST_MONTHS, 'in den letzten monaten|in den vergangenen monaten'],
  ]),
  es: phrases([
    [YESTERDAY, 'ayer|el día anterior|el dia anterior'],
    [TODAY, 'hoy|esta mañana'],
    [THIS_WEEK, 'esta semana'],
    [LAST_WEEK, 'la semana pasada|la pasada semana'],
    [THIS_MONTH, 'este mes'],
    [LAST_MONTH, 'el mes pasado|el pasado mes'],
    [THIS_YEAR, 'este año'],
    [LAST_YEAR, 'el año pasado|el pasado año'],
    [PAST_HOURS, 'las últimas horas|en las últimas horas'],
    [PAST_DAYS, 'los últimos días|en los últimos días'],
    [PAST_WEEKS, 'las últimas semanas|en las últimas semanas'],
    [PAST_MONTHS, 'los últimos meses|en los últimos meses'],
  ]),
  it: phrases([
    [YESTERDAY, 'ieri|il giorno prima|il giorno precedente'],
    [TODAY, 'oggi|stamattina|stamani'],
    [THIS_WEEK, 'questa settimana'],
    [LAST_WEEK, 'la settimana scorsa|la scorsa settimana|settimana scorsa'],
    [THIS_MONTH, 'questo mese'],
    [LAST_MONTH, 'il mese scorso|lo scorso mese|mese scorso'],
    [THIS_YEAR, 'quest\'anno|questo anno'],
    [LAST_YEAR, 'l\'anno scorso|lo scorso anno|anno scorso|l\'anno passato'],
    [PAST_HOURS, 'nelle ultime ore|ultime ore'],
    [PAST_DAYS, 'negli ultimi giorni|ultimi giorni'],
    [PAST_WEEKS, 'nelle ultime settimane|ultime settimane'],
    [PAST_MONTHS, 'negli ultimi mesi|ultimi mesi'],
  ]),
  fr: phrases([
    [YESTERDAY, 'hier|la veille'],
    [TODAY, 'aujourd\'hui|ce matin'],
    [THIS_WEEK, 'cette semaine'],
    [LAST_WEEK, 'la semaine dernière|la semaine passée'],
    [THIS_MONTH, 'ce mois-ci|ce mois|plus tôt ce mois-ci'],
    [LAST_MONTH, 'le mois dernier|le mois passé'],
    [THIS_YEAR, 'cette année'],
    [LAST_YEAR, 'l\'année dernière|l\'an dernier|l\'année passée|l\'an passé'],
    [PAST_HOURS, 'ces dernières heures|les dernières heures'],
    [PAST_DAYS, 'ces derniers jours|les derniers jours'],
    [PAST_WEEKS, 'ces dernières semaines|les dernières semaines'],
    [PAST_MONTHS, 'ces derniers mois|les derniers mois'],
  ]),
  tr: phrases([
    [YESTERDAY, 'dün|önceki gün'],
    [TODAY, 'bugün|bu sabah'],
    [THIS_WEEK, 'bu hafta|bu hafta içinde'],
    [LAST_WEEK, 'geçen hafta|geçtiğimiz hafta'],
    [THIS_MONTH, 'bu ay|bu ayın başında'],
    [LAST_MONTH, 'geçen ay|geçtiğimiz ay'],
    [THIS_YEAR, 'bu yıl|bu sene'],
    [LAST_YEAR, 'geçen yıl|geçen sene|geçtiğimiz yıl|geçtiğimiz sene'],
    [PAST_HOURS, 'son saatlerde'],
    [PAST_DAYS, 'son günlerde'],
    [PAST_WEEKS, 'son haftalarda'],
    [PAST_MONTHS, 'son aylarda'],
  ]),
  el: phrases([
    [YESTERDAY, 'χθες|χτες|την προηγούμενη ημέρα|την προηγουμένη'],
    [TODAY, 'σήμερα'],
    [THIS_WEEK, 'αυτή την εβδομάδα|αυτήν την εβδομάδα|την εβδομάδα αυτή|την τρέχουσα εβδομάδα'],
    [LAST_WEEK, 'την περασμένη εβδομάδα|την προηγούμενη εβδομάδα|περασμένη εβδομάδα'],
    [THIS_MONTH, 'αυτόν τον μήνα|αυτό το μήνα|τον τρέχοντα μήνα'],
    [LAST_MONTH, 'τον περασμένο μήνα|τον προηγούμενο μήνα'],
    [THIS_YEAR, 'φέτος'],
    [LAST_YEAR, 'πέρσι|πέρυσι|πέρσυ|τον περασμένο χρόνο|την περασμένη χρονιά|το προηγούμενο έτος'],
    [PAST_HOURS, 'τις τελευταίες ώρες|τις τελευταίες ωρες'],
    [PAST_DAYS, 'τις τελευταίες ημέρες|τις τελευταίες μέρες'],
    [PAST_WEEKS, 'τις τελευταίες εβδομάδες'],
    [PAST_MONTHS, 'τους τελευταίους μήνες'],
  ]),
  ar: phrases([
    [YESTERDAY, 'أمس|البارحة|امس الاول'],
    [TODAY, 'اليوم'],
    [THIS_WEEK, 'هذا الأسبوع|الأسبوع الحالي|الأسبوع الجاري'],
    [LAST_WEEK, 'الأسبوع الماضي|الأسبوع الفائت|الأسبوع المنصرم'],
    [THIS_MONTH, 'هذا الشهر|الشهر الحالي|الشهر الجاري'],
    [LAST_MONTH, 'الشهر الماضي|الشهر الفائت|الشهر المنصرم'],
    [THIS_YEAR, 'هذا العام|العام الحالي|العام الجاري|هذه السنة|السنة الحالية'],
    [LAST_YEAR, 'العام الماضي|العام الفائت|العام المنصرم|السنة الماضية|السنة الفائتة'],
    [PAST_HOURS, 'الساعات الماضية|خلال الساعات الماضية|الساعات الأخيرة'],
    [PAST_DAYS, 'الأيام الماضية|خلال الأيام الماضية|الأيام الأخيرة'],
    [PAST_WEEKS, 'الأسابيع الماضية|الأسابيع الأخيرة'],
    [PAST_MONTHS, 'الأشهر الماضية|الشهور الماضية|الأشهر الأخيرة'],
    [PAST_WEEK, 'خلال الأسبوع الماضي|خلال الأسبوع الفائت|خلال الأسبوع المنصرم'],
    [PAST_MONTH, 'خلال الشهر الماضي|خلال الشهر الفائت|خلال الشهر المنصرم'],
    [PAST_YEAR, 'خلال العام الماضي|خلال العام الفائت|خلال العام المنصرم|خلال السنة الماضية'],
  ]),
  pl: phrases([
    [YESTERDAY, 'wczoraj|dzień wcześniej'],
    [TODAY, 'dzisiaj|dziś'],
    [THIS_WEEK, 'w tym tygodniu'],
    [LAST_WEEK, 'w zeszłym tygodniu|w ubiegłym tygodniu|w minionym tygodniu'],
    [THIS_MONTH, 'w tym miesiącu'],
    [LAST_MONTH, 'w zeszłym miesiącu|w ubiegłym miesiącu|w minionym miesiącu'],
    [THIS_YEAR, 'w tym roku'],
    [LAST_YEAR, 'w zeszłym roku|w ubiegłym roku|w minionym roku|rok temu'],
    [PAST_HOURS, 'w ostatnich godzinach'],
    [PAST_DAYS, 'w ostatnich dniach'],
    [PAST_WEEKS, 'w ostatnich tygodniach'],
    [PAST_MONTHS, 'w ostatnich miesiącach'],
  ]),
  hu: phrases([
    [YESTERDAY, 'tegnap|előző nap|az előző napon'],
    [TODAY, 'ma|ma reggel'],
    [THIS_WEEK, 'ezen a héten|a héten|e héten'],
    [LAST_WEEK, 'a múlt héten|múlt héten|a múlt hét|az előző héten'],
    [THIS_MONTH, 'ebben a hónapban|e hónapban'],
    [LAST_MONTH, 'a múlt hónapban|múlt hónapban|az előző hónapban'],
    [THIS_YEAR, 'idén|ebben az évben'],
    [LAST_YEAR, 'tavaly|a múlt évben|az előző évben'],
    [PAST_HOURS, 'az elmúlt órákban'],
    [PAST_DAYS, 'az elmúlt napokban'],
    [PAST_WEEKS, 'az elmúlt hetekben'],
    [PAST_MONTHS, 'az elmúlt hónapokban'],
  ]),
  sw: phrases([
    [YESTERDAY, 'jana'],
    [TODAY, 'leo'],
    [THIS_WEEK, 'wiki hii'],
    [LAST_WEEK, 'wiki iliyopita|wiki jana'],
    [THIS_MONTH, 'mwezi huu'],
    [LAST_MONTH, 'mwezi uliopita'],
    [THIS_YEAR, 'mwaka huu'],
    [LAST_YEAR, 'mwaka jana|mwaka uliopita'],
    [PAST_HOURS, 'saa chache zilizopita'],
    [PAST_DAYS, 'siku chache zilizopita'],
  ]),
};

function phrases(list: [RelativePhrase, string][]): ReadonlyMap<string, RelativePhrase> {
  const m = new Map<string, RelativePhrase>();
  for (const [r, ws] of list) for (const w of ws.split('|')) m.set(w.split(/\s+/).map(foldPhraseWord).join(' '), r);
  return m;
}

/** A word of a phrase as the tokenizer gives it: "aujourd'hui" is "aujourd ' hui", "ce mois-ci" is "ce mois - ci". */
function foldPhraseWord(w: string): string {
  return foldWord(w).replace(/(['’-])/g, ' $1 ').replace(/\s+/g, ' ').trim();
}

/** The longest relative phrase, in tokens. */
export const RELATIVE_MAX_TOKENS = 7;

/** Seasons (northern hemisphere): 1 spring, 2 summer, 3 autumn, 4 winter, in every language read. */
export const SEASONS: ReadonlyMap<string, 1 | 2 | 3 | 4> = new Map(
  (
    [
      [1, 'spring|frühling|frühjahr|primavera|printemps|ilkbahar|bahar|άνοιξη|ανοιξη|الربيع|wiosna|wiosną|wiosny|tavasz|tavaszán|masika'],
      [2, 'summer|sommer|verano|estate|été|yaz|yazın|καλοκαίρι|καλοκαιρι|الصيف|lato|latem|nyár|nyáron|kiangazi'],
      [3, 'autumn|fall|herbst|otoño|autunno|automne|sonbahar|güz|φθινόπωρο|φθινοπωρο|الخريف|jesień|jesienią|ősz|ősszel|vuli'],
      [4, 'winter|invierno|inverno|hiver|kış|kışın|χειμώνας|χειμωνας|χειμώνα|الشتاء|zima|zimą|tél|télen'],
    ] as const
  ).flatMap(([n, words]) => words.split('|').map((w) => [foldWord(w), n] as [string, 1 | 2 | 3 | 4])),
);

/** Words that date nothing ("recently"): a date expression that places nothing. */
export const VAGUE: ReadonlySet<string> = new Set(
  ['recently', 'lately', 'kürzlich', 'neulich', 'vor kurzem', 'recientemente', 'recién', 'di recente', 'recentemente', 'récemment', 'dernièrement', 'geçenlerde', 'son zamanlarda', 'yakın zamanda', 'πρόσφατα', 'مؤخرا', 'مؤخراً', 'niedawno', 'ostatnio', 'nemrég', 'nemrégiben', 'hivi karibuni', 'hivi majuzi', 'hivi punde'].map((w) => w.split(/\s+/).map(foldPhraseWord).join(' ')),
);

/** Words for years, months, weeks and days in "N years ago" and its kin. */
export const AGO_UNITS: ReadonlyMap<string, 'year' | 'month' | 'week' | 'day'> = new Map(
  (
    [
      ['year', 'year|years|yr|yrs|jahr|jahre|jahren|año|años|anno|anni|an|ans|année|années|yıl|sene|χρόνο|χρόνια|έτος|έτη|عام|اعوام|سنه|سنوات|سنين|rok|lata|lat|év|éve|évvel|éven|mwaka|miaka'],
      ['month', 'month|months|monat|monate|monaten|mes|meses|mese|mesi|mois|ay|μήνα|μήνες|شهر|اشهر|شهور|miesiąc|miesiące|miesięcy|hónap|hónapja|hónappal|mwezi|miezi'],
      ['week', 'week|weeks|woche|wochen|semana|semanas|settimana|settimane|semaine|semaines|hafta|εβδομάδα|εβδομάδες|اسبوع|اسابيع|tydzień|tygodnie|tygodni|hét|hete|héttel|wiki'],
      ['day', 'day|days|tag|tage|tagen|día|días|giorno|giorni|jour|jours|gün|ημέρα|ημέρες|μέρα|μέρες|يوم|ايام|dzień|dni|nap|napja|nappal|siku'],
    ] as ['year' | 'month' | 'week' | 'day', string][]
  ).flatMap(([u, ws]) => ws.split('|').map((w) => [foldWord(w), u] as [string, 'year' | 'month' | 'week' | 'day'])),
);
/** Arabic duals: "عامين" (two years), "شهرين", "أسبوعين", "يومين". */
export const AGO_DUALS: ReadonlyMap<string, 'year' | 'month' | 'week' | 'day'> = new Map(
  (
    [
      ['year', 'عامين|سنتين|عامان|سنتان'],
      ['month', 'شهرين|شهران'],
      ['week', 'اسبوعين|اسبوعان'],
      ['day', 'يومين|يومان'],
    ] as ['year' | 'month' | 'week' | 'day', string][]
  ).flatMap(([u, ws]) => ws.split('|').map((w) => [foldWord(w), u] as [string, 'year' | 'month' | 'week' | 'day'])),
);
/** "ago" after the unit ("two years ago", "due anni fa", "iki yıl önce", "dwa lata temu", "két évvel ezelőtt", "miaka miwili iliyopita"). */
export const AGO_AFTER = new Set(['ago', 'fa', 'önce', 'evvel', 'temu', 'ezelőtt', 'iliyopita', 'zilizopita', 'uliopita'].map(foldWord));
/** "ago" before the number ("vor zwei Jahren", "hace dos años", "il y a deux ans", "πριν από δύο χρόνια", "قبل عامين"). */
export const AGO_BEFORE = new Set(['vor', 'hace', 'πριν', 'قبل'].map(foldWord));
