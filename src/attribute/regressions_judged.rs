//! Regression tests for the wrong speakers found on the judged real pages
//! (`tests/fixtures/attribution`), each named after the bug.

use super::*;
use crate::attribute::tests::attribution_of as run;

/// The speaker of the direct quote whose words start with `prefix`.
fn speaker_of(a: &Attribution, text: &str, prefix: &str) -> Option<String> {
    a.quotes
        .iter()
        .filter(|q| q.span.of(text).starts_with(prefix))
        .min_by_key(|q| !q.direct)
        .unwrap_or_else(|| panic!("no quote {prefix:?}: {:#?}", a.quotes))
        .speaker
        .clone()
}

#[test]
fn he_added_after_the_president_said_is_the_president_named_earlier() {
    let text = "President Barack Obama has admitted that gun laws frustrate him.\n\n\
        Talks went on for an hour.\n\n\
        The president said he would keep fighting.\n\n\
        “For us not to be able to resolve that issue is distressing,” he added.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "For us not").as_deref(),
        Some("Barack Obama")
    );
    assert_eq!(
        speaker_of(&a, text, "he would keep").as_deref(),
        Some("Barack Obama")
    );
}

#[test]
fn the_president_is_not_a_vice_president_named_earlier() {
    let text = "Patrick McHugh, vice president of engineering for Con Edison, spoke first.\n\n\
        The president said the company would invest more.";
    let a = run(text);
    assert_ne!(
        speaker_of(&a, text, "the company would").as_deref(),
        Some("Patrick McHugh")
    );
}

#[test]
fn she_added_after_a_quote_paragraph_is_the_last_speaker_without_a_surname() {
    let text = "“The drug was in her system,” her mother, Fiona, said in a statement.\n\n\
        “As Eloise deteriorated, the staff did all they could.\n\n\
        “She was literally burning up from within.”\n\n\
        She added: “They never stood a chance of saving her.”";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "They never stood").as_deref(),
        Some("Fiona")
    );
}

#[test]
fn he_added_is_the_speaker_not_the_company_in_his_own_appositive() {
    let text = "“People think it’s all protected,” said Patrick McHugh, vice president of engineering for Con Edison, which maintains cables.\n\n\
        “You have water and gas down there,” he added.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "You have water").as_deref(),
        Some("Patrick McHugh")
    );
}

#[test]
fn he_said_three_paragraphs_after_the_speaker_still_finds_him() {
    let text =
        "Next year the chain will add 150 bakeries, said Darren Tipton, the chief executive.\n\n\
        Next up is Mexico, where Tipton said the chain is looking at partners.\n\n\
        And the division will lead growth through the Americas.\n\n\
        “We’re already seeing interest there,” he said.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "We’re already").as_deref(),
        Some("Darren Tipton")
    );
}

#[test]
fn quote_with_its_own_postposed_cue_inside_the_officials_report_is_the_named_speaker() {
    let text = "To alleviate the threat, the officials said, the utility switched its covers to vented ones, “so they cannot form a combustible amount,” Mr. McHugh said.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "so they cannot").as_deref(),
        Some("McHugh")
    );
}

#[test]
fn quote_after_tweeted_this_announcement_colon_spanning_two_sentences_is_the_tweeter() {
    let text = "In the midst of the fear, Uber stepped in and tweeted this announcement: “We are all concerned with events in CBD. Fares have increased to encourage more drivers.”";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "We are all concerned").as_deref(),
        Some("Uber")
    );
}

#[test]
fn in_dr_shadlens_words_and_as_calvo_puts_it_frame_a_quote() {
    let text = "In Dr. Shadlen's words, \"Could the moment be tied to the person's awareness?\"\n\n\
        As Paco Calvo, director of the Minimal Intelligence Laboratory, puts it, “Plants have to plan ahead.”\n\n\
        The market governs, as if there were (in economist Tyler Cowen’s phrase) “markets in everything” now.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "Could the moment").as_deref(),
        Some("Shadlen")
    );
    assert_eq!(
        speaker_of(&a, text, "Plants have").as_deref(),
        Some("Paco Calvo")
    );
    assert_eq!(
        speaker_of(&a, text, "markets in").as_deref(),
        Some("Tyler Cowen")
    );
}

#[test]
fn colon_after_a_named_subject_introduces_their_quote_but_not_after_a_thing() {
    let text = "The philosopher Luis de Miranda weaves a history of neon.\n\n\
        De Miranda beautifully evokes the notion in his introduction: “When we hear the word neon, an image pops into our heads.”\n\n\
        The sign read: “Closed for the season.”";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "When we hear").as_deref(),
        Some("Luis de Miranda")
    );
    assert_eq!(speaker_of(&a, text, "Closed for"), None);
}

#[test]
fn a_june_report_by_the_lab_is_not_a_person_named_june() {
    let text = "Their results were “sobering,” according to a June report by the University of Chicago Education Lab.";
    let a = run(text);
    assert_ne!(speaker_of(&a, text, "sobering").as_deref(), Some("June"));
}

