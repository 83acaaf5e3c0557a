/**
 * Where an article places the seizure: the country names, the adjectives of nationality beside the
 * words for authorities ("Saudi customs", "die libanesischen Behörden", "الجمارك السعودية"), the
 * national agencies it names ("Guardia Civil", "Zollfahndung", "DIICOT"), the provinces and the
 * ports, crossings and cities of the trade (the place readers the rules use). Each piece of evidence
 * says what is around it: a place the drugs came from or were going to ("from Lebanon", "bound for
 * Saudi Arabia", "Suriye'den", "origen en Guatemala") does not place the seizure, nor does a dateline
 * ("DUBAI:"), a nationality ("a Syrian national"), a strait, a currency ("Amerikan Doları") or a
 * partner ("in co-operation with the Syrian Directorate"). Pure functions.
 */
import { type Subdivision, findAdmin1Anywhere, findTown } from '../read/places';
import { countryNameIndex } from '../read/country-names';
import { foldWord } from '../read/date-vocabulary';
import { CURRENCIES, PLACE_BEFORE, ROUTE_BEFORE } from './lexicon';
import type { Word } from './text';

export interface PlaceEvidence {
  country: string;
  /** The subdivision named (or the one a town lies in). */
  admin1?: Subdivision;
  /** A town of the trade, when one is named. */
  town?: string;
  kind: 'name' | 'adjective' | 'authority' | 'agency' | 'province' | 'town';
  /** The words, as written. */
  text: string;
  start: number;
  end: number;
  /** Word index of the first and last word. */
  first: number;
  last: number;
  /** Where the drugs came from or went ("from Lebanon", "destined for Saudi Arabia"). */
  route: boolean;
  /** After a word that places something there: "in Damascus", "at Beirut port", "στην". */
  located: boolean;
  /** A nationality of people ("a Syrian national"), not a place. */
  nationality: boolean;
  /** A partner of the operation ("in co-operation with the Syrian Directorate"). */
  partner: boolean;
  /** The dateline of the article ("DUBAI:", "BEIRUT –"): where it was written. */
  dateline: boolean;
  /** A country named as the other side of a border ("near the Kuwaiti border", "the border with Turkey", "between Syria and Iraq"): either side. */
  border: boolean;
  /** In words about another seizure ("in another raid in Zahleh"): it places that one. */
  otherSeizure?: boolean;
}

/**
 * Adjectives of nationality, as the folded beginnings of the words in the languages of the reports:
 * "saudi" reads "Saudi", "saudischen"; "libanes" reads "libanesi", "libanesischen"… Only for the
 * countries of the trade and of its routes; every beginning has four letters or more.
 */
