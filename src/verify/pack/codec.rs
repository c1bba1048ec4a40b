//! Bounds-checked little-endian reading and writing, LEB128 varints, and
//! string columns. Every read of pack bytes goes through [`Reader`], so a
//! truncated or hostile pack is an error, never a panic.

/// Why a section's contents could not be decoded.
pub type DecodeResult<T> = Result<T, String>;

#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u16(&mut self, v: u16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn f32(&mut self, v: f32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn varint(&mut self, mut v: u32) {
        loop {
            let byte = (v & 0x7F) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub fn is_at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub fn take(&mut self, n: usize) -> DecodeResult<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| format!("needs {n} bytes at offset {}, past the end", self.pos))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> DecodeResult<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub fn u16(&mut self) -> DecodeResult<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> DecodeResult<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> DecodeResult<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn f32(&mut self) -> DecodeResult<f32> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    #[inline]
    pub fn varint(&mut self) -> DecodeResult<u32> {
        // Most numbers in a pack (gaps, lengths) fit in one byte.
        if let Some(&byte) = self.bytes.get(self.pos) {
            if byte & 0x80 == 0 {
                self.pos += 1;
                return Ok(u32::from(byte));
            }
        }
        self.varint_long()
    }

    #[inline(never)]
    fn varint_long(&mut self) -> DecodeResult<u32> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = *self
                .bytes
                .get(self.pos)
                .ok_or_else(|| "a number runs past the end".to_string())?;
            self.pos += 1;
            let part = u32::from(byte & 0x7F);
            if shift == 28 && part > 0x0F {
                return Err("a number overflows 32 bits".to_string());
            }
            value |= part << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number overflows 32 bits".to_string())
    }

    /// A count of items that each take at least `min_bytes`, checked against
    /// the bytes left so that a corrupt count cannot ask for a huge allocation.
    pub fn count(&mut self, min_bytes: usize) -> DecodeResult<usize> {
        let n = self.u32()? as usize;
        let left = self.bytes.len() - self.pos;
        if n.saturating_mul(min_bytes.max(1)) > left {
            return Err(format!("claims {n} items but only {left} bytes are left"));
        }
        Ok(n)
    }
}

/// Strings stored back to back with `count + 1` offsets. Absent values are
/// empty strings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StrColumn {
    text: String,
    offsets: Vec<u32>,
}

