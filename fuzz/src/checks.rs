//! What every fuzz target (and tests/fuzz_replay.rs, which replays the seeds
//! and regressions on the stable toolchain) checks beyond "no panic": an analysis keeps the
//! offset contract of `claimlens/analysis@1` (every span is a UTF-16 range
//! inside the text it names, on character boundaries; every `text` field
//! equals the slice its span names; every DOM run maps back to the snapshot
//! text node it came from), and the bounded-analysis rule (a `truncated`
//! status always comes with a notice saying so).

use std::sync::{Arc, OnceLock};

use claimlens::analysis::{Analysis, DomRun, Span, Status};
use claimlens::snapshot::Snapshot;
use claimlens::verify::import::{self, Format};
use claimlens::verify::pack::{self, Pack, PackMeta};
use claimlens::verify::Registry;

/// A text as UTF-16 code units, for checking spans against it.
pub struct Units(Vec<u16>);

impl Units {
    pub fn new(text: &str) -> Units {
        Units(text.encode_utf16().collect())
    }

    fn is_boundary(&self, at: u32) -> bool {
        let at = at as usize;
        // Not inside a surrogate pair: the unit at `at` is no low surrogate.
        at == 0 || at == self.0.len() || !(0xDC00..0xE000).contains(&self.0[at])
    }

    /// The text a span names; panics with `what` if the span is invalid.
    pub fn slice(&self, what: &str, start: u32, end: u32) -> String {
        assert!(
            start <= end && (end as usize) <= self.0.len(),
            "{what}: {start}..{end} outside 0..{}",
            self.0.len()
        );
        assert!(
            self.is_boundary(start) && self.is_boundary(end),
            "{what}: {start}..{end} splits a surrogate pair"
        );
        String::from_utf16(&self.0[start as usize..end as usize])
            .unwrap_or_else(|_| panic!("{what}: {start}..{end} is not valid UTF-16"))
    }

    pub fn span(&self, what: &str, span: Span) -> String {
        self.slice(what, span.start, span.end)
    }
}

/// Checks the whole analysis; `snapshot` is the page it came from, if any.
pub fn check_analysis(a: &Analysis, snapshot: Option<&Snapshot>) {
    assert_eq!(a.schema, claimlens::analysis::SCHEMA);
    if a.status == Status::Truncated {
        assert!(!a.notices.is_empty(), "truncated without a notice");
    }
    let text = Units::new(&a.article.text);
    for p in &a.article.paragraphs {
        text.span("paragraph", *p);
    }
    for s in &a.sentences {
        text.span("sentence", *s);
    }
    for c in &a.claims {
        assert_eq!(
            text.slice("claim", c.start, c.end),
            c.text,
            "claim {}",
            c.id
        );
        for t in &c.times {
            assert_eq!(text.slice("time", t.start, t.end), t.text);
        }
        for q in &c.quantities {
            assert_eq!(text.slice("quantity", q.start, q.end), q.text);
        }
        if let Some(cue) = c.sourcing.cue_span {
            let cue_text = text.span("sourcing cue", cue);
            if let Some(written) = &c.sourcing.cue {
                assert_eq!(&cue_text, written, "sourcing cue text");
            }
        }
        assert!(
            c.score.is_finite() && (0.0..=1.0).contains(&c.score),
            "score {}",
            c.score
        );
    }
    for q in &a.quotes {
        assert_eq!(text.slice("quote", q.start, q.end), q.text);
    }
    for e in &a.entities {
        for m in &e.mentions {
            text.span("entity mention", *m);
        }
    }
    if let Some(snapshot) = snapshot {
        check_dom_runs(&text, &a.article.dom, snapshot, "article");
    }
    let comments = &a.comments;
    let items: Vec<Units> = comments.items.iter().map(|i| Units::new(&i.text)).collect();
    if let Some(snapshot) = snapshot {
        for (item, units) in comments.items.iter().zip(&items) {
            check_dom_runs(units, &item.dom, snapshot, "comment");
        }
    }
    let item = |index: u32| {
        items
            .get(index as usize)
            .unwrap_or_else(|| panic!("comment index {index} of {}", items.len()))
    };
    for cluster in &comments.clusters {
        for member in &cluster.members {
            let units = item(member.index);
            for span in &member.spans {
                units.span("cluster span", *span);
            }
        }
    }
    for phrase in &comments.phrases {
        for o in &phrase.occurrences {
            item(o.index).slice("phrase occurrence", o.start, o.end);
        }
    }
    for frame in &comments.frames {
        for o in &frame.occurrences {
            item(o.index).slice("frame occurrence", o.start, o.end);
        }
    }
    for burst in &comments.bursts {
        for &m in &burst.members {
            item(m);
        }
    }
    // The contract is JSON: it must serialise.
    serde_json::to_string(a).expect("the analysis serialises");
}

/// Runs map back to exactly the node text they came from (whitespace may
/// differ in kind, since the renderer collapses it).
fn check_dom_runs(text: &Units, runs: &[DomRun], snapshot: &Snapshot, what: &str) {
    for run in runs {
        let from_text = text.slice(what, run.start, run.end);
        let data = snapshot
            .nodes
            .get(run.node as usize)
            .and_then(|n| n.text.as_deref())
            .unwrap_or_else(|| panic!("{what} run names node {} which is not text", run.node));
        let node = Units::new(data);
        let from_node = node.slice(what, run.offset, run.offset + (run.end - run.start));
        let norm = |s: &str| -> String {
            s.chars()
                .map(|c| if c.is_ascii_whitespace() { ' ' } else { c })
                .collect()
        };
        assert_eq!(norm(&from_text), norm(&from_node), "{what} run {run:?}");
    }
}

/// A few fact-checks, as a loaded registry, so the analysis targets also run
/// fact-check matching. Built once per process from the JSONL seed.
pub fn registry() -> Arc<Registry> {
    static REGISTRY: OnceLock<Arc<Registry>> = OnceLock::new();
    REGISTRY
        .get_or_init(|| {
            let seed = include_bytes!("../seeds/import_jsonl/politifact.jsonl");
            let report = import::import_as(Format::JsonLines, seed).expect("the seed imports");
            let meta = PackMeta {
                name: "fuzz".to_string(),
                ..PackMeta::default()
            };
            let (bytes, _) = pack::build(&report.records, &meta).expect("the seed builds");
            let mut registry = Registry::new();
            registry.add(Arc::new(
                Pack::from_bytes(&bytes).expect("the seed pack loads"),
            ));
            Arc::new(registry)
        })
        .clone()
}

/// Imported records must survive the pack round trip: build, then load.
pub fn check_import(report: &import::ImportReport) {
    for fc in &report.records {
        for url in [&fc.url, &fc.author.as_ref().and_then(|a| a.url.clone())]
            .into_iter()
            .flatten()
        {
            // Schemes are case-insensitive: "HTTPS://" is a web link too.
            let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
            assert!(
                scheme.starts_with("http://") || scheme.starts_with("https://"),
                "kept a non-http(s) link: {url:?}"
            );
        }
    }
    if report.records.is_empty() {
        return;
    }
    let meta = PackMeta {
        name: "fuzz".to_string(),
        ..PackMeta::default()
    };
    if let Ok((bytes, summary)) = pack::build(&report.records, &meta) {
        let pack = Pack::from_bytes(&bytes).expect("a pack this build wrote loads again");
        assert_eq!(pack.len(), summary.records);
        for i in 0..pack.len() {
            pack.record(i).expect("every record of a loaded pack reads");
        }
    }
}
