//! Regression tests of the text layer on the seed article
//! (`../shared/fixtures/seed-article.html`, published Monday 2025-12-22).
//! Every test here needs the shared fixtures, hence the `data_` prefix.

use claimlens::calendar::Date;
use claimlens::segment::entities::EntityKind;
use claimlens::segment::{self, TextLayer};
use claimlens::spans::ByteSpan;

use claimlens::dev_data::shared_dir;

fn seed() -> (String, TextLayer) {
    let path = shared_dir().join("fixtures/seed-article.html");
    let html = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "this test needs the shared fixtures (set CLAIMLENS_SHARED): {}: {e}",
            path.display()
        )
    });
    let snapshot = claimlens::snapshot::html::snapshot_from_html(&html, "").expect("seed parses");
    let extraction = claimlens::extract::extract(&snapshot).expect("seed extracts");
    let article = extraction.article.expect("seed has an article");
    let paragraphs: Vec<ByteSpan> = article.blocks.iter().map(|b| b.span).collect();
    let layer = segment::analyse(&article.text, &paragraphs, Date::new(2025, 12, 22));
    if std::env::var_os("CLAIMLENS_DUMP").is_some() {
        dump(&article.text, &layer);
    }
    (article.text, layer)
}

fn dump(text: &str, layer: &TextLayer) {
    for (s, i) in layer.sentences.iter().zip(&layer.sentence_info) {
        eprintln!("S {:?} {}", i.kind, s.of(text));
    }
    for t in &layer.times {
        eprintln!(
            "T {:?} {:?} {:?} {:?}",
            t.span.of(text),
            t.resolved,
            t.kind,
            t.unresolved
        );
    }
    for q in &layer.quantities {
        eprintln!(
            "Q {:?} {:?} {:?} {:?} {:?}",
            q.span.of(text),
            q.value,
            q.upper,
            q.unit,
            q.kind
        );
    }
    for (i, e) in layer.entities.iter().enumerate() {
        eprintln!(
            "E{i} {} {:?} role={:?} desc={:?} mentions={:?}",
            e.name,
            e.kind,
            e.role,
            e.descriptor,
            e.mentions
                .iter()
                .map(|m| m.span.of(text))
                .collect::<Vec<_>>()
        );
    }
    for m in &layer.mentions {
        eprintln!(
            "M {:?} {:?} {:?} ambiguous={}",
            m.span.of(text),
            m.form,
            m.candidates,
            m.ambiguous
        );
    }
}

#[test]
fn data_seed_article_dump() {
    let _ = seed();
}

/// (text, from, to) of every resolved time, and the unresolved ones with `None`.
fn times(text: &str, layer: &TextLayer) -> Vec<(String, Option<(String, String)>)> {
    layer
        .times
        .iter()
        .map(|t| {
            (
                t.span.of(text).to_string(),
                t.resolved.map(|(a, b)| (a.to_string(), b.to_string())),
            )
        })
        .collect()
}

#[test]
fn data_seed_times_resolve_against_monday_2025_12_22() {
    let (text, layer) = seed();
    let found = times(&text, &layer);
    let expect = |t: &str, from: &str, to: &str| {
        assert!(
            found.contains(&(t.to_string(), Some((from.to_string(), to.to_string())))),
            "{t} should resolve to {from}..{to}; found {found:#?}"
        );
    };
    expect("this weekend", "2025-12-20", "2025-12-21");
    expect("Saturday", "2025-12-20", "2025-12-20");
    expect("Sunday", "2025-12-21", "2025-12-21");
    expect("Last year", "2024-01-01", "2024-12-31");
    expect("October", "2025-10-01", "2025-10-31");
    expect("February 2022", "2022-02-01", "2022-02-28");
    expect("this year", "2025-01-01", "2025-12-31");
    expect("the first half of the year", "2025-01-01", "2025-06-30");
    expect("summer", "2025-06-01", "2025-08-31");
    expect("nearly a year into Trump 2.0", "2025-12-22", "2025-12-22");
    // Vague: reported, never invented.
    assert!(
        found.contains(&("within weeks".to_string(), None)),
        "{found:#?}"
    );
    // Both "in October" and "an October interview".
    assert_eq!(found.iter().filter(|(t, _)| t == "October").count(), 2);
}

