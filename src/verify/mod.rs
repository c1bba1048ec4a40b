//! Stage 5: the reader's note for each claim: what the text shows, what
//! published fact-checks say (none until packs land), and how to check it.
//!
//! Notes are plain data; the UI renders them as text, never as HTML.

use crate::attribute::{Sourcing, SourcingKind};
use crate::detect::{ClaimKind, Detection};
use crate::segment::TextLayer;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Note {
    pub summary: String,
    pub checks: Vec<String>,
    pub links: Vec<(String, String)>,
}

pub fn compose_note(
    text: &str,
    detection: &Detection,
    sourcing: &Sourcing,
    layer: &TextLayer,
) -> Note {
    let kind = detection
        .kinds
        .first()
        .map_or("statement", |k| kind_label(*k));
    let source = match sourcing.kind {
        SourcingKind::Named => format!(
            "attributed to {}",
            sourcing.speaker.as_deref().unwrap_or("a named source")
        ),
        SourcingKind::Anonymous => "attributed to anonymous sources".to_string(),
        SourcingKind::Vague => "attributed to unnamed, vaguely described sources".to_string(),
        SourcingKind::Outlet => "asserted by the publication itself".to_string(),
        SourcingKind::Unattributed => "not attributed to anyone".to_string(),
    };
    let summary = format!("{kind} claim, {source}. No published fact-check is known for it.");

    let mut checks = Vec::new();
    for q in layer
        .quantities
        .iter()
        .filter(|q| detection.span.contains(q.span))
    {
        checks.push(format!(
            "Find the original source of the figure “{}”.",
            q.span.of(text)
        ));
    }
    for t in layer
        .times
        .iter()
        .filter(|t| detection.span.contains(t.span))
    {
        match t.resolved {
            Some((from, to)) if from == to => checks.push(format!(
                "Confirm the date: “{}” is {from}.",
                t.span.of(text)
            )),
            Some((from, to)) => checks.push(format!(
                "Confirm the timing: “{}” is {from} to {to}.",
                t.span.of(text)
            )),
            None => checks.push(format!(
                "“{}” could not be placed on the calendar.",
                t.span.of(text)
            )),
        }
    }
    match sourcing.kind {
        SourcingKind::Anonymous | SourcingKind::Vague => {
            checks.push("Look for an on-the-record source confirming this.".to_string())
        }
        SourcingKind::Named => {
            checks.push("Check that the quoted person said this, in this context.".to_string())
        }
        _ => {}
    }

    let claim_text = detection.span.of(text);
    let links = vec![(
        "Search Google Fact Check Explorer".to_string(),
        format!(
            "https://toolbox.google.com/factcheck/explorer/search/{};hl=en",
            percent_encode(claim_text)
        ),
    )];
    Note {
        summary,
        checks,
        links,
    }
}

fn kind_label(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Quantity => "A statistical",
        ClaimKind::Comparison => "A comparative",
        ClaimKind::Event => "A dated event",
        ClaimKind::Causal => "A causal",
        ClaimKind::Quote => "A reported-speech",
        ClaimKind::Prediction => "A predictive",
        ClaimKind::Rule => "A legal or rule",
        ClaimKind::Experience => "A personal-experience",
        ClaimKind::Other => "A factual",
        ClaimKind::Opinion => "An opinion, not a factual",
        ClaimKind::Question => "A question, not a factual",
        ClaimKind::Rhetoric => "A rhetorical remark, not a factual",
        ClaimKind::Boilerplate => "Boilerplate, not a factual",
    }
}

/// Percent-encodes for a URL path or query component (RFC 3986 unreserved kept).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_is_utf8_safe() {
        assert_eq!(percent_encode("a b“c”"), "a%20b%E2%80%9Cc%E2%80%9D");
    }
}
