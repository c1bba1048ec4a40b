//! One part per token within a sentence: nested, overlapping and aside
//! relations are cut back so no token is both source and content.

use super::content::{is_whole_quote, trimmed};
use super::{CueKind, Relation};
use crate::attribute::context::Context;
use crate::spans::ByteSpan;

/// Within one sentence, no token plays two parts. An attribution nested in
/// another's content ("X said Y believes Z") is left to the outer one; a
/// participle or coordinated cue (", adding that ...") cuts the content
/// before it; a later source inside an earlier one's (", who said ...")
/// cuts that source.
pub(super) fn untangle(cx: &Context, rels: &mut Vec<Relation>, first: usize) {
    let n = rels.len();
    let mut keep = vec![true; n];
    let inside = |r: &Relation, at: usize| r.content.iter().any(|c| c.start <= at && at < c.end);
    for b in first + 1..n {
        for a in first..b {
            if !keep[a] || !keep[b] {
                continue;
            }
            let (head, tail) = rels.split_at_mut(b);
            let (ra, rb) = (&mut head[a], &mut tail[0]);
            let b_in_a = inside(ra, rb.cue.start);
            let a_in_b = inside(rb, ra.cue.start);
            // "X declined to comment and aides said ...": a new clause, not nesting.
            let opens_clause = rb
                .source
                .filter(|s| s.start < rb.cue.start)
                .is_some_and(|s| {
                    let before = cx.text.get(..s.start).unwrap_or("").trim_end();
                    before.ends_with(" and")
                        || before.ends_with(" but")
                        || before.ends_with(';')
                        || before.ends_with(" while")
                });
            // "the officials said, the utility switched ..., “so they cannot
            // ...,” Mr. McHugh said": a quotation with its own post-posed
            // cue is that speaker's, not part of the outer report.
            let own_quote = rb
                .content
                .first()
                .filter(|c| {
                    rb.content.len() == 1
                        && c.end
                            <= rb
                                .source
                                .map_or(rb.cue.start, |s| s.start.min(rb.cue.start))
                        && is_whole_quote(cx, **c)
                        && inside(ra, c.start)
                        && ra.content.iter().all(|p| p.start < c.start)
                })
                .map(|c| c.start);
            // "when they see a target in a lawsuit with ZeniMax, which
            // accuses Oculus of “misappropriating” ...": a speech report
            // inside a view is an attribution of its own.
            let speech_in_view = ra.kind == CueKind::Stance && rb.kind == CueKind::Speech;
            // "Netanyahu warned against …, an appearance … criticized by the
            // Obama administration for …": a passive's agent speaks for
            // itself; the outer report stops before it.
            let agent_passive = has_agent(cx, rb);
            // "Barkley, who said he votes Democratic, said ...": the relative
            // clause closes at its comma, and the cue after it is the main
            // clause's own.
            let aside_end = relative_clause_end(cx, ra).filter(|&comma| comma < rb.cue.start);
            if b_in_a
                && !rb.continues_clause
                && !opens_clause
                && own_quote.is_none()
                && !speech_in_view
                && aside_end.is_none()
                && !agent_passive
            {
                if a_in_b {
                    keep[a] = false;
                } else {
                    keep[b] = false;
                }
                continue;
            }
            if a_in_b && !b_in_a {
                keep[a] = false;
                continue;
            }
            // A participle's shared source sits back in the main clause: cut at its cue.
            // An aside closes at its comma.
            let cut = match (aside_end.or(own_quote), rb.source) {
                (Some(at), _) => at,
                (None, Some(s)) if s.start < rb.cue.start && !rb.continues_clause => s.start,
                _ => rb.cue.start,
            };
            if aside_end.is_some() {
                ra.aside = true;
            }
            if b_in_a {
                for piece in ra.content.iter_mut() {
                    if piece.start < cut && cut < piece.end {
                        *piece = trimmed(cx.text, ByteSpan::new(piece.start, cut))
                            .unwrap_or(ByteSpan::new(piece.start, piece.start));
                    }
                }
                ra.content.retain(|p| !p.is_empty());
            }
            if let Some(s) = ra.source {
                if !ra.continues_clause && s.start < cut && cut < s.end {
                    ra.source = trimmed(cx.text, ByteSpan::new(s.start, cut));
                }
            }
        }
    }
    // Drop the nested ones, renumbering shared-source links.
    let mut new_index = vec![None; n];
    let mut next = first;
    for (k, slot) in new_index.iter_mut().enumerate().skip(first) {
        if keep[k] {
            *slot = Some(next);
            next += 1;
        }
    }
    let mut k = 0;
    rels.retain(|_| {
        let kept = k < first || keep[k];
        k += 1;
        kept
    });
    for r in rels.iter_mut().skip(first) {
        if let Some(j) = r.shares_source_of {
            if j >= first {
                r.shares_source_of = new_index[j];
            }
        }
    }
}

/// A passive with its agent after the cue ("criticized by X", "described
/// as ‘…’ by X").
fn has_agent(cx: &Context, r: &Relation) -> bool {
    r.source.is_some_and(|s| {
        s.start >= r.cue.end
            && cx
                .text
                .get(r.cue.end..s.start)
                .is_some_and(|gap| gap.trim_end().ends_with(" by") || gap.trim() == "by")
    })
}

/// ", who denies the accusation, has avoided ...": a relative clause set off
/// by commas inside a sentence that goes on. Its content stops at the
/// closing comma and the relation is marked an aside.
pub(super) fn mark_aside(cx: &Context, r: &mut Relation) {
    if let Some(comma) = relative_clause_end(cx, r) {
        r.content[0] = ByteSpan::new(r.content[0].start, comma);
        r.aside = true;
    }
}

/// Where the relative clause of `r` closes (the byte of its comma), when `r`
/// is ", who said ..." or ", which ..." set off by commas in a sentence that
/// goes on after it.
fn relative_clause_end(cx: &Context, r: &Relation) -> Option<usize> {
    let src = r.source?;
    let relative = matches!(
        src.of(cx.text).to_ascii_lowercase().as_str(),
        "who" | "which"
    );
    let after_comma = cx
        .text
        .get(..src.start)
        .is_some_and(|t| t.trim_end().ends_with(','));
    if !relative || !after_comma || r.content.len() != 1 || src.end > r.cue.start {
        return None;
    }
    let c = r.content[0];
    let sentence = cx.sentences.get(r.sentence)?;
    let piece = c.of(cx.text);
    // The first comma outside quotation marks closes the clause.
    let comma = piece
        .match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| !cx.is_quoted(c.start + i))?;
    let rest = cx.text.get(c.start + comma + 1..sentence.end).unwrap_or("");
    if rest
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .trim()
        .is_empty()
    {
        return None;
    }
    Some(c.start + comma)
}
