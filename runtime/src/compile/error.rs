//! Compile errors: what `SyntaxError` and friends carry, printed the way
//! CPython prints an uncaught `SyntaxError`.

use std::fmt;

use ruff_text_size::TextRange;

use super::source::SourceMap;

/// The exception class a compile error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    /// The Python exception class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A compile error with CPython's `SyntaxError` attributes: `line`/`col`
/// are `lineno`/`offset` (1-based; the column counts characters),
/// `end_line`/`end_col` are `end_lineno`/`end_offset` (exclusive), `text`
/// is the source line (with its newline, like CPython's `text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub text: Option<String>,
}

impl std::error::Error for CompileError {}

/// Prints like CPython's report of an uncaught `SyntaxError` (the
/// `traceback` module's layout), ending with a newline:
///
/// ```text
///   File "x.py", line 3
///     x = (1,
///         ^
/// SyntaxError: '(' was never closed
/// ```
impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        }
        if let Some(text) = &self.text {
            let rtext = text.trim_end_matches(['\n', '\r']);
            let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
            let spaces = rtext.chars().count() - ltext.chars().count();
            writeln!(f, "    {ltext}")?;
            if self.col > 0 {
                let offset = self.col as i64;
                let mut end = if self.end_col == 0 || self.end_line != self.line {
                    if self.end_line > self.line {
                        // The range runs past this line: underline to its end.
                        rtext.chars().count() as i64 + 1
                    } else {
                        offset
                    }
                } else {
                    self.end_col as i64
                };
                if end <= offset {
                    end = offset + 1;
                }
                let colno = offset - 1 - spaces as i64;
                let end_colno = end - 1 - spaces as i64;
                if colno >= 0 {
                    let caretspace: String =
                        ltext.chars().take(colno as usize).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
                    let n = (end_colno - colno).max(1) as usize;
                    writeln!(f, "    {caretspace}{}", "^".repeat(n))?;
                }
            }
        }
        if self.line == 0 {
            writeln!(f, "{}: {} ({})", self.kind.name(), self.msg, self.filename)
        } else {
            writeln!(f, "{}: {}", self.kind.name(), self.msg)
        }
    }
}

/// An error inside the compiler, positioned by a byte range of the source;
/// turned into a `CompileError` at the API boundary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxErr {
    pub kind: ErrorKind,
    pub msg: String,
    pub range: TextRange,
    /// Report no text line and no caret (e.g. null bytes).
    pub no_text: bool,
}

impl SyntaxErr {
    pub(crate) fn new(msg: impl Into<String>, range: TextRange) -> SyntaxErr {
        SyntaxErr { kind: ErrorKind::SyntaxError, msg: msg.into(), range, no_text: false }
    }

    pub(crate) fn with_kind(kind: ErrorKind, msg: impl Into<String>, range: TextRange) -> SyntaxErr {
        SyntaxErr { kind, msg: msg.into(), range, no_text: false }
    }

    pub(crate) fn into_compile_error(mut self, src: &SourceMap, filename: &str) -> CompileError {
        // A range ending in a line terminator ends on that line (CPython
        // reports errors at a newline as a point at the end of the line).
        let text = src.slice(self.range);
        let trimmed = text.trim_end_matches(['\n', '\r']).len();
        if trimmed < text.len() {
            self.range =
                TextRange::new(self.range.start(), self.range.start() + ruff_text_size::TextSize::new(trimmed as u32));
        }
        // An error at the end of a file that ends with a newline is at the
        // end of the last line (the last token), as CPython reports it.
        let len = src.text().len() as u32;
        if u32::from(self.range.start()) == len && len > 0 && src.text().ends_with(['\n', '\r']) {
            let t = src.text().trim_end_matches(['\n', '\r']);
            let p = ruff_text_size::TextSize::new(t.len() as u32);
            self.range = TextRange::new(p, p);
        }
        let (line, bcol) = src.line_col(self.range.start());
        let (end_line, end_bcol) = src.line_col(self.range.end());
        let col = src.char_col(line, bcol) + 1;
        let end_col = if self.range.is_empty() { col } else { src.char_col(end_line, end_bcol) + 1 };
        let text = if self.no_text { None } else { src.line_text(line).map(str::to_string) };
        CompileError {
            kind: self.kind,
            msg: self.msg,
            filename: filename.to_string(),
            line,
            col: if self.no_text { 0 } else { col },
            end_line,
            end_col: if self.no_text { 0 } else { end_col },
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruff_text_size::TextSize;

    fn err(src: &str, msg: &str, start: u32, end: u32) -> String {
        let m = SourceMap::new(src);
        SyntaxErr::new(msg, TextRange::new(TextSize::new(start), TextSize::new(end)))
            .into_compile_error(&m, "x.py")
            .to_string()
    }

    #[test]
    fn display_matches_cpython_layout() {
        assert_eq!(
            err("a = 1\nx = (1,\ny = 2\n", "'(' was never closed", 10, 11),
            "  File \"x.py\", line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"
        );
        assert_eq!(
            err("def f(x):\n    global x\n", "name 'x' is parameter and global", 14, 22),
            "  File \"x.py\", line 2\n    global x\n    ^^^^^^^^\nSyntaxError: name 'x' is parameter and global\n"
        );
        // Carets count characters, not bytes.
        assert_eq!(
            err("print(1 +é 2)\n", "invalid syntax. Perhaps you forgot a comma?", 6, 13),
            "  File \"x.py\", line 1\n    print(1 +é 2)\n          ^^^^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"
        );
    }

    #[test]
    fn attributes_are_cpythons() {
        let m = SourceMap::new("f() = 3\n");
        let e = SyntaxErr::new("m", TextRange::new(TextSize::new(0), TextSize::new(3))).into_compile_error(&m, "x.py");
        assert_eq!((e.line, e.col, e.end_line, e.end_col), (1, 1, 1, 4));
        assert_eq!(e.text.as_deref(), Some("f() = 3\n"));
    }
}
