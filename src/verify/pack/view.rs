//! Bounds-checked views into a loaded pack file: fixed-width little-endian
//! arrays and string columns, read in place. Loading a pack checks their
//! sizes; every read is checked again, so a view never panics and never
//! reads outside its section. Strings are checked to be UTF-8 when read
//! (a damaged one reads as empty), which keeps loading a pass over offsets
//! rather than over every byte of text.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use super::codec::Writer;

/// The bytes of a whole pack file, shared by the views into it.
pub type File = Arc<Vec<u8>>;

/// One section of the file.
#[derive(Clone, PartialEq)]
pub struct Window {
    file: File,
    start: usize,
    end: usize,
}

impl Window {
    /// The window `start..end` of `file`, if it lies inside it.
    pub fn new(file: &File, start: usize, end: usize) -> Option<Window> {
        (start <= end && end <= file.len()).then(|| Window {
            file: Arc::clone(file),
            start,
            end,
        })
    }

    pub fn bytes(&self) -> &[u8] {
        self.file.get(self.start..self.end).unwrap_or(&[])
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The sub-window `from..to`, relative to this one.
    pub fn slice(&self, from: usize, to: usize) -> Option<Window> {
        let start = self.start.checked_add(from)?;
        let end = self.start.checked_add(to)?;
        (end <= self.end).then_some(())?;
        Window::new(&self.file, start, end)
    }
}

impl fmt::Debug for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Window({}..{})", self.start, self.end)
    }
}

/// A number stored in the file as `SIZE` little-endian bytes.
pub trait Fixed: Copy + Default {
    const SIZE: usize;
    fn read(bytes: &[u8]) -> Self;
    fn write(self, w: &mut Writer);
}

macro_rules! fixed {
    ($($t:ty),*) => {$(
        impl Fixed for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            /// `bytes` holds exactly one number (0 if it is short).
            #[inline]
            fn read(bytes: &[u8]) -> Self {
                // An array by value, not `copy_from_slice`: at the WASM's
                // opt-level "s" that stays a call to memcpy per number read,
                // which made loading a pack 40 times slower than natively.
                bytes
                    .first_chunk::<{ std::mem::size_of::<$t>() }>()
                    .map_or_else(Self::default, |le| <$t>::from_le_bytes(*le))
            }
            fn write(self, w: &mut Writer) {
                w.bytes.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
fixed!(u16, u32, i32, f32);

/// An array of fixed-width numbers.
#[derive(Clone, PartialEq)]
pub struct Array<T> {
    window: Window,
    of: PhantomData<T>,
}

impl<T: Fixed> Array<T> {
    /// `n` numbers at the start of `window`; the rest of it is returned.
    pub fn take(window: &Window, n: usize) -> Option<(Array<T>, Window)> {
        let size = n.checked_mul(T::SIZE)?;
        let array = Array {
            window: window.slice(0, size)?,
            of: PhantomData,
        };
        Some((array, window.slice(size, window.len())?))
    }

    pub fn len(&self) -> usize {
        self.window.len() / T::SIZE
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<T> {
        let start = i.checked_mul(T::SIZE)?;
        self.window.bytes().get(start..start + T::SIZE).map(T::read)
    }

    /// Every number, in order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.window.bytes().chunks_exact(T::SIZE).map(T::read)
    }

    /// The numbers `from..to` (none when out of range).
    pub fn range(&self, from: usize, to: usize) -> Slice<'_, T> {
        let bytes = from
            .checked_mul(T::SIZE)
            .zip(to.checked_mul(T::SIZE))
            .and_then(|(a, b)| self.window.bytes().get(a..b))
            .unwrap_or(&[]);
        Slice {
            bytes,
            of: PhantomData,
        }
    }
}

/// Part of an [`Array`].
#[derive(Clone, Copy)]
pub struct Slice<'a, T> {
    bytes: &'a [u8],
    of: PhantomData<T>,
}

impl<'a, T: Fixed + 'a> Slice<'a, T> {
    pub fn len(&self) -> usize {
        self.bytes.len() / T::SIZE
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<T> {
        let start = i.checked_mul(T::SIZE)?;
        self.bytes.get(start..start + T::SIZE).map(T::read)
    }

    pub fn iter(&self) -> impl Iterator<Item = T> + 'a {
        self.bytes.chunks_exact(T::SIZE).map(T::read)
    }
}

impl<T> fmt::Debug for Array<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Array({:?})", self.window)
    }
}

/// Writes `values` as an array.
pub fn write_array<T: Fixed>(w: &mut Writer, values: impl IntoIterator<Item = T>) {
    for v in values {
        v.write(w);
    }
}

