//! Exact conversions of `f64`: `float.hex()`, `float.fromhex()` and
//! `float.as_integer_ratio()`, with CPython's spellings and errors.

use dashu_int::ops::BitTest;
use dashu_int::{IBig, UBig};

use super::int_ops::{value_err, Int, NumError, NumResult};

const MANT_BITS: u32 = 52;

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` for subnormals).
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf".into() } else { "inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> MANT_BITS) & 0x7ff) as i32;
    let mant = bits & ((1 << MANT_BITS) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{mant:013x}p{exp:+}")
}

/// `float.fromhex(s)`: hex digits with an optional point and binary
/// exponent, `inf`/`nan` spellings; correctly rounded (half to even).
pub fn from_hex(s: &str) -> NumResult<f64> {
    let invalid = || value_err("invalid hexadecimal floating-point string");
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let signed = |v: f64| if neg { -v } else { v };
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits, exp_part) = match body.split_once('p') {
        Some((d, e)) => (d, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, f),
        None => (digits, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return invalid();
    }
    let mut mant = UBig::ZERO;
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or_else(|| NumError::Value("invalid hexadecimal floating-point string".into()))?;
        mant = mant * UBig::from(16u8) + UBig::from(d);
    }
    let mut exp: i64 = match exp_part {
        Some(e) => e.parse::<i64>().map_err(|_| NumError::Value("invalid hexadecimal floating-point string".into()))?,
        None => 0,
    };
    exp -= 4 * frac_part.len() as i64;
    Ok(signed(scale_exact(mant, exp)?))
}

/// The float nearest to `mant * 2**exp` (`mant >= 0`), ties to even.
fn scale_exact(mant: UBig, exp: i64) -> NumResult<f64> {
    if mant == UBig::ZERO {
        return Ok(0.0);
    }
    let nbits = mant.bit_len() as i64;
    // Exponent of the leading bit; floats hold 53 bits, fewer when subnormal.
    let top = nbits - 1 + exp;
    if top > 1023 {
        return Err(NumError::Overflow("hexadecimal value too large to represent as a float".into()));
    }
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep <= 0 {
        // Below half the smallest subnormal (or exactly half: ties to zero).
        let half_min = -1075;
        let above_half = top > half_min || (top == half_min && mant.trailing_zeros() != Some(mant.bit_len() - 1));
        return Ok(if above_half { f64::from_bits(1) } else { 0.0 });
    }
    let shift = nbits - keep;
    let (mut m, e) = if shift > 0 {
        let s = shift as usize;
        let q: UBig = &mant >> s;
        let rem: UBig = &mant - (&q << s);
        let half = UBig::ONE << (s - 1);
        let q = match rem.cmp(&half) {
            std::cmp::Ordering::Greater => q + UBig::ONE,
            std::cmp::Ordering::Equal if q.bit(0) => q + UBig::ONE,
            _ => q,
        };
        (q, exp + shift)
    } else {
        (mant, exp)
    };
    if m.bit_len() as i64 > 53 && top >= 1023 {
        return Err(NumError::Overflow("hexadecimal value too large to represent as a float".into()));
    }
    let mut e = e;
    if m.bit_len() > 53 {
        m >>= 1;
        e += 1;
    }
    let m = u64::try_from(&m).expect("at most 53 bits");
    Ok(super::float_ops::ldexp(m as f64, e as i32))
}

/// `float.as_integer_ratio()`: the exact value as a reduced fraction.
pub fn as_integer_ratio(x: f64) -> NumResult<(Int, Int)> {
    if x.is_infinite() {
        return Err(NumError::Overflow("cannot convert Infinity to integer ratio".into()));
    }
    if x.is_nan() {
        return value_err("cannot convert NaN to integer ratio");
    }
    if x == 0.0 {
        return Ok((Int::Small(0), Int::Small(1)));
    }
    let bits = x.to_bits();
    let biased = ((bits >> MANT_BITS) & 0x7ff) as i64;
    let frac = bits & ((1 << MANT_BITS) - 1);
    let (mut mant, mut exp) = if biased == 0 { (frac, -1074) } else { (frac | (1 << MANT_BITS), biased - 1075) };
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    exp += tz;
    let mut num = IBig::from(mant);
    if x < 0.0 {
        num = -num;
    }
    let norm = Int::from_ibig;
    if exp >= 0 {
        Ok((norm(num << exp as usize), Int::Small(1)))
    } else {
        Ok((norm(num), norm(IBig::ONE << (-exp) as usize)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_spellings() {
        assert_eq!(to_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(to_hex(0.25), "0x1.0000000000000p-2");
        assert_eq!(to_hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(to_hex(f64::INFINITY), "inf");
    }

    #[test]
    fn hex_round_trips() {
        for x in [1.0, 0.1, -3.75, 1e300, 5e-324, 2.2250738585072014e-308, 123456.789] {
            assert_eq!(from_hex(&to_hex(x)).unwrap(), x);
        }
        assert_eq!(from_hex("0x1p-2").unwrap(), 0.25);
        assert_eq!(from_hex("  -0X1.8P1 ").unwrap(), -3.0);
        assert_eq!(from_hex("1.fffffffffffff8p0").unwrap(), 2.0); // tie rounds to even
        assert!(from_hex("0x1p2000").is_err());
        assert!(from_hex("0xg").is_err());
        assert_eq!(from_hex("0x1p-1080").unwrap(), 0.0);
    }

    #[test]
    fn ratios() {
        assert_eq!(as_integer_ratio(1.5).unwrap(), (Int::Small(3), Int::Small(2)));
        assert_eq!(as_integer_ratio(-0.25).unwrap(), (Int::Small(-1), Int::Small(4)));
        assert_eq!(as_integer_ratio(8.0).unwrap(), (Int::Small(8), Int::Small(1)));
    }
}
