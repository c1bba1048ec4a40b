//! What class names and ids say about an element. The word lists are
//! Readability.js's (Apache-2.0), which a decade of reader-mode use has
//! tuned, extended with banners for cookies and newsletters and "most
//! read" lists. They are matched as case-insensitive substrings in one pass
//! by hand rather than with regexes: faster, and the WASM stays small.

use std::sync::OnceLock;

use crate::fxhash::FxMap;

/// Lower-cases `class + " " + id`, the string the hints are tested on.
pub fn match_string(class: &str, id: &str) -> String {
    let mut s = String::with_capacity(class.len() + id.len() + 1);
    s.push_str(class);
    s.push(' ');
    s.push_str(id);
    s.to_lowercase()
}

const UNLIKELY: u8 = 1;
const MAYBE: u8 = 2;
const POSITIVE: u8 = 4;
const NEGATIVE: u8 = 8;
const BYLINE: u8 = 16;

/// Page furniture: navigation, comments, footers, social widgets, ads,
/// banners for cookies and newsletters, "most read" lists.
const UNLIKELY_WORDS: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "cookie",
    "consent",
    "newsletter",
    "subscribe",
    "signup",
    "most-read",
    "mostread",
    "popular",
    "trending",
    "taboola",
    "outbrain",
    "recommend",
];

/// Words that rescue an otherwise unlikely element ("comments" in
/// "article-body-with-comments").
const MAYBE_WORDS: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

const POSITIVE_WORDS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

const NEGATIVE_WORDS: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

const BYLINE_WORDS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Hint words starting with one byte, each with its category bits.
type Bucket = Vec<(&'static [u8], u8)>;

/// Every hint word with its category bits, by lower-case first byte.
fn word_table() -> &'static [Bucket] {
    static TABLE: OnceLock<Vec<Bucket>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<Bucket> = vec![Vec::new(); 256];
        for (words, bit) in [
            (UNLIKELY_WORDS, UNLIKELY),
            (MAYBE_WORDS, MAYBE),
            (POSITIVE_WORDS, POSITIVE),
            (NEGATIVE_WORDS, NEGATIVE),
            (BYLINE_WORDS, BYLINE),
        ] {
            for w in words {
                let bytes = w.as_bytes();
                let slot = &mut table[usize::from(bytes[0])];
                match slot.iter_mut().find(|(b, _)| *b == bytes) {
                    Some((_, bits)) => *bits |= bit,
                    None => slot.push((bytes, bit)),
                }
            }
        }
        table
    })
}

/// The categories whose words occur in `s`, ignoring ASCII case. One pass
/// over `s`, trying only the words that start with each byte.
fn scan(s: &str) -> u8 {
    let table = word_table();
    let b = s.as_bytes();
    let mut bits = 0u8;
    for p in 0..b.len() {
        for (word, bit) in &table[usize::from(b[p].to_ascii_lowercase())] {
            if bits & bit != *bit
                && b.len() - p >= word.len()
                && b[p..p + word.len()].eq_ignore_ascii_case(word)
            {
                bits |= bit;
            }
        }
    }
    bits
}

/// Page furniture: navigation, comments, footers, social widgets, ads.
pub fn is_unlikely(s: &str) -> bool {
    scan(s) & UNLIKELY != 0
}

pub fn is_maybe_candidate(s: &str) -> bool {
    scan(s) & MAYBE != 0
}

pub fn is_positive(s: &str) -> bool {
    scan(s) & POSITIVE != 0
}

pub fn is_negative(s: &str) -> bool {
    scan(s) & NEGATIVE != 0 || has_hid_word(s)
}

/// "hid" as a whole space-separated word.
fn has_hid_word(s: &str) -> bool {
    s.split(' ').any(|w| w.eq_ignore_ascii_case("hid"))
}

pub fn is_byline(s: &str) -> bool {
    scan(s) & BYLINE != 0
}

/// "share" or "sharedaddy" as a word, `_` counting as a separator.
pub fn is_share_element(s: &str) -> bool {
    let b = s.as_bytes();
    let is_word = |c: u8| c.is_ascii_alphanumeric();
    for word in [&b"sharedaddy"[..], &b"share"[..]] {
        for start in 0..b.len().saturating_sub(word.len() - 1) {
            let end = start + word.len();
            if b[start..end].eq_ignore_ascii_case(word)
                && (start == 0 || !is_word(b[start - 1]))
                && (end == b.len() || !is_word(b[end]))
            {
                return true;
            }
        }
    }
    false
}

/// Readability's class weight: ±25 for each of class and id that looks
/// like content or like furniture.
pub fn class_weight(class: &str, id: &str) -> i32 {
    weight_of(class, scan(class)) + weight_of(id, scan(id))
}

fn weight_of(value: &str, bits: u8) -> i32 {
    if value.is_empty() {
        return 0;
    }
    let mut weight = 0;
    if bits & NEGATIVE != 0 || has_hid_word(value) {
        weight -= 25;
    }
    if bits & POSITIVE != 0 {
        weight += 25;
    }
    weight
}

