//! L2-regularised logistic regression by Newton's method, for the small
//! re-ranking and decision models the evaluations fit (a handful of
//! features, tens of thousands of rows). The bias is the last weight and is
//! not regularised.

/// Weights for `xs` (each row `F` features) against labels `ys` (0 or 1),
/// then the bias: `F + 1` numbers.
pub fn fit_logistic<const F: usize>(xs: &[[f32; F]], ys: &[f32], l2: f64) -> Vec<f32> {
    let d = F + 1;
    let mut w = vec![0.0f64; d];
    for _ in 0..30 {
        let mut grad = vec![0.0f64; d];
        let mut hess = vec![vec![0.0f64; d]; d];
        let mut row = vec![1.0f64; d];
        for (x, &y) in xs.iter().zip(ys) {
            for (r, v) in row.iter_mut().zip(x.iter()) {
                *r = f64::from(*v);
            }
            let z: f64 = row.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = p - f64::from(y);
            let h = (p * (1.0 - p)).max(1e-9);
            for i in 0..d {
                grad[i] += g * row[i];
                for j in 0..d {
                    hess[i][j] += h * row[i] * row[j];
                }
            }
        }
        for i in 0..F {
            grad[i] += l2 * w[i];
            hess[i][i] += l2;
        }
        let Some(step) = solve(hess, grad) else { break };
        let mut change = 0.0f64;
        for (wi, si) in w.iter_mut().zip(&step) {
            *wi -= si;
            change = change.max(si.abs());
        }
        if change < 1e-6 {
            break;
        }
    }
    w.iter().map(|&v| v as f32).collect()
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting; `None`
/// when `a` is singular.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let d = b.len();
    for col in 0..d {
        let pivot = (col..d).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let pivot_row = a[col].clone();
        for row in col + 1..d {
            let f = a[row][col] / pivot_row[col];
            for (x, p) in a[row].iter_mut().zip(&pivot_row).skip(col) {
                *x -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = vec![0.0f64; d];
    for row in (0..d).rev() {
        let s: f64 = (row + 1..d).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
}
