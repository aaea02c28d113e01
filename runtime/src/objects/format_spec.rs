//! The format-spec mini-language (`format(value, spec)`, `f"{x:spec}"`,
//! `str.format`) for int, float and str, ported from CPython 3.11's
//! `Python/formatter_unicode.c`, error messages included.
//!
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`

use super::float_ops::{self, DtsFlags};
use super::int_ops::{self, value_err, Int, NumError, NumResult};
use super::str_ops;

/// A parsed format spec. Fields are `None`/`false` when absent; defaults that
/// depend on the value's type (alignment, `0` padding) are resolved when
/// formatting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only together with `align`).
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0` before the width: zero padding after the sign.
    pub zero: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type, e.g. `d`, `x`, `f`, `s`.
    pub ty: Option<char>,
    /// Set (to the whole spec) when more than one character is left where
    /// the type should be. CPython's message for that names the value's
    /// type, so the error is raised by the `format_*` functions.
    pub invalid: Option<String>,
}

impl FormatSpec {
    /// Parses a format spec; see [`parse`].
    pub fn parse(spec: &str) -> NumResult<FormatSpec> {
        parse(spec)
    }

    /// True for the empty spec, which formats like `str(value)`.
    pub fn is_empty(&self) -> bool {
        *self == FormatSpec::default()
    }

    fn check_valid(&self, type_name: &str) -> NumResult<()> {
        match &self.invalid {
            Some(spec) => value_err(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")),
            None => Ok(()),
        }
    }
}

/// Parses a format spec. Errors that CPython reports while parsing are
/// returned here, except "Invalid format specifier", which needs the type
/// name (see [`FormatSpec::invalid`]).
pub fn parse(spec: &str) -> NumResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec::default();
    let mut i = 0;
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '>' | '=' | '^'));
    if chars.len() >= 2 && is_align(chars.get(1)) {
        f.fill = Some(chars[0]);
        f.align = Some(chars[1]);
        i = 2;
    } else if is_align(chars.first()) {
        f.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        f.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        f.no_neg_0 = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        f.alternate = true;
        i += 1;
    }
    if f.fill.is_none() && chars.get(i) == Some(&'0') {
        f.zero = true;
        i += 1;
    }
    f.width = parse_integer(&chars, &mut i)?;
    if chars.get(i) == Some(&',') {
        f.grouping = Some(',');
        i += 1;
    }
    if chars.get(i) == Some(&'_') {
        if f.grouping.is_some() {
            return value_err("Cannot specify both ',' and '_'.");
        }
        f.grouping = Some('_');
        i += 1;
    }
    if chars.get(i) == Some(&',') && f.grouping == Some('_') {
        return value_err("Cannot specify both ',' and '_'.");
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        f.precision = parse_integer(&chars, &mut i)?;
        if f.precision.is_none() {
            return value_err("Format specifier missing precision");
        }
    }
    if chars.len() - i > 1 {
        f.invalid = Some(spec.to_string());
    } else {
        f.ty = chars.get(i).copied();
    }
    Ok(f)
}

/// Decimal digits (any Unicode Nd, as CPython's `get_integer`), or `None`.
fn parse_integer(chars: &[char], i: &mut usize) -> NumResult<Option<usize>> {
    let mut value: Option<usize> = None;
    while let Some(d) = chars.get(*i).and_then(|&c| str_ops::decimal_value(c)) {
        let v = value.unwrap_or(0);
        if v > (isize::MAX as usize - d as usize) / 10 {
            return value_err("Too many decimal digits in format string");
        }
        value = Some(v * 10 + d as usize);
        *i += 1;
    }
    Ok(value)
}

/// CPython's check of `,`/`_` against the (possibly default) type.
/// Returns the digit group size for `_` (4 in bases 2, 8, 16).
fn check_grouping(spec: &FormatSpec, ty: char) -> NumResult<Option<(char, usize)>> {
    let Some(sep) = spec.grouping else {
        return Ok(None);
    };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((sep, 3))),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some((sep, 4))),
        _ => value_err(format!("Cannot specify '{sep}' with {}.", quote_code(ty))),
    }
}

