//! The Google Fact Check Tools API `claims:search` response:
//! `{"claims": [{"text", "claimant", "claimDate", "claimReview": [{"publisher":
//! {"name", "site"}, "url", "title", "reviewDate", "textualRating",
//! "languageCode"}]}], "nextPageToken"}`. One record per review.
//!
//! The response comes from the network (the extension's opt-in live lookup),
//! so it is treated like any other untrusted file.

use serde_json::{Map, Value};

use super::fields::{self, MAX_CLAIM_CHARS, MAX_NAME_CHARS, MAX_TITLE_CHARS};
use super::{parse_json, ImportError, ImportReport, Location};
use crate::verify::factcheck::{FactCheck, FactChecker, ItemReviewed, ReviewRating};

/// Imports one `claims:search` response body.
pub fn import(text: &str) -> Result<ImportReport, ImportError> {
    let value = parse_json(text)?;
    let Value::Object(response) = &value else {
        return Err(ImportError::NotFactChecks(format!(
            "the response is {}, not an object",
            fields::type_name(&value)
        )));
    };
    if let Some(error) = response.get("error") {
        return Err(service_error(error));
    }
    let mut report = ImportReport::default();
    match response.get("claims") {
        // The API answers `{}` when nothing matches.
        None | Some(Value::Null) => {}
        Some(Value::Array(claims)) => {
            for (i, claim) in claims.iter().enumerate() {
                let path = format!("claims[{i}]");
                add_claim(
                    claim,
                    &path,
                    &|p| Location::Path(p.to_string()),
                    &mut report,
                );
            }
        }
        Some(other) => {
            return Err(ImportError::NotFactChecks(format!(
                "`claims` is {}, not a list",
                fields::type_name(other)
            )))
        }
    }
    Ok(report)
}

/// Adds the reviews of one `claims[]` item.
pub(super) fn add_claim(
    claim: &Value,
    path: &str,
    locate: &dyn Fn(&str) -> Location,
    report: &mut ImportReport,
) {
    let Value::Object(claim) = claim else {
        report.skip(
            locate(path),
            format!(
                "{} where a claim object was expected",
                fields::type_name(claim)
            ),
        );
        return;
    };
    let text = match fields::text(claim, "text", MAX_CLAIM_CHARS) {
        Ok(Some(t)) => t,
        Ok(None) => {
            report.skip(locate(path), "the claim has no `text`");
            return;
        }
        Err(e) => {
            report.skip(locate(path), e);
            return;
        }
    };
    let mut item = ItemReviewed::default();
    match fields::text(claim, "claimant", MAX_NAME_CHARS) {
        Ok(c) => item.author = c,
        Err(e) => report.drop_field(locate(path), e),
    }
    match fields::date(claim, "claimDate") {
        Ok(d) => item.date_published = d,
        Err(e) => report.drop_field(locate(path), e),
    }
    let reviews = match claim.get("claimReview") {
        Some(Value::Array(r)) if !r.is_empty() => r,
        Some(Value::Array(_)) | None | Some(Value::Null) => {
            report.skip(locate(path), "the claim has no `claimReview`");
            return;
        }
        Some(other) => {
            report.skip(
                locate(path),
                format!("`claimReview` is {}, not a list", fields::type_name(other)),
            );
            return;
        }
    };
    for (j, review) in reviews.iter().enumerate() {
        let review_path = if path.is_empty() {
            format!("claimReview[{j}]")
        } else {
            format!("{path}.claimReview[{j}]")
        };
        let location = locate(&review_path);
        let Value::Object(review) = review else {
            report.skip(
                location,
                format!(
                    "{} where a review object was expected",
                    fields::type_name(review)
                ),
            );
            continue;
        };
        let record = review_record(review, &text, &item, &location, report);
        let id = record.url.clone().unwrap_or(review_path);
        report.records.push(FactCheck { id, ..record });
    }
}

