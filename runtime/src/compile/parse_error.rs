//! Choosing the syntax error to report and wording it as CPython does.
//!
//! The parser recovers and may report several errors; CPython reports the
//! first one its tokenizer or parser meets, with some rules of its own: a
//! generic error inside an unclosed bracket becomes `'(' was never closed`,
//! and a tokenizer error later in the file wins over a generic parser error.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::Stmt;
use ruff_python_parser::{
    InterpolatedStringErrorType as FsErr, LexicalErrorType as Lex, ParseError, ParseErrorType as P,
    UnsupportedSyntaxError,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::ast_util::{expr_kind_name, find_expr, Site};
use super::error::{ErrorKind, SyntaxErr};
use super::prescan::Scan;
use super::source::SourceMap;

fn point(off: u32) -> TextRange {
    TextRange::empty(TextSize::new(off))
}

fn never_closed(scan: &Scan, src: &SourceMap, error_offset: u32, require_later_line: bool) -> Option<SyntaxErr> {
    // The bracket the tokenizer still has open at the end of the file.
    let open = scan.brackets.iter().rev().find(|b| b.close.is_none()).copied()?;
    if require_later_line && src.line_of(TextSize::new(error_offset)) <= src.line_of(TextSize::new(open.open)) {
        return None;
    }
    Some(SyntaxErr::new(
        format!("'{}' was never closed", open.ch as char),
        TextRange::new(TextSize::new(open.open), TextSize::new(open.open + 1)),
    ))
}

/// Whether CPython's tokenizer (not its parser) reports this error.
fn is_tokenizer_error(e: &P) -> bool {
    match e {
        P::Lexical(l) => !matches!(l, Lex::Eof | Lex::StringError),
        P::FStringError(FsErr::UnterminatedString | FsErr::UnterminatedTripleQuotedString) => true,
        _ => false,
    }
}

/// The error to report for a source that failed to parse or prescan.
pub(crate) fn choose(
    errors: &[ParseError],
    unsupported: &[UnsupportedSyntaxError],
    scan: &Scan,
    src: &SourceMap,
    body: &[Stmt],
) -> SyntaxErr {
    let first = errors.iter().min_by_key(|e| e.location.start());
    let first_unsupported = unsupported.iter().min_by_key(|e| e.range.start());
    let first_start = first.map(|e| u32::from(e.location.start()));

    if let Some(p) = &scan.error {
        // Tokenizer errors are found line by line: one on the line of the
        // parser's first error or before it wins.
        if first_start.is_none_or(|r| src.line_of(p.range.start()) <= src.line_of(TextSize::new(r))) {
            return p.clone();
        }
    }
    let Some(first) = first else {
        if let Some(u) = first_unsupported {
            return SyntaxErr::new(u.to_string(), u.range);
        }
        return SyntaxErr::new("invalid syntax", TextRange::default());
    };
    if let Some(u) = first_unsupported {
        if u.range.start() < first.location.start() {
            return SyntaxErr::new(u.to_string(), u.range);
        }
    }
    let start = u32::from(first.location.start());
    if matches!(first.error, P::Lexical(Lex::Eof)) {
        return never_closed(scan, src, start, false)
            .unwrap_or_else(|| SyntaxErr::new("unexpected EOF while parsing", first.location));
    }
    if !is_tokenizer_error(&first.error) {
        // CPython tokenizes the rest of the file after a parser error and
        // reports a tokenizer error found there instead.
        if let Some(p) = &scan.error {
            return p.clone();
        }
        if let Some(t) =
            errors.iter().find(|e| e.location.start() > first.location.start() && is_tokenizer_error(&e.error))
        {
            return map_error(t, src, body, scan);
        }
        if let Some(e) = never_closed(scan, src, start, true) {
            return e;
        }
    }
    map_error(first, src, body, scan)
}

fn backticks_to_quotes(s: &str) -> String {
    s.replace('`', "'")
}

fn fstring_message(e: &FsErr, src: &SourceMap, range: TextRange) -> String {
    match e {
        FsErr::UnclosedLbrace => "f-string: expecting '}'".into(),
        FsErr::InvalidConversionFlag => {
            match src.slice(range).chars().next().filter(|c| !c.is_whitespace() && *c != '}' && *c != ':') {
                Some(c) => format!("f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"),
                None => "f-string: missing conversion character".into(),
            }
        }
        FsErr::SingleRbrace => "f-string: single '}' is not allowed".into(),
        FsErr::UnterminatedString => {
            format!("unterminated f-string literal (detected at line {})", src.line_of(range.end()))
        }
        FsErr::UnterminatedTripleQuotedString => {
            format!("unterminated triple-quoted f-string literal (detected at line {})", last_line(src))
        }
        FsErr::LambdaWithoutParentheses => "f-string: lambda expressions are not allowed without parentheses".into(),
        FsErr::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: conversion type must come right after the exclamanation mark".into()
        }
        FsErr::NewlineInFormatSpec => {
            "f-string: newlines are not allowed in format specifiers for single quoted f-strings".into()
        }
    }
}

