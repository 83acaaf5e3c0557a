/**
 * The words of numbers in the languages of the reports (en, de, es, it, fr, tr, el, ar, pl, hu, sw, id,
 * and pt, nl generated from CLDR's spell-out rules, see generated/number-words.ts): cardinals, tens,
 * hundreds, scale words with their inflections and abbreviations, halves, and the words that join the
 * parts of a number. Pure data and lookups, no IO.
 *
 * Words are looked up lower-cased, without Arabic diacritics. Compounds written as one word
 * ("fünfundzwanzig", "duecentocinquanta", "háromszázötven", "quattrocentomila") are split into known
 * parts; Turkish suffixes ("milyonu", "kilogramdan") and Arabic clitics ("و", a final tanween alif)
 * are taken off.
 */
import { GENERATED_NUMBER_WORDS } from './generated/number-words';

/** What a word contributes to a number. */
export type WordValue =
  /** A count to add: "five", "twenty", "διακόσια" (200). */
  | { kind: 'add'; n: number }
  /** "hundred": multiplies what precedes it (or 1). */
  | { kind: 'hundred' }
  /** "dozen". */
  | { kind: 'dozen' }
  /** A scale word (thousand, million, billion and their forms): multiplies what precedes it. */
  | { kind: 'scale'; n: number }
  /** A scale word with its multiplier in it: Arabic duals "ألفان" (2,000), "مليونان". */
  | { kind: 'scaled'; n: number }
  /** A number with a half in it: "másfél" (1.5), "anderthalb", "half" (0.5). */
  | { kind: 'half'; n: number };

type Lexicon = ReadonlyMap<string, WordValue>;

const add = (n: number): WordValue => ({ kind: 'add', n });
const scale = (n: number): WordValue => ({ kind: 'scale', n });

function lexicon(entries: Record<string, WordValue | number>): Lexicon {
  const m = new Map<string, WordValue>();
  for (const [k, v] of Object.entries(entries)) for (const w of k.split('|')) m.set(w, typeof v === 'number' ? add(v) : v);
  return m;
}

const HUNDRED: WordValue = { kind: 'hundred' };
const THOUSAND = scale(1e3);
const MILLION = scale(1e6);
const BILLION = scale(1e9);

const EN = lexicon({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
  hundred: HUNDRED, dozen: { kind: 'dozen' }, thousand: THOUSAND, million: MILLION, 'billion|bn': BILLION,
  'mln|mn': MILLION,
});

const DE = lexicon({
  'null': 0, 'ein|eine|einen|einem|einer|eines|eins': 1, zwei: 2, drei: 3, vier: 4, 'fünf|fuenf': 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
  zehn: 10, elf: 11, 'zwölf|zwoelf': 12, dreizehn: 13, vierzehn: 14, 'fünfzehn|fuenfzehn': 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
  zwanzig: 20, 'dreißig|dreissig': 30, vierzig: 40, 'fünfzig|fuenfzig': 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
  hundert: HUNDRED, tausend: THOUSAND, 'million|millionen|mio': MILLION, 'milliarde|milliarden|mrd': BILLION,
  'anderthalb|eineinhalb': { kind: 'half', n: 1.5 }, 'halb|halbe|halben|halber': { kind: 'half', n: 0.5 },
});

const ES = lexicon({
  cero: 0, 'un|uno|una': 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, 'dieciséis|dieciseis': 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
  veinte: 20, 'veintiuno|veintiuna|veintiún': 21, 'veintidós|veintidos': 22, 'veintitrés|veintitres': 23, veinticuatro: 24, veinticinco: 25,
  'veintiséis|veintiseis': 26, veintisiete: 27, veintiocho: 28, veintinueve: 29,
  treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
  'cien|ciento': HUNDRED, 'doscientos|doscientas': 200, 'trescientos|trescientas': 300, 'cuatrocientos|cuatrocientas': 400,
  'quinientos|quinientas': 500, 'seiscientos|seiscientas': 600, 'setecientos|setecientas': 700, 'ochocientos|ochocientas': 800,
  'novecientos|novecientas': 900, mil: THOUSAND, 'millón|millon|millones': MILLION, 'mil millones|millardo|millardos': BILLION,
  'medio|media': { kind: 'half', n: 0.5 },
});