const ADJECTIVES: Record<string, string[]> = {
  SA: ['saudi', 'saudí', 'saudit', 'saoudi', 'suudi', 'saudyjsk', 'szaúdi', 'σαουδαραβ', 'σαουδικ', 'سعودي', 'سعوديه'],
  LB: ['lebanes', 'libanes', 'libanés', 'libanais', 'lübnanlı', 'libańsk', 'libanoni', 'λιβανεζ', 'λιβανικ', 'لبناني', 'لبنانيه'],
  SY: ['syrian', 'syrisch', 'sirian', 'sirio', 'syrien', 'suriyeli', 'syryjsk', 'szíriai', 'συριακ', 'σύρι', 'سوري', 'سوريه'],
  IQ: ['iraqi', 'irakisch', 'iraquí', 'iracheno', 'irachen', 'irakien', 'iraklı', 'iracki', 'iraki', 'ιρακιν', 'عراقي', 'عراقيه'],
  JO: ['jordanian', 'jordanisch', 'jordano', 'giordan', 'jordanien', 'ürdünlü', 'jordańsk', 'jordániai', 'ιορδαν', 'اردني', 'اردنيه'],
  TR: ['turkish', 'türkisch', 'turco', 'turca', 'turque', 'türk', 'tureck', 'török', 'τουρκικ', 'تركي', 'تركيه'],
  AE: ['emirati', 'emiratisch', 'emiratí', 'émirien', 'emirlik', 'emiracki', 'εμιρατιν', 'اماراتي', 'اماراتيه'],
  KW: ['kuwaiti', 'kuwaitisch', 'kuwaití', 'koweïtien', 'kuveytli', 'kuwejck', 'kuvaiti', 'كويتي', 'كويتيه'],
  QA: ['qatari', 'katarisch', 'catarí', 'qatarien', 'katarlı', 'katarsk', 'قطري', 'قطريه'],
  BH: ['bahraini', 'bahrainisch', 'bahreïni', 'bahreynli', 'بحريني'],
  OM: ['omani', 'omanisch', 'omaní', 'omanais', 'ummanlı', 'عماني'],
  EG: ['egyptian', 'ägyptisch', 'egipci', 'egizian', 'égyptien', 'mısırlı', 'egipsk', 'egyiptomi', 'αιγυπτι', 'مصري', 'مصريه'],
  IR: ['iranian', 'iranisch', 'iraní', 'iranien', 'iranlı', 'irańsk', 'iráni', 'ιρανικ', 'ايراني', 'ايرانيه'],
  GR: ['greek', 'griechisch', 'griego', 'griega', 'grecque', 'greco', 'greca', 'yunan', 'greck', 'görög', 'ελληνικ', 'يوناني', 'يونانيه'],
  RO: ['romanian', 'rumänisch', 'rumano', 'rumana', 'rumen', 'roumain', 'romanya', 'rumuńsk', 'román', 'ρουμανικ', 'روماني', 'رومانيه'],
  IT: ['italian', 'italienisch', 'italiano', 'italiana', 'italien', 'italyan', 'włosk', 'olasz', 'ιταλικ', 'ايطالي', 'ايطاليه'],
  ES: ['spanish', 'spanisch', 'español', 'española', 'espagnol', 'spagnol', 'ispanyol', 'hiszpańsk', 'spanyol', 'ισπανικ', 'اسباني', 'اسبانيه'],
  DE: ['german', 'deutsch', 'alemán', 'alemana', 'tedesc', 'allemand', 'alman', 'niemieck', 'német', 'γερμανικ', 'الماني', 'المانيه'],
  NL: ['dutch', 'niederländisch', 'holandés', 'olandes', 'néerlandais', 'hollandalı', 'holendersk', 'ολλανδικ', 'هولندي'],
  FR: ['french', 'französisch', 'francés', 'francese', 'français', 'fransız', 'francusk', 'γαλλικ', 'فرنسي'],
  CY: ['cypriot', 'zypriotisch', 'chipriot', 'cipriot', 'chypriot', 'cypryjsk', 'κυπριακ', 'قبرصي'],
  EC: ['ecuadorian', 'ecuadorianisch', 'ecuatorian', 'ecuadoriano', 'équatorien', 'ekvadorlu', 'اكوادوري'],
  CO: ['colombian', 'kolumbianisch', 'colombiano', 'colombien', 'kolombiyalı', 'كولومبي'],
  MA: ['moroccan', 'marokkanisch', 'marroquí', 'marocchin', 'marocain', 'faslı', 'مغربي'],
  DZ: ['algerian', 'algerisch', 'argelin', 'algerin', 'algérien', 'cezayirli', 'αλγεριν', 'algiersk', 'algériai', 'جزائري', 'جزائريه'],
  LY: ['libyan', 'libysch', 'libio', 'libia', 'libico', 'libyen', 'libyalı', 'λιβυκ', 'libijsk', 'líbiai', 'ليبي', 'ليبيه'],
  TN: ['tunisian', 'tunesisch', 'tunecin', 'tunisin', 'tunisien', 'tunuslu', 'τυνησιακ', 'tunezyjsk', 'tunéziai', 'تونسي', 'تونسيه'],
  BE: ['belgian', 'belgisch', 'belga', 'belge', 'belçika', 'βελγικ', 'belgijsk', 'بلجيكي'],
  BG: ['bulgarian', 'bulgarisch', 'búlgar', 'bulgar', 'bulgare', 'βουλγαρικ', 'bułgarsk', 'bolgár', 'بلغاري'],
  PT: ['portuguese', 'portugiesisch', 'portugués', 'portugues', 'portoghes', 'portugais', 'portekiz', 'πορτογαλικ', 'portugalsk', 'portugál', 'برتغالي'],
};

/**
 * National agencies whose names tell their country, in the words they are written with (folded);
 * acronyms only in capitals. The registry's agencies (with their country) are read beside these.
 */
