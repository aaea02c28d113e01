//! Python `int` semantics over plain Rust values.
//!
//! [`Int`] is either a small machine integer (kept within 62 bits so that
//! additions of two small values never overflow an `i64`) or a heap `IBig`.
//! Every operation returns a *normalised* value: a `Big` is only used when the
//! value does not fit the small range. All results and error messages follow
//! CPython 3.11; [`NumError`] is the error type shared by the numeric modules.

use std::cmp::Ordering;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};

use dashu_int::fast_div::ConstDivisor;
use dashu_int::ops::{BitTest, DivRem, UnsignedAbs};
use dashu_int::{IBig, Sign, UBig};

use super::float_ops;
use super::str_ops;

/// A numeric error; the interpreter raises the matching Python exception
/// (`ZeroDivisionError`, `OverflowError`, `ValueError`) with the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumError {
    #[error("{0}")]
    ZeroDivision(String),
    #[error("{0}")]
    Overflow(String),
    #[error("{0}")]
    Value(String),
}

/// Result of a numeric operation.
pub type NumResult<T> = Result<T, NumError>;

pub(crate) fn zero_div<T>(msg: &str) -> NumResult<T> {
    Err(NumError::ZeroDivision(msg.to_string()))
}

pub(crate) fn overflow<T>(msg: &str) -> NumResult<T> {
    Err(NumError::Overflow(msg.to_string()))
}

pub(crate) fn value_err<T>(msg: impl Into<String>) -> NumResult<T> {
    Err(NumError::Value(msg.into()))
}

/// Smallest value stored as [`Int::Small`].
pub const SMALL_MIN: i64 = -(1 << 62);
/// Largest value stored as [`Int::Small`].
pub const SMALL_MAX: i64 = (1 << 62) - 1;
/// `sys.hash_info.modulus`: hashes of numbers are reduced modulo this prime.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`.
pub const HASH_INF: i64 = 314_159;
/// Results of shifts and powers are capped at this many bits. CPython would
/// try to allocate and raise `MemoryError`; we raise `OverflowError` up front
/// rather than abort the process on allocation failure.
pub const MAX_BITS: u64 = 1 << 34;

const TOO_MANY_DIGITS: &str = "too many digits in integer";

/// `sys.get_int_max_str_digits()`: 0 disables the limit.
static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