const IT = lexicon({
  zero: 0, 'un|uno|una': 1, due: 2, 'tre|tré': 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10,
  undici: 11, dodici: 12, tredici: 13, quattordici: 14, quindici: 15, sedici: 16, diciassette: 17, diciotto: 18, diciannove: 19,
  venti: 20, trenta: 30, quaranta: 40, cinquanta: 50, sessanta: 60, settanta: 70, ottanta: 80, novanta: 90,
  // Elided tens of compounds: "ventuno", "trentotto".
  vent: 20, trent: 30, quarant: 40, cinquant: 50, sessant: 60, settant: 70, ottant: 80, novant: 90,
  cento: HUNDRED, 'mille|mila': THOUSAND, 'milione|milioni|mln': MILLION, 'miliardo|miliardi|mld': BILLION,
  'mezzo|mezza': { kind: 'half', n: 0.5 },
});

const FR = lexicon({
  'zéro|zero': 0, 'un|une': 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  'vingt|vingts': 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, 'quatre-vingt|quatre-vingts': 80,
  'cent|cents': HUNDRED, mille: THOUSAND, 'million|millions': MILLION, 'milliard|milliards|mds': BILLION,
  'demi|demie': { kind: 'half', n: 0.5 },
});

const TR = lexicon({
  'sıfır': 0, bir: 1, iki: 2, 'üç': 3, 'dört': 4, 'beş': 5, 'altı': 6, yedi: 7, sekiz: 8, dokuz: 9, on: 10,
  yirmi: 20, otuz: 30, 'kırk': 40, elli: 50, 'altmış': 60, 'yetmiş': 70, seksen: 80, doksan: 90,
  'yüz': HUNDRED, bin: THOUSAND, milyon: MILLION, milyar: BILLION,
  'buçuk': { kind: 'half', n: 0.5 }, 'yarım': { kind: 'half', n: 0.5 },
});

const EL = lexicon({
  'μηδέν': 0, 'ένα|ενα|μία|μια|μιας|ενός|έναν|ένας': 1, 'δύο|δυο': 2, 'τρία|τρεις|τριών': 3, 'τέσσερα|τέσσερις|τεσσάρων': 4,
  'πέντε': 5, 'έξι': 6, 'επτά|εφτά': 7, 'οκτώ|οχτώ': 8, 'εννέα|εννιά': 9, 'δέκα': 10, 'έντεκα': 11, 'δώδεκα': 12,
  'είκοσι': 20, 'τριάντα': 30, 'σαράντα': 40, 'πενήντα': 50, 'εξήντα': 60, 'εβδομήντα': 70, 'ογδόντα': 80, 'ενενήντα': 90,
  'εκατό|εκατόν': 100,
  'διακόσια|διακόσιες|διακόσιοι|διακοσίων': 200, 'τριακόσια|τριακόσιες|τριακόσιοι|τριακοσίων': 300,
  'τετρακόσια|τετρακόσιες|τετρακόσιοι|τετρακοσίων': 400, 'πεντακόσια|πεντακόσιες|πεντακόσιοι|πεντακοσίων': 500,
  'εξακόσια|εξακόσιες|εξακόσιοι|εξακοσίων': 600, 'επτακόσια|επτακόσιες|επτακόσιοι|επτακοσίων': 700,
  'οκτακόσια|οκτακόσιες|οκτακόσιοι|οκτακοσίων': 800, 'εννιακόσια|εννιακόσιες|εννιακόσιοι|εννιακοσίων': 900,
  'χίλια|χίλιες|χίλιοι|χιλίων|χιλιάδες|χιλιάδων|χιλ': THOUSAND,
  'εκατομμύριο|εκατομμύρια|εκατομμυρίων|εκατομμυρίου|εκατ': MILLION,
  'δισεκατομμύριο|δισεκατομμύρια|δισεκατομμυρίων|δισ': BILLION,
  'ενάμισι|ενάμιση|μιάμιση|μιάμισι': { kind: 'half', n: 1.5 }, 'μισό|μισή|μισού': { kind: 'half', n: 0.5 },
});

