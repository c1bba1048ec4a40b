//! Article extraction end to end: HTML → snapshot (html5ever) → extract.
//! Each test is named after the page type or bug it guards.

use claimlens::extract::{extract, Extraction, NoArticle, Rendered};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::snapshot::Snapshot;

fn snapshot(html: &str) -> Snapshot {
    snapshot_from_html(html.as_bytes(), "https://example.test/a").expect("parses")
}

fn extract_html(html: &str) -> (Snapshot, Extraction) {
    let s = snapshot(html);
    let e = extract(&s).expect("valid snapshot");
    (s, e)
}

fn article_text(e: &Extraction) -> &str {
    e.article.as_ref().map_or("", |a| a.text.as_str())
}

/// A paragraph of news-like prose, distinct per `n`.
fn prose(n: usize) -> String {
    format!(
        "Paragraph {n} reports that the council, after a long debate on Tuesday, approved \
         a budget of {n} million for roads, schools and parks, according to officials who \
         attended the meeting and spoke to reporters afterwards about the decision."
    )
}

fn paragraphs(range: std::ops::Range<usize>) -> String {
    range.map(|n| format!("<p>{}</p>\n", prose(n))).collect()
}

/// Every run's text is its text node's data at the recorded offset
/// (whitespace may differ in kind, never in length).
fn assert_runs_map_back(s: &Snapshot, r: &Rendered) {
    for run in &r.runs {
        let data = s.nodes[run.node as usize]
            .text
            .as_deref()
            .expect("runs point at text nodes");
        let from_text = &r.text[run.start..run.end];
        let from_node = &data[run.node_offset..run.node_offset + (run.end - run.start)];
        let norm = |t: &str| t.replace(|c: char| c.is_ascii_whitespace(), " ");
        assert_eq!(norm(from_text), norm(from_node), "run {run:?}");
    }
    // Every non-separator byte of the text is covered by a run.
    let covered: usize = r.runs.iter().map(|run| run.end - run.start).sum();
    let separators = r.text.matches('\n').count();
    assert_eq!(covered + separators, r.text.len());
}

fn shared_file(relative: &str) -> String {
    let path = claimlens::dev_data::shared_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): this test needs ../shared (or CLAIMLENS_SHARED)",
            path.display()
        )
    })
}

#[test]
fn data_seed_article_gives_the_story_paragraphs_metadata_and_comments() {
    let html = shared_file("fixtures/seed-article.html");
    let (s, e) = extract_html(&html);
    let article = e.article.as_ref().expect("the seed page has an article");
    assert_runs_map_back(&s, article);

    // Exactly the 21 story-body paragraphs, in order.
    let body_start = html.find(r##"<div class="story-body">"##).unwrap();
    let body_end = body_start + html[body_start..].find("</div>").unwrap();
    let expected: Vec<String> = html[body_start..body_end]
        .split("<p>")
        .skip(1)
        .map(|p| p.split("</p>").next().unwrap().to_string())
        .collect();
    assert_eq!(expected.len(), 21);
    let blocks: Vec<&str> = article
        .blocks
        .iter()
        .map(|b| b.span.of(&article.text))
        .collect();
    assert_eq!(blocks.len(), 21, "{blocks:#?}");
    for (got, want) in blocks.iter().zip(&expected) {
        assert_eq!(*got, want.replace("&#x27;", "'"));
    }
    // Headline (in metadata, as Readability treats it), byline, widgets, navigation out.
    for furniture in [
        "Kushner steps back into the foreign policy fold as Trump",
        "Staff Reporter",
        "Listen to the article",
        "Fact Checker",
        "Check this article",
        "Most read",
        "Markets close higher",
        "Subscribe",
        "Sample page layout",
        "Marta R.",
        "12 Comments",
    ] {
        assert!(!article.text.contains(furniture), "{furniture:?} leaked");
    }

    let m = &e.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Kushner steps back into the foreign policy fold as Trump's envoys push peace talks")
    );
    assert_eq!(m.byline.as_deref(), Some("Staff Reporter"));
    assert_eq!(m.authors, vec!["Staff Reporter"]);
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2025-12-22")
    );
    assert_eq!(m.site.as_deref(), Some("The Daily Ledger"));
    assert_eq!(m.lang.as_deref(), Some("en"));

    // Twelve comments, each with its author, none inside the article.
    assert_eq!(e.comments.len(), 12);
    assert_eq!(e.comment_sections.len(), 1);
    let heading = e.comment_sections[0].heading.expect("a heading");
    let heading_text = s.nodes[heading as usize + 1].text.as_deref();
    assert_eq!(heading_text, Some("12 Comments"));
    let authors: Vec<&str> = e
        .comments
        .iter()
        .filter_map(|c| c.author.as_deref())
        .collect();
    assert_eq!(authors.len(), 12);
    assert_eq!(authors[0], "Marta R.");
    assert_eq!(authors[11], "Beth S.");
    for c in &e.comments {
        assert!(!c.body.text.contains(c.author.as_deref().unwrap()));
        assert!(!article.text.contains(&c.body.text));
        assert_runs_map_back(&s, &c.body);
    }
    assert!(e.comments[0]
        .body
        .text
        .starts_with("Kushner’s return to diplomacy"));
}

