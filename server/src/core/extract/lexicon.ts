/**
 * The words an article uses around its facts, in the languages the readers read (en de es it fr tr el
 * ar pl hu sw): words that seize and words that announce, words that make a figure a sum of several
 * seizures or a part of one, words for drugs in general, for a total, for "each", and the words that
 * put a date or a figure in another clause ("after", "following"). Words are matched folded (see
 * `foldWord`): lower case, without diacritics. Pure data.
 */
import { foldWord } from '../read/date-vocabulary';

/** A set of folded words or phrases (phrases of several words separated by single spaces). */
function words(...lists: string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const list of lists) for (const w of list.split('|')) if (w) out.add(w.split(' ').map(foldWord).join(' '));
  return out;
}

/** Stems (folded) whose words seize: "seized", "sichergestellt", "incautado", "ele geçirildi", "ضبط". */
export const SEIZE_STEMS: readonly string[] = [
  // en
  'seiz', 'confiscat', 'intercept', 'found', 'discover', 'uncover', 'foil', 'thwart', 'recover', 'captur', 'bust', 'haul', 'raid', 'stash', 'arriv', 'locat', 'detect',
  // de
  'sichergestellt', 'beschlagnahm', 'gefunden', 'entdeckt', 'fand', 'stellten', 'abgefangen',
  // es
  'incaut', 'aprehend', 'intervenid', 'intervenci', 'hallad', 'decomis', 'interceptad', 'localiz',
  // it
  'sequestr', 'rinven', 'scopert', 'intercettat',
  // fr
  'saisi', 'intercept', 'decouvert', 'dejoue',
  // tr
  'ele gecir', 'yakala', 'bulundu', 'el konul',
  // el
  'κατασχ', 'εντοπ', 'βρεθηκ', 'ανιχνευ',
  // pl
  'przechwyc', 'zatrzyma', 'skonfisk', 'ujawni',
  // hu
  'lefoglal', 'foglalt', 'talalt',
  // sw
  'kamat', 'nasa', 'napat',
  // ar
  'ضبط', 'احباط', 'احبط', 'مصادره', 'العثور', 'عثر', 'ضبطت',
  // raids and operations: what happens on the day of the seizure
  'operation', 'raid', 'search', 'inspect', 'durchsuch', 'einsatz', 'operacion', 'operativo', 'dispositivo', 'operazione', 'blitz', 'perquisizion', 'operasyon', 'baskin', 'επιχειρησ', 'εφοδ', 'akcj', 'akcio', 'razzia', 'operesheni', 'عمليه', 'مداهمه',
].map(foldWord);

/** Stems (folded) of words that announce: "said", "announced", "teilten mit", "anunció", "açıkladı", "أعلن". */
export const ANNOUNCE_STEMS: readonly string[] = [
  // en
  'said', 'say', 'announc', 'report', 'statement', 'stated', 'confirm', 'told', 'tweet', 'post', 'release', 'reveal', 'disclos', 'added', 'quoted',
  // de
  'teilt', 'mitteil', 'hiess', 'sagte', 'erklart', 'berichtet', 'vermeldet', 'gab bekannt',
  // es
  'anunci', 'inform', 'comunic', 'declar', 'dijo', 'senal',
  // it
  'annunci', 'comunic', 'dichiar', 'nota', 'reso noto',
  // fr
  'annonc', 'declar', 'indiqu', 'affirm',
  // tr
  'acikla', 'duyur', 'belirt', 'bildir', 'ifade',
  // el
  'ανακοιν', 'δηλωσ', 'ανεφερ',
  // pl
  'ogłos', 'poinform', 'podal',
  // hu
  'kozol', 'bejelent', 'szamolt be',
  // sw
  'alisema', 'asema', 'tangaz',
  // ar
  'اعلن', 'افاد', 'قال', 'بيان', 'صرح', 'اوضح', 'اشار',
].map(foldWord);

/** Words that make a figure this seizure's total: "a total of", "in total", "insgesamt", "toplam", "en total", "in tutto". */
export const TOTAL_WORDS = words(
  'total|totaled|totalled|totaling|totalling|in total|altogether|overall|insgesamt|gesamt|summiere|toplam|taplam|en total|un total|in tutto|complessivamente|au total|en tout|συνολικα|συνολο|lacznie|osszesen|jumla|اجمالي|مجموع|بمجموع',
);

/** Words after a number that make it a multiplier, not a quantity: "three times the size". */
export const TIMES_WORDS = words('times|fold|mal|veces|volte|fois|kat|katı|φορες|razy|szer|szeres|mara|اضعاف|مرات|ضعف');

