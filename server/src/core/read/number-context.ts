/**
 * The words around a number that say what it is, in the languages of the reports: its unit ("kilos",
 * "Tonnen", "τόνων", "أطنان", Swahili "kilo 610" before it), the hedge before or after it ("more
 * than", "rund", "casi", "πάνω από", "أكثر من", Turkish "…den fazla") and what a bare number counts
 * (pills, packages, persons, an age, money). Pure data and lookups, no IO.
 */
import { plainArabic } from './number-words';

/** A unit a number in the text carries: a mass unit of `KG_PER_UNIT` or a volume unit of `L_PER_UNIT`. */
export type TextUnit = 't' | 'short_ton' | 'kg' | 'g' | 'mg' | 'lb' | 'l' | 'ml';

export type QualifierKind = 'about' | 'more_than' | 'at_least' | 'nearly' | 'less_than' | 'up_to';

export type CountOf = 'pills' | 'packages' | 'persons' | 'age' | 'money' | 'other';

// ---------------------------------------------------------------------------------------------
// Units

/** English tons: metric or short; every other language's ton words are metric. */
const TON_EN: TextUnit[] = ['t', 'short_ton'];

const UNIT_WORDS = new Map<string, TextUnit[]>();
function units(words: string, u: TextUnit[]) {
  for (const w of words.split('|')) UNIT_WORDS.set(w, u);
}
units('kg|kgs|kilo|kilos|kilogram|kilograms|kilogramme|kilogrammes|kilogramm|kilogramms|kilogramo|kilogramos|chilogrammo|chilogrammi|chilo|chili|kilogramme|kilogrammes|κιλά|κιλών|κιλό|κιλα|κιλων|κιλο|κ.γ|kilogramów|kilogramy|kilograma|kilogramach|kiló|kilót|kilogramm|kilogrammot|kilogrammal', ['kg']);
units('quilo|quilos|quilograma|quilogramas', ['kg']);
units('t|tonnes|tonne|tonnen|tonelada|toneladas|tonnellata|tonnellate|τόνοι|τόνων|τόνους|τόνο|τόνος|τόνου|τον|tonna|tonnát|tonnányi|tony|tonę|tonami|tani|metric-ton|metric-tons|metric-tonne|metric-tonnes', ['t']);
units('ton|tons', TON_EN);
units('short-ton|short-tons', ['short_ton']);
units('g|gr|gram|grams|grama|gramas|gramme|grammes|gramm|gramms|gramo|gramos|grammo|grammi|γραμμάρια|γραμμαρίων|γρ|gramów|gramy|gramu|grammot|gramu|gramu', ['g']);
units('mg|milligram|milligrams|milligramme|milligrammes|milligramm|miligramos|milligrammi|miligramów', ['mg']);
units('lb|lbs|pound|pounds|pauni|libra|libras', ['lb']);
units('l|litre|litres|liter|liters|litro|litros|litri|λίτρα|λίτρων|litrów|litry|litr|lita', ['l']);
units('ml|millilitre|millilitres|milliliter|milliliters', ['ml']);

/** Single letters that are units only right after digits ("5 t", "20 g", "3 l"), never after number words. */
const LETTER_UNITS = new Set(['t', 'g', 'l']);

/** Arabic unit stems and the endings they may carry ("كيلوغراماً", "طنا", "أطنان"). */
const AR_UNITS: [string, TextUnit[]][] = [
  ['كيلوغرام', ['kg']], ['كيلوجرام', ['kg']], ['كيلو', ['kg']], ['كلغ', ['kg']], ['كغم', ['kg']], ['كغ', ['kg']], ['كجم', ['kg']],
  ['أطنان', ['t']], ['اطنان', ['t']], ['طن', ['t']],
  ['مليغرام', ['mg']], ['ملغ', ['mg']],
  ['غرامات', ['g']], ['غرام', ['g']], ['جرام', ['g']],
  ['لترات', ['l']], ['لتر', ['l']],
];
const AR_ENDINGS = new Set(['', 'ا', 'ات', 'ان', 'ين']);

