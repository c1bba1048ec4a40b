//! Article metadata: title, byline and authors, publication date, site
//! name, language, address and excerpt.
//!
//! Sources, strongest first: the publisher's JSON-LD (`NewsArticle`,
//! `Article` and their kin, also inside `@graph`), then `<meta>` tags
//! (Dublin Core, OpenGraph, Twitter, Parse.ly, `article:published_time`),
//! then the page itself (`<title>`, byline markup, `<time datetime>`) and,
//! last, a date in the article's address (`/2015/03/18/`). The
//! order of the meta keys follows Readability.js, whose choices readers
//! have long lived with.

use std::collections::HashMap;

use serde_json::Value;

use super::dates::parse_date;
use super::title::{article_title, similarity};
use crate::calendar::Date;
use crate::snapshot::{Snapshot, Tree};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    /// The byline as the page gives it, without a leading "By".
    pub byline: Option<String>,
    /// The byline's people, one name each.
    pub authors: Vec<String>,
    pub published: Option<Date>,
    pub site: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    pub excerpt: Option<String>,
}

/// Metadata from the page's head and JSON-LD. Byline markup, the excerpt
/// from the first paragraph and `<time>` elements are filled in later by
/// [`super::extract`], which knows where the article is.
pub fn metadata(snapshot: &Snapshot, tree: &Tree<'_>) -> Metadata {
    let values = meta_values(snapshot);
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| values.get(*k))
            .map(|v| unescape_html(v))
            .filter(|v| !v.trim().is_empty())
    };
    let page_title = || {
        let (headings, h1s) = headings(tree);
        article_title(&snapshot.title, &headings, &h1s)
    };
    let ld = jsonld_article(snapshot, &page_title);
    let ld = ld.as_ref();

    let title = ld
        .and_then(|l| l.title.clone())
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or_else(|| Some(page_title()).filter(|t| !t.is_empty()));

    let article_author = get(&["article:author"]).filter(|a| !looks_like_url(a));
    let byline = ld
        .and_then(|l| l.byline.clone())
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or(article_author);
    let authors = match ld.map(|l| &l.authors) {
        Some(names) if !names.is_empty() && byline == ld.and_then(|l| l.byline.clone()) => {
            names.clone()
        }
        _ => byline.as_deref().map(split_authors).unwrap_or_default(),
    };

    let published = ld
        .and_then(|l| l.published.as_deref())
        .and_then(parse_date)
        .or_else(|| {
            get(&["article:published_time"])
                .as_deref()
                .and_then(parse_date)
        })
        .or_else(|| get(&["parsely-pub-date"]).as_deref().and_then(parse_date))
        .or_else(|| {
            DATE_META_KEYS
                .iter()
                .find_map(|k| snapshot.meta(&[k]).and_then(parse_date))
        })
        .or_else(|| any_jsonld_date(snapshot));

    let site = ld
        .and_then(|l| l.site.clone())
        .or_else(|| get(&["og:site_name"]));

    let lang = snapshot.lang.clone().or_else(|| {
        snapshot
            .meta(&["content-language"])
            .map(|l| l.replace('_', "-"))
    });

    let url = snapshot
        .canonical
        .clone()
        .or_else(|| snapshot.meta(&["og:url"]).map(str::to_string))
        .or_else(|| (!snapshot.url.is_empty()).then(|| snapshot.url.clone()));

    let excerpt = ld.and_then(|l| l.excerpt.clone()).or_else(|| {
        get(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });

    Metadata {
        title: title.map(|t| unescape_html(&t)),
        byline: byline.map(|b| clean_byline(&unescape_html(&b))),
        authors,
        published,
        site: site.map(|s| unescape_html(&s)),
        lang,
        url,
        excerpt: excerpt.map(|e| unescape_html(&e)),
    }
}

