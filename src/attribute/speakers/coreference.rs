//! Pronouns ("he said") and surnames two people share, resolved to one
//! person from the context (who was named nearby, whose descriptor the
//! sentences echo), or left open with the candidates.

use super::names::speaks_next;
use super::{Gender, People, Speaker};

use crate::attribute::context::{is_capitalised, Context};
use crate::attribute::lexicon;
use crate::attribute::note::{
    AttributionBasis, AttributionCandidate, AttributionCode, AttributionNote,
};
use crate::attribute::reported::Relation;
use crate::attribute::SourcingKind;
use crate::segment::TokenKind;
use crate::spans::ByteSpan;

impl People {
    #[allow(clippy::too_many_arguments)]
    #[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
    pub(super) fn pronoun(
        &self,
        cx: &Context,
        relations: &[Relation],
        done: &[Speaker],
        k: usize,
        src: ByteSpan,
        pronoun: &str,
        publisher: Option<&str>,
    ) -> Speaker {
        let _ = publisher;
        match pronoun {
            "we" | "i" => {
                let mut s = Speaker::of_kind(SourcingKind::Outlet);
                s.note = Some(AttributionNote::of(AttributionCode::FirstPerson));
                return s;
            }
            "who" | "which" => {
                // The phrase right before ", who": a person named there, the
                // previous relation's source, or the phrase itself.
                let before = cx
                    .text
                    .get(..src.start)
                    .unwrap_or("")
                    .trim_end()
                    .trim_end_matches(',')
                    .trim_end();
                if let Some(m) = self.before(src.start).last() {
                    let name_end = cx
                        .tokens_in(ByteSpan::new(m.at, before.len()))
                        .first()
                        .map(|t| t.span.end);
                    if name_end.is_some_and(|e| before.len().saturating_sub(e) <= 3) {
                        return self.speaker_for_mention(m, pronoun);
                    }
                }
                if let Some(np) = antecedent(cx, before.len()) {
                    let s = self.speaker_of(cx, relations, done, k, np, publisher);
                    if s.kind != SourcingKind::Unattributed {
                        return s;
                    }
                }
                if let Some(j) = (0..k).rev().find(|&j| {
                    relations[j].sentence == relations[k].sentence
                        && relations[j].source.is_some_and(|s| s.end <= src.start)
                }) {
                    if let Some(prev) = done.get(j) {
                        return prev.clone();
                    }
                }
                let sentence = relations[k].sentence;
                let from = cx.sentences.get(sentence).map_or(0, |s| s.start);
                if let Some(m) = self.before(src.start).last().filter(|m| m.at >= from) {
                    return self.speaker_for_mention(m, "who");
                }
                return Speaker::of_kind(SourcingKind::Unattributed);
            }
            "they" | "it" => {
                // The latest non-person source in this or the previous paragraph.
                let here = cx
                    .paragraph
                    .get(relations[k].sentence)
                    .copied()
                    .unwrap_or(0);
                for j in (0..k).rev() {
                    let there = cx
                        .paragraph
                        .get(relations[j].sentence)
                        .copied()
                        .unwrap_or(0);
                    if here > there + 1 {
                        break;
                    }
                    if let Some(prev) = done.get(j) {
                        let person = prev
                            .name
                            .as_deref()
                            .is_some_and(|n| self.persons.iter().any(|p| p.name == n));
                        if !person && prev.kind != SourcingKind::Unattributed {
                            return prev.clone();
                        }
                    }
                }
                return Speaker::of_kind(SourcingKind::Vague);
            }
            _ => {}
        }
        let gender = match pronoun {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => Gender::Unknown,
        };
        let fits = |p: usize| {
            let g = self.persons[p].gender;
            g == Gender::Unknown || gender == Gender::Unknown || g == gender
        };
        let para_of = |at: usize| {
            cx.sentence_at(at)
                .and_then(|s| cx.paragraph.get(s).copied())
                .unwrap_or(0)
        };
        let here = para_of(src.start);
        // The last person who spoke, a few paragraphs back at most: "“...,”
        // said Patrick McHugh, vice president ... for Con Edison. “...,” he
        // added" is McHugh, not a name in his own appositive.
        let last = (0..k).rev().find(|&j| {
            self.person_spoke.get(j).copied().unwrap_or(false)
                && relations[j].source.is_some_and(|s| s.end <= src.start)
        });
        let last = last.filter(|&j| {
            let name = done[j].name.as_deref();
            here <= para_of(relations[j].cue.start) + 3
                && self
                    .persons
                    .iter()
                    .position(|p| Some(p.name.as_str()) == name)
                    .is_none_or(fits)
        });
        // The latest person mentioned outside quotations, in this or the
        // previous paragraph, whose gender does not clash.
        for m in self.before(src.start).iter().rev() {
            if here > para_of(m.at) + 3 {
                break;
            }
            // "Paris Baguette remains “a true bakery,” he said": a name in
            // the words "he" reports is never "he".
            // (Unless the name speaks there itself: "“...,” developer Ammar
            // Askar wrote in a blog post, 21 months, he said, after ...").
            let reported = relations[k]
                .content
                .iter()
                .any(|c| c.start <= m.at && m.at < c.end)
                && !speaks_next(cx, m.at);
            if cx.is_quoted(m.at) || reported || !m.people.iter().any(|&p| fits(p)) {
                continue;
            }
            if let Some(j) = last {
                let said = relations[j].source.map_or(0, |s| s.start);
                let in_own_clause = cx.sentence_at(m.at) == Some(relations[j].sentence);
                if m.at < said || in_own_clause {
                    return done[j].clone();
                }
            }
            if here > para_of(m.at) + 1 {
                break;
            }
            return self.speaker_for_mention(m, pronoun);
        }
        if let Some(j) = last {
            return done[j].clone();
        }
        let mut s = Speaker::of_kind(SourcingKind::Named);
        s.note = Some(AttributionNote {
            word: Some(pronoun.to_string()),
            ..AttributionNote::of(AttributionCode::UnlinkedPronoun)
        });
        s
    }

