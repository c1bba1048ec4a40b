//! 64-bit hashing for words and word sequences, and a pass-through hasher so
//! hash maps keyed by these already-mixed values skip SipHash (a hot path).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over bytes, finished with [`mix`]. Never returns 0 (reserved).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    finish_bytes(bytes.iter().fold(BYTES_START, |h, &b| step_byte(h, b)))
}

/// [`hash_bytes`] in steps, for callers that transform bytes on the fly.
pub const BYTES_START: u64 = 0xcbf2_9ce4_8422_2325;

pub fn step_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

pub fn finish_bytes(h: u64) -> u64 {
    nonzero(mix(h))
}

/// A strong 64-bit finaliser (splitmix64), so nearby inputs land far apart.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Extends a sequence hash by one more element. Order-sensitive.
pub fn extend(sequence: u64, next: u64) -> u64 {
    nonzero(mix(
        sequence.rotate_left(17) ^ next.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    ))
}

/// The hash of a sequence, as folded by [`extend`] from a fixed start.
pub fn sequence<I: IntoIterator<Item = u64>>(items: I) -> u64 {
    items.into_iter().fold(SEQUENCE_START, extend)
}

pub const SEQUENCE_START: u64 = 0x243f_6a88_85a3_08d3;

fn nonzero(h: u64) -> u64 {
    if h == 0 {
        1
    } else {
        h
    }
}

/// Hashes keys that are already uniformly mixed `u64`s by passing them through.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only reached for non-u64 keys; fold them in rather than panic.
        for &b in bytes {
            self.0 = mix(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type FastMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;
pub type FastSet = HashSet<u64, BuildHasherDefault<PassThrough>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_hash_depends_on_order_and_length() {
        let (a, b) = (hash_bytes(b"time"), hash_bytes(b"will"));
        assert_ne!(sequence([a, b]), sequence([b, a]));
        assert_ne!(sequence([a]), sequence([a, a]));
        assert_eq!(extend(sequence([a]), b), sequence([a, b]));
        assert_ne!(hash_bytes(b""), 0);
    }
}