/** Words that make a figure one item's share: "each of which contained about 10,000 pills", "per container". */
export const EACH_WORDS = words('each|every|per|apiece|jeweils|je|cada|ciascuno|ciascuna|chacun|chacune|her biri|her bir|başına|καθε|κάθε|kazdy|każdy|minden|kila|كل');

/**
 * Words that open a clause about another time: what is dated on one side is not what is counted on
 * the other ("On October 29, Saudi Arabia announced a ban … following an incident in which …").
 */
export const OTHER_CLAUSE_WORDS = words(
  'after|following|before|prior to|since|when|while|adding to|in the wake of|nach|nachdem|vor|seit|als|tras|despues de|antes de|desde|dopo|prima di|apres|avant|depuis|sonra|sonrasinda|once|ardindan|μετα|πριν|po|przed|utan|elott|baada ya|kabla ya|بعد|قبل|عقب|اثر',
);

/**
 * Drug words that name no particular drug ("drugs", "narcotics", "Drogen", "droga", "uyuşturucu",
 * "ναρκωτικά", "مخدرات"): a figure of them is a figure of the seizure's drug when it names no other.
 */
export const GENERIC_DRUG_WORDS = words(
  'drug|drugs|narcotic|narcotics|narcotic substance|narcotic substances|illicit drugs|illegal drugs|stimulant|stimulants|illegal stimulant|contraband|haul|shipment|consignment|cargo|substance|substances|pills|tablets|powder',
  'droge|drogen|rauschgift|rauschgifts|betaubungsmittel|aufputschmittel|aufputschmittels|tabletten|pillen',
  'droga|drogas|estupefaciente|estupefacientes|sustancia|sustancias|alijo|mercancia|pastillas',
  'droga|droghe|stupefacente|stupefacenti|sostanza|sostanze|carico',
  'drogue|drogues|stupefiant|stupefiants|comprimes',
  'uyusturucu|uyarici|yasakli madde|madde|hap',
  'ναρκωτικα|ναρκωτικων|ουσια|ουσιες|χαπια|δισκια|δισκιων',
  'narkotyki|narkotykow|srodki|tabletek',
  'kabitoszer|kabitoszert|drog|drogot|tabletta',
  'dawa za kulevya|mihadarati',
  'مخدرات|المخدرات|مخدره|المخدره|حبوب|الحبوب|اقراص|مواد',
);

/** Words after a count that say it counts packages (recorded as `packs`), not pills. */
export const PACKAGE_NOUNS = words(
  'packages|package|packets|packet|parcels|parcel|packs|pack|bundles|bundle|bales|bale|bricks|brick|blocks|block|sacks|sack|bags|bag|pakete|paketen|paket|packchen|paquetes|fardos|fardo|bultos|pacchi|panetti|sacchi|paquets|colis|paketler|paketi|δεματα|πακετα|πακετων|paczek|paczki|csomag|vifurushi|طرود|رزم|اكياس',
);

/** Words that say a count counts pills of the seizure although they are not "pills": "items", "pieces". */
export const ITEM_NOUNS = words('items|pieces|units|stuck|unidades|pezzi|unites|adet|τεμαχια|sztuk|darab|vipande|قطعه');

/**
 * Prepositions before a place that make it where the drugs came from or were going, not where they
 * were seized: "from Lebanon", "bound for Saudi Arabia", "destined for the Gulf", "en route to Kuwait".
 */
export const ROUTE_BEFORE = words(
  'from|via|through|to|for|bound for|destined for|heading for|headed for|en route to|on its way to|on their way to|coming from|originating from|shipped from|sent from|transiting|towards|toward|in the direction of|aus|nach|uber|von|in richtung|desde|procedente de|con destino a|hacia|hasta|rumbo a|en direccion a|via|verso|diretta verso|diretto a|in direzione di|dal|dalla|da|provenant de|a destination de|en direction de|vers|en provenance de|απο|προς|μεσω|με κατευθυνση|z|do|przez|felé|kutoka|kwenda|من|الى|إلى|نحو|عبر|قادمه من|متجهه الى|باتجاه|بإتجاه|في طريقها الى',
);

/** Words before a place that make it where something happened: "in", "at", "near", "im", "en", "a", "στο", "في". */
export const PLACE_BEFORE = words('in|at|near|off|inside|within|im|in der|in den|am|bei|en|en el|en la|cerca de|nel|nella|presso|au|a la|dans|pres de|στο|στην|στη|στον|w|we|kolo|-ban|-ben|katika|في|ب|قرب');

/**
 * Patterns of the folded words of a clause or sentence (words joined by single spaces, with a space
 * at each end) that make a figure a sum over a period or over several seizures.
 */