/// Current limit on decimal digits for int/str conversions (CVE-2020-10735).
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.load(AtomicOrdering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`, with CPython's validation.
pub fn set_max_str_digits(n: i64) -> NumResult<()> {
    if n != 0 && n < 640 {
        return value_err("maxdigits must be 0 or larger than 640");
    }
    MAX_STR_DIGITS.store(n as usize, AtomicOrdering::Relaxed);
    Ok(())
}

/// A Python integer. Invariant (kept by every constructor and operation
/// here): `Big` only holds values outside `SMALL_MIN..=SMALL_MAX`.
#[derive(Clone, Debug)]
pub enum Int {
    Small(i64),
    Big(IBig),
}

impl Default for Int {
    fn default() -> Self {
        Int::Small(0)
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Self {
        Int::from_i64(v)
    }
}

impl From<i32> for Int {
    fn from(v: i32) -> Self {
        Int::Small(v as i64)
    }
}

impl From<bool> for Int {
    fn from(v: bool) -> Self {
        Int::Small(v as i64)
    }
}

impl From<IBig> for Int {
    fn from(v: IBig) -> Self {
        Int::from_ibig(v)
    }
}

impl PartialEq for Int {
    fn eq(&self, other: &Int) -> bool {
        cmp(self, other) == Ordering::Equal
    }
}

impl Eq for Int {}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        cmp(self, other)
    }
}

/// Decimal digits, without the `sys.set_int_max_str_digits` limit.
impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

#[inline]
fn fits_small(v: i64) -> bool {
    (SMALL_MIN..=SMALL_MAX).contains(&v)
}

impl Int {
    /// The `Int` for `v` (`Small` when it fits).
    pub fn from_i64(v: i64) -> Int {
        if fits_small(v) {
            Int::Small(v)
        } else {
            Int::Big(IBig::from(v))
        }
    }

    /// The `Int` for `v` (`Small` when it fits).
    pub fn from_i128(v: i128) -> Int {
        match i64::try_from(v) {
            Ok(v) => Int::from_i64(v),
            Err(_) => Int::Big(IBig::from(v)),
        }
    }

    /// The `Int` for `v` (`Small` when it fits).
    pub fn from_u64(v: u64) -> Int {
        Int::from_i128(v as i128)
    }

    /// Wraps an `IBig`, demoting it to `Small` when it fits.
    pub fn from_ibig(v: IBig) -> Int {
        match i64::try_from(&v) {
            Ok(s) if fits_small(s) => Int::Small(s),
            _ => Int::Big(v),
        }
    }

    /// Re-establishes the representation invariant (a `Big` that fits becomes `Small`).
    pub fn normalize(self) -> Int {
        match self {
            Int::Big(b) => Int::from_ibig(b),
            Int::Small(v) => Int::from_i64(v),
        }
    }

    /// The value as an `IBig` (clones a `Big`).
    pub fn to_ibig(&self) -> IBig {
        match self {
            Int::Small(v) => IBig::from(*v),
            Int::Big(b) => b.clone(),
        }
    }

    /// The value as an `i64`, if it fits (including the range outside `Small`).
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(b) => i64::try_from(b).ok(),
        }
    }

    /// `self == 0`.
    pub fn is_zero(&self) -> bool {
        match self {
            Int::Small(v) => *v == 0,
            Int::Big(b) => b.is_zero(),
        }
    }

    /// `self < 0`.
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.sign() == Sign::Negative,
        }
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> i32 {
        match self {
            Int::Small(v) => v.signum() as i32,
            Int::Big(b) if b.sign() == Sign::Negative => -1,
            Int::Big(_) => 1,
        }
    }

    /// `int.bit_length()`: bits of `abs(self)`, 0 for 0.
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
            Int::Big(b) => b.bit_len() as u64,
        }
    }

    /// `int.bit_count()`: number of ones in `abs(self)`.
    pub fn bit_count(&self) -> u64 {
        match self {
            Int::Small(v) => v.unsigned_abs().count_ones() as u64,
            Int::Big(b) => b.unsigned_abs().count_ones() as u64,
        }
    }
}

/// Applies `$small` (an expression on two `i64`s) when both are small,
/// otherwise `$big` on two `IBig`s.
macro_rules! binop {
    ($a:expr, $b:expr, |$x:ident, $y:ident| $small:expr, |$p:ident, $q:ident| $big:expr) => {
        match ($a, $b) {
            (Int::Small($x), Int::Small($y)) => {
                let ($x, $y) = (*$x, *$y);
                $small
            }
            (a, b) => {
                let ($p, $q) = (a.to_ibig(), b.to_ibig());
                Int::from_ibig($big)
            }
        }
    };
}

/// `a + b`.
pub fn add(a: &Int, b: &Int) -> Int {
    binop!(a, b, |x, y| Int::from_i64(x + y), |p, q| p + q)
}

/// `a - b`.
pub fn sub(a: &Int, b: &Int) -> Int {
    binop!(a, b, |x, y| Int::from_i64(x - y), |p, q| p - q)
}

/// `a * b`.
pub fn mul(a: &Int, b: &Int) -> Int {
    binop!(a, b, |x, y| Int::from_i128(x as i128 * y as i128), |p, q| p * q)
}

/// `-a`.
pub fn neg(a: &Int) -> Int {
    match a {
        Int::Small(v) => Int::from_i64(-v),
        Int::Big(b) => Int::from_ibig(-b),
    }
}

/// `abs(a)`.
pub fn abs(a: &Int) -> Int {
    if a.is_negative() {
        neg(a)
    } else {
        a.clone()
    }
}

/// `~a == -(a + 1)`.
pub fn invert(a: &Int) -> Int {
    match a {
        Int::Small(v) => Int::Small(!v),
        Int::Big(b) => Int::from_ibig(!b),
    }
}

/// Floor division and remainder with the remainder taking the divisor's sign.
fn divmod_unchecked(a: &Int, b: &Int) -> (Int, Int) {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => {
            let (mut q, mut r) = (x / y, x % y);
            if r != 0 && ((r < 0) != (*y < 0)) {
                q -= 1;
                r += y;
            }
            (Int::from_i64(q), Int::from_i64(r))
        }
        _ => {
            let (x, y) = (a.to_ibig(), b.to_ibig());
            let (mut q, mut r) = (&x).div_rem(&y);
            if !r.is_zero() && (r.sign() != y.sign()) {
                q -= 1;
                r += &y;
            }
            (Int::from_ibig(q), Int::from_ibig(r))
        }
    }
}

/// `a // b` (rounds towards negative infinity).
pub fn floordiv(a: &Int, b: &Int) -> NumResult<Int> {
    if b.is_zero() {
        return zero_div("integer division or modulo by zero");
    }
    Ok(divmod_unchecked(a, b).0)
}

/// `a % b`; a non-zero result has the sign of `b`.
pub fn modulo(a: &Int, b: &Int) -> NumResult<Int> {
    if b.is_zero() {
        return zero_div("integer modulo by zero");
    }
    Ok(divmod_unchecked(a, b).1)
}

/// `divmod(a, b)`.
pub fn divmod(a: &Int, b: &Int) -> NumResult<(Int, Int)> {
    if b.is_zero() {
        return zero_div("integer division or modulo by zero");
    }
    Ok(divmod_unchecked(a, b))
}

/// `a ** b` for `b >= 0` (a negative `b` gives a float: use [`pow_to_float`]).
/// Results beyond [`MAX_BITS`] raise `OverflowError` instead of exhausting memory.
pub fn pow(a: &Int, b: &Int) -> NumResult<Int> {
    if b.is_negative() {
        return value_err("negative exponent: use pow_to_float");
    }
    // Bases whose powers never grow.
    match a {
        Int::Small(0) => return Ok(Int::Small(b.is_zero() as i64)),
        Int::Small(1) => return Ok(Int::Small(1)),
        Int::Small(-1) => return Ok(Int::Small(if is_odd(b) { -1 } else { 1 })),
        _ => {}
    }
    let exp = match b.to_i64() {
        Some(e) if (e as u128) * (a.bit_length() as u128) <= MAX_BITS as u128 + 64 => e as u64,
        _ => return overflow(TOO_MANY_DIGITS),
    };
    if let (Int::Small(base), Ok(e)) = (a, u32::try_from(exp)) {
        if let Some(v) = base.checked_pow(e) {
            return Ok(Int::from_i64(v));
        }
    }
    Ok(Int::from_ibig(a.to_ibig().pow(exp as usize)))
}

pub(crate) fn is_odd(a: &Int) -> bool {
    match a {
        Int::Small(v) => v & 1 == 1,
        Int::Big(b) => b.bit(0),
    }
}

/// `a ** b` when `b < 0`: CPython converts both operands to float and
/// delegates to float power (`0 ** -1` raises ZeroDivisionError).
pub fn pow_to_float(a: &Int, b: &Int) -> NumResult<f64> {
    float_ops::pow(to_f64(a)?, to_f64(b)?)
}

/// Three-argument `pow(a, b, m)`. A negative exponent uses the modular inverse
/// of `a`; a negative modulus gives a result in `(m, 0]`.
pub fn pow_mod(a: &Int, b: &Int, m: &Int) -> NumResult<Int> {
    if m.is_zero() {
        return value_err("pow() 3rd argument cannot be 0");
    }
    let negative_modulus = m.is_negative();
    let modulus: UBig = m.to_ibig().unsigned_abs();
    if modulus.is_one() {
        return Ok(Int::Small(0));
    }
    let ring = ConstDivisor::new(modulus.clone());
    let mut base = ring.reduce(a.to_ibig());
    if b.is_negative() {
        base = match base.inv() {
            Some(inv) => inv,
            None => return value_err("base is not invertible for the given modulus"),
        };
    }
    let mut r = IBig::from(base.pow(&b.to_ibig().unsigned_abs()).residue());
    if negative_modulus && !r.is_zero() {
        r -= IBig::from(modulus);
    }
    Ok(Int::from_ibig(r))
}

/// `a & b`, on the infinite two's-complement representation.
pub fn and(a: &Int, b: &Int) -> Int {
    binop!(a, b, |x, y| Int::Small(x & y), |p, q| p & q)
}

/// `a | b`, on the infinite two's-complement representation.
pub fn or(a: &Int, b: &Int) -> Int {
    binop!(a, b, |x, y| Int::Small(x | y), |p, q| p | q)
}

/// `a ^ b`, on the infinite two's-complement representation.
pub fn xor(a: &Int, b: &Int) -> Int {
    binop!(a, b, |x, y| Int::Small(x ^ y), |p, q| p ^ q)
}

/// `a << n`. A shift whose result would exceed [`MAX_BITS`] raises
/// `OverflowError` (CPython: `MemoryError`).
pub fn lshift(a: &Int, n: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return value_err("negative shift count");
    }
    if a.is_zero() {
        return Ok(Int::Small(0));
    }
    let n = match n.to_i64() {
        Some(n) if n as u64 + a.bit_length() <= MAX_BITS => n as u64,
        _ => return overflow(TOO_MANY_DIGITS),
    };
    if let Int::Small(v) = a {
        if n < 64 {
            return Ok(Int::from_i128((*v as i128) << n));
        }
    }
    Ok(Int::from_ibig(a.to_ibig() << n as usize))
}

