//! "In a wide-ranging interview, President Obama also said:" and then a
//! list: each item is what the speaker said, though no item repeats the
//! cue. The lead-in sentence ends with a speech cue and a colon; the items
//! are the paragraphs right after it that end without sentence punctuation,
//! as list items do. A paragraph that ends like a sentence ends the list, so
//! the writer's own prose after it is never credited to the speaker.

use super::context::{is_capitalised, Context};
use super::lexicon;
use super::reported::{self, CueKind, Relation};
use crate::segment::TokenKind;
use crate::spans::ByteSpan;

/// The list items a lead-in sentence `si` introduces, as one relation.
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub fn list_after_lead_in(cx: &Context, si: usize) -> Option<Relation> {
    let toks = cx.tokens_in(*cx.sentences.get(si)?);
    let colon = toks.len().checked_sub(1)?;
    if cx.word(&toks[colon]) != ":" {
        return None;
    }
    let verb = colon.checked_sub(1)?;
    if toks[verb].kind != TokenKind::Word
        || is_capitalised(cx.text, &toks[verb])
        || !cx.has(&toks[verb], lexicon::bits::CUE_VERBS)
    {
        return None;
    }
    let mut cue_start = verb;
    while cue_start > 0 && reported::is_cue_adverb(cx, &toks[cue_start - 1]) {
        cue_start -= 1;
    }
    let subject = reported::subject_before(cx, toks, cue_start)?;
    let items = items_after(cx, si);
    if items.is_empty() {
        return None;
    }
    Some(Relation {
        kind: CueKind::Speech,
        continues_clause: false,
        cue: ByteSpan::new(toks[cue_start].span.start, toks[colon].span.end),
        source: Some(subject),
        content: items,
        direct: false,
        shares_source_of: None,
        sentence: si,
        aside: false,
    })
}

/// The paragraphs after sentence `si`'s paragraph that read as list items:
/// one sentence each, ending without . ! ? or a closing quotation mark.
fn items_after(cx: &Context, si: usize) -> Vec<ByteSpan> {
    let mut items = Vec::new();
    let mut next = si + 1;
    while let Some(&sentence) = cx.sentences.get(next) {
        let paragraph = cx.paragraph[next];
        let one_sentence = cx.paragraph.get(next + 1) != Some(&paragraph);
        let last = sentence.of(cx.text).trim_end().chars().last();
        let ends_like_a_sentence =
            last.is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '”' | '"' | '’' | '\'' | '…'));
        if !one_sentence || ends_like_a_sentence || paragraph == cx.paragraph[si] {
            break;
        }
        items.push(sentence);
        next += 1;
    }
    items
}