const PL = lexicon({
  zero: 0, 'jeden|jedna|jedno|jednego|jednej': 1, 'dwa|dwie|dwóch|dwoma|dwu': 2, 'trzy|trzech|trzema': 3, 'cztery|czterech|czterema': 4,
  'pięć|pięciu': 5, 'sześć|sześciu': 6, 'siedem|siedmiu': 7, 'osiem|ośmiu': 8, 'dziewięć|dziewięciu': 9, 'dziesięć|dziesięciu': 10,
  'jedenaście|jedenastu': 11, 'dwanaście|dwunastu': 12, 'trzynaście|trzynastu': 13, 'czternaście|czternastu': 14,
  'piętnaście|piętnastu': 15, 'szesnaście|szesnastu': 16, 'siedemnaście|siedemnastu': 17, 'osiemnaście|osiemnastu': 18,
  'dziewiętnaście|dziewiętnastu': 19, 'dwadzieścia|dwudziestu': 20, 'trzydzieści|trzydziestu': 30, 'czterdzieści|czterdziestu': 40,
  'pięćdziesiąt|pięćdziesięciu': 50, 'sześćdziesiąt|sześćdziesięciu': 60, 'siedemdziesiąt|siedemdziesięciu': 70,
  'osiemdziesiąt|osiemdziesięciu': 80, 'dziewięćdziesiąt|dziewięćdziesięciu': 90,
  'sto|stu': 100, 'dwieście|dwustu': 200, 'trzysta|trzystu': 300, 'czterysta|czterystu': 400, 'pięćset|pięciuset': 500,
  'sześćset|sześciuset': 600, 'siedemset|siedmiuset': 700, 'osiemset|ośmiuset': 800, 'dziewięćset|dziewięciuset': 900,
  'tysiąc|tysiące|tysięcy|tysiąca|tys': THOUSAND, 'milion|miliony|milionów|miliona|mln': MILLION,
  'miliard|miliardy|miliardów|miliarda|mld': BILLION,
  'półtora|półtorej': { kind: 'half', n: 1.5 }, 'pół': { kind: 'half', n: 0.5 },
});

const HU = lexicon({
  nulla: 0, egy: 1, 'kettő|két': 2, 'három': 3, 'négy': 4, 'öt': 5, hat: 6, 'hét': 7, nyolc: 8, kilenc: 9,
  'tíz|tizen': 10, 'húsz|huszon': 20, harminc: 30, negyven: 40, 'ötven': 50, hatvan: 60, hetven: 70, nyolcvan: 80, kilencven: 90,
  'száz': HUNDRED, ezer: THOUSAND, 'millió|milliót|millióra|millióan|mio': MILLION, 'milliárd|milliárdot|mrd': BILLION,
  'másfél': { kind: 'half', n: 1.5 }, 'fél': { kind: 'half', n: 0.5 },
});

const SW = lexicon({
  sifuri: 0, 'moja|mmoja': 1, 'mbili|miwili|wawili': 2, 'tatu|mitatu|watatu': 3, 'nne|minne|wanne': 4, 'tano|mitano|watano': 5, sita: 6, saba: 7, nane: 8, tisa: 9, kumi: 10,
  ishirini: 20, thelathini: 30, arobaini: 40, hamsini: 50, sitini: 60, sabini: 70, themanini: 80, tisini: 90,
  mia: HUNDRED, elfu: THOUSAND, milioni: MILLION, bilioni: BILLION, nusu: { kind: 'half', n: 0.5 },
});

