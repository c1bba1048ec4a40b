//! JSON Lines: one record per line. Each line's shape is recognised on its own:
//! - PolitiFact (CheckThat! 2022 2B): `id`, `claim`, `verdict`, `speaker`, `stated`, `title`, `url`;
//! - CheckThat! vclaims: `vclaim_id`, `vclaim`, `title`, `subtitle`, `author`, `date`
//!   (2A, Snopes), or with `truth_label`, `speaker`, `url` (2B);
//! - a ClaimReview JSON-LD object, or a `claims:search` claim with `claimReview`.
//!
//! A bad line (not UTF-8, not JSON, not a known shape, missing its claim)
//! is reported with its line number; the other lines are still imported.

use serde_json::{Map, Value};

use super::fields::{self, MAX_CLAIM_CHARS, MAX_NAME_CHARS, MAX_TITLE_CHARS};
use super::{google, jsonld, syntax_reason, ImportError, ImportReport, Location};
use crate::calendar::{month_number, Date};
use crate::verify::factcheck::{
    parse_date_loose, FactCheck, FactChecker, ItemReviewed, ReviewRating,
};

/// Lines longer than this are reported, not parsed.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

pub fn import(bytes: &[u8]) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport::default();
    let mut records_seen = 0usize;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let raw = if i == 0 {
            raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw)
        } else {
            raw
        };
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        records_seen += 1;
        let here = Location::Line {
            line: line_no,
            path: String::new(),
        };
        if raw.len() > MAX_LINE_BYTES {
            report.skip(here, format!("the line is too long ({} bytes)", raw.len()));
            continue;
        }
        let Ok(text) = std::str::from_utf8(raw) else {
            report.skip(here, "the line is not UTF-8 text");
            continue;
        };
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                report.skip(
                    here,
                    format!(
                        "not valid JSON: {} at column {}",
                        syntax_reason(&e),
                        e.column()
                    ),
                );
                continue;
            }
        };
        let Value::Object(obj) = &value else {
            report.skip(
                here,
                format!(
                    "{} where a record object was expected",
                    fields::type_name(&value)
                ),
            );
            continue;
        };
        let locate = |path: &str| Location::Line {
            line: line_no,
            path: path.to_string(),
        };
        if obj.contains_key("vclaim_id") || obj.contains_key("vclaim") {
            if let Some(fc) = checkthat(obj, &here, &mut report) {
                report.records.push(fc);
            }
        } else if obj.contains_key("claimReview") {
            google::add_claim(&value, "", &locate, &mut report);
        } else if obj.contains_key("@type")
            || obj.contains_key("claimReviewed")
            || obj.contains_key("@graph")
        {
            jsonld::collect(&value, &locate, &mut report);
        } else if obj.contains_key("claim") || obj.contains_key("id") {
            if let Some(fc) = politifact(obj, &here, &mut report) {
                report.records.push(fc);
            }
        } else {
            report.skip(
                here,
                "unrecognised record: expected PolitiFact (`id`, `claim`), CheckThat! (`vclaim_id`, `vclaim`) or ClaimReview fields",
            );
        }
    }
    if records_seen == 0 {
        return Err(ImportError::Empty);
    }
    Ok(report)
}

/// A required field's value; when it is missing or unusable the record is
/// reported as skipped.
fn required(
    field: fields::FieldResult<String>,
    key: &str,
    here: &Location,
    report: &mut ImportReport,
) -> Option<String> {
    match field {
        Ok(Some(v)) => Some(v),
        Ok(None) => {
            report.skip(here.clone(), format!("no `{key}`"));
            None
        }
        Err(e) => {
            report.skip(here.clone(), e);
            None
        }
    }
}

/// The two fields every record needs, under the dialect's keys: its id and the claim.
fn id_and_claim(
    obj: &Map<String, Value>,
    (id_key, claim_key): (&str, &str),
    here: &Location,
    report: &mut ImportReport,
) -> Option<(String, String)> {
    let id = required(fields::id(obj, id_key), id_key, here, report)?;
    let claim = required(
        fields::text(obj, claim_key, MAX_CLAIM_CHARS),
        claim_key,
        here,
        report,
    )?;
    Some((id, claim))
}