/// `'c'`, or `'\x1'` for characters outside printable ASCII (as CPython's `%c`/`%x`).
fn quote_code(ty: char) -> String {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        format!("'{ty}'")
    } else {
        format!("'\\x{:x}'", ty as u32)
    }
}

fn unknown_code<T>(ty: char, type_name: &str) -> NumResult<T> {
    value_err(format!("Unknown format code {} for object of type '{type_name}'", quote_code(ty)))
}

/// The pieces of a formatted number: `[sign][prefix][digits][.][remainder]`,
/// where only `digits` take part in grouping and zero padding.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    decimal: bool,
    remainder: &'a str,
}

/// Port of `calc_number_widths` + `fill_number`.
fn layout(n: &Number, spec: &FormatSpec, grouping: Option<(char, usize)>, upper: bool) -> String {
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero { '=' } else { '>' });
    let sign = match (spec.sign, n.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let non_digits =
        sign.is_some() as i64 + n.prefix.len() as i64 + n.decimal as i64 + n.remainder.chars().count() as i64;
    let min_width = if fill == '0' && align == '=' { width - non_digits } else { 0 };
    let mut digits = if n.digits.is_empty() { String::new() } else { group_digits(n.digits, min_width, grouping) };
    let mut prefix = n.prefix.to_string();
    if upper {
        digits.make_ascii_uppercase();
        prefix.make_ascii_uppercase();
    }
    let padding = (width - non_digits - digits.len() as i64).max(0) as usize;
    let (left, inner, right) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left));
    out.extend(sign);
    out.push_str(&prefix);
    out.extend(std::iter::repeat_n(fill, inner));
    out.push_str(&digits);
    if n.decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Port of `_PyUnicode_InsertThousandsGrouping`: inserts separators and
/// left-pads with zeros up to `min_width` (zeros are grouped too).
fn group_digits(digits: &str, min_width: i64, grouping: Option<(char, usize)>) -> String {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let Some((sep, size)) = grouping else {
        let zeros = (min_width - remaining).max(0) as usize;
        return "0".repeat(zeros) + digits;
    };
    let mut groups = Vec::new();
    loop {
        let len = (size as i64).min(remaining.max(min_width).max(1));
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let end = remaining as usize;
        groups.push("0".repeat(n_zeros as usize) + &digits[end - n_chars as usize..end]);
        remaining -= n_chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// `format(value, spec)` for an int. Float presentation types convert the
/// value to float first.
pub fn format_int(v: &Int, spec: &FormatSpec) -> NumResult<String> {
    format_int_as(v, spec, "int")
}

/// [`format_int`] for a value whose type (e.g. `bool` or a subclass) is
/// named `type_name` in error messages.
pub fn format_int_as(v: &Int, spec: &FormatSpec, type_name: &str) -> NumResult<String> {
    spec.check_valid(type_name)?;
    if spec.is_empty() {
        return int_ops::to_str(v);
    }
    let ty = spec.ty.unwrap_or('d');
    let grouping = check_grouping(spec, ty)?;
    let base = match ty {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        'd' | 'n' | 'c' => 10,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float(int_ops::to_f64(v)?, spec);
        }
        _ => return unknown_code(ty, type_name),
    };
    if spec.precision.is_some() {
        return value_err("Precision not allowed in integer format specifier");
    }
    if spec.no_neg_0 {
        return value_err("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return value_err("Sign not allowed with integer format specifier 'c'");
        }
        if spec.alternate {
            return value_err("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        let Some(code) = v.to_i64() else {
            return Err(NumError::Overflow("Python int too large to convert to C long".into()));
        };
        let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) else {
            return Err(NumError::Overflow("%c arg not in range(0x110000)".into()));
        };
        let text = c.to_string();
        let n = Number { negative: false, prefix: "", digits: "", decimal: false, remainder: &text };
        return Ok(layout(&n, spec, None, false));
    }
    let text =
        if base == 10 { int_ops::to_str(&int_ops::abs(v))? } else { int_ops::to_string_radix(&int_ops::abs(v), base) };
    let prefix = match (spec.alternate, base) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let n = Number { negative: v.is_negative(), prefix, digits: &text, decimal: false, remainder: "" };
    Ok(layout(&n, spec, grouping, ty == 'X'))
}

/// `format(value, spec)` for a float.
pub fn format_float(x: f64, spec: &FormatSpec) -> NumResult<String> {
    format_float_as(x, spec, "float")
}

/// [`format_float`] naming the value's type `type_name` in error messages.
pub fn format_float_as(x: f64, spec: &FormatSpec, type_name: &str) -> NumResult<String> {
    spec.check_valid(type_name)?;
    if spec.is_empty() {
        return Ok(float_ops::repr(x));
    }
    let ty = spec.ty.unwrap_or('\0');
    let grouping = check_grouping(spec, ty)?;
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return unknown_code(ty, type_name);
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return value_err("precision too big");
    }
    let mut flags = DtsFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..DtsFlags::default() };
    let (mut code, mut value, default_precision) = match ty {
        '\0' => {
            flags.add_dot_0 = true;
            ('r', x, 0)
        }
        'n' => ('g', x, 6),
        '%' => ('f', x * 100.0, 6),
        c => (c, x, 6),
    };
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    if value.is_nan() {
        value = f64::NAN; // the sign of a NaN is never shown
    }
    let mut text = float_ops::double_to_string(value, code, precision, flags);
    if ty == '%' {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let decimal = body[int_len..].starts_with('.');
    let n = Number {
        negative,
        prefix: "",
        digits: &body[..int_len],
        decimal,
        remainder: &body[int_len + decimal as usize..],
    };
    Ok(layout(&n, spec, grouping, false))
}