/**
 * Indonesian (and Malay): the units, the hundreds and the scales, enough for "3,2 juta pil", "lima
 * ratus ribu", "seribu". Tens and teens ("dua puluh", "dua belas") multiply or add ten, a form the
 * reader does not build; they are left out rather than misread.
 */
const ID = lexicon({
  nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10, sebelas: 11,
  ratus: HUNDRED, seratus: 100, 'ribu|rb': THOUSAND, seribu: 1000, 'juta|jt': MILLION, sejuta: 1e6, 'miliar|milyar': BILLION,
  triliun: scale(1e12), setengah: { kind: 'half', n: 0.5 },
});

const AR = lexicon({
  'واحد|واحدة|واحده|أحد|احد|إحدى|احدى': 1,
  'اثنان|اثنين|اثنتان|اثنتين|اثنا|اثنتا|إثنان|إثنين': 2,
  'ثلاثة|ثلاثه|ثلاث': 3, 'أربعة|اربعة|أربعه|اربعه|أربع|اربع': 4, 'خمسة|خمسه|خمس': 5, 'ستة|سته|ست': 6, 'سبعة|سبعه|سبع': 7,
  'ثمانية|ثمانيه|ثماني|ثمان': 8, 'تسعة|تسعه|تسع': 9, 'عشرة|عشره|عشر': 10,
  'عشرون|عشرين': 20, 'ثلاثون|ثلاثين': 30, 'أربعون|أربعين|اربعون|اربعين': 40, 'خمسون|خمسين': 50, 'ستون|ستين': 60,
  'سبعون|سبعين': 70, 'ثمانون|ثمانين': 80, 'تسعون|تسعين': 90,
  'مئة|مائة|مئه|مائه': HUNDRED, 'مئتان|مئتين|مائتان|مائتين': 200,
  'ثلاثمئة|ثلاثمائة|ثلاثمئه|ثلاثمائه': 300, 'أربعمئة|أربعمائة|اربعمئة|اربعمائة': 400, 'خمسمئة|خمسمائة': 500, 'ستمئة|ستمائة': 600,
  'سبعمئة|سبعمائة': 700, 'ثمانمئة|ثمانمائة|ثمانيمئة|ثمانيمائة': 800, 'تسعمئة|تسعمائة': 900,
  'ألف|الف|آلاف|الاف|ألوف': THOUSAND, 'ألفان|ألفين|الفان|الفين': { kind: 'scaled', n: 2e3 },
  'مليون|ملايين': MILLION, 'مليونان|مليونين': { kind: 'scaled', n: 2e6 }, 'مليار|مليارات|بليون': BILLION,
  'نصف': { kind: 'half', n: 0.5 },
});

/**
 * A lexicon of the words CLDR spells a language's numbers with (generated/number-words.ts), and the
 * words of halves, which CLDR does not spell out.
 */
function generatedLexicon(lang: string, halves: Record<string, WordValue>): Lexicon {
  const g = GENERATED_NUMBER_WORDS[lang];
  const m = new Map<string, WordValue>();
  for (const [w, n] of Object.entries(g.words)) m.set(w, add(n));
  for (const w of g.hundreds) m.set(w, HUNDRED);
  for (const [w, n] of Object.entries({ ...g.abbreviations, ...g.scales })) m.set(w, scale(n));
  for (const [w, v] of Object.entries(halves)) for (const x of w.split('|')) m.set(x, v);
  return m;
}

const PT = generatedLexicon('pt', { 'meio|meia': { kind: 'half', n: 0.5 } });
const NL = generatedLexicon('nl', { 'anderhalf|anderhalve': { kind: 'half', n: 1.5 }, 'half|halve': { kind: 'half', n: 0.5 } });