const AGENCIES: Record<string, string[]> = {
  SA: ['ZATCA', 'Zakat, Tax and Customs Authority', 'General Directorate of Narcotics Control', 'Saudi Press Agency', 'SPA', 'GDNC'],
  AE: ['Dubai Police', 'Dubai Customs', 'WAM'],
  KW: ['KUNA'],
  SY: ['SANA'],
  LB: ['Internal Security Forces', 'ISF', 'NNA'],
  TR: ['Jandarma', 'Emniyet Müdürlüğü', 'Anadolu Agency', 'Narkotik Suçlarla Mücadele'],
  GR: ['ΕΛ.ΑΣ', 'Ελληνική Αστυνομία', 'Hellenic Police', 'ΣΔΟΕ', 'Λιμενικού Σώματος', 'Λιμενικό Σώμα', 'IAPR', 'Independent Authority for Public Revenue', 'ANA-MPA'],
  RO: ['DIICOT', 'DCCO', 'Agerpres'],
  IT: ['Guardia di Finanza', 'Carabinieri', 'finanzieri', 'ANSA'],
  ES: ['Guardia Civil', 'Policía Nacional', 'Cuerpo Nacional de Policía', 'Agencia Tributaria', 'Vigilancia Aduanera', 'Servicio de Vigilancia Aduanera'],
  DE: ['Zollfahndung', 'Zollfahndungsamt', 'Zollfahnder', 'Bundeskriminalamt', 'BKA', 'Bundespolizei'],
};

/** Words for the authorities that seize and announce (folded beginnings). */
const AUTHORITY = [
  'custom', 'police', 'policemen', 'authorit', 'force', 'ministr', 'army', 'military', 'navy', 'coastguard', 'coast guard', 'guard', 'security', 'gendarm', 'official', 'officer', 'agent', 'agency', 'prosecutor', 'government', 'interior', 'anti-narcotic', 'narcotic', 'intelligence', 'investigator', 'judicia', 'unit', 'directorate',
  'zoll', 'polizei', 'behorde', 'ermittler', 'staatsanwalt', 'fahnder', 'beamte',
  'policia', 'guardia', 'autoridad', 'aduan', 'ministerio', 'fuerzas', 'agentes',
  'polizia', 'autorita', 'carabinier', 'finanza', 'dogan', 'agenti', 'ministero', 'forze',
  'douan', 'autorites', 'ministere', 'gendarmerie',
  'polis', 'jandarma', 'emniyet', 'gumruk', 'bakanli', 'yetkili', 'guvenlik', 'ajans',
  'αστυνομ', 'αρχες', 'αρχων', 'τελων', 'λιμενικ', 'υπουργ', 'υπηρεσ',
  'policj', 'sluzb', 'wladz', 'straz',
  'rendor', 'hatosag', 'vam',
  'polisi', 'mamlaka', 'waziri',
  'جمارك', 'الجمارك', 'شرطه', 'الشرطه', 'سلطات', 'السلطات', 'وزاره', 'قوات', 'امن', 'الامن', 'الجيش', 'هيئه', 'مديريه', 'جهات', 'الجهات',
].map(foldWord);

/** Words for people after an adjective of nationality ("a Syrian national", "Syrian origin"): a nationality. */
const PEOPLE = ['national', 'citizen', 'man', 'men', 'woman', 'women', 'driver', 'suspect', 'smuggler', 'trafficker', 'dealer', 'origin', 'crew', 'person', 'people', 'staatsangehorig', 'ciudadano', 'cittadin', 'uyruklu', 'vatandas', 'υπηκο', 'obywatel', 'allampolgar', 'raia', 'مواطن', 'الجنسيه', 'جنسيه'].map(foldWord);

/** Words before a place that make it where the drugs came from or go: "origen en Guatemala", "destino Valencia", "με προορισμό την Κροατία". */
const ROUTE_NOUNS = ['origin', 'origen', 'destination', 'destino', 'destinazione', 'provenienza', 'herkunft', 'ziel', 'provenance', 'προορισμ', 'προελευσ', 'منشا', 'وجهه', 'cikis', 'varis'].map(foldWord);

/** Verbs and nouns of a route before "to" or "for" ("smuggle … to Saudi Arabia", "a shipment … for Greece"). */
const ROUTE_VERBS = ['smuggl', 'ship', 'export', 'transport', 'send', 'sent', 'bound', 'destin', 'head', 'carr', 'traffick', 'intended', 'moving'].map(foldWord);

/** Words before a place that make it a partner: "in co-operation with", "alerted by", "with the help of". */
const PARTNER_WORDS = ['cooperation', 'co-operation', 'coordination', 'co-ordination', 'collaboration', 'assistance', 'help', 'support', 'alert', 'tip', 'counterpart', 'joint', 'συνεργασ', 'συνδρομ', 'ομολογ', 'colaboraci', 'collaborazion', 'cooperazion', 'coordinacion', 'zusammenarbeit', 'koordinasyon', 'isbirlig', 'تعاون', 'تنسيق', 'współprac', 'egyuttmukod'].map(foldWord);

