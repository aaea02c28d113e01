//! Python `float` semantics over `f64`: repr, parsing, arithmetic with
//! CPython's special cases, hashing, rounding and exact comparison with ints.
//!
//! Decimal conversion relies on Rust's float formatting, which (like David
//! Gay's dtoa used by CPython) is correctly rounded: `{:e}` yields the shortest
//! round-tripping digits and `{:.N}` / `{:.Ne}` round the exact binary value
//! half-to-even. [`dtoa`] wraps it in the shape of `_Py_dg_dtoa` and
//! [`double_to_string`] ports `PyOS_double_to_string` on top of it.

use std::cmp::Ordering;

use super::int_ops::{self, value_err, zero_div, Int, NumError, NumResult, HASH_INF, HASH_MODULUS};
use super::str_ops;

/// `x * 2**e`, exact whenever the result is representable (a port of musl's
/// `scalbn`, which avoids double rounding into the subnormal range).
pub fn ldexp(x: f64, e: i32) -> f64 {
    let p2 = |e: i32| f64::from_bits(((0x3ff + e) as u64) << 52);
    let (mut y, mut n) = (x, e);
    if n > 1023 {
        y *= p2(1023);
        n -= 1023;
        if n > 1023 {
            y *= p2(1023);
            n = (n - 1023).min(1023);
        }
    } else if n < -1022 {
        // 2**-1022 * 2**53: keeps the intermediate normal so that only the
        // final multiplication rounds.
        y *= p2(-1022) * p2(53);
        n += 1022 - 53;
        if n < -1022 {
            y *= p2(-1022) * p2(53);
            n = (n + 1022 - 53).max(-1022);
        }
    }
    y * p2(n)
}

/// `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (x finite and non-zero).
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x43f0_0000_0000_0000)); // 2**64
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (0x3fe << 52));
    (m, exp - 1022)
}

/// How [`dtoa`] chooses its digits (the modes of `_Py_dg_dtoa`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DtoaMode {
    /// Mode 0: the shortest digits that round-trip.
    Shortest,
    /// Mode 2: this many (>= 1) significant digits.
    Significant(usize),
    /// Mode 3: this many digits after the decimal point.
    Fixed(usize),
}

/// Correctly rounded decimal digits of a finite `x`, like `_Py_dg_dtoa`:
/// returns `(negative, digits, decpt)` meaning `0.digits * 10**decpt`, with
/// trailing zeros stripped; a zero result is `("0", 1)`.
pub fn dtoa(x: f64, mode: DtoaMode) -> (bool, String, i32) {
    let negative = x.is_sign_negative();
    let ax = x.abs();
    let (digits, decpt) = match mode {
        DtoaMode::Shortest => {
            // Rust finds the shortest round-tripping length, but when two
            // strings of that length are equally close it may pick the other
            // one: dtoa takes the closest, ties to even, i.e. the correctly
            // rounded value of that length whenever it round-trips.
            let (shortest, decpt) = split_exp(&format!("{ax:e}"));
            let nearest = format!("{:.*e}", shortest.len() - 1, ax);
            let (digits, decpt2) = split_exp(&nearest);
            if digits != shortest && nearest.parse::<f64>() == Ok(ax) {
                (digits, decpt2)
            } else {
                (shortest, decpt)
            }
        }
        DtoaMode::Significant(n) => split_exp(&format!("{:.*e}", n.max(1) - 1, ax)),
        DtoaMode::Fixed(n) => {
            let s = format!("{ax:.n$}");
            let int_len = s.find('.').unwrap_or(s.len()) as i32;
            let all: String = s.chars().filter(|&c| c != '.').collect();
            let trimmed = all.trim_start_matches('0');
            let zeros = (all.len() - trimmed.len()) as i32;
            (trimmed.to_string(), int_len - zeros)
        }
    };
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        (negative, "0".to_string(), 1)
    } else {
        (negative, digits.to_string(), decpt)
    }
}

/// Splits Rust's `d.ddde[-]x` into digits and the `decpt` of [`dtoa`].
fn split_exp(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').expect("exponent format");
    let digits: String = mant.chars().filter(|&c| c != '.').collect();
    (digits, exp.parse::<i32>().unwrap() + 1)
}

