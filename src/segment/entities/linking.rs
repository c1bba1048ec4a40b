//! Linking names: candidates become entities, and later mentions by
//! surname, given name or pronoun are linked to them (or reported with
//! every candidate when more than one fits).

use super::*;

/// A resolved or guessed mention, for ranking and pronouns.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seen {
    at: usize,
    entity: usize,
    sentence: usize,
    paragraph: usize,
    in_quote: bool,
}

pub(super) struct Builder {
    entity: Entity,
    gender: Option<Gender>,
    first: usize,
}

pub(super) struct Linker<'c, 'a> {
    cx: &'c Cx<'a>,
    sentences: &'c [ByteSpan],
    info: &'c [SentenceInfo],
    entities: Vec<Builder>,
    mentions: Vec<Mention>,
    /// Named mentions: the first `pass1` in text order, then those linked
    /// in pass 2, also in text order.
    seen: Vec<Seen>,
    pass1: usize,
    /// Entity by (kind, name without initials).
    by_key: FxMap<(EntityKind, String), usize>,
    /// People by surname, by given name, and by a one-word name.
    by_surname: FxMap<String, Vec<usize>>,
    by_given: FxMap<String, Vec<usize>>,
    by_one_word: FxMap<String, Vec<usize>>,
}

impl<'c, 'a> Linker<'c, 'a> {
    pub(super) fn new(cx: &'c Cx<'a>, sentences: &'c [ByteSpan], info: &'c [SentenceInfo]) -> Self {
        Linker {
            cx,
            sentences,
            info,
            entities: Vec::new(),
            mentions: Vec::new(),
            seen: Vec::new(),
            pass1: 0,
            by_key: FxMap::default(),
            by_surname: FxMap::default(),
            by_given: FxMap::default(),
            by_one_word: FxMap::default(),
        }
    }

    pub(super) fn add_entity(&mut self, c: &Candidate, kind: EntityKind) -> usize {
        // Same name (ignoring initials) and kind: the same entity.
        let key = (kind, name_key(&c.words));
        if let Some(&i) = self.by_key.get(&key) {
            let b = &mut self.entities[i];
            if b.entity.role.is_none() {
                b.entity.role.clone_from(&c.role);
            }
            if b.entity.descriptor.is_none() {
                b.entity.descriptor.clone_from(&c.descriptor);
            }
            return i;
        }
        let name = c.words.join(" ");
        let person = kind == EntityKind::Person;
        let gender = if person {
            c.honorific
                .or_else(|| c.role.as_deref().and_then(role_gender))
                .or_else(|| c.descriptor.as_deref().and_then(role_gender))
                .or_else(|| {
                    (c.words.len() > 1)
                        .then(|| given_gender(&c.words[0].to_lowercase()))
                        .flatten()
                })
        } else {
            None
        };
        let words: Vec<&str> = c
            .words
            .iter()
            .filter(|w| !matches!(**w, "Jr" | "Sr" | "II" | "III" | "IV") && w.len() > 1)
            .copied()
            .collect();
        let (given, surname) = if person && words.len() > 1 {
            (
                words.first().map(|w| w.to_string()),
                words.last().map(|w| w.to_string()),
            )
        } else {
            (None, None)
        };
        let index = self.entities.len();
        self.by_key.insert(key, index);
        if person {
            if let Some(w) = &surname {
                self.by_surname.entry(w.clone()).or_default().push(index);
            }
            if let Some(w) = &given {
                self.by_given.entry(w.clone()).or_default().push(index);
            }
            if c.words.len() == 1 {
                self.by_one_word
                    .entry(name.clone())
                    .or_default()
                    .push(index);
            }
        }
        self.entities.push(Builder {
            entity: Entity {
                name,
                kind,
                role: c.role.clone(),
                descriptor: c.descriptor.clone(),
                mentions: Vec::new(),
            },
            gender,
            first: c.span.start,
        });
        index
    }

    pub(super) fn record(&mut self, c: &Candidate, entity: usize, form: MentionForm) {
        self.entities[entity]
            .entity
            .mentions
            .push(EntityMention { span: c.span });
        self.mentions.push(Mention {
            span: c.span,
            form,
            candidates: vec![entity],
            ambiguous: false,
        });
        self.seen.push(Seen {
            at: c.span.start,
            entity,
            sentence: c.sentence,
            paragraph: c.paragraph,
            in_quote: c.in_quote,
        });
    }

    #[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
    pub(super) fn link(&mut self, candidates: Vec<Candidate>) {
        // Pass 1: full names, organisations and places.
        let mut singles = Vec::new();
        for c in candidates {
            match c.class {
                Class::Known(kind) => {
                    if kind == EntityKind::Person && c.words.len() == 1 {
                        singles.push(c);
                        continue;
                    }
                    let e = self.add_entity(&c, kind);
                    self.record(&c, e, MentionForm::Name);
                }
                Class::Single => singles.push(c),
            }
        }
        // Candidates come in text order, so `seen` already is.
        self.pass1 = self.seen.len();
        // Pass 2: single words, in text order, against the people known so far.
        for c in singles {
            self.link_single(c);
        }
        // Both passes recorded in text order: merge them.
        let second = self.seen.split_off(self.pass1);
        self.seen = merge_by(std::mem::take(&mut self.seen), second, |s| s.at);
    }

