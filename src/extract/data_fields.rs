//! Data-card fields set as lines ("Team Size: 11 – 50 employees", "Year
//! Founded: 2001", "Acceptance Rate: 30%"). They are a table written as
//! text: the reader sees a profile or spec sheet, not a sentence anyone
//! wrote, so they get the table's block kind and no claims.

use super::render::BlockKind;

/// Longest field label ("Average Starting Base Salary").
const MAX_LABEL_WORDS: usize = 4;

/// Longest field value; longer values are statements set after a label
/// ("Why it matters: …", "Investment: Full-service packages start at …").
const MAX_VALUE_WORDS: usize = 8;

/// Marks prose blocks of data-card fields as table blocks: a block of two
/// or more field lines, or a one-line field next to another. A lone line
/// such as "Update: Officials confirmed 12 deaths" is a news label before
/// prose, not a data card.
pub fn mark_field_blocks(rendered: &mut super::render::Rendered) {
    let fields: Vec<bool> = rendered
        .blocks
        .iter()
        .map(|b| b.kind == BlockKind::Prose && is_field_block(b.span.of(&rendered.text)))
        .collect();
    for (i, block) in rendered.blocks.iter_mut().enumerate() {
        let several_lines = block.span.of(&rendered.text).trim().contains('\n');
        let beside_another =
            (i > 0 && fields[i - 1]) || fields.get(i + 1).copied().unwrap_or(false);
        if fields[i] && (several_lines || beside_another) {
            block.kind = BlockKind::Table;
        }
    }
}

/// Every line of `text` is a field: a label of one to
/// [`MAX_LABEL_WORDS`] capitalised words, a colon, then a short value
/// that does not end as a sentence.
pub fn is_field_block(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    is_field_line(first) && lines.all(is_field_line)
}

fn is_field_line(line: &str) -> bool {
    let Some((label, value)) = line.split_once(':') else {
        return false;
    };
    let label_words: Vec<&str> = label.split_whitespace().collect();
    let value = value.trim();
    let value_words = value.split_whitespace().count();
    !label_words.is_empty()
        && label_words.len() <= MAX_LABEL_WORDS
        && label_words.iter().all(|w| starts_capitalised(w))
        && (1..=MAX_VALUE_WORDS).contains(&value_words)
        && !value.ends_with(['.', '!', '?', '…'])
        // "Note: see https://…" is a link, "12:30" a time: neither has a
        // space after the colon.
        && line[label.len() + 1..].starts_with([' ', '\u{a0}'])
}

/// "Year", "GPA", "Mid-Career": the word opens with a capital letter.
fn starts_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (wcxb company directories and school profiles): field
    /// lines were highlighted as statistical claims.
    #[test]
    fn profile_fields_are_fields() {
        for text in [
            "Team Size: 11 – 50 employees",
            "Year Founded: 2001",
            "Acceptance Rate: 30%",
            "GPA Median: 3.4",
            "Average GMAT: 683",
            "Personal Plan: Starting at €14/month (billed annually)",
            "Industries Served: SaaS, Healthcare, Fintech, B2B, Consumer, AI",
            "Team Size: 11 – 50 employees\nYear Founded: 2018",
        ] {
            assert!(is_field_block(text), "{text:?}");
        }
    }

    /// Review: a lone news label ("Update: …", "Breaking: …") is prose
    /// even when its line is short; fields come in groups.
    #[test]
    fn a_lone_field_shaped_line_stays_prose_and_a_group_is_a_table() {
        use crate::snapshot::{Node, Snapshot};
        let paragraphs = |texts: &[&str]| {
            let mut nodes = vec![Node::element(None, "body")];
            for t in texts {
                let p = nodes.len() as u32;
                nodes.push(Node::element(Some(0), "p"));
                nodes.push(Node::text_node(p, t));
            }
            Snapshot {
                nodes,
                ..Snapshot::default()
            }
        };
        let kinds = |s: &Snapshot| {
            let tree = s.tree().unwrap();
            super::super::render::render(&tree, &[0], &|_| false)
                .blocks
                .iter()
                .map(|b| b.kind)
                .collect::<Vec<_>>()
        };
        let news = paragraphs(&[
            "Update: Officials confirmed 12 deaths in Kyiv",
            "Rescue teams worked through the night in the city centre.",
        ]);
        assert_eq!(kinds(&news), [BlockKind::Prose, BlockKind::Prose]);
        let card = paragraphs(&["Year Founded: 2001", "Team Size: 11 – 50 employees"]);
        assert_eq!(kinds(&card), [BlockKind::Table, BlockKind::Table]);
    }

    #[test]
    fn statements_after_a_label_are_prose() {
        for text in [
            "Why it matters: Among the most in-demand certifications with 24,780 job postings.",
            "FYI: The Wireless Indoor Camera only records when it detects movement.",
            "Investment: Full-service email packages start at $4,000 a month for most retail clients",
            "Editor's note: this story was updated",
            "The rate rose: 30%",
            "Team Size: 11 – 50 employees\nThe company was founded by two engineers in Lviv.",
            "Meeting at 12:30",
            "",
        ] {
            assert!(!is_field_block(text), "{text:?}");
        }
    }
}
