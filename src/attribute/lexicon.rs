//! Word lists for attribution, and a case-insensitive lookup that never
//! allocates. Every list is sorted (a unit test checks it); the hot path
//! looks a word up once in a table of all lists ([`class`], [`has`]).

use std::sync::OnceLock;

/// Lower-cases `word` into `buf`; `None` when it is too long or not ASCII
/// (no list entry is either; curly apostrophes fold to straight ones).
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 40]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    // No list word is longer than this; most text words are rejected here.
    if bytes.len() > MAX_WORD_BYTES {
        return None;
    }
    let n = fold_into(bytes, buf)?;
    std::str::from_utf8(&buf[..n]).ok()
}

/// Writes `bytes` lower-cased into `buf`, curly apostrophes folded to
/// straight ones; the number of bytes written, or `None` when a byte is not
/// ASCII (other than those apostrophes) or `buf` is too short.
fn fold_into(bytes: &[u8], buf: &mut [u8]) -> Option<usize> {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let out = if b < 0x80 {
            i += 1;
            // ASCII lower-casing without a branch per letter.
            b | (u8::from(b.wrapping_sub(b'A') < 26) << 5)
        } else if b == 0xE2
            && bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0x98 | 0x99))
        {
            // ‘ or ’ (U+2018, U+2019): an apostrophe.
            i += 3;
            b'\''
        } else {
            return None;
        };
        *buf.get_mut(n)? = out;
        n += 1;
    }
    Some(n)
}

/// The longest word in any list, in bytes (a test checks it), with room for
/// curly apostrophes.
const MAX_WORD_BYTES: usize = 16;

/// True when `word`, compared case-insensitively, is in the sorted `list`.
pub fn contains(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 40];
    lower(word, &mut buf).is_some_and(|w| list.binary_search(&w).is_ok())
}

/// One bit per word list, for [`class`] and [`has`].
pub mod bits {
    pub const CUE_VERBS: u64 = 1 << 0;
    pub const STANCE_VERBS: u64 = 1 << 1;
    pub const NOUNISH: u64 = 1 << 2;
    pub const COGNITION_VERBS: u64 = 1 << 3;
    pub const OBJECT_VERBS: u64 = 1 << 4;
    pub const PARTICIPLES: u64 = 1 << 5;
    pub const PASSIVE_PARTICIPLES: u64 = 1 << 6;
    pub const BE_FORMS: u64 = 1 << 7;
    pub const CUE_PREFIXES: u64 = 1 << 8;
    pub const CUE_TIME_SUFFIXES: u64 = 1 << 9;
    pub const PRONOUNS: u64 = 1 << 10;
    pub const CLAUSE_OPENERS: u64 = 1 << 11;
    pub const LEADING_CONNECTIVES: u64 = 1 << 12;
    pub const NOT_SOURCE_END: u64 = 1 << 13;
    pub const ADJUNCT_STARTS: u64 = 1 << 14;
    pub const ANONYMITY_MARKERS: u64 = 1 << 15;
    pub const ANONYMOUS_HEADS: u64 = 1 << 16;
    pub const GROUP_HEADS: u64 = 1 << 17;
    pub const VAGUE_WORDS: u64 = 1 << 18;
    pub const COUNTERS: u64 = 1 << 19;
    pub const OUTLET_HEADS: u64 = 1 << 20;
    pub const OUTLET_VERBS: u64 = 1 << 21;
    pub const MALE_WORDS: u64 = 1 << 22;
    pub const FEMALE_WORDS: u64 = 1 << 23;
    pub const ROLE_HEADS: u64 = 1 << 24;
    pub const EXPRESS_VERBS: u64 = 1 << 25;
    pub const EXPRESS_NOUNS: u64 = 1 << 26;
    pub const STANCE_COPULAS: u64 = 1 << 27;
    pub const STANCE_ADJECTIVES: u64 = 1 << 28;
    pub const VAGUE_STARTS: u64 = 1 << 29;
    pub const NOT_NAME_WORDS: u64 = 1 << 30;
    pub const ORG_WORDS: u64 = 1 << 31;
    pub const GROUP_WORDS: u64 = 1 << 32;
    pub const DOCUMENTS: u64 = 1 << 33;
    pub const PERSON_NOUNS: u64 = 1 << 34;
    pub const INSTITUTIONS: u64 = 1 << 35;
    pub const DEMONYMS: u64 = 1 << 36;
    pub const VERB_WORDS: u64 = 1 << 37;
}