/// The first byline in the page's markup (`rel="author"`, `itemprop="author"`,
/// a `byline` or `author` class) outside hidden subtrees and `excluded`
/// ones (comment sections): its `itemprop="name"` part when it has one.
pub fn byline_from_markup(
    tree: &Tree<'_>,
    hints: &super::hints::Hints,
    excluded: &[usize],
) -> Option<String> {
    let mut i = 0;
    while i < tree.len() {
        let node = tree.node(i);
        if node.hidden || excluded.contains(&i) {
            i = tree.subtree_end(i);
            continue;
        }
        let marked = !node.is_text()
            && (node.rel.as_deref() == Some("author")
                || node
                    .itemprop
                    .as_deref()
                    .is_some_and(|p| p.contains("author"))
                || hints.get(i).byline);
        if marked {
            let end = tree.subtree_end(i);
            let name = (i + 1..end)
                .find(|&j| {
                    tree.node(j)
                        .itemprop
                        .as_deref()
                        .is_some_and(|p| p.contains("name"))
                })
                .unwrap_or(i);
            let text: String = (name..tree.subtree_end(name))
                .filter_map(|j| tree.node(j).text.as_deref())
                .collect();
            let text = text.trim();
            let len = text.chars().count();
            if len > 0 && len < 100 && text.chars().any(char::is_alphabetic) {
                return Some(text.to_string());
            }
        }
        i += 1;
    }
    None
}

/// Further `<meta>` names pages put their publication date under.
const DATE_META_KEYS: &[&str] = &[
    "datepublished",
    "article:published",
    "og:published_time",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "article.published",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
];

/// Texts of the page's `<h1>`/`<h2>` headings and of its `<h1>`s alone.
fn headings(tree: &Tree<'_>) -> (Vec<String>, Vec<String>) {
    let mut headings = Vec::new();
    let mut h1s = Vec::new();
    for i in 0..tree.len() {
        let tag = tree.node(i).tag.as_str();
        if tag != "h1" && tag != "h2" {
            continue;
        }
        let text: String = (i..tree.subtree_end(i))
            .filter_map(|j| tree.node(j).text.as_deref())
            .collect();
        if tag == "h1" {
            h1s.push(text.clone());
        }
        headings.push(text);
    }
    (headings, h1s)
}

/// `<meta>` values under Readability's normalised keys (`og:title`,
/// `dc:creator`, `author`, ...); a later tag overrides an earlier one.
fn meta_values(snapshot: &Snapshot) -> HashMap<String, String> {
    const PROPERTY_PREFIXES: &[&str] = &["article", "dc", "dcterm", "og", "twitter"];
    const PROPERTY_FIELDS: &[&str] = &[
        "author",
        "creator",
        "description",
        "published_time",
        "title",
        "site_name",
    ];
    const NAME_PREFIXES: &[&str] = &[
        "dc",
        "dcterm",
        "og",
        "twitter",
        "parsely",
        "weibo:article",
        "weibo:webpage",
    ];
    const NAME_FIELDS: &[&str] = &[
        "author",
        "creator",
        "pub-date",
        "description",
        "title",
        "site_name",
    ];
    let mut values = HashMap::new();
    for tag in &snapshot.meta {
        if tag.content.is_empty() {
            continue;
        }
        // A property may list several names ("og:title twitter:title") or
        // nest them ("og:article:author"): the first known pair counts.
        let property = first_property_pair(&tag.key, PROPERTY_PREFIXES, PROPERTY_FIELDS);
        let name = property.or_else(|| {
            let key = tag.key.trim();
            if NAME_FIELDS.contains(&key) {
                return Some(key.to_string());
            }
            NAME_PREFIXES.iter().find_map(|prefix| {
                let rest = key.strip_prefix(prefix)?;
                let field = rest.strip_prefix(['-', '.', ':'])?;
                NAME_FIELDS.contains(&field).then(|| key.replace('.', ":"))
            })
        });
        if let Some(name) = name {
            values.insert(name, tag.content.trim().to_string());
        }
    }
    values
}

