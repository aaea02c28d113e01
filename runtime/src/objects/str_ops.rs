//! Python `str` methods over `&str`, with CPython 3.11 semantics.
//!
//! Indices are in characters (code points), as in Python. Character classes
//! (`isalpha`, `isprintable`, `isnumeric`, ...) use tables generated from
//! CPython 3.11's Unicode 14.0 database (see the end of this file), because
//! Rust's `char` predicates use different definitions (e.g. `is_alphabetic`
//! includes combining marks). Case mappings use Rust's full mappings (the
//! same SpecialCasing data) plus tables for titlecase and case folding.

use super::int_ops::{NumError, NumResult};

fn in_table(table: &[u32], c: char) -> bool {
    // `table` holds sorted half-open [start, end) pairs.
    table.partition_point(|&b| b <= c as u32) % 2 == 1
}

/// `str.isspace` for one character (includes `\x1c`..`\x1f`, unlike Rust).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..=' ')
    } else {
        in_table(SPACE, c)
    }
}

/// The value of a Unicode decimal digit (category Nd), as `int()` accepts.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let i = DECIMAL.partition_point(|&b| b <= c as u32);
    (i % 2 == 1).then(|| (c as u32 - DECIMAL[i - 1]) % 10)
}

/// `str.isprintable` for one character; `repr` escapes the others.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        in_table(PRINTABLE, c)
    }
}

fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(ALPHA, c)
    }
}

fn is_decimal_char(c: char) -> bool {
    decimal_value(c).is_some()
}

fn is_digit_char(c: char) -> bool {
    is_decimal_char(c) || (!c.is_ascii() && in_table(DIGIT_EXTRA, c))
}

fn is_numeric_char(c: char) -> bool {
    is_digit_char(c) || (!c.is_ascii() && in_table(NUMERIC_EXTRA, c))
}

fn is_title_char(c: char) -> bool {
    !c.is_ascii() && in_table(TITLECASE, c)
}

/// Unicode "Cased": lowercase, uppercase or titlecase.
fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_title_char(c)
}

fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    (is_alpha_char(c) && !in_table(XID_START_EXCLUDED, c)) || in_table(XID_START_EXTRA, c)
}

fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_xid_start(c) || is_decimal_char(c) || in_table(XID_CONTINUE_EXTRA, c)
}

/// Unicode "Case_Ignorable". std does not expose it, but its Final_Sigma
/// rule does: after "AΣ", an ignorable character is skipped, and the
/// character after it decides whether the sigma is final.
fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    let probe = |after: char| {
        let s: String = ['A', 'Σ', c, after].iter().collect();
        s.to_lowercase().chars().nth(1) == Some('ς')
    };
    if is_cased(c) {
        probe('1') // ignorable: skipped to the uncased '1', so final
    } else {
        !probe('A') // ignorable: skipped to the cased 'A', so not final
    }
}

/// CPython's `lower_ucs4`: the full lowercase mapping, with capital sigma
/// becoming 'ς' at the end of a word (Final_Sigma).
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != 'Σ' {
        out.extend(c.to_lowercase());
        return;
    }
    let cased_before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c)).is_some_and(|&c| is_cased(c));
    let cased_after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c)).is_some_and(|&c| is_cased(c));
    out.push(if cased_before && !cased_after { 'ς' } else { 'σ' });
}

fn push_title(out: &mut String, c: char) {
    match TITLE_SPECIAL.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => out.push_str(TITLE_SPECIAL[i].1),
        Err(_) => out.extend(c.to_uppercase()),
    }
}

fn push_casefold(out: &mut String, c: char) {
    let cp = c as u32;
    let cherokee = match cp {
        0x13A0..=0x13F5 => Some(cp),
        0x13F8..=0x13FD => Some(cp - 8),
        0xAB70..=0xABBF => Some(cp - 0xAB70 + 0x13A0),
        _ => None,
    };
    if let Some(u) = cherokee.and_then(char::from_u32) {
        out.push(u);
    } else if let Ok(i) = CASEFOLD_SPECIAL.binary_search_by_key(&c, |&(k, _)| k) {
        out.push_str(CASEFOLD_SPECIAL[i].1);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `repr(s)`: single quotes unless the string contains `'` and no `"`;
/// `\t \n \r \\` and the quote are escaped, other non-printable characters
/// become `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if c.is_ascii() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `len(s)`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `s[i]` for a non-negative index already bounds-normalised by the caller.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    if s.is_ascii() {
        s.as_bytes().get(i).map(|&b| b as char)
    } else {
        s.chars().nth(i)
    }
}

/// CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`: resolves `None`
/// bounds, negative and out-of-range indices against a sequence of length
/// `len`; returns `(start, stop, step, slice_length)`. `step` must be
/// non-zero (the caller raises "slice step cannot be zero").
pub fn normalize_slice(len: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> (i64, i64, i64, usize) {
    assert!(step != 0, "slice step cannot be zero");
    let step = step.max(-i64::MAX);
    let back = step < 0;
    let adjust = |v: Option<i64>, default: i64| {
        let v = v.unwrap_or(default);
        if v < 0 {
            let v = v + len;
            if v < 0 {
                if back {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= len {
            if back {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let start = adjust(start, if back { i64::MAX } else { 0 });
    let stop = adjust(stop, if back { i64::MIN } else { i64::MAX });
    let count = if back {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, step, count as usize)
}

/// `s[start:stop:step]` for indices already normalised by [`normalize_slice`].
pub fn slice(s: &str, start: i64, stop: i64, step: i64) -> String {
    let count = normalize_slice_count(start, stop, step);
    if count == 0 {
        return String::new();
    }
    if step == 1 {
        let (a, b) = (byte_offset(s, start as usize), byte_offset(s, stop as usize));
        return s[a..b].to_string();
    }
    let pick = |i: usize| start + (i as i64) * step;
    if s.is_ascii() {
        let b = s.as_bytes();
        return (0..count).map(|i| b[pick(i) as usize] as char).collect();
    }
    let chars: Vec<char> = s.chars().collect();
    (0..count).map(|i| chars[pick(i) as usize]).collect()
}

fn normalize_slice_count(start: i64, stop: i64, step: i64) -> usize {
    if step < 0 && stop < start {
        ((start - stop - 1) / (-step) + 1) as usize
    } else if step > 0 && start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    }
}

/// Byte offset of character index `i` (clamped to the end of `s`).
fn byte_offset(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// Character index of byte offset `b`.
fn char_index(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

/// CPython's `ADJUST_INDICES` for find/count/startswith: clamps `start` and
/// `end` (character indices, `None` = unbounded) into `0..=len`; the result
/// may have `start > end`.
fn adjust_indices(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len_i = len as i64;
    let end = match end {
        None => len_i,
        Some(e) if e > len_i => len_i,
        Some(e) if e < 0 => (e + len_i).max(0),
        Some(e) => e,
    };
    let start = match start {
        None => 0,
        Some(s) if s < 0 => (s + len_i).max(0),
        Some(s) => s,
    };
    (start.max(0) as usize, end as usize)
}

/// The byte range of the characters `start..end` (both clamped), or `None`
/// when the window cannot hold `sub_len` characters.
fn window(s: &str, start: Option<i64>, end: Option<i64>, sub_chars: usize) -> Option<(usize, usize)> {
    let (start, end) = adjust_indices(char_len(s), start, end);
    if end < start || end - start < sub_chars {
        return None;
    }
    Some((byte_offset(s, start), byte_offset(s, end)))
}

/// `s.find(sub, start, end)`: character index or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end, char_len(sub)) {
        Some((a, b)) => s[a..b].find(sub).map_or(-1, |i| char_index(s, a + i) as i64),
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: character index or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end, char_len(sub)) {
        Some((a, b)) => s[a..b].rfind(sub).map_or(-1, |i| char_index(s, a + i) as i64),
        None => -1,
    }
}

/// `s.index(sub, start, end)`: like [`find`] but raising ValueError.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> NumResult<usize> {
    match find(s, sub, start, end) {
        -1 => Err(NumError::Value("substring not found".to_string())),
        i => Ok(i as usize),
    }
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> NumResult<usize> {
    match rfind(s, sub, start, end) {
        -1 => Err(NumError::Value("substring not found".to_string())),
        i => Ok(i as usize),
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences; an empty `sub`
/// matches between every pair of characters (`'abc'.count('') == 4`).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    match window(s, start, end, char_len(sub)) {
        Some((a, b)) if sub.is_empty() => char_len(&s[a..b]) + 1,
        Some((a, b)) => s[a..b].matches(sub).count(),
        None => 0,
    }
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end, char_len(prefix)).is_some_and(|(a, b)| s[a..b].starts_with(prefix))
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end, char_len(suffix)).is_some_and(|(a, b)| s[a..b].ends_with(suffix))
}

fn empty_separator<T>() -> NumResult<T> {
    Err(NumError::Value("empty separator".to_string()))
}

/// `s.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace and
/// drops empty strings; a negative `maxsplit` means no limit.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> NumResult<Vec<String>> {
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    match sep {
        Some("") => return empty_separator(),
        Some(sep) => {
            let mut rest = s;
            while left > 0 {
                let Some(i) = rest.find(sep) else { break };
                out.push(rest[..i].to_string());
                rest = &rest[i + sep.len()..];
                left -= 1;
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = s.trim_start_matches(is_space);
            while !rest.is_empty() {
                if left == 0 {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(is_space);
                left -= 1;
            }
        }
    }
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`: like [`split`] but splitting from the right.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> NumResult<Vec<String>> {
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    match sep {
        Some("") => return empty_separator(),
        Some(sep) => {
            let mut rest = s;
            while left > 0 {
                let Some(i) = rest.rfind(sep) else { break };
                out.push(rest[i + sep.len()..].to_string());
                rest = &rest[..i];
                left -= 1;
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if left == 0 {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(is_space).map_or(0, |i| i + rest[i..].chars().next().unwrap().len_utf8());
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(is_space);
                left -= 1;
            }
        }
    }
    out.reverse();
    Ok(out)
}

fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `s.splitlines(keepends)`: splits at `\n`, `\r`, `\r\n`, `\v`, `\f`,
/// `\x1c`-`\x1e`, `\x85`, U+2028 and U+2029.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let Some(i) = rest.find(is_linebreak) else {
            out.push(rest.to_string());
            break;
        };
        let brk = if rest[i..].starts_with("\r\n") { 2 } else { rest[i..].chars().next().unwrap().len_utf8() };
        out.push(rest[..if keepends { i + brk } else { i }].to_string());
        rest = &rest[i + brk..];
    }
    out
}

/// `s.strip(chars)`; `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `s.replace(old, new, count)`; a negative `count` replaces all. An empty
/// `old` inserts `new` before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 { usize::MAX } else { count as usize };
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len() * (s.len() + 1).min(limit));
        let mut n = 0;
        for c in s.chars() {
            if n < limit {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < limit {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, limit)
}

/// `s.upper()`: full mappings (`'ß'.upper() == 'SS'`).
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `s.lower()`: full mappings with the final-sigma rule.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_casefold(&mut out, c));
    out
}

/// `s.capitalize()`: titlecase the first character, lowercase the rest.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    out
}

/// `s.title()`: titlecase after an uncased character, lowercase after a
/// cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_cased = is_cased(c);
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `s.isdecimal()`: non-empty, all characters of category Nd.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal_char)
}

/// `s.isdigit()`: non-empty, all decimals or other digits (e.g. `²`).
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit_char)
}

/// `s.isnumeric()`: non-empty, all numeric (digits, `½`, `Ⅻ`, `一`, ...).
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric_char)
}

/// `s.isalpha()`: non-empty, all letters (categories L*).
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha_char)
}

/// `s.isalnum()`: non-empty, all letters or numeric characters.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, |c| is_alpha_char(c) || is_numeric_char(c))
}

