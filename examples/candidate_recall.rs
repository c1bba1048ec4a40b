//! Where the right fact-check of each CheckThat! 2022 2B query ranks in
//! BM25F and in the shipped (pruned) candidate list: a diagnostic for the
//! candidate stage. `cargo run --release --example candidate_recall -- SPLIT`
//! with SPLIT `train` or `dev`; each query left outside is printed to
//! stderr with its right fact-check and the top candidate.
use std::collections::HashMap;

use claimlens::verify::matcher::{Analysed, Query, Searcher, SEARCH_CANDIDATES};
use claimlens::verify::pack::Pack;

fn main() {
    let split = std::env::args().nth(1).unwrap_or_else(|| "train".into());
    let dir = "../shared/data/claim_matching/ct2022_2b";
    let qrels_file = if split == "dev" { "Dev" } else { "Train" };
    let mut qrels: HashMap<String, Vec<String>> = HashMap::new();
    for line in std::fs::read_to_string(format!("{dir}/CT2022-Task2B-EN-{qrels_file}_QRELs.tsv"))
        .unwrap_or_default()
        .lines()
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() >= 3 {
            qrels.entry(f[0].into()).or_default().push(f[2].into());
        }
    }
    let bytes = std::fs::read("assets/factchecks/politifact.clpack").unwrap_or_default();
    let Ok(pack) = Pack::from_bytes(&bytes) else {
        eprintln!("no pack");
        return;
    };
    let mut searcher = Searcher::default();
    let (mut n, mut in_bm25, mut in_ranked) = (0, 0, 0);
    let (mut no_shared_term, mut pruned, mut ranks_21_to_50) = (0, 0, 0);
    let (mut ranks_beyond_50, mut short) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    for line in std::fs::read_to_string(format!("{dir}/CT2022-Task2B-EN-Train-Dev_Queries.tsv"))
        .unwrap_or_default()
        .lines()
    {
        let Some((id, text)) = line.split_once('\t') else {
            continue;
        };
        let Some(gold) = qrels.get(id) else { continue };
        if !seen.insert(id.to_string()) {
            continue;
        }
        n += 1;
        let query = Query::for_pack(&Analysed::new(text, None), &pack);
        // Every fact-check BM25F scores at all: `None` below means no shared term.
        let top = searcher.bm25_top(&pack, &query, pack.len());
        let is_gold = |d: u32| gold.iter().any(|g| g == pack.id(d as usize));
        let bm_rank = top.iter().position(|&(_, d)| is_gold(d));
        let ranked = searcher.rank(&pack, &query, SEARCH_CANDIDATES);
        let r_rank = ranked.iter().position(|h| is_gold(h.doc));
        in_bm25 += usize::from(bm_rank.is_some_and(|r| r < SEARCH_CANDIDATES));
        in_ranked += usize::from(r_rank.is_some());
        match bm_rank {
            _ if r_rank.is_some() => {}
            None => no_shared_term += 1,
            Some(r) if r < SEARCH_CANDIDATES => pruned += 1,
            Some(r) if r < 50 => ranks_21_to_50 += 1,
            Some(_) => ranks_beyond_50 += 1,
        }
        short += usize::from(r_rank.is_none() && text.split_whitespace().count() <= 8);
        if r_rank.is_none() {
            let g = gold.first().map(String::as_str).unwrap_or("");
            let gd = (0..pack.len()).find(|&i| pack.id(i) == g);
            eprintln!(
                "MISS bm25 rank {:?} ({} ranked)\n  Q: {text}\n  G: {}\n  T: {}",
                bm_rank,
                ranked.len(),
                gd.map(|d| pack.claim(d)).unwrap_or(""),
                ranked
                    .first()
                    .map(|h| pack.claim(h.doc as usize))
                    .unwrap_or("")
            );
        }
    }
    println!(
        "2B {split}: {n} queries; a right fact-check in BM25F's top {SEARCH_CANDIDATES}: {in_bm25}, \
         among the ranked (pruned) candidates: {in_ranked}"
    );
    println!(
        "outside them: {} ({no_shared_term} share no indexed term with it, {pruned} pruned from BM25F's \
         top {SEARCH_CANDIDATES}, {ranks_21_to_50} rank 21-50 in BM25F, {ranks_beyond_50} rank beyond 50); \
         {short} of them are lines of 8 words or fewer",
        n - in_ranked
    );
}
