//! What class names and ids say about an element. The word lists are
//! Readability.js's (Apache-2.0), which a decade of reader-mode use has
//! tuned; they are matched as lower-case substrings by hand rather than
//! with regexes, which is faster and keeps the WASM small.

/// Lower-cases `class + " " + id`, the string the hints are tested on.
pub fn match_string(class: &str, id: &str) -> String {
    let mut s = String::with_capacity(class.len() + id.len() + 1);
    s.push_str(class);
    s.push(' ');
    s.push_str(id);
    s.to_lowercase()
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Page furniture: navigation, comments, footers, social widgets, ads.
pub fn is_unlikely(s: &str) -> bool {
    contains_any(
        s,
        &[
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
        ],
    )
}

/// Words that rescue an otherwise unlikely element ("comments" in
/// "article-body-with-comments").
pub fn is_maybe_candidate(s: &str) -> bool {
    contains_any(
        s,
        &[
            "and", "article", "body", "column", "content", "main", "shadow",
        ],
    )
}

pub fn is_positive(s: &str) -> bool {
    contains_any(
        s,
        &[
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
        ],
    )
}

pub fn is_negative(s: &str) -> bool {
    contains_any(
        s,
        &[
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
        ],
    ) || has_hid_word(s)
}

/// "hid" as a whole space-separated word.
fn has_hid_word(s: &str) -> bool {
    s.split(' ').any(|w| w == "hid")
}

pub fn is_byline(s: &str) -> bool {
    contains_any(
        s,
        &["byline", "author", "dateline", "writtenby", "p-author"],
    )
}

/// "share" or "sharedaddy" as a word, `_` counting as a separator.
pub fn is_share_element(s: &str) -> bool {
    let bytes = s.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric();
    for word in ["sharedaddy", "share"] {
        let mut from = 0;
        while let Some(pos) = s[from..].find(word) {
            let start = from + pos;
            let end = start + word.len();
            let before_ok = start == 0 || !is_word(bytes[start - 1]);
            let after_ok = end == bytes.len() || !is_word(bytes[end]);
            if before_ok && after_ok {
                return true;
            }
            from = start + 1;
        }
    }
    false
}

/// Readability's class weight: ±25 for each of class and id that looks
/// like content or like furniture.
pub fn class_weight(class: &str, id: &str) -> i32 {
    let mut weight = 0;
    for value in [class, id] {
        if value.is_empty() {
            continue;
        }
        let v = value.to_lowercase();
        if is_negative(&v) {
            weight -= 25;
        }
        if is_positive(&v) {
            weight += 25;
        }
    }
    weight
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
