//! `--format text`: the analysis as a readable report for a terminal.

use std::io::{self, Write};

use crate::analysis::{Analysis, Quote, Sourcing, SourcingKind};

pub fn write_report(a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let art = &a.article;
    writeln!(out, "{}", art.title.as_deref().unwrap_or("(untitled)"))?;
    let mut facts = Vec::new();
    if let Some(b) = &art.byline {
        facts.push(format!("by {b}"));
    }
    if let Some(s) = &art.site {
        facts.push(s.clone());
    }
    if let Some(p) = &art.published {
        facts.push(format!("published {p}"));
    }
    if !facts.is_empty() {
        writeln!(out, "{}", facts.join(" · "))?;
    }
    for notice in &a.notices {
        writeln!(out, "! {notice}")?;
    }
    let worthy: Vec<_> = a.claims.iter().filter(|c| c.checkworthy).collect();
    let by = |k: SourcingKind| worthy.iter().filter(|c| c.sourcing.kind == k).count();
    writeln!(
        out,
        "\n{} paragraphs, {} sentences, {} check-worthy claims ({} anonymous, {} vague, {} unattributed), {} quotes, {} comments\n",
        art.paragraphs.len(),
        a.sentences.len(),
        worthy.len(),
        by(SourcingKind::Anonymous),
        by(SourcingKind::Vague),
        by(SourcingKind::Unattributed),
        a.quotes.len(),
        a.comments.count,
    )?;
    for c in worthy {
        writeln!(
            out,
            "[{}] {:.2} {}  ({})",
            c.id,
            c.score,
            c.kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            sourcing_label(&c.sourcing)
        )?;
        writeln!(out, "    {}", c.text)?;
        writeln!(out, "    {}", c.note.summary)?;
        if !c.signals.is_empty() {
            writeln!(out, "    why: {}", c.signals.join("; "))?;
        }
        for t in &c.times {
            match &t.resolved {
                Some(r) if r.from == r.to => writeln!(out, "    time: “{}” → {}", t.text, r.from)?,
                Some(r) => writeln!(out, "    time: “{}” → {} to {}", t.text, r.from, r.to)?,
                None => writeln!(out, "    time: “{}” → unresolved", t.text)?,
            }
        }
        // The figure as read (a range with both bounds, an ordinal as such),
        // as the extension's note shows it.
        for q in &c.quantities {
            if let Some(display) = q.display.as_deref().filter(|d| *d != q.text) {
                writeln!(out, "    figure: “{}” → {display}", q.text)?;
            }
        }
        for fc in &c.note.fact_checks {
            writeln!(out, "    fact-check: {}", fc.text)?;
            if let Some(url) = &fc.url {
                writeln!(out, "      {url}")?;
            }
            if !fc.why.is_empty() {
                writeln!(out, "      matched because it {}", fc.why.join("; "))?;
            }
        }
        // Fact-checks of a related claim: their own line, never a verdict.
        for fc in &c.note.related {
            writeln!(out, "    related fact-check (not this claim): {}", fc.text)?;
            if let Some(url) = &fc.url {
                writeln!(out, "      {url}")?;
            }
        }
        for check in &c.note.checks {
            writeln!(out, "    - {check}")?;
        }
        writeln!(out)?;
    }
    if let Some(finding) = &a.comments.finding {
        writeln!(out, "Comments: {finding}\n")?;
    }
    // Direct quotations and reported speech are listed apart: only the first
    // are the speaker's own words.
    for (heading, direct) in [("Quotes:", true), ("Reported speech:", false)] {
        let mut listed = a.quotes.iter().filter(|q| q.direct == direct).peekable();
        if listed.peek().is_none() {
            continue;
        }
        writeln!(out, "{heading}")?;
        for q in listed {
            if direct {
                writeln!(out, "  “{}” — {}", q.text, speaker_label(q))?;
            } else {
                writeln!(out, "  {} — {}", q.text, speaker_label(q))?;
            }
        }
    }
    Ok(())
}

fn speaker_label(quote: &Quote) -> String {
    match (&quote.speaker, quote.speaker_candidates.is_empty()) {
        (Some(name), _) => match &quote.speaker_role {
            Some(role) => format!("{name} ({role})"),
            None => name.clone(),
        },
        (None, false) => format!("ambiguous: {}", quote.speaker_candidates.join(" or ")),
        (None, true) => "speaker not identified".to_string(),
    }
}

fn sourcing_label(sourcing: &Sourcing) -> &'static str {
    match sourcing.kind {
        // bbc-1's "He is confident …" with "he" linked to no one read as a
        // named source: say what is known, a pronoun not resolved.
        SourcingKind::Named if sourcing.speaker.is_none() => {
            if sourcing.speaker_candidates.is_empty() {
                "speaker unclear: a pronoun not linked to anyone named"
            } else {
                "speaker unclear: more than one person fits"
            }
        }
        SourcingKind::Named => "named source",
        SourcingKind::Anonymous => "anonymous source",
        SourcingKind::Vague => "vague source",
        SourcingKind::Unattributed => "unattributed",
        SourcingKind::Outlet => "the outlet's own claim",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// bbc-1: "He is confident …", with "he" linked to no one, was labelled
    /// a named source in the text report.
    #[test]
    fn an_unresolved_pronoun_is_labelled_a_named_source() {
        let mut s = Sourcing {
            kind: SourcingKind::Named,
            speaker: None,
            cue: None,
            cue_span: None,
            speaker_role: None,
            speaker_candidates: Vec::new(),
            attribution_note: None,
            attribution: None,
        };
        assert_eq!(
            sourcing_label(&s),
            "speaker unclear: a pronoun not linked to anyone named"
        );
        s.speaker_candidates = vec!["Ian Kelly".into(), "Anna Kelly".into()];
        assert_eq!(
            sourcing_label(&s),
            "speaker unclear: more than one person fits"
        );
        s.speaker = Some("Barack Obama".into());
        s.speaker_candidates.clear();
        assert_eq!(sourcing_label(&s), "named source");
    }
}
