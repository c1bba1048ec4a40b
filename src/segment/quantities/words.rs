//! The words the figure reader knows: currencies, units, counted nouns,
//! labels and the words around a figure. One home for each list.

use super::QuantityKind;

pub(super) fn is_currency_symbol(w: &str) -> bool {
    currency_symbol(w).is_some()
}

pub(super) fn currency_symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₴" => "UAH",
        "₩" => "KRW",
        "₪" => "ILS",
        "₺" => "TRY",
        "₡" => "CRC",
        "₭" => "LAK",
        _ => return None,
    })
}

/// Currency codes and prefixes written before a number ("US$", "USD 5").
pub(super) fn currency_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" | "us" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "inr" | "rs" => "INR",
        "rub" => "RUB",
        "uah" => "UAH",
        "chf" => "CHF",
        "cad" | "c" => "CAD",
        "aud" | "a" => "AUD",
        "hk" => "HKD",
        "mxn" | "mex" => "MXN",
        "r" => "BRL",
        _ => return None,
    })
}

/// ISO codes written after an amount ("20 usd", "50 million USD").
pub(super) fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "chf" => "CHF",
        "cad" => "CAD",
        "aud" => "AUD",
        "inr" => "INR",
        "rub" => "RUB",
        "uah" => "UAH",
        "mxn" => "MXN",
        _ => return None,
    })
}

/// "MEUR", "MUSD": an ISO code after M, for millions (finance pages).
pub(super) fn millions_code(raw: &str) -> Option<&'static str> {
    let code = raw.strip_prefix('M')?;
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    currency_code(&code.to_ascii_lowercase())
}

/// A hundredth of a currency: "12 cents", "50 pence".
pub(super) fn subunit(w: &str) -> Option<&'static str> {
    Some(match w {
        "cent" | "cents" => "USD",
        "penny" | "pence" => "GBP",
        _ => return None,
    })
}

pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "ruble" | "rubles" | "rouble" | "roubles" => "RUB",
        "rupee" | "rupees" => "INR",
        "hryvnia" | "hryvnias" => "UAH",
        "franc" | "francs" => "CHF",
        "shekel" | "shekels" => "ILS",
        "lira" => "TRY",
        "won" => "KRW",
        _ => return None,
    })
}

/// Vague quantifiers before a plural noun or "of".
pub(super) fn vague_quantifier(w: &str) -> bool {
    matches!(
        w,
        "several"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "trillions"
            | "scores"
            | "tens"
    )
}

pub(super) const DURATION_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "weekend",
    "weekends",
    "millisecond",
    "milliseconds",
    "ms",
    "night",
    "nights",
];

pub(super) const MEASURE_UNITS: &[&str] = &[
    "km",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "mile",
    "miles",
    "meter",
    "meters",
    "metre",
    "metres",
    "foot",
    "feet",
    "inch",
    "inches",
    "yard",
    "yards",
    "kg",
    "kilogram",
    "kilograms",
    "gram",
    "grams",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "barrel",
    "barrels",
    "gallon",
    "gallons",
    "liter",
    "liters",
    "litre",
    "litres",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "degree",
    "degrees",
    "mph",
    "kph",
    "km/h",
    "cm",
    "mm",
    "lb",
    "lbs",
    "ounce",
    "ounces",
    "mw",
    "gw",
    "kwh",
    "megawatts",
    "gigawatts",
    "bpd",
    "square",
    "cubic",
    "kcal",
];

/// Definite words before a spelled number that refer back to things already
/// named ("the two styles", "these three forces", "their four children").
pub(super) const DEFINITE_WORDS: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our", "my", "your",
];

