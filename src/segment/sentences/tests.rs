use super::*;

fn sentences(text: &str) -> Vec<&str> {
    split(text, ByteSpan::new(0, text.len()))
        .iter()
        .map(|s| s.of(text))
        .collect()
}

#[test]
fn table_of_hard_cases() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Mr. Smith went to Washington. He left.",
            &["Mr. Smith went to Washington.", "He left."],
        ),
        (
            "It cost $2.5 billion. Sales fell 3.2%.",
            &["It cost $2.5 billion.", "Sales fell 3.2%."],
        ),
        (
            "\"We won,\" he said. Then he left.",
            &["\"We won,\" he said.", "Then he left."],
        ),
        ("“It works.” She nodded.", &["“It works.”", "She nodded."]),
        // A detached ellipsis before a capital ends a sentence; before
        // "I" it trails on.
        (
            "no more differences of opinion ... In fact you just want peace.",
            &["no more differences of opinion ...", "In fact you just want peace."],
        ),
        (
            "in the region . . . This operation would fail.",
            &["in the region . . .", "This operation would fail."],
        ),
        (
            "In a few words ... I'm pleasantly surprised.",
            &["In a few words ... I'm pleasantly surprised."],
        ),
        (
            "The U.S. Senate voted. Sen. Warren objected.",
            &["The U.S. Senate voted.", "Sen. Warren objected."],
        ),
        ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
        (
            "A heading\nThe body starts here",
            &["A heading", "The body starts here"],
        ),
        ("Wait... what? Yes!", &["Wait... what?", "Yes!"]),
        ("No final period", &["No final period"]),
        // Quote followed by its attribution.
        (
            "“Are you serious?” Trump asked. Nobody answered.",
            &["“Are you serious?” Trump asked.", "Nobody answered."],
        ),
        (
            "“We won!” Mr. Trump told reporters on Monday. Then he left.",
            &["“We won!” Mr. Trump told reporters on Monday.", "Then he left."],
        ),
        (
            "“It is over.” Trump said the talks had failed.",
            &["“It is over.”", "Trump said the talks had failed."],
        ),
        // A speech verb that opens the next quotation is not the
        // previous quotation's attribution.
        (
            "Reid said it would “heal the party.” He added, “We need Bernie.”",
            &["Reid said it would “heal the party.”", "He added, “We need Bernie.”"],
        ),
        (
            "“It works.” Mayer said. “It always has.”",
            &["“It works.” Mayer said.", "“It always has.”"],
        ),
        // A quote spanning sentences is split inside, and keeps its closer.
        (
            "“We always bring Jared. We need that brain,” Trump said. He smiled.",
            &[
                "“We always bring Jared.",
                "We need that brain,” Trump said.",
                "He smiled.",
            ],
        ),
        (
            "He met Gov. Newsom on Jan. 6 in Sacramento, Calif. They talked.",
            &["He met Gov. Newsom on Jan. 6 in Sacramento, Calif.", "They talked."],
        ),
        (
            "The deal (first reported Tuesday. See below.) was signed. It held.",
            &["The deal (first reported Tuesday. See below.) was signed.", "It held."],
        ),
        (
            "It was signed at No. 10 Downing St. The talks ended.",
            &["It was signed at No. 10 Downing St.", "The talks ended."],
        ),
        (
            "Inflation hit 9.1% in June. Prices rose...",
            &["Inflation hit 9.1% in June.", "Prices rose..."],
        ),
        ("• First point\n• Second point", &["• First point", "• Second point"]),
        // Web text: an exclamation before a lower-case word ends a
        // sentence, a brand's "!" does not; an inline numbered list splits.
        (
            "Its fab! so go dancing. Google is as popular as Yahoo! and AOL.",
            &["Its fab!", "so go dancing.", "Google is as popular as Yahoo! and AOL."],
        ),
        (
            "They are protected by minority rights. 4 Even so, in 2019. 12 people died.",
            &["They are protected by minority rights. 4", "Even so, in 2019.", "12 people died."],
        ),
        (
            "Statistics New Zealand. 23 October 2018.",
            &["Statistics New Zealand.", "23 October 2018."],
        ),
        (
            "I stay four nights 1) what island is good 2) I want a beach",
            &["I stay four nights", "1) what island is good", "2) I want a beach"],
        ),
        (
            "Sean Boyle 08/17/2000 11:21 AM I spoke to Bruce. Thanks, Sean",
            &["Sean Boyle", "08/17/2000 11:21 AM", "I spoke to Bruce.", "Thanks,", "Sean"],
        ),
        (
            "1. Cut taxes. 2. Build roads. 3. Win.",
            &["1. Cut taxes.", "2. Build roads.", "3. Win."],
        ),
        ("A. Noel Kramer was nominated.", &["A. Noel Kramer was nominated."]),
        (
            "Hard-wrapped text runs on over a line break in a long paragraph of prose\nPresident Trump said so in this paragraph.",
            &["Hard-wrapped text runs on over a line break in a long paragraph of prose\nPresident Trump said so in this paragraph."],
        ),
        (
            "WASHINGTON (AP) — Sen. Elizabeth Warren (D-Mass.) said Tuesday that the U.S. economy grew. He was born in St. Louis, Mo., in 1950.",
            &[
                "WASHINGTON (AP) — Sen. Elizabeth Warren (D-Mass.) said Tuesday that the U.S. economy grew.",
                "He was born in St. Louis, Mo., in 1950.",
            ],
        ),
        (
            "“We will fight …” he said. The vote was 52-48. Democrats objected.",
            &["“We will fight …” he said.", "The vote was 52-48.", "Democrats objected."],
        ),
        (
            "The company, based in Washington, D.C., said revenue rose. Shares fell 3% at 4 p.m. Eastern time.",
            &[
                "The company, based in Washington, D.C., said revenue rose.",
                "Shares fell 3% at 4 p.m. Eastern time.",
            ],
        ),
        (
            "Why? he asked. what now? nobody knew.",
            &["Why? he asked.", "what now?", "nobody knew."],
        ),
        (
            "It was in Dulwich. [17] Then he moved.",
            &["It was in Dulwich. [17]", "Then he moved."],
        ),
        ("", &[]),
        ("   \n  ", &[]),
        ("...", &["..."]),
        // Web text: a blank line always ends a sentence, even between
        // long lines that would otherwise read as hard-wrapped prose.
        (
            "From the AP comes this story about the courts in the Washington area\n\nPresident Bush on Tuesday nominated two individuals to the bench.",
            &[
                "From the AP comes this story about the courts in the Washington area",
                "President Bush on Tuesday nominated two individuals to the bench.",
            ],
        ),
        // An address ends a sentence before a capital or another address.
        (
            "Email: franz@example.com Site made! More soon.",
            &["Email: franz@example.com", "Site made!", "More soon."],
        ),
        (
            "See http://example.org/a http://example.org/b",
            &["See http://example.org/a", "http://example.org/b"],
        ),
        ("Write to jo@example.com about it.", &["Write to jo@example.com about it."]),
        // An editorial ellipsis or emoticon stays with the sentence it follows.
        (
            "Back surgeries for all! [...] What can we do?",
            &["Back surgeries for all! [...]", "What can we do?"],
        ),
        (
            "Please join our family! :-) We meet on Fridays.",
            &["Please join our family! :-)", "We meet on Fridays."],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(sentences(text), *expected, "{text}");
    }
}

