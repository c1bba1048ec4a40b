//! schema.org ClaimReview as JSON-LD, the way fact-checkers publish it in
//! their pages and feeds: a single object, an array, an `@graph`, or nested
//! in another node (`"review"`, `"mainEntity"`).

use serde_json::{Map, Value};

use super::fields::{self, MAX_CLAIM_CHARS, MAX_NAME_CHARS, MAX_TITLE_CHARS};
use super::{parse_json, ImportError, ImportReport, Location};
use crate::verify::factcheck::{FactCheck, FactChecker, ItemReviewed, ReviewRating};

/// Imports one JSON-LD document.
pub fn import(text: &str) -> Result<ImportReport, ImportError> {
    let value = parse_json(text)?;
    let mut report = ImportReport::default();
    collect(
        &value,
        &|path| Location::Path(path.to_string()),
        &mut report,
    );
    if report.records.is_empty() && report.issues.is_empty() {
        return Err(ImportError::NotFactChecks(format!(
            "no ClaimReview objects in the document ({} nodes of other types)",
            report.other_nodes
        )));
    }
    Ok(report)
}

/// Finds every ClaimReview in `value` (iteratively: documents may nest
/// deeply) and adds it to `report`. `locate` turns a JSON path into a
/// location (a line of a JSON Lines file adds its line number).
pub(super) fn collect(value: &Value, locate: &dyn Fn(&str) -> Location, report: &mut ImportReport) {
    // (node, path, is a top-level item: an array element, a graph member or the root)
    let mut stack: Vec<(&Value, String, bool)> = vec![(value, String::new(), true)];
    while let Some((node, path, top_level)) = stack.pop() {
        match node {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push((item, format!("{path}[{i}]"), top_level));
                }
            }
            Value::Object(obj) if is_claim_review(obj) => {
                if let Some(record) = record(obj, &locate(&path), &path, report) {
                    report.records.push(record);
                }
            }
            Value::Object(obj) => {
                if let Some(Value::Array(graph)) = obj.get("@graph") {
                    let base = join(&path, "@graph");
                    for (i, item) in graph.iter().enumerate().rev() {
                        stack.push((item, format!("{base}[{i}]"), true));
                    }
                    continue;
                }
                if top_level {
                    if obj.contains_key("@type") {
                        report.other_nodes += 1;
                    } else if obj.contains_key("claimReviewed") || obj.contains_key("reviewRating")
                    {
                        // Untyped but shaped like a ClaimReview: take it.
                        if let Some(record) = record(obj, &locate(&path), &path, report) {
                            report.records.push(record);
                        }
                        continue;
                    } else {
                        report.skip(
                            locate(&path),
                            "an object with neither `@type` nor `claimReviewed`, not a ClaimReview",
                        );
                        continue;
                    }
                }
                // Look inside other nodes: pages nest reviews in `review`, `mainEntity`, ...
                for (key, child) in obj.iter().rev() {
                    if matches!(child, Value::Object(_) | Value::Array(_)) && !key.starts_with('@')
                    {
                        stack.push((child, join(&path, key), false));
                    }
                }
            }
            other if top_level => report.skip(
                locate(&path),
                format!(
                    "{} where a ClaimReview object was expected",
                    fields::type_name(other)
                ),
            ),
            _ => {}
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn is_claim_review(obj: &Map<String, Value>) -> bool {
    let is = |t: &str| {
        let t = t.trim();
        t == "ClaimReview" || t.ends_with(":ClaimReview") || t.ends_with("/ClaimReview")
    };
    match obj.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// Reads one ClaimReview. Problems with optional fields drop the field and
/// are reported; a missing or unusable `claimReviewed` skips the record.
fn record(
    obj: &Map<String, Value>,
    location: &Location,
    path: &str,
    report: &mut ImportReport,
) -> Option<FactCheck> {
    let claim = match fields::text(obj, "claimReviewed", MAX_CLAIM_CHARS) {
        Ok(Some(c)) => c,
        Ok(None) => {
            report.skip(location.clone(), "no `claimReviewed`: the claim is missing");
            return None;
        }
        Err(e) => {
            report.skip(location.clone(), e);
            return None;
        }
    };
    let mut fc = FactCheck {
        claim_reviewed: claim,
        ..FactCheck::default()
    };
    let mut drop = |reason: String| report.drop_field(location.clone(), reason);

    fc.url = fields::url(obj, "url").unwrap_or_else(|e| {
        drop(e);
        None
    });
    fc.date_published = fields::date(obj, "datePublished").unwrap_or_else(|e| {
        drop(e);
        None
    });
    fc.headline = match fields::text(obj, "headline", MAX_TITLE_CHARS) {
        Ok(Some(h)) => Some(h),
        Ok(None) => fields::text(obj, "name", MAX_TITLE_CHARS).unwrap_or_else(|e| {
            drop(e);
            None
        }),
        Err(e) => {
            drop(e);
            None
        }
    };
    fc.description = fields::text(obj, "description", MAX_CLAIM_CHARS).unwrap_or_else(|e| {
        drop(e);
        None
    });
    fc.language = match obj.get("inLanguage") {
        Some(Value::Object(o)) => fields::text(o, "alternateName", 20).ok().flatten(),
        _ => fields::text(obj, "inLanguage", 20).unwrap_or_else(|e| {
            drop(e);
            None
        }),
    };
    fc.author = match obj.get("author").or_else(|| obj.get("publisher")) {
        None => None,
        Some(author) => fact_checker(author).unwrap_or_else(|e| {
            drop(e);
            None
        }),
    };
    match obj.get("reviewRating") {
        None | Some(Value::Null) => {}
        Some(Value::Object(r)) => fc.review_rating = rating(r, &mut drop),
        Some(Value::Array(rs)) => match rs.iter().find_map(Value::as_object) {
            Some(r) => fc.review_rating = rating(r, &mut drop),
            None => drop("`reviewRating` holds no rating object".to_string()),
        },
        Some(other) => drop(format!(
            "`reviewRating` is {}, not a rating object",
            fields::type_name(other)
        )),
    }
    match obj.get("itemReviewed") {
        None | Some(Value::Null) => {}
        Some(Value::Object(item)) => fc.item_reviewed = item_reviewed(item, &mut drop),
        Some(other) => drop(format!(
            "`itemReviewed` is {}, not an object",
            fields::type_name(other)
        )),
    }
    fc.id = match fields::id(obj, "@id") {
        Ok(Some(id)) => id,
        _ => fc.url.clone().unwrap_or_else(|| {
            if path.is_empty() {
                "claimreview".to_string()
            } else {
                format!("claimreview{path}")
            }
        }),
    };
    Some(fc)
}

fn fact_checker(value: &Value) -> Result<Option<FactChecker>, String> {
    let name = fields::name_of(value, "author")?;
    let obj = match value {
        Value::Object(o) => Some(o),
        Value::Array(items) => items.iter().find_map(Value::as_object),
        _ => None,
    };
    let url = obj.and_then(|o| fields::url(o, "url").ok().flatten());
    Ok(name.map(|name| FactChecker { name, url }))
}

fn rating(r: &Map<String, Value>, drop: &mut dyn FnMut(String)) -> ReviewRating {
    let mut num = |key: &str| {
        fields::number(r, key).unwrap_or_else(|e| {
            drop(format!("reviewRating: {e}"));
            None
        })
    };
    let rating_value = num("ratingValue");
    let best_rating = num("bestRating");
    let worst_rating = num("worstRating");
    let alternate_name = match fields::text(r, "alternateName", MAX_NAME_CHARS) {
        Ok(Some(n)) => Some(n),
        Ok(None) => fields::text(r, "name", MAX_NAME_CHARS).ok().flatten(),
        Err(e) => {
            drop(format!("reviewRating: {e}"));
            None
        }
    };
    ReviewRating {
        rating_value,
        best_rating,
        worst_rating,
        alternate_name,
    }
}

fn item_reviewed(item: &Map<String, Value>, drop: &mut dyn FnMut(String)) -> ItemReviewed {
    let author = match item.get("author") {
        None => None,
        Some(a) => fields::name_of(a, "itemReviewed.author").unwrap_or_else(|e| {
            drop(e);
            None
        }),
    };
    let date_published = fields::date(item, "datePublished").unwrap_or_else(|e| {
        drop(format!("itemReviewed: {e}"));
        None
    });
    let appearance = ["appearance", "firstAppearance"]
        .iter()
        .find_map(|key| item.get(*key).and_then(appearance_of));
    ItemReviewed {
        author,
        date_published,
        appearance,
    }
}

/// An appearance: a URL, a CreativeWork with a `url` or `name`, or a list of those.
fn appearance_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            fields::checked_url(s).or_else(|| fields::clean_text(s, MAX_TITLE_CHARS))
        }
        Value::Object(o) => fields::url(o, "url")
            .ok()
            .flatten()
            .or_else(|| fields::text(o, "headline", MAX_TITLE_CHARS).ok().flatten())
            .or_else(|| fields::text(o, "name", MAX_TITLE_CHARS).ok().flatten()),
        Value::Array(items) => items.iter().find_map(appearance_of),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::verify::import::Consequence;

    const FULL: &str = r#"{
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      "url": "https://www.politifact.com/factchecks/2019/oct/29/donald-trump/x/",
      "datePublished": "2019-10-29",
      "claimReviewed": "Murders in America's major cities dropped by more than 10% &amp; more.",
      "author": {"@type": "Organization", "name": "PolitiFact", "url": "https://www.politifact.com"},
      "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": 6, "worstRating": 1,
                       "alternateName": "Pants on Fire!"},
      "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Donald Trump"},
                       "datePublished": "2019-10-28",
                       "appearance": {"@type": "CreativeWork", "url": "https://example.com/speech"}}
    }"#;

    #[test]
    fn reads_every_claim_review_field() {
        let report = import(FULL).unwrap();
        assert!(report.issues.is_empty(), "{:?}", report.issues);
        let fc = &report.records[0];
        assert_eq!(
            fc.claim_reviewed,
            "Murders in America's major cities dropped by more than 10% & more."
        );
        assert_eq!(
            fc.review_rating.alternate_name.as_deref(),
            Some("Pants on Fire!")
        );
        assert_eq!(fc.review_rating.rating_value, Some(1.0));
        assert_eq!(fc.review_rating.best_rating, Some(6.0));
        assert_eq!(fc.author.as_ref().unwrap().name, "PolitiFact");
        assert_eq!(fc.date_published, Date::new(2019, 10, 29));
        assert_eq!(fc.item_reviewed.author.as_deref(), Some("Donald Trump"));
        assert_eq!(fc.item_reviewed.date_published, Date::new(2019, 10, 28));
        assert_eq!(
            fc.item_reviewed.appearance.as_deref(),
            Some("https://example.com/speech")
        );
        assert_eq!(fc.id, fc.url.clone().unwrap());
    }

    #[test]
    fn single_array_graph_and_nested_shapes() {
        let one = r#"{"@type":"ClaimReview","claimReviewed":"A"}"#;
        let shapes = [
            one.to_string(),
            format!("[{one},{one}]"),
            format!(
                r#"{{"@context":"https://schema.org","@graph":[{{"@type":"WebPage"}},{one}]}}"#
            ),
            format!(r#"{{"@type":"NewsArticle","review":{one}}}"#),
            r#"{"@type":["Review","ClaimReview"],"claimReviewed":"A"}"#.to_string(),
            r#"{"@type":"schema:ClaimReview","claimReviewed":"A"}"#.to_string(),
        ];
        let want = [1, 2, 1, 1, 1, 1];
        for (doc, n) in shapes.iter().zip(want) {
            let report = import(doc).unwrap();
            assert_eq!(report.records.len(), n, "{doc}");
            assert!(report.records.iter().all(|r| r.claim_reviewed == "A"));
        }
        let graph = import(&shapes[2]).unwrap();
        assert_eq!(graph.other_nodes, 1);
    }

    #[test]
    fn bad_records_are_reported_with_their_index_and_good_ones_kept() {
        let doc = r#"[
          {"@type":"ClaimReview","claimReviewed":"good one","datePublished":"not a date",
           "url":"javascript:alert(1)","reviewRating":{"ratingValue":"high","alternateName":"False"}},
          {"@type":"ClaimReview"},
          {"@type":"ClaimReview","claimReviewed":42},
          7,
          {"foo":"bar"},
          {"@type":"ClaimReview","claimReviewed":"second good","author":["x"],"itemReviewed":"oops"}
        ]"#;
        let report = import(doc).unwrap();
        let claims: Vec<&str> = report
            .records
            .iter()
            .map(|r| r.claim_reviewed.as_str())
            .collect();
        assert_eq!(claims, ["good one", "second good"]);
        let lines: Vec<String> = report.issues.iter().map(|i| i.to_string()).collect();
        let expect = [
            "[0]: `url` is not an http(s) address (field dropped)",
            "[0]: `datePublished` is not a date: “not a date” (field dropped)",
            "[0]: reviewRating: `ratingValue` is not a usable number (field dropped)",
            "[1]: no `claimReviewed`: the claim is missing (record skipped)",
            "[2]: `claimReviewed` is a number, not text (record skipped)",
            "[3]: a number where a ClaimReview object was expected (record skipped)",
            "[4]: an object with neither `@type` nor `claimReviewed`, not a ClaimReview (record skipped)",
            "[5]: `itemReviewed` is text, not an object (field dropped)",
        ];
        assert_eq!(lines, expect);
        assert_eq!(report.skipped(), 4);
        assert_eq!(
            report.records[0].review_rating.alternate_name.as_deref(),
            Some("False")
        );
        assert!(report.records[0].url.is_none() && report.records[0].date_published.is_none());
        assert_eq!(
            report.records[1].author.as_ref().map(|a| a.name.as_str()),
            Some("x")
        );
        assert!(report
            .issues
            .iter()
            .any(|i| i.consequence == Consequence::FieldDropped));
    }

    #[test]
    fn documents_without_claim_reviews_are_errors() {
        assert!(matches!(
            import(r#"{"@type":"WebPage","name":"x"}"#),
            Err(ImportError::NotFactChecks(_))
        ));
        assert!(matches!(import("[1, 2"), Err(ImportError::Syntax { .. })));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(import(&deep), Err(ImportError::Syntax { .. })));
    }
}