/// Plural-looking words that are not counted nouns.
pub(super) const NOT_NOUNS: &[&str] = &[
    "is",
    "was",
    "has",
    "this",
    "his",
    "its",
    "as",
    "us",
    "yes",
    "less",
    "across",
    "thus",
    "always",
    "perhaps",
    "plus",
    "versus",
    "whereas",
    "afterwards",
    "towards",
    "besides",
    "unless",
    "does",
    "goes",
    "says",
    "was",
    "hers",
    "ours",
    "yours",
    "theirs",
    "whereas",
    "sometimes",
    "nevertheless",
    "regardless",
    "nonetheless",
    "means",
    "news",
    "series",
    "species",
    "its",
    "gets",
    "makes",
    "takes",
    "comes",
    "gives",
    "seems",
    "becomes",
    "remains",
    "includes",
    "rises",
    "falls",
    "plans",
    "needs",
    "wants",
    "holds",
    "puts",
    "runs",
    "sets",
];

/// Irregular or uncountable-looking plurals that are counted nouns.
pub(super) const PLURAL_NOUNS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "cattle",
    "sheep",
    "fish",
    "aircraft",
    "feet",
    "teeth",
    "mice",
    "geese",
    "deer",
    "troops",
    "percent",
];

/// Adjectives allowed between a number and its noun ("3 new cases", "20 Ukrainian soldiers").
pub(super) const ADJECTIVES: &[&str] = &[
    "new",
    "more",
    "other",
    "additional",
    "major",
    "main",
    "big",
    "small",
    "large",
    "key",
    "top",
    "former",
    "senior",
    "young",
    "old",
    "civilian",
    "foreign",
    "separate",
    "different",
    "known",
    "confirmed",
    "reported",
    "registered",
    "full",
    "straight",
    "consecutive",
    "previous",
    "extra",
    "current",
    "active",
    "military",
    "federal",
    "local",
    "private",
    "public",
    "armed",
];

/// Units of a document's length, written as a compound adjective before the
/// document ("a 263-page report"): a description, never a figure.
pub(super) const DOCUMENT_LENGTHS: &[&str] = &["chapter", "page", "paragraph", "word"];

/// Words that precede a number which is a name or label, not a figure.
pub(super) const LABEL_WORDS: &[&str] = &[
    "no",
    // "type 2 diabetes"
    "type",
    "number",
    "article",
    "section",
    "chapter",
    "page",
    "pages",
    "p",
    "pp",
    "room",
    "route",
    "highway",
    "flight",
    "resolution",
    "amendment",
    "paragraph",
    "item",
    "version",
    "level",
    "phase",
    "step",
    "figure",
    "table",
    "rule",
    "line",
    "channel",
    "gate",
    "platform",
    "act",
    "proposition",
    "prop",
    "district",
    "ward",
    "precinct",
    "unit",
    "interstate",
    "apollo",
    "vol",
    "volume",
    "question",
    "exhibit",
    "appendix",
    "episode",
    "season",
    "part",
    "grade",
    "class",
    "category",
    "tier",
    "stage",
    "model",
    "#",
];

/// Names of ranked lists and market indexes, as written, whose number is part
/// of the name ("Fortune 100 companies", "the FTSE 100"). Case matters: "a
/// fortune 10 years ago" is a figure.
pub(super) const NUMBERED_LIST_NAMES: &[&str] = &[
    "Fortune", "FTSE", "Russell", "Nikkei", "Stoxx", "STOXX", "Forbes", "Nasdaq", "NASDAQ",
];

/// Capitalised words that may start a sentence before a figure ("About 40 ...").
pub(super) const FUNCTION_STARTERS: &[&str] = &[
    "the",
    "about",
    "some",
    "only",
    "nearly",
    "over",
    "almost",
    "all",
    "just",
    "at",
    "by",
    "in",
    "on",
    "of",
    "with",
    "for",
    "to",
    "from",
    "and",
    "but",
    "another",
    "around",
    "more",
    "less",
    "roughly",
    "approximately",
    "up",
    "under",
    "killing",
    "kills",
    "fewer",
    "than",
    "least",
    "since",
    "after",
    "before",
    "until",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
];

