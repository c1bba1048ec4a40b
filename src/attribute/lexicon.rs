//! Word lists for attribution, and a case-insensitive lookup that never
//! allocates. Every list is sorted (a unit test checks it) so lookups are
//! binary searches over lower-case ASCII.

/// Lower-cases `word` into `buf`; `None` when it is too long or not ASCII
/// (no list entry is either, except through [`fold_apostrophes`]).
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 40]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            _ => return None,
        };
        *buf.get_mut(n)? = c as u8;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// True when `word`, compared case-insensitively, is in the sorted `list`.
pub fn contains(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 40];
    lower(word, &mut buf).is_some_and(|w| list.binary_search(&w).is_ok())
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
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "advised",
    "agree",
    "agreed",
    "agrees",
    "alleged",
    "alleges",
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
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "assured",
    "attacked",
    "bemoaned",
    "blamed",
    "blasted",
    "boasted",
    "bragged",
    "call",
    "called",
    "calling",
    "calls",
    "cautioned",
    "charged",
    "cited",
    "citing",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "commented",
    "complain",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "concluded",
    "concludes",
    "condemned",
    "confirmed",
    "confirms",
    "contend",
    "contended",
    "contends",
    "continued",
    "countered",
    "credited",
    "criticize",
    "criticized",
    "criticizes",
    "criticizing",
    "declare",
    "declared",
    "declares",
    "declaring",
    "defended",
    "defending",
    "defends",
    "demanded",
    "demands",
    "denied",
    "denies",
    "denounced",
    "deny",
    "described",
    "describes",
    "describing",
    "disclosed",
    "dismissed",
    "disputed",
    "disputes",
    "echoed",
    "emphasised",
    "emphasized",
    "emphasizes",
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
    "insist",
    "insisted",
    "insisting",
    "insists",
    "joked",
    "lamented",
    "learned",
    "mentioned",
    "mocked",
    "note",
    "noted",
    "notes",
    "noting",
    "observed",
    "pledged",
    "pointed",
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
    "quipped",
    "recalled",
    "recalling",
    "recalls",
    "referred",
    "referring",
    "rejected",
    "remarked",
    "replied",
    "reported",
    "reports",
    "responded",
    "retorted",
    "revealed",
    "said",
    "say",
    "saying",
    "says",
    "show",
    "showed",
    "showing",
    "shows",
    "slammed",
    "stated",
    "stating",
    "stressed",
    "stresses",
    "suggest",
    "suggested",
    "suggesting",
    "suggests",
    "talked",
    "talking",
    "tell",
    "telling",
    "tells",
    "testified",
    "threatened",
    "told",
    "tweeted",
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
    "writes",
    "writing",
    "wrote",
];

/// Verbs of wanting, planning and taking a stance. PolNeAR counts them as
/// attributions (of intentions and sentiments), so the evaluation does, but
/// a sentence like "Trump wants a wall" is the article's own report about
/// Trump, not a claim sourced to him: these never source a sentence.
pub const STANCE_VERBS: &[&str] = &[
    "backed",
    "backing",
    "backs",
    "decided",
    "declined",
    "endorsed",
    "endorses",
    "endorsing",
    "hoping",
    "intend",
    "intends",
    "knew",
    "know",
    "knows",
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
    "sought",
    "support",
    "supported",
    "supporting",
    "supports",
    "view",
    "views",
    "want",
    "wanted",
    "wants",
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
    "citing",
    "claiming",
    "explaining",
    "insisting",
    "noting",
    "promising",
    "saying",
    "suggesting",
    "telling",
    "urging",
    "warning",
];

/// Participles of passive attribution: "X is viewed by Y as ...".
pub const PASSIVE_PARTICIPLES: &[&str] = &[
    "believed",
    "considered",
    "criticized",
    "described",
    "echoed",
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

/// Words that may follow a cue as part of it ("said Thursday morning").
pub const CUE_TIME_SUFFIXES: &[&str] = &[
    "afternoon",
    "earlier",
    "evening",
    "friday",
    "last",
    "later",
    "monday",
    "morning",
    "night",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "week",
    "yesterday",
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
/// organisation and to read a role from a source phrase.
pub const ROLE_HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "chairman",
    "chairwoman",
    "chief",
    "commissioner",
    "congressman",
    "congresswoman",
    "counsel",
    "diplomat",
    "director",
    "economist",
    "envoy",
    "executive",
    "governor",
    "leader",
    "manager",
    "mayor",
    "minister",
    "negotiator",
    "nominee",
    "official",
    "president",
    "professor",
    "representative",
    "secretary",
    "senator",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
];

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
        ];
        let lists = lists.iter().chain(super::super::speakers::LISTS);
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
    fn lookup_folds_case_and_curly_apostrophes() {
        assert!(contains(CUE_VERBS, "Said"));
        assert!(contains(CUE_VERBS, "TOLD"));
        assert!(contains(&["don't"], "Don’t"));
        assert!(!contains(CUE_VERBS, "saidé"));
        assert!(!contains(CUE_VERBS, &"x".repeat(100)));
    }
}