/// `s.isspace()`: non-empty, all whitespace.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `s.isascii()` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isupper()`: at least one cased character and no lowercase or
/// titlecase ones.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_title_char(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// `s.islower()`: at least one cased character and no uppercase or
/// titlecase ones.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_title_char(c) {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// `s.istitle()`: uppercase/titlecase characters only start words and
/// lowercase ones only follow cased characters.
pub fn istitle(s: &str) -> bool {
    let (mut cased, mut previous_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || is_title_char(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: XID_Start or `_`, then XID_Continue characters.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_xid_start) && chars.all(is_xid_continue)
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fill)`, placing the odd padding character as CPython
/// (`'a'.center(4) == ' a  '` but `'ab'.center(5) == '  ab '`).
pub fn center(s: &str, width: usize, fill: char) -> String {
    let len = char_len(s);
    if width <= len {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(s, left, marg - left, fill)
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: usize, fill: char) -> String {
    pad(s, 0, width.saturating_sub(char_len(s)), fill)
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: usize, fill: char) -> String {
    pad(s, width.saturating_sub(char_len(s)), 0, fill)
}

/// `s.zfill(width)`: pads with zeros after a leading sign.
pub fn zfill(s: &str, width: usize) -> String {
    let zeros = "0".repeat(width.saturating_sub(char_len(s)));
    match s.chars().next() {
        Some(sign @ ('+' | '-')) => format!("{sign}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    }
}

/// `s.expandtabs(tabsize)`: columns restart after `\n` and `\r`; a
/// non-positive `tabsize` removes tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column = 0i64;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let n = tabsize - column % tabsize;
                out.extend(std::iter::repeat_n(' ', n as usize));
                column += n;
            }
        } else {
            out.push(c);
            column += 1;
            if c == '\n' || c == '\r' {
                column = 0;
            }
        }
    }
    out
}

/// `s.partition(sep)`. The caller raises `ValueError("empty separator")`
/// for an empty `sep` (for which this returns `(s, "", "")`).
pub fn partition<'a>(s: &'a str, sep: &'a str) -> (&'a str, &'a str, &'a str) {
    match s.find(sep).filter(|_| !sep.is_empty()) {
        Some(i) => (&s[..i], sep, &s[i + sep.len()..]),
        None => (s, "", ""),
    }
}

/// `s.rpartition(sep)`; like [`partition`], `sep` must be non-empty.
pub fn rpartition<'a>(s: &'a str, sep: &'a str) -> (&'a str, &'a str, &'a str) {
    match s.rfind(sep).filter(|_| !sep.is_empty()) {
        Some(i) => (&s[..i], sep, &s[i + sep.len()..]),
        None => ("", "", s),
    }
}

/// `ascii(x)` given `repr(x)`: escapes every non-ASCII character as `\xhh`,
/// `\uhhhh` or `\Uhhhhhhhh` (the "backslashreplace" error handler).
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        push_escape(&mut out, c);
    }
    out
}

/// Pushes `c`, or its `\x`/`\u`/`\U` escape if it is not ASCII.
fn push_escape(out: &mut String, c: char) {
    let cp = c as u32;
    if c.is_ascii() {
        out.push(c);
    } else if cp < 0x100 {
        out.push_str(&format!("\\x{cp:02x}"));
    } else if cp < 0x10000 {
        out.push_str(&format!("\\u{cp:04x}"));
    } else {
        out.push_str(&format!("\\U{cp:08x}"));
    }
}

// ---------------------------------------------------------------------------
// Unicode 14.0 tables, generated from python3.11's `str` predicates and
// `unicodedata`. Ranges are flat lists of half-open [start, end) pairs.
// ---------------------------------------------------------------------------

/// `str.isprintable` (not Cc Cf Cs Co Cn Zl Zp, or Zs other than space).
const PRINTABLE: &[u32] = &[
    0x20, 0x7f, 0xa1, 0xad, 0xae, 0x378, 0x37a, 0x380, 0x384, 0x38b, 0x38c, 0x38d, 0x38e, 0x3a2, 0x3a3, 0x530, 0x531,
    0x557, 0x559, 0x58b, 0x58d, 0x590, 0x591, 0x5c8, 0x5d0, 0x5eb, 0x5ef, 0x5f5, 0x606, 0x61c, 0x61d, 0x6dd, 0x6de,
    0x70e, 0x710, 0x74b, 0x74d, 0x7b2, 0x7c0, 0x7fb, 0x7fd, 0x82e, 0x830, 0x83f, 0x840, 0x85c, 0x85e, 0x85f, 0x860,
    0x86b, 0x870, 0x88f, 0x898, 0x8e2, 0x8e3, 0x984, 0x985, 0x98d, 0x98f, 0x991, 0x993, 0x9a9, 0x9aa, 0x9b1, 0x9b2,
    0x9b3, 0x9b6, 0x9ba, 0x9bc, 0x9c5, 0x9c7, 0x9c9, 0x9cb, 0x9cf, 0x9d7, 0x9d8, 0x9dc, 0x9de, 0x9df, 0x9e4, 0x9e6,
    0x9ff, 0xa01, 0xa04, 0xa05, 0xa0b, 0xa0f, 0xa11, 0xa13, 0xa29, 0xa2a, 0xa31, 0xa32, 0xa34, 0xa35, 0xa37, 0xa38,
    0xa3a, 0xa3c, 0xa3d, 0xa3e, 0xa43, 0xa47, 0xa49, 0xa4b, 0xa4e, 0xa51, 0xa52, 0xa59, 0xa5d, 0xa5e, 0xa5f, 0xa66,
    0xa77, 0xa81, 0xa84, 0xa85, 0xa8e, 0xa8f, 0xa92, 0xa93, 0xaa9, 0xaaa, 0xab1, 0xab2, 0xab4, 0xab5, 0xaba, 0xabc,
    0xac6, 0xac7, 0xaca, 0xacb, 0xace, 0xad0, 0xad1, 0xae0, 0xae4, 0xae6, 0xaf2, 0xaf9, 0xb00, 0xb01, 0xb04, 0xb05,
    0xb0d, 0xb0f, 0xb11, 0xb13, 0xb29, 0xb2a, 0xb31, 0xb32, 0xb34, 0xb35, 0xb3a, 0xb3c, 0xb45, 0xb47, 0xb49, 0xb4b,
    0xb4e, 0xb55, 0xb58, 0xb5c, 0xb5e, 0xb5f, 0xb64, 0xb66, 0xb78, 0xb82, 0xb84, 0xb85, 0xb8b, 0xb8e, 0xb91, 0xb92,
    0xb96, 0xb99, 0xb9b, 0xb9c, 0xb9d, 0xb9e, 0xba0, 0xba3, 0xba5, 0xba8, 0xbab, 0xbae, 0xbba, 0xbbe, 0xbc3, 0xbc6,
    0xbc9, 0xbca, 0xbce, 0xbd0, 0xbd1, 0xbd7, 0xbd8, 0xbe6, 0xbfb, 0xc00, 0xc0d, 0xc0e, 0xc11, 0xc12, 0xc29, 0xc2a,
    0xc3a, 0xc3c, 0xc45, 0xc46, 0xc49, 0xc4a, 0xc4e, 0xc55, 0xc57, 0xc58, 0xc5b, 0xc5d, 0xc5e, 0xc60, 0xc64, 0xc66,
    0xc70, 0xc77, 0xc8d, 0xc8e, 0xc91, 0xc92, 0xca9, 0xcaa, 0xcb4, 0xcb5, 0xcba, 0xcbc, 0xcc5, 0xcc6, 0xcc9, 0xcca,
    0xcce, 0xcd5, 0xcd7, 0xcdd, 0xcdf, 0xce0, 0xce4, 0xce6, 0xcf0, 0xcf1, 0xcf3, 0xd00, 0xd0d, 0xd0e, 0xd11, 0xd12,
    0xd45, 0xd46, 0xd49, 0xd4a, 0xd50, 0xd54, 0xd64, 0xd66, 0xd80, 0xd81, 0xd84, 0xd85, 0xd97, 0xd9a, 0xdb2, 0xdb3,
    0xdbc, 0xdbd, 0xdbe, 0xdc0, 0xdc7, 0xdca, 0xdcb, 0xdcf, 0xdd5, 0xdd6, 0xdd7, 0xdd8, 0xde0, 0xde6, 0xdf0, 0xdf2,
    0xdf5, 0xe01, 0xe3b, 0xe3f, 0xe5c, 0xe81, 0xe83, 0xe84, 0xe85, 0xe86, 0xe8b, 0xe8c, 0xea4, 0xea5, 0xea6, 0xea7,
    0xebe, 0xec0, 0xec5, 0xec6, 0xec7, 0xec8, 0xece, 0xed0, 0xeda, 0xedc, 0xee0, 0xf00, 0xf48, 0xf49, 0xf6d, 0xf71,
    0xf98, 0xf99, 0xfbd, 0xfbe, 0xfcd, 0xfce, 0xfdb, 0x1000, 0x10c6, 0x10c7, 0x10c8, 0x10cd, 0x10ce, 0x10d0, 0x1249,
    0x124a, 0x124e, 0x1250, 0x1257, 0x1258, 0x1259, 0x125a, 0x125e, 0x1260, 0x1289, 0x128a, 0x128e, 0x1290, 0x12b1,
    0x12b2, 0x12b6, 0x12b8, 0x12bf, 0x12c0, 0x12c1, 0x12c2, 0x12c6, 0x12c8, 0x12d7, 0x12d8, 0x1311, 0x1312, 0x1316,
    0x1318, 0x135b, 0x135d, 0x137d, 0x1380, 0x139a, 0x13a0, 0x13f6, 0x13f8, 0x13fe, 0x1400, 0x1680, 0x1681, 0x169d,
    0x16a0, 0x16f9, 0x1700, 0x1716, 0x171f, 0x1737, 0x1740, 0x1754, 0x1760, 0x176d, 0x176e, 0x1771, 0x1772, 0x1774,
    0x1780, 0x17de, 0x17e0, 0x17ea, 0x17f0, 0x17fa, 0x1800, 0x180e, 0x180f, 0x181a, 0x1820, 0x1879, 0x1880, 0x18ab,
    0x18b0, 0x18f6, 0x1900, 0x191f, 0x1920, 0x192c, 0x1930, 0x193c, 0x1940, 0x1941, 0x1944, 0x196e, 0x1970, 0x1975,
    0x1980, 0x19ac, 0x19b0, 0x19ca, 0x19d0, 0x19db, 0x19de, 0x1a1c, 0x1a1e, 0x1a5f, 0x1a60, 0x1a7d, 0x1a7f, 0x1a8a,
    0x1a90, 0x1a9a, 0x1aa0, 0x1aae, 0x1ab0, 0x1acf, 0x1b00, 0x1b4d, 0x1b50, 0x1b7f, 0x1b80, 0x1bf4, 0x1bfc, 0x1c38,
    0x1c3b, 0x1c4a, 0x1c4d, 0x1c89, 0x1c90, 0x1cbb, 0x1cbd, 0x1cc8, 0x1cd0, 0x1cfb, 0x1d00, 0x1f16, 0x1f18, 0x1f1e,
    0x1f20, 0x1f46, 0x1f48, 0x1f4e, 0x1f50, 0x1f58, 0x1f59, 0x1f5a, 0x1f5b, 0x1f5c, 0x1f5d, 0x1f5e, 0x1f5f, 0x1f7e,
    0x1f80, 0x1fb5, 0x1fb6, 0x1fc5, 0x1fc6, 0x1fd4, 0x1fd6, 0x1fdc, 0x1fdd, 0x1ff0, 0x1ff2, 0x1ff5, 0x1ff6, 0x1fff,
    0x2010, 0x2028, 0x2030, 0x205f, 0x2070, 0x2072, 0x2074, 0x208f, 0x2090, 0x209d, 0x20a0, 0x20c1, 0x20d0, 0x20f1,
    0x2100, 0x218c, 0x2190, 0x2427, 0x2440, 0x244b, 0x2460, 0x2b74, 0x2b76, 0x2b96, 0x2b97, 0x2cf4, 0x2cf9, 0x2d26,
    0x2d27, 0x2d28, 0x2d2d, 0x2d2e, 0x2d30, 0x2d68, 0x2d6f, 0x2d71, 0x2d7f, 0x2d97, 0x2da0, 0x2da7, 0x2da8, 0x2daf,
    0x2db0, 0x2db7, 0x2db8, 0x2dbf, 0x2dc0, 0x2dc7, 0x2dc8, 0x2dcf, 0x2dd0, 0x2dd7, 0x2dd8, 0x2ddf, 0x2de0, 0x2e5e,
    0x2e80, 0x2e9a, 0x2e9b, 0x2ef4, 0x2f00, 0x2fd6, 0x2ff0, 0x2ffc, 0x3001, 0x3040, 0x3041, 0x3097, 0x3099, 0x3100,
    0x3105, 0x3130, 0x3131, 0x318f, 0x3190, 0x31e4, 0x31f0, 0x321f, 0x3220, 0xa48d, 0xa490, 0xa4c7, 0xa4d0, 0xa62c,
    0xa640, 0xa6f8, 0xa700, 0xa7cb, 0xa7d0, 0xa7d2, 0xa7d3, 0xa7d4, 0xa7d5, 0xa7da, 0xa7f2, 0xa82d, 0xa830, 0xa83a,
    0xa840, 0xa878, 0xa880, 0xa8c6, 0xa8ce, 0xa8da, 0xa8e0, 0xa954, 0xa95f, 0xa97d, 0xa980, 0xa9ce, 0xa9cf, 0xa9da,
    0xa9de, 0xa9ff, 0xaa00, 0xaa37, 0xaa40, 0xaa4e, 0xaa50, 0xaa5a, 0xaa5c, 0xaac3, 0xaadb, 0xaaf7, 0xab01, 0xab07,
    0xab09, 0xab0f, 0xab11, 0xab17, 0xab20, 0xab27, 0xab28, 0xab2f, 0xab30, 0xab6c, 0xab70, 0xabee, 0xabf0, 0xabfa,
    0xac00, 0xd7a4, 0xd7b0, 0xd7c7, 0xd7cb, 0xd7fc, 0xf900, 0xfa6e, 0xfa70, 0xfada, 0xfb00, 0xfb07, 0xfb13, 0xfb18,
    0xfb1d, 0xfb37, 0xfb38, 0xfb3d, 0xfb3e, 0xfb3f, 0xfb40, 0xfb42, 0xfb43, 0xfb45, 0xfb46, 0xfbc3, 0xfbd3, 0xfd90,
    0xfd92, 0xfdc8, 0xfdcf, 0xfdd0, 0xfdf0, 0xfe1a, 0xfe20, 0xfe53, 0xfe54, 0xfe67, 0xfe68, 0xfe6c, 0xfe70, 0xfe75,
    0xfe76, 0xfefd, 0xff01, 0xffbf, 0xffc2, 0xffc8, 0xffca, 0xffd0, 0xffd2, 0xffd8, 0xffda, 0xffdd, 0xffe0, 0xffe7,
    0xffe8, 0xffef, 0xfffc, 0xfffe, 0x10000, 0x1000c, 0x1000d, 0x10027, 0x10028, 0x1003b, 0x1003c, 0x1003e, 0x1003f,
    0x1004e, 0x10050, 0x1005e, 0x10080, 0x100fb, 0x10100, 0x10103, 0x10107, 0x10134, 0x10137, 0x1018f, 0x10190,
    0x1019d, 0x101a0, 0x101a1, 0x101d0, 0x101fe, 0x10280, 0x1029d, 0x102a0, 0x102d1, 0x102e0, 0x102fc, 0x10300,
    0x10324, 0x1032d, 0x1034b, 0x10350, 0x1037b, 0x10380, 0x1039e, 0x1039f, 0x103c4, 0x103c8, 0x103d6, 0x10400,
    0x1049e, 0x104a0, 0x104aa, 0x104b0, 0x104d4, 0x104d8, 0x104fc, 0x10500, 0x10528, 0x10530, 0x10564, 0x1056f,
    0x1057b, 0x1057c, 0x1058b, 0x1058c, 0x10593, 0x10594, 0x10596, 0x10597, 0x105a2, 0x105a3, 0x105b2, 0x105b3,
    0x105ba, 0x105bb, 0x105bd, 0x10600, 0x10737, 0x10740, 0x10756, 0x10760, 0x10768, 0x10780, 0x10786, 0x10787,
    0x107b1, 0x107b2, 0x107bb, 0x10800, 0x10806, 0x10808, 0x10809, 0x1080a, 0x10836, 0x10837, 0x10839, 0x1083c,
    0x1083d, 0x1083f, 0x10856, 0x10857, 0x1089f, 0x108a7, 0x108b0, 0x108e0, 0x108f3, 0x108f4, 0x108f6, 0x108fb,
    0x1091c, 0x1091f, 0x1093a, 0x1093f, 0x10940, 0x10980, 0x109b8, 0x109bc, 0x109d0, 0x109d2, 0x10a04, 0x10a05,
    0x10a07, 0x10a0c, 0x10a14, 0x10a15, 0x10a18, 0x10a19, 0x10a36, 0x10a38, 0x10a3b, 0x10a3f, 0x10a49, 0x10a50,
    0x10a59, 0x10a60, 0x10aa0, 0x10ac0, 0x10ae7, 0x10aeb, 0x10af7, 0x10b00, 0x10b36, 0x10b39, 0x10b56, 0x10b58,
    0x10b73, 0x10b78, 0x10b92, 0x10b99, 0x10b9d, 0x10ba9, 0x10bb0, 0x10c00, 0x10c49, 0x10c80, 0x10cb3, 0x10cc0,
    0x10cf3, 0x10cfa, 0x10d28, 0x10d30, 0x10d3a, 0x10e60, 0x10e7f, 0x10e80, 0x10eaa, 0x10eab, 0x10eae, 0x10eb0,
    0x10eb2, 0x10f00, 0x10f28, 0x10f30, 0x10f5a, 0x10f70, 0x10f8a, 0x10fb0, 0x10fcc, 0x10fe0, 0x10ff7, 0x11000,
    0x1104e, 0x11052, 0x11076, 0x1107f, 0x110bd, 0x110be, 0x110c3, 0x110d0, 0x110e9, 0x110f0, 0x110fa, 0x11100,
    0x11135, 0x11136, 0x11148, 0x11150, 0x11177, 0x11180, 0x111e0, 0x111e1, 0x111f5, 0x11200, 0x11212, 0x11213,
    0x1123f, 0x11280, 0x11287, 0x11288, 0x11289, 0x1128a, 0x1128e, 0x1128f, 0x1129e, 0x1129f, 0x112aa, 0x112b0,
    0x112eb, 0x112f0, 0x112fa, 0x11300, 0x11304, 0x11305, 0x1130d, 0x1130f, 0x11311, 0x11313, 0x11329, 0x1132a,
    0x11331, 0x11332, 0x11334, 0x11335, 0x1133a, 0x1133b, 0x11345, 0x11347, 0x11349, 0x1134b, 0x1134e, 0x11350,
    0x11351, 0x11357, 0x11358, 0x1135d, 0x11364, 0x11366, 0x1136d, 0x11370, 0x11375, 0x11400, 0x1145c, 0x1145d,
    0x11462, 0x11480, 0x114c8, 0x114d0, 0x114da, 0x11580, 0x115b6, 0x115b8, 0x115de, 0x11600, 0x11645, 0x11650,
    0x1165a, 0x11660, 0x1166d, 0x11680, 0x116ba, 0x116c0, 0x116ca, 0x11700, 0x1171b, 0x1171d, 0x1172c, 0x11730,
    0x11747, 0x11800, 0x1183c, 0x118a0, 0x118f3, 0x118ff, 0x11907, 0x11909, 0x1190a, 0x1190c, 0x11914, 0x11915,
    0x11917, 0x11918, 0x11936, 0x11937, 0x11939, 0x1193b, 0x11947, 0x11950, 0x1195a, 0x119a0, 0x119a8, 0x119aa,
    0x119d8, 0x119da, 0x119e5, 0x11a00, 0x11a48, 0x11a50, 0x11aa3, 0x11ab0, 0x11af9, 0x11c00, 0x11c09, 0x11c0a,
    0x11c37, 0x11c38, 0x11c46, 0x11c50, 0x11c6d, 0x11c70, 0x11c90, 0x11c92, 0x11ca8, 0x11ca9, 0x11cb7, 0x11d00,
    0x11d07, 0x11d08, 0x11d0a, 0x11d0b, 0x11d37, 0x11d3a, 0x11d3b, 0x11d3c, 0x11d3e, 0x11d3f, 0x11d48, 0x11d50,
    0x11d5a, 0x11d60, 0x11d66, 0x11d67, 0x11d69, 0x11d6a, 0x11d8f, 0x11d90, 0x11d92, 0x11d93, 0x11d99, 0x11da0,
    0x11daa, 0x11ee0, 0x11ef9, 0x11fb0, 0x11fb1, 0x11fc0, 0x11ff2, 0x11fff, 0x1239a, 0x12400, 0x1246f, 0x12470,
    0x12475, 0x12480, 0x12544, 0x12f90, 0x12ff3, 0x13000, 0x1342f, 0x14400, 0x14647, 0x16800, 0x16a39, 0x16a40,
    0x16a5f, 0x16a60, 0x16a6a, 0x16a6e, 0x16abf, 0x16ac0, 0x16aca, 0x16ad0, 0x16aee, 0x16af0, 0x16af6, 0x16b00,
    0x16b46, 0x16b50, 0x16b5a, 0x16b5b, 0x16b62, 0x16b63, 0x16b78, 0x16b7d, 0x16b90, 0x16e40, 0x16e9b, 0x16f00,
    0x16f4b, 0x16f4f, 0x16f88, 0x16f8f, 0x16fa0, 0x16fe0, 0x16fe5, 0x16ff0, 0x16ff2, 0x17000, 0x187f8, 0x18800,
    0x18cd6, 0x18d00, 0x18d09, 0x1aff0, 0x1aff4, 0x1aff5, 0x1affc, 0x1affd, 0x1afff, 0x1b000, 0x1b123, 0x1b150,
    0x1b153, 0x1b164, 0x1b168, 0x1b170, 0x1b2fc, 0x1bc00, 0x1bc6b, 0x1bc70, 0x1bc7d, 0x1bc80, 0x1bc89, 0x1bc90,
    0x1bc9a, 0x1bc9c, 0x1bca0, 0x1cf00, 0x1cf2e, 0x1cf30, 0x1cf47, 0x1cf50, 0x1cfc4, 0x1d000, 0x1d0f6, 0x1d100,
    0x1d127, 0x1d129, 0x1d173, 0x1d17b, 0x1d1eb, 0x1d200, 0x1d246, 0x1d2e0, 0x1d2f4, 0x1d300, 0x1d357, 0x1d360,
    0x1d379, 0x1d400, 0x1d455, 0x1d456, 0x1d49d, 0x1d49e, 0x1d4a0, 0x1d4a2, 0x1d4a3, 0x1d4a5, 0x1d4a7, 0x1d4a9,
    0x1d4ad, 0x1d4ae, 0x1d4ba, 0x1d4bb, 0x1d4bc, 0x1d4bd, 0x1d4c4, 0x1d4c5, 0x1d506, 0x1d507, 0x1d50b, 0x1d50d,
    0x1d515, 0x1d516, 0x1d51d, 0x1d51e, 0x1d53a, 0x1d53b, 0x1d53f, 0x1d540, 0x1d545, 0x1d546, 0x1d547, 0x1d54a,
    0x1d551, 0x1d552, 0x1d6a6, 0x1d6a8, 0x1d7cc, 0x1d7ce, 0x1da8c, 0x1da9b, 0x1daa0, 0x1daa1, 0x1dab0, 0x1df00,
    0x1df1f, 0x1e000, 0x1e007, 0x1e008, 0x1e019, 0x1e01b, 0x1e022, 0x1e023, 0x1e025, 0x1e026, 0x1e02b, 0x1e100,
    0x1e12d, 0x1e130, 0x1e13e, 0x1e140, 0x1e14a, 0x1e14e, 0x1e150, 0x1e290, 0x1e2af, 0x1e2c0, 0x1e2fa, 0x1e2ff,
    0x1e300, 0x1e7e0, 0x1e7e7, 0x1e7e8, 0x1e7ec, 0x1e7ed, 0x1e7ef, 0x1e7f0, 0x1e7ff, 0x1e800, 0x1e8c5, 0x1e8c7,
    0x1e8d7, 0x1e900, 0x1e94c, 0x1e950, 0x1e95a, 0x1e95e, 0x1e960, 0x1ec71, 0x1ecb5, 0x1ed01, 0x1ed3e, 0x1ee00,
    0x1ee04, 0x1ee05, 0x1ee20, 0x1ee21, 0x1ee23, 0x1ee24, 0x1ee25, 0x1ee27, 0x1ee28, 0x1ee29, 0x1ee33, 0x1ee34,
    0x1ee38, 0x1ee39, 0x1ee3a, 0x1ee3b, 0x1ee3c, 0x1ee42, 0x1ee43, 0x1ee47, 0x1ee48, 0x1ee49, 0x1ee4a, 0x1ee4b,
    0x1ee4c, 0x1ee4d, 0x1ee50, 0x1ee51, 0x1ee53, 0x1ee54, 0x1ee55, 0x1ee57, 0x1ee58, 0x1ee59, 0x1ee5a, 0x1ee5b,
    0x1ee5c, 0x1ee5d, 0x1ee5e, 0x1ee5f, 0x1ee60, 0x1ee61, 0x1ee63, 0x1ee64, 0x1ee65, 0x1ee67, 0x1ee6b, 0x1ee6c,
    0x1ee73, 0x1ee74, 0x1ee78, 0x1ee79, 0x1ee7d, 0x1ee7e, 0x1ee7f, 0x1ee80, 0x1ee8a, 0x1ee8b, 0x1ee9c, 0x1eea1,
    0x1eea4, 0x1eea5, 0x1eeaa, 0x1eeab, 0x1eebc, 0x1eef0, 0x1eef2, 0x1f000, 0x1f02c, 0x1f030, 0x1f094, 0x1f0a0,
    0x1f0af, 0x1f0b1, 0x1f0c0, 0x1f0c1, 0x1f0d0, 0x1f0d1, 0x1f0f6, 0x1f100, 0x1f1ae, 0x1f1e6, 0x1f203, 0x1f210,
    0x1f23c, 0x1f240, 0x1f249, 0x1f250, 0x1f252, 0x1f260, 0x1f266, 0x1f300, 0x1f6d8, 0x1f6dd, 0x1f6ed, 0x1f6f0,
    0x1f6fd, 0x1f700, 0x1f774, 0x1f780, 0x1f7d9, 0x1f7e0, 0x1f7ec, 0x1f7f0, 0x1f7f1, 0x1f800, 0x1f80c, 0x1f810,
    0x1f848, 0x1f850, 0x1f85a, 0x1f860, 0x1f888, 0x1f890, 0x1f8ae, 0x1f8b0, 0x1f8b2, 0x1f900, 0x1fa54, 0x1fa60,
    0x1fa6e, 0x1fa70, 0x1fa75, 0x1fa78, 0x1fa7d, 0x1fa80, 0x1fa87, 0x1fa90, 0x1faad, 0x1fab0, 0x1fabb, 0x1fac0,
    0x1fac6, 0x1fad0, 0x1fada, 0x1fae0, 0x1fae8, 0x1faf0, 0x1faf7, 0x1fb00, 0x1fb93, 0x1fb94, 0x1fbcb, 0x1fbf0,
    0x1fbfa, 0x20000, 0x2a6e0, 0x2a700, 0x2b739, 0x2b740, 0x2b81e, 0x2b820, 0x2cea2, 0x2ceb0, 0x2ebe1, 0x2f800,
    0x2fa1e, 0x30000, 0x3134b, 0xe0100, 0xe01f0,
];

/// `str.isalpha`: categories Lu Ll Lt Lm Lo.
const ALPHA: &[u32] = &[
    0x41, 0x5b, 0x61, 0x7b, 0xaa, 0xab, 0xb5, 0xb6, 0xba, 0xbb, 0xc0, 0xd7, 0xd8, 0xf7, 0xf8, 0x2c2, 0x2c6, 0x2d2,
    0x2e0, 0x2e5, 0x2ec, 0x2ed, 0x2ee, 0x2ef, 0x370, 0x375, 0x376, 0x378, 0x37a, 0x37e, 0x37f, 0x380, 0x386, 0x387,
    0x388, 0x38b, 0x38c, 0x38d, 0x38e, 0x3a2, 0x3a3, 0x3f6, 0x3f7, 0x482, 0x48a, 0x530, 0x531, 0x557, 0x559, 0x55a,
    0x560, 0x589, 0x5d0, 0x5eb, 0x5ef, 0x5f3, 0x620, 0x64b, 0x66e, 0x670, 0x671, 0x6d4, 0x6d5, 0x6d6, 0x6e5, 0x6e7,
    0x6ee, 0x6f0, 0x6fa, 0x6fd, 0x6ff, 0x700, 0x710, 0x711, 0x712, 0x730, 0x74d, 0x7a6, 0x7b1, 0x7b2, 0x7ca, 0x7eb,
    0x7f4, 0x7f6, 0x7fa, 0x7fb, 0x800, 0x816, 0x81a, 0x81b, 0x824, 0x825, 0x828, 0x829, 0x840, 0x859, 0x860, 0x86b,
    0x870, 0x888, 0x889, 0x88f, 0x8a0, 0x8ca, 0x904, 0x93a, 0x93d, 0x93e, 0x950, 0x951, 0x958, 0x962, 0x971, 0x981,
    0x985, 0x98d, 0x98f, 0x991, 0x993, 0x9a9, 0x9aa, 0x9b1, 0x9b2, 0x9b3, 0x9b6, 0x9ba, 0x9bd, 0x9be, 0x9ce, 0x9cf,
    0x9dc, 0x9de, 0x9df, 0x9e2, 0x9f0, 0x9f2, 0x9fc, 0x9fd, 0xa05, 0xa0b, 0xa0f, 0xa11, 0xa13, 0xa29, 0xa2a, 0xa31,
    0xa32, 0xa34, 0xa35, 0xa37, 0xa38, 0xa3a, 0xa59, 0xa5d, 0xa5e, 0xa5f, 0xa72, 0xa75, 0xa85, 0xa8e, 0xa8f, 0xa92,
    0xa93, 0xaa9, 0xaaa, 0xab1, 0xab2, 0xab4, 0xab5, 0xaba, 0xabd, 0xabe, 0xad0, 0xad1, 0xae0, 0xae2, 0xaf9, 0xafa,
    0xb05, 0xb0d, 0xb0f, 0xb11, 0xb13, 0xb29, 0xb2a, 0xb31, 0xb32, 0xb34, 0xb35, 0xb3a, 0xb3d, 0xb3e, 0xb5c, 0xb5e,
    0xb5f, 0xb62, 0xb71, 0xb72, 0xb83, 0xb84, 0xb85, 0xb8b, 0xb8e, 0xb91, 0xb92, 0xb96, 0xb99, 0xb9b, 0xb9c, 0xb9d,
    0xb9e, 0xba0, 0xba3, 0xba5, 0xba8, 0xbab, 0xbae, 0xbba, 0xbd0, 0xbd1, 0xc05, 0xc0d, 0xc0e, 0xc11, 0xc12, 0xc29,
    0xc2a, 0xc3a, 0xc3d, 0xc3e, 0xc58, 0xc5b, 0xc5d, 0xc5e, 0xc60, 0xc62, 0xc80, 0xc81, 0xc85, 0xc8d, 0xc8e, 0xc91,
    0xc92, 0xca9, 0xcaa, 0xcb4, 0xcb5, 0xcba, 0xcbd, 0xcbe, 0xcdd, 0xcdf, 0xce0, 0xce2, 0xcf1, 0xcf3, 0xd04, 0xd0d,
    0xd0e, 0xd11, 0xd12, 0xd3b, 0xd3d, 0xd3e, 0xd4e, 0xd4f, 0xd54, 0xd57, 0xd5f, 0xd62, 0xd7a, 0xd80, 0xd85, 0xd97,
    0xd9a, 0xdb2, 0xdb3, 0xdbc, 0xdbd, 0xdbe, 0xdc0, 0xdc7, 0xe01, 0xe31, 0xe32, 0xe34, 0xe40, 0xe47, 0xe81, 0xe83,
    0xe84, 0xe85, 0xe86, 0xe8b, 0xe8c, 0xea4, 0xea5, 0xea6, 0xea7, 0xeb1, 0xeb2, 0xeb4, 0xebd, 0xebe, 0xec0, 0xec5,
    0xec6, 0xec7, 0xedc, 0xee0, 0xf00, 0xf01, 0xf40, 0xf48, 0xf49, 0xf6d, 0xf88, 0xf8d, 0x1000, 0x102b, 0x103f, 0x1040,
    0x1050, 0x1056, 0x105a, 0x105e, 0x1061, 0x1062, 0x1065, 0x1067, 0x106e, 0x1071, 0x1075, 0x1082, 0x108e, 0x108f,
    0x10a0, 0x10c6, 0x10c7, 0x10c8, 0x10cd, 0x10ce, 0x10d0, 0x10fb, 0x10fc, 0x1249, 0x124a, 0x124e, 0x1250, 0x1257,
    0x1258, 0x1259, 0x125a, 0x125e, 0x1260, 0x1289, 0x128a, 0x128e, 0x1290, 0x12b1, 0x12b2, 0x12b6, 0x12b8, 0x12bf,
    0x12c0, 0x12c1, 0x12c2, 0x12c6, 0x12c8, 0x12d7, 0x12d8, 0x1311, 0x1312, 0x1316, 0x1318, 0x135b, 0x1380, 0x1390,
    0x13a0, 0x13f6, 0x13f8, 0x13fe, 0x1401, 0x166d, 0x166f, 0x1680, 0x1681, 0x169b, 0x16a0, 0x16eb, 0x16f1, 0x16f9,
    0x1700, 0x1712, 0x171f, 0x1732, 0x1740, 0x1752, 0x1760, 0x176d, 0x176e, 0x1771, 0x1780, 0x17b4, 0x17d7, 0x17d8,
    0x17dc, 0x17dd, 0x1820, 0x1879, 0x1880, 0x1885, 0x1887, 0x18a9, 0x18aa, 0x18ab, 0x18b0, 0x18f6, 0x1900, 0x191f,
    0x1950, 0x196e, 0x1970, 0x1975, 0x1980, 0x19ac, 0x19b0, 0x19ca, 0x1a00, 0x1a17, 0x1a20, 0x1a55, 0x1aa7, 0x1aa8,
    0x1b05, 0x1b34, 0x1b45, 0x1b4d, 0x1b83, 0x1ba1, 0x1bae, 0x1bb0, 0x1bba, 0x1be6, 0x1c00, 0x1c24, 0x1c4d, 0x1c50,
    0x1c5a, 0x1c7e, 0x1c80, 0x1c89, 0x1c90, 0x1cbb, 0x1cbd, 0x1cc0, 0x1ce9, 0x1ced, 0x1cee, 0x1cf4, 0x1cf5, 0x1cf7,
    0x1cfa, 0x1cfb, 0x1d00, 0x1dc0, 0x1e00, 0x1f16, 0x1f18, 0x1f1e, 0x1f20, 0x1f46, 0x1f48, 0x1f4e, 0x1f50, 0x1f58,
    0x1f59, 0x1f5a, 0x1f5b, 0x1f5c, 0x1f5d, 0x1f5e, 0x1f5f, 0x1f7e, 0x1f80, 0x1fb5, 0x1fb6, 0x1fbd, 0x1fbe, 0x1fbf,
    0x1fc2, 0x1fc5, 0x1fc6, 0x1fcd, 0x1fd0, 0x1fd4, 0x1fd6, 0x1fdc, 0x1fe0, 0x1fed, 0x1ff2, 0x1ff5, 0x1ff6, 0x1ffd,
    0x2071, 0x2072, 0x207f, 0x2080, 0x2090, 0x209d, 0x2102, 0x2103, 0x2107, 0x2108, 0x210a, 0x2114, 0x2115, 0x2116,
    0x2119, 0x211e, 0x2124, 0x2125, 0x2126, 0x2127, 0x2128, 0x2129, 0x212a, 0x212e, 0x212f, 0x213a, 0x213c, 0x2140,
    0x2145, 0x214a, 0x214e, 0x214f, 0x2183, 0x2185, 0x2c00, 0x2ce5, 0x2ceb, 0x2cef, 0x2cf2, 0x2cf4, 0x2d00, 0x2d26,
    0x2d27, 0x2d28, 0x2d2d, 0x2d2e, 0x2d30, 0x2d68, 0x2d6f, 0x2d70, 0x2d80, 0x2d97, 0x2da0, 0x2da7, 0x2da8, 0x2daf,
    0x2db0, 0x2db7, 0x2db8, 0x2dbf, 0x2dc0, 0x2dc7, 0x2dc8, 0x2dcf, 0x2dd0, 0x2dd7, 0x2dd8, 0x2ddf, 0x2e2f, 0x2e30,
    0x3005, 0x3007, 0x3031, 0x3036, 0x303b, 0x303d, 0x3041, 0x3097, 0x309d, 0x30a0, 0x30a1, 0x30fb, 0x30fc, 0x3100,
    0x3105, 0x3130, 0x3131, 0x318f, 0x31a0, 0x31c0, 0x31f0, 0x3200, 0x3400, 0x4dc0, 0x4e00, 0xa48d, 0xa4d0, 0xa4fe,
    0xa500, 0xa60d, 0xa610, 0xa620, 0xa62a, 0xa62c, 0xa640, 0xa66f, 0xa67f, 0xa69e, 0xa6a0, 0xa6e6, 0xa717, 0xa720,
    0xa722, 0xa789, 0xa78b, 0xa7cb, 0xa7d0, 0xa7d2, 0xa7d3, 0xa7d4, 0xa7d5, 0xa7da, 0xa7f2, 0xa802, 0xa803, 0xa806,
    0xa807, 0xa80b, 0xa80c, 0xa823, 0xa840, 0xa874, 0xa882, 0xa8b4, 0xa8f2, 0xa8f8, 0xa8fb, 0xa8fc, 0xa8fd, 0xa8ff,
    0xa90a, 0xa926, 0xa930, 0xa947, 0xa960, 0xa97d, 0xa984, 0xa9b3, 0xa9cf, 0xa9d0, 0xa9e0, 0xa9e5, 0xa9e6, 0xa9f0,
    0xa9fa, 0xa9ff, 0xaa00, 0xaa29, 0xaa40, 0xaa43, 0xaa44, 0xaa4c, 0xaa60, 0xaa77, 0xaa7a, 0xaa7b, 0xaa7e, 0xaab0,
    0xaab1, 0xaab2, 0xaab5, 0xaab7, 0xaab9, 0xaabe, 0xaac0, 0xaac1, 0xaac2, 0xaac3, 0xaadb, 0xaade, 0xaae0, 0xaaeb,
    0xaaf2, 0xaaf5, 0xab01, 0xab07, 0xab09, 0xab0f, 0xab11, 0xab17, 0xab20, 0xab27, 0xab28, 0xab2f, 0xab30, 0xab5b,
    0xab5c, 0xab6a, 0xab70, 0xabe3, 0xac00, 0xd7a4, 0xd7b0, 0xd7c7, 0xd7cb, 0xd7fc, 0xf900, 0xfa6e, 0xfa70, 0xfada,
    0xfb00, 0xfb07, 0xfb13, 0xfb18, 0xfb1d, 0xfb1e, 0xfb1f, 0xfb29, 0xfb2a, 0xfb37, 0xfb38, 0xfb3d, 0xfb3e, 0xfb3f,
    0xfb40, 0xfb42, 0xfb43, 0xfb45, 0xfb46, 0xfbb2, 0xfbd3, 0xfd3e, 0xfd50, 0xfd90, 0xfd92, 0xfdc8, 0xfdf0, 0xfdfc,
    0xfe70, 0xfe75, 0xfe76, 0xfefd, 0xff21, 0xff3b, 0xff41, 0xff5b, 0xff66, 0xffbf, 0xffc2, 0xffc8, 0xffca, 0xffd0,
    0xffd2, 0xffd8, 0xffda, 0xffdd, 0x10000, 0x1000c, 0x1000d, 0x10027, 0x10028, 0x1003b, 0x1003c, 0x1003e, 0x1003f,
    0x1004e, 0x10050, 0x1005e, 0x10080, 0x100fb, 0x10280, 0x1029d, 0x102a0, 0x102d1, 0x10300, 0x10320, 0x1032d,
    0x10341, 0x10342, 0x1034a, 0x10350, 0x10376, 0x10380, 0x1039e, 0x103a0, 0x103c4, 0x103c8, 0x103d0, 0x10400,
    0x1049e, 0x104b0, 0x104d4, 0x104d8, 0x104fc, 0x10500, 0x10528, 0x10530, 0x10564, 0x10570, 0x1057b, 0x1057c,
    0x1058b, 0x1058c, 0x10593, 0x10594, 0x10596, 0x10597, 0x105a2, 0x105a3, 0x105b2, 0x105b3, 0x105ba, 0x105bb,
    0x105bd, 0x10600, 0x10737, 0x10740, 0x10756, 0x10760, 0x10768, 0x10780, 0x10786, 0x10787, 0x107b1, 0x107b2,
    0x107bb, 0x10800, 0x10806, 0x10808, 0x10809, 0x1080a, 0x10836, 0x10837, 0x10839, 0x1083c, 0x1083d, 0x1083f,
    0x10856, 0x10860, 0x10877, 0x10880, 0x1089f, 0x108e0, 0x108f3, 0x108f4, 0x108f6, 0x10900, 0x10916, 0x10920,
    0x1093a, 0x10980, 0x109b8, 0x109be, 0x109c0, 0x10a00, 0x10a01, 0x10a10, 0x10a14, 0x10a15, 0x10a18, 0x10a19,
    0x10a36, 0x10a60, 0x10a7d, 0x10a80, 0x10a9d, 0x10ac0, 0x10ac8, 0x10ac9, 0x10ae5, 0x10b00, 0x10b36, 0x10b40,
    0x10b56, 0x10b60, 0x10b73, 0x10b80, 0x10b92, 0x10c00, 0x10c49, 0x10c80, 0x10cb3, 0x10cc0, 0x10cf3, 0x10d00,
    0x10d24, 0x10e80, 0x10eaa, 0x10eb0, 0x10eb2, 0x10f00, 0x10f1d, 0x10f27, 0x10f28, 0x10f30, 0x10f46, 0x10f70,
    0x10f82, 0x10fb0, 0x10fc5, 0x10fe0, 0x10ff7, 0x11003, 0x11038, 0x11071, 0x11073, 0x11075, 0x11076, 0x11083,
    0x110b0, 0x110d0, 0x110e9, 0x11103, 0x11127, 0x11144, 0x11145, 0x11147, 0x11148, 0x11150, 0x11173, 0x11176,
    0x11177, 0x11183, 0x111b3, 0x111c1, 0x111c5, 0x111da, 0x111db, 0x111dc, 0x111dd, 0x11200, 0x11212, 0x11213,
    0x1122c, 0x11280, 0x11287, 0x11288, 0x11289, 0x1128a, 0x1128e, 0x1128f, 0x1129e, 0x1129f, 0x112a9, 0x112b0,
    0x112df, 0x11305, 0x1130d, 0x1130f, 0x11311, 0x11313, 0x11329, 0x1132a, 0x11331, 0x11332, 0x11334, 0x11335,
    0x1133a, 0x1133d, 0x1133e, 0x11350, 0x11351, 0x1135d, 0x11362, 0x11400, 0x11435, 0x11447, 0x1144b, 0x1145f,
    0x11462, 0x11480, 0x114b0, 0x114c4, 0x114c6, 0x114c7, 0x114c8, 0x11580, 0x115af, 0x115d8, 0x115dc, 0x11600,
    0x11630, 0x11644, 0x11645, 0x11680, 0x116ab, 0x116b8, 0x116b9, 0x11700, 0x1171b, 0x11740, 0x11747, 0x11800,
    0x1182c, 0x118a0, 0x118e0, 0x118ff, 0x11907, 0x11909, 0x1190a, 0x1190c, 0x11914, 0x11915, 0x11917, 0x11918,
    0x11930, 0x1193f, 0x11940, 0x11941, 0x11942, 0x119a0, 0x119a8, 0x119aa, 0x119d1, 0x119e1, 0x119e2, 0x119e3,
    0x119e4, 0x11a00, 0x11a01, 0x11a0b, 0x11a33, 0x11a3a, 0x11a3b, 0x11a50, 0x11a51, 0x11a5c, 0x11a8a, 0x11a9d,
    0x11a9e, 0x11ab0, 0x11af9, 0x11c00, 0x11c09, 0x11c0a, 0x11c2f, 0x11c40, 0x11c41, 0x11c72, 0x11c90, 0x11d00,
    0x11d07, 0x11d08, 0x11d0a, 0x11d0b, 0x11d31, 0x11d46, 0x11d47, 0x11d60, 0x11d66, 0x11d67, 0x11d69, 0x11d6a,
    0x11d8a, 0x11d98, 0x11d99, 0x11ee0, 0x11ef3, 0x11fb0, 0x11fb1, 0x12000, 0x1239a, 0x12480, 0x12544, 0x12f90,
    0x12ff1, 0x13000, 0x1342f, 0x14400, 0x14647, 0x16800, 0x16a39, 0x16a40, 0x16a5f, 0x16a70, 0x16abf, 0x16ad0,
    0x16aee, 0x16b00, 0x16b30, 0x16b40, 0x16b44, 0x16b63, 0x16b78, 0x16b7d, 0x16b90, 0x16e40, 0x16e80, 0x16f00,
    0x16f4b, 0x16f50, 0x16f51, 0x16f93, 0x16fa0, 0x16fe0, 0x16fe2, 0x16fe3, 0x16fe4, 0x17000, 0x187f8, 0x18800,
    0x18cd6, 0x18d00, 0x18d09, 0x1aff0, 0x1aff4, 0x1aff5, 0x1affc, 0x1affd, 0x1afff, 0x1b000, 0x1b123, 0x1b150,
    0x1b153, 0x1b164, 0x1b168, 0x1b170, 0x1b2fc, 0x1bc00, 0x1bc6b, 0x1bc70, 0x1bc7d, 0x1bc80, 0x1bc89, 0x1bc90,
    0x1bc9a, 0x1d400, 0x1d455, 0x1d456, 0x1d49d, 0x1d49e, 0x1d4a0, 0x1d4a2, 0x1d4a3, 0x1d4a5, 0x1d4a7, 0x1d4a9,
    0x1d4ad, 0x1d4ae, 0x1d4ba, 0x1d4bb, 0x1d4bc, 0x1d4bd, 0x1d4c4, 0x1d4c5, 0x1d506, 0x1d507, 0x1d50b, 0x1d50d,
    0x1d515, 0x1d516, 0x1d51d, 0x1d51e, 0x1d53a, 0x1d53b, 0x1d53f, 0x1d540, 0x1d545, 0x1d546, 0x1d547, 0x1d54a,
    0x1d551, 0x1d552, 0x1d6a6, 0x1d6a8, 0x1d6c1, 0x1d6c2, 0x1d6db, 0x1d6dc, 0x1d6fb, 0x1d6fc, 0x1d715, 0x1d716,
    0x1d735, 0x1d736, 0x1d74f, 0x1d750, 0x1d76f, 0x1d770, 0x1d789, 0x1d78a, 0x1d7a9, 0x1d7aa, 0x1d7c3, 0x1d7c4,
    0x1d7cc, 0x1df00, 0x1df1f, 0x1e100, 0x1e12d, 0x1e137, 0x1e13e, 0x1e14e, 0x1e14f, 0x1e290, 0x1e2ae, 0x1e2c0,
    0x1e2ec, 0x1e7e0, 0x1e7e7, 0x1e7e8, 0x1e7ec, 0x1e7ed, 0x1e7ef, 0x1e7f0, 0x1e7ff, 0x1e800, 0x1e8c5, 0x1e900,
    0x1e944, 0x1e94b, 0x1e94c, 0x1ee00, 0x1ee04, 0x1ee05, 0x1ee20, 0x1ee21, 0x1ee23, 0x1ee24, 0x1ee25, 0x1ee27,
    0x1ee28, 0x1ee29, 0x1ee33, 0x1ee34, 0x1ee38, 0x1ee39, 0x1ee3a, 0x1ee3b, 0x1ee3c, 0x1ee42, 0x1ee43, 0x1ee47,
    0x1ee48, 0x1ee49, 0x1ee4a, 0x1ee4b, 0x1ee4c, 0x1ee4d, 0x1ee50, 0x1ee51, 0x1ee53, 0x1ee54, 0x1ee55, 0x1ee57,
    0x1ee58, 0x1ee59, 0x1ee5a, 0x1ee5b, 0x1ee5c, 0x1ee5d, 0x1ee5e, 0x1ee5f, 0x1ee60, 0x1ee61, 0x1ee63, 0x1ee64,
    0x1ee65, 0x1ee67, 0x1ee6b, 0x1ee6c, 0x1ee73, 0x1ee74, 0x1ee78, 0x1ee79, 0x1ee7d, 0x1ee7e, 0x1ee7f, 0x1ee80,
    0x1ee8a, 0x1ee8b, 0x1ee9c, 0x1eea1, 0x1eea4, 0x1eea5, 0x1eeaa, 0x1eeab, 0x1eebc, 0x20000, 0x2a6e0, 0x2a700,
    0x2b739, 0x2b740, 0x2b81e, 0x2b820, 0x2cea2, 0x2ceb0, 0x2ebe1, 0x2f800, 0x2fa1e, 0x30000, 0x3134b,
];

/// `str.isdecimal` (Nd); every range starts at a zero digit and spans whole runs of ten.
const DECIMAL: &[u32] = &[
    0x30, 0x3a, 0x660, 0x66a, 0x6f0, 0x6fa, 0x7c0, 0x7ca, 0x966, 0x970, 0x9e6, 0x9f0, 0xa66, 0xa70, 0xae6, 0xaf0,
    0xb66, 0xb70, 0xbe6, 0xbf0, 0xc66, 0xc70, 0xce6, 0xcf0, 0xd66, 0xd70, 0xde6, 0xdf0, 0xe50, 0xe5a, 0xed0, 0xeda,
    0xf20, 0xf2a, 0x1040, 0x104a, 0x1090, 0x109a, 0x17e0, 0x17ea, 0x1810, 0x181a, 0x1946, 0x1950, 0x19d0, 0x19da,
    0x1a80, 0x1a8a, 0x1a90, 0x1a9a, 0x1b50, 0x1b5a, 0x1bb0, 0x1bba, 0x1c40, 0x1c4a, 0x1c50, 0x1c5a, 0xa620, 0xa62a,
    0xa8d0, 0xa8da, 0xa900, 0xa90a, 0xa9d0, 0xa9da, 0xa9f0, 0xa9fa, 0xaa50, 0xaa5a, 0xabf0, 0xabfa, 0xff10, 0xff1a,
    0x104a0, 0x104aa, 0x10d30, 0x10d3a, 0x11066, 0x11070, 0x110f0, 0x110fa, 0x11136, 0x11140, 0x111d0, 0x111da,
    0x112f0, 0x112fa, 0x11450, 0x1145a, 0x114d0, 0x114da, 0x11650, 0x1165a, 0x116c0, 0x116ca, 0x11730, 0x1173a,
    0x118e0, 0x118ea, 0x11950, 0x1195a, 0x11c50, 0x11c5a, 0x11d50, 0x11d5a, 0x11da0, 0x11daa, 0x16a60, 0x16a6a,
    0x16ac0, 0x16aca, 0x16b50, 0x16b5a, 0x1d7ce, 0x1d800, 0x1e140, 0x1e14a, 0x1e2f0, 0x1e2fa, 0x1e950, 0x1e95a,
    0x1fbf0, 0x1fbfa,
];

/// `str.isdigit` characters that are not decimal (Numeric_Type=Digit).
const DIGIT_EXTRA: &[u32] = &[
    0xb2, 0xb4, 0xb9, 0xba, 0x1369, 0x1372, 0x19da, 0x19db, 0x2070, 0x2071, 0x2074, 0x207a, 0x2080, 0x208a, 0x2460,
    0x2469, 0x2474, 0x247d, 0x2488, 0x2491, 0x24ea, 0x24eb, 0x24f5, 0x24fe, 0x24ff, 0x2500, 0x2776, 0x277f, 0x2780,
    0x2789, 0x278a, 0x2793, 0x10a40, 0x10a44, 0x10e60, 0x10e69, 0x11052, 0x1105b, 0x1f100, 0x1f10b,
];

/// `str.isnumeric` characters that are not digits (Numeric_Type=Numeric).
const NUMERIC_EXTRA: &[u32] = &[
    0xbc, 0xbf, 0x9f4, 0x9fa, 0xb72, 0xb78, 0xbf0, 0xbf3, 0xc78, 0xc7f, 0xd58, 0xd5f, 0xd70, 0xd79, 0xf2a, 0xf34,
    0x1372, 0x137d, 0x16ee, 0x16f1, 0x17f0, 0x17fa, 0x2150, 0x2183, 0x2185, 0x218a, 0x2469, 0x2474, 0x247d, 0x2488,
    0x2491, 0x249c, 0x24eb, 0x24f5, 0x24fe, 0x24ff, 0x277f, 0x2780, 0x2789, 0x278a, 0x2793, 0x2794, 0x2cfd, 0x2cfe,
    0x3007, 0x3008, 0x3021, 0x302a, 0x3038, 0x303b, 0x3192, 0x3196, 0x3220, 0x322a, 0x3248, 0x3250, 0x3251, 0x3260,
    0x3280, 0x328a, 0x32b1, 0x32c0, 0x3405, 0x3406, 0x3483, 0x3484, 0x382a, 0x382b, 0x3b4d, 0x3b4e, 0x4e00, 0x4e01,
    0x4e03, 0x4e04, 0x4e07, 0x4e08, 0x4e09, 0x4e0a, 0x4e5d, 0x4e5e, 0x4e8c, 0x4e8d, 0x4e94, 0x4e95, 0x4e96, 0x4e97,
    0x4ebf, 0x4ec1, 0x4edf, 0x4ee0, 0x4ee8, 0x4ee9, 0x4f0d, 0x4f0e, 0x4f70, 0x4f71, 0x5104, 0x5105, 0x5146, 0x5147,
    0x5169, 0x516a, 0x516b, 0x516c, 0x516d, 0x516e, 0x5341, 0x5342, 0x5343, 0x5346, 0x534c, 0x534d, 0x53c1, 0x53c5,
    0x56db, 0x56dc, 0x58f1, 0x58f2, 0x58f9, 0x58fa, 0x5e7a, 0x5e7b, 0x5efe, 0x5f00, 0x5f0c, 0x5f0f, 0x5f10, 0x5f11,
    0x62fe, 0x62ff, 0x634c, 0x634d, 0x67d2, 0x67d3, 0x6f06, 0x6f07, 0x7396, 0x7397, 0x767e, 0x767f, 0x8086, 0x8087,
    0x842c, 0x842d, 0x8cae, 0x8caf, 0x8cb3, 0x8cb4, 0x8d30, 0x8d31, 0x9621, 0x9622, 0x9646, 0x9647, 0x964c, 0x964d,
    0x9678, 0x9679, 0x96f6, 0x96f7, 0xa6e6, 0xa6f0, 0xa830, 0xa836, 0xf96b, 0xf96c, 0xf973, 0xf974, 0xf978, 0xf979,
    0xf9b2, 0xf9b3, 0xf9d1, 0xf9d2, 0xf9d3, 0xf9d4, 0xf9fd, 0xf9fe, 0x10107, 0x10134, 0x10140, 0x10179, 0x1018a,
    0x1018c, 0x102e1, 0x102fc, 0x10320, 0x10324, 0x10341, 0x10342, 0x1034a, 0x1034b, 0x103d1, 0x103d6, 0x10858,
    0x10860, 0x10879, 0x10880, 0x108a7, 0x108b0, 0x108fb, 0x10900, 0x10916, 0x1091c, 0x109bc, 0x109be, 0x109c0,
    0x109d0, 0x109d2, 0x10a00, 0x10a44, 0x10a49, 0x10a7d, 0x10a7f, 0x10a9d, 0x10aa0, 0x10aeb, 0x10af0, 0x10b58,
    0x10b60, 0x10b78, 0x10b80, 0x10ba9, 0x10bb0, 0x10cfa, 0x10d00, 0x10e69, 0x10e7f, 0x10f1d, 0x10f27, 0x10f51,
    0x10f55, 0x10fc5, 0x10fcc, 0x1105b, 0x11066, 0x111e1, 0x111f5, 0x1173a, 0x1173c, 0x118ea, 0x118f3, 0x11c5a,
    0x11c6d, 0x11fc0, 0x11fd5, 0x12400, 0x1246f, 0x16b5b, 0x16b62, 0x16e80, 0x16e97, 0x1d2e0, 0x1d2f4, 0x1d360,
    0x1d379, 0x1e8c7, 0x1e8d0, 0x1ec71, 0x1ecac, 0x1ecad, 0x1ecb0, 0x1ecb1, 0x1ecb5, 0x1ed01, 0x1ed2e, 0x1ed2f,
    0x1ed3e, 0x1f10b, 0x1f10d, 0x20001, 0x20002, 0x20064, 0x20065, 0x200e2, 0x200e3, 0x20121, 0x20122, 0x2092a,
    0x2092b, 0x20983, 0x20984, 0x2098c, 0x2098d, 0x2099c, 0x2099d, 0x20aea, 0x20aeb, 0x20afd, 0x20afe, 0x20b19,
    0x20b1a, 0x22390, 0x22391, 0x22998, 0x22999, 0x23b1b, 0x23b1c, 0x2626d, 0x2626e, 0x2f890, 0x2f891,
];

/// `str.isspace`: bidirectional class WS, B or S, or category Zs.
const SPACE: &[u32] = &[
    0x9, 0xe, 0x1c, 0x21, 0x85, 0x86, 0xa0, 0xa1, 0x1680, 0x1681, 0x2000, 0x200b, 0x2028, 0x202a, 0x202f, 0x2030,
    0x205f, 0x2060, 0x3000, 0x3001,
];

/// Category Lt.
const TITLECASE: &[u32] = &[
    0x1c5, 0x1c6, 0x1c8, 0x1c9, 0x1cb, 0x1cc, 0x1f2, 0x1f3, 0x1f88, 0x1f90, 0x1f98, 0x1fa0, 0x1fa8, 0x1fb0, 0x1fbc,
    0x1fbd, 0x1fcc, 0x1fcd, 0x1ffc, 0x1ffd,
];

/// XID_Start (or `_`) characters that are not `isalpha`.
const XID_START_EXTRA: &[u32] = &[
    0x5f, 0x60, 0x16ee, 0x16f1, 0x1885, 0x1887, 0x2118, 0x2119, 0x212e, 0x212f, 0x2160, 0x2183, 0x2185, 0x2189, 0x3007,
    0x3008, 0x3021, 0x302a, 0x3038, 0x303b, 0xa6e6, 0xa6f0, 0x10140, 0x10175, 0x10341, 0x10342, 0x1034a, 0x1034b,
    0x103d1, 0x103d6, 0x12400, 0x1246f,
];

/// `isalpha` characters that are not XID_Start.
const XID_START_EXCLUDED: &[u32] = &[
    0x37a, 0x37b, 0xe33, 0xe34, 0xeb3, 0xeb4, 0x2e2f, 0x2e30, 0xfc5e, 0xfc64, 0xfdfa, 0xfdfc, 0xfe70, 0xfe71, 0xfe72,
    0xfe73, 0xfe74, 0xfe75, 0xfe76, 0xfe77, 0xfe78, 0xfe79, 0xfe7a, 0xfe7b, 0xfe7c, 0xfe7d, 0xfe7e, 0xfe7f, 0xff9e,
    0xffa0,
];

/// XID_Continue characters that are neither XID_Start nor decimal.
const XID_CONTINUE_EXTRA: &[u32] = &[
    0xb7, 0xb8, 0x300, 0x370, 0x387, 0x388, 0x483, 0x488, 0x591, 0x5be, 0x5bf, 0x5c0, 0x5c1, 0x5c3, 0x5c4, 0x5c6,
    0x5c7, 0x5c8, 0x610, 0x61b, 0x64b, 0x660, 0x670, 0x671, 0x6d6, 0x6dd, 0x6df, 0x6e5, 0x6e7, 0x6e9, 0x6ea, 0x6ee,
    0x711, 0x712, 0x730, 0x74b, 0x7a6, 0x7b1, 0x7eb, 0x7f4, 0x7fd, 0x7fe, 0x816, 0x81a, 0x81b, 0x824, 0x825, 0x828,
    0x829, 0x82e, 0x859, 0x85c, 0x898, 0x8a0, 0x8ca, 0x8e2, 0x8e3, 0x904, 0x93a, 0x93d, 0x93e, 0x950, 0x951, 0x958,
    0x962, 0x964, 0x981, 0x984, 0x9bc, 0x9bd, 0x9be, 0x9c5, 0x9c7, 0x9c9, 0x9cb, 0x9ce, 0x9d7, 0x9d8, 0x9e2, 0x9e4,
    0x9fe, 0x9ff, 0xa01, 0xa04, 0xa3c, 0xa3d, 0xa3e, 0xa43, 0xa47, 0xa49, 0xa4b, 0xa4e, 0xa51, 0xa52, 0xa70, 0xa72,
    0xa75, 0xa76, 0xa81, 0xa84, 0xabc, 0xabd, 0xabe, 0xac6, 0xac7, 0xaca, 0xacb, 0xace, 0xae2, 0xae4, 0xafa, 0xb00,
    0xb01, 0xb04, 0xb3c, 0xb3d, 0xb3e, 0xb45, 0xb47, 0xb49, 0xb4b, 0xb4e, 0xb55, 0xb58, 0xb62, 0xb64, 0xb82, 0xb83,
    0xbbe, 0xbc3, 0xbc6, 0xbc9, 0xbca, 0xbce, 0xbd7, 0xbd8, 0xc00, 0xc05, 0xc3c, 0xc3d, 0xc3e, 0xc45, 0xc46, 0xc49,
    0xc4a, 0xc4e, 0xc55, 0xc57, 0xc62, 0xc64, 0xc81, 0xc84, 0xcbc, 0xcbd, 0xcbe, 0xcc5, 0xcc6, 0xcc9, 0xcca, 0xcce,
    0xcd5, 0xcd7, 0xce2, 0xce4, 0xd00, 0xd04, 0xd3b, 0xd3d, 0xd3e, 0xd45, 0xd46, 0xd49, 0xd4a, 0xd4e, 0xd57, 0xd58,
    0xd62, 0xd64, 0xd81, 0xd84, 0xdca, 0xdcb, 0xdcf, 0xdd5, 0xdd6, 0xdd7, 0xdd8, 0xde0, 0xdf2, 0xdf4, 0xe31, 0xe32,
    0xe33, 0xe3b, 0xe47, 0xe4f, 0xeb1, 0xeb2, 0xeb3, 0xebd, 0xec8, 0xece, 0xf18, 0xf1a, 0xf35, 0xf36, 0xf37, 0xf38,
    0xf39, 0xf3a, 0xf3e, 0xf40, 0xf71, 0xf85, 0xf86, 0xf88, 0xf8d, 0xf98, 0xf99, 0xfbd, 0xfc6, 0xfc7, 0x102b, 0x103f,
    0x1056, 0x105a, 0x105e, 0x1061, 0x1062, 0x1065, 0x1067, 0x106e, 0x1071, 0x1075, 0x1082, 0x108e, 0x108f, 0x1090,
    0x109a, 0x109e, 0x135d, 0x1360, 0x1369, 0x1372, 0x1712, 0x1716, 0x1732, 0x1735, 0x1752, 0x1754, 0x1772, 0x1774,
    0x17b4, 0x17d4, 0x17dd, 0x17de, 0x180b, 0x180e, 0x180f, 0x1810, 0x18a9, 0x18aa, 0x1920, 0x192c, 0x1930, 0x193c,
    0x19da, 0x19db, 0x1a17, 0x1a1c, 0x1a55, 0x1a5f, 0x1a60, 0x1a7d, 0x1a7f, 0x1a80, 0x1ab0, 0x1abe, 0x1abf, 0x1acf,
    0x1b00, 0x1b05, 0x1b34, 0x1b45, 0x1b6b, 0x1b74, 0x1b80, 0x1b83, 0x1ba1, 0x1bae, 0x1be6, 0x1bf4, 0x1c24, 0x1c38,
    0x1cd0, 0x1cd3, 0x1cd4, 0x1ce9, 0x1ced, 0x1cee, 0x1cf4, 0x1cf5, 0x1cf7, 0x1cfa, 0x1dc0, 0x1e00, 0x203f, 0x2041,
    0x2054, 0x2055, 0x20d0, 0x20dd, 0x20e1, 0x20e2, 0x20e5, 0x20f1, 0x2cef, 0x2cf2, 0x2d7f, 0x2d80, 0x2de0, 0x2e00,
    0x302a, 0x3030, 0x3099, 0x309b, 0xa66f, 0xa670, 0xa674, 0xa67e, 0xa69e, 0xa6a0, 0xa6f0, 0xa6f2, 0xa802, 0xa803,
    0xa806, 0xa807, 0xa80b, 0xa80c, 0xa823, 0xa828, 0xa82c, 0xa82d, 0xa880, 0xa882, 0xa8b4, 0xa8c6, 0xa8e0, 0xa8f2,
    0xa8ff, 0xa900, 0xa926, 0xa92e, 0xa947, 0xa954, 0xa980, 0xa984, 0xa9b3, 0xa9c1, 0xa9e5, 0xa9e6, 0xaa29, 0xaa37,
    0xaa43, 0xaa44, 0xaa4c, 0xaa4e, 0xaa7b, 0xaa7e, 0xaab0, 0xaab1, 0xaab2, 0xaab5, 0xaab7, 0xaab9, 0xaabe, 0xaac0,
    0xaac1, 0xaac2, 0xaaeb, 0xaaf0, 0xaaf5, 0xaaf7, 0xabe3, 0xabeb, 0xabec, 0xabee, 0xfb1e, 0xfb1f, 0xfe00, 0xfe10,
    0xfe20, 0xfe30, 0xfe33, 0xfe35, 0xfe4d, 0xfe50, 0xff3f, 0xff40, 0xff9e, 0xffa0, 0x101fd, 0x101fe, 0x102e0, 0x102e1,
    0x10376, 0x1037b, 0x10a01, 0x10a04, 0x10a05, 0x10a07, 0x10a0c, 0x10a10, 0x10a38, 0x10a3b, 0x10a3f, 0x10a40,
    0x10ae5, 0x10ae7, 0x10d24, 0x10d28, 0x10eab, 0x10ead, 0x10f46, 0x10f51, 0x10f82, 0x10f86, 0x11000, 0x11003,
    0x11038, 0x11047, 0x11070, 0x11071, 0x11073, 0x11075, 0x1107f, 0x11083, 0x110b0, 0x110bb, 0x110c2, 0x110c3,
    0x11100, 0x11103, 0x11127, 0x11135, 0x11145, 0x11147, 0x11173, 0x11174, 0x11180, 0x11183, 0x111b3, 0x111c1,
    0x111c9, 0x111cd, 0x111ce, 0x111d0, 0x1122c, 0x11238, 0x1123e, 0x1123f, 0x112df, 0x112eb, 0x11300, 0x11304,
    0x1133b, 0x1133d, 0x1133e, 0x11345, 0x11347, 0x11349, 0x1134b, 0x1134e, 0x11357, 0x11358, 0x11362, 0x11364,
    0x11366, 0x1136d, 0x11370, 0x11375, 0x11435, 0x11447, 0x1145e, 0x1145f, 0x114b0, 0x114c4, 0x115af, 0x115b6,
    0x115b8, 0x115c1, 0x115dc, 0x115de, 0x11630, 0x11641, 0x116ab, 0x116b8, 0x1171d, 0x1172c, 0x1182c, 0x1183b,
    0x11930, 0x11936, 0x11937, 0x11939, 0x1193b, 0x1193f, 0x11940, 0x11941, 0x11942, 0x11944, 0x119d1, 0x119d8,
    0x119da, 0x119e1, 0x119e4, 0x119e5, 0x11a01, 0x11a0b, 0x11a33, 0x11a3a, 0x11a3b, 0x11a3f, 0x11a47, 0x11a48,
    0x11a51, 0x11a5c, 0x11a8a, 0x11a9a, 0x11c2f, 0x11c37, 0x11c38, 0x11c40, 0x11c92, 0x11ca8, 0x11ca9, 0x11cb7,
    0x11d31, 0x11d37, 0x11d3a, 0x11d3b, 0x11d3c, 0x11d3e, 0x11d3f, 0x11d46, 0x11d47, 0x11d48, 0x11d8a, 0x11d8f,
    0x11d90, 0x11d92, 0x11d93, 0x11d98, 0x11ef3, 0x11ef7, 0x16af0, 0x16af5, 0x16b30, 0x16b37, 0x16f4f, 0x16f50,
    0x16f51, 0x16f88, 0x16f8f, 0x16f93, 0x16fe4, 0x16fe5, 0x16ff0, 0x16ff2, 0x1bc9d, 0x1bc9f, 0x1cf00, 0x1cf2e,
    0x1cf30, 0x1cf47, 0x1d165, 0x1d16a, 0x1d16d, 0x1d173, 0x1d17b, 0x1d183, 0x1d185, 0x1d18c, 0x1d1aa, 0x1d1ae,
    0x1d242, 0x1d245, 0x1da00, 0x1da37, 0x1da3b, 0x1da6d, 0x1da75, 0x1da76, 0x1da84, 0x1da85, 0x1da9b, 0x1daa0,
    0x1daa1, 0x1dab0, 0x1e000, 0x1e007, 0x1e008, 0x1e019, 0x1e01b, 0x1e022, 0x1e023, 0x1e025, 0x1e026, 0x1e02b,
    0x1e130, 0x1e137, 0x1e2ae, 0x1e2af, 0x1e2ec, 0x1e2f0, 0x1e8d0, 0x1e8d7, 0x1e944, 0x1e94b, 0xe0100, 0xe01f0,
];

/// Full case foldings that differ from the full lowercase mapping
/// (Cherokee is handled in code).
const CASEFOLD_SPECIAL: &[(char, &str)] = &[
    ('\u{b5}', "\u{3bc}"),
    ('\u{df}', "ss"),
    ('\u{149}', "\u{2bc}n"),
    ('\u{17f}', "s"),
    ('\u{1f0}', "j\u{30c}"),
    ('\u{345}', "\u{3b9}"),
    ('\u{390}', "\u{3b9}\u{308}\u{301}"),
    ('\u{3b0}', "\u{3c5}\u{308}\u{301}"),
    ('\u{3c2}', "\u{3c3}"),
    ('\u{3d0}', "\u{3b2}"),
    ('\u{3d1}', "\u{3b8}"),
    ('\u{3d5}', "\u{3c6}"),
    ('\u{3d6}', "\u{3c0}"),
    ('\u{3f0}', "\u{3ba}"),
    ('\u{3f1}', "\u{3c1}"),
    ('\u{3f5}', "\u{3b5}"),
    ('\u{587}', "\u{565}\u{582}"),
    ('\u{1c80}', "\u{432}"),
    ('\u{1c81}', "\u{434}"),
    ('\u{1c82}', "\u{43e}"),
    ('\u{1c83}', "\u{441}"),
    ('\u{1c84}', "\u{442}"),
    ('\u{1c85}', "\u{442}"),
    ('\u{1c86}', "\u{44a}"),
    ('\u{1c87}', "\u{463}"),
    ('\u{1c88}', "\u{a64b}"),
    ('\u{1e96}', "h\u{331}"),
    ('\u{1e97}', "t\u{308}"),
    ('\u{1e98}', "w\u{30a}"),
    ('\u{1e99}', "y\u{30a}"),
    ('\u{1e9a}', "a\u{2be}"),
    ('\u{1e9b}', "\u{1e61}"),
    ('\u{1e9e}', "ss"),
    ('\u{1f50}', "\u{3c5}\u{313}"),
    ('\u{1f52}', "\u{3c5}\u{313}\u{300}"),
    ('\u{1f54}', "\u{3c5}\u{313}\u{301}"),
    ('\u{1f56}', "\u{3c5}\u{313}\u{342}"),
    ('\u{1f80}', "\u{1f00}\u{3b9}"),
    ('\u{1f81}', "\u{1f01}\u{3b9}"),
    ('\u{1f82}', "\u{1f02}\u{3b9}"),
    ('\u{1f83}', "\u{1f03}\u{3b9}"),
    ('\u{1f84}', "\u{1f04}\u{3b9}"),
    ('\u{1f85}', "\u{1f05}\u{3b9}"),
    ('\u{1f86}', "\u{1f06}\u{3b9}"),
    ('\u{1f87}', "\u{1f07}\u{3b9}"),
    ('\u{1f88}', "\u{1f00}\u{3b9}"),
    ('\u{1f89}', "\u{1f01}\u{3b9}"),
    ('\u{1f8a}', "\u{1f02}\u{3b9}"),
    ('\u{1f8b}', "\u{1f03}\u{3b9}"),
    ('\u{1f8c}', "\u{1f04}\u{3b9}"),
    ('\u{1f8d}', "\u{1f05}\u{3b9}"),
    ('\u{1f8e}', "\u{1f06}\u{3b9}"),
    ('\u{1f8f}', "\u{1f07}\u{3b9}"),
    ('\u{1f90}', "\u{1f20}\u{3b9}"),
    ('\u{1f91}', "\u{1f21}\u{3b9}"),
    ('\u{1f92}', "\u{1f22}\u{3b9}"),
    ('\u{1f93}', "\u{1f23}\u{3b9}"),
    ('\u{1f94}', "\u{1f24}\u{3b9}"),
    ('\u{1f95}', "\u{1f25}\u{3b9}"),
    ('\u{1f96}', "\u{1f26}\u{3b9}"),
    ('\u{1f97}', "\u{1f27}\u{3b9}"),
    ('\u{1f98}', "\u{1f20}\u{3b9}"),
    ('\u{1f99}', "\u{1f21}\u{3b9}"),
    ('\u{1f9a}', "\u{1f22}\u{3b9}"),
    ('\u{1f9b}', "\u{1f23}\u{3b9}"),
    ('\u{1f9c}', "\u{1f24}\u{3b9}"),
    ('\u{1f9d}', "\u{1f25}\u{3b9}"),
    ('\u{1f9e}', "\u{1f26}\u{3b9}"),
    ('\u{1f9f}', "\u{1f27}\u{3b9}"),
    ('\u{1fa0}', "\u{1f60}\u{3b9}"),
    ('\u{1fa1}', "\u{1f61}\u{3b9}"),
    ('\u{1fa2}', "\u{1f62}\u{3b9}"),
    ('\u{1fa3}', "\u{1f63}\u{3b9}"),
    ('\u{1fa4}', "\u{1f64}\u{3b9}"),
    ('\u{1fa5}', "\u{1f65}\u{3b9}"),
    ('\u{1fa6}', "\u{1f66}\u{3b9}"),
    ('\u{1fa7}', "\u{1f67}\u{3b9}"),
    ('\u{1fa8}', "\u{1f60}\u{3b9}"),
    ('\u{1fa9}', "\u{1f61}\u{3b9}"),
    ('\u{1faa}', "\u{1f62}\u{3b9}"),
    ('\u{1fab}', "\u{1f63}\u{3b9}"),
    ('\u{1fac}', "\u{1f64}\u{3b9}"),
    ('\u{1fad}', "\u{1f65}\u{3b9}"),
    ('\u{1fae}', "\u{1f66}\u{3b9}"),
    ('\u{1faf}', "\u{1f67}\u{3b9}"),
    ('\u{1fb2}', "\u{1f70}\u{3b9}"),
    ('\u{1fb3}', "\u{3b1}\u{3b9}"),
    ('\u{1fb4}', "\u{3ac}\u{3b9}"),
    ('\u{1fb6}', "\u{3b1}\u{342}"),
    ('\u{1fb7}', "\u{3b1}\u{342}\u{3b9}"),
    ('\u{1fbc}', "\u{3b1}\u{3b9}"),
    ('\u{1fbe}', "\u{3b9}"),
    ('\u{1fc2}', "\u{1f74}\u{3b9}"),
    ('\u{1fc3}', "\u{3b7}\u{3b9}"),
    ('\u{1fc4}', "\u{3ae}\u{3b9}"),
    ('\u{1fc6}', "\u{3b7}\u{342}"),
    ('\u{1fc7}', "\u{3b7}\u{342}\u{3b9}"),
    ('\u{1fcc}', "\u{3b7}\u{3b9}"),
    ('\u{1fd2}', "\u{3b9}\u{308}\u{300}"),
    ('\u{1fd3}', "\u{3b9}\u{308}\u{301}"),
    ('\u{1fd6}', "\u{3b9}\u{342}"),
    ('\u{1fd7}', "\u{3b9}\u{308}\u{342}"),
    ('\u{1fe2}', "\u{3c5}\u{308}\u{300}"),
    ('\u{1fe3}', "\u{3c5}\u{308}\u{301}"),
    ('\u{1fe4}', "\u{3c1}\u{313}"),
    ('\u{1fe6}', "\u{3c5}\u{342}"),
    ('\u{1fe7}', "\u{3c5}\u{308}\u{342}"),
    ('\u{1ff2}', "\u{1f7c}\u{3b9}"),
    ('\u{1ff3}', "\u{3c9}\u{3b9}"),
    ('\u{1ff4}', "\u{3ce}\u{3b9}"),
    ('\u{1ff6}', "\u{3c9}\u{342}"),
    ('\u{1ff7}', "\u{3c9}\u{342}\u{3b9}"),
    ('\u{1ffc}', "\u{3c9}\u{3b9}"),
    ('\u{fb00}', "ff"),
    ('\u{fb01}', "fi"),
    ('\u{fb02}', "fl"),
    ('\u{fb03}', "ffi"),
    ('\u{fb04}', "ffl"),
    ('\u{fb05}', "st"),
    ('\u{fb06}', "st"),
    ('\u{fb13}', "\u{574}\u{576}"),
    ('\u{fb14}', "\u{574}\u{565}"),
    ('\u{fb15}', "\u{574}\u{56b}"),
    ('\u{fb16}', "\u{57e}\u{576}"),
    ('\u{fb17}', "\u{574}\u{56d}"),
];

/// Full titlecase mappings that differ from the full uppercase mapping.
const TITLE_SPECIAL: &[(char, &str)] = &[
    ('\u{df}', "Ss"),
    ('\u{1c4}', "\u{1c5}"),
    ('\u{1c5}', "\u{1c5}"),
    ('\u{1c6}', "\u{1c5}"),
    ('\u{1c7}', "\u{1c8}"),
    ('\u{1c8}', "\u{1c8}"),
    ('\u{1c9}', "\u{1c8}"),
    ('\u{1ca}', "\u{1cb}"),
    ('\u{1cb}', "\u{1cb}"),
    ('\u{1cc}', "\u{1cb}"),
    ('\u{1f1}', "\u{1f2}"),
    ('\u{1f2}', "\u{1f2}"),
    ('\u{1f3}', "\u{1f2}"),
    ('\u{587}', "\u{535}\u{582}"),
    ('\u{10d0}', "\u{10d0}"),
    ('\u{10d1}', "\u{10d1}"),
    ('\u{10d2}', "\u{10d2}"),
    ('\u{10d3}', "\u{10d3}"),
    ('\u{10d4}', "\u{10d4}"),
    ('\u{10d5}', "\u{10d5}"),
    ('\u{10d6}', "\u{10d6}"),
    ('\u{10d7}', "\u{10d7}"),
    ('\u{10d8}', "\u{10d8}"),
    ('\u{10d9}', "\u{10d9}"),
    ('\u{10da}', "\u{10da}"),
    ('\u{10db}', "\u{10db}"),
    ('\u{10dc}', "\u{10dc}"),
    ('\u{10dd}', "\u{10dd}"),
    ('\u{10de}', "\u{10de}"),
    ('\u{10df}', "\u{10df}"),
    ('\u{10e0}', "\u{10e0}"),
    ('\u{10e1}', "\u{10e1}"),
    ('\u{10e2}', "\u{10e2}"),
    ('\u{10e3}', "\u{10e3}"),
    ('\u{10e4}', "\u{10e4}"),
    ('\u{10e5}', "\u{10e5}"),
    ('\u{10e6}', "\u{10e6}"),
    ('\u{10e7}', "\u{10e7}"),
    ('\u{10e8}', "\u{10e8}"),
    ('\u{10e9}', "\u{10e9}"),
    ('\u{10ea}', "\u{10ea}"),
    ('\u{10eb}', "\u{10eb}"),
    ('\u{10ec}', "\u{10ec}"),
    ('\u{10ed}', "\u{10ed}"),
    ('\u{10ee}', "\u{10ee}"),
    ('\u{10ef}', "\u{10ef}"),
    ('\u{10f0}', "\u{10f0}"),
    ('\u{10f1}', "\u{10f1}"),
    ('\u{10f2}', "\u{10f2}"),
    ('\u{10f3}', "\u{10f3}"),
    ('\u{10f4}', "\u{10f4}"),
    ('\u{10f5}', "\u{10f5}"),
    ('\u{10f6}', "\u{10f6}"),
    ('\u{10f7}', "\u{10f7}"),
    ('\u{10f8}', "\u{10f8}"),
    ('\u{10f9}', "\u{10f9}"),
    ('\u{10fa}', "\u{10fa}"),
    ('\u{10fd}', "\u{10fd}"),
    ('\u{10fe}', "\u{10fe}"),
    ('\u{10ff}', "\u{10ff}"),
    ('\u{1f80}', "\u{1f88}"),
    ('\u{1f81}', "\u{1f89}"),
    ('\u{1f82}', "\u{1f8a}"),
    ('\u{1f83}', "\u{1f8b}"),
    ('\u{1f84}', "\u{1f8c}"),
    ('\u{1f85}', "\u{1f8d}"),
    ('\u{1f86}', "\u{1f8e}"),
    ('\u{1f87}', "\u{1f8f}"),
    ('\u{1f88}', "\u{1f88}"),
    ('\u{1f89}', "\u{1f89}"),
    ('\u{1f8a}', "\u{1f8a}"),
    ('\u{1f8b}', "\u{1f8b}"),
    ('\u{1f8c}', "\u{1f8c}"),
    ('\u{1f8d}', "\u{1f8d}"),
    ('\u{1f8e}', "\u{1f8e}"),
    ('\u{1f8f}', "\u{1f8f}"),
    ('\u{1f90}', "\u{1f98}"),
    ('\u{1f91}', "\u{1f99}"),
    ('\u{1f92}', "\u{1f9a}"),
    ('\u{1f93}', "\u{1f9b}"),
    ('\u{1f94}', "\u{1f9c}"),
    ('\u{1f95}', "\u{1f9d}"),
    ('\u{1f96}', "\u{1f9e}"),
    ('\u{1f97}', "\u{1f9f}"),
    ('\u{1f98}', "\u{1f98}"),
    ('\u{1f99}', "\u{1f99}"),
    ('\u{1f9a}', "\u{1f9a}"),
    ('\u{1f9b}', "\u{1f9b}"),
    ('\u{1f9c}', "\u{1f9c}"),
    ('\u{1f9d}', "\u{1f9d}"),
    ('\u{1f9e}', "\u{1f9e}"),
    ('\u{1f9f}', "\u{1f9f}"),
    ('\u{1fa0}', "\u{1fa8}"),
    ('\u{1fa1}', "\u{1fa9}"),
    ('\u{1fa2}', "\u{1faa}"),
    ('\u{1fa3}', "\u{1fab}"),
    ('\u{1fa4}', "\u{1fac}"),
    ('\u{1fa5}', "\u{1fad}"),
    ('\u{1fa6}', "\u{1fae}"),
    ('\u{1fa7}', "\u{1faf}"),
    ('\u{1fa8}', "\u{1fa8}"),
    ('\u{1fa9}', "\u{1fa9}"),
    ('\u{1faa}', "\u{1faa}"),
    ('\u{1fab}', "\u{1fab}"),
    ('\u{1fac}', "\u{1fac}"),
    ('\u{1fad}', "\u{1fad}"),
    ('\u{1fae}', "\u{1fae}"),
    ('\u{1faf}', "\u{1faf}"),
    ('\u{1fb2}', "\u{1fba}\u{345}"),
    ('\u{1fb3}', "\u{1fbc}"),
    ('\u{1fb4}', "\u{386}\u{345}"),
    ('\u{1fb7}', "\u{391}\u{342}\u{345}"),
    ('\u{1fbc}', "\u{1fbc}"),
    ('\u{1fc2}', "\u{1fca}\u{345}"),
    ('\u{1fc3}', "\u{1fcc}"),
    ('\u{1fc4}', "\u{389}\u{345}"),
    ('\u{1fc7}', "\u{397}\u{342}\u{345}"),
    ('\u{1fcc}', "\u{1fcc}"),
    ('\u{1ff2}', "\u{1ffa}\u{345}"),
    ('\u{1ff3}', "\u{1ffc}"),
    ('\u{1ff4}', "\u{38f}\u{345}"),
    ('\u{1ff7}', "\u{3a9}\u{342}\u{345}"),
    ('\u{1ffc}', "\u{1ffc}"),
    ('\u{fb00}', "Ff"),
    ('\u{fb01}', "Fi"),
    ('\u{fb02}', "Fl"),
    ('\u{fb03}', "Ffi"),
    ('\u{fb04}', "Ffl"),
    ('\u{fb05}', "St"),
    ('\u{fb06}', "St"),
    ('\u{fb13}', "\u{544}\u{576}"),
    ('\u{fb14}', "\u{544}\u{565}"),
    ('\u{fb15}', "\u{544}\u{56b}"),
    ('\u{fb16}', "\u{54e}\u{576}"),
    ('\u{fb17}', "\u{544}\u{56d}"),
];

#[cfg(test)]
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    // splitlines: (s, s.splitlines(), s.splitlines(True))
    const SPLITLINES: &[(&str, &[&str], &[&str])] = &[
        ("", &[], &[]),
        ("a", &["a"], &["a"]),
        ("a\n", &["a"], &["a\n"]),
        ("a\nb", &["a", "b"], &["a\n", "b"]),
        ("a\r\nb\r\n", &["a", "b"], &["a\r\n", "b\r\n"]),
        ("\n\n", &["", ""], &["\n", "\n"]),
        (
            "a\rb\u{b}c\u{c}d\u{1c}e\u{1d}f\u{1e}g\u{85}h\u{2028}i\u{2029}j",
            &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
            &["a\r", "b\u{b}", "c\u{c}", "d\u{1c}", "e\u{1d}", "f\u{1e}", "g\u{85}", "h\u{2028}", "i\u{2029}", "j"],
        ),
        ("x\n\r", &["x", ""], &["x\n", "\r"]),
        ("\r\r\n", &["", ""], &["\r", "\r\n"]),
        ("no\u{1f}break", &["no\u{1f}break"], &["no\u{1f}break"]),
    ];
    // strip: (s, chars, strip, lstrip, rstrip)
    const STRIP: &[(&str, Option<&str>, &str, &str, &str)] = &[
        ("", None, "", "", ""),
        ("", Some(""), "", "", ""),
        ("", Some("x"), "", "", ""),
        ("", Some("ab"), "", "", ""),
        ("", Some(" \u{e9}"), "", "", ""),
        ("  a b  ", None, "a b", "a b  ", "  a b"),
        ("  a b  ", Some(""), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some("x"), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some("ab"), "  a b  ", "  a b  ", "  a b  "),
        ("  a b  ", Some(" \u{e9}"), "a b", "a b  ", "  a b"),
        ("\u{1c}\u{3000}x\u{85}\t", None, "x", "x\u{85}\t", "\u{1c}\u{3000}x"),
        (
            "\u{1c}\u{3000}x\u{85}\t",
            Some(""),
            "\u{1c}\u{3000}x\u{85}\t",
            "\u{1c}\u{3000}x\u{85}\t",
            "\u{1c}\u{3000}x\u{85}\t",
        ),
        (
            "\u{1c}\u{3000}x\u{85}\t",
            Some("x"),
            "\u{1c}\u{3000}x\u{85}\t",
            "\u{1c}\u{3000}x\u{85}\t",
            "\u{1c}\u{3000}x\u{85}\t",
        ),
        (
            "\u{1c}\u{3000}x\u{85}\t",
            Some("ab"),
            "\u{1c}\u{3000}x\u{85}\t",
            "\u{1c}\u{3000}x\u{85}\t",
            "\u{1c}\u{3000}x\u{85}\t",
        ),
        (
            "\u{1c}\u{3000}x\u{85}\t",
            Some(" \u{e9}"),
            "\u{1c}\u{3000}x\u{85}\t",
            "\u{1c}\u{3000}x\u{85}\t",
            "\u{1c}\u{3000}x\u{85}\t",
        ),
        ("xxhixx", None, "xxhixx", "xxhixx", "xxhixx"),
        ("xxhixx", Some(""), "xxhixx", "xxhixx", "xxhixx"),
        ("xxhixx", Some("x"), "hi", "hixx", "xxhi"),
        ("xxhixx", Some("ab"), "xxhixx", "xxhixx", "xxhixx"),
        ("xxhixx", Some(" \u{e9}"), "xxhixx", "xxhixx", "xxhixx"),
        ("abcba", None, "abcba", "abcba", "abcba"),
        ("abcba", Some(""), "abcba", "abcba", "abcba"),
        ("abcba", Some("x"), "abcba", "abcba", "abcba"),
        ("abcba", Some("ab"), "c", "cba", "abc"),
        ("abcba", Some(" \u{e9}"), "abcba", "abcba", "abcba"),
        ("\u{e9} \u{fc} \u{e9}", None, "\u{e9} \u{fc} \u{e9}", "\u{e9} \u{fc} \u{e9}", "\u{e9} \u{fc} \u{e9}"),
        ("\u{e9} \u{fc} \u{e9}", Some(""), "\u{e9} \u{fc} \u{e9}", "\u{e9} \u{fc} \u{e9}", "\u{e9} \u{fc} \u{e9}"),
        ("\u{e9} \u{fc} \u{e9}", Some("x"), "\u{e9} \u{fc} \u{e9}", "\u{e9} \u{fc} \u{e9}", "\u{e9} \u{fc} \u{e9}"),
        ("\u{e9} \u{fc} \u{e9}", Some("ab"), "\u{e9} \u{fc} \u{e9}", "\u{e9} \u{fc} \u{e9}", "\u{e9} \u{fc} \u{e9}"),
        ("\u{e9} \u{fc} \u{e9}", Some(" \u{e9}"), "\u{fc}", "\u{fc} \u{e9}", "\u{e9} \u{fc}"),
    ];
    // replace: (s, old, new, count, result)
    const REPLACE: &[(&str, &str, &str, i64, &str)] = &[
        ("", "", "-", -1, "-"),
        ("", "", "-", 0, ""),
        ("", "", "-", 2, "-"),
        ("", "a", "xy", -1, ""),
        ("", "a", "xy", 0, ""),
        ("", "a", "xy", 2, ""),
        ("", "aa", "b", -1, ""),
        ("", "aa", "b", 0, ""),
        ("", "aa", "b", 2, ""),
        ("", "\u{e9}", "e", -1, ""),
        ("", "\u{e9}", "e", 0, ""),
        ("", "\u{e9}", "e", 2, ""),
        ("", "zz", "q", -1, ""),
        ("", "zz", "q", 0, ""),
        ("", "zz", "q", 2, ""),
        ("", "abc", "", -1, ""),
        ("", "abc", "", 0, ""),
        ("", "abc", "", 2, ""),
        ("abc", "", "-", -1, "-a-b-c-"),
        ("abc", "", "-", 0, "abc"),
        ("abc", "", "-", 2, "-a-bc"),
        ("abc", "a", "xy", -1, "xybc"),
        ("abc", "a", "xy", 0, "abc"),
        ("abc", "a", "xy", 2, "xybc"),
        ("abc", "aa", "b", -1, "abc"),
        ("abc", "aa", "b", 0, "abc"),
        ("abc", "aa", "b", 2, "abc"),
        ("abc", "\u{e9}", "e", -1, "abc"),
        ("abc", "\u{e9}", "e", 0, "abc"),
        ("abc", "\u{e9}", "e", 2, "abc"),
        ("abc", "zz", "q", -1, "abc"),
        ("abc", "zz", "q", 0, "abc"),
        ("abc", "zz", "q", 2, "abc"),
        ("abc", "abc", "", -1, ""),
        ("abc", "abc", "", 0, "abc"),
        ("abc", "abc", "", 2, ""),
        ("aaaa", "", "-", -1, "-a-a-a-a-"),
        ("aaaa", "", "-", 0, "aaaa"),
        ("aaaa", "", "-", 2, "-a-aaa"),
        ("aaaa", "a", "xy", -1, "xyxyxyxy"),
        ("aaaa", "a", "xy", 0, "aaaa"),
        ("aaaa", "a", "xy", 2, "xyxyaa"),
        ("aaaa", "aa", "b", -1, "bb"),
        ("aaaa", "aa", "b", 0, "aaaa"),
        ("aaaa", "aa", "b", 2, "bb"),
        ("aaaa", "\u{e9}", "e", -1, "aaaa"),
        ("aaaa", "\u{e9}", "e", 0, "aaaa"),
        ("aaaa", "\u{e9}", "e", 2, "aaaa"),
        ("aaaa", "zz", "q", -1, "aaaa"),
        ("aaaa", "zz", "q", 0, "aaaa"),
        ("aaaa", "zz", "q", 2, "aaaa"),
        ("aaaa", "abc", "", -1, "aaaa"),
        ("aaaa", "abc", "", 0, "aaaa"),
        ("aaaa", "abc", "", 2, "aaaa"),
        ("h\u{e9}h\u{e9}", "", "-", -1, "-h-\u{e9}-h-\u{e9}-"),
        ("h\u{e9}h\u{e9}", "", "-", 0, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "", "-", 2, "-h-\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "a", "xy", -1, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "a", "xy", 0, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "a", "xy", 2, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "aa", "b", -1, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "aa", "b", 0, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "aa", "b", 2, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "\u{e9}", "e", -1, "hehe"),
        ("h\u{e9}h\u{e9}", "\u{e9}", "e", 0, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "\u{e9}", "e", 2, "hehe"),
        ("h\u{e9}h\u{e9}", "zz", "q", -1, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "zz", "q", 0, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "zz", "q", 2, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "abc", "", -1, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "abc", "", 0, "h\u{e9}h\u{e9}"),
        ("h\u{e9}h\u{e9}", "abc", "", 2, "h\u{e9}h\u{e9}"),
    ];
    // case: (s, upper, lower, title, capitalize, swapcase, casefold)
    const CASE: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
        ("", "", "", "", "", "", ""),
        ("hello world", "HELLO WORLD", "hello world", "Hello World", "Hello world", "HELLO WORLD", "hello world"),
        ("HELLO", "HELLO", "hello", "Hello", "Hello", "hello", "hello"),
        ("hELLo wORLD", "HELLO WORLD", "hello world", "Hello World", "Hello world", "HellO World", "hello world"),
        ("\u{df}", "SS", "\u{df}", "Ss", "Ss", "SS", "ss"),
        (
            "\u{fb01}ne stra\u{df}e",
            "FINE STRASSE",
            "\u{fb01}ne stra\u{df}e",
            "Fine Stra\u{df}e",
            "Fine stra\u{df}e",
            "FINE STRASSE",
            "fine strasse",
        ),
        (
            "\u{1c6}emal \u{1c5} \u{1c4}",
            "\u{1c4}EMAL \u{1c4} \u{1c4}",
            "\u{1c6}emal \u{1c6} \u{1c6}",
            "\u{1c5}emal \u{1c5} \u{1c5}",
            "\u{1c5}emal \u{1c6} \u{1c6}",
            "\u{1c4}EMAL \u{1c5} \u{1c6}",
            "\u{1c6}emal \u{1c6} \u{1c6}",
        ),
        (
            "\u{3a3}\u{391}\u{3a3}",
            "\u{3a3}\u{391}\u{3a3}",
            "\u{3c3}\u{3b1}\u{3c2}",
            "\u{3a3}\u{3b1}\u{3c2}",
            "\u{3a3}\u{3b1}\u{3c2}",
            "\u{3c3}\u{3b1}\u{3c2}",
            "\u{3c3}\u{3b1}\u{3c3}",
        ),
        (
            "\u{39f}\u{394}\u{39f}\u{3a3} \u{39f}\u{394}\u{39f}\u{3a3}.",
            "\u{39f}\u{394}\u{39f}\u{3a3} \u{39f}\u{394}\u{39f}\u{3a3}.",
            "\u{3bf}\u{3b4}\u{3bf}\u{3c2} \u{3bf}\u{3b4}\u{3bf}\u{3c2}.",
            "\u{39f}\u{3b4}\u{3bf}\u{3c2} \u{39f}\u{3b4}\u{3bf}\u{3c2}.",
            "\u{39f}\u{3b4}\u{3bf}\u{3c2} \u{3bf}\u{3b4}\u{3bf}\u{3c2}.",
            "\u{3bf}\u{3b4}\u{3bf}\u{3c2} \u{3bf}\u{3b4}\u{3bf}\u{3c2}.",
            "\u{3bf}\u{3b4}\u{3bf}\u{3c3} \u{3bf}\u{3b4}\u{3bf}\u{3c3}.",
        ),
        ("A\u{3a3}'b", "A\u{3a3}'B", "a\u{3c3}'b", "A\u{3c3}'B", "A\u{3c3}'b", "a\u{3c3}'B", "a\u{3c3}'b"),
        (
            "a\u{3a3}\u{345}",
            "A\u{3a3}\u{399}",
            "a\u{3c2}\u{345}",
            "A\u{3c2}\u{345}",
            "A\u{3c2}\u{345}",
            "A\u{3c2}\u{399}",
            "a\u{3c3}\u{3b9}",
        ),
        (
            "they're bill's friends",
            "THEY'RE BILL'S FRIENDS",
            "they're bill's friends",
            "They'Re Bill'S Friends",
            "They're bill's friends",
            "THEY'RE BILL'S FRIENDS",
            "they're bill's friends",
        ),
        ("123abc", "123ABC", "123abc", "123Abc", "123abc", "123ABC", "123abc"),
        (
            "\u{130}stanbul",
            "\u{130}STANBUL",
            "i\u{307}stanbul",
            "\u{130}stanbul",
            "\u{130}stanbul",
            "i\u{307}STANBUL",
            "i\u{307}stanbul",
        ),
        ("\u{149}", "\u{2bc}N", "\u{149}", "\u{2bc}N", "\u{2bc}N", "\u{2bc}N", "\u{2bc}n"),
        (
            "\u{1fb3} \u{1fbc}",
            "\u{391}\u{399} \u{391}\u{399}",
            "\u{1fb3} \u{1fb3}",
            "\u{1fbc} \u{1fbc}",
            "\u{1fbc} \u{1fb3}",
            "\u{391}\u{399} \u{1fbc}",
            "\u{3b1}\u{3b9} \u{3b1}\u{3b9}",
        ),
        (
            "\u{13a0}\u{13f8}\u{ab70}",
            "\u{13a0}\u{13f0}\u{13a0}",
            "\u{ab70}\u{13f8}\u{ab70}",
            "\u{13a0}\u{13f8}\u{ab70}",
            "\u{13a0}\u{13f8}\u{ab70}",
            "\u{ab70}\u{13f0}\u{13a0}",
            "\u{13a0}\u{13f0}\u{13a0}",
        ),
        ("a1b2", "A1B2", "a1b2", "A1B2", "A1b2", "A1B2", "a1b2"),
        ("\u{1c5}a", "\u{1c4}A", "\u{1c6}a", "\u{1c5}a", "\u{1c5}a", "\u{1c5}A", "\u{1c6}a"),
        (
            "\u{3c3}\u{3c2}",
            "\u{3a3}\u{3a3}",
            "\u{3c3}\u{3c2}",
            "\u{3a3}\u{3c2}",
            "\u{3a3}\u{3c2}",
            "\u{3a3}\u{3a3}",
            "\u{3c3}\u{3c3}",
        ),
        ("\u{3a3}", "\u{3a3}", "\u{3c3}", "\u{3a3}", "\u{3a3}", "\u{3c3}", "\u{3c3}"),
        ("a\u{3a3}", "A\u{3a3}", "a\u{3c2}", "A\u{3c2}", "A\u{3c2}", "A\u{3c2}", "a\u{3c3}"),
        ("a\u{3a3}1", "A\u{3a3}1", "a\u{3c2}1", "A\u{3c2}1", "A\u{3c2}1", "A\u{3c2}1", "a\u{3c3}1"),
        ("a.\u{3a3}.b", "A.\u{3a3}.B", "a.\u{3c3}.b", "A.\u{3a3}.B", "A.\u{3c3}.b", "A.\u{3c3}.B", "a.\u{3c3}.b"),
        ("\u{1c8}", "\u{1c7}", "\u{1c9}", "\u{1c8}", "\u{1c8}", "\u{1c8}", "\u{1c9}"),
        (
            "\u{390}",
            "\u{399}\u{308}\u{301}",
            "\u{390}",
            "\u{399}\u{308}\u{301}",
            "\u{399}\u{308}\u{301}",
            "\u{399}\u{308}\u{301}",
            "\u{3b9}\u{308}\u{301}",
        ),
        (
            "\u{24b6}\u{24d1}",
            "\u{24b6}\u{24b7}",
            "\u{24d0}\u{24d1}",
            "\u{24b6}\u{24d1}",
            "\u{24b6}\u{24d1}",
            "\u{24d0}\u{24b7}",
            "\u{24d0}\u{24d1}",
        ),
        ("\u{2b0}a", "\u{2b0}A", "\u{2b0}a", "\u{2b0}a", "\u{2b0}a", "\u{2b0}A", "\u{2b0}a"),
    ];
    // predicates, in the order isdecimal, isdigit, isnumeric, isalpha, isalnum, isspace, isprintable, isascii, isupper, islower, istitle, isidentifier
    const PREDICATES: &[(&str, [bool; 12])] = &[
        ("", [false, false, false, false, false, false, true, true, false, false, false, false]),
        ("hello world", [false, false, false, false, false, false, true, true, false, true, false, false]),
        ("HELLO", [false, false, false, true, true, false, true, true, true, false, false, true]),
        ("hELLo wORLD", [false, false, false, false, false, false, true, true, false, false, false, false]),
        ("\u{df}", [false, false, false, true, true, false, true, false, false, true, false, true]),
        ("\u{fb01}ne stra\u{df}e", [false, false, false, false, false, false, true, false, false, true, false, false]),
        (
            "\u{1c6}emal \u{1c5} \u{1c4}",
            [false, false, false, false, false, false, true, false, false, false, false, false],
        ),
        ("\u{3a3}\u{391}\u{3a3}", [false, false, false, true, true, false, true, false, true, false, false, true]),
        (
            "\u{39f}\u{394}\u{39f}\u{3a3} \u{39f}\u{394}\u{39f}\u{3a3}.",
            [false, false, false, false, false, false, true, false, true, false, false, false],
        ),
        ("A\u{3a3}'b", [false, false, false, false, false, false, true, false, false, false, false, false]),
        ("a\u{3a3}\u{345}", [false, false, false, false, false, false, true, false, false, false, false, true]),
        ("they're bill's friends", [false, false, false, false, false, false, true, true, false, true, false, false]),
        ("123abc", [false, false, false, false, true, false, true, true, false, true, false, false]),
        ("\u{130}stanbul", [false, false, false, true, true, false, true, false, false, false, true, true]),
        ("\u{149}", [false, false, false, true, true, false, true, false, false, true, false, true]),
        ("\u{1fb3} \u{1fbc}", [false, false, false, false, false, false, true, false, false, false, false, false]),
        ("\u{13a0}\u{13f8}\u{ab70}", [false, false, false, true, true, false, true, false, false, false, true, true]),
        ("a1b2", [false, false, false, false, true, false, true, true, false, true, false, true]),
        ("\u{1c5}a", [false, false, false, true, true, false, true, false, false, false, true, true]),
        ("\u{3c3}\u{3c2}", [false, false, false, true, true, false, true, false, false, true, false, true]),
        ("\u{3a3}", [false, false, false, true, true, false, true, false, true, false, true, true]),
        ("a\u{3a3}", [false, false, false, true, true, false, true, false, false, false, false, true]),
        ("a\u{3a3}1", [false, false, false, false, true, false, true, false, false, false, false, true]),
        ("a.\u{3a3}.b", [false, false, false, false, false, false, true, false, false, false, false, false]),
        ("\u{1c8}", [false, false, false, true, true, false, true, false, false, false, true, true]),
        ("\u{390}", [false, false, false, true, true, false, true, false, false, true, false, true]),
        ("\u{24b6}\u{24d1}", [false, false, false, false, false, false, true, false, false, false, true, false]),
        ("\u{2b0}a", [false, false, false, true, true, false, true, false, false, true, false, true]),
        ("", [false, false, false, false, false, false, true, true, false, false, false, false]),
        (" ", [false, false, false, false, false, true, true, true, false, false, false, false]),
        ("\t\n", [false, false, false, false, false, true, false, true, false, false, false, false]),
        ("12", [true, true, true, false, true, false, true, true, false, false, false, false]),
        ("\u{661}\u{662}", [true, true, true, false, true, false, true, false, false, false, false, false]),
        ("\u{b2}", [false, true, true, false, true, false, true, false, false, false, false, false]),
        ("\u{bd}", [false, false, true, false, true, false, true, false, false, false, false, false]),
        ("\u{4e00}", [false, false, true, true, true, false, true, false, false, false, false, true]),
        ("a b", [false, false, false, false, false, false, true, true, false, true, false, false]),
        ("_a1", [false, false, false, false, false, false, true, true, false, true, false, true]),
        ("1a", [false, false, false, false, true, false, true, true, false, true, false, false]),
        ("Hello World", [false, false, false, false, false, false, true, true, false, false, true, false]),
        ("Hello world", [false, false, false, false, false, false, true, true, false, false, false, false]),
        ("HeLLo", [false, false, false, true, true, false, true, true, false, false, false, true]),
        ("\u{1c5}emal", [false, false, false, true, true, false, true, false, false, false, true, true]),
        ("A", [false, false, false, true, true, false, true, true, true, false, true, true]),
        ("a", [false, false, false, true, true, false, true, true, false, true, false, true]),
        ("\u{216b}", [false, false, true, false, true, false, true, false, true, false, true, true]),
        ("\u{7f}", [false, false, false, false, false, false, false, true, false, false, false, false]),
        ("\u{a0}", [false, false, false, false, false, true, false, false, false, false, false, false]),
        ("\u{e9}", [false, false, false, true, true, false, true, false, false, true, false, true]),
        ("e\u{301}", [false, false, false, false, false, false, true, false, false, true, false, true]),
        ("\u{2118}x", [false, false, false, false, false, false, true, false, false, true, false, true]),
        ("\u{212e}", [false, false, false, false, false, false, true, false, false, false, false, true]),
        ("\u{b7}", [false, false, false, false, false, false, true, false, false, false, false, false]),
        ("a\u{b7}", [false, false, false, false, false, false, true, false, false, true, false, true]),
        ("x\u{2118}", [false, false, false, false, false, false, true, false, false, true, false, true]),
        ("\u{221e}", [false, false, false, false, false, false, true, false, false, false, false, false]),
    ];
    // padding: (s, width, center, ljust, rjust, zfill) with fill '*'
    const PAD: &[(&str, i64, &str, &str, &str, &str)] = &[
        ("", -1, "", "", "", ""),
        ("", 1, "*", "*", "*", "0"),
        ("", 3, "***", "***", "***", "000"),
        ("", 4, "****", "****", "****", "0000"),
        ("", 5, "*****", "*****", "*****", "00000"),
        ("", 6, "******", "******", "******", "000000"),
        ("a", -1, "a", "a", "a", "a"),
        ("a", 1, "a", "a", "a", "a"),
        ("a", 3, "*a*", "a**", "**a", "00a"),
        ("a", 4, "*a**", "a***", "***a", "000a"),
        ("a", 5, "**a**", "a****", "****a", "0000a"),
        ("a", 6, "**a***", "a*****", "*****a", "00000a"),
        ("ab", -1, "ab", "ab", "ab", "ab"),
        ("ab", 1, "ab", "ab", "ab", "ab"),
        ("ab", 3, "*ab", "ab*", "*ab", "0ab"),
        ("ab", 4, "*ab*", "ab**", "**ab", "00ab"),
        ("ab", 5, "**ab*", "ab***", "***ab", "000ab"),
        ("ab", 6, "**ab**", "ab****", "****ab", "0000ab"),
        ("-42", -1, "-42", "-42", "-42", "-42"),
        ("-42", 1, "-42", "-42", "-42", "-42"),
        ("-42", 3, "-42", "-42", "-42", "-42"),
        ("-42", 4, "-42*", "-42*", "*-42", "-042"),
        ("-42", 5, "*-42*", "-42**", "**-42", "-0042"),
        ("-42", 6, "*-42**", "-42***", "***-42", "-00042"),
        ("+x", -1, "+x", "+x", "+x", "+x"),
        ("+x", 1, "+x", "+x", "+x", "+x"),
        ("+x", 3, "*+x", "+x*", "*+x", "+0x"),
        ("+x", 4, "*+x*", "+x**", "**+x", "+00x"),
        ("+x", 5, "**+x*", "+x***", "***+x", "+000x"),
        ("+x", 6, "**+x**", "+x****", "****+x", "+0000x"),
        ("\u{e9}", -1, "\u{e9}", "\u{e9}", "\u{e9}", "\u{e9}"),
        ("\u{e9}", 1, "\u{e9}", "\u{e9}", "\u{e9}", "\u{e9}"),
        ("\u{e9}", 3, "*\u{e9}*", "\u{e9}**", "**\u{e9}", "00\u{e9}"),
        ("\u{e9}", 4, "*\u{e9}**", "\u{e9}***", "***\u{e9}", "000\u{e9}"),
        ("\u{e9}", 5, "**\u{e9}**", "\u{e9}****", "****\u{e9}", "0000\u{e9}"),
        ("\u{e9}", 6, "**\u{e9}***", "\u{e9}*****", "*****\u{e9}", "00000\u{e9}"),
    ];
    // expandtabs: (s, tabsize, result)
    const TABS: &[(&str, i64, &str)] = &[
        ("", 0, ""),
        ("", 3, ""),
        ("", 8, ""),
        ("\t", 0, ""),
        ("\t", 3, "   "),
        ("\t", 8, "        "),
        ("a\tb", 0, "ab"),
        ("a\tb", 3, "a  b"),
        ("a\tb", 8, "a       b"),
        ("ab\tc\td", 0, "abcd"),
        ("ab\tc\td", 3, "ab c  d"),
        ("ab\tc\td", 8, "ab      c       d"),
        ("abcdefgh\tx", 0, "abcdefghx"),
        ("abcdefgh\tx", 3, "abcdefgh x"),
        ("abcdefgh\tx", 8, "abcdefgh        x"),
        ("a\nb\tc", 0, "a\nbc"),
        ("a\nb\tc", 3, "a\nb  c"),
        ("a\nb\tc", 8, "a\nb       c"),
        ("x\ry\tz", 0, "x\ryz"),
        ("x\ry\tz", 3, "x\ry  z"),
        ("x\ry\tz", 8, "x\ry       z"),
        ("\u{e9}\t|", 0, "\u{e9}|"),
        ("\u{e9}\t|", 3, "\u{e9}  |"),
        ("\u{e9}\t|", 8, "\u{e9}       |"),
    ];
    // partition: (s, sep, partition, rpartition)
    const PARTITION: &[(&str, &str, [&str; 3], [&str; 3])] = &[
        ("", ",", ["", "", ""], ["", "", ""]),
        ("", "b", ["", "", ""], ["", "", ""]),
        ("", "x", ["", "", ""], ["", "", ""]),
        ("", "l", ["", "", ""], ["", "", ""]),
        ("", "\u{e9}", ["", "", ""], ["", "", ""]),
        ("a,b,c", ",", ["a", ",", "b,c"], ["a,b", ",", "c"]),
        ("a,b,c", "b", ["a,", "b", ",c"], ["a,", "b", ",c"]),
        ("a,b,c", "x", ["a,b,c", "", ""], ["", "", "a,b,c"]),
        ("a,b,c", "l", ["a,b,c", "", ""], ["", "", "a,b,c"]),
        ("a,b,c", "\u{e9}", ["a,b,c", "", ""], ["", "", "a,b,c"]),
        (",", ",", ["", ",", ""], ["", ",", ""]),
        (",", "b", [",", "", ""], ["", "", ","]),
        (",", "x", [",", "", ""], ["", "", ","]),
        (",", "l", [",", "", ""], ["", "", ","]),
        (",", "\u{e9}", [",", "", ""], ["", "", ","]),
        ("h\u{e9}llo", ",", ["h\u{e9}llo", "", ""], ["", "", "h\u{e9}llo"]),
        ("h\u{e9}llo", "b", ["h\u{e9}llo", "", ""], ["", "", "h\u{e9}llo"]),
        ("h\u{e9}llo", "x", ["h\u{e9}llo", "", ""], ["", "", "h\u{e9}llo"]),
        ("h\u{e9}llo", "l", ["h\u{e9}", "l", "lo"], ["h\u{e9}l", "l", "o"]),
        ("h\u{e9}llo", "\u{e9}", ["h", "\u{e9}", "llo"], ["h", "\u{e9}", "llo"]),
    ];
    // repr: (s, repr(s))
    const REPR: &[(&str, &str)] = &[
        ("", "''"),
        ("a", "'a'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"),
        ("\\", "'\\\\'"),
        ("\t\n\r\u{0}\u{1f}\u{7f}", "'\\t\\n\\r\\x00\\x1f\\x7f'"),
        ("\u{80}\u{a0}\u{ad}\u{ff}", "'\\x80\\xa0\\xad\u{ff}'"),
        ("\u{e9}\u{20ac}", "'\u{e9}\u{20ac}'"),
        ("\u{200b}\u{2028}\u{feff}\u{fffd}", "'\\u200b\\u2028\\ufeff\u{fffd}'"),
        ("\u{1f600}\u{e0001}\u{10ffff}", "'\u{1f600}\\U000e0001\\U0010ffff'"),
        ("\u{d7ff}\u{e000}", "'\\ud7ff\\ue000'"),
        ("\u{1160}", "'\u{1160}'"),
        ("\u{378}", "'\\u0378'"),
        ("\u{1fae8}", "'\\U0001fae8'"),
    ];

    fn fnv(h: &mut u64, v: u32) {
        *h ^= v as u64;
        *h = h.wrapping_mul(0x100000001b3);
    }

    /// Characters whose case properties changed after Unicode 14.0: Rust's
    /// newer data disagrees with python3.11 on these, so they are skipped.
    const NEWER_UNICODE: &[u32] = &[0x19b, 0x264, 0xa7d3, 0xa7d5, 0x295, 0x10fc, 0xa7f2, 0xa7f3, 0xa7f4, 0xab69];

    fn all_chars() -> impl Iterator<Item = char> {
        (0..0x110000u32).filter_map(char::from_u32)
    }

    /// The characters on which case handling (which uses Rust's newer Unicode
    /// data) is compared: those assigned and printable in Unicode 14.0 (all
    /// cased characters are), minus [`NEWER_UNICODE`].
    fn case_chars() -> impl Iterator<Item = char> {
        all_chars().filter(|&c| is_printable(c) && !NEWER_UNICODE.contains(&(c as u32)))
    }

    #[test]
    fn exhaustive_predicates() {
        // (name, number of matching characters, FNV-1a of their code points)
        // over every code point, from python3.
        let expected: &[(&str, usize, u64)] = &[
            ("isalpha", 131756, 0x2cc122403191f08f),
            ("isdecimal", 660, 0xfd61d350a72e8dd1),
            ("isdigit", 788, 0x52a378fba0bbdd05),
            ("isnumeric", 1872, 0xc9a7c697e476b33d),
            ("isalnum", 133547, 0x779ad9cb3ec76984),
            ("isspace", 29, 0x4386d9a11e7487c9),
            ("isprintable", 144516, 0xef95fc5e3205b70f),
            ("isidentifier", 131975, 0x929e16816304ae48),
            ("isidentifier_cont", 135053, 0xaa630378990b0746),
            // Over `case_chars()` only:
            ("isupper", 1951, 0x85d9f570cb2f2e3b),
            ("islower", 2466, 0x1e6ebe7c893ffb3f),
            ("istitle", 1982, 0xbf7b92c519c06923),
        ];
        for &(name, count, hash) in expected {
            let pred: fn(&str) -> bool = match name {
                "isalpha" => isalpha,
                "isdecimal" => isdecimal,
                "isdigit" => isdigit,
                "isnumeric" => isnumeric,
                "isalnum" => isalnum,
                "isspace" => isspace,
                "isprintable" => isprintable,
                "isidentifier" => isidentifier,
                "isidentifier_cont" => |s| isidentifier(&format!("a{s}")),
                "isupper" => isupper,
                "islower" => islower,
                "istitle" => istitle,
                _ => unreachable!(),
            };
            let (mut n, mut h) = (0, 0xcbf29ce484222325u64);
            let chars: Box<dyn Iterator<Item = char>> =
                if name.starts_with("is") && ["isupper", "islower", "istitle"].contains(&name) {
                    Box::new(case_chars())
                } else {
                    Box::new(all_chars())
                };
            for c in chars.filter(|c| pred(c.encode_utf8(&mut [0; 4]))) {
                n += 1;
                fnv(&mut h, c as u32);
            }
            assert_eq!((n, h), (count, hash), "{name}");
        }
    }

    #[test]
    fn exhaustive_mappings() {
        // FNV-1a over f(chr(c)) for every code point (`case_chars()` for the
        // case mappings), each result followed by 0xFFFFFFFF, from python3.
        let expected: &[(&str, fn(&str) -> String, u64)] = &[
            ("upper", upper, 0x4661d830d077cf9a),
            ("lower", lower, 0x243a0eb2b271274a),
            ("title", title, 0xe06d2921fc83b488),
            ("casefold", casefold, 0x2d38cba205dc395d),
            ("swapcase", swapcase, 0xea133e2e006c0cba),
            ("capitalize", capitalize, 0xe06d2921fc83b488),
            ("repr", repr_str, 0xd6e9000b6c2006d5),
        ];
        for &(name, f, hash) in expected {
            let mut h = 0xcbf29ce484222325u64;
            let chars: Box<dyn Iterator<Item = char>> =
                if name == "repr" { Box::new(all_chars()) } else { Box::new(case_chars()) };
            for c in chars {
                for m in f(c.encode_utf8(&mut [0; 4])).chars() {
                    fnv(&mut h, m as u32);
                }
                fnv(&mut h, 0xFFFF_FFFF);
            }
            assert_eq!(h, hash, "{name}");
        }
    }

    #[test]
    fn case_ignorable() {
        // Count and FNV-1a of the Case_Ignorable characters among
        // `case_chars()` (also skipping U+1171E, changed after 14.0), derived
        // in python3 from `str.lower()`'s final-sigma behaviour.
        let (mut n, mut h) = (0, 0xcbf29ce484222325u64);
        for c in case_chars().filter(|&c| c != '\u{1171e}' && is_case_ignorable(c)) {
            n += 1;
            fnv(&mut h, c as u32);
        }
        assert_eq!((n, h), (2433, 0xe73dfe4a9f160a31));
        for c in ['\u{ad}', '\u{200b}', '\u{feff}', '\u{600}', '\u{e0001}', '\u{b7}', '\u{2019}'] {
            assert!(is_case_ignorable(c), "{c:?}");
        }
    }

    #[test]
    fn decimal_values() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('\u{1d7ff}'), Some(9));
        assert_eq!(decimal_value('９'), Some(9));
        assert_eq!(decimal_value('²'), None);
        assert_eq!(decimal_value('a'), None);
        assert!(is_space('\x1c') && is_space('\u{3000}') && !is_space('\u{200b}'));
    }

    const SWEEP_STRS: [&str; 9] = [
        "",
        "abcabc",
        "héllo héllo",
        "aaaa",
        "ab\u{1f600}ab",
        "  a b  c  ",
        "a,b,,c,",
        "\x1ca\x1fb\u{3000}c\u{85}d",
        "ö,öbc",
    ];

    fn py_bool(b: bool) -> &'static str {
        if b {
            "True"
        } else {
            "False"
        }
    }

    #[test]
    fn search_sweep() {
        // Every (s, sub, start, end) below: FNV-1a of
        // "find|rfind|count|startswith|endswith\n", from python3.
        let subs = ["", "a", "bc", "llo", "é", "aa", "\u{1f600}a", ",", " "];
        let bounds =
            [None, Some(-100), Some(-3), Some(-1), Some(0), Some(1), Some(2), Some(4), Some(7), Some(12), Some(100)];
        let mut h = 0xcbf29ce484222325u64;
        for s in SWEEP_STRS {
            for sub in subs {
                for a in bounds {
                    for b in bounds {
                        let line = format!(
                            "{}|{}|{}|{}|{}\n",
                            find(s, sub, a, b),
                            rfind(s, sub, a, b),
                            count(s, sub, a, b),
                            py_bool(startswith(s, sub, a, b)),
                            py_bool(endswith(s, sub, a, b)),
                        );
                        line.bytes().for_each(|b| fnv(&mut h, b as u32));
                        if find(s, sub, a, b) < 0 {
                            assert!(index(s, sub, a, b).is_err());
                        }
                    }
                }
            }
        }
        assert_eq!(h, 0xc94605426ef43bc4);
        assert_eq!(index("abc", "d", None, None), Err(NumError::Value("substring not found".into())));
        assert_eq!(rindex("abcb", "b", None, None), Ok(3));
    }

    #[test]
    fn split_sweep() {
        // s.split(sep, maxsplit) and s.rsplit(...) joined with NUL, separated
        // by \x01, for every combination below; FNV-1a from python3.
        let seps = [None, Some(","), Some(" "), Some("bc"), Some("ö"), Some("aa"), Some(",,")];
        let mut h = 0xcbf29ce484222325u64;
        for s in SWEEP_STRS {
            for sep in seps {
                for m in [-1, 0, 1, 2, 5] {
                    let line = format!(
                        "{}\x01{}\n",
                        split(s, sep, m).unwrap().join("\0"),
                        rsplit(s, sep, m).unwrap().join("\0")
                    );
                    line.bytes().for_each(|b| fnv(&mut h, b as u32));
                }
            }
        }
        assert_eq!(h, 0x7e3d7bd017386210);
        assert_eq!(split("a b  c ", None, -1).unwrap(), ["a", "b", "c"]);
        assert_eq!(rsplit("a,b,c", Some(","), 1).unwrap(), ["a,b", "c"]);
        let empty = Err(NumError::Value("empty separator".into()));
        assert_eq!(split("a", Some(""), -1), empty);
        assert_eq!(rsplit("a", Some(""), -1), empty);
    }

    const SWEEP_INDICES: [Option<i64>; 12] = [
        None,
        Some(i64::MIN),
        Some(-8),
        Some(-3),
        Some(-1),
        Some(0),
        Some(1),
        Some(2),
        Some(5),
        Some(7),
        Some(100),
        Some(i64::MAX),
    ];
    const SWEEP_STEPS: [i64; 10] = [1, 2, 3, -1, -2, -5, 100, -100, i64::MAX, -i64::MAX];

    #[test]
    fn slice_sweep() {
        // slice(a, b, step).indices(n) and the slice length for every
        // combination below; FNV-1a of "start,stop,step,len\n", from python3.
        let mut h = 0xcbf29ce484222325u64;
        for n in 0..7 {
            for a in SWEEP_INDICES {
                for b in SWEEP_INDICES {
                    for step in SWEEP_STEPS {
                        let (start, stop, step, len) = normalize_slice(n, a, b, step);
                        let line = format!("{start},{stop},{step},{len}\n");
                        line.bytes().for_each(|b| fnv(&mut h, b as u32));
                    }
                }
            }
        }
        assert_eq!(h, 0xbeab97ea22bab7bc);
        assert_eq!(normalize_slice(5, None, None, i64::MIN), (4, -1, -i64::MAX, 1));
    }

    #[test]
    fn str_slice_sweep() {
        // s[a:b:step] for the same combinations; FNV-1a from python3.
        let mut h = 0xcbf29ce484222325u64;
        for s in SWEEP_STRS {
            for a in SWEEP_INDICES {
                for b in SWEEP_INDICES {
                    for step in SWEEP_STEPS {
                        let (start, stop, step, _) = normalize_slice(char_len(s) as i64, a, b, step);
                        for b in slice(s, start, stop, step).bytes().chain(*b"\n") {
                            fnv(&mut h, b as u32);
                        }
                    }
                }
            }
        }
        assert_eq!(h, 0xe63b8fd8fa641ddf);
        assert_eq!(slice("héllo", 1, 4, 1), "éll");
        assert_eq!(slice("héllo", 4, -1, -2), "olh");
        assert_eq!(char_len("héllo"), 5);
        assert_eq!(char_at("héllo", 1), Some('é'));
        assert_eq!(char_at("héllo", 5), None);
        assert_eq!(char_at("abc", 2), Some('c'));
    }

    #[test]
    fn splitting() {
        for (s, plain, keep) in SPLITLINES {
            assert_eq!(splitlines(s, false), *plain, "{s:?}");
            assert_eq!(splitlines(s, true), *keep, "{s:?}");
        }
        for (s, sep, p, rp) in PARTITION {
            let (a, b, c) = partition(s, sep);
            assert_eq!([a, b, c], *p, "{s:?}.partition({sep:?})");
            let (a, b, c) = rpartition(s, sep);
            assert_eq!([a, b, c], *rp, "{s:?}.rpartition({sep:?})");
        }
        assert_eq!(ascii_escape("'é€\u{1f600}\n'"), "'\\xe9\\u20ac\\U0001f600\n'");
    }

    #[test]
    fn stripping_and_replacing() {
        for (s, chars, both, left, right) in STRIP {
            assert_eq!(strip(s, *chars), *both, "{s:?}.strip({chars:?})");
            assert_eq!(lstrip(s, *chars), *left, "{s:?}.lstrip({chars:?})");
            assert_eq!(rstrip(s, *chars), *right, "{s:?}.rstrip({chars:?})");
        }
        for (s, old, new, n, want) in REPLACE {
            assert_eq!(replace(s, old, new, *n), *want, "{s:?}.replace({old:?}, {new:?}, {n})");
        }
    }

    #[test]
    fn case_operations() {
        for (s, up, low, tit, cap, swap, fold) in CASE {
            assert_eq!(upper(s), *up, "{s:?}.upper()");
            assert_eq!(lower(s), *low, "{s:?}.lower()");
            assert_eq!(title(s), *tit, "{s:?}.title()");
            assert_eq!(capitalize(s), *cap, "{s:?}.capitalize()");
            assert_eq!(swapcase(s), *swap, "{s:?}.swapcase()");
            assert_eq!(casefold(s), *fold, "{s:?}.casefold()");
        }
    }

    #[test]
    fn predicates() {
        let preds: [fn(&str) -> bool; 12] = [
            isdecimal,
            isdigit,
            isnumeric,
            isalpha,
            isalnum,
            isspace,
            isprintable,
            isascii,
            isupper,
            islower,
            istitle,
            isidentifier,
        ];
        for (s, want) in PREDICATES {
            let got = preds.map(|p| p(s));
            assert_eq!(got, *want, "{s:?}");
        }
    }

    #[test]
    fn padding() {
        for (s, w, c, l, r, z) in PAD {
            // Negative widths are clamped to 0 by the caller.
            let w = (*w).max(0) as usize;
            assert_eq!(center(s, w, '*'), *c, "{s:?}.center({w})");
            assert_eq!(ljust(s, w, '*'), *l, "{s:?}.ljust({w})");
            assert_eq!(rjust(s, w, '*'), *r, "{s:?}.rjust({w})");
            assert_eq!(zfill(s, w), *z, "{s:?}.zfill({w})");
        }
        for (s, t, want) in TABS {
            assert_eq!(expandtabs(s, *t), *want, "{s:?}.expandtabs({t})");
        }
    }

    #[test]
    fn reprs() {
        for (s, want) in REPR {
            assert_eq!(repr_str(s), *want);
        }
    }
}
