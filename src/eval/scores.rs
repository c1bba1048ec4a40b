//! Precision, recall and F1 from counts, as every evaluation reports them.

/// `(precision, recall, f1)` of `hits` among `predicted` items against `gold`
/// items; a ratio with nothing under it is 0.
pub fn precision_recall_f1(hits: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = ratio(hits, predicted);
    let r = ratio(hits, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_to_scores() {
        assert_eq!(precision_recall_f1(0, 0, 0), (0.0, 0.0, 0.0));
        assert_eq!(precision_recall_f1(1, 2, 4), (0.5, 0.25, 1.0 / 3.0));
        assert_eq!(precision_recall_f1(3, 3, 3), (1.0, 1.0, 1.0));
    }
}