/** Country and province names that are common words of the press ("the Gulf", "Central", "Maritime"): never evidence alone. */
const COMMON_NAMES = new Set(['gulf', 'central', 'centre', 'center', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'capital', 'maritime', 'coast', 'coastal', 'islands', 'upper', 'lower', 'interior', 'border', 'frontier', 'river', 'mountain', 'highlands', 'lakes', 'plateau', 'littoral', 'national']);

const startsWithAny = (w: string, list: readonly string[]) => list.some((s) => w.startsWith(s));
/** The adjectives' beginnings by their first four letters: a word is compared with the few that share them. */
const ADJECTIVE_INDEX = new Map<string, [string, string][]>();
for (const [code, stems] of Object.entries(ADJECTIVES)) {
  for (const stem of stems.map(foldWord)) {
    if (stem.length < 4) continue;
    const key = stem.slice(0, 4);
    ADJECTIVE_INDEX.set(key, [...(ADJECTIVE_INDEX.get(key) ?? []), [stem, code]]);
  }
}
const adjectiveOf = (bare: string) => ADJECTIVE_INDEX.get(bare.slice(0, 4))?.find(([stem]) => bare.startsWith(stem));

interface AgencyName {
  words: string[];
  country: string;
  acronym: boolean;
}
const AGENCY_NAMES: AgencyName[] = Object.entries(AGENCIES)
  .flatMap(([country, names]) =>
    names.map((n) => ({ words: n.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(foldWord), country, acronym: n === n.toUpperCase() && !n.includes(' ') })),
  )
  .sort((a, b) => b.words.length - a.words.length);

/**
 * A word without a Turkish suffix or English possessive after an apostrophe ("Suriye'den", "Syria's"),
 * without a French or Italian article or preposition elided before one ("d'Oran", "l'Algérie",
 * "nell'Italia"), or without the Arabic article.
 */