#[test]
fn data_seed_figures_have_values_and_units() {
    let (text, layer) = seed();
    type Figure<'a> = (&'a str, Option<f64>, Option<f64>, Option<&'a str>);
    let found: Vec<Figure<'_>> = layer
        .quantities
        .iter()
        .map(|q| (q.span.of(&text), q.value, q.upper, q.unit.as_deref()))
        .collect();
    for expected in [
        ("$2 billion", Some(2e9), None, Some("USD")),
        ("20-point", Some(20.0), None, Some("points")),
        ("20 or 30 years", Some(20.0), Some(30.0), Some("years")),
        ("several weeks", None, None, Some("weeks")),
        ("billions of dollars", None, None, Some("USD")),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:#?}");
    }
    // "60 Minutes" is a programme, "Trump 2.0" a name, "2022" a year.
    for not in ["60", "60 Minutes", "2.0", "2022"] {
        assert!(
            found.iter().all(|(t, ..)| *t != not),
            "{not} is not a figure"
        );
    }
}

#[test]
fn data_seed_people_roles_descriptors_and_linked_surnames() {
    let (text, layer) = seed();
    let person = |name: &str| {
        layer
            .entities
            .iter()
            .position(|e| e.name == name && e.kind == EntityKind::Person)
            .unwrap_or_else(|| panic!("no person {name}"))
    };
    let role = |name: &str| layer.entities[person(name)].role.clone();
    assert_eq!(role("Marco Rubio").as_deref(), Some("Secretary of State"));
    assert_eq!(
        role("Anna Kelly").as_deref(),
        Some("White House deputy press secretary")
    );
    assert_eq!(
        role("Tommy Pigott").as_deref(),
        Some("State Department spokesman")
    );
    assert_eq!(
        role("David Warrington").as_deref(),
        Some("White House counsel")
    );
    assert_eq!(
        role("Kirill Dmitriev").as_deref(),
        Some("Russian negotiator")
    );
    assert_eq!(role("Steve Witkoff").as_deref(), Some("special envoy"));
    assert_eq!(role("Jared Kushner").as_deref(), Some("Trump’s son-in-law"));
    assert_eq!(
        layer.entities[person("Ian Kelly")].descriptor.as_deref(),
        Some("a retired career diplomat and former U.S. ambassador to Georgia")
    );
    // Surname mentions are linked to the full name.
    let mentions = |name: &str, form: &str| {
        layer.entities[person(name)]
            .mentions
            .iter()
            .filter(|m| m.span.of(&text) == form)
            .count()
    };
    assert!(mentions("Jared Kushner", "Kushner") >= 20);
    assert!(mentions("Steve Witkoff", "Witkoff") >= 10);
    assert_eq!(mentions("Kirill Dmitriev", "Dmitriev"), 2);
    assert_eq!(mentions("David Warrington", "Warrington"), 2);
    assert_eq!(mentions("Jared Kushner", "Jared"), 1);
}