/// `format(value, spec)` for a str.
pub fn format_str(s: &str, spec: &FormatSpec) -> NumResult<String> {
    format_str_as(s, spec, "str")
}

/// [`format_str`] naming the value's type `type_name` in error messages.
pub fn format_str_as(s: &str, spec: &FormatSpec, type_name: &str) -> NumResult<String> {
    spec.check_valid(type_name)?;
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec, ty)?;
    if ty != 's' {
        return unknown_code(ty, type_name);
    }
    if spec.sign.is_some() {
        return value_err("Sign not allowed in string format specifier");
    }
    if spec.no_neg_0 {
        return value_err("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alternate {
        return value_err("Alternate form (#) not allowed in string format specifier");
    }
    if spec.align == Some('=') {
        return value_err("'=' alignment not allowed in string format specifier");
    }
    let text: &str = match spec.precision {
        Some(p) => s.char_indices().nth(p).map_or(s, |(b, _)| &s[..b]),
        None => s,
    };
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let len = str_ops::char_len(text);
    let padding = spec.width.unwrap_or(0).saturating_sub(len);
    let left = match spec.align.unwrap_or('<') {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + padding);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, padding - left));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str) -> Int {
        int_ops::parse(s, 10).unwrap()
    }

    fn fmt_int(v: &str, spec: &str) -> NumResult<String> {
        format_int(&int(v), &FormatSpec::parse(spec)?)
    }

    fn fmt_float(x: f64, spec: &str) -> NumResult<String> {
        format_float(x, &FormatSpec::parse(spec)?)
    }

    fn fmt_str(s: &str, spec: &str) -> NumResult<String> {
        format_str(s, &FormatSpec::parse(spec)?)
    }

    fn err(kind: &str, msg: &str) -> NumResult<String> {
        Err(match kind {
            "ValueError" => NumError::Value(msg.to_string()),
            "OverflowError" => NumError::Overflow(msg.to_string()),
            _ => unreachable!(),
        })
    }

    #[test]
    fn parsing() {
        let spec = parse("*^+z#012,.3f").unwrap();
        assert_eq!(
            spec,
            FormatSpec {
                fill: Some('*'),
                align: Some('^'),
                sign: Some('+'),
                no_neg_0: true,
                alternate: true,
                zero: false, // with an explicit fill, "012" is just the width
                width: Some(12),
                grouping: Some(','),
                precision: Some(3),
                ty: Some('f'),
                invalid: None,
            }
        );
        assert!(parse("").unwrap().is_empty());
        assert_eq!(parse("٥").unwrap().width, Some(5));
        assert_eq!(parse("<").unwrap().align, Some('<'));
        let bad = parse("abc").unwrap();
        assert_eq!(
            format_int_as(&Int::Small(1), &bad, "bool"),
            err("ValueError", "Invalid format specifier 'abc' for object of type 'bool'")
        );
        assert_eq!(
            format_str_as("a", &parse("d").unwrap(), "MyStr"),
            err("ValueError", "Unknown format code 'd' for object of type 'MyStr'")
        );
        assert_eq!(parse("0<").unwrap().fill, Some('0'));
        assert!(parse("<05").unwrap().zero);
        assert!(parse("05").unwrap().zero);
    }

    #[test]
    fn ints() {
        // (value, spec, format(value, spec)) from python3.
        let rows: &[(&str, &str, &str)] = &[
            ("255", "#x", "0xff"),
            ("255", "#X", "0XFF"),
            ("-255", "#x", "-0xff"),
            ("3", "+", "+3"),
            ("-5", " 6", "    -5"),
            ("5", "+06_", "+0_005"),
            ("1234", "0=10,", "00,001,234"),
            ("-1234567", "012,", "-001,234,567"),
            ("1234", ",d", "1,234"),
            ("1000000000000000000000000000000", ",", "1,000,000,000,000,000,000,000,000,000,000"),
            ("12345678", "_x", "bc_614e"),
            ("12345678", "_b", "1011_1100_0110_0001_0100_1110"),
            ("-12345678", "#_o", "-0o5706_0516"),
            ("123456789", "_X", "75B_CD15"),
            ("123456789", "#_X", "0X75B_CD15"),
            ("11259375", "#012_x", "0x0_00ab_cdef"),
            ("1", "_x", "1"),
            ("1", "#d", "1"),
            ("-1", "#o", "-0o1"),
            ("1234567", "n", "1234567"),
            ("1234", "08n", "00001234"),
            ("5", "<05", "50000"),
            ("5", "x<05", "5xxxx"),
            ("1", "=+5", "+   1"),
            ("5", "x=+5", "+xxx5"),
            ("5", "==5", "====5"),
            ("5", "^=5", "^^^^5"),
            ("1", "-", "1"),
            ("1", "٥", "    1"),
            ("42", "^7", "  42   "),
            ("-42", "<6", "-42   "),
            ("0", "c", "\0"),
            ("65", "c", "A"),
            ("65", "^5c", "  A  "),
            ("65", "05c", "0000A"),
            ("1114111", "c", "\u{10ffff}"),
            ("123", "e", "1.230000e+02"),
            ("100000000000000000000", "e", "1.000000e+20"),
            ("100000000000000000000", ".3%", "10000000000000000000000.000%"),
            ("7", ".2f", "7.00"),
            ("-7", "08.3g", "-0000007"),
            ("0", "b", "0"),
            ("-9223372036854775808", "#b", "-0b1000000000000000000000000000000000000000000000000000000000000000"),
            ("-4611686018427387905", "_", "-4_611_686_018_427_387_905"),
        ];
        for (v, spec, want) in rows {
            assert_eq!(fmt_int(v, spec), Ok(want.to_string()), "format({v}, {spec:?})");
        }
        assert_eq!(fmt_int("-17", ""), Ok("-17".into()));
        let errors: &[(&str, &str, &str, &str)] = &[
            ("1", "s", "ValueError", "Unknown format code 's' for object of type 'int'"),
            ("1", ",s", "ValueError", "Cannot specify ',' with 's'."),
            ("1", "z", "ValueError", "Negative zero coercion (z) not allowed in integer format specifier"),
            ("1", ".2d", "ValueError", "Precision not allowed in integer format specifier"),
            ("1", ".2x", "ValueError", "Precision not allowed in integer format specifier"),
            ("1", "z.2x", "ValueError", "Precision not allowed in integer format specifier"),
            ("1", "+.2c", "ValueError", "Precision not allowed in integer format specifier"),
            ("1", ".2s", "ValueError", "Unknown format code 's' for object of type 'int'"),
            ("65", "+c", "ValueError", "Sign not allowed with integer format specifier 'c'"),
            ("65", "#c", "ValueError", "Alternate form (#) not allowed with integer format specifier 'c'"),
            ("1099511627776", "c", "OverflowError", "%c arg not in range(0x110000)"),
            ("-1", "c", "OverflowError", "%c arg not in range(0x110000)"),
            ("1114112", "c", "OverflowError", "%c arg not in range(0x110000)"),
            ("1180591620717411303424", "c", "OverflowError", "Python int too large to convert to C long"),
            ("65", ",c", "ValueError", "Cannot specify ',' with 'c'."),
            ("1", "abc", "ValueError", "Invalid format specifier 'abc' for object of type 'int'"),
            ("1", "x,", "ValueError", "Invalid format specifier 'x,' for object of type 'int'"),
            ("1", ",_", "ValueError", "Cannot specify both ',' and '_'."),
            ("1", "_,", "ValueError", "Cannot specify both ',' and '_'."),
            ("1", ".", "ValueError", "Format specifier missing precision"),
            ("1", ".x", "ValueError", "Format specifier missing precision"),
            ("1", "99999999999999999999", "ValueError", "Too many decimal digits in format string"),
            ("1", "_n", "ValueError", "Cannot specify '_' with 'n'."),
            ("1", ",x", "ValueError", "Cannot specify ',' with 'x'."),
            ("1", "\x01", "ValueError", "Unknown format code '\\x1' for object of type 'int'"),
            ("1", "é", "ValueError", "Unknown format code '\\xe9' for object of type 'int'"),
            ("1", ",\x01", "ValueError", "Cannot specify ',' with '\\x1'."),
        ];
        for (v, spec, kind, msg) in errors {
            assert_eq!(fmt_int(v, spec), err(kind, msg), "format({v}, {spec:?})");
        }
        let big = int_ops::pow(&Int::Small(10), &Int::Small(400)).unwrap();
        assert_eq!(format_int(&big, &parse("e").unwrap()), err("OverflowError", "int too large to convert to float"));
        let huge = int_ops::pow(&Int::Small(10), &Int::Small(5000)).unwrap();
        assert!(format_int(&huge, &parse("d").unwrap()).is_err());
        assert!(format_int(&huge, &parse("x").unwrap()).is_ok());
    }

    #[test]
    fn random_ints() {
        // 2000 pseudo-random ints (xorshift64, fixed seed), each formatted
        // with every spec below; FNV-1a of "result|" for all, from python3.
        let specs = [
            "", "d", ",", "_", "+08", "#x", "#_X", "#o", "b", "^+20,", "=12_", " 7", "<9n", "#012_b", "015,d",
            "0=30_x", "*>25,", "-010", ".3e", "015.2%", "g", ",.1f",
        ];
        let mut state = 0x5555aaaa12345678u64;
        let mut h = 0xcbf29ce484222325u64;
        for _ in 0..2000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut v = Int::from_u64(state >> (state % 64));
            if state & 1 == 1 {
                v = int_ops::neg(&v);
            }
            if state & 2 == 2 {
                let f = Int::from_u64(state >> 20);
                v = int_ops::mul(&v, &int_ops::mul(&f, &f));
            }
            for spec in specs {
                let r = format_int(&v, &parse(spec).unwrap()).unwrap();
                for b in r.bytes().chain(*b"|") {
                    h ^= b as u64;
                    h = h.wrapping_mul(0x100000001b3);
                }
            }
        }
        assert_eq!(h, 0xe553006ce8c24dd);
    }

    #[test]
    fn floats() {
        let (inf, nan) = (f64::INFINITY, f64::NAN);
        // (value, spec, format(value, spec)) from python3.
        let rows: &[(f64, &str, &str)] = &[
            (1e16, "", "1e+16"),
            (1.0, ".3", "1.0"),
            (1234.5, ".3", "1.23e+03"),
            (12.0, "#.3", "12.0"),
            (1.0, "#", "1.0"),
            (1.0, "=10", "       1.0"),
            (1e20, ",", "1e+20"),
            (1234.5, "_", "1_234.5"),
            (1234.5, "_g", "1_234.5"),
            (1234567.891, ",.2f", "1,234,567.89"),
            (1234.5, "012,.1f", "00,001,234.5"),
            (1234567.0, "015,.2e", "0,000,001.23e+06"),
            (12345.678, "^+20,.2f", "     +12,345.68     "),
            (-std::f64::consts::PI, "08.3f", "-003.142"),
            (1.5, "^+10.2f", "  +1.50   "),
            (1.5, ",e", "1.500000e+00"),
            (0.00001, "g", "1e-05"),
            (1e-10, "g", "1e-10"),
            (100000.0, "g", "100000"),
            (1000000.0, "g", "1e+06"),
            (1e-5, "", "1e-05"),
            (1.5, "#g", "1.50000"),
            (-0.0, "z.2f", "0.00"),
            (-0.0001, "z.2f", "0.00"),
            (-0.0001, ".2f", "-0.00"),
            (-0.0, "", "-0.0"),
            (-0.0, "+", "-0.0"),
            (0.5, ".0f", "0"),
            (1.5, ".0f", "2"),
            (2.5, ".0f", "2"),
            (1.25, ".1f", "1.2"),
            (1.0, "%", "100.000000%"),
            (0.123456, ".2%", "12.35%"),
            (0.1, ".0%", "10%"),
            (1.0, "#.0f", "1."),
            (1.0, "#.0e", "1.e+00"),
            (1.0, "n", "1"),
            (1234567.0, "n", "1.23457e+06"),
            (123456789.0, ".10n", "123456789"),
            (1.0, ".٢f", "1.00"),
            (nan, "", "nan"),
            (-nan, "f", "nan"),
            (-nan, "+", "+nan"),
            (nan, "=+08", "+0000nan"),
            (inf, "010", "0000000inf"),
            (-inf, "=+10", "-      inf"),
            (inf, "%", "inf%"),
            (-inf, "E", "-INF"),
            (nan, "F", "NAN"),
            (1.0, "\u{1f600}^7.1f", "\u{1f600}\u{1f600}1.0\u{1f600}\u{1f600}"),
            (1e300 * 10.0, "%", "1000000000000000000161765076786456438212668646231659438295495017101117499225738747865260243034213915253779773568180337416027445820567779199643391541606026068611150746122284976177256650044200527276807327067690462112661427500197051226489898260678763391449376088547292320814127957486330655468919122263277568.000000%"),
            (123456.0, "", "123456.0"),
            (0.1, "+.1", "+0.1"),
            (-1234.5, "_.1f", "-1_234.5"),
            (1e22, ",.0f", "10,000,000,000,000,000,000,000"),
        ];
        for (x, spec, want) in rows {
            assert_eq!(fmt_float(*x, spec), Ok(want.to_string()), "format({x}, {spec:?})");
        }
        let errors: &[(&str, &str)] = &[
            ("d", "Unknown format code 'd' for object of type 'float'"),
            ("abc", "Invalid format specifier 'abc' for object of type 'float'"),
            (".99999999999999999999", "Too many decimal digits in format string"),
            (".2147483648f", "precision too big"),
            ("_n", "Cannot specify '_' with 'n'."),
            (",n", "Cannot specify ',' with 'n'."),
            (",s", "Cannot specify ',' with 's'."),
            ("#x", "Unknown format code 'x' for object of type 'float'"),
        ];
        for (spec, msg) in errors {
            assert_eq!(fmt_float(1.0, spec), err("ValueError", msg), "{spec:?}");
        }
    }

    #[test]
    fn random_floats() {
        // 20000 pseudo-random floats (xorshift64 from a fixed seed; odd steps
        // are 53-bit integers over powers of two, rich in decimal ties); the
        // FNV-1a of the joined results is from the same script in python3.
        let mut state = 0x9e3779b97f4a7c15u64;
        let mut h = 0xcbf29ce484222325u64;
        let fmt = |x: f64, spec: &str| fmt_float(x, spec).unwrap();
        for i in 0..20000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = if i % 2 == 0 {
                f64::from_bits(state)
            } else {
                let x = (state >> 11) as f64 / 2f64.powi((state % 64) as i32);
                if state & 1024 != 0 {
                    -x
                } else {
                    x
                }
            };
            if !x.is_finite() {
                continue;
            }
            let mut parts =
                vec![float_ops::repr(x), fmt(x, ".17g"), fmt(x, ".3e"), fmt(x, "g"), fmt(x, ""), fmt(x, ".12")];
            if x.abs() < 1e30 {
                parts.push(fmt(x, ".2f"));
            }
            if x.abs() < 1e300 {
                parts.push(float_ops::repr(float_ops::round(x, 3).unwrap()));
                parts.push(float_ops::repr(float_ops::round(x, -2).unwrap()));
            }
            parts.push(float_ops::hash(x).unwrap().to_string());
            for b in parts.join("|").bytes().chain(*b"\n") {
                h ^= b as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
        }
        assert_eq!(h, 0x60836e58b2686af1);
    }

    #[test]
    fn random_float_specs() {
        // 5000 pseudo-random floats (raw bit patterns, dyadic rationals and
        // short decimals), each formatted with every spec below; FNV-1a of
        // "result|" for all, from the same script in python3.
        let specs = [
            ".17", ".5", "#.3g", "+.2e", " 12.3f", "_.2f", ",.3f", "015,.2f", "=+15.4g", "^20.3%", "z.1f", "#.0f",
            "#.0e", "E", "G", ".0", "#", ".1%", "n", "*<12", "010", "#.10", "z", "-^30,g",
        ];
        let mut state = 0x243f6a8885a308d3u64;
        let mut h = 0xcbf29ce484222325u64;
        for i in 0..5000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = match i % 3 {
                0 => f64::from_bits(state),
                1 => {
                    let x = (state >> 11) as f64 / 2f64.powi((state % 64) as i32);
                    if state & 1024 != 0 {
                        -x
                    } else {
                        x
                    }
                }
                _ => ((state >> 40) as f64 - (1 << 23) as f64) / 10f64.powi((state % 12) as i32),
            };
            if !x.is_finite() {
                continue;
            }
            for spec in specs {
                for b in fmt_float(x, spec).unwrap().bytes().chain(*b"|") {
                    h ^= b as u64;
                    h = h.wrapping_mul(0x100000001b3);
                }
            }
        }
        assert_eq!(h, 0x9e73297fe2b4c82f);
    }

    #[test]
    fn strs() {
        // (value, spec, format(value, spec)) from python3.
        let rows: &[(&str, &str, &str)] = &[
            ("ab", "05", "ab000"),
            ("x", "^5", "  x  "),
            ("xyz", "^6", " xyz  "),
            ("hello", ".2", "he"),
            ("hello", "10.2", "he        "),
            ("ab", "^", "ab"),
            ("x", "\0<5", "x\0\0\0\0"),
            ("héllo", ">7.3", "    hél"),
            ("héllo", "*^9", "**héllo**"),
            ("abc", "s", "abc"),
            ("abc", "2", "abc"),
            ("", "3", "   "),
        ];
        for (s, spec, want) in rows {
            assert_eq!(fmt_str(s, spec), Ok(want.to_string()), "format({s:?}, {spec:?})");
        }
        let errors: &[(&str, &str)] = &[
            ("d", "Unknown format code 'd' for object of type 'str'"),
            (",", "Cannot specify ',' with 's'."),
            ("=5", "'=' alignment not allowed in string format specifier"),
            ("+", "Sign not allowed in string format specifier"),
            ("#", "Alternate form (#) not allowed in string format specifier"),
            ("z", "Negative zero coercion (z) not allowed in string format specifier"),
            ("abc", "Invalid format specifier 'abc' for object of type 'str'"),
        ];
        for (spec, msg) in errors {
            assert_eq!(fmt_str("a", spec), err("ValueError", msg), "{spec:?}");
        }
    }
}