/// Every list with its bit: one table lookup answers every list at once.
const ALL: &[(&[&str], u64)] = &[
    (CUE_VERBS, bits::CUE_VERBS),
    (STANCE_VERBS, bits::STANCE_VERBS),
    (NOUNISH, bits::NOUNISH),
    (COGNITION_VERBS, bits::COGNITION_VERBS),
    (OBJECT_VERBS, bits::OBJECT_VERBS),
    (PARTICIPLES, bits::PARTICIPLES),
    (PASSIVE_PARTICIPLES, bits::PASSIVE_PARTICIPLES),
    (BE_FORMS, bits::BE_FORMS),
    (CUE_PREFIXES, bits::CUE_PREFIXES),
    (CUE_TIME_SUFFIXES, bits::CUE_TIME_SUFFIXES),
    (&crate::calendar::WEEKDAY_NAMES, bits::CUE_TIME_SUFFIXES),
    (PRONOUNS, bits::PRONOUNS),
    (CLAUSE_OPENERS, bits::CLAUSE_OPENERS),
    (LEADING_CONNECTIVES, bits::LEADING_CONNECTIVES),
    (NOT_SOURCE_END, bits::NOT_SOURCE_END),
    (ADJUNCT_STARTS, bits::ADJUNCT_STARTS),
    (ANONYMITY_MARKERS, bits::ANONYMITY_MARKERS),
    (ANONYMOUS_HEADS, bits::ANONYMOUS_HEADS),
    (GROUP_HEADS, bits::GROUP_HEADS),
    (VAGUE_WORDS, bits::VAGUE_WORDS),
    (COUNTERS, bits::COUNTERS),
    (OUTLET_HEADS, bits::OUTLET_HEADS),
    (OUTLET_VERBS, bits::OUTLET_VERBS),
    (MALE_WORDS, bits::MALE_WORDS),
    (FEMALE_WORDS, bits::FEMALE_WORDS),
    (ROLE_HEADS, bits::ROLE_HEADS),
    (EXPRESS_VERBS, bits::EXPRESS_VERBS),
    (EXPRESS_NOUNS, bits::EXPRESS_NOUNS),
    (STANCE_COPULAS, bits::STANCE_COPULAS),
    (STANCE_ADJECTIVES, bits::STANCE_ADJECTIVES),
    (VAGUE_STARTS, bits::VAGUE_STARTS),
    (NOT_NAME_WORDS, bits::NOT_NAME_WORDS),
    (ORG_WORDS, bits::ORG_WORDS),
    (GROUP_WORDS, bits::GROUP_WORDS),
    (DOCUMENTS, bits::DOCUMENTS),
    (PERSON_NOUNS, bits::PERSON_NOUNS),
    (INSTITUTIONS, bits::INSTITUTIONS),
    // Nationality adjectives that never start a name ("a Western
    // diplomat"): the entity gazetteer's list, their one home.
    (crate::segment::gazetteer::DEMONYMS, bits::DEMONYMS),
    (VERB_WORDS, bits::VERB_WORDS),
    // The modals are verb words too: the crate's one list of them.
    (crate::lexicon::MODALS, bits::VERB_WORDS),
];

/// FNV-1a, for the small maps keyed by short names elsewhere in the stage.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Words packed into a `u128` (lower-case bytes, little-endian), so a
/// lookup compares integers, not strings. No list word is longer than 16
/// bytes (a test checks it); `0` is never a word.
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_WORD_BYTES + 4 {
        return None;
    }
    let mut buf = [0u8; MAX_WORD_BYTES];
    fold_into(bytes, &mut buf)?;
    Some(u128::from_le_bytes(buf))
}

/// An open-addressing table from packed words to their list bits.
struct Table {
    slots: Vec<(u128, u64)>,
    shift: u32,
}

impl Table {
    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, key: u128) -> u64 {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                (0, _) => return 0,
                (k, bits) if k == key => return bits,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words: usize = ALL.iter().map(|(l, _)| l.len()).sum();
        // At most a quarter full: probes stay short.
        let size = (words * 4).next_power_of_two();
        let mut t = Table {
            slots: vec![(0, 0); size],
            shift: 64 - size.trailing_zeros(),
        };
        let mask = size - 1;
        for (list, bit) in ALL {
            for w in *list {
                let Some(key) = pack(w) else { continue };
                let mut i = t.slot(key);
                while t.slots[i].0 != 0 && t.slots[i].0 != key {
                    i = (i + 1) & mask;
                }
                t.slots[i].0 = key;
                t.slots[i].1 |= bit;
            }
        }
        t
    })
}

/// The lists `word` (any case, curly apostrophes folded) belongs to, as bits.
pub fn class(word: &str) -> u64 {
    pack(word).map_or(0, |key| table().get(key))
}

/// True when `word` is in any of the lists in `bits`.
pub fn has(bits: u64, word: &str) -> bool {
    class(word) & bits != 0
}

