//! What the stage reads about each comment, and how it is taken from the
//! extraction: the rendered text, the parts of it that are not the
//! commenter's own words, and the time the page shows for it.
//!
//! [`with_metadata`] takes the author and time extraction reports as given.
//! Through the DOM runs, text under a `<blockquote>` or `<q>` is quoted (left
//! out), and when extraction found no time, text under a `<time>` is the
//! timestamp (its `datetime` attribute, else its text; also left out, so
//! dates are not "shared phrases").

use crate::extract::Rendered;
use crate::snapshot::Snapshot;
use crate::spans::ByteSpan;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommentInput<'a> {
    pub text: &'a str,
    /// Byte spans of `text` that are not the commenter's own words, sorted.
    pub excluded: Vec<ByteSpan>,
    /// The comment's timestamp, machine-readable when the page gives it so
    /// (a `datetime` attribute), else as shown. Comments are grouped by it.
    pub posted: Option<String>,
    /// The timestamp as the reader sees it, for the finding.
    pub posted_shown: Option<String>,
    /// The commenter's name as shown, when known. Comments by one name count
    /// as one commenter.
    pub author: Option<String>,
}

/// How far up from a text node a `<blockquote>` or `<time>` is looked for.
/// Comment markup is shallow; the cap keeps hostile nesting cheap.
const MAX_ANCESTORS: usize = 8;

/// The input for a comment whose author and time extraction has looked for
/// (and left out of `body` when found): quoted passages are looked for here,
/// and the time too when extraction found none.
pub fn with_metadata<'a>(
    snapshot: Option<&Snapshot>,
    body: &'a Rendered,
    author: Option<&str>,
    time: Option<&str>,
    time_shown: Option<&str>,
) -> CommentInput<'a> {
    let mut input = CommentInput {
        text: &body.text,
        author: author.map(str::to_string),
        posted: time.map(str::to_string),
        posted_shown: time_shown.or(time).map(str::to_string),
        ..CommentInput::default()
    };
    if let Some(snapshot) = snapshot {
        scan_runs(snapshot, body, &mut input, time.is_none());
    }
    super::order::by_key(&mut input.excluded, |&s| super::clusters::span_key(s));
    input
}

/// Walks the comment's DOM runs: text under `<blockquote>`/`<q>` is quoted,
/// and (when `want_time`) text under the first `<time>` is the timestamp.
fn scan_runs(snapshot: &Snapshot, c: &Rendered, input: &mut CommentInput<'_>, want_time: bool) {
    let mut time: Option<(u32, ByteSpan)> = None;
    for run in &c.runs {
        let mut node = snapshot.nodes.get(run.node as usize).and_then(|n| n.parent);
        for _ in 0..MAX_ANCESTORS {
            let Some(i) = node else { break };
            let Some(element) = snapshot.nodes.get(i as usize) else {
                break;
            };
            match element.tag.as_str() {
                "blockquote" | "q" => {
                    push_span(&mut input.excluded, ByteSpan::new(run.start, run.end));
                    break;
                }
                "time" if want_time => {
                    push_span(&mut input.excluded, ByteSpan::new(run.start, run.end));
                    match &mut time {
                        None => time = Some((i, ByteSpan::new(run.start, run.end))),
                        Some((t, span)) if *t == i => span.end = run.end,
                        Some(_) => {}
                    }
                    break;
                }
                _ => node = element.parent,
            }
        }
    }
    if let Some((i, span)) = time {
        let shown = c.text.get(span.start..span.end).unwrap_or("").to_string();
        let machine = snapshot
            .nodes
            .get(i as usize)
            .and_then(|n| n.datetime.clone());
        input.posted = Some(machine.unwrap_or_else(|| shown.clone()));
        input.posted_shown = Some(shown);
    }
}

/// Appends `span`, merging it with the last one when they touch or are
/// separated by whitespace only (runs split at collapsed spaces).
fn push_span(spans: &mut Vec<ByteSpan>, span: ByteSpan) {
    if let Some(last) = spans.last_mut() {
        if span.start <= last.end + 1 {
            last.end = last.end.max(span.end);
            return;
        }
    }
    spans.push(span);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::TextRun;
    use crate::snapshot::Node;

    #[test]
    fn quotes_and_times_are_excluded_and_the_time_is_kept() {
        let mut time = Node::element(Some(1), "time");
        time.datetime = Some("2025-12-22T10:14".into());
        let snapshot = Snapshot {
            nodes: vec![
                Node::element(None, "body"),
                Node::element(Some(0), "div"),
                Node::text_node(1, "Marta "),
                time,
                Node::text_node(3, "10:14"),
                Node::element(Some(1), "blockquote"),
                Node::text_node(5, "his business background"),
                Node::text_node(1, "No."),
            ],
            ..Snapshot::default()
        };
        let text = "Marta 10:14\n\nhis business background\n\nNo.";
        let run = |start: usize, end: usize, node: u32| TextRun {
            start,
            end,
            node,
            node_offset: 0,
        };
        let block = |start: usize, end: usize| crate::extract::Block {
            span: ByteSpan::new(start, end),
            element: 1,
            kind: crate::extract::BlockKind::Prose,
        };
        let rendered = Rendered {
            text: text.into(),
            blocks: vec![block(0, 11), block(13, 36), block(38, 41)],
            runs: vec![run(0, 6, 2), run(6, 11, 4), run(13, 36, 6), run(38, 41, 7)],
        };
        let input = with_metadata(Some(&snapshot), &rendered, Some("Marta"), None, None);
        assert_eq!(input.posted.as_deref(), Some("2025-12-22T10:14"));
        assert_eq!(input.posted_shown.as_deref(), Some("10:14"));
        // The time and the quote are left out.
        assert_eq!(
            input.excluded,
            vec![ByteSpan::new(6, 11), ByteSpan::new(13, 36)]
        );
        let without = with_metadata(None, &rendered, None, None, None);
        assert!(without.excluded.is_empty());
        assert!(without.posted.is_none());
    }

    #[test]
    fn known_author_and_time_are_taken_as_given() {
        let snapshot = Snapshot {
            nodes: vec![
                Node::element(None, "body"),
                Node::element(Some(0), "blockquote"),
                Node::text_node(1, "quoted words"),
                Node::text_node(0, "Short"),
            ],
            ..Snapshot::default()
        };
        let run = |start: usize, end: usize, node: u32| TextRun {
            start,
            end,
            node,
            node_offset: 0,
        };
        let block = |start: usize, end: usize| crate::extract::Block {
            span: ByteSpan::new(start, end),
            element: 0,
            kind: crate::extract::BlockKind::Prose,
        };
        let body = Rendered {
            text: "quoted words\n\nShort".into(),
            blocks: vec![block(0, 12), block(14, 19)],
            runs: vec![run(0, 12, 2), run(14, 19, 3)],
        };
        let input = with_metadata(
            Some(&snapshot),
            &body,
            Some("Marta R."),
            Some("2025-12-22T10:14"),
            Some("Dec 22, 10:14"),
        );
        assert_eq!(input.author.as_deref(), Some("Marta R."));
        assert_eq!(input.posted.as_deref(), Some("2025-12-22T10:14"));
        // Only the quote is left out: the known time is not looked for again.
        assert_eq!(input.excluded, vec![ByteSpan::new(0, 12)]);
    }
}