/// `a >> n`, rounding towards negative infinity; huge counts give 0 or -1.
pub fn rshift(a: &Int, n: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return value_err("negative shift count");
    }
    let n = match n.to_i64() {
        Some(n) if (n as u64) < a.bit_length() => n as u64,
        _ => return Ok(Int::Small(if a.is_negative() { -1 } else { 0 })),
    };
    Ok(match a {
        Int::Small(v) => Int::Small(v >> n),
        Int::Big(b) => Int::from_ibig(b >> n as usize),
    })
}

/// Three-way comparison.
pub fn cmp(a: &Int, b: &Int) -> Ordering {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => x.cmp(y),
        (Int::Big(x), Int::Big(y)) => x.cmp(y),
        _ => a.to_ibig().cmp(&b.to_ibig()),
    }
}

/// `float(a)`, correctly rounded (half to even).
pub fn to_f64(a: &Int) -> NumResult<f64> {
    let f = match a {
        Int::Small(v) => *v as f64,
        Int::Big(b) => b.to_f64().value(),
    };
    if f.is_infinite() {
        return overflow("int too large to convert to float");
    }
    Ok(f)
}

/// `int(x)` for a float: truncates towards zero.
pub fn from_f64(x: f64) -> NumResult<Int> {
    if x.is_nan() {
        return value_err("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return overflow("cannot convert float infinity to integer");
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Int::from_i64(t as i64));
    }
    // |t| >= 2**63: an integer mantissa times a positive power of two.
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as usize - 1075;
    let mant = IBig::from((bits & ((1 << 52) - 1)) | (1 << 52)) << exp;
    Ok(Int::from_ibig(if t < 0.0 { -mant } else { mant }))
}

/// `a / b` as CPython's `long_true_divide`: correctly rounded even when the
/// operands do not fit a float.
pub fn true_div(a: &Int, b: &Int) -> NumResult<f64> {
    const MANT: i64 = 53; // DBL_MANT_DIG
    const MIN_EXP: i64 = -1021; // DBL_MIN_EXP
    const MAX_EXP: i64 = 1024; // DBL_MAX_EXP
    if b.is_zero() {
        return zero_div("division by zero");
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if x.unsigned_abs() <= 1 << MANT && y.unsigned_abs() <= 1 << MANT {
            // Both exact as floats, so one IEEE division rounds correctly.
            return Ok(*x as f64 / *y as f64);
        }
    }
    let negate = a.is_negative() != b.is_negative();
    let sign = |v: f64| if negate { -v } else { v };
    let too_large = || overflow("integer division result too large for a float");
    if a.is_zero() {
        return Ok(sign(0.0));
    }
    let (x, y) = (a.to_ibig().unsigned_abs(), b.to_ibig().unsigned_abs());
    let diff = x.bit_len() as i64 - y.bit_len() as i64;
    if diff > MAX_EXP {
        return too_large();
    }
    if diff < MIN_EXP - MANT - 1 {
        return Ok(sign(0.0));
    }
    // Scale so the quotient has MANT + 2 or MANT + 3 bits (fewer when subnormal),
    // keeping track of any bits lost as a sticky "inexact" flag.
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        x << (-shift) as usize
    } else {
        inexact = x.trailing_zeros().unwrap_or(0) < shift as usize;
        x >> shift as usize
    };
    let (q, r) = x.div_rem(&y);
    inexact |= !r.is_zero();
    let q = u64::try_from(&q).expect("quotient has at most 56 bits");
    let q_bits = 64 - q.leading_zeros() as i64;
    // Round half to even, dropping `extra` low bits.
    let extra = q_bits.max(MIN_EXP - shift) - MANT;
    let mask = 1u64 << (extra - 1);
    let mut low = q | inexact as u64;
    if low & mask != 0 && low & (3 * mask - 1) != 0 {
        low += mask;
    }
    let q = low & !(2 * mask - 1);
    let result = float_ops::ldexp(q as f64, shift as i32);
    if shift + q_bits >= MAX_EXP && (shift + q_bits > MAX_EXP || q as f64 == float_ops::ldexp(1.0, q_bits as i32)) {
        return too_large();
    }
    Ok(sign(result))
}

