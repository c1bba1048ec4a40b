//! Builds the `claimlens/analysis@1` JSON value from the stages' internal
//! results. Every byte offset passes through [`Utf16Index`] here.

use crate::analysis::{
    self as out, Analysis, Article, Claim, ClusterKind, ClusterMember, CommentCluster, CommentItem,
    CommentSectionOut, CommentSpan, Comments, CommentsLevel, DomRun, Entity, Interval, Notice,
    Quantity, Quote, RepeatedFrame, RepeatedPhrase, Span, Status, TextBlock, TimeRef,
    TimestampBurst, SCHEMA,
};
use crate::attribute::{self, Attribution};
use crate::detect::Detection;
use crate::extract::{BlockKind, Extraction, Rendered, TextRun};
use crate::segment::TextLayer;
use crate::snapshot::Snapshot;
use crate::spans::{ByteSpan, Utf16Index};
use crate::verify;

/// The later stages' results over one article.
pub struct Stages<'a> {
    pub layer: &'a TextLayer,
    pub detections: &'a [Detection],
    pub attribution: &'a Attribution,
    /// One per detection, in order.
    pub verified: &'a [verify::Verified],
}

pub fn assemble(
    status: Status,
    notices: Vec<Notice>,
    snapshot: Option<&Snapshot>,
    extraction: &Extraction,
    article: Option<(&Rendered, Option<Stages<'_>>)>,
) -> Analysis {
    let meta = &extraction.metadata;
    let mut result = Analysis {
        schema: SCHEMA.to_string(),
        status,
        notices: Vec::new(),
        notice_items: notices,
        article: Article {
            title: meta.title.clone(),
            byline: meta.byline.clone(),
            authors: meta.authors.clone(),
            published: meta.published.map(|d| d.to_string()),
            site: meta.site.clone(),
            lang: meta.lang.clone(),
            url: meta.url.clone(),
            excerpt: meta.excerpt.clone(),
            ..Article::default()
        },
        sentences: Vec::new(),
        claims: Vec::new(),
        quotes: Vec::new(),
        entities: Vec::new(),
        comments: Comments {
            count: extraction.comments.len() as u32,
            items: extraction
                .comments
                .iter()
                .map(|c| CommentItem {
                    text: c.body.text.clone(),
                    dom: dom_runs(&c.body.runs, &Utf16Index::new(&c.body.text), snapshot),
                    node: Some(c.element),
                    author: c.author.clone(),
                    time: c.time.clone(),
                    section: Some(c.section as u32),
                })
                .collect(),
            sections: extraction
                .comment_sections
                .iter()
                .map(|s| CommentSectionOut {
                    node: s.element,
                    heading: s.heading,
                })
                .collect(),
            ..Comments::default()
        },
    };
    let Some((rendered, stages)) = article else {
        return result;
    };
    let text = rendered.text.as_str();
    let index = Utf16Index::new(text);
    result.article.text = rendered.text.clone();
    result.article.paragraphs = rendered.blocks.iter().map(|b| index.span(b.span)).collect();
    result.article.blocks = rendered
        .blocks
        .iter()
        .filter_map(|b| {
            let kind = block_kind(b.kind)?;
            let s = index.span(b.span);
            Some(TextBlock {
                start: s.start,
                end: s.end,
                kind,
            })
        })
        .collect();
    result.article.dom = dom_runs(&rendered.runs, &index, snapshot);
    let Some(stages) = stages else {
        return result;
    };
    let Stages {
        layer,
        detections,
        attribution,
        verified,
    } = stages;
    result.sentences = layer.sentences.iter().map(|s| index.span(*s)).collect();
    let cue_text = |s: Option<ByteSpan>| s.map(|s| s.of(text).to_string());
    // `verified` is parallel to `detections`: keep the two indices together.
    result.claims = detections
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let unattributed = attribute::Sourcing::unattributed(d.span);
            let sourcing = attribution.sourcing_for(d.span).unwrap_or(&unattributed);
            let (note, matches, related) = verified
                .get(i)
                .map(|v| (v.note.clone(), v.matches.clone(), v.related.clone()))
                .unwrap_or_default();
            let span = index.span(d.span);
            Claim {
                id: format!("c{}", i + 1),
                start: span.start,
                end: span.end,
                text: d.span.of(text).to_string(),
                score: d.score,
                checkworthy: d.checkworthy,
                kinds: d.kinds.clone(),
                // Worded later, from `reasons`, by `crate::english`.
                signals: Vec::new(),
                reasons: d.signals.clone(),
                key_terms: d.key_terms.iter().map(|t| t.of(text).to_string()).collect(),
                sourcing: out::Sourcing {
                    kind: sourcing_kind(sourcing.kind),
                    speaker: sourcing.speaker.clone(),
                    cue: cue_text(sourcing.cue),
                    cue_span: sourcing.cue.map(|c| index.span(c)),
                    speaker_role: sourcing.speaker_role.clone(),
                    speaker_candidates: sourcing.speaker_candidates.clone(),
                    // Worded later, from `attribution`, by `crate::english`.
                    attribution_note: None,
                    attribution: sourcing.note.clone(),
                },
                times: layer
                    .times
                    .iter()
                    .filter(|t| d.span.contains(t.span))
                    .map(|t| {
                        let s = index.span(t.span);
                        TimeRef {
                            start: s.start,
                            end: s.end,
                            text: t.span.of(text).to_string(),
                            resolved: t.resolved.map(|(from, to)| Interval {
                                from: from.to_string(),
                                to: to.to_string(),
                            }),
                            kind: Some(t.kind),
                            unresolved: t.unresolved,
                        }
                    })
                    .collect(),
                quantities: layer
                    .quantities
                    .iter()
                    .filter(|q| d.span.contains(q.span))
                    .map(|q| {
                        let s = index.span(q.span);
                        Quantity {
                            start: s.start,
                            end: s.end,
                            text: q.span.of(text).to_string(),
                            value: q.value,
                            unit: q.unit.clone(),
                            kind: Some(q.kind),
                            upper: q.upper,
                            modifier: q.modifier,
                            // English, for native readers; the extension words
                            // the figure from its kind and numbers.
                            #[cfg(not(target_arch = "wasm32"))]
                            display: q.display(),
                            #[cfg(target_arch = "wasm32")]
                            display: None,
                        }
                    })
                    .collect(),
                matches,
                related,
                note,
            }
        })
        .collect();
    result.quotes = attribution
        .quotes
        .iter()
        .map(|q| {
            let s = index.span(q.span);
            Quote {
                start: s.start,
                end: s.end,
                text: q.span.of(text).to_string(),
                speaker: q.speaker.clone(),
                speaker_candidates: q.speaker_candidates.clone(),
                cue: cue_text(q.cue),
                direct: q.direct,
                speaker_role: q.speaker_role.clone(),
                attribution_note: None,
                attribution: q.note.clone(),
            }
        })
        .collect();
    result.entities = layer
        .entities
        .iter()
        .map(|e| Entity {
            name: e.name.clone(),
            kind: e.kind.as_str().to_string(),
            descriptor: e.descriptor.clone().or_else(|| e.role.clone()),
            role: e.role.clone(),
            mentions: e
                .mentions
                .iter()
                .map(|m| index.span(m.span))
                .collect::<Vec<Span>>(),
        })
        .collect();
    result
}