/// Strings stored back to back: a u32 count `n`, `n + 1` u32 offsets into
/// the text (the first 0, never decreasing, the last its length), the text.
#[derive(Clone, PartialEq, Debug)]
pub struct Strings {
    offsets: Array<u32>,
    text: Window,
}

impl Strings {
    /// Reads a column that fills `window` exactly.
    pub fn read(window: &Window) -> Result<Strings, String> {
        let (count, rest) = Array::<u32>::take(window, 1).ok_or("no string count")?;
        let n = count.get(0).unwrap_or(0) as usize;
        let (offsets, text) = n
            .checked_add(1)
            .and_then(|n| Array::<u32>::take(&rest, n))
            .ok_or_else(|| format!("{n} strings do not fit in {} bytes", window.len()))?;
        let mut previous = 0;
        for (i, offset) in offsets.iter().enumerate() {
            if (i == 0 && offset != 0) || offset < previous {
                return Err("string offsets go backwards".to_string());
            }
            previous = offset;
        }
        if previous as usize != text.len() {
            return Err("the string offsets do not end at the end of the text".to_string());
        }
        Ok(Strings { offsets, text })
    }

    pub fn write<'s>(w: &mut Writer, values: impl IntoIterator<Item = &'s str> + Clone) {
        let n = values.clone().into_iter().count();
        w.u32(n as u32);
        let mut offset = 0u32;
        w.u32(0);
        for v in values.clone() {
            offset += v.len() as u32;
            w.u32(offset);
        }
        for v in values {
            w.bytes.extend_from_slice(v.as_bytes());
        }
    }

    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes of the `i`th string (empty when out of range).
    pub fn get_bytes(&self, i: usize) -> &[u8] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(start), Some(end)) => self
                .text
                .bytes()
                .get(start as usize..end as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The `i`th string; `""` when out of range or not UTF-8.
    pub fn get(&self, i: usize) -> &str {
        std::str::from_utf8(self.get_bytes(i)).unwrap_or("")
    }

    pub fn get_opt(&self, i: usize) -> Option<&str> {
        Some(self.get(i)).filter(|s| !s.is_empty())
    }

    /// Binary search in a column whose strings are sorted (UTF-8 sorts as bytes).
    pub fn find_sorted(&self, key: &str) -> Option<u32> {
        let key = key.as_bytes();
        let (mut lo, mut hi) = (0usize, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get_bytes(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }

    /// Whether every string sorts strictly after the one before it.
    pub fn is_sorted_unique(&self) -> bool {
        (1..self.len()).all(|i| self.get_bytes(i - 1) < self.get_bytes(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window_of(bytes: Vec<u8>) -> Window {
        let file: File = Arc::new(bytes);
        let len = file.len();
        Window::new(&file, 0, len).unwrap()
    }

    #[test]
    fn string_columns_round_trip_and_search() {
        let mut w = Writer::default();
        Strings::write(&mut w, ["a", "", "beta", "ünï"]);
        let column = Strings::read(&window_of(w.bytes)).unwrap();
        assert_eq!(column.len(), 4);
        assert_eq!(column.get(3), "ünï");
        assert_eq!(column.get_opt(1), None);
        assert_eq!(column.get(99), "");
        assert_eq!(column.find_sorted("beta"), Some(2));
        assert_eq!(column.find_sorted("c"), None);
        assert!(!column.is_sorted_unique(), "\"\" after \"a\"");
    }

    #[test]
    fn corrupt_string_columns_are_errors_and_bad_text_reads_empty() {
        let cases: [&[u8]; 5] = [
            &[],
            &[0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0],
            &[1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, b'a'],
            &[1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, b'a'],
            &[2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, b'a', b'b'],
        ];
        for bytes in cases {
            assert!(
                Strings::read(&window_of(bytes.to_vec())).is_err(),
                "{bytes:?}"
            );
        }
        let split = Strings::read(&window_of(vec![
            2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0xC3, 0xBC,
        ]))
        .unwrap();
        assert_eq!((split.get(0), split.get(1)), ("", ""));
    }

    #[test]
    fn arrays_read_in_place_and_out_of_range_is_none() {
        let mut w = Writer::default();
        write_array(&mut w, [1u32, 70_000, u32::MAX]);
        w.bytes.push(9);
        let (array, rest) = Array::<u32>::take(&window_of(w.bytes), 3).unwrap();
        assert_eq!(array.iter().collect::<Vec<_>>(), [1, 70_000, u32::MAX]);
        assert_eq!(array.get(3), None);
        assert_eq!(rest.bytes(), [9]);
        assert_eq!(array.range(1, 2).iter().collect::<Vec<_>>(), [70_000]);
        assert_eq!(array.range(1, 2).get(0), Some(70_000));
        assert!(array.range(2, 9).is_empty());
        assert!(Array::<u32>::take(&rest, 1).is_none());
    }
}
