//! `_re`: the matching engine behind `lib/re.py`, over `fancy-regex`
//! (backtracking, so leftmost-first like Python's `sre`, with
//! backreferences and lookaround). `re.py` translates Python's pattern
//! syntax into this engine's and owns the Pattern and Match objects; this
//! module compiles and runs one match, in character offsets.

use crate::builtins::args::{type_error, Args};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::opaque::{new_opaque, with_state};
use crate::objects::{dict, int, list, module, none, str as pystr, tuple, types, Value};
use crate::vm::Vm;
use fancy_regex::Regex;

/// A compiled pattern: unanchored for search/match, and anchored at the
/// end (`\z`) for fullmatch.
struct Compiled {
    search: Regex,
    full: Regex,
}

/// `_re.compile(translated) -> (handle, groups, [(name, index), ...])`;
/// an engine error raises ValueError with its message.
fn compile(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("compile", args, kw);
    a.expect(1, 1)?;
    let pat = pystr::as_str(&a.pos[0]).ok_or_else(|| type_error("pattern must be str"))?;
    let err = |e: fancy_regex::Error| PyErr::new(exc().value_error, e.to_string());
    let search = Regex::new(pat).map_err(err)?;
    let full = Regex::new(&format!("(?:{pat})\\z")).map_err(err)?;
    let groups = search.captures_len() - 1;
    let names = search
        .capture_names()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| tuple::new_tuple(vec![pystr::new_str(n), int::from_i64(i as i64)])))
        .collect();
    let handle = new_opaque(types().opaque, Box::new(Compiled { search, full }));
    Ok(tuple::new_tuple(vec![handle, int::from_i64(groups as i64), list::new_list(names)]))
}

/// Byte offset of character `ch` in `s` (clamped to its length).
fn byte_at(s: &str, ascii: bool, ch: usize) -> usize {
    if ascii {
        ch.min(s.len())
    } else {
        s.char_indices().nth(ch).map_or(s.len(), |(b, _)| b)
    }
}

/// `_re.match(handle, string, pos, endpos, mode)`: mode 0 searches from
/// `pos`, 1 must start at `pos`, 2 must also end at `endpos`. The string is
/// cut at `endpos` (Python: "as if the string is endpos characters long").
/// Returns a tuple of start/end character offsets per group (-1 when the
/// group did not take part), or None.
fn do_match(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("match", args, kw);
    a.expect(5, 5)?;
    let s = pystr::as_str(&a.pos[1]).ok_or_else(|| type_error("expected string"))?;
    let ascii = s.is_ascii();
    let pos = int::as_i64(&a.pos[2]).unwrap_or(0).max(0) as usize;
    let endpos = int::as_i64(&a.pos[3]).unwrap_or(i64::MAX).max(0) as usize;
    let mode = int::as_i64(&a.pos[4]).unwrap_or(0);
    let end_b = byte_at(s, ascii, endpos);
    let pos_b = byte_at(s, ascii, pos);
    if pos_b > end_b {
        return Ok(none());
    }
    let text = &s[..end_b];
    let caps = with_state::<Compiled, _>(&a.pos[0], |c| {
        let re = if mode == 2 { &c.full } else { &c.search };
        re.captures_from_pos(text, pos_b)
            .map(|o| o.map(|caps| caps.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect::<Vec<_>>()))
    })
    .ok_or_else(|| type_error("not a compiled pattern"))?
    .map_err(|e| PyErr::new(exc().runtime_error, format!("regular expression engine: {e}")))?;
    let Some(spans) = caps else { return Ok(none()) };
    if mode != 0 && spans[0].is_some_and(|(st, _)| st != pos_b) {
        return Ok(none());
    }
    // Byte offsets to character offsets, counting forward once.
    let mut out = Vec::with_capacity(spans.len() * 2);
    let to_char = |b: usize| if ascii { b } else { s[..b].chars().count() };
    for sp in spans {
        match sp {
            Some((st, en)) => {
                out.push(int::from_i64(to_char(st) as i64));
                out.push(int::from_i64(to_char(en) as i64));
            }
            None => {
                out.push(int::from_i64(-1));
                out.push(int::from_i64(-1));
            }
        }
    }
    Ok(tuple::new_tuple(out))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[("compile", compile), ("match", do_match)];

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(name, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(name), new_builtin(name, f));
    }
    Ok(module::new_module("_re", d))
}
