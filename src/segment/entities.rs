//! Named people, organisations and places, from capitalisation, titles and
//! roles, and small gazetteers. Later mentions by surname are linked to the
//! full name.

use super::tokens::{normalize_char, Token, TokenKind};
use crate::spans::ByteSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    pub span: ByteSpan,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// The title or role written before the name ("Secretary of State").
    pub role: Option<String>,
    /// An appositive after the name (", a retired career diplomat ...").
    pub descriptor: Option<String>,
    pub mentions: Vec<EntityMention>,
}

const ORG_WORDS: &[&str] = &[
    "Department",
    "University",
    "House",
    "Party",
    "Council",
    "Commission",
    "Ministry",
    "Agency",
    "Bank",
    "Fund",
    "Company",
    "Corporation",
    "Inc",
    "Partners",
    "Financial",
    "Association",
    "Committee",
    "Court",
    "Congress",
    "Senate",
    "Parliament",
    "Office",
    "Institute",
    "Times",
    "Post",
    "News",
    "Accords",
    "Union",
    "Nations",
    "Organization",
    "Foundation",
    "Group",
];

const PLACES: &[&str] = &[
    "Ukraine",
    "Russia",
    "Israel",
    "Gaza",
    "Moscow",
    "Kyiv",
    "Washington",
    "Miami",
    "Florida",
    "Germany",
    "Qatar",
    "Saudi Arabia",
    "Georgia",
    "Middle East",
    "Europe",
    "China",
    "Iran",
    "France",
    "Britain",
    "United States",
    "United Arab Emirates",
    "London",
    "Paris",
    "Berlin",
    "Beijing",
    "Turkey",
    "Syria",
    "Iraq",
    "Egypt",
    "India",
    "Japan",
    "Canada",
    "Mexico",
    "Texas",
    "California",
    "New York",
    "Brussels",
    "Lebanon",
    "Jordan",
    "Africa",
    "Asia",
];

const ROLE_WORDS: &[&str] = &[
    "President",
    "Secretary",
    "Senator",
    "Sen.",
    "Rep.",
    "Gov.",
    "Governor",
    "Minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "envoy",
    "negotiator",
    "counsel",
    "ambassador",
    "Ambassador",
    "adviser",
    "advisor",
    "director",
    "Director",
    "Chancellor",
    "Prime",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "General",
    "Gen.",
    "Judge",
    "Justice",
    "chief",
    "Chief",
    "mayor",
    "Mayor",
    "CEO",
    "chairman",
    "Chairman",
    "official",
    "press",
];

/// Words that are capitalised at sentence start but never start a name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "Now",
    "Then",
    "After",
    "Before",
    "When",
    "While",
    "For",
    "Some",
    "Many",
    "Several",
    "Last",
    "Next",
    "Although",
    "Similarly",
    "Nevertheless",
    "Meanwhile",
    "However",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "Talks",
    "Witkoff,",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "By",
    "With",
    "From",
    "To",
    "Of",
    "Trump’s",
];

fn is_capitalised(t: &Token, text: &str) -> bool {
    t.kind == TokenKind::Word && t.text(text).starts_with(|c: char| c.is_uppercase())
}

/// Strips a possessive "'s" for naming.
fn base_name(s: &str) -> &str {
    for suffix in ["'s", "’s"] {
        if let Some(b) = s.strip_suffix(suffix) {
            return b;
        }
    }
    s
}

pub fn find(text: &str, tokens: &[Token], _sentences: &[ByteSpan]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if !is_capitalised(&tokens[k], text) || NOT_NAMES.contains(&tokens[k].text(text)) {
            k += 1;
            continue;
        }
        // A run of capitalised words, allowing "of" inside ("Bank of America").
        let start = k;
        let mut end = k + 1;
        while end < tokens.len() {
            let t = &tokens[end];
            let adjacent = t.span.start == tokens[end - 1].span.end + 1;
            if !adjacent
                || tokens[end - 1].text(text).ends_with(['s'])
                    && tokens[end - 1].text(text).contains(['’', '\''])
            {
                break;
            }
            if is_capitalised(t, text) {
                end += 1;
            } else if t.text(text) == "of"
                && tokens.get(end + 1).is_some_and(|n| is_capitalised(n, text))
            {
                end += 2;
            } else {
                break;
            }
        }
        // Peel leading role words off a run ("Secretary of State Marco Rubio").
        let words: Vec<&str> = tokens[start..end].iter().map(|t| t.text(text)).collect();
        let mut name_from = 0;
        for (i, w) in words.iter().enumerate() {
            if ROLE_WORDS.contains(w)
                || matches!(*w, "of" | "State" | "White" | "House" | "Department")
                    && i + 2 < words.len()
            {
                name_from = i + 1;
            }
        }
        if name_from >= words.len() {
            name_from = 0;
        }
        let span = ByteSpan::new(
            tokens[start + name_from].span.start,
            tokens[end - 1].span.end,
        );
        let name = base_name(span.of(text)).to_string();
        let span = ByteSpan::new(span.start, span.start + name.len());
        let kind = classify(&name, &words[name_from..]);
        let role = role_before(text, tokens, start, name_from);
        let descriptor = appositive_after(text, span.end);
        add_mention(&mut entities, name, kind, role, descriptor, span);
        k = end;
    }
    link_surnames(text, tokens, &mut entities);
    entities.retain(|e| e.kind != EntityKind::Person || e.name.contains(' ') || e.role.is_some());
    entities
}

