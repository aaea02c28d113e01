//! A cheap scan of the source before parsing, for the errors CPython's
//! tokenizer reports and the parser we use does not (or words differently):
//! null bytes, more than 200 nested brackets, unmatched or mismatched
//! closing brackets, inconsistent tabs and spaces, too deep indentation.
//! It also records where top-level brackets open and close, so a parse
//! error inside an unclosed bracket can be reported as CPython does
//! (`'(' was never closed`).
//!
//! Strings and comments are skipped; inside f-strings only the extent of
//! replacement fields is tracked (their brackets are not counted).

use ruff_text_size::{TextRange, TextSize};

use super::error::{ErrorKind, SyntaxErr};

/// CPython's tokenizer limit on nested brackets (`MAXLEVEL`).
pub(crate) const MAX_NESTED_BRACKETS: usize = 200;
/// CPython's tokenizer limit on indentation levels (`MAXINDENT`).
const MAX_INDENT: usize = 100;
const TABSIZE: u32 = 8;

/// A top-level bracket: where it opens, where it closes (`None` if never).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bracket {
    pub open: u32,
    pub close: Option<u32>,
    pub ch: u8,
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// The first tokenizer-level error.
    pub error: Option<SyntaxErr>,
    /// The error must be reported before (instead of) parsing.
    pub fatal: bool,
    pub brackets: Vec<Bracket>,
}

impl Scan {
    /// The innermost bracket open at byte `offset` (opened before it and not
    /// closed before it).
    pub(crate) fn open_bracket_at(&self, offset: u32) -> Option<Bracket> {
        let mut best: Option<Bracket> = None;
        for b in &self.brackets {
            if b.open >= offset {
                break;
            }
            if b.close.is_none_or(|c| c >= offset) {
                best = Some(*b);
            }
        }
        best
    }
}