fn review_record(
    review: &Map<String, Value>,
    claim_text: &str,
    item: &ItemReviewed,
    location: &Location,
    report: &mut ImportReport,
) -> FactCheck {
    let mut drop = |e: String| report.drop_field(location.clone(), e);
    let mut take = |r: Result<Option<String>, String>| {
        r.unwrap_or_else(|e| {
            drop(e);
            None
        })
    };
    let url = take(fields::url(review, "url"));
    let headline = take(fields::text(review, "title", MAX_TITLE_CHARS));
    let verdict = take(fields::text(review, "textualRating", MAX_NAME_CHARS));
    let language = take(fields::text(review, "languageCode", 20));
    let author = match review.get("publisher") {
        Some(Value::Object(p)) => {
            let name = take(fields::text(p, "name", MAX_NAME_CHARS));
            let site = take(fields::text(p, "site", MAX_NAME_CHARS));
            name.or_else(|| site.clone()).map(|name| FactChecker {
                name,
                url: site.and_then(|s| fields::checked_url(&format!("https://{s}"))),
            })
        }
        None | Some(Value::Null) => None,
        Some(other) => {
            drop(format!(
                "`publisher` is {}, not an object",
                fields::type_name(other)
            ));
            None
        }
    };
    let date_published = fields::date(review, "reviewDate").unwrap_or_else(|e| {
        drop(e);
        None
    });
    FactCheck {
        id: String::new(),
        claim_reviewed: claim_text.to_string(),
        review_rating: ReviewRating {
            alternate_name: verdict,
            ..ReviewRating::default()
        },
        author,
        url,
        date_published,
        item_reviewed: item.clone(),
        headline,
        description: None,
        language,
    }
}

/// `{"error": {"code": 403, "message": "...", "status": "PERMISSION_DENIED"}}`.
fn service_error(error: &Value) -> ImportError {
    let obj = error.as_object();
    let code = obj.and_then(|o| o.get("code")).and_then(Value::as_i64);
    let status = obj.and_then(|o| fields::text(o, "status", 60).ok().flatten());
    let message = obj
        .and_then(|o| fields::text(o, "message", 300).ok().flatten())
        .or_else(|| error.as_str().and_then(|s| fields::clean_text(s, 300)))
        .unwrap_or_else(|| "no details given".to_string());
    ImportError::Service {
        code,
        status,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;

    const RESPONSE: &str = r#"{
      "claims": [
        {
          "text": "Drinking hot water kills the coronavirus.",
          "claimant": "Social media posts",
          "claimDate": "2020-03-10T00:00:00Z",
          "claimReview": [
            {"publisher": {"name": "PolitiFact", "site": "politifact.com"},
             "url": "https://www.politifact.com/factchecks/2020/mar/12/x/",
             "title": "No, hot water does not kill the coronavirus",
             "reviewDate": "2020-03-12T00:00:00Z",
             "textualRating": "False", "languageCode": "en"},
            {"publisher": {"site": "factcheck.afp.com"},
             "url": "https://factcheck.afp.com/y", "textualRating": "Misleading"}
          ]
        },
        {"claimant": "nobody"},
        {"text": "Second claim", "claimReview": [{"url": "javascript:void(0)", "textualRating": 5}]}
      ],
      "nextPageToken": "abc"
    }"#;

    #[test]
    fn one_record_per_review() {
        let report = import(RESPONSE).unwrap();
        assert_eq!(report.records.len(), 3);
        let first = &report.records[0];
        assert_eq!(
            first.claim_reviewed,
            "Drinking hot water kills the coronavirus."
        );
        assert_eq!(first.review_rating.alternate_name.as_deref(), Some("False"));
        assert_eq!(first.author.as_ref().unwrap().name, "PolitiFact");
        assert_eq!(first.date_published, Date::new(2020, 3, 12));
        assert_eq!(
            first.item_reviewed.author.as_deref(),
            Some("Social media posts")
        );
        assert_eq!(first.item_reviewed.date_published, Date::new(2020, 3, 10));
        assert_eq!(
            first.id,
            "https://www.politifact.com/factchecks/2020/mar/12/x/"
        );
        let second = &report.records[1];
        assert_eq!(second.author.as_ref().unwrap().name, "factcheck.afp.com");
        let issues: Vec<String> = report.issues.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            issues,
            [
                "claims[1]: the claim has no `text` (record skipped)",
                "claims[2].claimReview[0]: `url` is not an http(s) address (field dropped)",
                "claims[2].claimReview[0]: `textualRating` is a number, not text (field dropped)",
            ]
        );
        assert_eq!(report.records[2].id, "claims[2].claimReview[0]");
    }

    #[test]
    fn empty_answer_is_no_results() {
        let report = import("{}").unwrap();
        assert!(report.records.is_empty() && report.issues.is_empty());
    }

    #[test]
    fn service_errors_are_typed() {
        let body = r#"{"error": {"code": 403, "message": "API key not valid.", "status": "PERMISSION_DENIED"}}"#;
        let err = import(body).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the fact-check service returned an error (403 PERMISSION_DENIED): API key not valid."
        );
        assert!(matches!(import("[]"), Err(ImportError::NotFactChecks(_))));
        assert!(matches!(
            import(r#"{"claims": 3}"#),
            Err(ImportError::NotFactChecks(_))
        ));
        assert!(matches!(
            import(r#"{"claims": [{"#),
            Err(ImportError::Syntax { .. })
        ));
    }
}
