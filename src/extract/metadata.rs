//! Article metadata from the page head: JSON-LD first (the publisher's own
//! structured statement), then OpenGraph and article meta tags, then markup.

use serde_json::Value;

use crate::calendar::Date;
use crate::snapshot::{Snapshot, Tree};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<Date>,
    pub site: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    pub excerpt: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
];

pub fn metadata(snapshot: &Snapshot, tree: &Tree<'_>) -> Metadata {
    let ld = jsonld_article(snapshot);
    let ld_str = |key: &str| ld.as_ref().and_then(|v| v.get(key)).and_then(text_of);

    let title = ld_str("headline")
        .or_else(|| {
            snapshot
                .meta(&["og:title", "twitter:title", "dc.title"])
                .map(str::to_string)
        })
        .or_else(|| (!snapshot.title.is_empty()).then(|| strip_site_suffix(&snapshot.title)));

    let byline = ld
        .as_ref()
        .and_then(|v| v.get("author"))
        .and_then(names_of)
        .or_else(|| {
            snapshot
                .meta(&["author", "article:author", "dc.creator", "parsely-author"])
                .map(str::to_string)
        })
        .or_else(|| byline_from_markup(tree));

    let published = ld_str("datePublished")
        .as_deref()
        .and_then(Date::parse_iso)
        .or_else(|| {
            snapshot
                .meta(&[
                    "article:published_time",
                    "og:published_time",
                    "datepublished",
                    "date",
                    "pubdate",
                    "publishdate",
                    "dc.date",
                    "dc.date.issued",
                    "sailthru.date",
                    "parsely-pub-date",
                ])
                .and_then(Date::parse_iso)
        })
        .or_else(|| first_time_datetime(tree));

    let site = ld
        .as_ref()
        .and_then(|v| v.get("publisher"))
        .and_then(|p| p.get("name"))
        .and_then(text_of)
        .or_else(|| {
            snapshot
                .meta(&["og:site_name", "application-name"])
                .map(str::to_string)
        });

    let lang = snapshot.lang.clone().or_else(|| {
        snapshot
            .meta(&["content-language", "og:locale"])
            .map(str::to_string)
    });

    let url = snapshot
        .canonical
        .clone()
        .or_else(|| snapshot.meta(&["og:url"]).map(str::to_string))
        .or_else(|| (!snapshot.url.is_empty()).then(|| snapshot.url.clone()));

    let excerpt = ld_str("description").or_else(|| {
        snapshot
            .meta(&["description", "og:description", "twitter:description"])
            .map(str::to_string)
    });

    Metadata {
        title,
        byline,
        published,
        site,
        lang,
        url,
        excerpt,
    }
}

/// The first JSON-LD object of an article type, searching arrays and `@graph`.
fn jsonld_article(snapshot: &Snapshot) -> Option<Value> {
    for block in &snapshot.jsonld {
        let Ok(value) = serde_json::from_str::<Value>(block.trim()) else {
            continue;
        };
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.into_iter().rev()),
                Value::Object(ref map) => {
                    if is_article_type(map.get("@type")) {
                        return Some(v);
                    }
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph.clone());
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(a)) => a.iter().any(|v| is_article_type(Some(v))),
        _ => false,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

/// Author names from a JSON-LD `author`: a string, a Person, or a list of them.
fn names_of(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::Array(a) => a.iter().filter_map(names_of).collect(),
        Value::Object(o) => o.get("name").and_then(text_of).into_iter().collect(),
        other => text_of(other).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

/// "Headline | Site" → "Headline", when a separator splits off a short tail.
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(pos) = title.rfind(sep) {
            let head = &title[..pos];
            if head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

fn byline_from_markup(tree: &Tree<'_>) -> Option<String> {
    (0..tree.len()).find_map(|i| {
        let n = tree.node(i);
        let is_byline = n.rel.as_deref() == Some("author")
            || n.itemprop.as_deref() == Some("author")
            || n.class
                .as_deref()
                .is_some_and(|c| c.to_ascii_lowercase().contains("byline"));
        if !is_byline {
            return None;
        }
        let end = tree.subtree_end(i);
        let text: String = (i..end)
            .filter_map(|j| tree.node(j).text.as_deref())
            .collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = text
            .strip_prefix("By ")
            .or_else(|| text.strip_prefix("by "))
            .unwrap_or(&text);
        // Cut at a separator that introduces the date.
        let text = text.split(['·', '|', '•']).next().unwrap_or("").trim();
        (!text.is_empty() && text.len() < 100).then(|| text.to_string())
    })
}

fn first_time_datetime(tree: &Tree<'_>) -> Option<Date> {
    (0..tree.len()).find_map(|i| {
        let n = tree.node(i);
        (n.tag == "time").then_some(())?;
        n.datetime.as_deref().and_then(Date::parse_iso)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{MetaTag, Node};

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

    #[test]
    fn jsonld_graph_gives_headline_authors_date_and_publisher() {
        let ld = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2025-12-22T09:00:00-05:00",
             "author":[{"@type":"Person","name":"A One"},{"name":"B Two"}],
             "publisher":{"name":"Ledger"}}]}"#;
        let s = with_head(&[ld], &[], "ignored | Site");
        let m = metadata(&s, &s.tree().unwrap());
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.byline.as_deref(), Some("A One, B Two"));
        assert_eq!(m.published, Date::new(2025, 12, 22));
        assert_eq!(m.site.as_deref(), Some("Ledger"));
    }

    #[test]
    fn meta_tags_and_title_are_fallbacks() {
        let s = with_head(
            &["{not json"],
            &[
                ("article:published_time", "2024-02-29"),
                ("og:site_name", "S"),
            ],
            "A long headline here | The Site",
        );
        let m = metadata(&s, &s.tree().unwrap());
        assert_eq!(m.title.as_deref(), Some("A long headline here"));
        assert_eq!(m.published, Date::new(2024, 2, 29));
        assert_eq!(m.site.as_deref(), Some("S"));
    }
}