fn classify(name: &str, words: &[&str]) -> EntityKind {
    if PLACES.contains(&name) {
        EntityKind::Place
    } else if words.iter().any(|w| ORG_WORDS.contains(&base_name(w)))
        || name.chars().all(|c| c.is_uppercase() || c == '.')
    {
        EntityKind::Organization
    } else {
        EntityKind::Person
    }
}

/// The role written before a name: title words inside the capitalised run,
/// or lower-case role words just before it ("deputy press secretary").
fn role_before(text: &str, tokens: &[Token], start: usize, name_from: usize) -> Option<String> {
    let mut first = start;
    while first > 0 {
        let t = &tokens[first - 1];
        let w = t.text(text);
        if t.kind == TokenKind::Word
            && (ROLE_WORDS.contains(&w)
                || matches!(
                    w,
                    "deputy"
                        | "special"
                        | "former"
                        | "of"
                        | "State"
                        | "White"
                        | "House"
                        | "Department"
                ))
        {
            first -= 1;
        } else {
            break;
        }
    }
    let last = start + name_from;
    (first < last).then(|| {
        ByteSpan::new(tokens[first].span.start, tokens[last - 1].span.end)
            .of(text)
            .to_string()
    })
}

/// ", a retired career diplomat and former U.S. ambassador to Georgia who ..." → the descriptor.
fn appositive_after(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..];
    let rest = rest.strip_prefix(',')?.trim_start();
    let first = rest.split_whitespace().next()?;
    if !matches!(first, "a" | "an" | "the") {
        return None;
    }
    let stop = rest
        .find(|c: char| matches!(normalize_char(c), ',' | '.' | ';' | '"') || c == '\n')
        .unwrap_or(rest.len());
    let phrase = rest[..stop].trim();
    // Cut a relative clause: "... who now teaches".
    let phrase = phrase.split(" who ").next().unwrap_or(phrase).trim();
    (phrase.split_whitespace().count() >= 2).then(|| phrase.to_string())
}

fn add_mention(
    entities: &mut Vec<Entity>,
    name: String,
    kind: EntityKind,
    role: Option<String>,
    descriptor: Option<String>,
    span: ByteSpan,
) {
    if let Some(e) = entities.iter_mut().find(|e| e.name == name) {
        e.mentions.push(EntityMention { span });
        if e.role.is_none() {
            e.role = role;
        }
        if e.descriptor.is_none() {
            e.descriptor = descriptor;
        }
        return;
    }
    // A single word that is the surname of a known person is a mention of them.
    if !name.contains(' ') {
        if let Some(e) = entities.iter_mut().rev().find(|e| {
            e.kind == EntityKind::Person && e.name.rsplit(' ').next() == Some(name.as_str())
        }) {
            e.mentions.push(EntityMention { span });
            return;
        }
    }
    entities.push(Entity {
        name,
        kind,
        role,
        descriptor,
        mentions: vec![EntityMention { span }],
    });
}

/// Surname-only mentions recorded before their full name was seen.
fn link_surnames(text: &str, _tokens: &[Token], entities: &mut Vec<Entity>) {
    let singles: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].kind == EntityKind::Person && !entities[i].name.contains(' '))
        .collect();
    let mut merged = Vec::new();
    for i in singles {
        let surname = entities[i].name.clone();
        let owners: Vec<usize> = (0..entities.len())
            .filter(|&j| {
                j != i
                    && entities[j].kind == EntityKind::Person
                    && entities[j].name.rsplit(' ').next() == Some(surname.as_str())
            })
            .collect();
        // Only link when exactly one person has that surname; ambiguity is
        // resolved (or reported) by the attribution stage.
        if let [owner] = owners[..] {
            let mentions = std::mem::take(&mut entities[i].mentions);
            entities[owner].mentions.extend(mentions);
            entities[owner].mentions.sort_by_key(|m| m.span.start);
            merged.push(i);
        }
    }
    let _ = text;
    for i in merged.into_iter().rev() {
        entities.remove(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens::tokenize;

    fn entities(text: &str) -> Vec<Entity> {
        find(text, &tokenize(text), &[])
    }

    #[test]
    fn roles_descriptors_and_surnames() {
        let text = "Secretary of State Marco Rubio is grateful. \"Yes,\" said Ian Kelly, a retired career diplomat and former ambassador who teaches. Kelly stressed it. Rubio agreed in Moscow.";
        let found = entities(text);
        let rubio = found.iter().find(|e| e.name == "Marco Rubio").unwrap();
        assert_eq!(rubio.kind, EntityKind::Person);
        assert_eq!(rubio.role.as_deref(), Some("Secretary of State"));
        assert_eq!(rubio.mentions.len(), 2);
        let kelly = found.iter().find(|e| e.name == "Ian Kelly").unwrap();
        assert_eq!(
            kelly.descriptor.as_deref(),
            Some("a retired career diplomat and former ambassador")
        );
        assert_eq!(kelly.mentions.len(), 2);
        assert!(found
            .iter()
            .any(|e| e.name == "Moscow" && e.kind == EntityKind::Place));
    }
}
