//! Finding names: the candidate spans of people, organisations and places,
//! from capitalisation, titles, roles and the gazetteers, with the roles
//! and appositives written around them.

use super::*;

impl<'a> Cx<'a> {
    pub(super) fn raw(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    pub(super) fn w(&self, k: usize) -> &'a str {
        self.norm.get(k)
    }

    /// Gazetteer flags of a run word (cached by token).
    pub(super) fn facts(&self, (k, _): Part<'a>) -> u16 {
        let Some(cell) = self.facts.get(k) else {
            return 0;
        };
        if cell.get() == facts::UNSET {
            let (base, _, _) = name_base(self.raw(k));
            // The normalised form is already lower case; cut it to the same word.
            let norm = self.w(k);
            let flags = match norm.get(..base.len()) {
                Some(lower) if base.is_ascii() => word_facts(base, lower),
                _ => word_facts(base, &base.to_lowercase()),
            };
            cell.set(flags);
        }
        cell.get()
    }

    pub(super) fn has(&self, part: Part<'a>, flags: u16) -> bool {
        self.facts(part) & flags != 0
    }

    /// Only spaces (no line break or punctuation) between tokens `a` and `a + 1`.
    pub(super) fn adjacent(&self, a: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(a + 1)) {
            (Some(x), Some(y)) => {
                let gap = &self.text[x.span.end..y.span.start];
                !gap.is_empty() && gap.chars().all(|c| is_space(c) && c != '\n' && c != '\r')
            }
            _ => false,
        }
    }

    pub(super) fn capitalised(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| t.is_capitalised(self.text))
    }

    /// A single capital letter followed by a touching period ("F.").
    pub(super) fn initial_at(&self, k: usize) -> bool {
        let raw = self.raw(k);
        raw.len() == 1
            && raw.chars().all(|c| c.is_ascii_uppercase())
            && self.raw(k + 1) == "."
            && self.tokens[k].touches(&self.tokens[k + 1])
    }

    /// Capitalised runs, analysed into candidates.
    #[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
    pub(super) fn candidates(
        &self,
        sentences: &[ByteSpan],
        info: &[SentenceInfo],
    ) -> Vec<Candidate<'a>> {
        let mut out = Vec::new();
        let mut s = 0usize;
        let mut first_word = sentences
            .first()
            .and_then(|sp| first_word_token(self.tokens, *sp));
        let mut k = 0usize;
        while k < self.tokens.len() {
            let t = self.tokens[k];
            while s + 1 < sentences.len() && sentences[s].end <= t.span.start {
                s += 1;
                first_word = first_word_token(self.tokens, sentences[s]);
            }
            if !self.capitalised(k) {
                k += 1;
                continue;
            }
            let sentence = s.min(sentences.len().saturating_sub(1));
            let heading = info
                .get(sentence)
                .is_some_and(|i| i.kind == SentenceKind::Heading);
            let paragraph = info.get(sentence).map_or(sentence, |i| i.paragraph);
            let initial = first_word == Some(k) || self.after_opener(k);
            let (run, next) = self.run(k);
            // Words of a time expression ("On Friday", "in June") split the
            // run and are never names themselves.
            for parts in run.split(|&(t, _)| self.in_date(t)) {
                let initial = initial && parts.first().map(|p| p.0) == run.first().map(|p| p.0);
                if let Some(pieces) = compound_pieces(self, parts) {
                    for (span, word, kind) in pieces {
                        out.push(Candidate::bare(
                            span,
                            vec![word],
                            Class::Known(kind),
                            (sentence, paragraph),
                            inside(&self.quotes, span.start),
                            false,
                        ));
                    }
                } else if !parts.is_empty() {
                    if let Some(c) = self.analyse(parts, sentence, paragraph, initial, heading) {
                        out.push(c);
                    }
                }
            }
            k = next.max(k + 1);
        }
        out
    }

    /// Whether token `k` lies in a time expression.
    pub(super) fn in_date(&self, k: usize) -> bool {
        let span = self.tokens[k].span;
        let after = self.dates.partition_point(|d| d.start <= span.start);
        after > 0 && self.dates[after - 1].contains(span)
    }

    /// The first word of a quotation, parenthesis or clause after a colon or dash.
    pub(super) fn after_opener(&self, k: usize) -> bool {
        k > 0
            && matches!(
                normalize_char(self.raw(k - 1).chars().next().unwrap_or(' ')),
                '"' | '(' | '[' | ':' | '-' | '\''
            )
    }

    /// The run starting at `k`: (token index, word without possessive) pairs,
    /// and the token after the run.
    pub(super) fn run(&self, k: usize) -> (Vec<Part<'a>>, usize) {
        let mut parts: Vec<Part<'a>> = Vec::new();
        let mut j = k;
        while j < self.tokens.len() {
            let raw = self.raw(j);
            if !parts.is_empty() {
                // Periods of initials and abbreviated titles stay in the run.
                let last = parts.last().map_or(0, |p| p.0);
                if !(self.adjacent(j - 1)
                    || (self.raw(j - 1) == "." && last + 1 == j - 1 && self.adjacent(j - 1)))
                {
                    break;
                }
            }
            if self.capitalised(j)
                || (parts.is_empty() && self.raw(j).chars().next().is_some_and(char::is_uppercase))
            {
                // "Trump’s", "Emirates-controlled": keep the name.
                let (base, possessive, tail_lower) = name_base(raw);
                parts.push((j, base));
                let mut next = j + 1;
                if self.initial_at(j)
                    || (self.has((j, base), facts::TITLE)
                        && self.raw(j + 1) == "."
                        && self.tokens[j].touches(&self.tokens[j + 1]))
                {
                    next += 1; // skip the period
                    if !self.adjacent(j + 1) {
                        return (parts, next);
                    }
                    j = next;
                    continue;
                }
                if possessive || tail_lower {
                    return (parts, next);
                }
                j = next;
                continue;
            }
            // Connectors between capitalised words ("Bank of America", "Secretary of State").
            if !parts.is_empty()
                && is_connector(self.w(j))
                && self.capitalised(j + 1)
                && self.adjacent(j)
            {
                parts.push((j, raw));
                j += 1;
                continue;
            }
            break;
        }
        // A run never ends on a connector.
        while parts.last().is_some_and(|(_, w)| is_connector(w)) {
            parts.pop();
        }
        (parts, j)
    }

    pub(super) fn span_of(&self, parts: &[Part<'a>]) -> ByteSpan {
        let first = self.tokens[parts[0].0].span.start;
        let (last_k, last_w) = &parts[parts.len() - 1];
        let start = self.tokens[*last_k].span.start;
        ByteSpan::new(first, start + last_w.len())
    }

    /// Splits a run into role and name and classifies it.
    pub(super) fn analyse(
        &self,
        parts: &[Part<'a>],
        sentence: usize,
        paragraph: usize,
        initial: bool,
        heading: bool,
    ) -> Option<Candidate<'a>> {
        let mut parts: &[Part<'a>] = parts;
        let mut initial = initial;
        // Sentence words that are not names ("The", "However", "Some").
        while let Some(&first) = parts.first() {
            if !self.has(first, facts::NOT_NAME) {
                break;
            }
            parts = &parts[1..];
            initial = false;
        }
        if parts.is_empty() {
            return None;
        }
        let span = self.span_of(parts);
        let base = Candidate::bare(
            span,
            parts.iter().map(|(_, w)| *w).collect(),
            Class::Single,
            (sentence, paragraph),
            inside(&self.quotes, span.start),
            initial,
        );
        // Gazetteers first, whole run.
        let joined = (parts.len() > 1).then(|| join(parts));
        let whole = |flag: u16, list: &[&str]| match &joined {
            Some(j) => sorted_contains(list, j),
            None => self.has(parts[0], flag),
        };
        if whole(facts::PLACE, PLACES) {
            return Some(Candidate {
                class: Class::Known(EntityKind::Place),
                ..base
            });
        }
        if whole(facts::ORG, ORGANIZATIONS) {
            return Some(self.with_descriptors(
                Candidate {
                    class: Class::Known(EntityKind::Organization),
                    ..base
                },
                parts,
            ));
        }
        // Title words, then the name: "Secretary of State Marco Rubio",
        // "Russian President Vladimir Putin", "Mr. Kushner".
        let given_at = parts
            .iter()
            .position(|&p| self.has(p, facts::GIVEN))
            .filter(|&g| g == 0 || parts[..g].iter().all(|&p| self.is_title_word(p)));
        let mut title_end = 0;
        if let Some(g) = given_at {
            title_end = g;
        } else {
            while title_end < parts.len() {
                let w = parts[title_end].1;
                if self.is_title_word(parts[title_end]) {
                    title_end += 1;
                } else if w == "of" && title_end > 0 && title_end + 1 < parts.len() {
                    // "Secretary of State X": the department word belongs to the title.
                    title_end += 2;
                } else {
                    break;
                }
            }
        }
        // "Arab Spring", "Arab League": a nationality alone before one
        // capitalised word belongs to the name; it is not a person's title.
        if given_at.is_none()
            && title_end > 0
            && title_end + 1 == parts.len()
            && parts[..title_end]
                .iter()
                .all(|&p| self.has(p, facts::DEMONYM))
        {
            title_end = 0;
        }
        if title_end >= parts.len() {
            return None;
        }
        let title = &parts[..title_end];
        let name = &parts[title_end..];
        let honorific = title.iter().find_map(|(_, w)| honorific_gender(w));
        let role_words: Vec<&Part<'a>> = title.iter().filter(|(_, w)| !is_honorific(w)).collect();
        let in_run_role = (!role_words.is_empty()).then(|| {
            let first = role_words[0].0;
            let last = role_words[role_words.len() - 1].0;
            let end =
                if self.raw(last + 1) == "." && self.tokens[last].touches(&self.tokens[last + 1]) {
                    self.tokens[last + 1].span.end
                } else {
                    self.tokens[last].span.end
                };
            (
                first,
                self.text[self.tokens[first].span.start..end].to_string(),
            )
        });
        let span = self.span_of(name);
        let words: Vec<&'a str> = name.iter().map(|(_, w)| *w).collect();
        let has_title = !title.is_empty();
        let last_part = name[name.len() - 1];
        let name_is = |flag: u16, list: &[&str]| {
            if name.len() > 1 {
                sorted_contains(list, &join(name))
            } else {
                self.has(name[0], flag)
            }
        };
        let class = if name_is(facts::PLACE, PLACES) {
            Class::Known(EntityKind::Place)
        } else if name_is(facts::ORG, ORGANIZATIONS) {
            Class::Known(EntityKind::Organization)
        } else if self.has(last_part, facts::OTHER_SUFFIX) {
            return None;
        } else if self.has(last_part, facts::ORG_SUFFIX)
            || (words.len() > 2 && self.has(name[0], facts::ORG_SUFFIX) && words[1] == "of")
        {
            Class::Known(EntityKind::Organization)
        } else if self.has(last_part, facts::PLACE_SUFFIX) && words.len() > 1 {
            Class::Known(EntityKind::Place)
        } else if words.len() == 1 && is_shouted_place(words[0]) {
            // A dateline: "CAIRO — Gunmen opened fire".
            Class::Known(EntityKind::Place)
        } else if words.len() == 1 && is_acronym(words[0]) {
            Class::Known(EntityKind::Organization)
        } else if words.len() == 1 {
            Class::Single
        } else if name.iter().any(|&p| self.has(p, facts::DEMONYM)) {
            return None;
        } else if has_title || self.has(name[0], facts::GIVEN) {
            Class::Known(EntityKind::Person)
        } else if self.has(name[0], facts::PLACE) {
            // "Georgia Tech", "Texas Instruments".
            Class::Known(EntityKind::Organization)
        } else if !heading
            && words.len() <= 4
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            Class::Known(EntityKind::Person)
        } else {
            return None;
        };
        let last_token = name[name.len() - 1].0;
        let speaks = is_speech_verb(self.w(last_token + 1));
        let mut candidate = Candidate {
            span,
            words,
            class,
            role: None,
            honorific,
            descriptor: None,
            sentence,
            paragraph,
            in_quote: inside(&self.quotes, span.start),
            initial: (initial || heading) && !has_title,
            speaks,
        };
        let person_like = matches!(class, Class::Known(EntityKind::Person) | Class::Single);
        if person_like {
            let run_start = parts[0].0;
            candidate.role = self.role_before(run_start, in_run_role);
        }
        let mut candidate = self.with_descriptors(candidate, name);
        // "Khartoum, the capital", "Darfur, a vast desert region of western
        // Sudan": a name the lists do not know, described as a place.
        let guessed = matches!(candidate.class, Class::Single)
            || (matches!(candidate.class, Class::Known(EntityKind::Person))
                && !has_title
                && !self.has(name[0], facts::GIVEN));
        if guessed && candidate.descriptor.as_deref().is_some_and(describes_place) {
            candidate.class = Class::Known(EntityKind::Place);
            candidate.role = None;
        }
        Some(candidate)
    }

    pub(super) fn with_descriptors(
        &self,
        mut c: Candidate<'a>,
        name: &[Part<'a>],
    ) -> Candidate<'a> {
        let last = name[name.len() - 1].0;
        let possessive = self.raw(last).len() > name[name.len() - 1].1.len();
        if !possessive {
            c.descriptor = self.appositive_after(c.span.end);
        }
        if c.descriptor.is_none() {
            c.descriptor = self.appositive_before(name[0].0, last);
        }
        c
    }

    /// The role written before a run: lower-case role phrases ("deputy press
    /// secretary"), organisations and nationalities before them ("White
    /// House", "Russian"), possessives ("Trump’s son-in-law"), merged with
    /// title words inside the run ("former President").
    pub(super) fn role_before(
        &self,
        run_start: usize,
        in_run: Option<(usize, String)>,
    ) -> Option<String> {
        let mut first = run_start;
        let mut has_head = in_run.is_some();
        let mut steps = 0;
        while first > 0 && steps < 7 && self.adjacent(first - 1) {
            let j = first - 1;
            let raw = self.raw(j);
            let lower = self.w(j);
            let token_kind = self.tokens[j].kind;
            if token_kind != TokenKind::Word {
                break;
            }
            let lower_case = raw.starts_with(char::is_lowercase);
            let ok = if !has_head {
                // The head must touch the name.
                lower_case && sorted_contains(ROLE_HEADS, lower)
            } else if lower_case {
                sorted_contains(ROLE_MODIFIERS, lower) || sorted_contains(ROLE_HEADS, lower)
            } else {
                // Capitalised modifiers: organisations, nationalities, possessives, "U.S.".
                !sorted_contains(NOT_NAMES, raw) && !is_speech_verb(lower)
            };
            if !ok {
                break;
            }
            has_head = true;
            first = j;
            steps += 1;
        }
        // Leading capitalised words must not be a sentence start like "Said".
        let end = match &in_run {
            Some((_, role)) => {
                if first == run_start {
                    return Some(role.clone());
                }
                let (k, r) = in_run.as_ref()?;
                self.tokens[*k].span.start + r.len()
            }
            None => {
                if first == run_start {
                    return None;
                }
                self.tokens[run_start - 1].span.end
            }
        };
        let start = self.tokens[first].span.start;
        (start < end).then(|| self.text[start..end].to_string())
    }

    /// ", a retired career diplomat and former U.S. ambassador to Georgia who ...".
    pub(super) fn appositive_after(&self, end: usize) -> Option<String> {
        let rest = self.text.get(end..)?;
        let rest = rest.strip_prefix(',')?;
        // An appositive is a phrase, not a page: look a bounded distance ahead.
        let mut cap = rest.len().min(400);
        while !rest.is_char_boundary(cap) {
            cap -= 1;
        }
        let rest = &rest[..cap];
        let rest = rest.trim_start_matches(is_space);
        let first = rest.split(|c: char| is_space(c)).next()?;
        if !matches!(
            first,
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "former"
                | "retired"
                | "longtime"
                | "then"
                | "also"
        ) && !sorted_contains(ROLE_HEADS, first)
        {
            return None;
        }
        let stop = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(normalize_char(c), ',' | '.' | ';' | ':' | '"' | '(' | ')')
                    || c == '\n'
                    || (normalize_char(c) == '-' && !is_word_hyphen(rest, i, c))
            })
            .map_or(rest.len(), |(i, _)| i);
        // A period inside an initialism ("U.S.") does not end the phrase.
        let mut stop = stop;
        while rest[..stop].len() < rest.len()
            && rest[stop..].starts_with('.')
            && rest[..stop]
                .rsplit(|c: char| is_space(c))
                .next()
                .is_some_and(|w| w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase))
        {
            let more = rest[stop + 1..]
                .find(|c: char| {
                    matches!(normalize_char(c), ',' | ';' | ':' | '"' | '(' | ')')
                        || c == '\n'
                        || c == '.'
                })
                .map_or(rest.len(), |p| stop + 1 + p);
            if more <= stop + 1 {
                break;
            }
            stop = more;
        }
        let phrase = rest[..stop].trim();
        let cut = [" who ", " which ", " that ", " whose ", " where ", " when "]
            .iter()
            .filter_map(|m| phrase.find(m))
            .min()
            .unwrap_or(phrase.len());
        let phrase = phrase[..cut].trim();
        (phrase.split_whitespace().count() >= 2 && phrase.len() <= 160).then(|| phrase.to_string())
    }

    /// "his wife, Ivanka," / "a cryptocurrency company, World Liberty Financial,".
    pub(super) fn appositive_before(&self, first: usize, last: usize) -> Option<String> {
        if first < 3 || self.raw(first - 1) != "," {
            return None;
        }
        let after = self.raw(last + 1);
        if !matches!(after, "," | "." | "" | ";") {
            return None;
        }
        let mut j = first - 1;
        let mut words = 0;
        while j > 0 && words < 6 {
            j -= 1;
            let t = self.tokens[j];
            let raw = self.raw(j);
            let determiner = matches!(
                self.w(j),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my"
            );
            if t.kind != TokenKind::Word || !(determiner || raw.starts_with(char::is_lowercase)) {
                return None;
            }
            words += 1;
            if determiner {
                if words < 2 {
                    return None;
                }
                let span = ByteSpan::new(t.span.start, self.tokens[first - 2].span.end);
                return Some(span.of(self.text).to_string());
            }
        }
        None
    }
}