pub(super) const STOP_NOUNS: &[&str] = &[
    "of", "to", "in", "and", "or", "the", "a", "an", "on", "at", "for", "by", "with", "from",
    "than", "per", "that", "which", "who", "as", "is", "was", "were", "are", "be", "been", "has",
    "had", "have", "will", "would", "could", "should", "may", "might", "more", "less", "also",
    "after", "before", "into", "about", "over", "under", "it", "he", "she", "they", "we", "i",
    "you", "this", "these", "those", "his", "her", "their", "its", "our", "not", "no", "so", "but",
    "if", "then", "when", "while", "where", "during", "since", "until", "up", "down", "out", "off",
    "all", "each", "both", "percent", "time", "times", "way", "thing",
];

/// The kind and unit a counted noun implies.
pub(super) fn classify_unit(noun: &str) -> (QuantityKind, String) {
    if let Some(code) = currency_word(noun) {
        return (QuantityKind::Money, code.to_string());
    }
    let kind = if DURATION_UNITS.contains(&noun) {
        QuantityKind::Duration
    } else if MEASURE_UNITS.contains(&noun) {
        QuantityKind::Measure
    } else {
        QuantityKind::Count
    };
    (kind, noun.to_string())
}

/// Nouns of a rank after a spelled ordinal ("first place", "the second seed").
pub(super) const RANK_NOUNS: &[&str] = &["place", "position", "rank", "seed", "spot"];

/// Words before a spelled ordinal that make it a rank ("ranked first",
/// "finished third").
pub(super) const RANK_VERBS: &[&str] = &[
    "came", "comes", "finish", "finished", "finishes", "placed", "rank", "ranked", "ranks",
    "rated", "seeded",
];

/// Words after a spelled ordinal that count in succession ("a second
/// term", "the third consecutive year", "a fifth straight month").
pub(super) const SUCCESSION_WORDS: &[&str] = &["consecutive", "straight", "successive", "term"];

/// The hyphenated noun of an age ("a 22-year-old son", "a 6-month-old baby").
pub(super) const AGES: &[&str] = &[
    "year-old",
    "year-olds",
    "years-old",
    "month-old",
    "months-old",
    "week-old",
    "weeks-old",
    "day-old",
    "days-old",
];

/// Words before "over" and a duration that make "over" the preposition
/// of the period something happened in, not "more than": events held
/// across it ("sitting in sessions over 4 days") and changes spread across
/// it ("grew over two years", "paid over 10 years"). After anything else
/// "over" bounds the duration ("has over 4 years of experience", "rentals
/// over 28 days").
pub(super) const OVER_PERIOD_HEADS: &[&str] = &[
    "sessions",
    "meetings",
    "talks",
    "hearings",
    "visits",
    "events",
    "games",
    "matches",
    "stages",
    "phases",
    "instalments",
    "installments",
    "spread",
    "held",
    "stretched",
    "staggered",
    "phased",
    "split",
    "divided",
    "distributed",
    "paid",
    "repaid",
    "rose",
    "risen",
    "fell",
    "fallen",
    "grew",
    "grown",
    "increased",
    "decreased",
    "declined",
    "dropped",
    "climbed",
    "gained",
    "doubled",
    "tripled",
    "halved",
    "soared",
    "surged",
    "skyrocketed",
    "plunged",
    "changed",
    "evolved",
    "developed",
    "built",
    "unfolded",
];

/// Words after "over" and a duration that make "over" a bound: "over two
/// years ago", "over 10 years old", "over 4 years of experience". A verb right
/// after the duration makes "over" part of its subject: "any request over
/// one second is a failure".
pub(super) const OVER_BOUND_TAILS: &[&str] = &[
    "of", "ago", "old", "later", "earlier", "long", "since", "is", "are", "was", "were", "will",
    "would", "must", "should", "can", "could", "may", "might", "count", "counts",
];

/// Words after a number's hyphen that are no counted noun: "a 20-strong
/// team", "a fivefold rise" written "5-fold", "a 9-to-5 job".
pub(super) const NOT_COUNTED_AFTER_HYPHEN: &[&str] = &[
    "strong",
    "fold",
    "plus",
    "something",
    "ish",
    "odd",
    "to",
    "and",
    "or",
    "of",
    "a",
    "the",
    "in",
    "for",
    "on",
    "off",
    "up",
    "down",
    "out",
    "nil",
    "all",
];

