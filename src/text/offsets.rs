//! Byte → UTF-16 offset conversion for one text. Briefs give UTF-16 offsets (what JavaScript and
//! DOM Ranges use) while Rust works in bytes; this map converts in O(log n) with memory
//! proportional to the number of non-ASCII characters only.

/// Converts byte offsets of one string to UTF-16 code-unit offsets.
#[derive(Debug, Clone, Default)]
pub struct Utf16Map {
    /// For each non-ASCII char: (byte offset just after it, bytes saved so far = bytes − units).
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Map {
    pub fn new(text: &str) -> Utf16Map {
        let mut checkpoints = Vec::new();
        let mut saved = 0usize;
        for (i, c) in text.char_indices() {
            let bytes = c.len_utf8();
            if bytes > 1 {
                saved += bytes - c.len_utf16();
                checkpoints.push((i + bytes, saved));
            }
        }
        Utf16Map { checkpoints }
    }

    /// The UTF-16 offset of `byte`, a char boundary of the text the map was built from.
    pub fn to_utf16(&self, byte: usize) -> usize {
        // Number of checkpoints at or before `byte`.
        let n = self.checkpoints.partition_point(|&(end, _)| end <= byte);
        let saved = if n == 0 { 0 } else { self.checkpoints[n - 1].1 };
        byte - saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn matches_encode_utf16_at_every_boundary() {
        let text = "a’b 😀 c — é 中文 z";
        let map = Utf16Map::new(text);
        for (i, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(map.to_utf16(i), reference(text, i), "at byte {i}");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let map = Utf16Map::new("plain ascii");
        assert_eq!(map.to_utf16(5), 5);
    }
}