/// The start of the last compound statement or clause header before
/// `offset` (for "expected an indented block after ... on line N").
fn header_start(body: &[Stmt], offset: TextSize) -> Option<TextSize> {
    use ruff_python_ast as ast;
    let mut best: Option<TextSize> = None;
    let mut stack: Vec<(&[Stmt], u32)> = vec![(body, 0)];
    while let Some((stmts, depth)) = stack.pop() {
        if depth > 200 {
            continue;
        }
        for s in stmts {
            if s.range().start() >= offset {
                break;
            }
            let mut note = |t: TextSize| {
                if t < offset && best.is_none_or(|b| t > b) {
                    best = Some(t);
                }
            };
            match s {
                Stmt::FunctionDef(x) => {
                    note(x.range.start());
                    stack.push((&x.body, depth + 1));
                }
                Stmt::ClassDef(x) => {
                    note(x.range.start());
                    stack.push((&x.body, depth + 1));
                }
                Stmt::For(x) => {
                    note(x.range.start());
                    stack.push((&x.body, depth + 1));
                    stack.push((&x.orelse, depth + 1));
                }
                Stmt::While(x) => {
                    note(x.range.start());
                    stack.push((&x.body, depth + 1));
                    stack.push((&x.orelse, depth + 1));
                }
                Stmt::If(x) => {
                    note(x.range.start());
                    stack.push((&x.body, depth + 1));
                    for c in &x.elif_else_clauses {
                        note(c.range.start());
                        stack.push((&c.body, depth + 1));
                    }
                }
                Stmt::With(x) => {
                    note(x.range.start());
                    stack.push((&x.body, depth + 1));
                }
                Stmt::Try(x) => {
                    note(x.range.start());
                    stack.push((&x.body, depth + 1));
                    for h in &x.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        note(h.range.start());
                        stack.push((&h.body, depth + 1));
                    }
                    stack.push((&x.orelse, depth + 1));
                    stack.push((&x.finalbody, depth + 1));
                }
                Stmt::Match(x) => note(x.range.start()),
                _ => {}
            }
        }
    }
    best
}

fn header_line(src: &SourceMap, body: &[Stmt], offset: TextSize) -> u32 {
    if let Some(s) = header_start(body, offset) {
        return src.line_of(s);
    }
    let mut line = src.line_of(offset);
    while line > 1 {
        line -= 1;
        let t = src.line_text(line).unwrap_or("").trim();
        if !t.is_empty() && !t.starts_with('#') {
            return line;
        }
    }
    1
}

fn target_kind(body: &[Stmt], range: TextRange) -> (&'static str, Site) {
    match find_expr(body, range) {
        Some((e, site)) => (expr_kind_name(e), site),
        None => ("expression", Site::Other),
    }
}