enum Ctx {
    /// Inside a string literal.
    Str { quote: u8, triple: bool, fstr: bool },
    /// Inside an f-string replacement field (code), at bracket depth `depth`.
    Field { depth: u32 },
    /// Inside a format spec of a replacement field.
    Spec,
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(TextSize::new(start as u32), TextSize::new(end.max(start) as u32))
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// Whether the identifier characters just before a quote at `i` are a
/// string prefix; returns (is prefix, is an f- or t-string).
fn string_prefix(b: &[u8], i: usize) -> (bool, bool) {
    let mut s = i;
    while s > 0 && is_ident(b[s - 1]) {
        s -= 1;
    }
    let p = &b[s..i];
    if p.is_empty() {
        return (true, false);
    }
    if p.len() > 2 || !p.iter().all(|c| matches!(c.to_ascii_lowercase(), b'r' | b'b' | b'u' | b'f' | b't')) {
        return (false, false);
    }
    (true, p.iter().any(|c| matches!(c.to_ascii_lowercase(), b'f' | b't')))
}

fn closing_for(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// The PEP 263 encoding declaration (`# -*- coding: NAME -*-`) on the
/// first or second line: the name and its byte range.
fn coding_cookie(src: &str) -> Option<(&str, usize, usize)> {
    let mut offset = 0;
    for (n, line) in src.split_inclusive('\n').take(2).enumerate() {
        let t = line.trim_start_matches([' ', '\t', '\x0c']);
        if let Some(comment) = t.strip_prefix('#') {
            if let Some(i) = comment.find("coding") {
                let rest = &comment[i + 6..];
                if let Some(rest) = rest.strip_prefix([':', '=']) {
                    let rest = rest.trim_start_matches([' ', '\t']);
                    let len = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.'))
                        .unwrap_or(rest.len());
                    if len > 0 {
                        let start = offset + (line.len() - rest.len());
                        return Some((&rest[..len], start, start + len));
                    }
                }
            }
        } else if n == 1 || !t.trim().is_empty() {
            return None;
        }
        offset += line.len();
    }
    None
}

/// Encodings whose declaration we accept (the source is already decoded).
fn is_known_encoding(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace('_', "-");
    matches!(
        n.as_str(),
        "utf-8"
            | "utf8"
            | "utf-8-sig"
            | "u8"
            | "utf"
            | "ascii"
            | "us-ascii"
            | "646"
            | "latin-1"
            | "latin1"
            | "l1"
            | "iso-8859-1"
            | "iso8859-1"
            | "8859"
            | "cp819"
            | "iso-latin-1"
            | "iso-8859-15"
            | "iso8859-15"
            | "latin9"
            | "cp1252"
            | "windows-1252"
    ) || n.starts_with("utf-8-")
        || n.starts_with("latin-1-")
        || n.starts_with("iso-8859-1-")
}

pub(crate) fn scan(src: &str) -> Scan {
    let b = src.as_bytes();
    let n = b.len();
    let mut out = Scan::default();
    if let Some(p) = b.iter().position(|&c| c == 0) {
        let mut e = SyntaxErr::new("source code cannot contain null bytes", range(p, p));
        e.no_text = true;
        out.error = Some(e);
        out.fatal = true;
        return out;
    }
    if let Some((name, start, end)) = coding_cookie(src) {
        if !is_known_encoding(name) {
            let mut e = SyntaxErr::new(format!("encoding problem: {name}"), range(start, end));
            e.no_text = true;
            out.error = Some(e);
            out.fatal = true;
            return out;
        }
    }
    let line_of = |pos: usize| b[..pos.min(n)].iter().filter(|&&c| c == b'\n').count() + 1;
    let line_end = |pos: usize| {
        let mut e = pos;
        while e < n && b[e] != b'\n' && b[e] != b'\r' {
            e += 1;
        }
        e
    };

    // (bracket char, offset, index in out.brackets)
    let mut stack: Vec<(u8, usize, usize)> = Vec::new();
    let mut ctx: Vec<Ctx> = Vec::new();
    let mut indstack: Vec<u32> = vec![0];
    let mut altindstack: Vec<u32> = vec![0];
    let mut at_line_start = true;
    let mut i = 0;

    while i < n {
        let c = b[i];
        match ctx.last_mut() {
            None => {
                if at_line_start && stack.is_empty() {
                    at_line_start = false;
                    let (mut col, mut altcol) = (0u32, 0u32);
                    let mut cont_col = 0u32;
                    let mut j = i;
                    while j < n {
                        match b[j] {
                            b' ' => {
                                col += 1;
                                altcol += 1;
                            }
                            b'\t' => {
                                col = (col / TABSIZE + 1) * TABSIZE;
                                altcol += 1;
                            }
                            b'\x0c' => {
                                col = 0;
                                altcol = 0;
                            }
                            b'\\' if matches!(b.get(j + 1), Some(b'\n' | b'\r')) => {
                                if cont_col == 0 {
                                    cont_col = col;
                                }
                                j += 1;
                                if b[j] == b'\r' && b.get(j + 1) == Some(&b'\n') {
                                    j += 1;
                                }
                            }
                            _ => break,
                        }
                        j += 1;
                    }
                    let blank = j >= n || matches!(b[j], b'#' | b'\n' | b'\r');
                    if !blank {
                        if cont_col != 0 {
                            col = cont_col;
                            altcol = cont_col;
                        }
                        let top = indstack.len() - 1;
                        let tab_error = || {
                            SyntaxErr::with_kind(
                                ErrorKind::TabError,
                                "inconsistent use of tabs and spaces in indentation",
                                range(i, i),
                            )
                        };
                        if col == indstack[top] {
                            if altcol != altindstack[top] {
                                out.error = Some(tab_error());
                                return out;
                            }
                        } else if col > indstack[top] {
                            if indstack.len() >= MAX_INDENT {
                                let e = line_end(j);
                                out.error = Some(SyntaxErr::with_kind(
                                    ErrorKind::IndentationError,
                                    "too many levels of indentation",
                                    range(e, e),
                                ));
                                return out;
                            }
                            if altcol <= altindstack[top] {
                                out.error = Some(tab_error());
                                return out;
                            }
                            indstack.push(col);
                            altindstack.push(altcol);
                        } else {
                            while indstack.len() > 1 && col < *indstack.last().unwrap_or(&0) {
                                indstack.pop();
                                altindstack.pop();
                            }
                            let top = indstack.len() - 1;
                            if col != indstack[top] {
                                let e = line_end(j);
                                out.error = Some(SyntaxErr::with_kind(
                                    ErrorKind::IndentationError,
                                    "unindent does not match any outer indentation level",
                                    range(e, e),
                                ));
                                return out;
                            }
                            if altcol != altindstack[top] {
                                out.error = Some(tab_error());
                                return out;
                            }
                        }
                    }
                    i = j;
                    continue;
                }
                match c {
                    b'#' => {
                        i = line_end(i);
                        continue;
                    }
                    b'\n' | b'\r' => {
                        if stack.is_empty() {
                            at_line_start = true;
                        }
                        if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\\' => {
                        if matches!(b.get(i + 1), Some(b'\n' | b'\r')) {
                            i += 1;
                            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                                i += 1;
                            }
                        }
                    }
                    b'\'' | b'"' => {
                        let (is_prefix, fstr) = string_prefix(b, i);
                        if is_prefix {
                            let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                            ctx.push(Ctx::Str { quote: c, triple, fstr });
                            i += if triple { 3 } else { 1 };
                            continue;
                        }
                    }
                    b'(' | b'[' | b'{' => {
                        if stack.len() >= MAX_NESTED_BRACKETS {
                            out.error = Some(SyntaxErr::new("too many nested parentheses", range(i, i)));
                            out.fatal = true;
                            return out;
                        }
                        stack.push((c, i, out.brackets.len()));
                        out.brackets.push(Bracket { open: i as u32, close: None, ch: c });
                    }
                    b')' | b']' | b'}' => match stack.pop() {
                        None => {
                            out.error = Some(SyntaxErr::new(format!("unmatched '{}'", c as char), range(i, i + 1)));
                            return out;
                        }
                        Some((open, pos, idx)) => {
                            if closing_for(open) != c {
                                let msg = if line_of(pos) != line_of(i) {
                                    format!(
                                        "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                        c as char,
                                        open as char,
                                        line_of(pos)
                                    )
                                } else {
                                    format!(
                                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                        c as char, open as char
                                    )
                                };
                                out.error = Some(SyntaxErr::new(msg, range(i, i + 1)));
                                return out;
                            }
                            out.brackets[idx].close = Some(i as u32);
                        }
                    },
                    _ => {}
                }
                i += 1;
            }
            Some(Ctx::Str { quote, triple, fstr }) => {
                let (quote, triple, fstr) = (*quote, *triple, *fstr);
                if c == b'\\' {
                    i += 2;
                } else if c == quote && (!triple || (b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c))) {
                    ctx.pop();
                    i += if triple { 3 } else { 1 };
                } else if !triple && (c == b'\n' || c == b'\r') {
                    // Unterminated: the parser reports it.
                    ctx.pop();
                } else if fstr && (c == b'{' || c == b'}') {
                    if b.get(i + 1) == Some(&c) {
                        i += 2;
                    } else {
                        if c == b'{' {
                            ctx.push(Ctx::Field { depth: 0 });
                        }
                        i += 1;
                    }
                } else {
                    i += 1;
                }
            }
            Some(Ctx::Field { depth }) => {
                match c {
                    b'\'' | b'"' => {
                        let (_, fstr) = string_prefix(b, i);
                        let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                        ctx.push(Ctx::Str { quote: c, triple, fstr });
                        i += if triple { 3 } else { 1 };
                        continue;
                    }
                    b'(' | b'[' | b'{' => *depth += 1,
                    b')' | b']' => *depth = depth.saturating_sub(1),
                    b'}' => {
                        if *depth == 0 {
                            ctx.pop();
                        } else {
                            *depth -= 1;
                        }
                    }
                    b':' if *depth == 0 => {
                        ctx.pop();
                        ctx.push(Ctx::Spec);
                    }
                    _ => {}
                }
                i += 1;
            }
            Some(Ctx::Spec) => {
                match c {
                    b'\\' => i += 1,
                    b'{' => ctx.push(Ctx::Field { depth: 0 }),
                    b'}' => {
                        ctx.pop();
                    }
                    b'\n' | b'\r' | b'\'' | b'"' => {
                        // A spec cannot span a single-quoted string's end:
                        // leave the field and let the string context decide.
                        ctx.pop();
                        continue;
                    }
                    _ => {}
                }
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(src: &str) -> Option<(String, bool)> {
        scan(src).error.map(|e| (e.msg, scan(src).fatal))
    }

    #[test]
    fn brackets() {
        assert_eq!(msg("x = (1,\n y)\n"), None);
        assert_eq!(msg("x = )\n").unwrap().0, "unmatched ')'");
        assert_eq!(msg("x = (]\n").unwrap().0, "closing parenthesis ']' does not match opening parenthesis '('");
        assert_eq!(
            msg("x = (\n]\n").unwrap().0,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1"
        );
        assert_eq!(msg(&"(".repeat(201)).unwrap(), ("too many nested parentheses".into(), true));
        assert_eq!(msg(&"(".repeat(200)), None);
        // Brackets in strings and comments do not count.
        assert_eq!(msg("x = '((' # )\ny = \"\"\"\n)\n\"\"\"\n"), None);
        assert_eq!(msg("x = f'{a[\"k\"]:{w}}' + f\"{'('}\"\n"), None);
        let s = scan("x = (1,\ny = 2\n");
        assert_eq!(s.brackets, vec![Bracket { open: 4, close: None, ch: b'(' }]);
        assert_eq!(s.open_bracket_at(10).map(|b| b.open), Some(4));
    }

    #[test]
    fn indentation() {
        assert_eq!(msg("if 1:\n\tx\n        y\n").unwrap().0, "inconsistent use of tabs and spaces in indentation");
        assert_eq!(
            msg("for x in y:\n    pass\n  z\n").unwrap().0,
            "unindent does not match any outer indentation level"
        );
        assert_eq!(msg("if 1:\n    x = (1,\n  2)\n    # c\n  \n    y\n"), None);
        let mut deep = String::new();
        for i in 0..101 {
            deep += &" ".repeat(i);
            deep += "if 1:\n";
        }
        assert_eq!(msg(&deep).unwrap().0, "too many levels of indentation");
    }

    #[test]
    fn encoding_cookies() {
        assert_eq!(msg("# -*- coding: no-such-codec -*-\nx = 1\n").unwrap().0, "encoding problem: no-such-codec");
        assert_eq!(msg("#!/usr/bin/env python\n# coding=utf-8\nx = 1\n"), None);
        assert_eq!(msg("# vim: set fileencoding=latin-1 :\n"), None);
        assert_eq!(msg("x = 1\n# coding: bogus\n"), None);
    }

    #[test]
    fn null_bytes() {
        assert_eq!(msg("x = 1\n\0\n").unwrap(), ("source code cannot contain null bytes".into(), true));
    }
}
