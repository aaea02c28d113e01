//! The `math` module, with CPython's domain and range errors.

use crate::builtins::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::int_ops::{self, Int};
use crate::objects::{bool_val, dict, float, int, module, str as pystr, Value};
use crate::vm::Vm;

mod gamma;

pub fn create(vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    let set = |k: &str, v: Value| dict::set_str(&d, pystr::intern(k), v);
    for &(name, f) in FUNCTIONS {
        set(name, new_builtin(name, f));
    }
    set("pi", float::new_float(std::f64::consts::PI));
    set("e", float::new_float(std::f64::consts::E));
    set("tau", float::new_float(std::f64::consts::TAU));
    set("inf", float::new_float(f64::INFINITY));
    set("nan", float::new_float(f64::NAN));
    let _ = vm;
    Ok(module::new_module("math", d))
}

fn domain() -> PyErr {
    PyErr::new(exc().value_error, "math domain error")
}

fn range() -> PyErr {
    PyErr::new(exc().overflow_error, "math range error")
}

/// A float argument (ints converted, others rejected as CPython does).
fn farg(vm: &Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = ops::real_to_f64(vm, v)? {
        return Ok(f);
    }
    Err(type_error(format!("must be real number, not {}", ops::type_name(v))))
}

fn iarg(v: &Value) -> PyResult<Int> {
    int::as_int(v)
        .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(v))))
}

/// Check a libm result the way CPython's `math_1` does: NaN from a non-NaN
/// input is a domain error, infinity from a finite input a range error.
fn checked(x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(float::new_float(r))
}

/// The C library's functions that Rust's `f64` lacks (the same libm
/// CPython calls for these).
mod libm {
    extern "C" {
        fn erf(x: f64) -> f64;
        fn erfc(x: f64) -> f64;
        fn remainder(x: f64, y: f64) -> f64;
        fn nextafter(x: f64, y: f64) -> f64;
    }

    pub fn erf_(x: f64) -> f64 {
        unsafe { erf(x) }
    }

    pub fn erfc_(x: f64) -> f64 {
        unsafe { erfc(x) }
    }

    pub fn remainder_(x: f64, y: f64) -> f64 {
        unsafe { remainder(x, y) }
    }

    pub fn nextafter_(x: f64, y: f64) -> f64 {
        unsafe { nextafter(x, y) }
    }
}

macro_rules! unary {
    ($($fname:ident: $name:literal => $f:expr, $overflow:expr;)*) => {
        $(
            fn $fname(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let a = Args::new($name, args, kw);
                a.no_kwargs()?;
                a.expect(1, 1)?;
                let x = farg(vm, &a.pos[0])?;
                let f: fn(f64) -> f64 = $f;
                checked(x, f(x), $overflow)
            }
        )*
    };
}

unary! {
    exp: "exp" => f64::exp, true;
    expm1: "expm1" => f64::exp_m1, true;
    sin: "sin" => f64::sin, false;
    cos: "cos" => f64::cos, false;
    tan: "tan" => f64::tan, false;
    asin: "asin" => f64::asin, false;
    acos: "acos" => f64::acos, false;
    atan: "atan" => f64::atan, false;
    sinh: "sinh" => f64::sinh, true;
    cosh: "cosh" => f64::cosh, true;
    tanh: "tanh" => f64::tanh, false;
    asinh: "asinh" => f64::asinh, false;
    acosh: "acosh" => f64::acosh, false;
    atanh: "atanh" => |x| if x.abs() >= 1.0 { f64::NAN } else { x.atanh() }, false;
    fabs: "fabs" => f64::abs, false;
    degrees: "degrees" => f64::to_degrees, true;
    radians: "radians" => f64::to_radians, false;
    log1p: "log1p" => |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() }, false;
    cbrt: "cbrt" => f64::cbrt, false;
    exp2: "exp2" => f64::exp2, true;
    erf: "erf" => libm::erf_, false;
    erfc: "erfc" => libm::erfc_, false;
    gamma: "gamma" => gamma::gamma, true;
    lgamma: "lgamma" => gamma::lgamma, true;
}