/// Reporting verbs: speech and writing acts that introduce what someone
/// said, wrote or found, in the forms news prose uses. A sentence carried
/// by one of these is sourced to its speaker.
pub const CUE_VERBS: &[&str] = &[
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "advised",
    "agree",
    "agreed",
    "agrees",
    "alleged",
    "alleges",
    "alleging",
    "announce",
    "announced",
    "announces",
    "announcing",
    "answered",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "assailed",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "assured",
    "attacked",
    "bemoaned",
    "blamed",
    "blasted",
    "blasting",
    "boasted",
    "bragged",
    "call",
    "called",
    "calling",
    "calls",
    "cautioned",
    "cautioning",
    "cautions",
    "charged",
    "chided",
    "cite",
    "cited",
    "cites",
    "citing",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "clarified",
    "commented",
    "complain",
    "complained",
    "complaining",
    "complains",
    "conceded",
    "concedes",
    "conceding",
    "concluded",
    "concludes",
    "condemned",
    "confirmed",
    "confirming",
    "confirms",
    "contend",
    "contended",
    "contends",
    "continued",
    "countered",
    "credited",
    "criticised",
    "criticize",
    "criticized",
    "criticizes",
    "criticizing",
    "declare",
    "declared",
    "declares",
    "declaring",
    "decried",
    "decrying",
    "defended",
    "defending",
    "defends",
    "demanded",
    "demands",
    "denied",
    "denies",
    "denounce",
    "denounced",
    "denounces",
    "denouncing",
    "deny",
    "denying",
    "derided",
    "described",
    "describes",
    "describing",
    "disclosed",
    "dismissed",
    "dismissing",
    "disputed",
    "disputes",
    "downplayed",
    "echoed",
    "echoing",
    "emailed",
    "emphasised",
    "emphasized",
    "emphasizes",
    "emphasizing",
    "estimate",
    "estimated",
    "estimates",
    "explain",
    "explained",
    "explaining",
    "explains",
    "found",
    "hinted",
    "implied",
    "indicated",
    "indicates",
    "inquired",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "instructed",
    "instructs",
    "joked",
    "lambasted",
    "lamented",
    "lamenting",
    "learned",
    "mention",
    "mentioned",
    "mentioning",
    "mentions",
    "mocked",
    "note",
    "noted",
    "notes",
    "noting",
    "observed",
    "observes",
    "observing",
    "pleaded",
    "pledged",
    "pointed",
    "pointing",
    "points",
    "posited",
    "posted",
    "praised",
    "praises",
    "praising",
    "predict",
    "predicted",
    "predicting",
    "predicts",
    "proclaimed",
    "promise",
    "promised",
    "promises",
    "promising",
    "questioned",
    "questioning",
    "quipped",
    "railed",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "recounting",
    "recounts",
    "referred",
    "referring",
    "reiterated",
    "reiterates",
    "reiterating",
    "rejected",
    "remarked",
    "reminded",
    "reminding",
    "repeated",
    "repeating",
    "replied",
    "replies",
    "replying",
    "reported",
    "reports",
    "responded",
    "responding",
    "responds",
    "retorted",
    "revealed",
    "revealing",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "scolded",
    "shouted",
    "show",
    "showed",
    "showing",
    "shows",
    "slammed",
    "slamming",
    "speculated",
    "stated",
    "states",
    "stating",
    "stressed",
    "stresses",
    "stressing",
    "suggest",
    "suggested",
    "suggesting",
    "suggests",
    "surmised",
    "talked",
    "talking",
    "tell",
    "telling",
    "tells",
    "testified",
    "threatened",
    "told",
    "tweeted",
    "tweeting",
    "tweets",
    "urge",
    "urged",
    "urges",
    "urging",
    "vow",
    "vowed",
    "vowing",
    "vows",
    "warn",
    "warned",
    "warning",
    "warns",
    "wondered",
    "writes",
    "writing",
    "written",
    "wrote",
];

/// Verbs of wanting, planning and taking a stance. PolNeAR counts them as
/// attributions (of intentions and sentiments), so the evaluation does, but
/// a sentence like "Trump wants a wall" is the article's own report about
/// Trump, not a claim sourced to him: these never source a sentence.
pub const STANCE_VERBS: &[&str] = &[
    "applauded",
    "backed",
    "backing",
    "backs",
    "commended",
    "decided",
    "declined",
    "discussed",
    "discussing",
    "endorsed",
    "endorses",
    "endorsing",
    "hailed",
    "highlighted",
    "highlighting",
    "hoping",
    "intend",
    "intends",
    "knew",
    "know",
    "knows",
    "lauded",
    "oppose",
    "opposed",
    "opposes",
    "opposing",
    "plan",
    "planned",
    "plans",
    "prefer",
    "preferred",
    "prefers",
    "proposed",
    "proposes",
    "refused",
    "refuses",
    "saw",
    "see",
    "seeking",
    "seeks",
    "sees",
    "signaled",
    "sought",
    "support",
    "supported",
    "supporting",
    "supports",
    "thanked",
    "touted",
    "touting",
    "touts",
    "view",
    "views",
    "want",
    "wanted",
    "wants",
    "welcomed",
];