    pub(super) fn link_single(&mut self, c: Candidate) {
        let word = &c.words[0];
        let lookup = |map: &FxMap<String, Vec<usize>>| map.get(*word).cloned().unwrap_or_default();
        let mut form = MentionForm::Surname;
        let mut owners = lookup(&self.by_surname);
        if owners.is_empty() {
            owners = lookup(&self.by_given);
            form = MentionForm::GivenName;
        }
        // Known people with exactly this one-word name ("Ivanka", "Warren").
        if owners.is_empty() {
            owners = lookup(&self.by_one_word);
            form = MentionForm::Name;
        }
        // Reading order: those introduced before this mention, if any.
        let before: Vec<usize> = owners
            .iter()
            .copied()
            .filter(|&i| self.entities[i].first < c.span.start)
            .collect();
        let owners = if before.is_empty() { owners } else { before };
        match owners.len() {
            0 => {
                let lower = word.to_lowercase();
                let evidence = c.role.is_some()
                    || c.honorific.is_some()
                    || (!c.initial
                        && (c.speaks || c.descriptor.is_some() || is_given_name(&lower)))
                    || (c.initial && c.speaks && (c.role.is_some() || is_given_name(&lower)));
                if evidence && DEMONYMS.binary_search(&lower.as_str()).is_err() {
                    let e = self.add_entity(&c, EntityKind::Person);
                    if self.entities[e].gender.is_none() {
                        self.entities[e].gender = given_gender(&lower);
                    }
                    self.record(&c, e, MentionForm::Name);
                }
            }
            1 => {
                let e = owners[0];
                let b = &mut self.entities[e];
                if b.entity.role.is_none() {
                    b.entity.role.clone_from(&c.role);
                }
                if b.gender.is_none() {
                    b.gender = c.honorific;
                }
                self.record(&c, e, form);
            }
            _ => {
                let ranked = self.rank(&owners, &c);
                let best = ranked[0];
                self.mentions.push(Mention {
                    span: c.span,
                    form,
                    candidates: ranked,
                    ambiguous: true,
                });
                // The guess informs later ranking and pronouns, never the entity's mentions.
                self.seen.push(Seen {
                    at: c.span.start,
                    entity: best,
                    sentence: c.sentence,
                    paragraph: c.paragraph,
                    in_quote: c.in_quote,
                });
            }
        }
    }

    /// Orders candidates for an ambiguous mention: mentioned earlier in the
    /// same sentence; role or descriptor words shared with the sentence
    /// ("veteran diplomats" ~ "career diplomat"); mentioned earlier in the
    /// paragraph (most recent first); mentioned anywhere before.
    pub(super) fn rank(&self, owners: &[usize], c: &Candidate) -> Vec<usize> {
        let sentence_words = self
            .sentences
            .get(c.sentence)
            .map(|s| stems(s.of(self.cx.text)))
            .unwrap_or_default();
        let mut scored: Vec<((bool, usize, i64, i64), usize)> = owners
            .iter()
            .map(|&e| {
                let last = self.last_mention_before(e, c.span.start);
                let same_sentence = last.is_some_and(|s| s.sentence == c.sentence);
                let paragraph_last = last
                    .filter(|s| s.paragraph == c.paragraph)
                    .map_or(-1, |s| s.at as i64);
                let last = last.map_or(-1, |s| s.at as i64);
                let b = &self.entities[e].entity;
                let profile = format!(
                    "{} {}",
                    b.role.as_deref().unwrap_or(""),
                    b.descriptor.as_deref().unwrap_or("")
                );
                let overlap = stems(&profile)
                    .iter()
                    .filter(|w| sentence_words.contains(w))
                    .count();
                ((same_sentence, overlap, paragraph_last, last), e)
            })
            .collect();
        // Insertion sort, best first: a handful of candidates.
        for i in 1..scored.len() {
            let mut j = i;
            while j > 0 && scored[j - 1].0 < scored[j].0 {
                scored.swap(j - 1, j);
                j -= 1;
            }
        }
        scored.into_iter().map(|(_, e)| e).collect()
    }