#[test]
fn data_seed_two_kellys_are_never_silently_merged() {
    let (text, layer) = seed();
    let ian = layer
        .entities
        .iter()
        .position(|e| e.name == "Ian Kelly")
        .expect("Ian Kelly");
    let anna = layer
        .entities
        .iter()
        .position(|e| e.name == "Anna Kelly")
        .expect("Anna Kelly");
    let kellys: Vec<_> = layer
        .mentions
        .iter()
        .filter(|m| m.span.of(&text) == "Kelly")
        .collect();
    assert_eq!(kellys.len(), 4, "{kellys:#?}");
    // "Kelly stressed" comes before Anna Kelly is introduced: only Ian fits.
    assert_eq!(kellys[0].entity(), Some(ian));
    // "Kelly added" right after Anna Kelly's quote: ambiguous, Anna first.
    assert!(kellys[1].ambiguous);
    assert_eq!(kellys[1].candidates, vec![anna, ian]);
    // "Kelly and other veteran diplomats ...": ambiguous, Ian (the diplomat) first.
    assert!(kellys[2].ambiguous && kellys[3].ambiguous);
    assert_eq!(kellys[2].candidates, vec![ian, anna]);
    assert_eq!(kellys[3].candidates, vec![ian, anna]);
    assert_eq!(layer.entities[ian].mentions.len(), 2);
    assert_eq!(layer.entities[anna].mentions.len(), 1);
}

#[test]
fn data_seed_sentences_keep_quotes_with_their_attribution() {
    let (text, layer) = seed();
    let sentences: Vec<&str> = layer.sentences.iter().map(|s| s.of(&text)).collect();
    for s in [
        "“Kushner has a bit more of a track record from the first administration,” said Ian Kelly, a retired career diplomat and former U.S. ambassador to Georgia who now teaches diplomacy at Northwestern University.",
        "“I don’t see that the Witkoff approach is going to work,” Kelly said.",
        "“Mr. Kushner has agreed to do so in his capacity as a private citizen,” Warrington added.",
        "The American envoys held further talks with Dmitriev on Sunday.",
    ] {
        assert!(sentences.contains(&s), "missing sentence: {s}");
    }
    assert_eq!(layer.sentences.len(), layer.sentence_info.len());
    assert_eq!(sentences.len(), 39);
}

#[test]
fn data_seed_analysis_json_fills_the_text_layer() {
    let path = shared_dir().join("fixtures/seed-article.html");
    let html = std::fs::read(&path).expect("needs the shared fixtures (set CLAIMLENS_SHARED)");
    let snapshot = claimlens::snapshot::html::snapshot_from_html(&html, "").expect("parses");
    let options = claimlens::Options {
        published: Date::new(2025, 12, 22),
        ..claimlens::Options::default()
    };
    let analysis = claimlens::analyze(&snapshot, &options).expect("analyses");
    assert_eq!(analysis.article.language.as_deref(), Some("en"));
    assert_eq!(analysis.sentences.len(), 39);
    let kelly = analysis
        .entities
        .iter()
        .find(|e| e.name == "Anna Kelly")
        .expect("Anna Kelly in the JSON");
    assert_eq!(
        kelly.role.as_deref(),
        Some("White House deputy press secretary")
    );
    let times: Vec<_> = analysis.claims.iter().flat_map(|c| &c.times).collect();
    assert!(times
        .iter()
        .any(|t| t.text == "this weekend" && t.resolved.is_some()));
}

#[test]
fn other_languages_get_extraction_and_a_notice() {
    let french = "Le président a déclaré mardi que le gouvernement ne reviendrait pas sur sa décision, malgré les manifestations qui se sont multipliées dans plusieurs villes du pays. Les syndicats ont appelé à une nouvelle journée de grève la semaine prochaine.";
    let analysis = claimlens::analyze_text(french, &claimlens::Options::default());
    assert_eq!(
        analysis.status,
        claimlens::analysis::Status::UnsupportedLanguage
    );
    assert_eq!(analysis.article.language.as_deref(), Some("fr"));
    assert!(analysis
        .notices
        .iter()
        .any(|n| n.contains("not yet supported")));
    assert!(analysis.claims.is_empty());
    assert_eq!(analysis.article.text, french);
    let english = "The council said on Monday that it spent $2 billion on roads last year, more than twice what it had planned.";
    let analysis = claimlens::analyze_text(english, &claimlens::Options::default());
    assert_eq!(analysis.status, claimlens::analysis::Status::Ok);
}