/// Options of `PyOS_double_to_string` (`Py_DTSF_*` flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtsFlags {
    /// Always emit a sign (`+` for non-negative values).
    pub sign: bool,
    /// Add `.0` to integral values in fixed notation (repr, format type '').
    pub add_dot_0: bool,
    /// Alternate form `#`: keep the decimal point and, for `g`, trailing zeros.
    pub alt: bool,
    /// `z` option: render negative zero (after rounding) without the sign.
    pub no_neg_0: bool,
}

/// Port of CPython's `PyOS_double_to_string` / `format_float_short`.
/// `code` is one of `e E f F g G r` (`r` = repr, precision ignored);
/// `precision` is the number of digits after the point (`e`, `f`) or the
/// number of significant digits (`g`, 0 meaning 1).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtsFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if !x.is_finite() {
        // The sign of a NaN is ignored.
        if x.is_sign_negative() && !x.is_nan() {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper { word.to_ascii_uppercase() } else { word.to_string() });
        return out;
    }
    let (mode, precision) = match code {
        'e' => (DtoaMode::Significant(precision + 1), precision + 1),
        'f' => (DtoaMode::Fixed(precision), precision),
        'g' => (DtoaMode::Significant(precision.max(1)), precision.max(1)),
        'r' => (DtoaMode::Shortest, 0),
        _ => panic!("double_to_string: bad format code {code:?}"),
    };
    let (mut negative, digits, decpt) = dtoa(x, mode);
    let digits = digits.as_bytes();
    let ndigits = digits.len() as i64;
    if flags.no_neg_0 && digits == b"0" {
        negative = false;
    }
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    // The output is a slice [start, end) of the digits padded on both sides
    // with infinitely many zeros, with the decimal point at `decpt`.
    let mut decpt = decpt as i64;
    let mut use_exp = false;
    let mut end = ndigits;
    let precision = precision as i64;
    match code {
        'e' => {
            use_exp = true;
            end = precision;
        }
        'f' => end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                end = precision;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let start = if decpt <= 0 { decpt - 1 } else { 0 };
    end = if !use_exp && flags.add_dot_0 { end.max(decpt + 1) } else { end.max(decpt) };
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let push_digits = |out: &mut String, d: &[u8]| out.extend(d.iter().map(|&b| b as char));
    if decpt <= 0 {
        zeros(&mut out, decpt - start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -start);
    }
    if 0 < decpt && decpt <= ndigits {
        push_digits(&mut out, &digits[..decpt as usize]);
        out.push('.');
        push_digits(&mut out, &digits[decpt as usize..]);
    } else {
        push_digits(&mut out, digits);
    }
    if ndigits < decpt {
        zeros(&mut out, decpt - ndigits);
        out.push('.');
        zeros(&mut out, end - decpt);
    } else {
        zeros(&mut out, end - ndigits);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        let e = if upper { 'E' } else { 'e' };
        let sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("{e}{sign}{:02}", exp.abs()));
    }
    out
}

/// `repr(x)` (and `str(x)`): shortest round-tripping digits, scientific
/// notation outside `1e-4 <= |x| < 1e16`, `.0` on integral values.
pub fn repr(x: f64) -> String {
    let flags = DtsFlags { add_dot_0: true, ..DtsFlags::default() };
    double_to_string(x, 'r', 0, flags)
}