fn map_error(e: &ParseError, src: &SourceMap, body: &[Stmt], scan: &Scan) -> SyntaxErr {
    let r = e.location;
    let text = src.slice(r);
    let simple = |m: &str| SyntaxErr::new(m, r);
    match &e.error {
        P::OtherError(m) => {
            if let Some(rest) = m.strip_prefix("Expected an indented block after ") {
                let msg = format!(
                    "expected an indented block after {} on line {}",
                    backticks_to_quotes(rest),
                    header_line(src, body, r.start())
                );
                SyntaxErr::with_kind(ErrorKind::IndentationError, msg, r)
            } else if m.starts_with("Expected `except` or `finally`") {
                simple("expected 'except' or 'finally' block")
            } else if m == "Expected a statement"
                || m == "Expected an identifier"
                || m.starts_with("Expected a parameter")
            {
                simple("invalid syntax")
            } else if m.starts_with("Only single target (not tuple)") {
                simple("only single target (not tuple) can be annotated")
            } else {
                simple(&backticks_to_quotes(m))
            }
        }
        P::ExpectedToken { expected, found } => match expected {
            TokenKind::Colon if matches!(found, TokenKind::Rbrace | TokenKind::Comma) => {
                simple("':' expected after dictionary key")
            }
            TokenKind::Colon => simple("expected ':'"),
            TokenKind::Comma if scan.open_bracket_at(u32::from(r.start())).is_some() => {
                if *found == TokenKind::Equal {
                    // `(a, b = 1)`: point from the name before `=`.
                    let t = src.text().as_bytes();
                    let mut s = usize::from(r.start());
                    while s > 0 && t[s - 1] == b' ' {
                        s -= 1;
                    }
                    while s > 0 && (t[s - 1].is_ascii_alphanumeric() || t[s - 1] == b'_') {
                        s -= 1;
                    }
                    SyntaxErr::new(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        TextRange::new(TextSize::new(s as u32), r.end()),
                    )
                } else {
                    simple("invalid syntax. Perhaps you forgot a comma?")
                }
            }
            TokenKind::Else => simple("expected 'else' after 'if' expression"),
            TokenKind::Indent => SyntaxErr::with_kind(ErrorKind::IndentationError, "expected an indented block", r),
            _ => simple("invalid syntax"),
        },
        P::ExpectedExpression
        | P::EmptySlice
        | P::EmptyGlobalNames
        | P::EmptyNonlocalNames
        | P::EmptyDeleteTargets
        | P::EmptyTypeParams
        | P::UnparenthesizedNamedExpression
        | P::UnparenthesizedTupleExpression
        | P::InvalidYieldExpressionUsage
        | P::InvalidLambdaExpressionUsage
        | P::UnexpectedTokenAfterAsync(_)
        | P::UnexpectedIpythonEscapeCommand
        | P::UnexpectedExpressionToken
        | P::SimpleAndCompoundStatementOnSameLine
        | P::ExpectedRealNumber
        | P::ExpectedImaginaryNumber
        | P::StringAnnotationError(_) => simple("invalid syntax"),
        P::SimpleStatementsOnSameLine => {
            let prev = usize::from(r.start()).checked_sub(1).and_then(|i| src.text().as_bytes().get(i)).copied();
            let starts_ident = text.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
            let line_start = {
                let t = &src.text()[..usize::from(r.start()).min(src.text().len())];
                t.rfind(['\n', '\r']).map_or(0, |i| i + 1)
            };
            let stmt = src.text()[line_start..usize::from(r.start()).min(src.text().len())].trim_start();
            if prev.is_some_and(|c| c.is_ascii_digit()) && starts_ident {
                simple("invalid decimal literal")
            } else if stmt.trim_end() == "print" || stmt.trim_end() == "exec" {
                let word = stmt.trim_end();
                let start = line_start + (src.text()[line_start..].len() - src.text()[line_start..].trim_start().len());
                let end = src.text()[start..].find(['\n', '\r']).map_or(src.text().len(), |i| start + i);
                SyntaxErr::new(
                    format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
                    TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32)),
                )
            } else {
                simple("invalid syntax")
            }
        }
        P::UnexpectedIndentation => SyntaxErr::with_kind(ErrorKind::IndentationError, "unexpected indent", r),
        P::InvalidAssignmentTarget => {
            let (kind, site) = target_kind(body, r);
            let before = src.text()[..usize::from(r.start()).min(src.text().len())].trim_end();
            let parenthesized = before.ends_with('(');
            let msg = match (kind, site) {
                ("yield expression", Site::AssignTarget | Site::LaterAssignTarget) if !parenthesized => {
                    "assignment to yield expression not possible".to_string()
                }
                ("True" | "False" | "None" | "list" | "tuple" | "generator expression" | "name", _)
                | (_, Site::Other | Site::LaterAssignTarget) => format!("cannot assign to {kind}"),
                (_, Site::AssignTarget) => {
                    format!("cannot assign to {kind} here. Maybe you meant '==' instead of '='?")
                }
            };
            SyntaxErr::new(msg, r)
        }
        P::InvalidAugmentedAssignmentTarget => {
            let (kind, _) = target_kind(body, r);
            simple(&format!("'{kind}' is an illegal expression for augmented assignment"))
        }
        P::InvalidDeleteTarget => {
            let (kind, _) = target_kind(body, r);
            simple(&format!("cannot delete {kind}"))
        }
        P::InvalidAnnotatedAssignmentTarget => {
            let (kind, _) = target_kind(body, r);
            match kind {
                "tuple" | "list" => simple(&format!("only single target (not {kind}) can be annotated")),
                _ => simple("illegal target for annotation"),
            }
        }
        P::InvalidNamedAssignmentTarget => {
            let (kind, _) = target_kind(body, r);
            simple(&format!("cannot use assignment expressions with {kind}"))
        }
        P::InvalidStarredExpressionUsage => simple("can't use starred expression here"),
        P::InvalidStarPatternUsage => simple("can't use starred pattern here"),
        P::InvalidMatchPatternTarget => simple("cannot use '_' as a target"),
        P::ParamAfterVarKeywordParam => simple("arguments cannot follow var-keyword argument"),
        P::NonDefaultParamAfterDefaultParam => simple("parameter without a default follows parameter with a default"),
        P::VarParameterWithDefault => simple("var-positional argument cannot have default value"),
        P::ExpectedKeywordParam => simple("named arguments must follow bare *"),
        P::PositionalAfterKeywordArgument => simple("positional argument follows keyword argument"),
        P::PositionalAfterKeywordUnpacking => simple("positional argument follows keyword argument unpacking"),
        P::InvalidArgumentUnpackingOrder => simple("iterable argument unpacking follows keyword argument unpacking"),
        P::IterableUnpackingInComprehension => simple("iterable unpacking cannot be used in comprehension"),
        P::UnparenthesizedGeneratorExpression => simple("Generator expression must be parenthesized"),
        P::EmptyImportNames => SyntaxErr::new("Expected one or more names after 'import'", point(u32::from(r.start()))),
        P::FStringError(f) | P::TStringError(f) => simple(&fstring_message(f, src, r)),
        P::Lexical(l) => map_lexical(l, r, src),
    }
}

