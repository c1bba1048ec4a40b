use super::*;

#[test]
fn labels_widgets_and_timestamps_are_furniture() {
    for t in [
        "media playback is unsupported on your device",
        "image caption",
        "toggle caption",
        "published: 10:48, tue, nov 19, 2019 | updated: 10:50, tue, nov 19, 2019",
        "21:17 18.11.2019 get short url",
        "21:17 18.11.2019",
        "share tweet email",
        "posted by",
        "jan 13, 2025",
        "published 6 hours ago",
        "loading paragraph...",
        "advertisement",
        "sign up to our free newsletter for the day's top stories.",
        "copyright © 2023 npr. all rights reserved.",
        "already have an account? log in",
        "photo",
    ] {
        assert!(is_furniture_text(t, true), "{t:?}");
    }
}

#[test]
fn prose_and_inline_words_are_not_furniture() {
    for t in [
        "share prices fell on tuesday.",
        "the vote is on november 19, 2019, in london.",
        "yes",
        "225.86",
        "apple",
        "the newsletter, which has 40,000 readers, was sold to a rival on monday.",
    ] {
        assert!(!is_furniture_text(t, true), "{t:?}");
    }
    // Inside a sentence's inline element, widget words are words.
    assert!(!is_furniture_text("share", false));
    assert!(is_furniture_text("image caption", false));
}

#[test]
fn price_tags_of_product_boxes() {
    assert!(is_price_tag("from $610.00"));
    assert!(is_price_tag("$99.99 at Amazon"));
    assert!(!is_price_tag("It costs $500."));
    assert!(!is_price_tag("The console costs $500 in the US"));
}

#[test]
fn price_lists() {
    assert!(is_price_list("VIP : 60,000₩\nR : 50,000₩"));
    assert!(is_price_list("Adults: $25"));
    assert!(!is_price_list(
        "Tickets cost $25: the organisers said prices would rise."
    ));
    assert!(!is_price_list("Time: 10:30"));
}

#[test]
fn credits() {
    for t in [
        "getty images",
        "fatcamera/getty images",
        "credit: serious eats",
        "(ap photo/evan vucci)",
        "photo by jane doe",
        "reuters/kevin lamarque",
        "© 2019 bbc",
        // wcxb 4589 and 0098: image credits between the paragraphs.
        "image by studio brown via one fab day",
        "image from mary's april 2024 review.",
    ] {
        assert!(is_credit(t), "{t:?}");
    }
    for t in [
        "the ap reported on tuesday that the deal was off",
        "(see below)",
        "reuters",
    ] {
        assert_eq!(is_credit(t), t == "reuters", "{t:?}");
    }
}

/// The bug: the cnn page's "Related: Chicago is America's most
/// segregated city" teaser became a highlighted claim.
#[test]
fn regression_cnn_related_teasers_are_furniture() {
    for t in [
        "related: chicago is america's most segregated city",
        "[read: tunisia sends most foreign fighters to islamic state in syria]",
        "read more: 3 real ways to make money from your podcast",
        "see also: a brief history of photography",
        "watch | the minister's speech",
    ] {
        assert!(is_teaser_line(t, 1.0), "{t:?}");
    }
    // Not mostly a link, or no label and separator: prose.
    assert!(!is_teaser_line(
        "related: chicago is america's most segregated city",
        0.1
    ));
    assert!(!is_teaser_line(
        "related costs rose by 3 percent in 2019, the report said.",
        1.0
    ));
    assert!(!is_teaser_line("more than 500 people died: officials", 1.0));
}

#[test]
fn datelines_counters_notices_and_headings_of_link_boxes() {
    for t in [
        "cnnmoney (new york) first published february 1, 2016: 1:28 am et",
        "posted on november 5th, 2012 - by bossip staff",
        "1 / 5",
        "3 of 12",
        "more about the federal debt and the economy",
    ] {
        assert!(is_furniture_text(t, true), "{t:?}");
    }
    for t in [
        "the report was published on february 1, 2016.",
        "5/5",
        "more than 500 people died on monday.",
    ] {
        assert!(!is_furniture_text(t, true), "{t:?}");
    }
    assert!(is_notice(
        "a version of this article appears in print on page a22"
    ));
    assert!(is_notice("about the author: craig hull is a photographer"));
    assert!(!is_notice("about the author"));
}

#[test]
fn captions_contributors_rankings_and_bios_by_their_words() {
    assert!(opens_caption(
        "In this photo dated Tuesday, Nov. 29, 2016 the rocket is installed."
    ));
    assert!(opens_caption("Clockwise from top: small whale bones"));
    assert!(!opens_caption("Above all, the council wants lower taxes."));
    assert!(is_contributor_line(
        "Aerospace Writer Marcia Dunn in Cape Canaveral contributed to this report."
    ));
    assert!(!is_contributor_line(
        "She contributed to this report's findings, officials said."
    ));
    assert!(is_line_list(
        "The rankings were as follows:\n1. Finland\n2. Norway\n3. Australia"
    ));
    assert!(!is_line_list(
        "Roses are red.\nViolets are blue.\nSugar is sweet."
    ));
    let authors = ["Corey Kilgannon".to_string()];
    assert!(is_author_bio(
        "Corey Kilgannon is a Metro reporter covering news.",
        &authors
    ));
    assert!(!is_author_bio("Corey said the fire was out.", &authors));
    assert!(is_credit(
        "oleg urusov/ roscosmos space agency press service photo via ap"
    ));
}

/// Element texts are collapsed and lower-cased in one buffer, in place when
/// ASCII: the same text as splitting, joining and `to_lowercase` (a final
/// Greek sigma included).
#[test]
fn collapsed_lowercase_is_split_join_lowercase() {
    for s in ["", " \t ", " Image  Caption\n", "ΟΔΟΣ  Ünïcode\u{a0}X", "x"] {
        let expected = s
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        assert_eq!(lowercase(collapsed(s)), expected, "{s:?}");
    }
}