export const AGGREGATE_RES: readonly RegExp[] = [
  / (?:in|over|during|within|for) (?:the |a |just )?(?:past |last |previous |first )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many) (?:- )?(?:months?|years?|weeks?|decades?) /u,
  / (?:\S+ - )?(?:month|year|week) (?:- )?(?:long )?period /u,
  / (?:raises?|raised|raising|brings?|bringing|brought|push(?:es|ed|ing)?|takes?|taking) (?:\S+ ){0,6}(?:total|number|tally|count) /u,
  / adding to the /u,
  / in similar circumstances /u,
  / since the (?:beginning|start) /u,
  / so far this year /u,
  / (?:nationwide|across the country|in recent years|annual|annually|statistics) /u,
  / (?:a|per|every|each) year /u,
  / (?:in|over|during|within) (?:the )?(?:past |last )?(?:as many (?:days|weeks|months|years)|(?:a |one )?fortnight) /u,
  / innerhalb (?:von )?(?:\S+ )?(?:wochen|monaten|jahren) /u,
  / in den (?:vergangenen|letzten) (?:\S+ )?(?:monaten|jahren|wochen) /u,
  / (?:mehreren|fruheren|mehrere) funde/u,
  / summier/u,
  / seit (?:beginn|anfang|jahresbeginn) /u,
  / bundesweit /u,
  / en lo que va de /u,
  / en los ultimos /u,
  / desde (?:principios|el inicio|enero) /u,
  / a nivel nacional /u,
  / negli ultimi /u,
  / dall ?' ?inizio /u,
  / depuis le debut /u,
  / au cours des (?:derniers|dernieres) /u,
  / \d+ (?:ilde|ilinde|ilcede) /u,
  / (?:ulke|turkiye) genelinde /u,
  / son \S+ (?:yilda|ayda) /u,
  / τα τελευταια /u,
  / συνολικα απο /u,
  / منذ بدايه /u,
  / خلال (?:العام|الاشهر|الاسابيع|\S+ اشهر) /u,
  / w ciagu ostatnich /u,
  / od poczatku roku /u,
  / az elmult /u,
];

/** Folded beginnings of the words that arrest ("arrested", "festgenommen", "detenidos", "gözaltına", "συνελήφθησαν", "القبض"). */
export const ARREST_STEMS: readonly string[] = [
  'arrest', 'detain', 'detention', 'custody', 'apprehend', 'caught', 'festgenommen', 'festnahme', 'haft', 'detenid', 'detencion', 'arrestat', 'arresto', 'fermat', 'interpell',
  'gozalti', 'tutukla', 'yakalan', 'συνελ', 'συλληψ', 'zatrzym', 'aresztow', 'letartoztat', 'orizetbe', 'kamatwa', 'القبض', 'اعتقال', 'توقيف', 'موقوف',
].map(foldWord);

/** Currency words and signs (folded) that name one currency without doubt, by ISO 4217 code. */
export const CURRENCIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    EUR: '€|eur|euro|euros|eura|euró|eurora|ευρω|يورو|yuro',
    USD: '$|us$|usd|dollar|dollars|dolar|dolares|dollari|dolari|dolares|doları|dollaro|δολαρια|دولار|dola',
    AED: 'aed|dh|dhs|dirham|dirhams|درهم',
    KWD: 'kd|kwd',
    SAR: 'sar|sr',
    JOD: 'jd|jod',
    SYP: 'syp',
    GBP: 'gbp|sterling',
    TRY: 'try',
    HUF: 'huf|forint',
    PLN: 'pln|zł|złotych',
    RON: 'ron|lei',
  }).flatMap(([code, list]) => list.split('|').map((w) => [foldWord(w), code] as [string, string])),
);

/**
 * Patterns of the folded words of a sentence (joined by single spaces, a space at each end) that
 * turn the rest of it to another seizure: "another major bust, on June 12, when 1.1 tons …", "a
 * similar shipment was discovered in Greece last year", "İki hafta önce bir başka baskında …",
 * "Öte yandan …" (on the other hand), "Bereits am 13. Juni hatten …". What follows the words, up to a
 * colon or the end of the sentence, is not the seizure: its figures are not taken, its dates do not
 * date it and its places do not place it.
 */