    /// Chooses among people sharing a surname from the context: who was
    /// named most recently nearby, and whose role or descriptor the
    /// surrounding sentences echo. `None` (with a note) when nothing decides.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn decide(
        &self,
        cx: &Context,
        src: ByteSpan,
        candidates: &[usize],
        role_here: Option<&str>,
        _relations: &[Relation],
        _k: usize,
        _done: &[Speaker],
        s: &mut Speaker,
    ) -> Option<usize> {
        let surname = self.persons[candidates[0]].surname.clone();
        let mut scores = vec![0i32; candidates.len()];
        let mut reasons: Vec<Vec<AttributionBasis>> = vec![Vec::new(); candidates.len()];
        // A role written with the surname ("press secretary Kelly").
        if let Some(role) = role_here {
            for (i, &p) in candidates.iter().enumerate() {
                if overlap_words(role, &self.describe_words(p)) > 0 {
                    scores[i] += 4;
                    reasons[i].push(AttributionBasis::Role);
                }
            }
        }
        // Recency: who of them was named last, and how near.
        let here_sentence = cx.sentence_at(src.start).unwrap_or(0);
        let here_para = cx.paragraph.get(here_sentence).copied().unwrap_or(0);
        let latest = self
            .before(src.start)
            .iter()
            .rev()
            .filter(|m| m.explicit && m.people.len() == 1)
            .find(|m| candidates.contains(&m.people[0]));
        if let Some(m) = latest {
            let i = candidates
                .iter()
                .position(|&p| p == m.people[0])
                .unwrap_or(0);
            let para = cx
                .sentence_at(m.at)
                .and_then(|s| cx.paragraph.get(s).copied())
                .unwrap_or(0);
            if para == here_para {
                scores[i] += 2;
                reasons[i].push(AttributionBasis::SameParagraph);
            } else if para + 1 == here_para {
                scores[i] += 1;
                reasons[i].push(AttributionBasis::PreviousParagraph);
            }
        }
        // Descriptor echo in this and the previous sentence (not the name itself).
        let window_start = cx
            .sentences
            .get(here_sentence.saturating_sub(1))
            .map_or(0, |s| s.start);
        let window_end = cx.sentences.get(here_sentence).map_or(src.end, |s| s.end);
        let window = cx.text.get(window_start..window_end).unwrap_or("");
        for (i, &p) in candidates.iter().enumerate() {
            let own_name = &self.persons[p].name;
            // The name itself ("Ian Kelly, a retired diplomat") is no echo.
            let words = self.describe_words(p);
            let hits = window
                .split(own_name.as_str())
                .fold(0u64, |seen, piece| seen | echoed(piece, &words))
                .count_ones() as usize;
            if hits > 0 {
                scores[i] += 2 * hits.min(2) as i32;
                reasons[i].push(AttributionBasis::Description);
            }
        }
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        crate::sort::sort_by_key(&mut order, |&i| std::cmp::Reverse(scores[i]));
        let best = order[0];
        let margin = scores[best] - order.get(1).map_or(0, |&j| scores[j]);
        let described: Vec<AttributionCandidate> =
            candidates.iter().map(|&p| self.candidate(p)).collect();
        if scores[best] >= 2 && margin >= 2 {
            let chosen = &self.persons[candidates[best]];
            s.note = Some(AttributionNote {
                word: Some(surname),
                candidates: described,
                chosen: Some(chosen.name.clone()),
                basis: std::mem::take(&mut reasons[best]),
                ..AttributionNote::of(AttributionCode::SharedSurnameChosen)
            });
            Some(candidates[best])
        } else {
            s.note = Some(AttributionNote {
                word: Some(surname),
                candidates: described,
                ..AttributionNote::of(AttributionCode::SharedSurnameUndecided)
            });
            None
        }
    }

    pub(super) fn describe_words(&self, p: usize) -> Vec<String> {
        let person = &self.persons[p];
        let mut words = Vec::new();
        for phrase in [&person.role, &person.descriptor].into_iter().flatten() {
            for w in phrase.split(|c: char| !c.is_alphanumeric()) {
                let w = w.to_ascii_lowercase();
                if w.len() >= 4
                    && !matches!(
                        w.as_str(),
                        "former"
                            | "retired"
                            | "from"
                            | "with"
                            | "that"
                            | "this"
                            | "house"
                            | "state"
                            | "their"
                            | "also"
                    )
                {
                    words.push(stem(&w).to_string());
                }
            }
        }
        crate::sort::sort(&mut words);
        words.dedup();
        words
    }
}

