//! The offset contract, in one place.
//!
//! Inside the core every stage uses UTF-8 **byte** offsets into the article
//! text (Rust's native string indexing). Everything that crosses into
//! JavaScript or the CLI's JSON uses end-exclusive **UTF-16 code unit**
//! offsets, because that is what DOM `Range`s and JS strings count in.
//!
//! [`Utf16Index`] is the only converter. It is built once per string and
//! converts any byte offset on a char boundary in `O(log k)`, where `k` is the
//! number of non-ASCII characters (zero for ASCII text, where byte and UTF-16
//! offsets coincide).
//!
//! ```
//! use claimlens::spans::Utf16Index;
//! let text = "a€b😀c";
//! let index = Utf16Index::new(text);
//! // '€' is 3 bytes but 1 code unit; '😀' is 4 bytes but 2 code units.
//! assert_eq!(index.to_utf16(text.find('b').unwrap()), 2);
//! assert_eq!(index.to_utf16(text.find('c').unwrap()), 5);
//! assert_eq!(index.to_utf16(text.len()), 6);
//! ```

/// A byte range into a string, end-exclusive. The core's span type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub const fn new(start: usize, end: usize) -> Self {
        ByteSpan { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: ByteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The slice this span names. Panics only if the span is not on char
    /// boundaries of `text`, which would be a bug in the stage that made it.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Converts byte offsets of one string to UTF-16 code unit offsets.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// For each non-ASCII char: (byte offset just after it, cumulative number
    /// of bytes saved so far by counting in UTF-16 instead of UTF-8).
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            let mut saved = 0usize;
            for (i, c) in text.char_indices() {
                let utf8 = c.len_utf8();
                if utf8 > 1 {
                    saved += utf8 - c.len_utf16();
                    checkpoints.push((i + utf8, saved));
                }
            }
        }
        Utf16Index { checkpoints }
    }

    /// UTF-16 offset of byte offset `byte`, which must be a char boundary.
    pub fn to_utf16(&self, byte: usize) -> u32 {
        // Number of checkpoints at or before `byte` = chars fully before it.
        let k = self.checkpoints.partition_point(|&(end, _)| end <= byte);
        let saved = if k == 0 { 0 } else { self.checkpoints[k - 1].1 };
        (byte - saved) as u32
    }

    pub fn span(&self, span: ByteSpan) -> crate::analysis::Span {
        crate::analysis::Span {
            start: self.to_utf16(span.start),
            end: self.to_utf16(span.end),
        }
    }
}

/// Length of `text` in UTF-16 code units.
pub fn utf16_len(text: &str) -> u32 {
    text.chars().map(|c| c.len_utf16() as u32).sum()
}

/// Byte offset of UTF-16 offset `unit` in `text`, or `None` if it falls
/// inside a surrogate pair or past the end. Used for input coming from JS.
pub fn byte_offset_of_utf16(text: &str, unit: u32) -> Option<usize> {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units == unit {
            return Some(i);
        }
        units += c.len_utf16() as u32;
        if units > unit {
            return None;
        }
    }
    (units == unit).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_unchanged() {
        let index = Utf16Index::new("hello world");
        assert_eq!(index.to_utf16(0), 0);
        assert_eq!(index.to_utf16(5), 5);
        assert_eq!(index.to_utf16(11), 11);
    }

    #[test]
    fn every_char_boundary_matches_std_utf16_count() {
        let text = "Ünïcödé — “quotes” 😀 e\u{301} \u{200b}\u{202e}עברית\r\n\u{a0}end";
        let index = Utf16Index::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let expected = text[..i].encode_utf16().count() as u32;
            assert_eq!(index.to_utf16(i), expected, "at byte {i}");
            assert_eq!(byte_offset_of_utf16(text, expected), Some(i));
        }
        assert_eq!(utf16_len(text), text.encode_utf16().count() as u32);
    }

    #[test]
    fn utf16_offset_inside_surrogate_pair_is_rejected() {
        assert_eq!(byte_offset_of_utf16("a😀b", 2), None);
        assert_eq!(byte_offset_of_utf16("a😀b", 3), Some(5));
        assert_eq!(byte_offset_of_utf16("ab", 3), None);
    }
}