const LEXICONS: Readonly<Record<string, Lexicon>> = { en: EN, de: DE, es: ES, it: IT, fr: FR, tr: TR, el: EL, pl: PL, hu: HU, sw: SW, ar: AR, pt: PT, nl: NL, id: ID, ms: ID };

/** The languages whose number words are read. */
export const NUMBER_LANGUAGES = Object.keys(LEXICONS);

/**
 * Languages whose number words are read in a text of `lang`: its own, English (quoted English and
 * calques are everywhere) and Arabic (its script cannot be mistaken). A text of no known language is
 * read in English and Arabic only: short number words of other languages are common words in English
 * ("on" is ten in Turkish, "once" eleven in Spanish).
 */
export function lexiconsFor(lang: string | undefined): Lexicon[] {
  if (!lang || !Object.hasOwn(LEXICONS, lang)) return [EN, AR];
  const out = [LEXICONS[lang]];
  if (lang !== 'en') out.push(EN);
  if (lang !== 'ar') out.push(AR);
  return out;
}

/** Languages that write a number as one word of parts ("fünfundzwanzig", "duecentomila", "háromszáz", "vijfentwintig"). */
const COMPOUNDING: Readonly<Record<string, Lexicon>> = { de: DE, it: IT, hu: HU, el: EL, nl: NL };
/** Parts that join inside a compound, by lexicon: German "und" ("fünfundzwanzig"), Dutch "en", "ën" ("tweeëntwintig"). */
const COMPOUND_JOINERS = new Map<Lexicon, ReadonlySet<string>>([
  [DE, new Set(['und'])],
  [NL, new Set(GENERATED_NUMBER_WORDS.nl.joiners)],
]);