/// Cue words that are more often nouns ("a new report", "the claim"): a
/// cue only with a clear subject or a clear content opener after them.
pub const NOUNISH: &[&str] = &[
    "call",
    "calls",
    "claim",
    "claims",
    "estimate",
    "estimates",
    "mention",
    "note",
    "notes",
    "plan",
    "plans",
    "promise",
    "promises",
    "report",
    "reports",
    "show",
    "shows",
    "support",
    "view",
    "views",
    "vow",
    "vows",
    "want",
];

/// Cognition verbs: what someone believes, rather than said. A cue only
/// with a subject right before them ("Trump believes ...").
pub const COGNITION_VERBS: &[&str] = &[
    "believe", "believed", "believes", "doubt", "doubts", "expect", "expects", "feel", "feels",
    "hope", "hopes", "think", "thinks", "thought", "worried", "worries",
];

/// Verbs that take the addressee as object before the content
/// ("told reporters that", "urged voters to").
pub const OBJECT_VERBS: &[&str] = &[
    "advised",
    "asked",
    "asking",
    "asks",
    "assured",
    "cautioned",
    "reminded",
    "tell",
    "telling",
    "tells",
    "told",
    "urge",
    "urged",
    "urges",
    "urging",
    "warned",
    "warning",
    "warns",
];

/// Participles that continue the previous clause's speaker
/// ("..., adding that ..."): their source is the main clause's.
pub const PARTICIPLES: &[&str] = &[
    "adding",
    "arguing",
    "asking",
    "calling",
    "citing",
    "claiming",
    "explaining",
    "insisting",
    "noting",
    "promising",
    "referring",
    "saying",
    "suggesting",
    "telling",
    "urging",
    "warning",
];

/// Participles of passive attribution: "X is viewed by Y as ...".
pub const PASSIVE_PARTICIPLES: &[&str] = &[
    "believed",
    "condemned",
    "considered",
    "criticized",
    "denounced",
    "described",
    "dismissed",
    "disputed",
    "echoed",
    "hailed",
    "perceived",
    "praised",
    "questioned",
    "regarded",
    "reported",
    "said",
    "seen",
    "viewed",
];

pub const BE_FORMS: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];

/// Auxiliaries and adverbs that belong to the cue ("has also said").
pub const CUE_PREFIXES: &[&str] = &[
    "again",
    "already",
    "also",
    "did",
    "does",
    "earlier",
    "further",
    "had",
    "has",
    "have",
    "later",
    "never",
    "once",
    "previously",
    "publicly",
    "recently",
    "repeatedly",
    "then",
    "will",
    "would",
];

/// Words that may follow a cue as part of it ("said Thursday morning"); the
/// weekday names are [`crate::calendar::WEEKDAY_NAMES`], in the table under
/// the same bit.
pub const CUE_TIME_SUFFIXES: &[&str] = &[
    "afternoon",
    "earlier",
    "evening",
    "last",
    "later",
    "morning",
    "night",
    "today",
    "week",
    "yesterday",
];

/// Words of photo captions and credits that page furniture leaves around a
/// name ("Image caption Eva-Marie Persson"); never part of a speaker.
pub const CAPTION_WORDS: &[&str] = &[
    "caption",
    "copyright",
    "courtesy",
    "credit",
    "getty",
    "image",
    "images",
    "photo",
    "photograph",
    "photographer",
    "pictured",
    "shutterstock",
];

/// Words of a label that opens a line ("Update:", "Editor’s Note:", or a
/// directory's "Investment:" and "Client Wins:"): a category, never a person
/// or an organisation, so the line is not that label's words.
pub const LABEL_WORDS: &[&str] = &[
    "abstract",
    "address",
    "advertisement",
    "analysis",
    "availability",
    "benefits",
    "breaking",
    "budget",
    "category",
    "claim",
    "clarification",
    "clients",
    "cons",
    "contact",
    "correction",
    "cost",
    "costs",
    "details",
    "editorial",
    "email",
    "established",
    "excerpt",
    "exclusive",
    "fact",
    "features",
    "fees",
    "founded",
    "headquarters",
    "highlights",
    "hours",
    "industry",
    "investment",
    "latest",
    "listen",
    "live",
    "location",
    "minimum",
    "more",
    "note",
    "opinion",
    "phone",
    "photos",
    "poll",
    "price",
    "pricing",
    "pros",
    "rating",
    "read",
    "related",
    "report",
    "results",
    "review",
    "see",
    "services",
    "source",
    "sources",
    "specialties",
    "specialty",
    "spoiler",
    "sponsored",
    "summary",
    "total",
    "transcript",
    "update",
    "verdict",
    "video",
    "warning",
    "watch",
    "website",
    "wins",
];

