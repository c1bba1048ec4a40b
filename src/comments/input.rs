//! What the stage reads about each comment, and how it is taken from the
//! extraction: the rendered text, the parts of it that are not the
//! commenter's own words, and the time the page shows for it.
//!
//! When extraction reports a comment's author and time, [`with_metadata`]
//! takes them as given. Otherwise [`from_rendered`] finds them through the
//! DOM runs: text under a `<blockquote>` or `<q>` is quoted
//! (left out), and text under a `<time>` is the timestamp (its `datetime`
//! attribute, else its text; also left out, so dates are not "shared phrases").
//! A short first block without sentence punctuation ("Marta R.", "kbrennan")
//! is the author line, and is left out too: names are not phrasing.

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

/// The stage's input for each rendered comment.
pub fn from_rendered<'a>(
    snapshot: Option<&Snapshot>,
    comments: &'a [Rendered],
) -> Vec<CommentInput<'a>> {
    comments
        .iter()
        .map(|c| {
            let mut input = CommentInput {
                text: &c.text,
                ..CommentInput::default()
            };
            if let Some(author) = author_line(c) {
                input.excluded.push(author);
                input.author = c
                    .text
                    .get(author.start..author.end)
                    .map(|a| a.trim().to_string());
            }
            if let Some(snapshot) = snapshot {
                scan_runs(snapshot, c, &mut input, true);
            }
            super::order::by_key(&mut input.excluded, |&s| super::clusters::span_key(s));
            input
        })
        .collect()
}

/// The input for a comment whose author and time extraction already knows
/// and has left out of `body`: only quoted passages are looked for here.
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
        scan_runs(snapshot, body, &mut input, false);
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

/// Longest author line, in bytes ("Gary in Midtown", "newsjunkie42").
const MAX_AUTHOR_LINE: usize = 40;

/// The first block, when the comment has more and it looks like a name: short,
/// and not ending like a sentence.
fn author_line(c: &Rendered) -> Option<ByteSpan> {
    let first = c.blocks.first()?;
    if c.blocks.len() < 2 || first.span.len() > MAX_AUTHOR_LINE {
        return None;
    }
    let line = c.text.get(first.span.start..first.span.end)?.trim_end();
    // "Marta R." ends in an initial; "I think so too." ends a sentence.
    let last_word = line.split_whitespace().last().unwrap_or("");
    let sentence = line.contains([',', '!', '?', ';'])
        || (line.ends_with('.') && last_word.chars().count() > 2);
    (!sentence).then_some(first.span)
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
        };
        let rendered = Rendered {
            text: text.into(),
            blocks: vec![block(0, 11), block(13, 36), block(38, 41)],
            runs: vec![run(0, 6, 2), run(6, 11, 4), run(13, 36, 6), run(38, 41, 7)],
        };
        let inputs = from_rendered(Some(&snapshot), std::slice::from_ref(&rendered));
        assert_eq!(inputs[0].posted.as_deref(), Some("2025-12-22T10:14"));
        assert_eq!(inputs[0].posted_shown.as_deref(), Some("10:14"));
        // The author line ("Marta 10:14") and the quote are left out.
        assert_eq!(
            inputs[0].excluded,
            vec![ByteSpan::new(0, 11), ByteSpan::new(13, 36)]
        );
        let without = from_rendered(None, std::slice::from_ref(&rendered));
        assert_eq!(without[0].excluded, vec![ByteSpan::new(0, 11)]);
        assert!(without[0].posted.is_none());
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
        // Only the quote is left out: no author-line guessing on a known body.
        assert_eq!(input.excluded, vec![ByteSpan::new(0, 12)]);
    }

    #[test]
    fn author_lines_are_short_and_unpunctuated() {
        let rendered = |text: &str, first: usize| Rendered {
            text: text.into(),
            blocks: vec![
                crate::extract::Block {
                    span: ByteSpan::new(0, first),
                    element: 0,
                },
                crate::extract::Block {
                    span: ByteSpan::new(first + 2, text.len()),
                    element: 0,
                },
            ],
            runs: Vec::new(),
        };
        for (text, first, is_author) in [
            ("Marta R.\n\nGood point.", 8, true),
            ("Gary in Midtown\n\nNo.", 15, true),
            ("Agreed, mostly.\n\nMore text here.", 15, false),
            ("Good point!\n\nMore.", 11, false),
            ("I think so too.\n\nMore.", 15, false),
        ] {
            let r = rendered(text, first);
            assert_eq!(author_line(&r).is_some(), is_author, "{text}");
        }
        let single = Rendered {
            text: "Agreed".into(),
            blocks: vec![crate::extract::Block {
                span: ByteSpan::new(0, 6),
                element: 0,
            }],
            runs: Vec::new(),
        };
        assert_eq!(author_line(&single), None);
    }
}