/// The first `prefix:field` in `key` (anywhere in it, as Readability's
/// unanchored pattern finds it), as `"prefix:field"`. The earliest start
/// wins, then list order; tried in place at each start instead of building
/// and searching for every pair (a page has hundreds of meta tags).
fn first_property_pair(key: &str, prefixes: &[&str], fields: &[&str]) -> Option<String> {
    let key = key.as_bytes();
    (0..key.len()).find_map(|at| {
        prefixes.iter().find_map(|prefix| {
            let rest = key[at..].strip_prefix(prefix.as_bytes())?;
            let rest = rest.strip_prefix(b":")?;
            let field = fields.iter().find(|f| rest.starts_with(f.as_bytes()))?;
            Some(format!("{prefix}:{field}"))
        })
    })
}

/// What a JSON-LD article object says.
#[derive(Debug, Default)]
struct LdArticle {
    title: Option<String>,
    byline: Option<String>,
    authors: Vec<String>,
    excerpt: Option<String>,
    site: Option<String>,
    published: Option<String>,
}

/// schema.org types of articles (and of posts that read like them).
fn is_article_type(t: &str) -> bool {
    t.starts_with("Article")
        || t.ends_with("APIReference")
        || [
            "AdvertiserContentArticle",
            "NewsArticle",
            "AnalysisNewsArticle",
            "AskPublicNewsArticle",
            "BackgroundNewsArticle",
            "OpinionNewsArticle",
            "ReportageNewsArticle",
            "ReviewNewsArticle",
            "Report",
            "SatiricalArticle",
            "ScholarlyArticle",
            "MedicalScholarlyArticle",
            "SocialMediaPosting",
            "BlogPosting",
            "LiveBlogPosting",
            "DiscussionForumPosting",
            "TechArticle",
        ]
        .iter()
        .any(|k| t.contains(k))
}

fn has_article_type(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => is_article_type(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(is_article_type)),
        _ => false,
    }
}

fn is_schema_org(context: Option<&Value>) -> bool {
    let matches = |s: &str| {
        let s = s.trim_end_matches('/');
        s == "http://schema.org" || s == "https://schema.org"
    };
    match context {
        Some(Value::String(s)) => matches(s),
        Some(Value::Object(o)) => o.get("@vocab").and_then(Value::as_str).is_some_and(matches),
        Some(Value::Array(items)) => items.iter().any(|c| is_schema_org(Some(c))),
        _ => false,
    }
}

/// Parses a JSON-LD block, tolerating a CDATA wrapper.
fn parse_block(block: &str) -> Option<Value> {
    let text = block.trim();
    let text = text.strip_prefix("<![CDATA[").unwrap_or(text);
    let text = text.strip_suffix("]]>").unwrap_or(text);
    serde_json::from_str(text.trim()).ok()
}

/// The first schema.org article object in the page's JSON-LD.
fn jsonld_article(snapshot: &Snapshot, page_title: &dyn Fn() -> String) -> Option<LdArticle> {
    for block in &snapshot.jsonld {
        let Some(value) = parse_block(block) else {
            continue;
        };
        // A top-level list: its first article; an object: itself or its @graph.
        let (context, candidates): (Option<&Value>, Vec<&Value>) = match &value {
            Value::Array(items) => match items.iter().find(|i| has_article_type(i)) {
                Some(item) => (item.get("@context"), vec![item]),
                None => continue,
            },
            Value::Object(_) => {
                let mut c = vec![&value];
                if let Some(Value::Array(graph)) = value.get("@graph") {
                    c.extend(graph.iter());
                }
                (value.get("@context"), c)
            }
            _ => continue,
        };
        if !is_schema_org(context) {
            continue;
        }
        let Some(article) = candidates.into_iter().find(|c| has_article_type(c)) else {
            continue;
        };
        return Some(read_article(article, page_title));
    }
    None
}

