//! Unit tests of the entity recogniser and linker.

use super::*;
use crate::segment::sentences;
use crate::segment::tokens::tokenize;

fn run(text: &str) -> Found {
    let tokens = tokenize(text);
    let norm = Normalized::new(text, &tokens);
    let mut spans = Vec::new();
    let mut info = Vec::new();
    sentences::split_into(text, ByteSpan::new(0, text.len()), 0, &mut spans, &mut info);
    let times = super::super::times::find(text, &tokens, &norm, &spans, None);
    find(text, &tokens, &norm, &spans, &info, &times)
}

fn entity<'f>(found: &'f Found, name: &str) -> &'f Entity {
    found
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}: {:#?}", found.entities))
}

#[test]
fn table_of_names_roles_and_kinds() {
    let cases: &[(&str, &str, EntityKind, Option<&str>)] = &[
        (
            "He thanked Secretary of State Marco Rubio on Monday.",
            "Marco Rubio",
            EntityKind::Person,
            Some("Secretary of State"),
        ),
        (
            "said White House deputy press secretary Anna Kelly.",
            "Anna Kelly",
            EntityKind::Person,
            Some("White House deputy press secretary"),
        ),
        (
            "State Department spokesman Tommy Pigott called him.",
            "Tommy Pigott",
            EntityKind::Person,
            Some("State Department spokesman"),
        ),
        (
            "They hosted Russian negotiator Kirill Dmitriev in Miami.",
            "Kirill Dmitriev",
            EntityKind::Person,
            Some("Russian negotiator"),
        ),
        (
            "CAIRO — Gunmen opened fire at the museum on Wednesday.",
            "CAIRO",
            EntityKind::Place,
            None,
        ),
        (
            "Theresa May said on Monday that talks would resume in May.",
            "Theresa May",
            EntityKind::Person,
            None,
        ),
        (
            "June Carter sang on Saturday.",
            "June Carter",
            EntityKind::Person,
            None,
        ),
        (
            "Talks were held in Khartoum, the capital, last week.",
            "Khartoum",
            EntityKind::Place,
            None,
        ),
        (
            "Fighting spread to Darfur, a vast desert region of western Sudan.",
            "Darfur",
            EntityKind::Place,
            None,
        ),
        (
            "Mara Quell, a state senator, voted against it.",
            "Mara Quell",
            EntityKind::Person,
            None,
        ),
        (
            "NATO said the drills would go ahead.",
            "NATO",
            EntityKind::Organization,
            None,
        ),
        (
            "He met Russian President Vladimir Putin in Moscow.",
            "Vladimir Putin",
            EntityKind::Person,
            Some("Russian President"),
        ),
        (
            "Now Trump’s son-in-law Jared Kushner has returned.",
            "Jared Kushner",
            EntityKind::Person,
            Some("Trump’s son-in-law"),
        ),
        (
            "It was led by special envoy Steve Witkoff, a mogul.",
            "Steve Witkoff",
            EntityKind::Person,
            Some("special envoy"),
        ),
        (
            "White House counsel David Warrington stated it.",
            "David Warrington",
            EntityKind::Person,
            Some("White House counsel"),
        ),
        (
            "As the dawn rose on President Donald Trump’s second term.",
            "Donald Trump",
            EntityKind::Person,
            Some("President"),
        ),
        (
            "He teaches at Northwestern University now.",
            "Northwestern University",
            EntityKind::Organization,
            None,
        ),
        (
            "through his firm, Affinity Partners, including",
            "Affinity Partners",
            EntityKind::Organization,
            None,
        ),
        (
            "an interview with CBS on Sunday",
            "CBS",
            EntityKind::Organization,
            None,
        ),
        (
            "a fund from the United Arab Emirates-controlled fund",
            "United Arab Emirates",
            EntityKind::Place,
            None,
        ),
        (
            "interests in the Middle East and",
            "Middle East",
            EntityKind::Place,
            None,
        ),
        (
            "to end the Israel-Hamas war",
            "Hamas",
            EntityKind::Organization,
            None,
        ),
        (
            "to end the Israel-Hamas war",
            "Israel",
            EntityKind::Place,
            None,
        ),
        (
            "The White House said so.",
            "White House",
            EntityKind::Organization,
            None,
        ),
        (
            "He met former Sen. John Smith Jr. there.",
            "John Smith Jr",
            EntityKind::Person,
            Some("former Sen."),
        ),
    ];
    for (text, name, kind, role) in cases {
        let found = run(text);
        let e = entity(&found, name);
        assert_eq!(e.kind, *kind, "{text}");
        assert_eq!(e.role.as_deref(), *role, "{text}");
    }
}

#[test]
fn not_entities() {
    for text in [
        "Talks had initially been led almost solo.",
        "Similarly, officials said so.",
        "Some Democrats have expressed skepticism.",
        "They met Turkish and Qatari officials.",
        "the negotiations of the Abraham Accords",
        "In an October interview he spoke.",
        "It was seen as the lone success of the Arab Spring.",
        "On Friday, the administration will announce a new strategy.",
        "After the attack in June, he admitted the failure.",
    ] {
        let found = run(text);
        assert!(found.entities.is_empty(), "{text}: {:#?}", found.entities);
    }
}

