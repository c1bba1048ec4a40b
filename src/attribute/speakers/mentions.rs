//! The people of an article and where each is mentioned: full names, and
//! surnames alone, which stay open when two people share them.

use super::names::base;
use super::{Gender, Mention, Person};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::attribute::context::{is_capitalised, Context};
use crate::attribute::lexicon;
use crate::attribute::lexicon::Fnv;
use crate::segment::TokenKind;

pub(super) fn add_person(
    persons: &mut Vec<Person>,
    name: &str,
    role: Option<String>,
    descriptor: Option<String>,
) {
    let name = name
        .trim()
        .trim_end_matches(['’', '\'', ','])
        .trim_end_matches("’s")
        .trim_end_matches("'s");
    if name.is_empty() {
        return;
    }
    // "De Miranda" opening a sentence is "Luis de Miranda": the particle
    // is only capitalised there.
    let same = |known: &str, short: &str| {
        let cut = known.len().saturating_sub(short.len());
        cut > 0
            && known
                .get(cut..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(short))
            && known.get(..cut).is_some_and(|head| head.ends_with(' '))
            && short
                .split(' ')
                .next()
                .is_some_and(|particle| known.contains(&format!(" {} ", particle.to_lowercase())))
    };
    if let Some(p) = persons.iter_mut().find(|p| same(name, &p.name)) {
        p.name = name.to_string();
        p.first = name.split(' ').next().unwrap_or(name).to_string();
    }
    if let Some(p) = persons
        .iter_mut()
        .find(|p| p.name == name || same(&p.name, name))
    {
        if p.role.is_none() {
            p.role = role;
        }
        if p.descriptor.is_none() {
            p.descriptor = descriptor;
        }
        return;
    }
    let parts: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III"))
        .collect();
    let surname = parts.last().copied().unwrap_or(name).to_string();
    let first = parts.first().copied().unwrap_or(name).to_string();
    let mut gender = Gender::Unknown;
    for phrase in [&role, &descriptor].into_iter().flatten() {
        for w in phrase.split_whitespace() {
            if lexicon::has(lexicon::bits::MALE_WORDS, w) {
                gender = Gender::Male;
            } else if lexicon::has(lexicon::bits::FEMALE_WORDS, w) {
                gender = Gender::Female;
            }
        }
    }
    persons.push(Person {
        name: name.to_string(),
        surname,
        first,
        role,
        descriptor,
        gender,
    });
}

/// Every mention of a known person: full names (explicit), and surnames
/// alone (explicit only when one person has that surname).
pub(super) fn find_mentions(cx: &Context, persons: &[Person]) -> Vec<Mention> {
    let mut out = Vec::new();
    let toks = cx.tokens;
    let mut by_surname: HashMap<&str, Vec<usize>, BuildHasherDefault<Fnv>> = HashMap::default();
    // A one-word Bloom filter of (length, first, last byte) lets most
    // capitalised words skip the map.
    let signature = |w: &str| -> u64 {
        let b = w.as_bytes();
        let h = b.len() as u64 * 31 + u64::from(b[0]) * 7 + u64::from(b[b.len() - 1]);
        1 << (h % 64)
    };
    let mut filter = 0u64;
    for (p, person) in persons.iter().enumerate() {
        by_surname
            .entry(person.surname.as_str())
            .or_default()
            .push(p);
        if !person.surname.is_empty() {
            filter |= signature(&person.surname);
        }
    }
    let name_words: Vec<usize> = persons
        .iter()
        .map(|p| p.name.split_whitespace().count())
        .collect();
    let bytes = cx.text.as_bytes();
    for (k, t) in toks.iter().enumerate() {
        // Names start with a capital: most tokens stop at their first byte.
        let first = bytes.get(t.span.start).copied().unwrap_or(0);
        if t.kind != TokenKind::Word
            || (first < 0x80 && !first.is_ascii_uppercase())
            || !is_capitalised(cx.text, t)
        {
            continue;
        }
        let w = base(cx.word(t));
        if w.is_empty() || filter & signature(w) == 0 {
            continue;
        }
        let Some(owners) = by_surname.get(w) else {
            continue;
        };
        // A full name ends here: "Ian Kelly".
        let is_full = |p: usize| {
            let words = name_words[p];
            words >= 2 && k + 1 >= words && {
                let start = toks[k + 1 - words].span.start;
                cx.text.get(start..t.span.end).map(base) == Some(persons[p].name.as_str())
            } || (k > 0
                && base(cx.word(&toks[k - 1])) == persons[p].first
                && persons[p].first != persons[p].surname)
        };
        let mut full = owners.iter().copied().filter(|&p| is_full(p));
        let full = match (full.next(), full.next()) {
            (Some(p), None) => vec![p],
            _ => Vec::new(),
        };
        let at = t.span.start;
        if let [p] = full[..] {
            let words = name_words[p];
            let start = k
                .checked_sub(words - 1)
                .and_then(|j| toks.get(j))
                .map_or(at, |f| f.span.start);
            let start =
                if cx.text.get(start..t.span.end).map(base) == Some(persons[p].name.as_str()) {
                    start
                } else {
                    toks.get(k.wrapping_sub(1)).map_or(at, |f| f.span.start)
                };
            out.push(Mention {
                at,
                start,
                people: vec![p],
                explicit: true,
            });
        } else {
            let explicit = owners.len() == 1;
            out.push(Mention {
                at,
                start: at,
                people: owners.clone(),
                explicit,
            });
        }
    }
    out
}
