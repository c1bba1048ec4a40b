use claimlens::attribute;
use claimlens::pipeline::rendered_from_plain_text;
use claimlens::segment;
use claimlens::spans::ByteSpan;

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = if path == "-" { let mut s = String::new(); std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).unwrap(); s } else { std::fs::read_to_string(&path).unwrap() };
    let rendered = rendered_from_plain_text(&text);
    let paragraphs: Vec<ByteSpan> = rendered.blocks.iter().map(|b| b.span).collect();
    let layer = segment::analyse(&text, &paragraphs, None);
    let cx = attribute::Context::new(&text, &layer.tokens, &layer.sentences);
    if std::env::var("SENT").is_ok() { for s in &layer.sentences { println!("S| {}", s.of(&text)); } }
    if std::env::var("QUOTES").is_ok() { for q in &cx.quotes { println!("Q{} {} {}| {}", q.depth, q.closed, q.continues, q.outer.of(&text)); } }
    let a = attribute::attribute(&text, &layer);
    for (r, s) in a.relations.iter().zip(&a.speakers) {
        let c: Vec<&str> = r.content.iter().map(|c| c.of(&text)).collect();
        println!("[{}] cue={:?} src={:?} -> {:?} {:?} | {:?}", if r.direct {"D"} else {"R"}, r.cue.of(&text), r.source.map(|s| s.of(&text)), s.kind, s.name, c);
    }
}