#[test]
fn descriptors_from_appositives_after_and_before() {
    let text = "“Yes,” said Ian Kelly, a retired career diplomat and former U.S. ambassador to Georgia who now teaches. His wife, Ivanka, might change the locks. Witkoff launched a cryptocurrency company, World Liberty Financial, which grew.";
    let found = run(text);
    assert_eq!(
        entity(&found, "Ian Kelly").descriptor.as_deref(),
        Some("a retired career diplomat and former U.S. ambassador to Georgia")
    );
    assert_eq!(
        entity(&found, "Ivanka").descriptor.as_deref(),
        Some("His wife")
    );
    assert_eq!(
        entity(&found, "World Liberty Financial")
            .descriptor
            .as_deref(),
        Some("a cryptocurrency company")
    );
}

/// The bug (wcxb-articles 0347): "Deloitte, a UK-based multinational
/// professional services firm" gave the descriptor "a UK", cut at the
/// hyphen. A hyphen inside a word does not end an appositive; a dash does.
#[test]
fn an_appositive_is_not_cut_at_a_hyphen_inside_a_word() {
    let text = "Analysts say Ada Lovelace, a UK-based professional services partner, holds 3% of the market. They say Grace Hopper, a US admiral - the first of her kind, led it.";
    let found = run(text);
    assert_eq!(
        entity(&found, "Ada Lovelace").descriptor.as_deref(),
        Some("a UK-based professional services partner")
    );
    assert_eq!(
        entity(&found, "Grace Hopper").descriptor.as_deref(),
        Some("a US admiral")
    );
}

#[test]
fn shared_surnames_are_reported_ambiguous_not_merged() {
    let text = "“Yes,” said Ian Kelly, a retired career diplomat. Kelly stressed it.\n\n\
                Trump praised him, said deputy press secretary Anna Kelly. “He is generous,” Kelly added.\n\n\
                Kelly and other veteran diplomats remain skeptical. “It will fail,” Kelly said.";
    let tokens = tokenize(text);
    let norm = Normalized::new(text, &tokens);
    let paragraphs = crate::pipeline::rendered_from_plain_text(text).blocks;
    let mut spans = Vec::new();
    let mut info = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        sentences::split_into(text, p.span, i, &mut spans, &mut info);
    }
    let found = find(text, &tokens, &norm, &spans, &info, &[]);
    let ian = found
        .entities
        .iter()
        .position(|e| e.name == "Ian Kelly")
        .expect("Ian");
    let anna = found
        .entities
        .iter()
        .position(|e| e.name == "Anna Kelly")
        .expect("Anna");
    let kellys: Vec<&Mention> = found
        .mentions
        .iter()
        .filter(|m| m.span.of(text) == "Kelly")
        .collect();
    assert_eq!(kellys.len(), 4);
    // Before Anna Kelly appears, "Kelly" can only be Ian.
    assert_eq!(
        (kellys[0].candidates.clone(), kellys[0].ambiguous),
        (vec![ian], false)
    );
    // After, every "Kelly" is ambiguous, with a guess first.
    assert!(kellys[1..]
        .iter()
        .all(|m| m.ambiguous && m.candidates.len() == 2));
    assert_eq!(
        kellys[1].candidates[0], anna,
        "same paragraph as Anna Kelly"
    );
    assert_eq!(kellys[2].candidates[0], ian, "diplomats ~ diplomat");
    assert_eq!(
        kellys[3].candidates[0], ian,
        "same paragraph as the previous guess"
    );
    // Ambiguous mentions are not silently added to either entity.
    assert_eq!(found.entities[ian].mentions.len(), 2);
    assert_eq!(found.entities[anna].mentions.len(), 1);
}

#[test]
fn surnames_given_names_and_pronouns_link() {
    let text = "Trump’s son-in-law Jared Kushner met Steve Witkoff. Kushner spoke about his approach. “We always bring Jared,” Trump said. She left.";
    let found = run(text);
    let kushner = found
        .entities
        .iter()
        .position(|e| e.name == "Jared Kushner")
        .expect("Kushner");
    let links: Vec<(&str, Vec<usize>, MentionForm)> = found
        .mentions
        .iter()
        .filter(|m| m.candidates.contains(&kushner) || m.form == MentionForm::Pronoun)
        .map(|m| (m.span.of(text), m.candidates.clone(), m.form))
        .collect();
    assert_eq!(
        links,
        vec![
            ("Jared Kushner", vec![kushner], MentionForm::Name),
            ("Kushner", vec![kushner], MentionForm::Surname),
            ("his", vec![kushner], MentionForm::Pronoun),
            ("Jared", vec![kushner], MentionForm::GivenName),
            ("She", vec![], MentionForm::Pronoun),
        ]
    );
    assert_eq!(found.entities[kushner].mentions.len(), 3);
}

#[test]
fn hostile_input_never_panics() {
    for text in [
        "",
        "A",
        "A.",
        "Mr.",
        "Mr. .",
        "Secretary of",
        "Of The",
        "X-Y-Z",
        "“",
        "” He",
        "Kelly, a",
        ", a b c",
        "he she him her",
    ] {
        let _ = run(text);
    }
}