    /// The most recent named mention of entity `e` before byte `at`. Both
    /// halves of `seen` are in text order; the walk back is bounded.
    pub(super) fn last_mention_before(&self, e: usize, at: usize) -> Option<Seen> {
        let (first, second) = self.seen.split_at(self.pass1.min(self.seen.len()));
        let latest = |half: &[Seen]| {
            let end = half.partition_point(|s| s.at < at);
            half[..end]
                .iter()
                .rev()
                .take(5_000)
                .find(|s| s.entity == e)
                .copied()
        };
        match (latest(first), latest(second)) {
            (Some(a), Some(b)) => Some(if a.at > b.at { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// Links "he", "him", "his", "she", "her" to the people mentioned just
    /// before (same sentence, then up to two sentences back), subjects
    /// first, with quotations kept apart from narration.
    #[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
    pub(super) fn pronouns(&mut self) {
        let mut s = 0usize;
        for (k, t) in self.cx.tokens.iter().enumerate() {
            let gender = match self.cx.w(k) {
                "he" | "him" | "his" | "himself" => Gender::Male,
                "she" | "her" | "hers" | "herself" => Gender::Female,
                _ => continue,
            };
            while s + 1 < self.sentences.len() && self.sentences[s].end <= t.span.start {
                s += 1;
            }
            let in_quote = inside(&self.cx.quotes, t.span.start);
            let paragraph = self.info.get(s).map_or(s, |i| i.paragraph);
            let mut ordered: Vec<usize> = Vec::new();
            for back in 0..=2usize {
                let Some(target) = s.checked_sub(back) else {
                    break;
                };
                let target_paragraph = self.info.get(target).map_or(target, |i| i.paragraph);
                if back > 0 && target_paragraph != paragraph && !ordered.is_empty() {
                    break;
                }
                // `seen` is in text order, so one sentence's mentions are contiguous.
                let from = self.seen.partition_point(|m| m.sentence < target);
                let to = self.seen.partition_point(|m| m.sentence <= target);
                for seen in self.seen[from..to]
                    .iter()
                    .filter(|m| m.at < t.span.start && (in_quote || !m.in_quote))
                {
                    let b = &self.entities[seen.entity];
                    let compatible =
                        b.entity.kind == EntityKind::Person && b.gender.is_none_or(|g| g == gender);
                    if compatible && !ordered.contains(&seen.entity) {
                        ordered.push(seen.entity);
                    }
                }
                if back == 0 && !ordered.is_empty() {
                    break;
                }
            }
            self.mentions.push(Mention {
                span: t.span,
                form: MentionForm::Pronoun,
                ambiguous: ordered.len() > 1,
                candidates: ordered,
            });
        }
    }

    /// Entities in order of first mention, with mention indices remapped.
    #[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
    pub(super) fn finish(self) -> Found {
        let order: Vec<usize> = (0..self.entities.len()).collect();
        let first_at = |b: &Builder| {
            b.entity
                .mentions
                .iter()
                .map(|m| m.span.start)
                .min()
                .unwrap_or(b.first)
        };
        let mut keyed: Vec<(usize, usize)> = order
            .iter()
            .map(|&i| (first_at(&self.entities[i]), i))
            .collect();
        crate::sort::sort(&mut keyed);
        let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
        let mut remap = vec![0usize; self.entities.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old] = new;
        }
        let mut slots: Vec<Option<Builder>> = self.entities.into_iter().map(Some).collect();
        let entities: Vec<Entity> = order
            .iter()
            .filter_map(|&old| slots[old].take())
            .map(|b| {
                let mut e = b.entity;
                sort_by_offset(&mut e.mentions, |m| m.span.start);
                e.mentions.dedup();
                e
            })
            .collect();
        let mut mentions: Vec<Mention> = self
            .mentions
            .into_iter()
            .map(|mut m| {
                for c in &mut m.candidates {
                    *c = remap[*c];
                }
                m
            })
            .collect();
        sort_by_offset(&mut mentions, |m| m.span.start);
        Found { entities, mentions }
    }
}

/// Merges two lists each in `key` order.
pub(super) fn merge_by<T>(a: Vec<T>, b: Vec<T>, key: impl Fn(&T) -> usize) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => key(x) <= key(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

/// Sorts by a byte offset through `(offset, index)` pairs, so one sort
/// implementation serves every item type (each generic sort costs WASM size).
pub(super) fn sort_by_offset<T>(items: &mut Vec<T>, offset: impl Fn(&T) -> usize) {
    let mut keys: Vec<(usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (offset(t), i))
        .collect();
    crate::sort::sort(&mut keys);
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(keys.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// Name without initials or suffixes, for matching "Donald J. Trump" to "Donald Trump".
pub(super) fn name_key(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| w.len() > 1 && !matches!(**w, "Jr" | "Sr"))
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Content-word stems of a phrase: lower case, five letters or more, final "s" dropped.
pub(super) fn stems(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 5)
        .map(|w| {
            let w = w.to_lowercase();
            w.strip_suffix('s').map(str::to_string).unwrap_or(w)
        })
        .filter(|w| {
            !matches!(
                w.as_str(),
                "former" | "their" | "there" | "which" | "about" | "other" | "would" | "could"
            )
        })
        .collect()
}