fn optional(
    obj: &Map<String, Value>,
    key: &str,
    max: usize,
    here: &Location,
    report: &mut ImportReport,
) -> Option<String> {
    fields::text(obj, key, max).unwrap_or_else(|e| {
        report.drop_field(here.clone(), e);
        None
    })
}

fn politifact(
    obj: &Map<String, Value>,
    here: &Location,
    report: &mut ImportReport,
) -> Option<FactCheck> {
    let (id, claim) = id_and_claim(obj, ("id", "claim"), here, report)?;
    let verdict = optional(obj, "verdict", MAX_NAME_CHARS, here, report);
    let speaker = optional(obj, "speaker", MAX_NAME_CHARS, here, report);
    let stated = optional(obj, "stated", MAX_TITLE_CHARS, here, report);
    let title = optional(obj, "title", MAX_TITLE_CHARS, here, report);
    let url = politifact_url(obj, "url", here, report);
    Some(politifact_record(
        id, claim, verdict, speaker, stated, title, url, here, report,
    ))
}

#[allow(clippy::too_many_arguments)]
fn politifact_record(
    id: String,
    claim: String,
    verdict: Option<String>,
    speaker: Option<String>,
    stated: Option<String>,
    title: Option<String>,
    url: Option<String>,
    here: &Location,
    report: &mut ImportReport,
) -> FactCheck {
    let (claim_date, appearance) = match stated.as_deref().map(parse_stated) {
        Some(Some(parsed)) => parsed,
        Some(None) => {
            report.drop_field(
                here.clone(),
                format!(
                    "`stated` is not “stated on DATE in PLACE”: “{}”",
                    stated.as_deref().unwrap_or_default()
                ),
            );
            (None, None)
        }
        None => (None, None),
    };
    let on_politifact = url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://www.politifact.com/"));
    FactCheck {
        id,
        claim_reviewed: claim,
        review_rating: ReviewRating {
            alternate_name: verdict.map(|v| politifact_label(&v)),
            ..ReviewRating::default()
        },
        author: on_politifact.then(politifact_org),
        date_published: url.as_deref().and_then(date_in_politifact_url),
        url,
        item_reviewed: ItemReviewed {
            author: speaker,
            date_published: claim_date,
            appearance,
        },
        headline: title,
        description: None,
        language: Some("en".to_string()),
    }
}

fn politifact_org() -> FactChecker {
    FactChecker {
        name: "PolitiFact".to_string(),
        url: Some("https://www.politifact.com/".to_string()),
    }
}

/// PolitiFact's own links, made absolute when a dataset stores them relative.
fn politifact_url(
    obj: &Map<String, Value>,
    key: &str,
    here: &Location,
    report: &mut ImportReport,
) -> Option<String> {
    if let Some(Value::String(s)) = obj.get(key) {
        if s.starts_with("/factchecks/") {
            return fields::checked_url(&format!("https://www.politifact.com{s}"));
        }
    }
    fields::url(obj, key).unwrap_or_else(|e| {
        report.drop_field(here.clone(), e);
        None
    })
}

/// PolitiFact's rating slugs as PolitiFact displays them. "barely-true" has
/// been shown as "Mostly False" since 2011; the slug stayed in its data.
fn politifact_label(slug: &str) -> String {
    match slug.trim().to_ascii_lowercase().as_str() {
        "true" => "True".to_string(),
        "mostly-true" => "Mostly True".to_string(),
        "half-true" => "Half True".to_string(),
        "barely-true" | "mostly-false" => "Mostly False".to_string(),
        "false" => "False".to_string(),
        "pants-fire" => "Pants on Fire".to_string(),
        "full-flop" => "Full Flop".to_string(),
        "half-flip" => "Half Flip".to_string(),
        "no-flip" => "No Flip".to_string(),
        _ => slug.to_string(),
    }
}

/// "stated on October 22, 2019 in a campaign mailer.:" → (2019-10-22, "a campaign mailer").
pub fn parse_stated(stated: &str) -> Option<(Option<Date>, Option<String>)> {
    let rest = stated.trim().strip_prefix("stated on ")?;
    let (date_part, place) = match rest.find(" in ") {
        Some(i) => (&rest[..i], Some(&rest[i + 4..])),
        None => (rest.trim_end_matches([':', '.']), None),
    };
    let date = parse_date_loose(date_part)?;
    let place = place
        .map(|p| p.trim().trim_end_matches(':').trim_end_matches('.').trim())
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    Some((Some(date), place))
}