pub(super) fn join(parts: &[Part<'_>]) -> String {
    let mut s = String::new();
    for (i, (_, w)) in parts.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

impl<'a> Cx<'a> {
    /// A title ("Secretary", "Sen") or a capitalised nationality ("Russian").
    pub(super) fn is_title_word(&self, part: Part<'a>) -> bool {
        self.has(part, facts::TITLE)
            || (self.has(part, facts::DEMONYM) && part.1.starts_with(char::is_uppercase))
    }
}

/// A hyphen inside a word ("UK-based", "vice-chair"), which an appositive
/// runs on through; a dash between words ("a firm - the largest", "a
/// firm—the largest") ends it.
pub(super) fn is_word_hyphen(text: &str, at: usize, c: char) -> bool {
    let joins = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
        && joins(text.get(..at).and_then(|b| b.chars().next_back()))
        && joins(text.get(at + c.len_utf8()..).and_then(|a| a.chars().next()))
}

/// Whether an appositive names a kind of place: its head noun, the last word
/// before any preposition or clause ("a vast desert region of …" → region;
/// "a state senator" → senator, not a place).
pub(super) fn describes_place(descriptor: &str) -> bool {
    const PLACE_NOUNS: &[&str] = &[
        "area",
        "capital",
        "city",
        "country",
        "county",
        "district",
        "island",
        "kingdom",
        "neighborhood",
        "neighbourhood",
        "port",
        "province",
        "region",
        "republic",
        "state",
        "suburb",
        "territory",
        "town",
        "village",
    ];
    const STOPS: &[&str] = &[
        "of", "in", "on", "at", "for", "from", "with", "that", "which", "where", "who", "near",
        "and",
    ];
    let head = descriptor
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take_while(|w| !STOPS.contains(w))
        .last();
    head.is_some_and(|w| PLACE_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// A known place written in capitals, as datelines are ("CAIRO", "WASHINGTON").
pub(super) fn is_shouted_place(w: &str) -> bool {
    if w.chars().count() < 4 || !w.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let mut chars = w.chars();
    let title_case: String = chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    sorted_contains(PLACES, &title_case)
}

pub(super) fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
}

/// "Russia-Ukraine" and "Israel-Hamas" are two names: the byte spans of
/// the pieces of a one-token run, when every piece is in a gazetteer.
pub(super) fn compound_pieces<'a>(
    cx: &Cx<'_>,
    parts: &[Part<'a>],
) -> Option<Vec<(ByteSpan, &'a str, EntityKind)>> {
    let [(k, w)] = parts else {
        return None;
    };
    if !w.contains('-') {
        return None;
    }
    let start = cx.tokens[*k].span.start;
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in w.split('-') {
        let kind = if sorted_contains(PLACES, piece) {
            EntityKind::Place
        } else if sorted_contains(ORGANIZATIONS, piece) {
            EntityKind::Organization
        } else {
            return None;
        };
        out.push((
            ByteSpan::new(start + offset, start + offset + piece.len()),
            piece,
            kind,
        ));
        offset += piece.len() + 1;
    }
    (out.len() > 1).then_some(out)
}