fn read_article(v: &Value, page_title: &dyn Fn() -> String) -> LdArticle {
    let string = |key: &str| {
        v.get(key)
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let (name, headline) = (string("name"), string("headline"));
    // Some sites put their own name in "name": prefer the headline when it,
    // and not the name, resembles the page title.
    let title = match (name, headline) {
        (Some(name), Some(headline)) if name != headline => {
            let page = page_title();
            let name_ok = similarity(&name, &page) > 0.75;
            let headline_ok = similarity(&headline, &page) > 0.75;
            Some(if headline_ok && !name_ok {
                headline
            } else {
                name
            })
        }
        (name, headline) => name.or(headline),
    };
    let authors = v.get("author").map(author_names).unwrap_or_default();
    LdArticle {
        title,
        byline: (!authors.is_empty()).then(|| authors.join(", ")),
        authors,
        excerpt: string("description"),
        site: v
            .get("publisher")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        published: string("datePublished"),
    }
}

/// Names in a JSON-LD `author`: a Person or Organization, a plain name, or
/// a list of either.
fn author_names(v: &Value) -> Vec<String> {
    let one = |a: &Value| -> Option<String> {
        match a {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Object(o) => o
                .get("name")
                .and_then(Value::as_str)
                .map(|s| s.trim().to_string()),
            _ => None,
        }
        .filter(|s| !s.is_empty() && !looks_like_url(s))
    };
    match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    }
}