/// The line of the last character of the source.
fn last_line(src: &SourceMap) -> u32 {
    let n = src.text().len() as u32;
    src.line_of(TextSize::new(n.saturating_sub(1)))
}

fn map_lexical(l: &Lex, r: TextRange, src: &SourceMap) -> SyntaxErr {
    let text = src.slice(r);
    let start = u32::from(r.start());
    match l {
        Lex::UnclosedStringError => {
            // Point at the opening quote (after any prefix).
            let q = text.find(['\'', '"']).unwrap_or(0) as u32;
            let quote_at = start + q;
            let rest = &text[q as usize..];
            let msg = if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
                format!("unterminated triple-quoted string literal (detected at line {})", last_line(src))
            } else {
                format!("unterminated string literal (detected at line {})", src.line_of(r.start()))
            };
            SyntaxErr::new(msg, point(quote_at))
        }
        Lex::IndentationError => {
            SyntaxErr::with_kind(ErrorKind::IndentationError, "unindent does not match any outer indentation level", r)
        }
        Lex::UnrecognizedToken { tok } => {
            if tok.is_ascii() {
                SyntaxErr::new("invalid syntax", r)
            } else {
                SyntaxErr::new(format!("invalid character '{tok}' (U+{:04X})", *tok as u32), point(start))
            }
        }
        Lex::LineContinuationError => {
            if src.text()[usize::from(r.start()).min(src.text().len())..].trim_start_matches('\\').is_empty() {
                SyntaxErr::new("unexpected EOF while parsing", point(start + 1))
            } else {
                SyntaxErr::new("unexpected character after line continuation character", point(start + 1))
            }
        }
        Lex::Eof => SyntaxErr::new("unexpected EOF while parsing", r),
        Lex::UnicodeError | Lex::MissingUnicodeLbrace | Lex::MissingUnicodeRbrace => SyntaxErr::new(
            "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape",
            r,
        ),
        Lex::InvalidByteLiteral => SyntaxErr::new("bytes can only contain ASCII literal characters", r),
        Lex::StringError => SyntaxErr::new("invalid syntax", r),
        Lex::FStringError(f) | Lex::TStringError(f) => SyntaxErr::new(fstring_message(f, src, r), r),
        Lex::OtherError(m) => {
            let lower = text.to_ascii_lowercase();
            let msg = if m.as_ref() == "Invalid decimal integer literal" {
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                    .to_string()
            } else if m.starts_with("ParseIntError") || m.as_ref() == "Invalid Syntax" {
                let next = src.text()[usize::from(r.end()).min(src.text().len())..].chars().next();
                let end = u32::from(r.end());
                let (kind, bad) = if lower.starts_with("0x") {
                    ("hexadecimal", None)
                } else if lower.starts_with("0o") {
                    ("octal", next.filter(|c| c.is_ascii_digit()))
                } else if lower.starts_with("0b") {
                    ("binary", next.filter(|c| c.is_ascii_digit()))
                } else {
                    ("decimal", None)
                };
                return match bad {
                    Some(d) => SyntaxErr::new(format!("invalid digit '{d}' in {kind} literal"), point(end)),
                    None => SyntaxErr::new(format!("invalid {kind} literal"), point(end.saturating_sub(1))),
                };
            } else {
                m.to_string()
            };
            SyntaxErr::new(msg, r)
        }
    }
}