#[test]
fn article_split_across_sibling_containers_is_joined_without_the_ad_between() {
    let html = format!(
        r##"<html><body><header><nav><a href="/">Home</a> <a href="/w">World</a></nav></header>
        <main><h1>Council budget</h1>
        <div class="article-part">{}</div>
        <div class="ad-slot -ad- banner">Advertisement <a href="/buy">Buy now</a></div>
        <div class="article-part">{}</div></main>
        <footer>© Ledger</footer></body></html>"##,
        paragraphs(0..4),
        paragraphs(4..8)
    );
    let (s, e) = extract_html(&html);
    let text = article_text(&e);
    for n in 0..8 {
        assert!(text.contains(&prose(n)), "paragraph {n} missing");
    }
    for furniture in ["Advertisement", "Buy now", "Home", "© Ledger"] {
        assert!(!text.contains(furniture), "{furniture:?} leaked");
    }
    assert_runs_map_back(&s, e.article.as_ref().unwrap());
}

#[test]
fn lists_blockquotes_data_tables_and_figure_captions_stay_in_the_article() {
    let html = format!(
        r##"<html><body><article class="post-content">
        {}
        <ul><li>The first finding, with details, is that roads were repaired.</li>
            <li>The second finding, with details, is that schools got funds.</li></ul>
        <blockquote><p>"We delivered what we promised," the mayor said in a statement.</p></blockquote>
        <table><thead><tr><th>Item</th><th>Cost</th></tr></thead>
          <tbody><tr><td>Roads</td><td>4 million</td></tr><tr><td>Schools</td><td>3 million</td></tr></tbody></table>
        <figure><img src="a.jpg"><figcaption>The new bridge, opened in May.</figcaption></figure>
        {}
        </article></body></html>"##,
        paragraphs(0..3),
        paragraphs(3..6)
    );
    let (_, e) = extract_html(&html);
    let text = article_text(&e);
    for kept in [
        "The first finding, with details, is that roads were repaired.",
        "We delivered what we promised",
        "Schools",
        "4 million",
        "The new bridge, opened in May.",
    ] {
        assert!(text.contains(kept), "{kept:?} lost:\n{text}");
    }
}

#[test]
fn hidden_and_aria_hidden_content_is_left_out() {
    let html = format!(
        r##"<html><body><div class="story">{}
        <p hidden>Hidden by attribute, never shown.</p>
        <p aria-hidden="true">Hidden from assistive technology and here.</p>
        <p style="display: none">Hidden by inline style display.</p>
        <div style="visibility:hidden"><p>Hidden by visibility, a long sentence.</p></div>
        {}</div></body></html>"##,
        paragraphs(0..3),
        paragraphs(3..5)
    );
    let (_, e) = extract_html(&html);
    let text = article_text(&e);
    assert!(text.contains(&prose(4)));
    assert!(!text.contains("Hidden"), "{text}");
}

#[test]
fn page_furniture_inside_and_around_the_article_is_left_out() {
    let html = format!(
        r##"<html><body>
        <div class="cookie-banner" role="dialog">We use cookies. <button>Accept all</button></div>
        <div class="story-body">
          <div class="share-tools"><a href="https://x.test/share">Share on X</a> <a href="#">Email</a></div>
          <button class="listen">Listen to the article</button>
          {}
          <div class="newsletter-signup"><p>Sign up for our morning newsletter and get the day's news.</p>
            <form><input type="email"><button>Sign up</button></form></div>
          {}
          <nav class="pager"><a href="/p/2">Next page</a></nav>
        </div>
        <aside><h3>Fact Checker</h3><button>Check this article</button></aside>
        <section class="most-read"><h4>Most read</h4><ul><li><a href="/1">Markets close higher as rate fears ease</a></li></ul></section>
        </body></html>"##,
        paragraphs(0..3),
        paragraphs(3..6)
    );
    let (_, e) = extract_html(&html);
    let text = article_text(&e);
    assert!(text.contains(&prose(0)) && text.contains(&prose(5)));
    for furniture in [
        "cookies",
        "Accept all",
        "Share on X",
        "Listen to the article",
        "morning newsletter",
        "Next page",
        "Fact Checker",
        "Most read",
        "Markets close",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} leaked:\n{text}");
    }
}

