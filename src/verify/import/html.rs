//! ClaimReview embedded in an HTML page, in `<script type="application/ld+json">`
//! blocks, the way fact-checkers mark up their articles for search engines.
//! Each block is one JSON-LD document; a block that is not valid JSON is
//! reported and the others are still read.

use super::{jsonld, syntax_reason, ImportError, ImportReport, Location};

pub fn import(page: &str) -> Result<ImportReport, ImportError> {
    let blocks = json_ld_blocks(page);
    if blocks.is_empty() {
        return Err(ImportError::NotFactChecks(
            "the page has no <script type=\"application/ld+json\"> blocks".to_string(),
        ));
    }
    let mut report = ImportReport::default();
    for (i, block) in blocks.iter().enumerate() {
        let name = format!("script {}", i + 1);
        match serde_json::from_str::<serde_json::Value>(block) {
            Ok(value) => {
                let base = name.clone();
                jsonld::collect(
                    &value,
                    &|path| {
                        Location::Path(format!(
                            "{base}{}{path}",
                            if path.is_empty() || path.starts_with('[') {
                                ""
                            } else {
                                " "
                            }
                        ))
                    },
                    &mut report,
                );
            }
            Err(e) => report.skip(
                Location::Path(name),
                format!(
                    "not valid JSON: {} at line {}, column {}",
                    syntax_reason(&e),
                    e.line(),
                    e.column()
                ),
            ),
        }
    }
    if report.records.is_empty() && report.issues.is_empty() {
        return Err(ImportError::NotFactChecks(format!(
            "no ClaimReview objects in the page's {} JSON-LD blocks",
            blocks.len()
        )));
    }
    Ok(report)
}

/// The contents of every `<script type="application/ld+json">` element.
/// A plain scan: script contents are raw text in HTML, so no tree is needed.
pub fn json_ld_blocks(page: &str) -> Vec<&str> {
    let lower = page.to_ascii_lowercase();
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(open) = lower[from..].find("<script").map(|i| i + from) {
        let Some(tag_end) = lower[open..].find('>').map(|i| i + open) else {
            break;
        };
        let tag = &lower[open..tag_end];
        let content_start = tag_end + 1;
        let close = lower[content_start..]
            .find("</script")
            .map_or(page.len(), |i| i + content_start);
        if tag.contains("application/ld+json") {
            blocks.push(page[content_start..close].trim());
        }
        from = close.max(content_start);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_blocks_and_reports_broken_ones() {
        let page = r#"<!doctype html><html><head>
          <script>var x = "<script type='application/ld+json'>";</script>
          <SCRIPT type="application/ld+json">{"@type":"ClaimReview","claimReviewed":"First"}</SCRIPT>
          <script type="application/ld+json">{"@type": "ClaimReview", "claimRev</script>
          <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"ClaimReview","claimReviewed":"Second"}]}
          </script>
        </head><body>Ünïcode</body></html>"#;
        let report = import(page).unwrap();
        let claims: Vec<&str> = report
            .records
            .iter()
            .map(|r| r.claim_reviewed.as_str())
            .collect();
        assert_eq!(claims, ["First", "Second"]);
        assert_eq!(report.issues.len(), 1);
        assert!(report.issues[0]
            .to_string()
            .starts_with("script 2: not valid JSON"));
    }

    #[test]
    fn pages_without_json_ld_are_errors() {
        assert!(matches!(
            import("<html><p>hi</p></html>"),
            Err(ImportError::NotFactChecks(_))
        ));
        let empty_block = import("<script type=\"application/ld+json\">").unwrap();
        assert!(empty_block.records.is_empty());
        assert_eq!(empty_block.skipped(), 1);
    }
}
