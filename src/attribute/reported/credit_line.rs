//! A quotation set apart, then a line that only credits it: "“We’re finding
//! tangible ways to leverage GenAI …” | Doug McMillon, CEO of Walmart
//! (during Walmart’s Q2 2025 earnings call …)". The line names the speaker
//! and their role; it is the quotation's attribution, with the whole line as
//! its cue. Its shape is read by [`crate::extract::quote_credit`], which
//! also keeps the line out of the claims.

use super::{relation, CueKind, Relation};
use crate::attribute::context::Context;
use crate::extract::quote_credit::{is_whole_quotation, quote_credit};
use crate::spans::ByteSpan;

/// The relation for paragraph-sentence `si` when it is a credit line and
/// the paragraph before it is one quotation.
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub(super) fn after_quote(cx: &Context, si: usize) -> Option<Relation> {
    let para = *cx.paragraph.get(si)?;
    let prev = si.checked_sub(1)?;
    // The line is a paragraph of its own.
    if cx.paragraph.get(prev) == Some(&para) || cx.paragraph.get(si + 1) == Some(&para) {
        return None;
    }
    let prev_para = *cx.paragraph.get(prev)?;
    let first = cx.paragraph.partition_point(|&p| p < prev_para);
    let quoted = ByteSpan::new(cx.sentences.get(first)?.start, cx.sentences.get(prev)?.end);
    if !is_whole_quotation(quoted.of(cx.text)) {
        return None;
    }
    let q = cx
        .top_quote_at(quoted.start)
        .filter(|q| q.outer.start == quoted.start)?;
    let line = *cx.sentences.get(si)?;
    let credit = quote_credit(line.of(cx.text))?;
    let end = credit.role.as_ref().map_or(credit.name.end, |r| r.end);
    let source = ByteSpan::new(line.start + credit.name.start, line.start + end);
    Some(relation(
        CueKind::Speech,
        si,
        line,
        Some(source),
        vec![q.outer],
    ))
}