/// `float(s)` for a `str`: surrounding whitespace, `_` between digits,
/// Unicode decimal digits, and `inf`/`infinity`/`nan` in any case with a sign.
pub fn parse(s: &str) -> NumResult<f64> {
    let invalid = || NumError::Value(format!("could not convert string to float: {}", str_ops::repr_str(s)));
    // Same ASCII transformation as `int()` (_PyUnicode_TransformDecimalAndSpaceToASCII).
    let mut text = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            text.push(c);
        } else if str_ops::is_space(c) {
            text.push(' ');
        } else if let Some(d) = str_ops::decimal_value(c) {
            text.push(char::from(b'0' + d as u8));
        } else {
            return Err(invalid());
        }
    }
    if text.contains('_') {
        // Underscores only between two digits.
        let b = text.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            if c == b'_' {
                let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
                let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !prev_digit || !next_digit {
                    return Err(invalid());
                }
            }
        }
        text.retain(|c| c != '_');
    }
    let t = text.trim_matches(|c: char| c.is_ascii() && is_c_space(c as u8));
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let value = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            // [digits][.digits][e[sign]digits] with at least one mantissa digit.
            let b = body.as_bytes();
            let mut i = 0;
            let run = |i: &mut usize| {
                let s = *i;
                while b.get(*i).is_some_and(u8::is_ascii_digit) {
                    *i += 1;
                }
                *i - s
            };
            let mut mant = run(&mut i);
            if b.get(i) == Some(&b'.') {
                i += 1;
                mant += run(&mut i);
            }
            if mant == 0 {
                return Err(invalid());
            }
            if matches!(b.get(i), Some(b'e' | b'E')) {
                i += 1;
                if matches!(b.get(i), Some(b'+' | b'-')) {
                    i += 1;
                }
                if run(&mut i) == 0 {
                    return Err(invalid());
                }
            }
            if i != b.len() {
                return Err(invalid());
            }
            body.parse::<f64>().map_err(|_| invalid())?
        }
    };
    Ok(if negative { -value } else { value })
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `a / b`.
pub fn true_div(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return zero_div("float division by zero");
    }
    Ok(a / b)
}

/// CPython's `_float_div_mod`: floor quotient and remainder (with the sign
/// of `b`), including its handling of signed zeros. `b` must be non-zero.
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx; // C fmod
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b`.
pub fn floordiv(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return zero_div("float floor division by zero");
    }
    Ok(div_mod(a, b).0)
}

/// `a % b`: the result has the sign of `b` (a zero result is a signed zero).
pub fn modulo(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return zero_div("float modulo");
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)`.
pub fn divmod(a: f64, b: f64) -> NumResult<(f64, f64)> {
    if b == 0.0 {
        return zero_div("float divmod()");
    }
    Ok(div_mod(a, b))
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `a ** b` with CPython's special cases. A negative base with a
/// non-integral exponent yields a complex number in Python: that is reported
/// as `Value("complex")` for the caller to redo in complex arithmetic.
pub fn pow(iv: f64, iw: f64) -> NumResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return zero_div("0.0 cannot be raised to a negative power");
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return value_err("complex");
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(NumError::Overflow("(34, 'Numerical result out of range')".to_string()));
    }
    Ok(if negate { -r } else { r })
}

/// `hash(x)` as CPython's `_Py_HashDouble`; `None` for NaN, whose hash is
/// based on object identity (the interpreter supplies it).
pub fn hash(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if v == 0.0 {
        return Some(0);
    }
    const BITS: i32 = 61;
    let (mut m, mut e) = frexp(v);
    let negative = m < 0.0;
    m = m.abs();
    // Consume 28 bits of mantissa at a time, reducing modulo 2**61 - 1.
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & HASH_MODULUS) | (x >> (BITS - e));
    let h = if negative { (x as i64).wrapping_neg() } else { x as i64 };
    Some(if h == -1 { -2 } else { h })
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// `round(x)` without ndigits: round half to even, to an int.
pub fn round_to_int(x: f64) -> NumResult<Int> {
    int_ops::from_f64(x.round_ties_even())
}

/// `round(x, ndigits)`: the correctly rounded (half to even) decimal value,
/// converted back to the nearest float, as CPython's `double_round`.
pub fn round(x: f64, ndigits: i64) -> NumResult<f64> {
    // Beyond these bounds rounding is the identity / gives a signed zero.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if ndigits >= 0 {
        return Ok(format!("{:.*}", ndigits as usize, x).parse::<f64>().expect("float text"));
    }
    // Round the exact value to a multiple of 10**k, ties to even.
    let pow10 = int_ops::pow(&Int::Small(10), &Int::Small(-ndigits))?;
    let t = int_ops::abs(&int_ops::from_f64(x)?);
    let sticky = x.trunc() != x;
    let (q, r) = int_ops::divmod(&t, &pow10)?;
    let twice = int_ops::add(&r, &r);
    let up = match int_ops::cmp(&twice, &pow10) {
        Ordering::Greater => true,
        Ordering::Equal => sticky || int_ops::is_odd(&q),
        Ordering::Less => false,
    };
    let q = if up { int_ops::add(&q, &Int::Small(1)) } else { q };
    let rounded = int_ops::to_f64(&int_ops::mul(&q, &pow10))
        .map_err(|_| NumError::Overflow("rounded value too large to represent".to_string()))?;
    Ok(rounded.copysign(x))
}