#[test]
fn sentence_info_marks_quotes_lists_and_headings() {
    let text = "Previous Research\n“We won. We always win,” he said. It ended.";
    let mut spans = Vec::new();
    let mut info = Vec::new();
    split_into(text, ByteSpan::new(0, text.len()), 3, &mut spans, &mut info);
    let kinds: Vec<_> = info.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        vec![
            SentenceKind::Heading,
            SentenceKind::Body,
            SentenceKind::Body,
            SentenceKind::Body
        ]
    );
    let quoted: Vec<_> = info
        .iter()
        .map(|i| (i.starts_in_quote, i.ends_in_quote))
        .collect();
    assert_eq!(
        quoted,
        vec![(false, false), (false, true), (true, false), (false, false)]
    );
    assert!(info.iter().all(|i| i.paragraph == 3));
    let text = "a) apples b) pears";
    spans.clear();
    info.clear();
    split_into(text, ByteSpan::new(0, text.len()), 0, &mut spans, &mut info);
    assert_eq!(spans.len(), 2);
    assert!(info.iter().all(|i| i.kind == SentenceKind::ListItem));
}

#[test]
fn offsets_stay_on_char_boundaries_for_hostile_text() {
    let texts = [
        "“”‘’…….!?!?",
        "é. É. ü! ß? 😀. 😀",
        "(((((. ))))). [[[. ]]",
        "1.) 2.) 3.)",
        "• • • ⁃ ⁃",
        "\"\"\"\". \"",
        ". . . . . . . .",
        "Mr. Mrs. Dr. U.S. e.g. i.e. N°. p. ",
        // Regression: the footnote check sliced inside a no-break space.
        "It ended.\u{a0}However, it went on. 4\u{a0}É. 12 É",
        "Best regards,\u{a0}É 08/16/2000\u{a0}12:05 PM é ***** é (é) É",
        "Hi, É. -- É :-) É >> É 1) é 2) é",
    ];
    for text in texts {
        for s in split(text, ByteSpan::new(0, text.len())) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(s.start < s.end && s.end <= text.len(), "{text}");
        }
    }
}
