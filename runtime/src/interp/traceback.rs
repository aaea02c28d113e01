//! Printing exceptions the way CPython 3.11 does: chained exceptions,
//! `File "...", line N, in f`, the source line, and `~~^~~` carets under
//! the failing expression.

use std::collections::HashMap;
use std::io::Write;

use crate::objects::exception::{as_exception, PyErr};
use crate::objects::{is_none, str as pystr, type_of, Value};
use crate::vm::Vm;

/// Frames that repeat more than this many times are collapsed.
const RECURSIVE_CUTOFF: usize = 3;

thread_local! {
    static LINES: std::cell::RefCell<HashMap<String, Option<Vec<String>>>> = std::cell::RefCell::new(HashMap::new());
}

/// Line `n` (1-based) of `filename`, read from disk once (like linecache).
pub fn source_line(filename: &str, n: u32) -> Option<String> {
    if filename.starts_with('<') || n == 0 {
        return None;
    }
    LINES.with(|cache| {
        let mut cache = cache.borrow_mut();
        let lines = cache.entry(filename.to_string()).or_insert_with(|| {
            let bytes = std::fs::read(filename).ok()?;
            let text = String::from_utf8_lossy(&bytes);
            Some(text.split_inclusive('\n').map(|l| l.trim_end_matches(['\n', '\r']).to_string()).collect())
        });
        lines.as_ref()?.get(n as usize - 1).cloned()
    })
}

/// Format a whole exception (with its chain) as CPython's default hook does.
pub fn format_exception(vm: &Vm, e: &Value) -> String {
    exception_chunks(vm, e, None, true).concat()
}

/// The pieces `traceback.format_exception(e, limit=, chain=)` returns:
/// chain separators, the `Traceback` header, one per stack entry, then the
/// exception's lines. `limit` keeps the first (or, negative, the last)
/// entries of each traceback; without `chain` only `e` itself is shown.
pub fn exception_chunks(vm: &Vm, e: &Value, limit: Option<i64>, chain: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    format_chain(vm, e, limit, chain, &mut out, &mut seen);
    out
}

fn format_chain(vm: &Vm, e: &Value, limit: Option<i64>, chain: bool, out: &mut Vec<String>, seen: &mut Vec<u64>) {
    seen.push(e.bits());
    if let Some(x) = as_exception(e) {
        let cause = x.cause().clone();
        let context = x.context().clone();
        if chain && !is_none(&cause) && as_exception(&cause).is_some() && !seen.contains(&cause.bits()) {
            format_chain(vm, &cause, limit, chain, out, seen);
            out.push("\nThe above exception was the direct cause of the following exception:\n\n".into());
        } else if chain
            && !x.suppress_context.get()
            && !is_none(&context)
            && as_exception(&context).is_some()
            && !seen.contains(&context.bits())
        {
            format_chain(vm, &context, limit, chain, out, seen);
            out.push("\nDuring handling of the above exception, another exception occurred:\n\n".into());
        }
        // Outermost first.
        let entries: Vec<(Value, u32)> = x.traceback().iter().rev().map(|t| (t.code.clone(), t.instr)).collect();
        let entries = limited(&entries, limit);
        if !entries.is_empty() {
            out.push("Traceback (most recent call last):\n".into());
            out.extend(format_entries(entries));
        }
    }
    out.extend(exception_only(vm, e).split_inclusive('\n').map(str::to_string));
}

/// `traceback`'s `limit`: the first `n` entries, or the last `-n`.
pub fn limited<T>(entries: &[T], limit: Option<i64>) -> &[T] {
    match limit {
        None => entries,
        Some(n) if n >= 0 => &entries[..entries.len().min(n as usize)],
        Some(n) => &entries[entries.len().saturating_sub(n.unsigned_abs() as usize)..],
    }
}