#[test]
fn a_section_index_without_an_article_gets_no_article() {
    let links: String = (0..40)
        .map(|i| {
            format!(r##"<li><a href="/story/{i}">Headline number {i} about the city</a></li>"##)
        })
        .collect();
    let html = format!(
        r##"<html><body><nav><a href="/">Home</a></nav><h1>City</h1><ul class="river">{links}</ul></body></html>"##
    );
    let (_, e) = extract_html(&html);
    assert_eq!(e.article, None);
    assert!(e.no_article.is_some());
}

#[test]
fn a_navigation_only_page_gets_no_article_with_no_text() {
    let html = r##"<html><body><nav aria-label="Sections"><ul><li><a href="#">City</a></li>
        <li><a href="#">Politics</a></li></ul></nav></body></html>"##;
    let (_, e) = extract_html(html);
    assert_eq!(e.article, None);
    assert_eq!(e.no_article, Some(NoArticle::NoText));
}

#[test]
fn a_short_page_of_one_line_gets_no_article() {
    let (_, e) = extract_html("<html><body><p>Page not found.</p></body></html>");
    assert_eq!(e.article, None);
    assert_eq!(e.no_article, Some(NoArticle::TooLittleProse));
}

#[test]
fn a_short_news_brief_in_long_paragraphs_is_an_article() {
    let html = format!(
        "<html><body><div class=\"story\">{}</div></body></html>",
        paragraphs(0..2)
    );
    let (_, e) = extract_html(&html);
    assert!(e.article.is_some(), "{:?}", e.no_article);
}

#[test]
fn wordpress_style_comments_with_replies_are_returned_apart() {
    let comment = |id: usize, who: &str, text: &str, replies: &str| {
        format!(
            r##"<li id="comment-{id}" class="comment even depth-1">
              <article class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{who}</b> <span class="says">says:</span></div>
                  <div class="comment-metadata"><a href="#c{id}"><time datetime="2024-03-0{id}T10:00:00+00:00">March {id}, 2024</time></a></div></footer>
                <div class="comment-content"><p>{text}</p></div>
                <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
              </article>{replies}</li>"##
        )
    };
    let reply = format!(
        r##"<ol class="children">{}</ol>"##,
        comment(
            3,
            "Ann",
            "I disagree, the budget was far too small for the roads.",
            ""
        )
    );
    let html = format!(
        r##"<html><body><article class="post"><h1>Budget</h1><div class="entry-content">{}</div></article>
        <div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on “Budget”</h2>
          <ol class="comment-list">{}{}</ol>
          <div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea><input type="submit" value="Post Comment"></form></div>
        </div></body></html>"##,
        paragraphs(0..5),
        comment(
            1,
            "Bob",
            "Great reporting on the council budget, thank you.",
            &reply
        ),
        comment(
            2,
            "Cy",
            "Will the parks money arrive before the summer?",
            ""
        ),
    );
    let (s, e) = extract_html(&html);
    let text = article_text(&e);
    assert!(text.contains(&prose(4)));
    assert!(
        !text.contains("Great reporting"),
        "comments leaked into the article"
    );
    let got: Vec<(&str, &str, &str)> = e
        .comments
        .iter()
        .map(|c| {
            (
                c.author.as_deref().unwrap_or(""),
                c.time.as_deref().unwrap_or(""),
                c.body.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Bob",
                "2024-03-01T10:00:00+00:00",
                "Great reporting on the council budget, thank you."
            ),
            (
                "Ann",
                "2024-03-03T10:00:00+00:00",
                "I disagree, the budget was far too small for the roads."
            ),
            (
                "Cy",
                "2024-03-02T10:00:00+00:00",
                "Will the parks money arrive before the summer?"
            ),
        ]
    );
    for c in &e.comments {
        assert_runs_map_back(&s, &c.body);
    }
}

#[test]
fn commented_or_commentary_classes_are_not_comment_sections() {
    // Regression: `class="post commented"` once made the whole article a comment section.
    let html = format!(
        r##"<html><body><article class="post commented commentary"><h1>T</h1>{}</article></body></html>"##,
        paragraphs(0..5)
    );
    let (_, e) = extract_html(&html);
    assert!(e.comments.is_empty());
    assert!(article_text(&e).contains(&prose(0)));
}

#[test]
fn a_heading_repeating_the_title_is_left_out_of_the_text() {
    let html = format!(
        r##"<html><head><title>Council approves the new city budget | Ledger</title></head><body>
        <div class="story"><h1>Council approves the new city budget</h1>{}</div></body></html>"##,
        paragraphs(0..4)
    );
    let (_, e) = extract_html(&html);
    assert_eq!(
        e.metadata.title.as_deref(),
        Some("Council approves the new city budget")
    );
    assert!(!article_text(&e).contains("Council approves"));
}

#[test]
fn byline_markup_is_read_and_removed_when_metadata_has_none() {
    let html = format!(
        r##"<html><body><div class="story"><p class="byline">By Jane Roe and John Doe</p>
        <time datetime="2024-05-06T08:00:00Z">May 6</time>{}</div></body></html>"##,
        paragraphs(0..4)
    );
    let (_, e) = extract_html(&html);
    assert_eq!(e.metadata.byline.as_deref(), Some("Jane Roe and John Doe"));
    assert_eq!(e.metadata.authors, vec!["Jane Roe", "John Doe"]);
    assert_eq!(
        e.metadata.published.map(|d| d.to_string()).as_deref(),
        Some("2024-05-06")
    );
    assert!(!article_text(&e).contains("Jane Roe"));
}

#[test]
fn br_separated_text_becomes_paragraphs() {
    let lines: Vec<String> = (0..5).map(prose).collect();
    let html = format!(
        "<html><body><div class=\"content\">{}</div></body></html>",
        lines.join("<br><br>\n")
    );
    let (s, e) = extract_html(&html);
    let article = e.article.as_ref().unwrap();
    let blocks: Vec<&str> = article
        .blocks
        .iter()
        .map(|b| b.span.of(&article.text))
        .collect();
    assert_eq!(blocks, lines);
    assert_runs_map_back(&s, article);
}

#[test]
fn hostile_100k_deep_nesting_extracts_without_overflow() {
    let depth = 100_000;
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str(&paragraphs(0..5));
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    let (s, e) = extract_html(&html);
    let article = e.article.as_ref().expect("the paragraphs are found");
    for n in 0..5 {
        assert!(article.text.contains(&prose(n)));
    }
    assert_runs_map_back(&s, article);
}

#[test]
fn a_deep_snapshot_from_json_is_capped_by_the_extractor() {
    // A snapshot that skipped the depth cap (hand-made JSON): still linear, no overflow.
    use claimlens::snapshot::Node;
    let mut nodes = vec![Node::element(None, "body")];
    for i in 0..50_000u32 {
        nodes.push(Node::element(Some(i), "div"));
    }
    let last = nodes.len() as u32 - 1;
    nodes.push(Node::element(Some(last), "p"));
    nodes.push(Node::text_node(last + 1, &prose(1).repeat(4)));
    let s = Snapshot {
        nodes,
        ..Snapshot::default()
    };
    let e = extract(&s).unwrap();
    assert!(article_text(&e).starts_with("Paragraph 1 reports"));
}

#[test]
fn a_20_mb_page_finishes() {
    // 20 MB of article paragraphs wrapped in sidebar-like furniture.
    let mut html = String::from("<html><body><nav><a href='/'>Home</a></nav><div class='story'>");
    let mut n = 0;
    while html.len() < 20_000_000 {
        html.push_str(&format!(
            "<p>{}</p><div class='related'><a href='/{n}'>More</a></div>",
            prose(n)
        ));
        n += 1;
    }
    html.push_str("</div></body></html>");
    let (_, e) = extract_html(&html);
    let text = article_text(&e);
    assert!(text.contains(&prose(0)) && text.contains(&prose(n - 1)));
    assert!(!text.contains("More"));
}

#[test]
fn malformed_markup_still_gives_the_article() {
    let html = format!(
        "<div class=story><p>{}<p>{}<b><i>{}</b></i><p>{}<table><td>{}</div>",
        prose(0),
        prose(1),
        prose(2),
        prose(3),
        prose(4)
    );
    let (_, e) = extract_html(&html);
    let text = article_text(&e);
    for n in 0..4 {
        assert!(text.contains(&prose(n)), "{n}: {text}");
    }
}

// Regression (wapo-2): no date in the page's metadata or markup, but one in its
// address; "Tuesday's parliamentary elections" stayed unresolved.
#[test]
fn a_page_without_a_stated_date_is_dated_by_its_news_address() {
    let page = |head: &str, body: &str| {
        format!("<html><head><title>Story</title>{head}</head><body><article>{}{body}</article></body></html>", paragraphs(0..6))
    };
    let canonical = r#"<link rel="canonical" href="https://news.example.test/world/story/2015/03/18/ab12_story.html">"#;
    let (_, e) = extract_html(&page(canonical, ""));
    assert_eq!(
        e.metadata.published.map(|d| d.to_string()).as_deref(),
        Some("2015-03-18")
    );

    // A date the page states wins over its address.
    let stated = format!(
        r#"{canonical}<meta property="article:published_time" content="2015-03-19T08:00:00Z">"#
    );
    let (_, e) = extract_html(&page(&stated, ""));
    assert_eq!(
        e.metadata.published.map(|d| d.to_string()).as_deref(),
        Some("2015-03-19")
    );

    // An address with a year and month only dates nothing.
    let (_, e) = extract_html(&page(
        r#"<link rel="canonical" href="https://news.example.test/2015/03/story">"#,
        "",
    ));
    assert_eq!(e.metadata.published, None);
}