function bareWord(w: Word): string {
  const elided = /^(?:d|l|dell|dall|nell|all|sull|qu)['’](.+)$/.exec(w.text);
  const t = (elided ? elided[1] : w.text).replace(/['’].*$/, '');
  return /^[\u0600-\u06FF]/.test(t) && t.length > 4 ? t.replace(/^(?:[وفب]?ال|[وفبل]ل)/, '') : t;
}

const isCapitalised = (w: Word) => /^\p{Lu}/u.test(w.raw) || /^[\u0600-\u06FF]/.test(w.raw);

/** Registry agencies with a country, as names to find. */
export interface CountryAgency {
  words: string[];
  country: string;
}

/** The places named in `words` (the words of the whole article) in `language`. */
export function findPlaces(words: readonly Word[], language: string | undefined, registryAgencies: readonly CountryAgency[] = []): PlaceEvidence[] {
  const out: PlaceEvidence[] = [];
  const names = countryNameIndex(language);
  const agencies = new Map<string, AgencyName[]>();
  for (const a of [...AGENCY_NAMES, ...registryAgencies.map((x) => ({ ...x, acronym: false }))].sort((x, y) => y.words.length - x.words.length)) {
    agencies.set(a.words[0], [...(agencies.get(a.words[0]) ?? []), a]);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.kind !== 'word') continue;
    // A national agency ("Guardia Civil", "ΕΛ.ΑΣ.", "DIICOT").
    const agency = matchAgency(words, i, agencies.get(w.text) ?? agencies.get(bareWord(w)) ?? []);
    if (agency) {
      out.push(evidence(words, i, agency.last, agency.country, 'agency', language));
      i = agency.last;
      continue;
    }
    // A country's name, the longest first.
    let found: { code: string; len: number; inflected: boolean } | undefined;
    for (let n = Math.min(names.maxWords, words.length - i); n >= 1 && !found; n--) {
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(k === n - 1 ? bareWord(words[i + k]) : words[i + k].text);
      const exact = names.names.get(parts.join(' '));
      const code = exact ?? (n === 1 ? inflected(names.names, parts[0], language) : undefined);
      if (code && !(n === 1 && COMMON_NAMES.has(parts[0]))) found = { code, len: n, inflected: !exact };
    }
    if (found) {
      const last = i + found.len - 1;
      const kindBefore = KIND_BEFORE.has(words[i - 1]?.text ?? '') || KIND_BEFORE.has(`${words[i - 2]?.text} ${words[i - 1]?.text}`);
      if (kindBefore && !provinceAt(words, i, 3)) {
        // "la provincia de Granada" where several countries have a Granada: nothing is told.
        i += found.len - 1;
        continue;
      }
      if (!kindBefore) {
        if (!isCurrency(words[last + 1]) && !isStrait(words, i)) {
          const e = evidence(words, i, last, found.code, found.inflected ? 'adjective' : 'name', language);
          // "Saudi Arabia's General Directorate", "η αστυνομία της Ιταλίας": the country's authorities.
          const prev = words[i - 1];
          const prev2 = words[i - 2];
          const before = (prev?.kind === 'word' && startsWithAny(prev.text, AUTHORITY)) || (prev?.kind === 'word' && OF_WORDS.has(prev.text) && prev2?.kind === 'word' && startsWithAny(prev2.text, AUTHORITY));
          if (authorityNear(words, last) || before) e.kind = 'authority';
          out.push(e);
        }
        i = last;
        continue;
      }
    }
    // An adjective of nationality.
    const adj = adjectiveOf(bareWord(w));
    if (adj) {
      if (isCurrency(words[i + 1])) continue;
      const authority = authorityNear(words, i) || [words[i - 1], words[i - 2]].some((x) => x && x.kind === 'word' && startsWithAny(x.text, AUTHORITY));
      const people = [words[i + 1], words[i + 2]].some((x) => x && x.kind === 'word' && startsWithAny(x.text, PEOPLE));
      const e = evidence(words, i, i, adj[1], authority && !people ? 'authority' : 'adjective', language);
      if (people && !authority) e.nationality = true;
      out.push(e);
      continue;
    }
    // A province or a town of the trade (capitalised words, up to three); "d’Oran", "l’Attica": after the elision.
    const elided = /^((?:d|l|dell|dall|nell|all|sull|qu)['’])\p{Lu}/u.exec(w.raw);
    const head = elided ? { ...w, raw: w.raw.slice(elided[1].length), text: w.text.slice(elided[1].length), start: w.start + elided[1].length } : w;
    if (!isCapitalised(head)) continue;
    const p = provinceAt(words, i, 3, head);
    if (p) {
      const e = p.evidence(language);
      // Arabic has no capitals to tell a name from a word ("العصابة", the gang, is also Assaba): a
      // province of one Arabic word counts where a word places something there ("في", "محافظة").
      if (e.kind === 'province' && p.last === i && /^[\u0600-\u06FF]/.test(w.raw) && !e.located && !AR_PLACE_NOUNS.has(words[i - 1]?.text ?? '')) continue;
      out.push(e);
      i = p.last;
    }
  }
  return out;
}

/** The agency whose name starts at word i (dots and hyphens between its words passed over), and its last word. */
function matchAgency(words: readonly Word[], i: number, agencies: readonly AgencyName[]): { country: string; last: number } | undefined {
  for (const a of agencies) {
    let k = i;
    let ok = true;
    for (let n = 0; n < a.words.length && ok; n++) {
      while (n > 0 && words[k]?.kind === 'punct' && ['.', '-', ','].includes(words[k].raw)) k++;
      const w = words[k];
      ok = !!w && w.kind === 'word' && (w.text === a.words[n] || (n === a.words.length - 1 && bareWord(w) === a.words[n]));
      if (ok && a.acronym && w.raw !== w.raw.toUpperCase()) ok = false;
      k++;
    }
    if (ok) return { country: a.country, last: k - 1 };
  }
  return undefined;
}

/** Words before a name that make it a province's ("la provincia de Granada", "Province of Hatay"). */
const KIND_BEFORE = new Set(['provincia de', 'province of', 'provinz', 'provincia di', 'region of', 'region de', 'governorate of', 'il', 'ili', 'περιφερεια', 'محافظه'].map(foldWord));

/** Arabic nouns of a place before its name: province, governorate, city, port, airport, crossing. */
const AR_PLACE_NOUNS = new Set(['محافظه', 'ولايه', 'مدينه', 'ميناء', 'مرفا', 'مطار', 'معبر', 'منفذ', 'منطقه'].map(foldWord));

/** A province or town named at word i (up to n capitalised words). */
function provinceAt(words: readonly Word[], i: number, n: number, head: Word = words[i]): { last: number; evidence: (language: string | undefined) => PlaceEvidence } | undefined {
  // The evidence of words i…last, its first word read as `head` (the name after an elision: "d’Oran").
  const evidenceOf = (last: number, country: string, kind: PlaceEvidence['kind'], language: string | undefined) => {
    const e = evidence(words, i, last, country, kind, language);
    if (head !== words[i]) {
      e.text = [head.raw, ...words.slice(i + 1, last + 1).map((x) => x.raw)].join(' ');
      e.start = head.start;
    }
    return e;
  };
  for (let len = n; len >= 1; len--) {
    const last = i + len - 1;
    if (last >= words.length) continue;
    const phrase = [head, ...words.slice(i + 1, last + 1)];
    if (phrase.some((x) => x.kind !== 'word' && x.raw !== '-')) continue;
    if (phrase.some((x, k) => x.kind === 'word' && k > 0 && !isCapitalised(x) && !['al', 'el', 'de', 'di', 'del', 'of'].includes(x.text))) continue;
    const text = phrase
      .map((x) => x.raw)
      .join(' ')
      .replace(/ - /g, '-')
      .replace(/['’].*$/, '');
    if (text.replace(/[^\p{L}]/gu, '').length < 4 || (len === 1 && COMMON_NAMES.has(foldWord(text)))) continue;
    const town = findTown(text);
    if (town) {
      return {
        last,
        evidence: (language) => {
          const e = evidenceOf(last, town.country, 'town', language);
          e.town = town.name;
          if (town.subdivision) e.admin1 = town.subdivision;
          return e;
        },
      };
    }
    const all = findAdmin1Anywhere(text);
    const subs = all.filter((s) => !s.parent || !all.some((o) => o.code === s.parent));
    if (subs.length !== 1 || (subs[0].parent && len === 1 && text.length < 5)) continue;
    return {
      last,
      evidence: (language) => {
        const e = evidenceOf(last, subs[0].country, 'province', language);
        e.admin1 = subs[0];
        return e;
      },
    };
  }
  return undefined;
}

/** A name written with an ending: Hungarian "Szíriában", Polish "Libanu", Greek "Λιβάνου" (five letters of the name or more). */
function inflected(names: ReadonlyMap<string, string>, word: string, language: string | undefined): string | undefined {
  if (!language || !['hu', 'pl', 'el', 'tr', 'sw', 'de', 'it', 'es', 'fr'].includes(language) || word.length < 6) return undefined;
  for (let cut = word.length - 1; cut >= Math.max(5, word.length - 4); cut--) {
    const code = names.get(word.slice(0, cut));
    if (code) return code;
  }
  // Greek and Polish change the name's own last letters: "Λίβανος" → "Λιβάνου", "Συρία" → "Συρίας".
  if (language === 'el' || language === 'pl') {
    for (const [name, c] of names) if (!name.includes(' ') && name.length >= 5 && word.length <= name.length + 2 && word.startsWith(name.slice(0, -2))) return c;
  }
  return undefined;
}

function isCurrency(w: Word | undefined): boolean {
  if (!w || w.kind !== 'word') return false;
  if (CURRENCIES.has(w.text)) return true;
  return [...CURRENCIES.keys()].some((c) => c.length >= 4 && w.text.startsWith(c));
}

function isStrait(words: readonly Word[], i: number): boolean {
  const before = [words[i - 1], words[i - 2]].filter((x): x is Word => !!x && x.kind === 'word').map((x) => x.text);
  return before.some((b) => ['strait', 'straits', 'estrecho', 'stretto', 'detroit', 'meerenge', 'bogazi', 'στενα', 'مضيق'].includes(b));
}

/** An authority noun within three words after word i ("Saudi customs", "Suriye'nin resmi haber ajansı"). */
function authorityNear(words: readonly Word[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < words.length; k++) {
    const w = words[k];
    if (w.kind !== 'word') return false;
    if (startsWithAny(w.text, AUTHORITY)) return true;
  }
  return false;
}

/** Words of passage: a country passed through is on the route; a port or crossing passed through is where the drugs were stopped. */
const THROUGH = new Set(['through', 'via', 'transiting', 'uber', 'attraverso', 'par', 'uzerinden', 'μεσω', 'przez', 'عبر']);

function evidence(words: readonly Word[], first: number, last: number, country: string, kind: PlaceEvidence['kind'], language: string | undefined): PlaceEvidence {
  const text = words
    .slice(first, last + 1)
    .map((w) => w.raw)
    .join(' ');
  return {
    country,
    kind,
    text,
    start: words[first].start,
    end: words[last].end,
    first,
    last,
    route: (isRoute(words, first, last, language) && !((kind === 'town' || kind === 'province') && THROUGH.has(words[first - 1]?.text ?? ''))) || inRoutePlace(words, first),
    located: isLocated(words, first),
    nationality: false,
    partner: isPartner(words, first),
    dateline: isDateline(words, first, last),
    border: (kind === 'name' || kind === 'adjective') && isBorder(words, first, last),
  };
}

/** Words for a border (folded beginnings): "border", "Grenze", "frontera", "sınır", "σύνορα", "الحدود". */
const BORDER = ['border', 'frontier', 'grenz', 'fronter', 'confin', 'frontiere', 'sinir', 'συνορ', 'μεθορ', 'granic', 'hatar', 'mpaka', 'حدود', 'الحدود', 'حدودي', 'الحدودي'].map(foldWord);
/** Words between a border and the country across it: "border with", "Grenze zu", "الحدود مع". */
const BORDER_LINKS = new Set(['with', 'of', 'to', 'the', 'zu', 'mit', 'con', 'avec', 'de', 'la', 'le', 'el', 'il', 'ile', 'με', 'την', 'τη', 'z', 'ze', 'na', 'مع', 'بين']);
/** "between Syria and Iraq", "zwischen", "entre", "μεταξύ", "بين"; Turkish puts "arasında" after. */
const BETWEEN = new Set(['between', 'zwischen', 'entre', 'tra', 'fra', 'μεταξυ', 'miedzy', 'kozott', 'kati', 'بين'].map(foldWord));

/**
 * Whether a country is named as the far side of a border: "near the Kuwaiti border", "the
 * Jordanian-Syrian border", "near the border with Turkey", "between Syria and Iraq", "Suriye
 * sınırında", "الحدود السورية". A seizure at a border is on one side of it, and the words do not say
 * which: the authorities or the crossing do.
 */
function isBorder(words: readonly Word[], first: number, last: number): boolean {
  // After: "Kuwaiti border", "Jordanian-Syrian border", "Suriye sınırı", "Syrian and Iraqi borders".
  for (let k = last + 1; k <= last + 4 && k < words.length; k++) {
    const w = words[k];
    if (w.kind === 'punct' && w.raw !== '-') break;
    if (w.kind === 'word' && startsWithAny(w.text, BORDER)) return true;
    if (w.kind === 'word' && (w.text === 'arasinda' || w.text === 'arasindaki')) return true;
    if (w.kind === 'word' && !adjectiveOf(bareWord(w)) && !['and', 'und', 'y', 'e', 'et', 've', 'και', 'i', 'es', 'na'].includes(w.text)) break;
  }
  // Before: "the border with Turkey", "الحدود مع سوريا", "الحدود السورية" (the adjective after the noun), "between Syria and Iraq".
  for (let k = first - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const w = words[k];
    if (w.kind === 'punct' && w.raw !== '-') break;
    if (w.kind !== 'word') continue;
    if (startsWithAny(w.text, BORDER) || startsWithAny(bareWord(w), BORDER) || BETWEEN.has(w.text)) return true;
    if (!BORDER_LINKS.has(w.text) && !['and', 'und', 'y', 'e', 'et', 've', 'και', 'i', 'es', 'و'].includes(w.text) && !adjectiveOf(bareWord(w)) && !isCapitalised(w)) break;
  }
  return false;
}


/** Whether a word that places something (in, at, near, "στην") comes right before the place, an article or "the port of" between. */
function isLocated(words: readonly Word[], first: number): boolean {
  const k = placeWordBefore(words, first);
  return k >= 0 && PLACE_BEFORE.has(words[k].text);
}

/** Words between a word that places and the name: "in the port of", "at the city of", "στο λιμάνι της". */
const PLACE_SKIP = new Set(['the', 'port', 'of', 'city', 'coast', 'island', 'waters', 'shore', 'shores', 'province', 'capital', 'el', 'la', 'il', 'del', 'di', 'de', 'porto', 'puerto', 'du', 'le', 'der', 'hafen', 'von', 'του', 'της', 'τη', 'την', 'λιμανι', 'ميناء', 'مدينه', 'محافظه', 'northern', 'southern', 'eastern', 'western', 'central'].map(foldWord));

/** The index of the word before a place's name, its article and "the port of" passed over (-1 when none). */
function placeWordBefore(words: readonly Word[], first: number): number {
  let k = first - 1;
  for (let n = 0; n < 4 && k >= 0 && words[k].kind === 'word' && PLACE_SKIP.has(words[k].text); n++) k--;
  return k >= 0 && words[k].kind === 'word' ? k : -1;
}

/**
 * Whether a place named with "in" is that of a place of the route before it: "heading for the port of
 * Khoms in Libya", "باتجاه مرفأ الخمس في ليبيا". Between the word of the route and "in": an article,
 * "the port of" and one name, nothing else.
 */
function inRoutePlace(words: readonly Word[], first: number): boolean {
  const at = placeWordBefore(words, first);
  if (at < 0 || !PLACE_BEFORE.has(words[at].text)) return false;
  let names = 0;
  for (let k = at - 1; k >= 0 && at - k <= 6; k--) {
    const w = words[k];
    if (w.kind !== 'word') return false;
    for (let n = 3; n >= 1; n--) if (k - n + 1 >= 0 && ROUTE_BEFORE.has(words.slice(k - n + 1, k + 1).map((x) => x.text).join(' '))) return names === 1;
    if (PLACE_SKIP.has(w.text) || ARTICLE_WORDS.has(w.text) || AR_PLACE_NOUNS.has(w.text)) continue;
    if (isCapitalised(w) && ++names <= 1) continue;
    return false;
  }
  return false;
}

/** Whether the place at words first…last is where the drugs came from or went. */
function isRoute(words: readonly Word[], first: number, last: number, language: string | undefined): boolean {
  // An article between the preposition and the name is passed over ("vers le Koweït", "to the Gulf").
  let end = first;
  while (end > 0 && words[end - 1].kind === 'word' && ARTICLE_WORDS.has(words[end - 1].text)) end--;
  for (let n = 3; n >= 1; n--) {
    const before = words.slice(Math.max(0, end - n), end);
    if (before.length < n || before.some((x) => x.kind !== 'word')) continue;
    const phrase = before.map((x) => x.text).join(' ');
    if (ROUTE_BEFORE.has(phrase)) return true;
  }
  // "to" and "for" only after a word of the route: "smuggle … to Saudi Arabia", not "appealed to Saudi Arabia".
  let k = first - 1;
  while (k >= 0 && words[k].kind === 'word' && ['the', 'a', 'an'].includes(words[k].text)) k--;
  if (words[k] && ['to', 'for'].includes(words[k].text)) {
    for (let j = k - 1; j >= Math.max(0, k - 10); j--) if (words[j].kind === 'word' && startsWithAny(words[j].text, ROUTE_VERBS)) return true;
  }
  for (let j = first - 1; j >= Math.max(0, first - 3); j--) if (words[j].kind === 'word' && startsWithAny(words[j].text, ROUTE_NOUNS)) return true;
  // Turkish "Suriye'den", Hungarian "Törökországból": from there.
  const w = words[last];
  if (language === 'tr' && /['’](?:d[ae]n|t[ae]n)$/u.test(w.raw)) return true;
  if (language === 'hu' && /(?:bol|rol|tol)$/u.test(w.text)) return true;
  return false;
}

const OF_WORDS = new Set(['of', 'de', 'di', 'du', 'des', 'del', 'della', 'von', 'της', 'του', 'των'].map(foldWord));

const ARTICLE_WORDS = new Set(['the', 'le', 'la', 'les', "l'", 'el', 'los', 'las', 'il', 'lo', 'gli', 'der', 'die', 'das', 'den', 'dem', 'τον', 'την', 'τη', 'το', 'τα', 'του', 'της'].map(foldWord));

function isPartner(words: readonly Word[], first: number): boolean {
  for (let j = first - 1; j >= Math.max(0, first - 5); j--) {
    const w = words[j];
    if (w.kind === 'punct' && w.raw !== '-') break;
    if (w.kind === 'word' && startsWithAny(w.text, PARTNER_WORDS)) return true;
  }
  return false;
}

/** The article's first words followed by ":" or a dash ("DUBAI:", "BEIRUT –", "ROME (REUTERS) -", "Dubai:"). */
function isDateline(words: readonly Word[], first: number, last: number): boolean {
  if (first > 1) return false;
  const after = words[last + 1];
  return !!after && after.kind === 'punct' && [':', '–', '—', '-', ',', '('].includes(after.raw) && (words[first].raw === words[first].raw.toUpperCase() || after.raw === ':');
}