/// Words that can neither open nor close a speaker's name or role: articles,
/// clause words and connectives ("Wikileaks, The", "David McKinley, what").
pub const SPEAKER_EDGE_WORDS: &[&str] = &[
    "a", "after", "although", "an", "and", "as", "at", "because", "before", "being", "but", "by",
    "even", "for", "from", "had", "has", "have", "how", "if", "in", "is", "it", "of", "on", "or",
    "said", "says", "since", "so", "than", "that", "the", "their", "then", "this", "though", "to",
    "told", "was", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
    "why", "with", "yet",
];

/// "-ing" words that open a role ("acting director", "ranking member"); any
/// other opens a participle phrase ("bristling with anger"), not a role.
pub const ROLE_PARTICIPLES: &[&str] = &[
    "acting",
    "consulting",
    "founding",
    "governing",
    "incoming",
    "leading",
    "managing",
    "outgoing",
    "presiding",
    "ranking",
    "reigning",
    "retiring",
    "ruling",
    "serving",
    "sitting",
    "supervising",
    "visiting",
    "working",
];

/// Speech verbs that also name a transaction: followed by a figure they
/// commit money or things ("Deloitte has pledged $3 billion"), not words.
pub const PLEDGE_VERBS: &[&str] = &[
    "pledge",
    "pledged",
    "pledges",
    "pledging",
    "promise",
    "promised",
    "promises",
    "promising",
];

/// Subject pronouns (and relative pronouns) that can be a source.
pub const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "which", "who", "you"];

/// Words that end a source noun phrase when met walking left from a cue:
/// subordinators, conjunctions and prepositions that start a clause.
pub const CLAUSE_OPENERS: &[&str] = &[
    "after", "although", "as", "because", "before", "but", "if", "since", "so", "than", "that",
    "though", "unless", "until", "when", "where", "whether", "while", "yet",
];

/// Sentence openers that are not part of a source ("But Trump said").
pub const LEADING_CONNECTIVES: &[&str] = &[
    "also",
    "and",
    "but",
    "even",
    "however",
    "indeed",
    "meanwhile",
    "now",
    "so",
    "still",
    "then",
    "yet",
];

/// Words that cannot end a source noun phrase: a verb or function word
/// right before the cue means the cue is not the main verb of that phrase.
pub const NOT_SOURCE_END: &[&str] = &[
    "a", "an", "and", "any", "be", "been", "being", "by", "for", "from", "in", "is", "not", "of",
    "on", "or", "the", "to", "was", "were", "with",
];

/// Words that, right after a cue, start adjuncts rather than content, so the
/// content lies before the cue ("..., he said in a statement.").
pub const ADJUNCT_STARTS: &[&str] = &[
    "about", "after", "at", "before", "during", "earlier", "from", "in", "last", "later", "of",
    "on", "recently", "through", "to", "via", "when", "while",
];

/// Words that only anonymous sources use.
pub const ANONYMITY_MARKERS: &[&str] = &[
    "anonymity",
    "anonymously",
    "authorized",
    "briefed",
    "familiar",
    "insider",
    "insiders",
    "named",
    "unnamed",
];

/// Heads of source phrases that name a kind of person or source without a
/// name ("a Western diplomat", "two senior officials", "sources").
pub const ANONYMOUS_HEADS: &[&str] = &[
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "official",
    "officials",
    "person",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "staffer",
    "staffers",
];

/// Plural group nouns that can be a source ("Democrats say", "experts note").
pub const GROUP_HEADS: &[&str] = &[
    "activists",
    "advocates",
    "americans",
    "analysts",
    "conservatives",
    "critics",
    "democrats",
    "economists",
    "experts",
    "lawmakers",
    "leaders",
    "liberals",
    "observers",
    "officials",
    "opponents",
    "others",
    "people",
    "police",
    "protesters",
    "republicans",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "supporters",
    "voters",
];

/// Quantifiers and group words that make a source vague ("some inside the
/// administration", "many officials", "critics").
pub const VAGUE_WORDS: &[&str] = &[
    "analysts",
    "critics",
    "experts",
    "few",
    "many",
    "most",
    "observers",
    "others",
    "people",
    "some",
    "supporters",
    "various",
];

/// Determiners and numbers that make a phrase indefinite or counted.
pub const COUNTERS: &[&str] = &[
    "a", "an", "another", "four", "one", "several", "three", "two",
];

/// Agentless hedges: the text reports a view without saying whose.
pub const VAGUE_PHRASES: &[&str] = &[
    "allegedly",
    "critics said",
    "critics say",
    "is believed",
    "is considered",
    "is expected",
    "is seen as",
    "is thought",
    "is viewed as",
    "is widely",
    "it is believed",
    "it is said",
    "reportedly",
    "some say",
    "there are concerns",
    "was seen as",
    "widely seen",
];

/// "expressed skepticism", "raised concerns": a stance voiced (verb).
pub const EXPRESS_VERBS: &[&str] = &["expressed", "expressing", "raised", "raising", "voiced"];