/// `/factchecks/2019/oct/30/...` → 2019-10-30.
fn date_in_politifact_url(url: &str) -> Option<Date> {
    let rest = &url[url.find("/factchecks/")? + "/factchecks/".len()..];
    let mut parts = rest.split('/');
    let year: i32 = parts.next()?.parse().ok()?;
    let month = month_number(parts.next()?)?;
    let day: u32 = parts.next()?.parse().ok()?;
    Date::new(year, month, day)
}

fn checkthat(
    obj: &Map<String, Value>,
    here: &Location,
    report: &mut ImportReport,
) -> Option<FactCheck> {
    let (id, claim) = id_and_claim(obj, ("vclaim_id", "vclaim"), here, report)?;
    let title = optional(obj, "title", MAX_TITLE_CHARS, here, report);
    if obj.contains_key("truth_label") || obj.contains_key("speaker") {
        // 2B: PolitiFact claims under CheckThat! names.
        let verdict = match obj.get("truth_label") {
            Some(Value::Bool(b)) => Some(if *b { "true" } else { "false" }.to_string()),
            _ => optional(obj, "truth_label", MAX_NAME_CHARS, here, report),
        };
        let speaker = optional(obj, "speaker", MAX_NAME_CHARS, here, report);
        let stated = optional(obj, "date", MAX_TITLE_CHARS, here, report);
        let url = politifact_url(obj, "url", here, report);
        return Some(politifact_record(
            id, claim, verdict, speaker, stated, title, url, here, report,
        ));
    }
    // 2A: Snopes. The records carry no verdict and no link; neither is made up.
    let description = optional(obj, "subtitle", MAX_CLAIM_CHARS, here, report);
    let date = match optional(obj, "date", 100, here, report) {
        Some(d) => parse_date_loose(&d).or_else(|| {
            report.drop_field(here.clone(), format!("`date` is not a date: “{d}”"));
            None
        }),
        None => None,
    };
    let author = id.starts_with("vclaim-sno-").then(|| FactChecker {
        name: "Snopes".to_string(),
        url: Some("https://www.snopes.com/".to_string()),
    });
    Some(FactCheck {
        id,
        claim_reviewed: claim,
        review_rating: ReviewRating::default(),
        author,
        url: None,
        date_published: date,
        item_reviewed: ItemReviewed::default(),
        headline: title,
        description,
        language: Some("en".to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn politifact_lines() {
        let line = r#"{"id": "vclaim-pol-00000", "claim": "Schuyler VanValkenburg co-sponsored a bill.", "verdict": "barely-true", "speaker": "GayDonna Vandergriff", "stated": "stated on October 22, 2019 in a campaign mailer.:", "title": "Vandergriff inaccurately describes bill", "url": "https://www.politifact.com/factchecks/2019/oct/30/gaydonna-vandergriff/x/"}"#;
        let report = import(line.as_bytes()).unwrap();
        assert!(report.issues.is_empty(), "{:?}", report.issues);
        let fc = &report.records[0];
        assert_eq!(fc.id, "vclaim-pol-00000");
        assert_eq!(
            fc.review_rating.alternate_name.as_deref(),
            Some("Mostly False")
        );
        assert_eq!(fc.author.as_ref().unwrap().name, "PolitiFact");
        assert_eq!(fc.date_published, Date::new(2019, 10, 30));
        assert_eq!(
            fc.item_reviewed.author.as_deref(),
            Some("GayDonna Vandergriff")
        );
        assert_eq!(fc.item_reviewed.date_published, Date::new(2019, 10, 22));
        assert_eq!(
            fc.item_reviewed.appearance.as_deref(),
            Some("a campaign mailer")
        );
        assert_eq!(
            fc.headline.as_deref(),
            Some("Vandergriff inaccurately describes bill")
        );
    }

    #[test]
    fn checkthat_lines() {
        let text = concat!(
            r#"{"title": "$1 McDonald's Any Size Fries", "subtitle": "Rumor: fries.", "author": "David Mikkelson", "date": "26 May 2015", "vclaim_id": "vclaim-sno-1-fries", "vclaim": "McDonald’s offers $1 fries."}"#,
            "\n",
            r#"{"vclaim_id": 0, "vclaim": "A bill allowed abortion.", "url": "/factchecks/2019/oct/30/g/v/", "speaker": "G V", "truth_label": false, "date": "stated on October 22, 2019 in a campaign mailer.", "title": "t", "text": "..."}"#,
        );
        let report = import(text.as_bytes()).unwrap();
        assert!(report.issues.is_empty(), "{:?}", report.issues);
        let snopes = &report.records[0];
        assert_eq!(snopes.id, "vclaim-sno-1-fries");
        assert_eq!(snopes.author.as_ref().unwrap().name, "Snopes");
        assert_eq!(snopes.date_published, Date::new(2015, 5, 26));
        assert_eq!(snopes.review_rating.verdict_text(), None);
        assert_eq!(snopes.description.as_deref(), Some("Rumor: fries."));
        let b = &report.records[1];
        assert_eq!(b.id, "0");
        assert_eq!(b.review_rating.alternate_name.as_deref(), Some("False"));
        assert_eq!(
            b.url.as_deref(),
            Some("https://www.politifact.com/factchecks/2019/oct/30/g/v/")
        );
        assert_eq!(b.date_published, Date::new(2019, 10, 30));
    }

    #[test]
    fn broken_lines_are_reported_by_number_and_the_rest_imported() {
        let mut text: Vec<u8> = Vec::new();
        text.extend_from_slice(br#"{"id": "a", "claim": "good"}"#);
        text.extend_from_slice(b"\n\n");
        text.extend_from_slice(br#"{"id": "b", "claim": 12}"#); // line 3: wrong type
        text.push(b'\n');
        text.extend_from_slice(br#"{"id": "c"}"#); // line 4: missing claim
        text.push(b'\n');
        text.extend_from_slice(b"{\"id\": \"d\", \"claim\": \"bad \xff utf8\"}"); // line 5
        text.push(b'\n');
        text.extend_from_slice(br#"[1, 2]"#); // line 6
        text.push(b'\n');
        text.extend_from_slice(br#"{"foo": 1}"#); // line 7
        text.push(b'\n');
        text.extend_from_slice(
            br#"{"id": "e", "claim": "good too", "stated": "yesterday", "url": "ftp://x"}"#,
        ); // line 8
        text.push(b'\n');
        text.extend_from_slice(br#"{"id": "f", "claim": "trunc"#); // line 9: truncated
        let report = import(&text).unwrap();
        let ids: Vec<&str> = report.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "e"]);
        let issues: Vec<String> = report.issues.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            issues,
            [
                "line 3: `claim` is a number, not text (record skipped)",
                "line 4: no `claim` (record skipped)",
                "line 5: the line is not UTF-8 text (record skipped)",
                "line 6: a list where a record object was expected (record skipped)",
                "line 7: unrecognised record: expected PolitiFact (`id`, `claim`), CheckThat! (`vclaim_id`, `vclaim`) or ClaimReview fields (record skipped)",
                "line 8: `url` is not an http(s) address (field dropped)",
                "line 8: `stated` is not “stated on DATE in PLACE”: “yesterday” (field dropped)",
                "line 9: not valid JSON: the text ends early (truncated?) at column 27 (record skipped)",
            ]
        );
    }

    #[test]
    fn claim_review_and_google_claims_per_line() {
        let text = concat!(
            r#"{"@type": "ClaimReview", "claimReviewed": "x", "datePublished": "2020-01-01"}"#,
            "\n",
            r#"{"text": "y", "claimReview": [{"url": "https://a.b/c", "textualRating": "False"}, 3]}"#,
        );
        let report = import(text.as_bytes()).unwrap();
        assert_eq!(report.records.len(), 2);
        assert_eq!(
            report.issues[0].to_string(),
            "line 2, claimReview[1]: a number where a review object was expected (record skipped)"
        );
    }

    #[test]
    fn stated_forms() {
        assert_eq!(
            parse_stated("stated on June 8, 2020 in a Facebook post:"),
            Some((Date::new(2020, 6, 8), Some("a Facebook post".to_string())))
        );
        assert_eq!(
            parse_stated("stated on July 26, 2011 in a speech at Dartmouth College.:"),
            Some((
                Date::new(2011, 7, 26),
                Some("a speech at Dartmouth College".to_string())
            ))
        );
        assert_eq!(
            parse_stated("stated on June 8, 2020:"),
            Some((Date::new(2020, 6, 8), None))
        );
        assert_eq!(parse_stated("said it"), None);
    }
}
