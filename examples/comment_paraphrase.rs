//! Would the sentence encoder tell a reworded comment campaign from an
//! ordinary comment section? (issue 16, item 4: a measurement, nothing
//! shipped.) Compares the cosine of comment pairs inside ordinary sections
//! (UD English EWT dev documents and CheckThat! 2019 debate turns, in
//! sections of 50 as `claimlens eval comments` builds them) with the pairs of
//! eight paraphrases of one campaign message written for this measurement
//! with no shared word 3-gram.
//!
//! `cargo run --profile native --example comment_paraphrase`

use std::path::Path;

use claimlens::encode::similarity;

const PARAPHRASES: [&str; 8] = [
    "This project will finally bring decent jobs to our town, and the council has to say yes.",
    "Our neighbourhood badly needs the employment this development offers; councillors, vote for it.",
    "Approve the scheme already, since it means steady work and fresh tax money for the area.",
    "The new development is exactly what local families need: paychecks and a stronger tax base. Pass it.",
    "Those protesting are a vocal few; most residents want the plan and the work it creates.",
    "I back the proposal wholeheartedly because it puts people here back to work.",
    "Let's stop delaying and give the green light to a plan that creates employment locally.",
    "Hundreds of residents would get work from this, so the council must not cave to a handful of opponents.",
];

fn debate_turns(data: &Path) -> Vec<String> {
    let debates =
        claimlens::detect::dataset::load_debates(&data.join(claimlens::detect::dataset::DEBATES))
            .expect("the shared debates");
    let mut out = Vec::new();
    for d in &debates {
        let mut turn = String::new();
        for (k, line) in d.lines.iter().enumerate() {
            if k > 0 && d.speakers[k] != d.speakers[k - 1] && !turn.is_empty() {
                out.push(std::mem::take(&mut turn));
            }
            if !turn.is_empty() {
                turn.push(' ');
            }
            turn.push_str(&line.text);
        }
        if !turn.is_empty() {
            out.push(turn);
        }
    }
    out
}

fn percentile(sorted: &[f32], p: f64) -> f32 {
    let at = ((sorted.len().saturating_sub(1)) as f64 * p).round() as usize;
    sorted.get(at).copied().unwrap_or(0.0)
}

/// Pair cosines inside consecutive sections of 50, and per section the
/// largest number of comments linked to one comment at `threshold` or more.
fn sections(
    encode: &dyn Fn(&str) -> Vec<f32>,
    comments: &[String],
    threshold: f32,
) -> (Vec<f32>, Vec<usize>) {
    let mut pairs = Vec::new();
    let mut linked = Vec::new();
    for chunk in comments.chunks_exact(50).take(200) {
        let vectors: Vec<Vec<f32>> = chunk.iter().map(|c| encode(c)).collect();
        let mut most = 0usize;
        for (i, a) in vectors.iter().enumerate() {
            let mut links = 0usize;
            for (j, b) in vectors.iter().enumerate() {
                if i == j {
                    continue;
                }
                let s = similarity(a, b);
                if j > i {
                    pairs.push(s);
                }
                links += usize::from(s >= threshold);
            }
            most = most.max(links);
        }
        linked.push(most);
    }
    claimlens::sort::sort_by(&mut pairs, |a, b| a.total_cmp(b));
    (pairs, linked)
}

fn main() {
    let data = claimlens::dev_data::data_dir();
    let encoder = claimlens::encode::builtin().expect("the built-in encoder");
    let ordinary = [
        (
            "EWT web text",
            claimlens::eval::comments::ewt_comments(&data).expect("the shared EWT file"),
        ),
        ("debate turns", debate_turns(&data)),
    ];
    // CENTRE=1: subtract the ordinary comments' mean vector first (the
    // static encoder's vectors share a large common direction).
    let mut mean = vec![0.0f32; encoder.dims()];
    if std::env::var("CENTRE").is_ok_and(|v| v == "1") {
        let all: Vec<&String> = ordinary.iter().flat_map(|(_, c)| c.iter()).collect();
        for c in &all {
            for (m, x) in mean.iter_mut().zip(encoder.encode(c)) {
                *m += x / all.len() as f32;
            }
        }
    }
    let encode = |text: &str| -> Vec<f32> {
        let mut v: Vec<f32> = encoder
            .encode(text)
            .iter()
            .zip(&mean)
            .map(|(x, m)| x - m)
            .collect();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
        v
    };
    let vectors: Vec<Vec<f32>> = PARAPHRASES.iter().map(|p| encode(p)).collect();
    let mut campaign = Vec::new();
    for (i, a) in vectors.iter().enumerate() {
        for b in &vectors[i + 1..] {
            campaign.push(similarity(a, b));
        }
    }
    claimlens::sort::sort_by(&mut campaign, |a, b| a.total_cmp(b));
    let threshold = percentile(&campaign, 0.25);
    println!(
        "campaign paraphrase pairs ({}): min {:.3} p25 {:.3} median {:.3} max {:.3}",
        campaign.len(),
        campaign[0],
        threshold,
        percentile(&campaign, 0.5),
        campaign[campaign.len() - 1]
    );
    for (name, comments) in &ordinary {
        let (pairs, linked) = sections(&encode, comments, threshold);
        let with_three = linked.iter().filter(|&&l| l >= 2).count();
        println!(
            "{name}: {} sections of 50, {} pairs: median {:.3} p99 {:.3} p99.9 {:.3} max {:.3}; \
             pairs at or above the campaign's p25 ({threshold:.3}): {:.2}%; sections where one comment \
             links to 2+ others at it: {with_three}",
            linked.len(),
            pairs.len(),
            percentile(&pairs, 0.5),
            percentile(&pairs, 0.99),
            percentile(&pairs, 0.999),
            pairs.last().copied().unwrap_or(0.0),
            100.0 * pairs.iter().filter(|&&s| s >= threshold).count() as f64
                / pairs.len().max(1) as f64,
        );
    }
}