/// `remainder(x, y)`: IEEE 754 remainder (the nearest multiple, ties even).
fn remainder(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("remainder", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let (x, y) = (farg(vm, &a.pos[0])?, farg(vm, &a.pos[1])?);
    if !x.is_nan() && !y.is_nan() && (x.is_infinite() || y == 0.0) {
        return Err(domain());
    }
    Ok(float::new_float(libm::remainder_(x, y)))
}

fn nextafter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("nextafter", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    Ok(float::new_float(libm::nextafter_(farg(vm, &a.pos[0])?, farg(vm, &a.pos[1])?)))
}

/// `ulp(x)`: the value of the least significant bit of `x`.
fn ulp(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("ulp", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let x = farg(vm, &a.pos[0])?.abs();
    if !x.is_finite() {
        return Ok(float::new_float(x));
    }
    let next = libm::nextafter_(x, f64::INFINITY);
    Ok(float::new_float(if next.is_infinite() { x - libm::nextafter_(x, 0.0) } else { next - x }))
}

fn sqrt(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("sqrt", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let x = farg(vm, &a.pos[0])?;
    if x < 0.0 {
        return Err(domain());
    }
    Ok(float::new_float(x.sqrt()))
}

/// `f(v)` for a logarithm `f` of any positive int (big ints included) or
/// float, as CPython's `loghelper`: ints that fit a float are converted,
/// bigger ones are split as `m * 2**e`, so `log(10**400)` works.
fn log_of(vm: &Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = int::as_int(v) {
        if int_ops::cmp(&i, &Int::Small(0)) != std::cmp::Ordering::Greater {
            return Err(domain());
        }
        return match int_ops::to_f64(&i) {
            Ok(x) => Ok(f(x)),
            Err(_) => {
                let bits = i.bit_length() as i64 - 60;
                let shifted = int_ops::rshift(&i, &Int::Small(bits)).map_err(ops::num_err)?;
                let m = int_ops::to_f64(&shifted).map_err(ops::num_err)?;
                Ok(f(m) + bits as f64 * f(2.0))
            }
        };
    }
    let x = farg(vm, v)?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

fn ln(vm: &Vm, v: &Value) -> PyResult<f64> {
    log_of(vm, v, f64::ln)
}

fn log(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("log", args, kw);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    let num = ln(vm, &a.pos[0])?;
    match a.pos.get(1) {
        None => Ok(float::new_float(num)),
        Some(b) => {
            let den = ln(vm, b)?;
            if den == 0.0 {
                return Err(PyErr::new(exc().zero_division_error, "float division by zero"));
            }
            Ok(float::new_float(num / den))
        }
    }
}

fn log2(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("log2", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(float::new_float(log_of(vm, &a.pos[0], f64::log2)?))
}

fn log10(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("log10", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(float::new_float(log_of(vm, &a.pos[0], f64::log10)?))
}

/// `floor`/`ceil`/`trunc`: ints pass through; floats round to an int.
fn rounding(vm: &Vm, args: &[Value], kw: &[Value], name: &'static str, f: fn(f64) -> f64) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    if let Some(i) = int::as_int(&a.pos[0]) {
        return Ok(int::from_int(i));
    }
    let dunder = format!("__{name}__");
    if float::as_float(&a.pos[0]).is_none() {
        if let Some(r) = ops::call_dunder(vm, &a.pos[0], &dunder, &[])? {
            return Ok(r);
        }
    }
    let x = farg(vm, &a.pos[0])?;
    int_ops::from_f64(f(x)).map(int::from_int).map_err(ops::num_err)
}

fn floor(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, kw, "floor", f64::floor)
}

fn ceil(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, kw, "ceil", f64::ceil)
}

fn trunc(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, kw, "trunc", f64::trunc)
}

fn pow(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("pow", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let (x, y) = (farg(vm, &a.pos[0])?, farg(vm, &a.pos[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(float::new_float(r))
}

fn fmod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("fmod", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let (x, y) = (farg(vm, &a.pos[0])?, farg(vm, &a.pos[1])?);
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain());
    }
    Ok(float::new_float(x % y))
}

fn atan2(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("atan2", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    Ok(float::new_float(farg(vm, &a.pos[0])?.atan2(farg(vm, &a.pos[1])?)))
}

fn copysign(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("copysign", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    Ok(float::new_float(farg(vm, &a.pos[0])?.copysign(farg(vm, &a.pos[1])?)))
}

fn hypot(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("hypot", args, kw);
    a.no_kwargs()?;
    let mut acc = 0.0f64;
    for v in a.pos {
        acc = acc.hypot(farg(vm, v)?);
    }
    Ok(float::new_float(acc))
}

fn predicate(vm: &Vm, args: &[Value], kw: &[Value], name: &'static str, f: fn(f64) -> bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(bool_val(f(farg(vm, &a.pos[0])?)))
}

fn isnan(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, kw, "isnan", f64::is_nan)
}

fn isinf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, kw, "isinf", f64::is_infinite)
}

fn isfinite(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, kw, "isfinite", f64::is_finite)
}

fn isclose(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("isclose", args, kw);
    a.only_kwargs(&["rel_tol", "abs_tol"])?;
    a.expect(2, 2)?;
    let (x, y) = (farg(vm, &a.pos[0])?, farg(vm, &a.pos[1])?);
    let rel = match a.kw("rel_tol") {
        Some(v) => farg(vm, v)?,
        None => 1e-9,
    };
    let abs = match a.kw("abs_tol") {
        Some(v) => farg(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::new(exc().value_error, "tolerances must be non-negative"));
    }
    if x == y {
        return Ok(bool_val(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(bool_val(false));
    }
    let diff = (y - x).abs();
    Ok(bool_val(diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs))
}

fn gcd_all(vm: &Vm, args: &[Value], kw: &[Value], lcm: bool) -> PyResult<Value> {
    let a = Args::new(if lcm { "lcm" } else { "gcd" }, args, kw);
    a.no_kwargs()?;
    let _ = vm;
    let mut acc = dashu_int::IBig::from(if lcm { 1u8 } else { 0u8 });
    for v in a.pos {
        let x = iarg(v)?.to_ibig();
        let x = if x < dashu_int::IBig::ZERO { -x } else { x };
        acc = if lcm {
            if x == dashu_int::IBig::ZERO || acc == dashu_int::IBig::ZERO {
                dashu_int::IBig::ZERO
            } else {
                let g = gcd(acc.clone(), x.clone());
                acc / g * x
            }
        } else {
            gcd(acc, x)
        };
    }
    Ok(int::from_ibig(acc))
}

fn gcd(mut a: dashu_int::IBig, mut b: dashu_int::IBig) -> dashu_int::IBig {
    while b != dashu_int::IBig::ZERO {
        let r = &a % &b;
        a = b;
        b = r;
    }
    if a < dashu_int::IBig::ZERO {
        -a
    } else {
        a
    }
}

fn gcd_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    gcd_all(vm, args, kw, false)
}

fn lcm_fn(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    gcd_all(vm, args, kw, true)
}

fn factorial(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("factorial", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    if float::as_float(&a.pos[0]).is_some() {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = match iarg(&a.pos[0])? {
        Int::Small(n) => n,
        Int::Big(_) => {
            return Err(PyErr::new(exc().overflow_error, "factorial() argument should not exceed 9223372036854775807"))
        }
    };
    if n < 0 {
        return Err(PyErr::new(exc().value_error, "factorial() not defined for negative values"));
    }
    let mut acc = dashu_int::IBig::ONE;
    for k in 2..=n {
        acc *= dashu_int::IBig::from(k);
    }
    Ok(int::from_ibig(acc))
}

fn isqrt(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("isqrt", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let n = iarg(&a.pos[0])?.to_ibig();
    if n < dashu_int::IBig::ZERO {
        return Err(PyErr::new(exc().value_error, "isqrt() argument must be nonnegative"));
    }
    let u = dashu_int::UBig::try_from(n).expect("nonnegative");
    use dashu_int::ops::SquareRoot;
    Ok(int::from_ibig(dashu_int::IBig::from(u.sqrt())))
}

fn comb_perm(args: &[Value], kw: &[Value], name: &'static str, comb: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(if comb { 2 } else { 1 }, 2)?;
    let n = iarg(&a.pos[0])?.to_ibig();
    let k = match a.pos.get(1) {
        Some(k) => iarg(k)?.to_ibig(),
        None => n.clone(),
    };
    if n < dashu_int::IBig::ZERO {
        return Err(PyErr::new(exc().value_error, "n must be a non-negative integer"));
    }
    if k < dashu_int::IBig::ZERO {
        return Err(PyErr::new(exc().value_error, "k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::small_int(0));
    }
    let k = i64::try_from(&k).map_err(|_| PyErr::new(exc().overflow_error, "k too large"))?;
    let k = if comb { k.min(i64::try_from(&(n.clone() - k)).unwrap_or(k)) } else { k };
    let mut acc = dashu_int::IBig::ONE;
    for i in 0..k {
        acc *= n.clone() - dashu_int::IBig::from(i);
        if comb {
            acc /= dashu_int::IBig::from(i + 1);
        }
    }
    Ok(int::from_ibig(acc))
}

fn comb(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    comb_perm(args, kw, "comb", true)
}

fn perm(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    comb_perm(args, kw, "perm", false)
}

fn modf(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("modf", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let x = farg(vm, &a.pos[0])?;
    let (frac, whole) = if x.is_infinite() { (0.0f64.copysign(x), x) } else { (x.fract(), x.trunc()) };
    Ok(crate::objects::tuple::new_tuple(vec![float::new_float(frac), float::new_float(whole)]))
}

fn frexp(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("frexp", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let x = farg(vm, &a.pos[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        let bits = x.abs().to_bits();
        let raw_exp = ((bits >> 52) & 0x7ff) as i64;
        let (mant, exp) = if raw_exp == 0 {
            // Subnormal: normalise first.
            let y = x * 2f64.powi(64);
            let b = y.abs().to_bits();
            (f64::from_bits((b & !(0x7ff << 52)) | (1022 << 52)), ((b >> 52) & 0x7ff) as i64 - 1022 - 64)
        } else {
            (f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52)), raw_exp - 1022)
        };
        (mant.copysign(x), exp)
    };
    Ok(crate::objects::tuple::new_tuple(vec![float::new_float(m), int::from_i64(e)]))
}

fn ldexp(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("ldexp", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let x = farg(vm, &a.pos[0])?;
    let e = match iarg(&a.pos[1])? {
        Int::Small(e) => e.clamp(-100_000, 100_000) as i32,
        Int::Big(b) => {
            if b < dashu_int::IBig::ZERO {
                -100_000
            } else {
                100_000
            }
        }
    };
    let r = x * 2f64.powi(e.clamp(-1100, 1100));
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(float::new_float(r))
}

fn fsum(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("fsum", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    // Shewchuk's exactly rounded summation, as CPython's msum.
    let mut partials: Vec<f64> = Vec::new();
    for v in ops::iterate(vm, &a.pos[0])? {
        let mut x = farg(vm, &v)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(float::new_float(hi))
}

fn prod(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("prod", args, kw);
    a.only_kwargs(&["start"])?;
    a.expect(1, 1)?;
    let mut acc = a.kw("start").cloned().unwrap_or_else(|| Value::small_int(1));
    for v in ops::iterate(vm, &a.pos[0])? {
        acc = ops::binary_op(vm, &acc, &v, crate::bytecode::opcode::BinaryOp::Multiply, false)?;
    }
    Ok(acc)
}

fn dist(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("dist", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let p = ops::iterate(vm, &a.pos[0])?;
    let q = ops::iterate(vm, &a.pos[1])?;
    if p.len() != q.len() {
        return Err(PyErr::new(exc().value_error, "both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (x, y) in p.iter().zip(&q) {
        acc = acc.hypot(farg(vm, x)? - farg(vm, y)?);
    }
    Ok(float::new_float(acc))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("expm1", expm1),
    ("log", log),
    ("log2", log2),
    ("log10", log10),
    ("log1p", log1p),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("atan2", atan2),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("fabs", fabs),
    ("degrees", degrees),
    ("radians", radians),
    ("floor", floor),
    ("ceil", ceil),
    ("trunc", trunc),
    ("pow", pow),
    ("fmod", fmod),
    ("copysign", copysign),
    ("hypot", hypot),
    ("isnan", isnan),
    ("isinf", isinf),
    ("isfinite", isfinite),
    ("isclose", isclose),
    ("gcd", gcd_fn),
    ("lcm", lcm_fn),
    ("factorial", factorial),
    ("isqrt", isqrt),
    ("comb", comb),
    ("perm", perm),
    ("modf", modf),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("fsum", fsum),
    ("prod", prod),
    ("dist", dist),
    ("cbrt", cbrt),
    ("exp2", exp2),
    ("erf", erf),
    ("erfc", erfc),
    ("gamma", gamma),
    ("lgamma", lgamma),
    ("remainder", remainder),
    ("nextafter", nextafter),
    ("ulp", ulp),
];
