//! Disjoint sets over comment indices, iterative (no recursion on input size).

#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }

    pub fn find(&mut self, mut x: u32) -> u32 {
        let mut root = x;
        while self.parent[root as usize] != root {
            root = self.parent[root as usize];
        }
        // Path compression, second pass.
        while self.parent[x as usize] != root {
            let next = self.parent[x as usize];
            self.parent[x as usize] = root;
            x = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`; the smaller root index wins, so results
    /// do not depend on the order of unions. Returns false if already joined.
    pub fn union(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (keep, other) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[other as usize] = keep;
        true
    }

    /// The sets with two or more members, each sorted, ordered by first member.
    pub fn groups(&mut self) -> Vec<Vec<u32>> {
        let n = self.parent.len() as u32;
        let mut size = vec![0u32; n as usize];
        let roots: Vec<u32> = (0..n).map(|i| self.find(i)).collect();
        for &r in &roots {
            size[r as usize] += 1;
        }
        // A root is its set's smallest member, so groups come out in order.
        let mut slot = vec![u32::MAX; n as usize];
        let mut out: Vec<Vec<u32>> = Vec::new();
        for (i, &r) in roots.iter().enumerate() {
            if size[r as usize] < 2 {
                continue;
            }
            if slot[r as usize] == u32::MAX {
                slot[r as usize] = out.len() as u32;
                out.push(Vec::with_capacity(size[r as usize] as usize));
            }
            out[slot[r as usize] as usize].push(i as u32);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_sorted_and_order_independent() {
        let mut a = UnionFind::new(6);
        a.union(4, 1);
        a.union(1, 5);
        a.union(2, 3);
        assert_eq!(a.groups(), vec![vec![1, 4, 5], vec![2, 3]]);
        assert!(!a.union(5, 4));
        let mut long = UnionFind::new(100_000);
        for i in 1..100_000 {
            long.union(i - 1, i);
        }
        assert_eq!(long.find(99_999), 0);
    }
}
