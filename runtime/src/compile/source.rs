//! Source positions: byte offsets (what the parser gives) to lines and
//! columns (what code objects and error messages use).

use ruff_text_size::{TextRange, TextSize};

use crate::bytecode::code::Location;

/// Line starts of one source text. Lines end at `\n`, `\r\n` or a lone
/// `\r`, as Python's tokenizer counts them.
pub(crate) struct SourceMap<'a> {
    text: &'a str,
    line_starts: Vec<u32>,
}

impl<'a> SourceMap<'a> {
    pub(crate) fn new(text: &'a str) -> SourceMap<'a> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap { text, line_starts }
    }

    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// 1-based line and 0-based byte column of a byte offset.
    pub(crate) fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let off = u32::from(offset).min(self.text.len() as u32);
        let idx = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (idx as u32 + 1, off - self.line_starts[idx])
    }

    /// The 1-based line number of a byte offset.
    pub(crate) fn line_of(&self, offset: TextSize) -> u32 {
        self.line_col(offset).0
    }

    /// The code-object location of a source range.
    pub(crate) fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start());
        let (end_line, end_col) = self.line_col(range.end());
        Location { line, end_line, col, end_col }
    }

    /// Byte range of line `line` (1-based) including its terminator.
    fn line_span(&self, line: u32) -> Option<(usize, usize)> {
        let i = line.checked_sub(1)? as usize;
        let start = *self.line_starts.get(i)? as usize;
        let end = self.line_starts.get(i + 1).map_or(self.text.len(), |&e| e as usize);
        Some((start, end))
    }

    /// The text of line `line` (1-based), with its line terminator.
    pub(crate) fn line_text(&self, line: u32) -> Option<&'a str> {
        let (s, e) = self.line_span(line)?;
        self.text.get(s..e)
    }

    /// 0-based character column of a byte column on `line`.
    pub(crate) fn char_col(&self, line: u32, byte_col: u32) -> u32 {
        match self.line_span(line) {
            Some((s, e)) => {
                let end = (s + byte_col as usize).min(e);
                let mut end = end;
                while end > s && !self.text.is_char_boundary(end) {
                    end -= 1;
                }
                self.text[s..end].chars().count() as u32
            }
            None => byte_col,
        }
    }

    /// The source text of a range (empty when out of bounds).
    pub(crate) fn slice(&self, range: TextRange) -> &'a str {
        self.text.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let m = SourceMap::new("ab\ncd\r\nef\rgh");
        assert_eq!(m.line_col(TextSize::new(0)), (1, 0));
        assert_eq!(m.line_col(TextSize::new(4)), (2, 1));
        assert_eq!(m.line_col(TextSize::new(7)), (3, 0));
        assert_eq!(m.line_col(TextSize::new(10)), (4, 0));
        assert_eq!(m.line_text(2), Some("cd\r\n"));
        let u = SourceMap::new("é = 1");
        assert_eq!(u.char_col(1, 3), 2);
    }
}