/// Compares a float with an int exactly, as CPython's `float_richcompare`
/// (no rounding of the int: `2.0**53 != 2**53 + 1`). `None` if `f` is NaN.
pub fn cmp_float_int(f: f64, i: &Int) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    if let Int::Small(v) = i {
        if v.unsigned_abs() <= 1 << 53 {
            return f.partial_cmp(&(*v as f64));
        }
    }
    // Compare the integral part exactly; on a tie the fraction decides.
    let t = int_ops::from_f64(f).expect("finite");
    match int_ops::cmp(&t, i) {
        Ordering::Equal => (f - f.trunc()).partial_cmp(&0.0),
        o => Some(o),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str) -> Int {
        int_ops::parse(s, 10).unwrap()
    }

    #[test]
    fn repr_matches_python() {
        // (value, repr(value)) from python3.
        let rows: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.3333333333333333"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (1e-5, "1e-05"),
            (-1.2345678901234567e300, "-1.2345678901234567e+300"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (123456789.0, "123456789.0"),
            (1.2345e20, "1.2345e+20"),
            (2e16 + 8.0, "2.000000000000001e+16"),
            (0.30000000000000004, "0.30000000000000004"),
            (100.0, "100.0"),
            (1e22, "1e+22"),
            (1.7e-7, "1.7e-07"),
            (123.456, "123.456"),
        ];
        for (x, want) in rows {
            assert_eq!(repr(*x), *want);
        }
    }

    #[test]
    fn repr_round_trips() {
        // A cheap pseudo-random sweep over bit patterns: the repr must parse back
        // exactly, and carry at most 17 significant digits.
        let mut state = 0x1234_5678_9abc_def0u64;
        for _ in 0..20000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            if x.is_finite() {
                let r = repr(x);
                assert_eq!(parse(&r).unwrap().to_bits(), x.to_bits(), "{r}");
            }
        }
    }

    #[test]
    fn parsing() {
        let ok: &[(&str, f64)] = &[
            ("1_0.5", 10.5),
            (" -iNF ", f64::NEG_INFINITY),
            ("infinity", f64::INFINITY),
            ("+inFinIty", f64::INFINITY),
            ("1e500", f64::INFINITY),
            ("1e5_0", 1e50),
            (" 1_0 ", 10.0),
            ("1.5e-1_0", 1.5e-10),
            ("١.٥", 1.5),
            ("0.", 0.0),
            ("-.5", -0.5),
            ("\u{3000} 2.5 \u{3000}", 2.5),
            ("1E+05", 1e5),
            ("+.5e-3", 0.0005),
            ("\t0.1\n", 0.1),
            ("2.2250738585072011e-308", 2.225073858507201e-308),
        ];
        for (s, want) in ok {
            assert_eq!(parse(s), Ok(*want), "{s:?}");
        }
        assert!(parse("nan").unwrap().is_nan());
        assert!(parse("+nan").unwrap().is_nan());
        assert!(parse("-nan").unwrap().is_sign_negative());
        assert!(parse("-0").unwrap().is_sign_negative());
        let bad = [
            "abc",
            "1__0",
            "0x10",
            "",
            "1_e5",
            "1e_5",
            "1._5",
            "1_.5",
            "_1.5",
            "1.5_",
            "-i_nf",
            "1,5",
            "+-1",
            "--1",
            "1e+",
            ".e1",
            "in f",
            "infinityy",
            "nan(1)",
            "0e",
            "1e1.5",
            "\0",
            "1\0",
            ".",
            "e5",
            "²",
        ];
        for s in bad {
            let want = format!("could not convert string to float: {}", str_ops::repr_str(s));
            assert_eq!(parse(s), Err(NumError::Value(want)), "{s:?}");
        }
        assert_eq!(parse("x'y"), Err(NumError::Value("could not convert string to float: \"x'y\"".into())));
    }

    #[test]
    fn division() {
        let zd = |m: &str| NumError::ZeroDivision(m.to_string());
        assert_eq!(floordiv(1.0, 0.0), Err(zd("float floor division by zero")));
        assert_eq!(modulo(1.0, 0.0), Err(zd("float modulo")));
        assert_eq!(divmod(1.0, -0.0), Err(zd("float divmod()")));
        assert_eq!(true_div(1.0, 0.0), Err(zd("float division by zero")));
        // (a, b, repr(a // b), repr(a % b)) from python3.
        let rows: &[(f64, f64, &str, &str)] = &[
            (7.0, 2.0, "3.0", "1.0"),
            (-7.0, 2.0, "-4.0", "1.0"),
            (7.0, -2.0, "-4.0", "-1.0"),
            (-7.0, -2.0, "3.0", "-1.0"),
            (0.0, 5.0, "0.0", "0.0"),
            (-0.0, 5.0, "-0.0", "0.0"),
            (0.0, -5.0, "-0.0", "-0.0"),
            (-0.0, -5.0, "0.0", "-0.0"),
            (6.0, -3.0, "-2.0", "-0.0"),
            (-6.0, 3.0, "-2.0", "0.0"),
            (1.0, 0.1, "9.0", "0.09999999999999995"),
            (-1.0, 0.1, "-10.0", "5.551115123125783e-17"),
            (1e308, 1e-308, "inf", "3.498445546245627e-309"),
            (5.0, f64::INFINITY, "0.0", "5.0"),
            (-5.0, f64::INFINITY, "-1.0", "inf"),
            (f64::INFINITY, 2.0, "nan", "nan"),
            (3.5, 0.5, "7.0", "0.0"),
            (-1e-300, 1e300, "-1.0", "1e+300"),
        ];
        for (a, b, q, m) in rows {
            assert_eq!(repr(floordiv(*a, *b).unwrap()), *q, "{a} // {b}");
            assert_eq!(repr(modulo(*a, *b).unwrap()), *m, "{a} % {b}");
            let (dq, dm) = divmod(*a, *b).unwrap();
            assert_eq!((repr(dq), repr(dm)), (q.to_string(), m.to_string()));
        }
    }

    #[test]
    fn powers() {
        let inf = f64::INFINITY;
        // (a, b, repr(a ** b)) from python3.
        let rows: &[(f64, f64, &str)] = &[
            (2.0, 10.0, "1024.0"),
            (2.0, -1.0, "0.5"),
            (f64::NAN, 0.0, "1.0"),
            (1.0, f64::NAN, "1.0"),
            (-1.0, inf, "1.0"),
            (0.5, inf, "0.0"),
            (0.5, -inf, "inf"),
            (2.0, -inf, "0.0"),
            (-inf, 3.0, "-inf"),
            (-inf, 2.0, "inf"),
            (-inf, -3.0, "-0.0"),
            (-inf, -2.0, "0.0"),
            (-0.0, 3.0, "-0.0"),
            (-0.0, 2.0, "0.0"),
            (0.0, 0.5, "0.0"),
            (-2.0, 3.0, "-8.0"),
            (-2.0, 2.0, "4.0"),
            (-1.0, 1e300, "1.0"),
            (-1.0, -3.0, "-1.0"),
            (10.0, -400.0, "0.0"),
            (2.0, 0.5, "1.4142135623730951"),
            (1.0000001, 1e6, "1.1051709126143208"),
            (2.0, f64::NEG_INFINITY, "0.0"),
        ];
        for (a, b, want) in rows {
            assert_eq!(repr(pow(*a, *b).unwrap()), *want, "{a} ** {b}");
        }
        assert!(pow(f64::NAN, 1.0).unwrap().is_nan());
        assert!(pow(2.0, f64::NAN).unwrap().is_nan());
        let over = Err(NumError::Overflow("(34, 'Numerical result out of range')".into()));
        assert_eq!(pow(10.0, 400.0), over);
        assert_eq!(pow(2.0, 1e6), over);
        assert_eq!(pow(-2.0, 1e300), over);
        assert_eq!(pow(-1e300, 3.0), over);
        let zd = Err(NumError::ZeroDivision("0.0 cannot be raised to a negative power".into()));
        assert_eq!(pow(0.0, -1.0), zd);
        assert_eq!(pow(-0.0, -1.5), zd);
        assert_eq!(pow(-8.0, 1.0 / 3.0), Err(NumError::Value("complex".into())));
        assert_eq!(pow(-2.0, 0.5), Err(NumError::Value("complex".into())));
    }

    #[test]
    fn hashes() {
        // (value, hash(value)) from python3.
        let rows: &[(f64, i64)] = &[
            (0.0, 0),
            (-0.0, 0),
            (1.0, 1),
            (-1.0, -2),
            (0.5, 1152921504606846976),
            (-0.5, -1152921504606846976),
            (1.5, 1152921504606846977),
            (0.1, 230584300921369408),
            (1e100, 1822893315824342674),
            (-1e100, -1822893315824342674),
            (std::f64::consts::PI, 326490430436040707),
            (1e-300, 482449582752280463),
            (5e-324, 16777216),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
            (2305843009213693952.0, 1),
            (4.611686018427388e18, 2),
            (123456.789, 1819310134279660096),
            (2.2250738585072014e-308, 32768),
            (1e308, 156575653125701),
            (-1.7976931348623157e308, -2234066890152476671),
        ];
        for (x, h) in rows {
            assert_eq!(hash(*x), Some(*h), "hash({x:?})");
        }
        assert_eq!(hash(f64::NAN), None);
        // Integral floats hash like the equal int.
        for v in ["12345678901234567890123", "-9007199254740993", "4611686018427387904"] {
            let i = int(v);
            let f = int_ops::to_f64(&i).unwrap();
            assert_eq!(hash(f), Some(int_ops::hash(&int_ops::from_f64(f).unwrap())));
        }
    }

    #[test]
    fn rounding() {
        // (x, ndigits, repr(round(x, ndigits))) from python3.
        let rows: &[(f64, i64, &str)] = &[
            (2.675, 2, "2.67"),
            (2.5, 0, "2.0"),
            (3.5, 0, "4.0"),
            (-2.5, 0, "-2.0"),
            (0.125, 2, "0.12"),
            (0.375, 2, "0.38"),
            (-0.001, 2, "-0.0"),
            (1234.5678, -2, "1200.0"),
            (1250.0, -2, "1200.0"),
            (1350.0, -2, "1400.0"),
            (1250.0001, -2, "1300.0"),
            (-4.0, -1, "-0.0"),
            (-5.0, -1, "-0.0"),
            (-15.0, -1, "-20.0"),
            (1e300, -299, "1e+300"),
            (1.5e300, -300, "2e+300"),
            (123.456, 400, "123.456"),
            (123.456, -400, "0.0"),
            (-123.456, -400, "-0.0"),
            (5e-324, 323, "0.0"),
            (5e-324, 324, "5e-324"),
            (0.1, 17, "0.1"),
            (2.5e-5, 5, "3e-05"),
            (5e21, -22, "0.0"),
            (4.5, 0, "4.0"),
            (5.5, 0, "6.0"),
            (1e22, -21, "1e+22"),
            (123456789.12345679, -3, "123457000.0"),
            (-0.5, 0, "-0.0"),
            (0.05, 1, "0.1"),
            (0.15, 1, "0.1"),
            (0.25, 1, "0.2"),
            (f64::INFINITY, 2, "inf"),
        ];
        for (x, n, want) in rows {
            assert_eq!(repr(round(*x, *n).unwrap()), *want, "round({x}, {n})");
        }
        assert!(round(f64::NAN, 2).unwrap().is_nan());
        let too_large = Err(NumError::Overflow("rounded value too large to represent".into()));
        assert_eq!(round(1.7976931348623157e308, -308), too_large);
        assert_eq!(round(1.7976931348623157e308, -307), too_large);
        let r = |x: f64| round_to_int(x).map(|i| i.to_string());
        assert_eq!(r(2.5), Ok("2".into()));
        assert_eq!(r(-2.5), Ok("-2".into()));
        assert_eq!(r(0.5), Ok("0".into()));
        assert_eq!(r(1.5), Ok("2".into()));
        assert_eq!(r(-0.6), Ok("-1".into()));
        assert_eq!(r(1e20), Ok("100000000000000000000".into()));
        assert_eq!(r(f64::NAN), Err(NumError::Value("cannot convert float NaN to integer".into())));
        assert!(matches!(r(f64::INFINITY), Err(NumError::Overflow(_))));
    }

    #[test]
    fn integer_checks() {
        assert!(is_integer(3.0));
        assert!(is_integer(-0.0));
        assert!(!is_integer(3.5));
        assert!(!is_integer(f64::INFINITY));
        assert!(!is_integer(f64::NAN));
        assert!(is_integer(1e300));
    }

    #[test]
    fn float_int_comparison() {
        use Ordering::*;
        let two53 = int("9007199254740992");
        let rows: &[(f64, &str, Option<Ordering>)] = &[
            (9007199254740992.0, "9007199254740993", Some(Less)),
            (9007199254740992.0, "9007199254740992", Some(Equal)),
            (9007199254740992.0, "9007199254740991", Some(Greater)),
            (1e300, "1000000000000000052504760255204420248704468581108159154915854115111802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115467196834763571840", Some(Greater)),
            (2.5, "2", Some(Greater)),
            (2.5, "3", Some(Less)),
            (-2.5, "-2", Some(Less)),
            (-2.5, "-3", Some(Greater)),
            (4611686018427387904.5, "4611686018427387904", Some(Equal)),
            (-4611686018427387904.0, "-4611686018427387905", Some(Greater)),
            (1e19, "10000000000000000000", Some(Equal)),
            (1e19, "10000000000000000001", Some(Less)),
            (f64::INFINITY, "123456789012345678901234567890", Some(Greater)),
            (f64::NEG_INFINITY, "-123456789012345678901234567890", Some(Less)),
            (f64::NAN, "0", None),
            (-0.0, "0", Some(Equal)),
            (0.5, "0", Some(Greater)),
            (-0.5, "0", Some(Less)),
        ];
        for (f, i, want) in rows {
            assert_eq!(cmp_float_int(*f, &int(i)), *want, "{f} vs {i}");
        }
        assert_eq!(cmp_float_int(9007199254740992.0, &int_ops::add(&two53, &Int::Small(1))), Some(Less));
    }

    #[test]
    fn formatting_core() {
        let f = DtsFlags::default();
        let alt = DtsFlags { alt: true, ..f };
        // (x, code, precision, alt?, expected) from python3 via format(x, spec).
        let rows: &[(f64, char, usize, bool, &str)] = &[
            (0.5, 'f', 0, false, "0"),
            (1.5, 'f', 0, false, "2"),
            (2.5, 'f', 0, false, "2"),
            (1.25, 'f', 1, false, "1.2"),
            (-0.0001, 'f', 2, false, "-0.00"),
            (1.0, 'f', 0, true, "1."),
            (1.0, 'e', 0, true, "1.e+00"),
            (123.0, 'e', 6, false, "1.230000e+02"),
            (1.5, 'g', 6, true, "1.50000"),
            (100000.0, 'g', 6, false, "100000"),
            (1000000.0, 'g', 6, false, "1e+06"),
            (1e-5, 'g', 6, false, "1e-05"),
            (0.0001, 'g', 6, false, "0.0001"),
            (1234567.0, 'G', 6, false, "1.23457E+06"),
            (f64::NAN, 'F', 6, false, "NAN"),
            (f64::NEG_INFINITY, 'E', 6, false, "-INF"),
            (
                1e100,
                'f',
                0,
                false,
                "10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104",
            ),
            (0.1, 'e', 20, false, "1.00000000000000005551e-01"),
            (0.0, 'e', 3, false, "0.000e+00"),
            (0.0, 'g', 3, true, "0.00"),
            (1e-310, 'g', 17, false, "9.9999999999999694e-311"),
        ];
        for (x, code, p, a, want) in rows {
            assert_eq!(double_to_string(*x, *code, *p, if *a { alt } else { f }), *want, "{x} {code} {p}");
        }
        let z = DtsFlags { no_neg_0: true, ..f };
        assert_eq!(double_to_string(-0.0001, 'f', 2, z), "0.00");
        assert_eq!(double_to_string(-0.0, 'f', 2, z), "0.00");
        let plus = DtsFlags { sign: true, ..f };
        assert_eq!(double_to_string(1.0, 'f', 1, plus), "+1.0");
        assert_eq!(double_to_string(f64::NAN, 'f', 1, plus), "+nan");
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(3.0, -1075), 1e-323);
        assert_eq!(ldexp(1.0, 1023), 8.98846567431158e307);
        assert_eq!(ldexp(0.5, 1025), f64::INFINITY);
    }
}