/// Prepositions that cannot modify a counted noun: "8.5 million across
/// platforms" counts no platforms.
pub(super) const PREPOSITIONS: &[&str] = &[
    "across",
    "along",
    "among",
    "amongst",
    "around",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "beyond",
    "despite",
    "except",
    "inside",
    "near",
    "outside",
    "past",
    "per",
    "through",
    "throughout",
    "toward",
    "towards",
    "upon",
    "versus",
    "via",
    "within",
    "without",
    "worldwide",
    "apiece",
    "each",
    "respectively",
    "altogether",
    "combined",
    "total",
];

/// Conjunctions that open a clause, in capitals after a number at a line's
/// start ("32 As days passed"): no name of a kind.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "as", "if", "when", "while", "so", "then", "because", "although", "though", "once", "until",
];

/// Words after "a" that make a figure's noun a rate, not a verb's object:
/// "40 patients a day", "2 goals a game".
pub(super) const RATE_NOUNS: &[&str] = &[
    "day", "week", "month", "year", "hour", "minute", "second", "night", "game", "match", "season",
    "head", "piece", "person", "share", "time", "round", "unit", "serving", "visit",
];

/// Determiners that open a verb's object: "100 brings the", "offers its".
/// (Not "this": "3 titles this season" dates the count.)
pub(super) const OBJECT_DETERMINERS: &[&str] =
    &["the", "its", "their", "his", "her", "our", "your", "my"];

/// Words an age follows: "aged 64", "at age 65", "ages 25 to 54".
pub(super) const AGE_HEADS: &[&str] = &["aged", "age", "ages"];

/// Words that leave an age bracket open: "65 and older", "18 and over".
pub(super) const AGE_TAILS: &[&str] =
    &["older", "younger", "over", "up", "under", "above", "below"];

/// Nouns after "age" that make the numbers before them a bracket: "the
/// 25-54 age group".
pub(super) const AGE_GROUP_NOUNS: &[&str] = &[
    "band", "bands", "bracket", "brackets", "category", "cohort", "group", "groups", "range",
];

/// People named by their tie to someone, whose "of 27 years" says how long
/// the tie has lasted ("her partner of 27 years").
pub(super) const RELATION_NOUNS: &[&str] = &[
    "boyfriend",
    "colleague",
    "companion",
    "friend",
    "girlfriend",
    "husband",
    "partner",
    "spouse",
    "wife",
];

/// Capitalised plural nouns that name a group of people a number counts
/// ("5 Democrats"), besides nationalities ("10 Americans").
pub(super) const GROUP_NOUNS: &[&str] = &[
    "britons",
    "catholics",
    "christians",
    "communists",
    "conservatives",
    "democrats",
    "jews",
    "kurds",
    "liberals",
    "marines",
    "muslims",
    "protestants",
    "republicans",
    "scots",
    "socialists",
    "tories",
];

/// The plural of a unit ("year" → "years", "century" → "centuries",
/// "match" → "matches", "man" → "men"); a plural stays as it is.
pub(super) fn plural_unit(unit: &str) -> String {
    let irregular = [
        ("man", "men"),
        ("woman", "women"),
        ("child", "children"),
        ("foot", "feet"),
        ("person", "people"),
        ("tooth", "teeth"),
    ];
    if let Some((_, plural)) = irregular.iter().find(|(one, _)| *one == unit) {
        return (*plural).to_string();
    }
    let consonant_y = unit
        .strip_suffix('y')
        .filter(|stem| !stem.ends_with(['a', 'e', 'o', 'u']));
    if unit.ends_with('s') {
        unit.to_string()
    } else if let Some(stem) = consonant_y {
        format!("{stem}ies")
    } else if ["ch", "sh", "x", "z"].iter().any(|e| unit.ends_with(e)) {
        format!("{unit}es")
    } else {
        format!("{unit}s")
    }
}
