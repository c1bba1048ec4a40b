//! A review's product box: its pros and cons, and the box the template
//! draws around a product. Readers see them with the review, and WCXB's
//! truth keeps them, so they stay in the text; but their lines are
//! fragments of a verdict ("Fast cycle times", "Long battery life (almost
//! 24 hours in our test)"), never claims, so the renderer marks them.

use super::dom::{Dom, Id, NIL};

/// Labels set before a list of pros or cons, lower-case, without a final
/// colon.
const PROS_CONS_LABELS: &[&str] = &[
    "pros",
    "cons",
    "pro",
    "con",
    "pros and cons",
    "pros & cons",
    "advantages",
    "disadvantages",
    "what we like",
    "what we liked",
    "what we don't like",
    "what we didn't like",
    "what i like",
    "what i liked",
    "what i don't like",
    "what i didn't like",
    "the good",
    "the bad",
    "likes",
    "dislikes",
];

/// Longer labels are not a pros or cons label.
const MAX_LABEL_CHARS: usize = 30;

/// Class and id words of product boxes and pros-and-cons boxes.
const PRODUCT_BOX_NAMES: &[&str] = &[
    "pros-cons",
    "pros_cons",
    "proscons",
    "pros-and-cons",
    "procon",
    "pro-con",
    "product-box",
    "productbox",
    "product-card",
    "product-summary",
];

/// Class tokens that name one side of a pros-and-cons box.
const PROS_CONS_TOKENS: &[&str] = &["pros", "cons", "--pro", "--con"];

/// An element whose class or id names a product box or a pros-and-cons
/// box (`pros-cons__list`, `product-box`, a side named `pros`).
pub fn is_named_product_box(dom: &Dom<'_>, id: Id) -> bool {
    let (class, id_attr) = (dom.class(id), dom.id_attr(id));
    if class.is_empty() && id_attr.is_empty() {
        return false;
    }
    let names = super::hints::match_string(class, id_attr);
    PRODUCT_BOX_NAMES.iter().any(|w| names.contains(w))
        || names
            .split_whitespace()
            .any(|token| PROS_CONS_TOKENS.contains(&token))
}

/// The list's previous element is a pros or cons label, or, when the list
/// opens its wrapper, the wrapper's is (`<p><b>Pros</b></p><div
/// class="pros"><ul>`).
pub fn follows_pros_cons_label(dom: &Dom<'_>, list: Id) -> bool {
    let mut at = list;
    for _ in 0..2 {
        let prev = previous_element(dom, at);
        if prev != NIL {
            return is_pros_cons_label(&dom.text_content(prev));
        }
        at = dom.parent(at);
        if at == NIL {
            return false;
        }
    }
    false
}

fn previous_element(dom: &Dom<'_>, id: Id) -> Id {
    let mut prev = dom.prev_sibling(id);
    while prev != NIL && !dom.is_element(prev) {
        if !dom.text(prev).trim().is_empty() {
            return NIL;
        }
        prev = dom.prev_sibling(prev);
    }
    prev
}

/// "Pros", "Cons:", "What we didn't like".
pub fn is_pros_cons_label(text: &str) -> bool {
    let t = text.trim();
    if t.len() > MAX_LABEL_CHARS {
        return false;
    }
    let t = t
        .trim_end_matches(':')
        .trim()
        .to_lowercase()
        .replace('’', "'");
    PROS_CONS_LABELS.contains(&t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pros_and_cons_labels_are_recognised_and_prose_is_not() {
        for t in ["Pros", "Cons:", " What we didn’t like ", "PROS & CONS"] {
            assert!(is_pros_cons_label(t), "{t}");
        }
        for t in [
            "Pricing",
            "The pros say the market will recover",
            "Conclusion",
        ] {
            assert!(!is_pros_cons_label(t), "{t}");
        }
    }
}