fn stem(w: &str) -> &str {
    w.strip_suffix("s").filter(|s| s.len() >= 4).unwrap_or(w)
}

/// How many of `words` (stemmed, lower-case) occur in `text`.
fn overlap_words(text: &str, words: &[String]) -> usize {
    echoed(text, words).count_ones() as usize
}

/// Which of `words` (stemmed, lower-case) occur in `text`, as bits.
fn echoed(text: &str, words: &[String]) -> u64 {
    let mut seen = 0u64;
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.len() < 4 {
            continue;
        }
        let st = stem(w);
        if let Some(k) = words.iter().position(|x| x.eq_ignore_ascii_case(st)) {
            seen |= 1 << (k % 64);
        }
    }
    seen
}

/// A source phrase that is one pronoun ("he", "they").
pub(super) fn is_pronoun(cx: &Context, src: ByteSpan) -> bool {
    let mut words = cx
        .tokens_in(src)
        .iter()
        .filter(|t| t.kind == TokenKind::Word);
    matches!((words.next(), words.next()), (Some(t), None) if cx.has(t, lexicon::bits::PRONOUNS))
}

/// The noun phrase ending at byte `end` (before ", who"), up to its clause
/// boundary.
fn antecedent(cx: &Context, end: usize) -> Option<ByteSpan> {
    let sentence = cx.sentence_at(end.saturating_sub(1))?;
    let toks = cx.tokens_in(ByteSpan::new(cx.sentences[sentence].start, end));
    let mut start = toks.len();
    while start > 0 && toks.len() - start < 6 {
        let t = &toks[start - 1];
        let w = cx.word(t);
        if t.kind == TokenKind::Punct && !matches!(w, "." | "’" | "'")
            || cx.has(t, lexicon::bits::CLAUSE_OPENERS | lexicon::bits::CUE_VERBS)
        {
            break;
        }
        // "a lawsuit with ZeniMax Media, which accuses": the name after
        // the preposition.
        let named_after = toks
            .get(start)
            .is_some_and(|n| start < toks.len() && is_capitalised(cx.text, n));
        if named_after && matches!(w, "with" | "against" | "by" | "from" | "for" | "at") {
            break;
        }
        start -= 1;
        if matches!(
            w,
            "the" | "a" | "an" | "The" | "A" | "An" | "some" | "Some" | "many" | "Many"
        ) {
            break;
        }
    }
    (start < toks.len())
        .then(|| ByteSpan::new(toks[start].span.start, toks[toks.len() - 1].span.end))
}