/// What an element's class and id say, computed once per page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeHints {
    /// Furniture by name ([`is_unlikely`]) and not rescued ([`is_maybe_candidate`]).
    pub unlikely: bool,
    /// Names a byline ([`is_byline`]).
    pub byline: bool,
    /// Names a share bar ([`is_share_element`]).
    pub share: bool,
    /// [`class_weight`].
    pub weight: i8,
}

impl NodeHints {
    pub fn of(class: &str, id: &str) -> NodeHints {
        if class.is_empty() && id.is_empty() {
            return NodeHints::default();
        }
        // Class and id are scanned apart (a word spanning the two would
        // be a coincidence anyway).
        let (class_bits, id_bits) = (scan(class), scan(id));
        let bits = class_bits | id_bits;
        NodeHints {
            unlikely: bits & UNLIKELY != 0 && bits & MAYBE == 0,
            byline: bits & BYLINE != 0,
            share: is_share_element(class) || is_share_element(id),
            weight: (weight_of(class, class_bits) + weight_of(id, id_bits)) as i8,
        }
    }
}

/// [`NodeHints`] of every snapshot node.
#[derive(Debug, Default)]
pub struct Hints(Vec<NodeHints>);

impl Hints {
    pub fn new(tree: &crate::snapshot::Tree<'_>) -> Self {
        // Pages repeat the same class names on many elements (list items,
        // cards, utility classes): each distinct pair is scanned once.
        let mut seen: FxMap<(&str, &str), NodeHints> = FxMap::default();
        Hints(
            (0..tree.len())
                .map(|i| {
                    let n = tree.node(i);
                    let class = n.class.as_deref().unwrap_or("");
                    let id = n.id.as_deref().unwrap_or("");
                    if class.is_empty() && id.is_empty() {
                        return NodeHints::default();
                    }
                    *seen
                        .entry((class, id))
                        .or_insert_with(|| NodeHints::of(class, id))
                })
                .collect(),
        )
    }

    /// The hints of snapshot node `src`.
    pub fn get(&self, src: usize) -> NodeHints {
        self.0.get(src).copied().unwrap_or_default()
    }
}

/// Roles whose element is never the article.
pub fn is_unlikely_role(role: &str) -> bool {
    matches!(
        role,
        "menu" | "menubar" | "complementary" | "navigation" | "alert" | "alertdialog" | "dialog"
    )
}

/// The whole text is an ad label or a loading placeholder.
pub fn is_ad_or_loading_text(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let is_ad = matches!(
        t.as_str(),
        "ad" | "advertising"
            | "advertisement"
            | "pub"
            | "publicité"
            | "werb"
            | "werbung"
            | "广告"
            | "реклама"
            | "anuncio"
    );
    let stem = t
        .strip_suffix('…')
        .or_else(|| t.strip_suffix("..."))
        .unwrap_or(&t);
    is_ad
        || matches!(
            stem,
            "loading" | "正在加载" | "загрузка" | "chargement" | "cargando"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_match_like_readability() {
        let cases: &[(&str, bool, bool, bool, bool)] = &[
            // (match string, unlikely, maybe, positive, negative)
            ("sidebar-left ", true, false, false, true),
            ("comments-area comments", true, false, false, true),
            ("article-comments ", true, true, true, true),
            ("story-body ", false, true, true, false),
            ("post-header ", true, false, true, false),
            ("x hid", false, false, false, true),
            ("hidden-xs ", false, false, false, true),
            ("chidden ", false, false, false, true),
            ("shid ", false, false, false, false),
            ("", false, false, false, false),
        ];
        for &(s, unlikely, maybe, positive, negative) in cases {
            assert_eq!(is_unlikely(s), unlikely, "unlikely {s:?}");
            assert_eq!(is_maybe_candidate(s), maybe, "maybe {s:?}");
            assert_eq!(is_positive(s), positive, "positive {s:?}");
            assert_eq!(is_negative(s), negative, "negative {s:?}");
        }
    }

    #[test]
    fn share_must_be_a_word() {
        for (s, expected) in [
            ("share-buttons ", true),
            ("social_share ", true),
            ("sharedaddy sd-block", true),
            ("sharebar ", false),
            ("timeshare ", false),
            (" share", true),
        ] {
            assert_eq!(is_share_element(s), expected, "{s:?}");
        }
    }

    #[test]
    fn class_weight_counts_class_and_id_separately() {
        assert_eq!(class_weight("entry-content", "comments"), 0);
        assert_eq!(class_weight("entry-content", ""), 25);
        assert_eq!(class_weight("sidebar", "sidebar"), -50);
        assert_eq!(class_weight("Post-Body", ""), 25);
    }

    #[test]
    fn ad_and_loading_labels() {
        for (s, expected) in [
            ("Advertisement", true),
            (" ad ", true),
            ("Loading…", true),
            ("loading...", true),
            ("Read more", false),
            ("ad-free", false),
        ] {
            assert_eq!(is_ad_or_loading_text(s), expected, "{s:?}");
        }
    }
}
