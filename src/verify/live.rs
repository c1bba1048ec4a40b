//! Results of the opt-in live lookup: the extension's background asks the
//! Google Fact Check Tools API (`claims:search`, with the user's own key) and
//! hands the response body here. The body is untrusted input: it goes through
//! the same importer as any file (size cap, typed errors, cleaned text,
//! http(s)-only links), and its results pass the same re-ranker and
//! threshold as local packs, so a loosely related search result is not shown
//! as a match.

use std::sync::Arc;

use super::import::{self, ImportError, ImportIssue};
use super::matcher::{Analysed, SearchSettings, Searcher};
use super::pack::{self, Pack, PackMeta};
use super::registry::{Match, Registry};
use crate::calendar::Date;

/// Responses larger than this are refused (the API pages its results).
pub const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

/// The pack name live matches carry.
pub const LIVE_PACK: &str = "live:google-fact-check-tools";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct LiveResult {
    /// Reviews in the response that passed the threshold, best first.
    pub matches: Vec<Match>,
    /// Reviews in the response.
    pub received: usize,
    /// Problems with individual reviews (skipped or with fields dropped).
    pub issues: Vec<ImportIssue>,
}

/// Matches `claim` against the reviews in a `claims:search` response body.
pub fn live_matches(
    claim: &str,
    date: Option<Date>,
    body: &[u8],
    settings: &SearchSettings,
) -> Result<LiveResult, ImportError> {
    if body.len() > MAX_RESPONSE_BYTES {
        return Err(ImportError::TooLarge {
            size: body.len(),
            limit: MAX_RESPONSE_BYTES,
        });
    }
    // Straight to the claims:search reader: going through `import_as` would
    // link every other importer into the WASM.
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let text = std::str::from_utf8(body).map_err(|_| ImportError::NotUtf8)?;
    let report = import::google::import(text.trim_start_matches('\u{feff}'))?;
    let mut result = LiveResult {
        received: report.records.len(),
        issues: report.issues,
        matches: Vec::new(),
    };
    if report.records.is_empty() {
        return Ok(result);
    }
    let meta = PackMeta {
        name: LIVE_PACK.to_string(),
        description: "Google Fact Check Tools API results".to_string(),
        source: "Google Fact Check Tools API claims:search".to_string(),
        ..PackMeta::default()
    };
    // Building and loading a pack of a few dozen reviews takes well under a
    // millisecond, and reuses the checked path.
    let Ok((bytes, _)) = pack::build(&report.records, &meta) else {
        return Ok(result);
    };
    let Ok(pack) = Pack::from_bytes(&bytes) else {
        return Ok(result);
    };
    let mut registry = Registry::new();
    registry.add(Arc::new(pack));
    let claim = Analysed::new(claim, date);
    result.matches = registry.search(&mut Searcher::default(), &claim, settings);
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"claims": [
      {"text": "Drinking hot water kills the coronavirus.", "claimant": "Social media",
       "claimReview": [{"publisher": {"name": "PolitiFact", "site": "politifact.com"},
         "url": "https://www.politifact.com/factchecks/2020/mar/12/x/",
         "title": "No, hot water does not kill the coronavirus",
         "reviewDate": "2020-03-12T00:00:00Z", "textualRating": "False"}]},
      {"text": "The moon landing was staged in a studio.",
       "claimReview": [{"publisher": {"name": "Snopes"}, "url": "https://www.snopes.com/y",
         "textualRating": "False"}]},
      {"text": "<script>alert(1)</script>", "claimReview": [{"url": "javascript:alert(1)"}]}
    ]}"#;

    #[test]
    fn related_reviews_match_and_unrelated_ones_do_not() {
        let result = live_matches(
            "Drinking hot water kills the coronavirus, a viral post claims.",
            None,
            BODY.as_bytes(),
            &SearchSettings::default(),
        )
        .unwrap();
        assert_eq!(result.received, 3);
        assert_eq!(result.matches.len(), 1, "{:?}", result.matches);
        let m = &result.matches[0];
        assert_eq!(m.pack, LIVE_PACK);
        assert_eq!(
            m.fact_check.review_rating.alternate_name.as_deref(),
            Some("False")
        );
        assert_eq!(
            m.fact_check.url.as_deref(),
            Some("https://www.politifact.com/factchecks/2020/mar/12/x/")
        );
    }

    #[test]
    fn hostile_and_broken_bodies_are_typed_errors() {
        let settings = SearchSettings::default();
        assert!(matches!(
            live_matches("x", None, b"", &settings),
            Err(ImportError::Empty)
        ));
        assert!(matches!(
            live_matches("x", None, b"<html>502</html>", &settings),
            Err(ImportError::Syntax { .. })
        ));
        assert!(matches!(
            live_matches("x", None, b"{\"claims\": [", &settings),
            Err(ImportError::Syntax { .. })
        ));
        assert!(matches!(
            live_matches("x", None, br#"{"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "Quota exceeded"}}"#, &settings),
            Err(ImportError::Service { code: Some(429), .. })
        ));
        let huge = vec![b' '; MAX_RESPONSE_BYTES + 1];
        assert!(matches!(
            live_matches("x", None, &huge, &settings),
            Err(ImportError::TooLarge { .. })
        ));
        assert_eq!(
            live_matches("x", None, b"{}", &settings).unwrap(),
            LiveResult::default()
        );
    }

    #[test]
    fn markup_in_a_response_is_text_and_bad_links_are_dropped() {
        let result = live_matches(
            "alert",
            None,
            BODY.as_bytes(),
            &SearchSettings {
                threshold: 0.0,
                ..SearchSettings::default()
            },
        )
        .unwrap();
        assert!(result
            .matches
            .iter()
            .all(|m| !m.fact_check.claim_reviewed.contains('<')));
        assert!(result.matches.iter().all(|m| m
            .fact_check
            .url
            .as_deref()
            .is_none_or(|u| u.starts_with("https://"))));
        assert!(result.issues.iter().any(|i| i.reason.contains("http(s)")));
    }
}