/// What is voiced in "expressed skepticism", "raised concerns".
pub const EXPRESS_NOUNS: &[&str] = &[
    "alarm",
    "concern",
    "concerns",
    "confidence",
    "doubt",
    "doubts",
    "fears",
    "frustration",
    "opposition",
    "optimism",
    "outrage",
    "questions",
    "skepticism",
    "support",
];

/// "remain skeptical", "are confident": a view held (verb).
pub const STANCE_COPULAS: &[&str] = &[
    "are", "became", "grew", "is", "remain", "remained", "remains", "was", "were",
];

/// The view in "remain skeptical", "are confident".
pub const STANCE_ADJECTIVES: &[&str] = &[
    "adamant",
    "certain",
    "concerned",
    "confident",
    "convinced",
    "doubtful",
    "hopeful",
    "optimistic",
    "pessimistic",
    "skeptical",
    "unconvinced",
    "worried",
];

/// First words of [`VAGUE_PHRASES`], to find them without searching every sentence for each.
pub const VAGUE_STARTS: &[&str] = &[
    "allegedly",
    "critics",
    "is",
    "it",
    "reportedly",
    "some",
    "there",
    "was",
    "widely",
];

/// Words that never start a name.
pub const NOT_NAME_WORDS: &[&str] = &[
    "a",
    "according",
    "after",
    "american",
    "americans",
    "an",
    "and",
    "as",
    "at",
    "but",
    "democratic",
    "democrats",
    "european",
    "for",
    "former",
    "he",
    "her",
    "his",
    "i",
    "if",
    "in",
    "it",
    "its",
    "mr",
    "mrs",
    "ms",
    "of",
    "on",
    "republican",
    "republicans",
    "retired",
    "russian",
    "she",
    "that",
    "the",
    "their",
    "they",
    "this",
    "to",
    "u.s.",
    "ukrainian",
    "we",
    "western",
    "when",
];

/// Words that make a capitalised phrase an organisation.
pub const ORG_WORDS: &[&str] = &[
    "administration",
    "agency",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "campaign",
    "center",
    "centre",
    "coalition",
    "college",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "council",
    "court",
    "department",
    "federation",
    "forum",
    "foundation",
    "fund",
    "government",
    "group",
    "house",
    "inc",
    "institute",
    "institution",
    "journal",
    "league",
    "ministry",
    "nations",
    "network",
    "news",
    "office",
    "organization",
    "party",
    "police",
    "post",
    "project",
    "senate",
    "service",
    "states",
    "times",
    "union",
    "university",
];

/// Plural group words that make a source vague when no one is named.
pub const GROUP_WORDS: &[&str] = &[
    "activists",
    "americans",
    "analysts",
    "conservatives",
    "critics",
    "democrats",
    "economists",
    "europeans",
    "experts",
    "lawmakers",
    "leaders",
    "legislators",
    "liberals",
    "members",
    "observers",
    "opponents",
    "others",
    "people",
    "politicians",
    "progressives",
    "protesters",
    "republicans",
    "residents",
    "scientists",
    "supporters",
    "voters",
];

/// Reflexive pronouns, which stand between a name and its verb for
/// emphasis ("Trump himself said").
pub const REFLEXIVES: &[&str] = &[
    "herself",
    "himself",
    "itself",
    "myself",
    "ourselves",
    "themselves",
    "yourself",
];

/// Titles whose bearer takes a numeral ("King Charles I", "Pope Leo I"):
/// only after one of these is an "I" a numeral, not the writer.
pub const REGNAL_TITLES: &[&str] = &[
    "czar", "emperor", "empress", "kaiser", "king", "pharaoh", "pope", "prince", "princess",
    "queen", "sultan", "tsar",
];

/// Heads of a source that is hearsay, not a document anyone can find:
/// "according to local news reports", "accounts say".
pub const HEARSAY_HEADS: &[&str] = &["accounts", "reporting", "reports", "rumors", "rumours"];

/// Function words, adverbs and number words that never open a name, in any case: a
/// capitalised "Nearly", "Among" or "Accordingly" before a cue opens the
/// sentence, and is not the speaker ("Accordingly Turkey" is Turkey).
pub const NOT_NAME_OPENERS: &[&str] = &[
    "accordingly",
    "ah",
    "almost",
    "also",
    "although",
    "always",
    "among",
    "another",
    "any",
    "anyone",
    "both",
    "each",
    "eight",
    "either",
    "eleven",
    "every",
    "everybody",
    "everyone",
    "everything",
    "finally",
    "five",
    "hence",
    "however",
    "instead",
    "just",
    "let",
    "maybe",
    "meanwhile",
    "moreover",
    "nearly",
    "neither",
    "never",
    "nine",
    "nobody",
    "none",
    "nothing",
    "often",
    "oh",
    "once",
    "perhaps",
    "seven",
    "several",
    "six",
    "sometimes",
    "such",
    "ten",
    "therefore",
    "these",
    "those",
    "thus",
    "twelve",
    "usually",
    "why",
    "yes",
];