impl StrColumn {
    pub fn build<'s>(values: impl IntoIterator<Item = &'s str>) -> Self {
        let mut text = String::new();
        let mut offsets = vec![0u32];
        for v in values {
            text.push_str(v);
            offsets.push(text.len() as u32);
        }
        StrColumn { text, offsets }
    }

    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th string; `""` when out of range.
    pub fn get(&self, i: usize) -> &str {
        let (Some(&start), Some(&end)) = (self.offsets.get(i), self.offsets.get(i + 1)) else {
            return "";
        };
        // Offsets were checked to be ordered and on char boundaries at load.
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    pub fn get_opt(&self, i: usize) -> Option<&str> {
        Some(self.get(i)).filter(|s| !s.is_empty())
    }

    /// Binary search in a column whose strings are sorted.
    pub fn find_sorted(&self, key: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }

    pub fn bytes(&self) -> usize {
        self.text.len() + self.offsets.len() * 4
    }

    /// Writes the column plain (lengths, then the bytes) or front-coded
    /// (each string as the length of the prefix it shares with the previous
    /// one, plus the rest), whichever is clearly smaller: ids, links and
    /// sorted terms share long prefixes; claims and headlines do not, and
    /// plain columns load faster.
    pub fn write(&self, w: &mut Writer) {
        let mut shared_lens = Writer::default();
        let mut suffix_lens = Writer::default();
        let mut suffixes = Vec::new();
        let mut prev = "";
        for i in 0..self.len() {
            let s = self.get(i);
            let shared = s
                .bytes()
                .zip(prev.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            shared_lens.varint(shared as u32);
            suffix_lens.varint((s.len() - shared) as u32);
            suffixes.extend_from_slice(&s.as_bytes()[shared..]);
            prev = s;
        }
        let mut plain_lens = Writer::default();
        for pair in self.offsets.windows(2) {
            plain_lens.varint(pair[1] - pair[0]);
        }
        let front_coded = shared_lens.bytes.len() + suffix_lens.bytes.len() + suffixes.len();
        let plain = plain_lens.bytes.len() + self.text.len();
        w.u32(self.len() as u32);
        if front_coded * 10 < plain * 9 {
            w.bytes.push(FRONT_CODED);
            w.bytes.extend_from_slice(&shared_lens.bytes);
            w.bytes.extend_from_slice(&suffix_lens.bytes);
            w.bytes.extend_from_slice(&suffixes);
        } else {
            w.bytes.push(PLAIN);
            w.bytes.extend_from_slice(&plain_lens.bytes);
            w.bytes.extend_from_slice(self.text.as_bytes());
        }
    }

    pub fn read(r: &mut Reader<'_>) -> DecodeResult<Self> {
        let n = r.count(1)?;
        match r.take(1)?.first() {
            Some(&PLAIN) => Self::read_plain(r, n),
            Some(&FRONT_CODED) => Self::read_front_coded(r, n),
            _ => Err("unknown string column encoding".to_string()),
        }
    }

    fn read_plain(r: &mut Reader<'_>, n: usize) -> DecodeResult<Self> {
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        let mut total = 0u32;
        for _ in 0..n {
            total = total
                .checked_add(r.varint()?)
                .filter(|&t| t as usize <= r.remaining())
                .ok_or_else(|| "string lengths run past the end".to_string())?;
            offsets.push(total);
        }
        let text = std::str::from_utf8(r.take(total as usize)?)
            .map_err(|_| "a string column is not UTF-8".to_string())?;
        if offsets.iter().any(|&o| !text.is_char_boundary(o as usize)) {
            return Err("a string boundary splits a character".to_string());
        }
        Ok(StrColumn {
            text: text.to_string(),
            offsets,
        })
    }

    fn read_front_coded(r: &mut Reader<'_>, n: usize) -> DecodeResult<Self> {
        if n.saturating_mul(2) > r.remaining() {
            return Err(format!(
                "claims {n} strings but only {} bytes are left",
                r.remaining()
            ));
        }
        let mut shared = Vec::with_capacity(n);
        for _ in 0..n {
            shared.push(r.varint()? as usize);
        }
        let mut suffix_lens = Vec::with_capacity(n);
        let mut total = 0usize;
        for _ in 0..n {
            let len = r.varint()? as usize;
            total = total
                .checked_add(len)
                .filter(|&t| t <= r.remaining())
                .ok_or_else(|| "string lengths run past the end".to_string())?;
            suffix_lens.push(len);
        }
        let mut bytes: Vec<u8> = Vec::with_capacity(total + n * 8);
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        let mut prev_start = 0usize;
        for (&shared, &len) in shared.iter().zip(&suffix_lens) {
            let start = bytes.len();
            if shared > start - prev_start {
                return Err("a string shares more than the previous one has".to_string());
            }
            bytes.extend_from_within(prev_start..prev_start + shared);
            bytes.extend_from_slice(r.take(len)?);
            if bytes.len() > u32::MAX as usize {
                return Err("a string column is too large".to_string());
            }
            offsets.push(bytes.len() as u32);
            prev_start = start;
        }
        let text =
            String::from_utf8(bytes).map_err(|_| "a string column is not UTF-8".to_string())?;
        if offsets.iter().any(|&o| !text.is_char_boundary(o as usize)) {
            return Err("a string boundary splits a character".to_string());
        }
        Ok(StrColumn { text, offsets })
    }
}

const PLAIN: u8 = 0;
const FRONT_CODED: u8 = 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_reject_overflow() {
        let values = [0u32, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut w = Writer::default();
        for v in values {
            w.varint(v);
        }
        let mut r = Reader::new(&w.bytes);
        for v in values {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert!(r.is_at_end());
        assert!(Reader::new(&[0xFF, 0xFF, 0xFF, 0xFF, 0x1F])
            .varint()
            .is_err());
        assert!(Reader::new(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
            .varint()
            .is_err());
        assert!(Reader::new(&[0x80]).varint().is_err());
    }

    #[test]
    fn string_columns_round_trip_and_search() {
        let col = StrColumn::build(["alpha", "", "beta", "ünï"]);
        let mut w = Writer::default();
        col.write(&mut w);
        let back = StrColumn::read(&mut Reader::new(&w.bytes)).unwrap();
        assert_eq!(back, col);
        assert_eq!(back.get(3), "ünï");
        assert_eq!(back.get_opt(1), None);
        assert_eq!(back.get(99), "");
        let sorted = StrColumn::build(["a", "b", "d"]);
        assert_eq!(sorted.find_sorted("b"), Some(1));
        assert_eq!(sorted.find_sorted("c"), None);
    }

    #[test]
    fn front_coding_shares_prefixes() {
        let col = StrColumn::build([
            "https://www.politifact.com/a/",
            "https://www.politifact.com/b/",
            "https://www.politifact.com/b/",
            "ü1",
            "ü2",
        ]);
        let mut w = Writer::default();
        col.write(&mut w);
        assert!(w.bytes.len() < 29 + 3 + 8 + 20, "{} bytes", w.bytes.len());
        assert_eq!(StrColumn::read(&mut Reader::new(&w.bytes)).unwrap(), col);
    }

    #[test]
    fn unshared_strings_are_written_plain() {
        let col = StrColumn::build(["apple", "banana", "cherry", ""]);
        let mut w = Writer::default();
        col.write(&mut w);
        assert_eq!(w.bytes[4], PLAIN);
        assert_eq!(StrColumn::read(&mut Reader::new(&w.bytes)).unwrap(), col);
    }

    #[test]
    fn corrupt_string_columns_are_errors() {
        let cases: [&[u8]; 9] = [
            // Count too large for the bytes present.
            &[0xFF, 0xFF, 0xFF, 0x7F, 1],
            // Unknown encoding.
            &[1, 0, 0, 0, 7, 1, b'a'],
            // Front-coded: lengths adding up past the end.
            &[1, 0, 0, 0, 1, 0, 3, b'a', b'b'],
            // Front-coded: sharing more than the previous string has.
            &[2, 0, 0, 0, 1, 0, 5, 1, 1, b'a', b'b'],
            // Front-coded: a boundary splitting a multi-byte character.
            &[2, 0, 0, 0, 1, 0, 0, 1, 1, 0xC3, 0xBC],
            // Front-coded: not UTF-8.
            &[1, 0, 0, 0, 1, 0, 1, 0xFF],
            // Plain: lengths past the end.
            &[1, 0, 0, 0, 0, 3, b'a'],
            // Plain: a boundary splitting a character.
            &[2, 0, 0, 0, 0, 1, 1, 0xC3, 0xBC],
            // Plain: not UTF-8.
            &[1, 0, 0, 0, 0, 1, 0xFF],
        ];
        for bytes in cases {
            assert!(
                StrColumn::read(&mut Reader::new(bytes)).is_err(),
                "{bytes:?}"
            );
        }
    }
}