/** Turkish case and possessive suffixes a number or unit word may carry ("milyonu", "bine", "kilogramdan", "milyonluk"). */
const TR_SUFFIX = /^(?:'|’)?(?:[ıiuü]|[yn][ıiuü]|n?[dt][ae]n?|[ae]|y[ae]|l[ıiuü]k|l[ıiuü]|[ıiuü]n|d[ıiuü]r)?$/u;

/** A word without Arabic diacritics and tatweel. */
export function plainArabic(w: string): string {
  return w.replace(/[\u064B-\u0652\u0670\u0640]/g, '');
}

/**
 * Splits a one-word compound into known parts (longest first), or undefined. Words are at most 40
 * letters (longer ones are no numbers), so this is bounded.
 */
function splitCompound(w: string, lex: Lexicon): WordValue[] | undefined {
  if (w.length > 40 || w.length < 4) return undefined;
  const joiners = COMPOUND_JOINERS.get(lex);
  const parts: WordValue[] = [];
  let joined = false;
  let i = 0;
  while (i < w.length) {
    let found: WordValue | 'join' | undefined;
    let len = 0;
    for (let j = Math.min(w.length, i + 16); j > i; j--) {
      const piece = w.slice(i, j);
      const v = lex.get(piece);
      if (v && j - i >= 2) {
        found = v;
        len = j - i;
        break;
      }
      if (joiners?.has(piece)) {
        found = 'join';
        len = j - i;
        break;
      }
    }
    if (!found) return undefined;
    joined = found === 'join';
    if (found !== 'join') parts.push(found);
    i += len;
  }
  // A joiner joins two parts: "tienduizenden" (tens of thousands) ends in a plural, not a number.
  if (joined) return undefined;
  return parts.length > 1 ? parts : undefined;
}

/** The value of a compound's parts: "quattrocentomila" → 400,000; "fünfundzwanzig" → 25. */
function compoundValue(parts: WordValue[]): number | undefined {
  // A half at the end adds a half: "zweieinhalb" (2½, its "ein" the article of the half), "tweeënhalf".
  const last = parts[parts.length - 1];
  if (last.kind === 'half' && last.n === 0.5 && parts.length > 1) {
    let rest = parts.slice(0, -1);
    const a = rest[rest.length - 1];
    if (rest.length > 1 && a.kind === 'add' && a.n === 1) rest = rest.slice(0, -1);
    const whole = compoundValue(rest);
    return whole === undefined ? undefined : whole + 0.5;
  }
  let total = 0;
  let cur = 0;
  for (const p of parts) {
    if (p.kind === 'add') cur += p.n;
    else if (p.kind === 'hundred') cur = (cur || 1) * 100;
    else if (p.kind === 'scale') {
      total += (cur || 1) * p.n;
      cur = 0;
    } else return undefined;
  }
  return total + cur;
}

/** What a word (lower-cased) is worth in one of `lexicons`, with the clitics and suffixes a language adds taken off. */
export function wordValue(word: string, lexicons: readonly Lexicon[], lang: string | undefined): { value: WordValue; conj: boolean } | undefined {
  const w = word.length > 40 ? word : word.normalize('NFC');
  for (const lex of lexicons) {
    const v = lex.get(w);
    if (v) return { value: v, conj: false };
  }
  if (/[\u0600-\u06FF]/.test(w)) return arabicValue(w, lexicons);
  if (lang === 'tr') {
    // Turkish suffixes: "milyonu", "binden", "yüzde" is a percentage and not taken.
    for (let cut = w.length - 1; cut >= Math.max(2, w.length - 5); cut--) {
      const v = TR.get(w.slice(0, cut));
      if (v && TR_SUFFIX.test(w.slice(cut)) && !(v.kind === 'hundred' && w === 'yüzde')) return { value: v, conj: false };
    }
  }
  for (const lex of lexicons) {
    if (!Object.values(COMPOUNDING).includes(lex)) continue;
    const parts = splitCompound(w, lex);
    const n = parts && compoundValue(parts);
    if (n !== undefined && n > 0) {
      // A compound ending in a scale word is worth its whole value: "duemila" adds 2,000; one with a
      // half is a number with a half in it, like "anderthalb".
      return { value: Number.isInteger(n) ? add(n) : { kind: 'half', n }, conj: false };
    }
  }
  return undefined;
}

function arabicValue(raw: string, lexicons: readonly Lexicon[]): { value: WordValue; conj: boolean } | undefined {
  if (!lexicons.includes(AR)) return undefined;
  const w = plainArabic(raw);
  const forms: { form: string; conj: boolean }[] = [{ form: w, conj: false }];
  if (w.length > 2 && w.startsWith('و')) forms.push({ form: w.slice(1), conj: true });
  for (const f of [...forms]) if (f.form.length > 2 && f.form.endsWith('ا')) forms.push({ form: f.form.slice(0, -1), conj: f.conj });
  for (const f of forms) {
    const v = AR.get(f.form);
    if (v) return { value: v, conj: f.conj };
  }
  return undefined;
}

/** Scale words that are a number on their own, without "one" before them ("bin 300", "ألف حبة", "mil kilos", "elfu"). */
export function bareScaleIsNumber(word: string, lang: string | undefined): boolean {
  return BARE_SCALES.has(word) || /[\u0600-\u06FF]/.test(word) || (lang === 'sw' && SW.has(word));
}
const BARE_SCALES = new Set([
  ...['bin', 'mil', 'mille', 'χίλια', 'χίλιες', 'χίλιοι', 'ezer', 'tysiąc', 'elfu', 'mia', 'hundert', 'tausend', 'cien', 'ciento', 'cento', 'cent', 'yüz', 'száz', 'sto'],
  ...Object.values(GENERATED_NUMBER_WORDS).flatMap((g) => g.bare),
]);

/** Words joining two parts of one number: "two hundred and fifty", "treinta y dos", "58 million and 25 thousand". */
export const NUMBER_JOINERS = new Set(['and', 'und', 'y', 'e', 'et', 've', 'و', 'i', 'és', 'na', 'και']);