/// `hash(a)`: `abs(a) mod (2**61 - 1)` with the sign of `a`; -1 becomes -2.
pub fn hash(a: &Int) -> i64 {
    let h = match a {
        Int::Small(v) => {
            let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
            if *v < 0 {
                -m
            } else {
                m
            }
        }
        Int::Big(b) => {
            let m = u64::try_from(b.unsigned_abs() % UBig::from(HASH_MODULUS)).unwrap() as i64;
            if b.sign() == Sign::Negative {
                -m
            } else {
                m
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `round(a, ndigits)` for a negative `ndigits`: round half to even to a
/// multiple of `10 ** -ndigits` (a non-negative `ndigits` returns `a`).
pub fn round(a: &Int, ndigits: &Int) -> NumResult<Int> {
    if !ndigits.is_negative() {
        return Ok(a.clone());
    }
    let pow10 = pow(&Int::Small(10), &neg(ndigits))?;
    let (q, r) = divmod_unchecked(a, &pow10);
    // Compare 2r with pow10; on a tie round towards the even quotient.
    let twice = mul(&r, &Int::Small(2));
    let up = match cmp(&twice, &pow10) {
        Ordering::Greater => true,
        Ordering::Equal => is_odd(&q),
        Ordering::Less => false,
    };
    let q = if up { add(&q, &Int::Small(1)) } else { q };
    Ok(mul(&q, &pow10))
}

/// A lower bound on the number of decimal digits of a value with `bits`
/// bits (it is at least `2**(bits-1)`); may undercount by one.
fn min_decimal_digits(bits: u64) -> u64 {
    (bits.saturating_sub(1) as f64 * std::f64::consts::LOG10_2) as u64
}

fn str_digits_limit_error() -> NumError {
    NumError::Value(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit",
        max_str_digits()
    ))
}

/// `str(a)` / `repr(a)`: decimal, subject to `sys.get_int_max_str_digits()`.
pub fn to_str(a: &Int) -> NumResult<String> {
    let limit = max_str_digits() as u64;
    if let Int::Big(b) = a {
        if limit > 0 && min_decimal_digits(b.bit_len() as u64) > limit {
            return Err(str_digits_limit_error());
        }
        let s = b.to_string();
        if limit > 0 && s.trim_start_matches('-').len() as u64 > limit {
            return Err(str_digits_limit_error());
        }
        return Ok(s);
    }
    Ok(a.to_string())
}

/// Digits of `a` in `radix` (2..=36), lowercase, with a leading `-` for
/// negatives and no prefix; no digit limit applies.
pub fn to_string_radix(a: &Int, radix: u32) -> String {
    assert!((2..=36).contains(&radix), "radix out of range");
    match a {
        Int::Small(v) if radix == 10 => v.to_string(),
        Int::Small(v) => {
            let mut mag = v.unsigned_abs();
            let mut digits = Vec::new();
            while mag > 0 || digits.is_empty() {
                digits.push(std::char::from_digit((mag % radix as u64) as u32, radix).unwrap());
                mag /= radix as u64;
            }
            if *v < 0 {
                digits.push('-');
            }
            digits.iter().rev().collect()
        }
        Int::Big(b) => b.in_radix(radix as u8).to_string().to_ascii_lowercase(),
    }
}

/// `bin(a)`, `oct(a)`, `hex(a)` (radix 2, 8, 16): e.g. `bin(-5) == '-0b101'`.
pub fn to_prefixed_string(a: &Int, radix: u32) -> String {
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => panic!("to_prefixed_string: radix must be 2, 8 or 16"),
    };
    let digits = to_string_radix(a, radix);
    match digits.strip_prefix('-') {
        Some(mag) => format!("-{prefix}{mag}"),
        None => format!("{prefix}{digits}"),
    }
}

/// The ASCII whitespace CPython's `PyLong_FromString` skips (`Py_ISSPACE`).
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `int(s, base)` for a `str`. Base 0 infers the base from a `0x`/`0o`/`0b`
/// prefix and rejects leading zeros; non-ASCII whitespace and Unicode decimal
/// digits are accepted as CPython does.
pub fn parse(s: &str, base: u32) -> NumResult<Int> {
    if base != 0 && !(2..=36).contains(&base) {
        return value_err("int() base must be >= 2 and <= 36, or 0");
    }
    let invalid = || {
        let r: String = str_ops::repr_str(s).chars().take(200).collect();
        NumError::Value(format!("invalid literal for int() with base {base}: {r}"))
    };
    // _PyUnicode_TransformDecimalAndSpaceToASCII: a character that is neither
    // ASCII, whitespace nor a decimal digit ends the string with a '?'.
    let mut buf = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            buf.push(c as u8);
        } else if str_ops::is_space(c) {
            buf.push(b' ');
        } else if let Some(d) = str_ops::decimal_value(c) {
            buf.push(b'0' + d as u8);
        } else {
            buf.push(b'?');
            break;
        }
    }
    let text = buf.as_slice();
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let negative = at(i) == b'-';
    if matches!(at(i), b'+' | b'-') {
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let prefix = match base {
        16 => b'x',
        8 => b'o',
        2 => b'b',
        _ => 0,
    };
    if at(i) == b'0' && prefix != 0 && at(i + 1).to_ascii_lowercase() == prefix {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(invalid());
    }
    // The run of digits, with single underscores between them.
    let digit_of = |b: u8| (b as char).to_digit(36).filter(|&d| d < base);
    let start = i;
    let mut digits = String::new();
    while i < text.len() {
        if text[i] == b'_' {
            if text[i - 1] == b'_' {
                return Err(invalid());
            }
        } else if digit_of(text[i]).is_some() {
            digits.push(text[i] as char);
        } else {
            break;
        }
        i += 1;
    }
    if i > start && text[i - 1] == b'_' {
        return Err(invalid());
    }
    let limit = max_str_digits();
    if !base.is_power_of_two() && limit > 0 && digits.len() > limit {
        return value_err(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} \
             digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ));
    }
    if digits.is_empty() {
        return Err(invalid());
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if i != text.len() {
        return Err(invalid());
    }
    let value = if digits.len() <= 12 {
        Int::Small(i64::from_str_radix(&digits, base).expect("validated digits"))
    } else {
        Int::from_ibig(IBig::from_str_radix(&digits, base).expect("validated digits"))
    };
    if error_if_nonzero && !value.is_zero() {
        return Err(invalid());
    }
    Ok(if negative { neg(&value) } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str) -> Int {
        Int::from_ibig(s.parse::<IBig>().unwrap())
    }

    fn ints(list: &[&str]) -> Vec<Int> {
        list.iter().map(|s| int(s)).collect()
    }

    const VALUES: &[&str] = &[
        "0",
        "1",
        "-1",
        "2",
        "-7",
        "7",
        "3",
        "-3",
        "4611686018427387903",
        "-4611686018427387904",
        "4611686018427387904",
        "-4611686018427387905",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "18446744073709551616",
        "-18446744073709551617",
        "123456789012345678901234567890",
        "-98765432109876543210987654321",
        "340282366920938463463374607431768211456",
    ];

    fn fnv(h: &mut u64, bytes: &[u8]) {
        for &b in bytes {
            *h ^= b as u64;
            *h = h.wrapping_mul(0x100000001b3);
        }
    }

    fn xorshift(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    fn py_bool(b: bool) -> String {
        if b { "True" } else { "False" }.to_string()
    }

    #[test]
    fn arith_table() {
        // For every pair (a, b) of VALUES, the line
        // "a+b|a-b|a*b|a&b|a|b|a^b|a//b|a%b|repr(a/b)|a<b|a==b" (E for a zero
        // divisor), hashed with FNV-1a; the hash is from python3.
        let vals = ints(VALUES);
        let mut h = 0xcbf29ce484222325u64;
        for a in &vals {
            for b in &vals {
                let e = |r: NumResult<Int>| r.map_or("E".to_string(), |v| v.to_string());
                let q = true_div(a, b).map_or("E".to_string(), float_ops::repr);
                let line = [
                    add(a, b).to_string(),
                    sub(a, b).to_string(),
                    mul(a, b).to_string(),
                    and(a, b).to_string(),
                    or(a, b).to_string(),
                    xor(a, b).to_string(),
                    e(floordiv(a, b)),
                    e(modulo(a, b)),
                    q,
                    py_bool(a < b),
                    py_bool(a == b),
                ]
                .join("|");
                fnv(&mut h, line.as_bytes());
                fnv(&mut h, b"\n");
                for v in [add(a, b), mul(a, b), xor(a, b), sub(a, b)] {
                    if let Int::Big(v) = &v {
                        assert!(i64::try_from(v).map_or(true, |v| !fits_small(v)), "not normalised");
                    }
                }
            }
        }
        assert_eq!(h, 0x9e945b566e6b0fe8);
    }

    #[test]
    fn random_big_ints() {
        // 3000 pseudo-random pairs of big ints (xorshift64 from a fixed seed);
        // the FNV-1a of the results below is from the same script in python3.
        let mut state = 0x0123456789abcdefu64;
        let mut h = 0xcbf29ce484222325u64;
        let small = Int::from_u64;
        for _ in 0..3000 {
            let (s1, s2, s3) = (xorshift(&mut state), xorshift(&mut state), xorshift(&mut state));
            let mut a = xor(&lshift(&small(s1), &small(s3 % 300)).unwrap(), &small(s2));
            if s3 & 1 == 1 {
                a = neg(&a);
            }
            let mut b = add(&rshift(&small(s2), &small(s1 % 60)).unwrap(), &Int::Small(1));
            if s1 & 2 == 2 {
                b = neg(&b);
            }
            b = lshift(&b, &small(s3 % 200)).unwrap();
            let line = [
                floordiv(&a, &b).unwrap().to_string(),
                modulo(&a, &b).unwrap().to_string(),
                float_ops::repr(true_div(&a, &b).unwrap()),
                true_div(&b, &a).map_or("E".to_string(), float_ops::repr),
                hash(&a).to_string(),
                hash(&b).to_string(),
                to_str(&a).unwrap(),
                to_prefixed_string(&a, 16),
                to_prefixed_string(&b, 8),
                to_prefixed_string(&rshift(&a, &small(s2 % 100)).unwrap(), 2),
                lshift(&a, &small(s1 % 70)).unwrap().to_string(),
                rshift(&mul(&a, &b), &small(s2 % 150)).unwrap().to_string(),
                to_f64(&a).map_or("O".to_string(), float_ops::repr),
            ]
            .join("|");
            fnv(&mut h, line.as_bytes());
            fnv(&mut h, b"\n");
        }
        assert_eq!(h, 0xd0e9f7bd806e397f);
    }

    #[test]
    fn arith_samples() {
        // (a, b, a//b, a%b, a&b, a|b, a^b) from python3.
        let rows: &[[&str; 7]] = &[
            ["7", "-2", "-4", "-1", "6", "-1", "-7"],
            ["-7", "2", "-4", "1", "0", "-5", "-5"],
            ["-7", "-2", "3", "-1", "-8", "-1", "7"],
            ["7", "2", "3", "1", "2", "7", "5"],
            [
                "-123456789012345678901234567890",
                "1000000007",
                "-123456788148148161865",
                "802565165",
                "830521350",
                "-123456789012345678901065089233",
                "-123456789012345678901895610583",
            ],
            [
                "123456789012345678901234567890",
                "-18446744073709551616",
                "-6692605943",
                "-4362896299872285998",
                "123456788998261831127397302272",
                "-4362896299872285998",
                "-123456789002624727427269588270",
            ],
            [
                "-340282366920938463463374607431768211456",
                "-9223372036854775808",
                "36893488147419103232",
                "0",
                "-340282366920938463463374607431768211456",
                "-9223372036854775808",
                "340282366920938463454151235394913435648",
            ],
        ];
        for r in rows {
            let v = ints(r);
            assert_eq!(floordiv(&v[0], &v[1]).unwrap(), v[2], "{r:?}");
            assert_eq!(modulo(&v[0], &v[1]).unwrap(), v[3], "{r:?}");
            assert_eq!(divmod(&v[0], &v[1]).unwrap(), (v[2].clone(), v[3].clone()));
            assert_eq!(and(&v[0], &v[1]), v[4], "{r:?}");
            assert_eq!(or(&v[0], &v[1]), v[5], "{r:?}");
            assert_eq!(xor(&v[0], &v[1]), v[6], "{r:?}");
        }
    }

    #[test]
    fn normalisation() {
        assert!(matches!(Int::from_i64(SMALL_MAX), Int::Small(_)));
        assert!(matches!(Int::from_i64(SMALL_MAX + 1), Int::Big(_)));
        assert!(matches!(Int::from_i64(SMALL_MIN), Int::Small(_)));
        assert!(matches!(Int::from_i64(SMALL_MIN - 1), Int::Big(_)));
        assert!(matches!(Int::Big(IBig::from(5)).normalize(), Int::Small(5)));
        assert!(matches!(neg(&Int::Small(SMALL_MIN)), Int::Big(_)));
        assert!(matches!(sub(&add(&Int::Small(SMALL_MAX), &Int::Small(1)), &Int::Small(1)), Int::Small(_)));
        assert_eq!(invert(&Int::Small(SMALL_MIN)), Int::Small(SMALL_MAX));
        assert_eq!(abs(&int("-5")), int("5"));
        assert_eq!(abs(&Int::Small(SMALL_MIN)), int("4611686018427387904"));
        assert_eq!(invert(&int("-18446744073709551617")), int("18446744073709551616"));
    }

    #[test]
    fn division_errors() {
        let (one, zero) = (Int::Small(1), Int::Small(0));
        let msg = |e: NumError| match e {
            NumError::ZeroDivision(m) => m,
            e => panic!("{e:?}"),
        };
        assert_eq!(msg(floordiv(&one, &zero).unwrap_err()), "integer division or modulo by zero");
        assert_eq!(msg(modulo(&one, &zero).unwrap_err()), "integer modulo by zero");
        assert_eq!(msg(divmod(&one, &zero).unwrap_err()), "integer division or modulo by zero");
        assert_eq!(msg(true_div(&one, &zero).unwrap_err()), "division by zero");
        let big0 = Int::Big(IBig::ZERO).normalize();
        assert!(floordiv(&int("10000000000000000000000"), &big0).is_err());
    }

    #[test]
    fn powers() {
        let p = |a: &str, b: &str| pow(&int(a), &int(b)).unwrap().to_string();
        assert_eq!(p("2", "10"), "1024");
        assert_eq!(p("0", "0"), "1");
        assert_eq!(p("-1", "18446744073709551616"), "1");
        assert_eq!(p("-1", "18446744073709551617"), "-1");
        assert_eq!(p("0", "18446744073709551617"), "0");
        assert_eq!(p("-3", "41"), "-36472996377170786403");
        assert_eq!(p("2", "100"), "1267650600228229401496703205376");
        assert_eq!(p("-2", "63"), "-9223372036854775808");
        assert_eq!(p("12345678901234567890", "3"), "1881676372353657772490265749424677022198701224860897069000");
        assert!(matches!(pow(&int("2"), &int("18446744073709551616")), Err(NumError::Overflow(_))));
        assert!(matches!(pow(&int("2"), &int("-1")), Err(NumError::Value(_))));
        assert_eq!(pow_to_float(&int("2"), &int("-1")), Ok(0.5));
        assert_eq!(pow_to_float(&int("-2"), &int("-3")), Ok(-0.125));
        assert_eq!(
            pow_to_float(&int("0"), &int("-1")),
            Err(NumError::ZeroDivision("0.0 cannot be raised to a negative power".into()))
        );
    }

    #[test]
    fn modular_powers() {
        // (a, b, m, pow(a, b, m)) from python3; None = ValueError.
        let rows: &[(&str, &str, &str, Option<&str>)] = &[
            ("2", "10", "1000", Some("24")),
            ("2", "-1", "1", Some("0")),
            ("0", "-1", "1", Some("0")),
            ("5", "0", "1", Some("0")),
            ("5", "0", "7", Some("1")),
            ("5", "0", "-7", Some("-6")),
            ("0", "-1", "5", None),
            ("2", "-1", "4", None),
            ("3", "-2", "-7", Some("-3")),
            ("-3", "5", "-7", Some("-5")),
            ("-3", "5", "7", Some("2")),
            ("3", "-1", "7", Some("5")),
            ("2", "18446744073709551616", "7", Some("2")),
            ("123456789012345678901234567890", "987654321", "1000000007", Some("468102965")),
            (
                "123456789012345678901234567890",
                "-5",
                "340282366920938463463374607431768211507",
                Some("317193095646061620316353016400092022669"),
            ),
            ("12", "3", "-18446744073709551616", Some("-18446744073709549888")),
        ];
        for (a, b, m, want) in rows {
            let got = pow_mod(&int(a), &int(b), &int(m));
            match want {
                Some(w) => assert_eq!(got.unwrap().to_string(), *w, "pow({a}, {b}, {m})"),
                None => assert_eq!(got, Err(NumError::Value("base is not invertible for the given modulus".into()))),
            }
        }
        assert_eq!(
            pow_mod(&int("2"), &int("3"), &int("0")),
            Err(NumError::Value("pow() 3rd argument cannot be 0".into()))
        );
    }

    #[test]
    fn shifts() {
        let l = |a: &str, n: &str| lshift(&int(a), &int(n)).unwrap().to_string();
        let r = |a: &str, n: &str| rshift(&int(a), &int(n)).unwrap().to_string();
        assert_eq!(l("1", "62"), "4611686018427387904");
        assert_eq!(l("-1", "62"), "-4611686018427387904");
        assert_eq!(l("-3", "63"), "-27670116110564327424");
        assert_eq!(l("5", "100"), "6338253001141147007483516026880");
        assert_eq!(l("0", "18446744073709551616"), "0");
        assert_eq!(r("-1", "18446744073709551616"), "-1");
        assert_eq!(r("5", "18446744073709551616"), "0");
        assert_eq!(r("-5", "1"), "-3");
        assert_eq!(r("-5", "100"), "-1");
        assert_eq!(r("5", "63"), "0");
        assert_eq!(r("-6338253001141147007483516026881", "100"), "-6");
        assert_eq!(r("6338253001141147007483516026881", "100"), "5");
        let neg_count = Err(NumError::Value("negative shift count".into()));
        assert_eq!(lshift(&int("1"), &int("-1")), neg_count);
        assert_eq!(rshift(&int("1"), &int("-1")), neg_count);
        assert!(matches!(lshift(&int("1"), &int("18446744073709551616")), Err(NumError::Overflow(_))));
    }

    #[test]
    fn comparisons() {
        let vals = ints(VALUES);
        for a in &vals {
            for b in &vals {
                assert_eq!(cmp(a, b), a.to_ibig().cmp(&b.to_ibig()));
            }
        }
    }

    #[test]
    fn true_division() {
        // (a, b, repr(a / b)) from python3.
        let rows: &[(&str, &str, &str)] = &[
            ("1", "3", "0.3333333333333333"),
            ("-1", "3", "-0.3333333333333333"),
            ("0", "-5", "-0.0"),
            ("0", "5", "0.0"),
            ("9007199254740993", "1", "9007199254740992.0"),
            ("9007199254740995", "1", "9007199254740996.0"),
            ("9007199254740993", "2", "4503599627370496.0"),
            ("36028797018963971", "4", "9007199254740992.0"),
            ("36028797018963973", "4", "9007199254740994.0"),
            ("1000000000000000000000000000000000000000000000000000000000000000", "3", "3.3333333333333335e+62"),
            ("1", "1000000000000000000000000000000000000000000000000000000000000000", "1e-63"),
            ("123456789012345678901234567890", "987654321098765432109876543210", "0.1249999988609375"),
            ("-10", "-4", "2.5"),
            ("4611686018427387904", "3", "1.5372286728091292e+18"),
        ];
        for (a, b, want) in rows {
            let got = true_div(&int(a), &int(b)).unwrap();
            assert_eq!(float_ops::repr(got), *want, "{a}/{b}");
        }
        let ten = Int::Small(10);
        let p = |e: i64| pow(&ten, &Int::Small(e)).unwrap();
        assert_eq!(float_ops::repr(true_div(&p(400), &p(390)).unwrap()), "10000000000.0");
        assert_eq!(true_div(&Int::Small(1), &p(400)).unwrap(), 0.0);
        assert_eq!(float_ops::repr(true_div(&Int::Small(-1), &p(400)).unwrap()), "-0.0");
        // Subnormal results: 1 / 10**310, 3 / 2**1075 (ties to even → 2**-1074 * 2)
        assert_eq!(float_ops::repr(true_div(&Int::Small(1), &p(310)).unwrap()), "1e-310");
        let two = Int::Small(2);
        let p2 = |e: i64| pow(&two, &Int::Small(e)).unwrap();
        assert_eq!(true_div(&Int::Small(3), &p2(1075)).unwrap(), 1e-323);
        assert_eq!(true_div(&Int::Small(1), &p2(1075)).unwrap(), 0.0);
        assert_eq!(true_div(&Int::Small(1), &p2(1074)).unwrap(), 5e-324);
        let overflow = Err(NumError::Overflow("integer division result too large for a float".into()));
        assert_eq!(true_div(&p(400), &Int::Small(7)), overflow);
        assert_eq!(true_div(&p2(1024), &Int::Small(1)), overflow);
        assert_eq!(true_div(&sub(&p2(1024), &p2(970)), &Int::Small(1)), overflow, "rounds up to 2**1024");
        assert_eq!(true_div(&sub(&sub(&p2(1024), &p2(970)), &Int::Small(1)), &Int::Small(1)), Ok(f64::MAX));
        assert_eq!(true_div(&p2(1025), &Int::Small(2)), overflow);
        assert_eq!(true_div(&p2(1024), &Int::Small(2)), Ok(2f64.powi(1023)));
    }

    #[test]
    fn float_conversion() {
        let two = Int::Small(2);
        let p2 = |e: i64| pow(&two, &Int::Small(e)).unwrap();
        assert_eq!(to_f64(&int("9007199254740993")), Ok(9007199254740992.0));
        assert_eq!(to_f64(&int("9007199254740995")), Ok(9007199254740996.0));
        assert_eq!(to_f64(&int("-12345678901234567890123")), Ok(-1.2345678901234568e22));
        let too_big = Err(NumError::Overflow("int too large to convert to float".into()));
        assert_eq!(to_f64(&p2(1024)), too_big);
        assert_eq!(to_f64(&sub(&p2(1024), &p2(970))), too_big);
        assert_eq!(to_f64(&sub(&sub(&p2(1024), &p2(970)), &Int::Small(1))), Ok(f64::MAX));
        assert_eq!(from_f64(3.7).unwrap(), Int::Small(3));
        assert_eq!(from_f64(-3.7).unwrap(), Int::Small(-3));
        assert_eq!(from_f64(-0.0).unwrap(), Int::Small(0));
        assert_eq!(from_f64(1e20).unwrap().to_string(), "100000000000000000000");
        assert_eq!(
            from_f64(-1e300).unwrap().to_string(),
            "-1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"
        );
        assert_eq!(from_f64(f64::MAX).unwrap(), sub(&p2(1024), &p2(971)));
        assert_eq!(from_f64(f64::INFINITY), Err(NumError::Overflow("cannot convert float infinity to integer".into())));
        assert_eq!(from_f64(f64::NAN), Err(NumError::Value("cannot convert float NaN to integer".into())));
        assert!(matches!(from_f64(4.611686018427388e18).unwrap(), Int::Big(_)));
    }

    #[test]
    fn hashes() {
        // (value, hash(value)) from python3.
        let rows: &[(&str, i64)] = &[
            ("0", 0),
            ("1", 1),
            ("-1", -2),
            ("-2", -2),
            ("2305843009213693951", 0),
            ("2305843009213693950", 2305843009213693950),
            ("2305843009213693952", 1),
            ("-2305843009213693952", -2),
            ("-2305843009213693951", 0),
            ("4611686018427387903", 1),
            ("-4611686018427387904", -2),
            ("9223372036854775807", 3),
            ("-9223372036854775808", -4),
            ("123456789012345678901234567890", 248789772095949448),
            ("-123456789012345678901234567890", -248789772095949448),
            ("340282366920938463463374607431768211456", 64),
        ];
        for (v, h) in rows {
            assert_eq!(hash(&int(v)), *h, "hash({v})");
        }
    }

    #[test]
    fn rounding() {
        let r = |a: &str, n: &str| round(&int(a), &int(n)).unwrap().to_string();
        assert_eq!(r("1234", "-2"), "1200");
        assert_eq!(r("1250", "-2"), "1200");
        assert_eq!(r("1350", "-2"), "1400");
        assert_eq!(r("-1250", "-2"), "-1200");
        assert_eq!(r("-1251", "-2"), "-1300");
        assert_eq!(r("15", "-1"), "20");
        assert_eq!(r("5", "-1"), "0");
        assert_eq!(r("25", "-1"), "20");
        assert_eq!(r("-25", "-1"), "-20");
        assert_eq!(r("-35", "-1"), "-40");
        assert_eq!(r("5", "3"), "5");
        assert_eq!(r("123", "-5"), "0");
        assert_eq!(r("123456789012345678901234567890", "-20"), "123456789000000000000000000000");
    }

    #[test]
    fn strings() {
        let rows: &[(&str, &str, &str, &str)] = &[
            // (value, bin, oct, hex) from python3
            ("0", "0b0", "0o0", "0x0"),
            ("-5", "-0b101", "-0o5", "-0x5"),
            ("255", "0b11111111", "0o377", "0xff"),
            (
                "-4611686018427387904",
                "-0b100000000000000000000000000000000000000000000000000000000000000",
                "-0o400000000000000000000",
                "-0x4000000000000000",
            ),
            (
                "123456789012345678901234567890",
                "0b1100011101110100100001111111101101100001101110011111000001110111001001110001111110000101011010010",
                "0o143564417755415637016711617605322",
                "0x18ee90ff6c373e0ee4e3f0ad2",
            ),
            (
                "-9223372036854775808",
                "-0b1000000000000000000000000000000000000000000000000000000000000000",
                "-0o1000000000000000000000",
                "-0x8000000000000000",
            ),
        ];
        for (v, b, o, h) in rows {
            let v = int(v);
            assert_eq!(to_prefixed_string(&v, 2), *b);
            assert_eq!(to_prefixed_string(&v, 8), *o);
            assert_eq!(to_prefixed_string(&v, 16), *h);
        }
        assert_eq!(to_string_radix(&int("-35"), 36), "-z");
        assert_eq!(to_string_radix(&int("123456789012345678901234567890"), 36), "byw97um9s91dlz68tsi");
        assert_eq!(to_str(&int("-123")).unwrap(), "-123");
        let big = pow(&Int::Small(10), &Int::Small(4300)).unwrap();
        assert!(matches!(to_str(&big), Err(NumError::Value(_))));
        assert_eq!(to_str(&sub(&big, &Int::Small(1))).unwrap().len(), 4300);
        assert_eq!(to_str(&neg(&sub(&big, &Int::Small(1)))).unwrap().len(), 4301);
        let huge = pow(&Int::Small(10), &Int::Small(5000)).unwrap();
        assert_eq!(
            to_str(&huge),
            Err(NumError::Value(
                "Exceeds the limit (4300 digits) for integer string conversion; use \
                 sys.set_int_max_str_digits() to increase the limit"
                    .into()
            ))
        );
        assert_eq!(to_string_radix(&huge, 16).len(), 4153);
        assert_eq!(Int::Small(5).bit_length(), 3);
        assert_eq!(Int::Small(-8).bit_length(), 4);
        assert_eq!(Int::Small(0).bit_length(), 0);
        assert_eq!(huge.bit_length(), 16610);
        assert_eq!(Int::Small(-7).bit_count(), 3);
        assert_eq!(set_max_str_digits(5), Err(NumError::Value("maxdigits must be 0 or larger than 640".into())));
    }

    #[test]
    fn random_parses() {
        // 20000 short random strings over a tricky alphabet, parsed with
        // int(s, base) and float(s); FNV-1a of "int result|float result\n"
        // (str/repr, or "E:" + the ValueError message), from python3.
        let alphabet: Vec<char> = "0123456789abcxXoObBeE_ -+.\t٣".chars().collect();
        let mut state = 0xdeadbeefcafef00du64;
        let mut h = 0xcbf29ce484222325u64;
        for _ in 0..20000 {
            let s = xorshift(&mut state);
            let mut digits = s >> 8;
            let text: String = (0..s % 9)
                .map(|_| {
                    let c = alphabet[(digits % alphabet.len() as u64) as usize];
                    digits /= alphabet.len() as u64;
                    c
                })
                .collect();
            let base = [0, 2, 8, 10, 16, 36][((s >> 60) % 6) as usize];
            let msg = |e: NumError| match e {
                NumError::Value(m) => format!("E:{m}"),
                e => panic!("{e:?}"),
            };
            let i = parse(&text, base).map_or_else(msg, |v| v.to_string());
            let f = float_ops::parse(&text).map_or_else(msg, float_ops::repr);
            fnv(&mut h, format!("{i}|{f}\n").as_bytes());
        }
        assert_eq!(h, 0xbadbc5177090e22a);
    }

    #[test]
    fn parsing() {
        // (text, base, Ok(value) or Err(message)) from python3 `int(text, base)`.
        let ok: &[(&str, u32, &str)] = &[
            ("abc", 16, "2748"),
            (" +1_0 ", 10, "10"),
            ("-0", 0, "0"),
            ("00", 0, "0"),
            ("0_0", 0, "0"),
            ("0000", 0, "0"),
            ("0_0_0", 0, "0"),
            ("0b1", 2, "1"),
            ("0b1", 16, "177"),
            ("0x1f", 16, "31"),
            ("0x_1f", 0, "31"),
            ("0x_1f", 16, "31"),
            ("0O17", 0, "15"),
            ("0B1", 0, "1"),
            ("0X1F", 0, "31"),
            ("z", 36, "35"),
            ("Z", 36, "35"),
            ("\u{a0}1\u{2003}", 10, "1"),
            ("٣", 10, "3"),
            ("٣٤", 0, "34"),
            ("１２", 10, "12"),
            ("\u{1d7ce}", 10, "0"),
            ("\t\n-12\x0b\x0c\r", 10, "-12"),
            ("123456789012345678901234567890", 10, "123456789012345678901234567890"),
            ("-1_000_000_000_000_000_000_000", 0, "-1000000000000000000000"),
            ("7fffffffffffffff", 16, "9223372036854775807"),
            ("-0o777", 0, "-511"),
            ("0b", 16, "11"),
            ("10", 2, "2"),
        ];
        for (text, base, want) in ok {
            assert_eq!(parse(text, *base).map(|v| v.to_string()), Ok(want.to_string()), "{text:?}");
        }
        let err: &[(&str, u32, &str)] = &[
            ("abc", 10, "invalid literal for int() with base 10: 'abc'"),
            ("0x", 0, "invalid literal for int() with base 0: '0x'"),
            ("010", 0, "invalid literal for int() with base 0: '010'"),
            ("00_1", 0, "invalid literal for int() with base 0: '00_1'"),
            ("0_x1f", 0, "invalid literal for int() with base 0: '0_x1f'"),
            ("0b", 0, "invalid literal for int() with base 0: '0b'"),
            ("0b2", 0, "invalid literal for int() with base 0: '0b2'"),
            ("12a", 0, "invalid literal for int() with base 0: '12a'"),
            ("1__0", 10, "invalid literal for int() with base 10: '1__0'"),
            ("_1", 10, "invalid literal for int() with base 10: '_1'"),
            ("1_", 10, "invalid literal for int() with base 10: '1_'"),
            ("", 10, "invalid literal for int() with base 10: ''"),
            (" ", 10, "invalid literal for int() with base 10: ' '"),
            ("-", 10, "invalid literal for int() with base 10: '-'"),
            ("+ 1", 10, "invalid literal for int() with base 10: '+ 1'"),
            ("1\x1c", 10, "invalid literal for int() with base 10: '1\\x1c'"),
            ("1\x00", 10, "invalid literal for int() with base 10: '1\\x00'"),
            ("0٣", 0, "invalid literal for int() with base 0: '0٣'"),
            ("²", 10, "invalid literal for int() with base 10: '²'"),
            ("1e3", 10, "invalid literal for int() with base 10: '1e3'"),
            ("9", 8, "invalid literal for int() with base 8: '9'"),
            ("0x__1", 16, "invalid literal for int() with base 16: '0x__1'"),
            ("it's", 10, "invalid literal for int() with base 10: \"it's\""),
            ("1", 37, "int() base must be >= 2 and <= 36, or 0"),
            ("1", 1, "int() base must be >= 2 and <= 36, or 0"),
        ];
        for (text, base, want) in err {
            assert_eq!(parse(text, *base), Err(NumError::Value(want.to_string())), "{text:?}");
        }
        // Long inputs: the repr in the message is cut to 200 characters.
        let long = "x".repeat(300);
        let msg = format!("invalid literal for int() with base 10: '{}", "x".repeat(199));
        assert_eq!(parse(&long, 10), Err(NumError::Value(msg)));
        // The digit limit, with python3's messages.
        let limit = |n: usize| {
            Err(NumError::Value(format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has {n} \
                 digits; use sys.set_int_max_str_digits() to increase the limit"
            )))
        };
        assert_eq!(parse(&"1".repeat(5000), 10), limit(5000));
        assert_eq!(parse(&format!("-{}", "1".repeat(4301)), 10), limit(4301));
        assert_eq!(parse(&format!("{}1", "1_".repeat(4300)), 10), limit(4301));
        assert_eq!(parse(&format!("{}x", "1".repeat(4301)), 10), limit(4301));
        assert_eq!(parse(&format!("{}1", "0".repeat(4300)), 0), limit(4301));
        assert_eq!(parse(&"1".repeat(4301), 36), limit(4301));
        assert!(
            matches!(parse(&format!("{}__", "1".repeat(4301)), 10), Err(NumError::Value(m)) if m.starts_with("invalid literal"))
        );
        assert!(parse(&"1".repeat(4300), 10).is_ok());
        assert!(parse(&"1".repeat(5000), 16).is_ok());
        assert!(parse(&"1".repeat(5000), 8).is_ok());
        assert_eq!(parse(&format!("{}1", " ".repeat(5000)), 10), Ok(Int::Small(1)));
    }
}