export const OTHER_SEIZURE_RES: readonly RegExp[] = [
  // en
  / (?:another|other|a similar|a separate|a previous|an earlier|the previous|an even (?:larger|bigger)|a smaller|a larger) (?:\S+ ){0,2}(?:seizures?|busts?|raids?|operations?|hauls?|shipments?|consignments?|cases?|finds?|one|record|incidents?|attempts?) /u,
  / (?:separately|meanwhile|in a separate) /u,
  / (?:already|earlier) on /u,
  // de
  / (?:anderen|anderer|anderes|fruheren|vorherigen|ahnlichen) (?:\S+ ){0,2}(?:fall|falle|fallen|operation|razzia|aktion|fund|funde|funden|sicherstellung|einsatz|schlag|lagerhalle|rekord) /u,
  / (?:bereits|schon) (?:am|im|vor|anfang|mitte|ende) /u,
  / (?:unterdessen|indes|derweil) /u,
  // es
  / (?:otra|otras|otro|otros|una anterior|un anterior|la anterior|el anterior|una similar) (?:\S+ ){0,2}(?:operacion|operaciones|incautacion|incautaciones|aprehension|alijo|alijos|golpe|redada|caso|record) /u,
  / (?:record anterior|por otra parte|por otro lado) /u,
  // it
  / (?:un altro|un'altra|un altra|altri|altre|un precedente|il precedente|un simile|un analogo) (?:\S+ ){0,2}(?:sequestro|sequestri|operazione|operazioni|carico|carichi|blitz|record|colpo) /u,
  // fr
  / (?:une autre|d'autres|d autres|un autre|une precedente|le precedent|l'ancien|une saisie similaire) (?:\S+ ){0,2}(?:saisie|saisies|operation|operations|coup|record|affaire|cargaison) /u,
  / par ailleurs /u,
  // tr
  / (?:bir baska|baska bir|diger|onceki) (?:\S+ ){0,2}(?:operasyon\S*|baskin\S*|olay\S*|sevkiyat\S*|rekor\S*) /u,
  / ote yandan /u,
  // el
  / (?:αλλη|αλλεσ|αλλο|αλλησ|προηγουμενη|προηγουμενησ) (?:\S+ ){0,2}(?:επιχειρηση|επιχειρησεισ|κατασχεση|κατασχεσεισ|υποθεση|ρεκορ) /u,
  // pl, hu
  / (?:inna|innej|innym|innych|wczesniejszej|wczesniejsza) (?:\S+ ){0,2}(?:akcj\S*|operacj\S*|sprawie) /u,
  / (?:egy masik|korabbi) (?:\S+ ){0,2}(?:akcio\S*|fogas\S*|ugy\S*) /u,
  // ar
  / (?:عمليه|عمليات|ضبطيه|قضيه|شحنه|محاوله) (?:\S+ ){0,2}(?:اخرى|اخري|سابقه|منفصله|مماثله) /u,
  / (?:في سياق اخر|من جهه اخرى|من جهه اخري) /u,
];

/**
 * Patterns of the folded words of a sentence that make its figures a count so far ("so far",
 * "bislang", "μέχρι στιγμής", "حتى الآن"): a part of the haul, not its total; except beside a
 * superlative ("the largest so far", "die bislang größte Menge": a record to date).
 */
export const SO_FAR_RES: readonly RegExp[] = [
  / (?:so far|as yet|to date|for now) /u,
  / (?:bisher|bislang|vorerst) /u,
  / hasta (?:ahora|el momento) /u,
  / (?:finora|fino ad ora|per ora) /u,
  / (?:jusqu'a present|jusqu a present|pour l'instant|pour l instant|a ce stade) /u,
  / (?:su ana kadar|simdiye kadar|simdilik) /u,
  / (?:μεχρι στιγμησ|μεχρι τωρα|εωσ τωρα) /u,
  / (?:dotychczas|jak dotad|do tej pory) /u,
  / (?:eddig|egyelore) /u,
  / (?:حتي الان|حتي اللحظه) /u,
];

/** Patterns that make a sentence's figures the count of one container of several ("in one of three containers", "of one container", "in uno dei"). */
export const ONE_OF_RES: readonly RegExp[] = [
  / (?:in|of|from|inside) (?:just |only )?one of (?:the )?(?:\S+ )?(?:containers|pallets|trucks|lorries|vehicles|bags|boxes|crates|shipments) /u,
  / (?:in|of|from|inside) (?:just |only )?(?:one|the first) (?:container|pallet|truck|lorry|vehicle|crate) (?!of )/u,
  / (?:in|aus) (?:einem|einer) (?:der|von) \S+ (?:containern|containers|paletten|lastwagen|lkw) /u,
  / en (?:uno|una) de (?:los|las) \S+ (?:contenedores|palets|camiones) /u,
  / in (?:uno|una) (?:dei|delle) \S+ (?:container|bancali|camion) /u,
  / dans (?:l'un|l un|l'une|l une) des \S+ (?:conteneurs|palettes|camions) /u,
];

/** Superlatives that make "so far" a record to date: "the largest so far", "die bislang größte". */
export const SUPERLATIVE = / (?:largest|biggest|greatest|highest|record|grosste|großte|groste|hochste|mayor|mas grande|piu grande|maggiore|plus grand|plus grande|plus importante?|en buyuk|μεγαλυτερη|μεγαλυτερο|μεγαλυτερησ|najwieksz\S*|legnagyobb|اكبر)/u;