/** Swahili unit words written before the number: "kilo 610", "pauni 1,345", "tani 5". */
export const UNIT_BEFORE: ReadonlyMap<string, TextUnit[]> = new Map<string, TextUnit[]>([
  ['kilo', ['kg']], ['kilogramu', ['kg']], ['tani', ['t']], ['gramu', ['g']], ['pauni', ['lb']], ['lita', ['l']],
]);
/** Languages that write a unit before the number. */
export const UNIT_BEFORE_LANGUAGES = new Set(['sw']);

/** Turkish suffixes a unit may carry ("kilogramdan", "tonluk", "kiloluk"). */
const TR_UNIT_SUFFIX = /^(?:'|’)?(?:[ıiuü]|[yn][ıiuü]|n?[dt][ae]n?|[ae]|y[ae]|l[ıiuü]k|l[ıiuü])$/u;

/**
 * The quintal, a hundred kilograms: "sept (7) quintaux et un kilogramme", "4 quintali", "kental",
 * "mázsa". Spanish "quintal" is also a hundred pounds (the Spanish and Central American quintal), and
 * is read both ways; Portuguese "quintal" is a backyard and is not read.
 */
const QUINTALS = new Map<string, TextUnit[]>();
for (const w of 'quintal|quintals|quintaux|quintales|quintale|quintali|kwintal|kwintale|kwintali|kwintala|kental|mázsa|mázsát|mázsányi'.split('|')) QUINTALS.set(w, ['kg']);
const QUINTAL_LANGUAGES_NOT = new Set(['pt']);
const QUINTAL_BOTH = new Set(['es']);

/** A unit word: the units it names, and how many of them one of it is (100 for a quintal of 100 kg). */
export interface UnitWord {
  units: TextUnit[];
  factor: number;
}

/**
 * The units a word (lower-cased) names, or undefined. `afterDigits`: the number before it was
 * written in digits. `lang`: "ton" is metric except in English or a text of no known language.
 */
export function unitOf(word: string, lang: string | undefined, afterDigits: boolean): TextUnit[] | undefined {
  return unitWord(word, lang, afterDigits)?.units;
}

/** The unit a word (lower-cased) names, with its factor; see `unitOf`. */
export function unitWord(word: string, lang: string | undefined, afterDigits: boolean): UnitWord | undefined {
  const q = quintal(word, lang);
  if (q) return q;
  const units = baseUnitOf(word, lang, afterDigits);
  return units && { units, factor: 1 };
}

function quintal(word: string, lang: string | undefined): UnitWord | undefined {
  if (lang && QUINTAL_LANGUAGES_NOT.has(lang)) return undefined;
  let u = QUINTALS.get(word);
  if (!u && lang === 'tr' && word.startsWith('kental') && TR_UNIT_SUFFIX.test(word.slice(6))) u = QUINTALS.get('kental');
  if (!u) return undefined;
  return { units: lang && QUINTAL_BOTH.has(lang) ? ['kg', 'lb'] : u, factor: 100 };
}

function baseUnitOf(word: string, lang: string | undefined, afterDigits: boolean): TextUnit[] | undefined {
  if (LETTER_UNITS.has(word) && !afterDigits) return undefined;
  let u = UNIT_WORDS.get(word);
  if (!u && /[\u0600-\u06FF]/.test(word)) u = arabicUnit(word);
  if (!u && lang === 'tr') {
    for (let cut = word.length - 1; cut >= Math.max(1, word.length - 4) && !u; cut--) {
      const stem = UNIT_WORDS.get(word.slice(0, cut));
      if (stem && TR_UNIT_SUFFIX.test(word.slice(cut))) u = stem;
    }
  }
  if (u === TON_EN && lang && lang !== 'en') return ['t'];
  return u;
}

/**
 * Arabic unit nouns that carry their number: the singular is one of the unit ("طنا و908 كيلو جرامات",
 * a ton and 908 kg), the dual two ("طنين", "كيلوغرامان"), as English "a ton" is one. Only the bare
 * indefinite noun: "الطن" is the ton as a measure, and a letter before the noun may make another word
 * ("وطن" is a homeland). Stems of mass units only; abbreviations ("كغ") never stand alone.
 */
const AR_UNIT_NOUNS: [string, TextUnit][] = [['كيلوغرام', 'kg'], ['كيلوجرام', 'kg'], ['كيلو', 'kg'], ['طن', 't'], ['غرام', 'g'], ['جرام', 'g']];

/** The unit an Arabic noun names and the number it carries (1 or 2), or undefined. */
export function arabicUnitNoun(raw: string): { units: TextUnit[]; count: 1 | 2 } | undefined {
  const w = plainArabic(raw);
  for (const [stem, u] of AR_UNIT_NOUNS) {
    if (!w.startsWith(stem)) continue;
    const ending = w.slice(stem.length);
    if (ending === '' || ending === 'ا') return { units: [u], count: 1 };
    if (ending === 'ان' || ending === 'ين') return { units: [u], count: 2 };
  }
  return undefined;
}

function arabicUnit(raw: string): TextUnit[] | undefined {
  let w = plainArabic(raw);
  // A preposition or conjunction stuck to the unit: "بالكيلوغرام", "و…"; the article.
  w = w.replace(/^[وفب]?(?:ال)?/, '');
  for (const [stem, u] of AR_UNITS) if (w.startsWith(stem) && AR_ENDINGS.has(w.slice(stem.length))) return u;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Qualifiers

/**
 * Hedges written right before a number, as lower-cased words separated by single spaces, with the
 * kind of bound they put on it.
 */
const BEFORE = new Map<string, QualifierKind>();
function hedge(kind: QualifierKind, phrases: string) {
  for (const p of phrases.split('|')) BEFORE.set(p, kind);
}
// English
hedge('about', 'about|around|approximately|approx|some|roughly|an estimated|estimated|circa|ca|an approximate|approximate');
hedge('more_than', 'more than|over|above|in excess of|upwards of|greater than|just over|well over|exceeding|higher than');
hedge('at_least', 'at least|no fewer than|no less than|a minimum of');
hedge('nearly', 'nearly|almost|close to|just under|just short of|nearly a|almost a');
hedge('less_than', 'less than|fewer than|under|below');
hedge('up_to', 'up to');
// German
hedge('about', 'rund|etwa|ungefähr|circa|zirka|schätzungsweise');
hedge('more_than', 'mehr als|über|knapp über|weit über');
hedge('at_least', 'mindestens|wenigstens');
hedge('nearly', 'fast|knapp|beinahe|annähernd|nahezu');
hedge('more_than', 'gut');
hedge('less_than', 'weniger als|unter');
hedge('up_to', 'bis zu');
// Spanish
hedge('about', 'unos|unas|alrededor de|aproximadamente|en torno a|cerca de unos|aprox|aproximado de|aproximada de');
hedge('more_than', 'más de|mas de|superior a|por encima de');
hedge('at_least', 'al menos|por lo menos|como mínimo');
hedge('nearly', 'casi|cerca de|prácticamente');
hedge('less_than', 'menos de');
hedge('up_to', 'hasta');
// Italian
hedge('about', 'circa|intorno a|intorno ai|attorno a|all\'incirca');
hedge('more_than', 'oltre|più di|piu di|poco più di|ben oltre|oltre a');
hedge('at_least', 'almeno');
hedge('nearly', 'quasi|poco meno di|pressoché');
hedge('less_than', 'meno di');
hedge('up_to', 'fino a');
// Greek
hedge('about', 'περίπου|γύρω στα|γύρω στους|γύρω στις');
hedge('more_than', 'πάνω από|περισσότερα από|περισσότερους από|περισσότερες από|περισσότερο από|άνω των|άνω του|πλέον των');
hedge('at_least', 'τουλάχιστον');
hedge('nearly', 'σχεδόν|σχεδόν τα|κοντά στα|κοντά στους');
hedge('less_than', 'λιγότερα από|λιγότερους από|λιγότερο από|κάτω από');
hedge('up_to', 'έως|μέχρι');
// French
hedge('about', 'environ|quelque|quelques|près d\'un|autour de|approximativement');
hedge('more_than', 'plus de|au-delà de|plus d\'');
hedge('at_least', 'au moins');
hedge('nearly', 'près de|presque|quasiment|pas loin de');
hedge('less_than', 'moins de');
hedge('up_to', 'jusqu\'à');
// Arabic (after the letters that vary are folded, see `foldArabicPhrase`)
hedge('about', 'حوالي|حوالى|نحو|زهاء|ما يقارب|يقارب|ما يناهز|يناهز|تقريبا');
hedge('more_than', 'اكثر من|ما يزيد عن|ما يزيد على|يزيد عن|يزيد على|ما يربو على|يربو على|ازيد من|اكثر من حوالي');
hedge('at_least', 'ما لا يقل عن|لا يقل عن');
hedge('nearly', 'ما يقرب من|يقرب من|قرابه');
hedge('less_than', 'اقل من');
hedge('up_to', 'حتى');
// Portuguese ("cerca de" is "about" there, "nearly" in Spanish: see OWN_HEDGES)
hedge('about', 'aproximadamente|por volta de|em torno de|cerca de uns|cerca de umas');
hedge('more_than', 'mais de|acima de|superior a');
hedge('at_least', 'pelo menos|no mínimo');
hedge('nearly', 'quase|perto de');
hedge('up_to', 'até');
// Dutch
hedge('about', 'ongeveer|zo\'n|omstreeks|rond de|circa');
hedge('more_than', 'meer dan|ruim|bijna ruim|ruim over');
hedge('at_least', 'minstens|ten minste|tenminste|minimaal');
hedge('nearly', 'bijna|nagenoeg|vrijwel|haast');
hedge('less_than', 'minder dan');
hedge('up_to', 'tot wel|tot maximaal|maximaal');
// Turkish
hedge('about', 'yaklaşık|tahminen|takriben|ortalama');
hedge('at_least', 'en az');
hedge('nearly', 'neredeyse|yaklaşık olarak');
// Polish
hedge('about', 'około|ok|mniej więcej');
hedge('more_than', 'ponad|przeszło|powyżej|więcej niż');
hedge('at_least', 'co najmniej|przynajmniej');
hedge('nearly', 'prawie|niemal|niemal że|blisko');
hedge('less_than', 'mniej niż|poniżej');
hedge('up_to', 'do');
// Hungarian
hedge('about', 'mintegy|körülbelül|kb|nagyjából|hozzávetőleg|megközelítőleg');
hedge('more_than', 'több mint|több, mint|több mint egy|mintegy több mint');
hedge('at_least', 'legalább');
hedge('nearly', 'csaknem|majdnem|közel|szinte');
hedge('less_than', 'kevesebb mint|kevesebb, mint');
hedge('up_to', 'akár');
// Swahili
hedge('about', 'takriban|takribani|kiasi cha|kama');
hedge('more_than', 'zaidi ya');
hedge('at_least', 'angalau|si chini ya');
hedge('nearly', 'karibu|karibu na');
hedge('less_than', 'chini ya');
hedge('up_to', 'hadi');

/** Polish "do", Spanish "hasta", Arabic "حتى", Greek "έως", Hungarian "akár": too common to be read in any other language. */
const LANGUAGE_ONLY: Readonly<Record<string, string>> = { do: 'pl', hasta: 'es', حتي: 'ar', 'έως': 'el', 'μέχρι': 'el', 'akár': 'hu', gut: 'de', unter: 'de', kama: 'sw', karibu: 'sw', hadi: 'sw', 'até': 'pt', ruim: 'nl', haast: 'nl', maximaal: 'nl' };

/** Hedges that mean another bound in one language than in the others: Portuguese "cerca de" is about (Spanish: nearly). */
const OWN_HEDGES: Readonly<Record<string, ReadonlyMap<string, QualifierKind>>> = {
  pt: new Map<string, QualifierKind>([['cerca de', 'about']]),
};

/** Folds Arabic letters that vary in spelling (hamza forms, taa marbuta, alef maqsura) and drops diacritics. */
export function foldArabicPhrase(s: string): string {
  return plainArabic(s).replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
}

/** The longest hedge phrase, in words. */
export const HEDGE_MAX_WORDS = 4;

/** The first word of every hedge phrase (folded like the phrases it is compared with). */
const FIRST_WORDS = new Set<string>();
for (const p of BEFORE.keys()) {
  const w = /[\p{L}\p{M}\u0640]+/u.exec(p);
  if (w) FIRST_WORDS.add(w[0]);
}

/**
 * Whether a hedge phrase may start with `word` (a lower-cased word of the text): most words start
 * none, and a reader need not build the phrases that start with them.
 */
export function hedgeMayStartWith(word: string): boolean {
  return FIRST_WORDS.has(/[\u0600-\u06FF]/.test(word) ? foldArabicPhrase(word) : word);
}

/** The hedge that `phrase` (lower-cased words, single spaces) is, in a text of `lang`. */
export function hedgeBefore(phrase: string, lang: string | undefined): QualifierKind | undefined {
  const p = /[\u0600-\u06FF]/.test(phrase) ? foldArabicPhrase(phrase) : phrase;
  const own = lang && Object.hasOwn(OWN_HEDGES, lang) ? OWN_HEDGES[lang].get(p) : undefined;
  if (own) return own;
  const kind = BEFORE.get(p);
  if (!kind) return undefined;
  const only = Object.hasOwn(LANGUAGE_ONLY, p) ? LANGUAGE_ONLY[p] : undefined;
  if (only && only !== lang) return undefined;
  return kind;
}

/**
 * Hedges written after the number (and its unit and noun): Turkish "100 kilogramdan fazla", "1 milyonu
 * aşkın", "100 kilo civarında", "100'e yakın"; Arabic "تقريبا". The word and its kind.
 */
const AFTER: ReadonlyMap<string, QualifierKind> = new Map<string, QualifierKind>([
  ['fazla', 'more_than'], ['aşkın', 'more_than'], ['üzerinde', 'more_than'], ['üstünde', 'more_than'],
  ['civarında', 'about'], ['kadar', 'about'], ['yakın', 'nearly'],
  ['تقريبا', 'about'],
]);
/** Languages whose hedges may follow the number. */
const AFTER_LANGUAGES = new Set(['tr', 'ar']);

export function hedgeAfter(word: string, lang: string | undefined): QualifierKind | undefined {
  if (!lang || !AFTER_LANGUAGES.has(lang)) return undefined;
  return AFTER.get(/[\u0600-\u06FF]/.test(word) ? foldArabicPhrase(word) : word);
}

// ---------------------------------------------------------------------------------------------
// What a bare number counts

/** Words (lower-cased) naming what is counted, by their stems where the language inflects. */
const COUNTED: [CountOf, RegExp][] = [
  [
    'pills',
    /^(?:pills?|tablets?|capsules?|pilules?|captagon|kaptagon|ecstasy|tabletten?|pillen?|captagon-tabletten|pastillas?|tabletas?|comprimidos?|pílulas?|pilulas?|pastilhas?|comprimés?|comprimes?|compresse|compressa|pillole|pillola|pasticche|pasticca|χάπια|χαπιών|χάπι|δισκία|δισκίων|hap|hapı|haplar|hapları|tablet|tabletek|tabletki|pigułek|pigułki|tabletta|tablettát|tabletták|vidonge|حبه|حبات|حبوب|قرص|اقراص|كبتاغون|كبتاجون)$/u,
  ],
  [
    'packages',
    /^(?:packages?|packets?|parcels?|packs?|bundles?|bales?|bricks?|blocks?|sacks?|pakete?n?|päckchen|paquetes?|fardos?|bultos?|ladrillos?|pacchi|pacco|panetti|sacchi|pacotes?|tijolos?|embalagens|balen|baal|pakketten|pakketjes|blokken|δέματα|πακέτα|πακέτων|paket|paketi|paketler|paczek|paczki|csomag|csomagot|vifurushi|طرود|طرد|رزم|رزمه|عبوات|اكياس)$/u,
  ],
  [
    'persons',
    /^(?:people|persons?|suspects?|individuals?|men|women|smugglers?|dealers?|traffickers?|members?|crew|nationals|citizens|arrests?|detainees?|personen|tatverdächtige[nr]?|staatsangehörige[nr]?|verdächtige[nr]?|männer|festnahmen|personas|detenidos|sospechosos|hombres|persone|arrestati|indagati|uomini|pessoas|suspeitos|homens|detidos|presos|verdachten|mannen|άτομα|ατόμων|μέλη|μελών|ύποπτοι|υπόπτων|συλλήψεις|personnes|hommes|kişi|kişiyi|şüpheli|şüpheliyi|şahıs|zanlı|osób|osoby|podejrzanych|mężczyzn|személy|személyt|férfi|gyanúsított|watu|washukiwa|اشخاص|شخص|شخصا|متهما|متهمين|مهربين|موقوفين|مشتبه)$/u,
  ],
];

/** Currency words after a number (stems; Turkish and Hungarian suffixes allowed). */
const MONEY_AFTER =
  /^(?:euros?|euro|eur|euró\p{L}*|ευρώ|dollars?|dollar|doları|dolar|usd|dirhams?|dh|aed|dinars?|kd|riyals?|sar|pounds? sterling|lira|liras|lire|tl|reais|shilingi|forint\p{L}*|złotych|zł|lei|ron|pesetas|يورو|دولار|درهم|دراهم|دينار|ريال|ليره|جنيه)$/u;
/** Currency signs and codes right before a number ("$7,000", "Dh58 million", "EUR 60 million", "US$15.8 million"). */
const MONEY_BEFORE = /^(?:[$€£₺¥]|us\$|usd|eur|aed|dh|dhs|kd|sar|tl|sr|jd|ل\.ل|د\.ك)$/u;

export function currencyBefore(token: string): boolean {
  return MONEY_BEFORE.test(token);
}

export function currencyAfter(word: string): boolean {
  return MONEY_AFTER.test(/[\u0600-\u06FF]/.test(word) ? foldArabicPhrase(word).replace(/^(?:ال|بال|وال)/, '') : word);
}

/** The category a counted word (lower-cased) names, if it names one. */
export function countedBy(word: string): CountOf | undefined {
  const w = /[\u0600-\u06FF]/.test(word) ? foldArabicPhrase(word).replace(/^(?:ال|وال|بال)/, '') : word;
  for (const [kind, re] of COUNTED) if (re.test(w)) return kind;
  return undefined;
}

/** Words after a number that make it an age: "28-year-old", "years old", "yaşındaki", "Jahre alt", "años", "éves", "ετών". */
export const AGE_AFTER =
  /^(?:year-old|years-old|yr-old|yaşındaki|yaşında|jahre|jahren|jährige[nr]?|años|anos|anni|ans|jaar|ετών|χρονών|χρονος|χρονη|lat|letni|letnia|éves|évest|عاما|عام|سنه)$/u;
/** Words before a number that make it an age: "aged 44", "im Alter von", "de edad", "miaka", "يبلغ من العمر". */
export const AGE_BEFORE = /^(?:aged|age|alter|edad|età|ηλικίας|wieku|miaka|العمر|عمره|عمر)$/u;
