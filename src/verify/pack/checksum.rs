//! XXH64 (Yann Collet's xxHash, 64-bit, seed 0): a fast, well-specified
//! checksum, so verifying a multi-megabyte pack costs about a millisecond,
//! also in WASM (which has native 64-bit multiplies).

const P1: u64 = 0x9E37_79B1_85EB_CA87;
const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;
const P3: u64 = 0x1656_67B1_9E37_79F9;
const P4: u64 = 0x85EB_CA77_C2B2_AE63;
const P5: u64 = 0x27D4_EB2F_1656_67C5;

fn round(acc: u64, input: u64) -> u64 {
    acc.wrapping_add(input.wrapping_mul(P2))
        .rotate_left(31)
        .wrapping_mul(P1)
}

fn merge(acc: u64, val: u64) -> u64 {
    (acc ^ round(0, val)).wrapping_mul(P1).wrapping_add(P4)
}

// Arrays by value, not `copy_from_slice`: at the WASM's opt-level "s" that
// stays a call to memcpy for every 8 bytes hashed. Callers pass at least 8
// (or 4) bytes; a short slice would read as 0.
fn u64_at(b: &[u8]) -> u64 {
    b.first_chunk::<8>().map_or(0, |a| u64::from_le_bytes(*a))
}

fn u32_at(b: &[u8]) -> u64 {
    b.first_chunk::<4>()
        .map_or(0, |a| u64::from(u32::from_le_bytes(*a)))
}

pub fn xxh64(data: &[u8]) -> u64 {
    let len = data.len() as u64;
    let mut rest = data;
    let mut h = if data.len() >= 32 {
        let (mut v1, mut v2, mut v3, mut v4) =
            (P1.wrapping_add(P2), P2, 0u64, 0u64.wrapping_sub(P1));
        let mut stripes = data.chunks_exact(32);
        for s in &mut stripes {
            v1 = round(v1, u64_at(&s[0..]));
            v2 = round(v2, u64_at(&s[8..]));
            v3 = round(v3, u64_at(&s[16..]));
            v4 = round(v4, u64_at(&s[24..]));
        }
        rest = stripes.remainder();
        let mut h = v1
            .rotate_left(1)
            .wrapping_add(v2.rotate_left(7))
            .wrapping_add(v3.rotate_left(12))
            .wrapping_add(v4.rotate_left(18));
        for v in [v1, v2, v3, v4] {
            h = merge(h, v);
        }
        h
    } else {
        P5
    };
    h = h.wrapping_add(len);
    while rest.len() >= 8 {
        h ^= round(0, u64_at(rest));
        h = h.rotate_left(27).wrapping_mul(P1).wrapping_add(P4);
        rest = &rest[8..];
    }
    if rest.len() >= 4 {
        h ^= u32_at(rest).wrapping_mul(P1);
        h = h.rotate_left(23).wrapping_mul(P2).wrapping_add(P3);
        rest = &rest[4..];
    }
    for &b in rest {
        h ^= u64::from(b).wrapping_mul(P5);
        h = h.rotate_left(11).wrapping_mul(P1);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(P2);
    h ^= h >> 29;
    h = h.wrapping_mul(P3);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_vectors() {
        // From the reference implementation (python-xxhash 3.x, xxh64 seed 0).
        let hundred: Vec<u8> = (0..100).collect();
        let cases: [(&[u8], u64); 5] = [
            (b"", 0xEF46_DB37_51D8_E999),
            (b"a", 0xD24E_C4F1_A98C_6E5B),
            (b"abc", 0x44BC_2CF5_AD77_0999),
            (b"123456789", 0x8CB8_41DB_40E6_AE83),
            (&hundred, 0x6AC1_E580_3216_6597),
        ];
        for (data, want) in cases {
            assert_eq!(xxh64(data), want, "{} bytes", data.len());
        }
    }
}