#[test]
fn inquired_had_written_and_points_out_are_cues() {
    let text = "“That’s a big allegation,” inquired Pineda.\n\n\
        In the paper, Lorenz had written, “Special thanks are due to Miss Ellen Fetter.”\n\n\
        Pamela Lyon coined the term. “We’ve been ripped from every central position,” she points out.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "That’s a big").as_deref(),
        Some("Pineda")
    );
    assert_eq!(
        speaker_of(&a, text, "Special thanks").as_deref(),
        Some("Lorenz")
    );
    assert_eq!(
        speaker_of(&a, text, "We’ve been ripped").as_deref(),
        Some("Pamela Lyon")
    );
}

#[test]
fn name_inside_the_words_he_reports_is_not_he() {
    let text = "Next year the chain will add 150 bakeries, said Darren Tipton, the chief executive.\n\n\
        Fundamentally, Tipton credits the brand’s positioning. While others moved on, Paris Baguette remains “a true bakery,” he said, with 80% of sales from bread.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "a true bakery").as_deref(),
        Some("Darren Tipton")
    );
}

#[test]
fn name_that_speaks_inside_a_parenthetical_he_said_is_still_he() {
    let text = "\"I thought a lot before writing this post,\" developer Ammar Askar wrote in a blog post published Thursday, 21 months, he said, after reporting the bug.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "I thought a lot").as_deref(),
        Some("Ammar Askar")
    );
}

#[test]
fn quotation_paragraph_after_a_photo_caption_carries_on_the_speaker() {
    let text = "“Paris Baguette remains a true bakery,” Darren Tipton said.\n\n\
        Guests pick their pastries from glass cabinets. | Photo by Lisa Jennings\n\n\
        “For me, raised in Queens, we had those neighborhood bakeries.”";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "For me, raised").as_deref(),
        Some("Darren Tipton")
    );
}

#[test]
fn the_tweet_from_vulture_reads_and_read_the_statement_are_cues() {
    let text =
        "The tweet from Vulture magazine reads, “Chicago show interrupted by angry supporter.”\n\n\
        “We will fight on,” read the statement from the campaign.\n\n\
        He reads the paper every morning.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "Chicago show").as_deref(),
        Some("Vulture magazine")
    );
    assert!(speaker_of(&a, text, "We will fight").is_some());
    assert!(a
        .relations
        .iter()
        .all(|r| r.cue.of(text) != "reads" || r.sentence == 0));
}

#[test]
fn speech_report_in_a_relative_clause_inside_a_view_keeps_its_own_speaker() {
    let text = "The firm is wary when they see a target in a lawsuit with ZeniMax Media, which accuses Oculus and Facebook of \"misappropriating\" trade secrets.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "misappropriating").as_deref(),
        Some("ZeniMax Media")
    );
}

#[test]
fn a_review_of_27_trials_is_a_named_document_not_a_figure() {
    let text = "A systemic review of 27 trials concluded that “intermittent fasting shows promise for obesity.”";
    let a = run(text);
    let name = speaker_of(&a, text, "intermittent fasting").unwrap_or_default();
    assert!(name.contains("review"), "{name:?}");
    assert!(!is_garbled(&name));
}

#[test]
fn quote_sentence_after_a_named_subjects_summed_up_sentence_is_theirs() {
    let text = "Charles Schultze, chairman of the Council of Economic Advisers in the Carter administration, once summed up the danger of deficits with a metaphor. “It’s not so much a question of the wolf at the door, but termites in the woodwork.”\n\n\
        The council met again. “Closed for the season.”";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "It’s not so much").as_deref(),
        Some("Charles Schultze"),
        "{:#?}",
        a.relations
    );
    assert_eq!(speaker_of(&a, text, "Closed for"), None);
}

#[test]
fn said_obama_failed_is_not_an_inverted_source() {
    let text = "Sen. Marco Rubio, R-Fla., appearing on Fox News right after the speech, said Obama failed to address public concerns.";
    let a = run(text);
    assert!(
        a.relations
            .iter()
            .all(|r| r.source.is_none_or(|s| s.of(text) != "Obama")),
        "{:#?}",
        a.relations
    );
}

#[test]
fn referring_to_shares_the_speaker_and_is_not_what_was_said() {
    let text =
        "“There’s a real demographic revolution,” Ramos said, referring to the Hispanic community.";
    let a = run(text);
    assert_eq!(
        speaker_of(&a, text, "There’s a real").as_deref(),
        Some("Ramos")
    );
    assert!(a
        .quotes
        .iter()
        .all(|q| !q.span.of(text).starts_with("the Hispanic")));
}

#[test]
fn and_called_it_and_calling_them_are_cues_for_the_quoted_name() {
    let text = "Trump had voiced support for a single-payer system and called it “a disaster” later.\n\n\
        Donald Trump said he would release his returns, calling them “very boring tax returns” now.\n\n\
        She starred in a show called “The Apprentice” for years.";
    let a = run(text);
    assert!(speaker_of(&a, text, "a disaster").is_some_and(|n| n.ends_with("Trump")));
    assert_eq!(
        speaker_of(&a, text, "very boring").as_deref(),
        Some("Donald Trump")
    );
    assert!(a
        .quotes
        .iter()
        .all(|q| q.span.of(text) != "The Apprentice" || q.speaker.is_none()));
}
