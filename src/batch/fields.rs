//! `--fields claims,quotes`: keeps only some top-level members of each
//! analysis, plus what identifies it (`schema`, `status`, and the article's
//! title, url and published date).

use serde_json::{Map, Value};

use crate::analysis::Analysis;

/// Always kept: without them a cut analysis could not be read or dated.
const ALWAYS: [&str; 2] = ["schema", "status"];
const ARTICLE_IDENTITY: [&str; 3] = ["title", "url", "published"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    names: Vec<String>,
}

impl Fields {
    /// Parses a comma-separated list of top-level analysis members.
    pub fn parse(list: &str) -> Result<Fields, String> {
        let known = top_level_members();
        let mut names = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !known.iter().any(|k| k == name) {
                return Err(format!(
                    "unknown analysis field `{name}` (one of: {})",
                    known.join(", ")
                ));
            }
            names.push(name.to_string());
        }
        if names.is_empty() {
            return Err("--fields wants a comma-separated list, e.g. claims,quotes".into());
        }
        Ok(Fields { names })
    }

    /// The analysis as JSON, cut to these fields.
    pub fn keep(&self, analysis: &Analysis) -> serde_json::Result<Value> {
        let Value::Object(mut all) = serde_json::to_value(analysis)? else {
            return Ok(Value::Null);
        };
        let mut kept = Map::new();
        for name in ALWAYS {
            if let Some(v) = all.remove(name) {
                kept.insert(name.to_string(), v);
            }
        }
        if !self.names.iter().any(|n| n == "article") {
            if let Some(Value::Object(mut article)) = all.remove("article") {
                let mut identity = Map::new();
                for name in ARTICLE_IDENTITY {
                    identity.insert(
                        name.to_string(),
                        article.remove(name).unwrap_or(Value::Null),
                    );
                }
                kept.insert("article".to_string(), Value::Object(identity));
            }
        }
        for name in &self.names {
            if let Some(v) = all.remove(name) {
                kept.insert(name.clone(), v);
            }
        }
        Ok(Value::Object(kept))
    }
}

/// The analysis's own member names, read from a serialised analysis so the
/// list cannot drift from `src/analysis.rs`.
fn top_level_members() -> Vec<String> {
    let sample = crate::analyze_text("A sentence.", &crate::Options::default());
    match serde_json::to_value(sample) {
        Ok(Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_named_members_and_the_article_identity() {
        let analysis = crate::analyze_text(
            "The council said on Monday that it spent $2 billion on roads last year.",
            &crate::Options::default(),
        );
        let kept = Fields::parse("claims, quotes")
            .unwrap()
            .keep(&analysis)
            .unwrap();
        let keys: Vec<&str> = kept
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 5, "{keys:?}");
        for k in ["schema", "status", "article", "claims", "quotes"] {
            assert!(keys.contains(&k), "{k} missing from {keys:?}");
        }
        let article = kept["article"].as_object().unwrap();
        assert_eq!(article.len(), 3);
        assert!(article.contains_key("published"));
        assert!(!kept["claims"].as_array().unwrap().is_empty());
    }

    #[test]
    fn an_unknown_field_is_refused_with_the_known_ones() {
        let err = Fields::parse("claims,claimz").unwrap_err();
        assert!(err.contains("claimz") && err.contains("quotes"), "{err}");
        assert!(Fields::parse(" , ").is_err());
    }
}