/// Adds the comment-section findings to `comments`, converting each span
/// (bytes into one comment's text) to UTF-16 with that comment's index.
pub fn add_comment_findings(comments: &mut Comments, report: &crate::comments::SectionReport) {
    use crate::comments::{ClusterKind as Kind, Level};
    let indexes: Vec<Utf16Index> = comments
        .items
        .iter()
        .map(|c| Utf16Index::new(&c.text))
        .collect();
    let span_in = |index: u32, span: ByteSpan| -> Option<CommentSpan> {
        let text = &comments.items.get(index as usize)?.text;
        let utf16 = indexes.get(index as usize)?;
        (span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end))
        .then(|| {
            let s = utf16.span(span);
            CommentSpan {
                index,
                start: s.start,
                end: s.end,
            }
        })
    };
    let clusters = report
        .clusters
        .iter()
        .map(|c| CommentCluster {
            kind: match c.kind {
                Kind::NearDuplicate => ClusterKind::NearDuplicate,
                Kind::Template => ClusterKind::Template,
            },
            similarity: c.similarity,
            members: c
                .members
                .iter()
                .map(|m| ClusterMember {
                    index: m.index,
                    spans: m
                        .spans
                        .iter()
                        .filter_map(|&s| span_in(m.index, s))
                        .map(|s| Span {
                            start: s.start,
                            end: s.end,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let phrases = report
        .phrases
        .iter()
        .map(|p| RepeatedPhrase {
            text: p.text.clone(),
            comments: p.docs,
            occurrences: p
                .occurrences
                .iter()
                .filter_map(|o| span_in(o.doc, o.span))
                .collect(),
        })
        .collect();
    let frames = report
        .frames
        .iter()
        .map(|f| RepeatedFrame {
            pattern: f.pattern.clone(),
            comments: f.docs,
            occurrences: f
                .occurrences
                .iter()
                .filter_map(|o| span_in(o.doc, o.span))
                .collect(),
        })
        .collect();
    comments.analysed = report.analysed as u32;
    comments.flagged = report.flagged();
    comments.level = match report.level {
        Level::None => CommentsLevel::None,
        Level::Some => CommentsLevel::Some,
        Level::High => CommentsLevel::High,
    };
    comments.finding_parts = report.finding.clone();
    comments.clusters = clusters;
    comments.phrases = phrases;
    comments.frames = frames;
    comments.bursts = report
        .bursts
        .iter()
        .map(|b| TimestampBurst {
            posted: b.posted.clone(),
            members: b.members.clone(),
        })
        .collect();
}

/// The contract's name for a non-prose block; `None` for prose.
fn block_kind(kind: BlockKind) -> Option<out::BlockKind> {
    Some(match kind {
        BlockKind::Prose => return None,
        BlockKind::Caption => out::BlockKind::Caption,
        BlockKind::Table => out::BlockKind::Table,
        BlockKind::LinkList => out::BlockKind::LinkList,
        BlockKind::PullQuote => out::BlockKind::PullQuote,
        BlockKind::Credit => out::BlockKind::Credit,
        BlockKind::Code => out::BlockKind::Code,
        BlockKind::Heading => out::BlockKind::Heading,
        BlockKind::ProductBox => out::BlockKind::ProductBox,
    })
}

fn sourcing_kind(kind: attribute::SourcingKind) -> out::SourcingKind {
    match kind {
        attribute::SourcingKind::Named => out::SourcingKind::Named,
        attribute::SourcingKind::Anonymous => out::SourcingKind::Anonymous,
        attribute::SourcingKind::Vague => out::SourcingKind::Vague,
        attribute::SourcingKind::Unattributed => out::SourcingKind::Unattributed,
        attribute::SourcingKind::Outlet => out::SourcingKind::Outlet,
    }
}

/// Converts runs to UTF-16 on both sides: offsets into the rendered text
/// and into each snapshot text node's data.
fn dom_runs(runs: &[TextRun], index: &Utf16Index, snapshot: Option<&Snapshot>) -> Vec<DomRun> {
    let Some(snapshot) = snapshot else {
        return Vec::new();
    };
    let mut node_index: Option<(u32, Utf16Index)> = None;
    runs.iter()
        .filter_map(|r| {
            let data = snapshot.nodes.get(r.node as usize)?.text.as_deref()?;
            if node_index.as_ref().is_none_or(|(n, _)| *n != r.node) {
                node_index = Some((r.node, Utf16Index::new(data)));
            }
            let (_, node_utf16) = node_index.as_ref()?;
            let s = index.span(ByteSpan::new(r.start, r.end));
            Some(DomRun {
                start: s.start,
                end: s.end,
                node: r.node,
                offset: node_utf16.to_utf16(r.node_offset),
            })
        })
        .collect()
}