/// A `datePublished` from any JSON-LD object (a WebPage, an unmarked
/// article), when no article object gave one.
fn any_jsonld_date(snapshot: &Snapshot) -> Option<Date> {
    for block in &snapshot.jsonld {
        let Some(value) = parse_block(block) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(o) => {
                    if let Some(d) = o
                        .get("datePublished")
                        .and_then(Value::as_str)
                        .and_then(parse_date)
                    {
                        return Some(d);
                    }
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// True for an absolute URL (`scheme:...`), which is no author name.
fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    match s.split_once(':') {
        Some((scheme, _)) => {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Collapses whitespace, drops a leading "By" ("Posted by", "Written by")
/// and cuts a date or time the byline runs on into ("Jane Roe Monday,
/// February 29, 2016", "Jane Roe · 3 hours ago", "Jane Roe | May 2").
pub fn clean_byline(raw: &str) -> String {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut rest = collapsed.as_str();
    // "Updated January 08, 2026 Written by Jane Roe": the date comes first, so
    // the name is what follows the "by".
    if rest.split(' ').next().is_some_and(starts_a_date) {
        if let Some(at) = rest.to_ascii_lowercase().find(" by ") {
            rest = &rest[at + " by ".len()..];
        }
    }
    for prefix in ["posted by ", "written by ", "words by ", "by: ", "by "] {
        if let Some(head) = rest.get(..prefix.len()) {
            if head.eq_ignore_ascii_case(prefix) {
                rest = &rest[prefix.len()..];
                break;
            }
        }
    }
    let words = rest.split([' ', '\u{a0}']).collect::<Vec<_>>();
    let mut kept_words: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let next_is_number = words
            .get(i + 1)
            .is_some_and(|n| n.bytes().next().is_some_and(|b| b.is_ascii_digit()));
        if starts_a_date(w) || (next_is_number && super::dates::is_month_name(w)) {
            break;
        }
        // "Nolan22 Dec": a date glued onto the name.
        if let Some(d) = w.find(|c: char| c.is_ascii_digit()) {
            kept_words.push(&w[..d]);
            break;
        }
        kept_words.push(w);
    }
    let kept = kept_words.join(" ");
    let kept = kept
        .split(['·', '|', '•', '—'])
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | ':'));
    if kept.is_empty() {
        collapsed
    } else {
        kept.to_string()
    }
}

/// A word that starts the date or time part of a byline.
fn starts_a_date(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    crate::calendar::WEEKDAY_NAMES.contains(&w.as_str())
        || matches!(w.as_str(), "updated" | "published" | "posted" | "on")
        || w.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// The people in a byline: "A, B and C" → A, B, C.
pub fn split_authors(byline: &str) -> Vec<String> {
    let cleaned = clean_byline(byline);
    let mut names = Vec::new();
    for part in cleaned.split([',', ';', '&', '|']) {
        for name in part.split(" and ") {
            let name = name.trim();
            if !name.is_empty() {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Decodes the entities pages double-escape in metadata: `&amp;`, `&quot;`,
/// `&apos;`, `&lt;`, `&gt;` and numeric references.
pub fn unescape_html(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest
            .char_indices()
            .take(12)
            .find_map(|(i, c)| (c == ';').then_some(i))
        else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            _ => {
                let number = if let Some(hex) = entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    entity.strip_prefix('#').and_then(|d| d.parse::<u32>().ok())
                };
                number.map(|n| {
                    char::from_u32(n)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{fffd}')
                })
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{MetaTag, Node};

    #[test]
    fn property_pairs_earliest_start_then_list_order() {
        let (prefixes, fields) = (&["dc", "dcterm", "og"][..], &["title", "author"][..]);
        let pair = |key| first_property_pair(key, prefixes, fields);
        assert_eq!(pair("og:title twitter:title").as_deref(), Some("og:title"));
        assert_eq!(
            pair("twitter:title og:author").as_deref(),
            Some("og:author")
        );
        assert_eq!(pair("og:article:author").as_deref(), None);
        assert_eq!(
            pair("x dcterm:author dc:title").as_deref(),
            Some("dcterm:author")
        );
        assert_eq!(pair("dc:titles").as_deref(), Some("dc:title"));
        assert_eq!(pair("é og:title").as_deref(), Some("og:title"));
        assert_eq!(pair("og: title").as_deref(), None);
    }

    fn with_head(jsonld: &[&str], meta: &[(&str, &str)], title: &str) -> Snapshot {
        Snapshot {
            title: title.into(),
            jsonld: jsonld.iter().map(|s| s.to_string()).collect(),
            meta: meta
                .iter()
                .map(|(k, c)| MetaTag {
                    key: k.to_string(),
                    content: c.to_string(),
                })
                .collect(),
            nodes: vec![Node::element(None, "body")],
            ..Snapshot::default()
        }
    }

    fn meta_of(s: &Snapshot) -> Metadata {
        metadata(s, &s.tree().unwrap())
    }

    #[test]
    fn jsonld_graph_gives_headline_authors_date_and_publisher() {
        let ld = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2025-12-22T09:00:00-05:00",
             "author":[{"@type":"Person","name":"A One"},{"name":"B Two"}],
             "publisher":{"name":"Ledger"}}]}"#;
        let m = meta_of(&with_head(&[ld], &[], "ignored | Site"));
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.byline.as_deref(), Some("A One, B Two"));
        assert_eq!(m.authors, vec!["A One", "B Two"]);
        assert_eq!(m.published, Date::new(2025, 12, 22));
        assert_eq!(m.site.as_deref(), Some("Ledger"));
    }

    #[test]
    fn jsonld_without_schema_org_context_is_ignored_except_for_its_date() {
        let ld = r#"{"@type":"NewsArticle","headline":"H","datePublished":"2020-01-02"}"#;
        let m = meta_of(&with_head(&[ld], &[("og:title", "From OG")], "T"));
        assert_eq!(m.title.as_deref(), Some("From OG"));
        assert_eq!(m.published, Date::new(2020, 1, 2));
    }

    #[test]
    fn jsonld_prefers_the_headline_when_name_is_the_site() {
        let ld = r#"{"@context":"http://schema.org/","@type":"Article","name":"Aktualne.cz",
            "headline":"Sněmovní volby vyhrál kandidát opozice Petr Novák","author":"Jana Nováková"}"#;
        let title = "Sněmovní volby vyhrál kandidát opozice Petr Novák";
        let m = meta_of(&with_head(&[ld], &[], &format!("{title} | Aktualne.cz")));
        assert_eq!(m.title.as_deref(), Some(title));
        assert_eq!(m.byline.as_deref(), Some("Jana Nováková"));
    }

    #[test]
    fn meta_tags_follow_readability_precedence() {
        let s = with_head(
            &["{not json"],
            &[
                ("og:title twitter:title", "OG &amp; title"),
                ("dc.title", "Dublin Core title"),
                ("article:published_time", "2024-02-29"),
                ("og:site_name", "S"),
                ("author", "By Jane Roe and John Doe"),
                ("description", "An excerpt."),
            ],
            "A long headline here | The Site",
        );
        let m = meta_of(&s);
        assert_eq!(m.title.as_deref(), Some("Dublin Core title"));
        assert_eq!(m.published, Date::new(2024, 2, 29));
        assert_eq!(m.site.as_deref(), Some("S"));
        assert_eq!(m.byline.as_deref(), Some("Jane Roe and John Doe"));
        assert_eq!(m.authors, vec!["Jane Roe", "John Doe"]);
        assert_eq!(m.excerpt.as_deref(), Some("An excerpt."));
    }

    #[test]
    fn nested_property_names_are_found_inside_the_key() {
        let m = meta_of(&with_head(&[], &[("og:article:author", "BBC News")], "t"));
        assert_eq!(m.byline.as_deref(), Some("BBC News"));
    }

    #[test]
    fn document_title_is_the_last_resort() {
        let m = meta_of(&with_head(
            &[],
            &[],
            "A long headline about things | The Site",
        ));
        assert_eq!(m.title.as_deref(), Some("A long headline about things"));
        // Four words or fewer left: the whole title is kept.
        let m = meta_of(&with_head(&[], &[], "Short headline here | The Site"));
        assert_eq!(m.title.as_deref(), Some("Short headline here | The Site"));
        assert_eq!(m.published, None);
    }

    #[test]
    fn other_date_meta_names_are_read() {
        let m = meta_of(&with_head(&[], &[("dc.date", "2019/04/28")], "t"));
        assert_eq!(m.published, Date::new(2019, 4, 28));
        let m = meta_of(&with_head(&[], &[("date", "April 28, 2019")], "t"));
        assert_eq!(m.published, Date::new(2019, 4, 28));
    }

    #[test]
    fn bylines_lose_prefixes_and_run_on_dates() {
        for (raw, clean) in [
            ("By\n\t\tScott  Cunningham", "Scott Cunningham"),
            (
                "Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC",
                "Joe Wee",
            ),
            ("Posted by Android Developers", "Android Developers"),
            ("BY JANE ROE · 3 hours ago", "JANE ROE"),
            ("Jane Roe | Updated May 2", "Jane Roe"),
            ("By Nathan Willis\n   March 25, 2015", "Nathan Willis"),
            ("by Lucas Nolan22 Dec 2016651", "Lucas Nolan"),
            ("Mary March", "Mary March"),
            // Regression (wcxb 4138): the date led the byline and the whole line was shown.
            (
                "Updated January 08, 2026 Written by Meghan Neville",
                "Meghan Neville",
            ),
            ("Updated 3 hours ago", "Updated 3 hours ago"),
            ("Mac & i", "Mac & i"),
            // Regression: a multi-byte letter where a prefix might end once panicked.
            ("Aleš Vávra", "Aleš Vávra"),
            (
                "Martin Untersinger (avec Damien Leloup)",
                "Martin Untersinger (avec Damien Leloup)",
            ),
        ] {
            assert_eq!(clean_byline(raw), clean, "{raw:?}");
        }
    }

    #[test]
    fn url_authors_are_not_names() {
        let m = meta_of(&with_head(
            &[],
            &[("article:author", "https://www.facebook.com/someone")],
            "t",
        ));
        assert_eq!(m.byline, None);
    }

    #[test]
    fn entities_are_unescaped() {
        assert_eq!(
            unescape_html("a &amp;quot; &#39;b&#x27; &lt;&gt; &bogus; &"),
            "a &quot; 'b' <> &bogus; &"
        );
        assert_eq!(unescape_html("&#0;"), "\u{fffd}");
        // Regression: a multi-byte character right after `&` once panicked.
        assert_eq!(unescape_html("&#xg; 😭 &😭 &#x1F62D;"), "&#xg; 😭 &😭 😭");
    }
}