/// Stack entries `(code, instruction index)`, outermost first, one string
/// each (`  File ...` and the source line with its carets), collapsing
/// runs of the same line into `[Previous line repeated N more times]`.
pub fn format_entries(entries: &[(Value, u32)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut last: Option<(String, u32, String)> = None;
    let mut count = 0usize;
    let flush = |count: usize, out: &mut Vec<String>| {
        if count > RECURSIVE_CUTOFF {
            let n = count - RECURSIVE_CUTOFF;
            out.push(format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
        }
    };
    for (code_v, instr) in entries {
        let Some(code) = crate::bytecode::code::as_code(code_v) else { continue };
        let loc = code.locations.get(*instr as usize).copied().unwrap_or_default();
        let key = (code.filename_str().to_string(), loc.line, code.name_str().to_string());
        if last.as_ref() == Some(&key) {
            count += 1;
            if count > RECURSIVE_CUTOFF {
                continue;
            }
        } else {
            flush(count, &mut out);
            last = Some(key);
            count = 1;
        }
        let mut s = format!("  File \"{}\", line {}, in {}\n", code.filename_str(), loc.line, code.name_str());
        if let Some(line) = source_line(code.filename_str(), loc.line) {
            format_source_line(&line, loc, &mut s);
        }
        out.push(s);
    }
    flush(count, &mut out);
    out
}

/// The source line and, when the failing range is narrower than the line,
/// the caret line under it.
fn format_source_line(line: &str, loc: crate::bytecode::code::Location, out: &mut String) {
    let stripped = line.trim();
    if stripped.is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if loc.end_line == 0 {
        return;
    }
    let lead = line.chars().count() - line.trim_start().chars().count();
    let char_at = |byte: u32| -> usize {
        let b = (byte as usize).min(line.len());
        String::from_utf8_lossy(&line.as_bytes()[..b]).chars().count()
    };
    let start = char_at(loc.col);
    let mut end = char_at(loc.end_col);
    let mut anchors = None;
    if loc.line == loc.end_line {
        let seg_start = (loc.col as usize).min(line.len());
        let seg_end = (loc.end_col as usize).clamp(seg_start, line.len());
        if let Some(seg) = line.get(seg_start..seg_end) {
            anchors = caret_anchors(seg);
        }
    } else {
        end = line.trim_end().chars().count();
    }
    let stripped_len = stripped.chars().count();
    let show = end.saturating_sub(start) < stripped_len || anchors.is_some_and(|(l, r)| r > l);
    if !show || end <= start {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start.saturating_sub(lead)));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r - l));
            out.push_str(&"~".repeat((end - start).saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
}

/// CPython's `_extract_caret_anchors_from_line_segment`: for a binary
/// operation, the operator; for a subscript, the brackets. Offsets are in
/// characters from the start of `seg`.
fn caret_anchors(seg: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_module(seg).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(stmt) = &body[0] else { return None };
    let chars = |byte: usize| seg.get(..byte.min(seg.len())).map_or(0, |s| s.chars().count());
    let segc: Vec<char> = seg.chars().collect();
    match &*stmt.value {
        Expr::BinOp(b) => {
            let op_start = b.left.range().end().to_usize();
            let op_end = b.right.range().start().to_usize();
            let op_str = seg.get(op_start..op_end)?;
            let op_offset = op_str.len() - op_str.trim_start().len();
            let mut left = op_start + op_offset;
            let mut right = left + 1;
            let ob = op_str.as_bytes();
            if op_offset + 1 < ob.len() && !(ob[op_offset + 1] as char).is_whitespace() {
                right += 1;
            }
            let sb = seg.as_bytes();
            while left < sb.len() && ((sb[left] as char).is_whitespace() || sb[left] == b')' || sb[left] == b'#') {
                left += 1;
                right += 1;
            }
            Some((chars(left), chars(right)))
        }
        Expr::Subscript(s) => {
            let mut left = chars(s.value.range().end().to_usize());
            let mut right = chars(s.slice.range().end().to_usize() + 1);
            while left < segc.len() && (segc[left].is_whitespace() || segc[left] != '[') {
                left += 1;
            }
            while right < segc.len() && (segc[right].is_whitespace() || segc[right] != ']') {
                right += 1;
            }
            if right < segc.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

/// The last line: `TypeName: message` (qualified with the module for
/// exceptions defined outside builtins and `__main__`).
pub fn exception_only(vm: &Vm, e: &Value) -> String {
    let ty = type_of(e);
    if ty.is_subtype(crate::objects::exception::exc().syntax_error.0) {
        if let Some(s) = syntax_error_only(vm, e) {
            return s;
        }
    }
    let qualname = ty.qualname();
    let qualname = pystr::as_str(&qualname).unwrap_or("?");
    let module = ty.lookup(&pystr::intern("__module__"));
    let name = match module.as_ref().and_then(pystr::as_str) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qualname}"),
        _ => qualname.to_string(),
    };
    let msg = match super::ops::str_of(vm, e) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    }
}

/// Print an uncaught exception to stderr.
pub fn print_exception(vm: &Vm, e: &PyErr) {
    vm.flush_stdout();
    let text = format_exception(vm, &e.0);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

/// Report an exception that cannot propagate (raised in `__del__`).
pub fn print_unraisable(vm: &Vm, e: &PyErr, obj: &Value, prefix: &str) {
    vm.flush_stdout();
    let what = match crate::objects::typeobj::type_of(obj).lookup(&pystr::intern("__del__")) {
        Some(f) => super::ops::repr(vm, &f).unwrap_or_default(),
        None => super::ops::repr(vm, obj).unwrap_or_default(),
    };
    let text = format!("{prefix}{what}\n{}", format_exception(vm, &e.0));
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// CPython's `_format_syntax_error`: where the error is, with a caret
/// line, then `SyntaxError: msg`.
fn syntax_error_only(vm: &Vm, e: &Value) -> Option<String> {
    use crate::objects::int;
    let get = |k: &str| super::attr::lookup(vm, e, &pystr::intern(k)).ok().flatten().filter(|v| !is_none(v));
    let msg = get("msg").and_then(|m| pystr::as_str(&m).map(str::to_string))?;
    let ty = type_of(e);
    let mut out = String::new();
    let lineno = get("lineno").and_then(|l| int::as_i64(&l));
    let filename = get("filename").and_then(|f| pystr::as_str(&f).map(str::to_string));
    let mut suffix = String::new();
    match (lineno, &filename) {
        (Some(l), f) => out.push_str(&format!("  File \"{}\", line {}\n", f.as_deref().unwrap_or("<string>"), l)),
        (None, Some(f)) => suffix = format!(" ({f})"),
        _ => {}
    }
    if let Some(text) = get("text").and_then(|t| pystr::as_str(&t).map(str::to_string)) {
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = rtext.chars().count() - ltext.chars().count();
        out.push_str(&format!("    {ltext}\n"));
        if let Some(offset) = get("offset").and_then(|o| int::as_i64(&o)) {
            let mut end = get("end_offset").and_then(|o| int::as_i64(&o)).filter(|&o| o != 0).unwrap_or(offset);
            if offset == end || end == -1 {
                end = offset + 1;
            }
            let col = offset - 1 - spaces as i64;
            let end_col = end - 1 - spaces as i64;
            if col >= 0 {
                let caretspace: String =
                    ltext.chars().take(col as usize).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
                out.push_str(&format!("    {}{}\n", caretspace, "^".repeat((end_col - col).max(0) as usize)));
            }
        }
    }
    out.push_str(&format!("{}: {}{}\n", ty.name(), msg, suffix));
    Some(out)
}