/// Documents that state findings on the record.
pub const DOCUMENTS: &[&str] = &[
    "analysis",
    "article",
    "audit",
    "book",
    "data",
    "documents",
    "email",
    "filing",
    "filings",
    "letter",
    "memo",
    "poll",
    "polls",
    "records",
    "report",
    "research",
    "review",
    "ruling",
    "statement",
    "studies",
    "study",
    "survey",
    "transcript",
    "tweet",
];

/// Nouns for people, so an unnamed one is an anonymous source.
pub const PERSON_NOUNS: &[&str] = &[
    "aide",
    "author",
    "candidate",
    "critic",
    "daughter",
    "doctor",
    "employee",
    "father",
    "friend",
    "husband",
    "insider",
    "lawyer",
    "man",
    "member",
    "mother",
    "neighbor",
    "operative",
    "owner",
    "person",
    "relative",
    "reporter",
    "resident",
    "son",
    "staffer",
    "student",
    "supporter",
    "surrogate",
    "teacher",
    "voter",
    "wife",
    "witness",
    "woman",
    "worker",
    "writer",
];

/// Institutions that speak on the record without a personal name.
pub const INSTITUTIONS: &[&str] = &[
    "administration",
    "agency",
    "authorities",
    "campaign",
    "committee",
    "company",
    "court",
    "department",
    "government",
    "ministry",
    "police",
    "prosecutors",
];

/// Head nouns that describe an organisation named earlier ("the company",
/// "the firm"): the attribution stage links them to that name, or calls
/// the source vague ([`crate::attribute`]'s `described`).
pub const ORG_DESCRIPTIONS: &[&str] = &[
    "agency",
    "airline",
    "automaker",
    "bank",
    "business",
    "carrier",
    "chain",
    "charity",
    "chipmaker",
    "company",
    "conglomerate",
    "corporation",
    "developer",
    "firm",
    "giant",
    "group",
    "insurer",
    "lender",
    "manufacturer",
    "network",
    "operator",
    "organisation",
    "organization",
    "outfit",
    "producer",
    "provider",
    "retailer",
    "startup",
    "supplier",
    "utility",
];

/// Words that qualify a share or count ("about half", "nearly 60 percent",
/// "more than 4 in 10", "at least a third").
pub const APPROXIMATORS: &[&str] = &[
    "a", "about", "almost", "around", "at", "fewer", "just", "least", "less", "more", "nearly",
    "only", "over", "roughly", "some", "than",
];

/// Words that open a share of a group ("half of voters", "most Democrats").
pub const SHARE_WORDS: &[&str] = &[
    "half",
    "majority",
    "minority",
    "most",
    "plurality",
    "quarter",
    "third",
    "two-thirds",
];

/// Words that open a noun phrase ("the data", "our survey").
pub const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those",
    "your",
];

/// Quantifiers that only come before a plural noun: in "many states base
/// their rules" or "Other states require", the cue-like word after them
/// ("states", "calls", "reports") is that noun, not a verb.
pub const PLURAL_QUANTIFIERS: &[&str] = &[
    "all", "both", "few", "many", "most", "multiple", "numerous", "other", "several", "some",
    "such", "these", "those", "various",
];

/// Auxiliaries and modals: a verb inside a plain source phrase means the
/// phrase is a clause, not a subject ("Trump so far has won 758 pledged").
/// The modals come from `crate::lexicon::MODALS` (in `ALL`).
pub const VERB_WORDS: &[&str] = &[
    "are", "did", "do", "does", "had", "has", "have", "is", "was", "were", "won",
];

/// Words for a publication when it speaks of itself ("The Post has learned").
pub const OUTLET_HEADS: &[&str] = &[
    "examiner",
    "globe",
    "guardian",
    "herald",
    "journal",
    "news",
    "newspaper",
    "post",
    "times",
    "tribune",
];

/// Verbs with which a publication reports its own findings.
pub const OUTLET_VERBS: &[&str] = &[
    "analysis",
    "confirmed",
    "found",
    "learned",
    "obtained",
    "review",
    "reviewed",
    "verified",
];

/// Gendered person words, for matching "he" and "she".
pub const MALE_WORDS: &[&str] = &[
    "brother",
    "congressman",
    "father",
    "husband",
    "king",
    "mr",
    "mr.",
    "son",
    "spokesman",
];
pub const FEMALE_WORDS: &[&str] = &[
    "congresswoman",
    "daughter",
    "mother",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "queen",
    "sister",
    "spokeswoman",
    "wife",
];

/// Person-denoting role words, used to tell a person source from an
/// organisation and to read a role from a source phrase: the text layer's
/// list ([`crate::segment::ROLE_HEADS`]), one home for both stages.
pub use crate::segment::ROLE_HEADS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_and_lower_case() {
        let lists: &[(&str, &[&str])] = &[
            ("CUE_VERBS", CUE_VERBS),
            ("STANCE_VERBS", STANCE_VERBS),
            ("NOUNISH", NOUNISH),
            ("GROUP_HEADS", GROUP_HEADS),
            ("EXPRESS_VERBS", EXPRESS_VERBS),
            ("EXPRESS_NOUNS", EXPRESS_NOUNS),
            ("STANCE_COPULAS", STANCE_COPULAS),
            ("STANCE_ADJECTIVES", STANCE_ADJECTIVES),
            ("VAGUE_STARTS", VAGUE_STARTS),
            ("NOT_NAME_WORDS", NOT_NAME_WORDS),
            ("NOT_NAME_OPENERS", NOT_NAME_OPENERS),
            ("LABEL_WORDS", LABEL_WORDS),
            ("DETERMINERS", DETERMINERS),
            ("PLURAL_QUANTIFIERS", PLURAL_QUANTIFIERS),
            ("APPROXIMATORS", APPROXIMATORS),
            ("SHARE_WORDS", SHARE_WORDS),
            ("ORG_DESCRIPTIONS", ORG_DESCRIPTIONS),
            ("ORG_WORDS", ORG_WORDS),
            ("GROUP_WORDS", GROUP_WORDS),
            ("DOCUMENTS", DOCUMENTS),
            ("PERSON_NOUNS", PERSON_NOUNS),
            ("INSTITUTIONS", INSTITUTIONS),
            ("VERB_WORDS", VERB_WORDS),
            ("COGNITION_VERBS", COGNITION_VERBS),
            ("OBJECT_VERBS", OBJECT_VERBS),
            ("PARTICIPLES", PARTICIPLES),
            ("PASSIVE_PARTICIPLES", PASSIVE_PARTICIPLES),
            ("BE_FORMS", BE_FORMS),
            ("CUE_PREFIXES", CUE_PREFIXES),
            ("CUE_TIME_SUFFIXES", CUE_TIME_SUFFIXES),
            ("PRONOUNS", PRONOUNS),
            ("CLAUSE_OPENERS", CLAUSE_OPENERS),
            ("LEADING_CONNECTIVES", LEADING_CONNECTIVES),
            ("NOT_SOURCE_END", NOT_SOURCE_END),
            ("ADJUNCT_STARTS", ADJUNCT_STARTS),
            ("ANONYMITY_MARKERS", ANONYMITY_MARKERS),
            ("ANONYMOUS_HEADS", ANONYMOUS_HEADS),
            ("VAGUE_WORDS", VAGUE_WORDS),
            ("COUNTERS", COUNTERS),
            ("VAGUE_PHRASES", VAGUE_PHRASES),
            ("OUTLET_HEADS", OUTLET_HEADS),
            ("OUTLET_VERBS", OUTLET_VERBS),
            ("MALE_WORDS", MALE_WORDS),
            ("FEMALE_WORDS", FEMALE_WORDS),
            ("ROLE_HEADS", ROLE_HEADS),
            ("CAPTION_WORDS", CAPTION_WORDS),
            ("SPEAKER_EDGE_WORDS", SPEAKER_EDGE_WORDS),
            ("PLEDGE_VERBS", PLEDGE_VERBS),
            ("HEARSAY_HEADS", HEARSAY_HEADS),
            ("REGNAL_TITLES", REGNAL_TITLES),
            ("REFLEXIVES", REFLEXIVES),
            ("ROLE_PARTICIPLES", ROLE_PARTICIPLES),
        ];
        for (name, list) in lists {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for w in *list {
                assert_eq!(*w, w.to_ascii_lowercase(), "{name}: {w}");
            }
        }
    }

    #[test]
    fn every_word_fits_the_length_cut_and_is_found_in_the_table() {
        for (list, bit) in ALL {
            for w in *list {
                assert!(w.len() <= MAX_WORD_BYTES, "{w}");
                assert!(class(w) & bit != 0, "{w}");
                assert!(class(&w.to_ascii_uppercase()) & bit != 0, "{w}");
            }
        }
        assert_eq!(class("zzzzzz"), 0);
        assert_eq!(class(""), 0);
        assert_eq!(class("a-very-long-word-beyond-the-cut"), 0);
    }

    #[test]
    fn lookup_folds_case_and_curly_apostrophes() {
        assert!(contains(CUE_VERBS, "Said"));
        assert!(contains(CUE_VERBS, "TOLD"));
        assert!(contains(&["don't"], "Don’t"));
        assert!(!contains(CUE_VERBS, "saidé"));
        assert!(!contains(CUE_VERBS, &"x".repeat(100)));
    }
}
