//! `_time`: clocks, `sleep`, and the C library's calendar calls
//! (`localtime`, `gmtime`, `mktime`, `strftime`) that `time.py` wraps;
//! broken-down times cross as plain 11-tuples (the nine `struct_time`
//! fields, then `tm_zone` and `tm_gmtoff`).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::args::{type_error, Args};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::{dict, float, int, module, none, str as pystr, tuple, Value};
use crate::vm::Vm;

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(name, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(name), new_builtin(name, f));
    }
    let (timezone, altzone, daylight, names) = zone_info();
    dict::set_str(&d, pystr::intern("timezone"), int::from_i64(timezone));
    dict::set_str(&d, pystr::intern("altzone"), int::from_i64(altzone));
    dict::set_str(&d, pystr::intern("daylight"), int::from_i64(daylight));
    dict::set_str(&d, pystr::intern("tzname"), tuple::new_tuple(names.iter().map(|n| pystr::new_str(n)).collect()));
    Ok(module::new_module("_time", d))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("time", time),
    ("time_ns", time_ns),
    ("perf_counter", perf_counter),
    ("perf_counter_ns", perf_counter_ns),
    ("monotonic", perf_counter),
    ("monotonic_ns", perf_counter_ns),
    ("process_time", process_time),
    ("sleep", sleep),
    ("localtime", localtime),
    ("gmtime", gmtime),
    ("mktime", mktime),
    ("strftime", strftime),
];

fn since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

/// A process-wide monotonic origin.
fn origin() -> Instant {
    static ORIGIN: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

fn no_args(name: &'static str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(0, 0)
}

fn time(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time", args, kw)?;
    Ok(float::new_float(since_epoch().as_secs_f64()))
}

fn time_ns(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("time_ns", args, kw)?;
    Ok(int::from_i64(since_epoch().as_nanos() as i64))
}

fn perf_counter(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("perf_counter", args, kw)?;
    Ok(float::new_float(origin().elapsed().as_secs_f64()))
}

fn perf_counter_ns(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("perf_counter_ns", args, kw)?;
    Ok(int::from_i64(origin().elapsed().as_nanos() as i64))
}

fn process_time(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("process_time", args, kw)?;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    Ok(float::new_float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// `time.sleep(secs)`: sleeps in slices so Ctrl-C and debugger requests
/// (the eval breaker) are noticed promptly.
fn sleep(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("sleep", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let secs = match (float::as_float(&a.pos[0]), int::as_i64(&a.pos[0])) {
        (Some(f), _) => f,
        (_, Some(i)) => i as f64,
        _ => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::interp::ops::type_name(&a.pos[0])
            )))
        }
    };
    if secs < 0.0 || secs.is_nan() {
        return Err(PyErr::new(exc().value_error, "sleep length must be non-negative"));
    }
    let deadline = Instant::now() + Duration::from_secs_f64(secs.min(1e9));
    loop {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        std::thread::sleep((deadline - now).min(Duration::from_millis(20)));
        if vm.eval_breaker.load(std::sync::atomic::Ordering::Relaxed) != 0 {
            vm.handle_eval_breaker()?;
        }
    }
    Ok(none())
}

/// `(timezone, altzone, daylight, (std name, dst name))` as C's `tzset`
/// leaves them (seconds west of UTC), found as CPython does: from the
/// offsets of January and July of this year.
fn zone_info() -> (i64, i64, i64, [String; 2]) {
    unsafe { tzset() };
    let year_start = {
        let now = since_epoch().as_secs() as libc::time_t;
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        unsafe { libc::localtime_r(&now, &mut tm) };
        tm.tm_mon = 0;
        tm.tm_mday = 1;
        tm.tm_hour = 0;
        tm.tm_min = 0;
        tm.tm_sec = 0;
        tm.tm_isdst = -1;
        unsafe { libc::mktime(&mut tm) }
    };
    let at = |t: libc::time_t| {
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        unsafe { libc::localtime_r(&t, &mut tm) };
        (-(tm.tm_gmtoff as i64), zone_name(&tm))
    };
    let (jan, jan_name) = at(year_start);
    let (jul, jul_name) = at(year_start + 183 * 86400);
    if jan < jul {
        // Southern hemisphere: DST in January.
        (jul, jan, 1, [jul_name, jan_name])
    } else {
        (jan, jul, (jan != jul) as i64, [jan_name, jul_name])
    }
}

unsafe extern "C" {
    fn tzset();
}

fn zone_name(tm: &libc::tm) -> String {
    if tm.tm_zone.is_null() {
        return String::new();
    }
    unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
}

fn tm_tuple(tm: &libc::tm) -> Value {
    let wday = (tm.tm_wday + 6) % 7;
    tuple::new_tuple(vec![
        int::from_i64(tm.tm_year as i64 + 1900),
        int::from_i64(tm.tm_mon as i64 + 1),
        int::from_i64(tm.tm_mday as i64),
        int::from_i64(tm.tm_hour as i64),
        int::from_i64(tm.tm_min as i64),
        int::from_i64(tm.tm_sec as i64),
        int::from_i64(wday as i64),
        int::from_i64(tm.tm_yday as i64 + 1),
        int::from_i64(tm.tm_isdst as i64),
        pystr::new_str(&zone_name(tm)),
        int::from_i64(tm.tm_gmtoff),
    ])
}

/// The `secs` argument of `localtime`/`gmtime`: None means now.
fn secs_arg(name: &'static str, args: &[Value], kw: &[Value]) -> PyResult<libc::time_t> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(0, 1)?;
    let v = match a.pos.first() {
        None => return Ok(since_epoch().as_secs() as libc::time_t),
        Some(v) if crate::objects::is_none(v) => return Ok(since_epoch().as_secs() as libc::time_t),
        Some(v) => v,
    };
    let secs = match (float::as_float(v), int::as_i64(v)) {
        (Some(f), _) if f.is_nan() => return Err(PyErr::new(exc().value_error, "Invalid value NaN (not a number)")),
        (Some(f), _) if f.abs() < 1e18 => f.floor() as i64,
        (_, Some(i)) => i,
        (Some(_), _) => return Err(PyErr::new(exc().overflow_error, "timestamp out of range for platform time_t")),
        _ => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::interp::ops::type_name(v)
            )))
        }
    };
    Ok(secs as libc::time_t)
}

fn localtime(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let t = secs_arg("localtime", args, kw)?;
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(PyErr::new(exc().overflow_error, "timestamp out of range for platform time_t"));
    }
    Ok(tm_tuple(&tm))
}

fn gmtime(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let t = secs_arg("gmtime", args, kw)?;
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(PyErr::new(exc().overflow_error, "timestamp out of range for platform time_t"));
    }
    Ok(tm_tuple(&tm))
}

/// A broken-down time from the nine leading ints of a tuple.
fn tm_from(name: &str, v: &Value) -> PyResult<libc::tm> {
    let items = tuple::as_tuple(v).map(|t| t.items.to_vec()).ok_or_else(|| {
        type_error(format!("Tuple or struct_time argument required, not {}", crate::interp::ops::type_name(v)))
    })?;
    if items.len() < 9 {
        return Err(type_error(format!("{name}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, x) in items.iter().take(9).enumerate() {
        f[i] = int::as_i64(x).ok_or_else(|| type_error("an integer is required"))?;
    }
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (f[0] - 1900) as libc::c_int;
    tm.tm_mon = (f[1] - 1) as libc::c_int;
    tm.tm_mday = f[2] as libc::c_int;
    tm.tm_hour = f[3] as libc::c_int;
    tm.tm_min = f[4] as libc::c_int;
    tm.tm_sec = f[5] as libc::c_int;
    tm.tm_wday = ((f[6] + 1) % 7) as libc::c_int;
    tm.tm_yday = (f[7] - 1) as libc::c_int;
    tm.tm_isdst = f[8] as libc::c_int;
    Ok(tm)
}

fn mktime(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("mktime", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let mut tm = tm_from("mktime", &a.pos[0])?;
    tm.tm_wday = -1;
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::new(exc().overflow_error, "mktime argument out of range"));
    }
    Ok(float::new_float(t as f64))
}

fn strftime(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("strftime", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let fmt = pystr::as_str(&a.pos[0]).ok_or_else(|| {
        type_error(format!("strftime() argument 1 must be str, not {}", crate::interp::ops::type_name(&a.pos[0])))
    })?;
    let mut tm = tm_from("strftime", &a.pos[1])?;
    // The zone of a full struct_time (items 9 and 10) is what %Z prints.
    let zone =
        tuple::as_tuple(&a.pos[1]).and_then(|t| t.items.get(9).and_then(|z| pystr::as_str(z).map(str::to_string)));
    let zone_c = zone.and_then(|z| std::ffi::CString::new(z).ok());
    if let Some(z) = &zone_c {
        tm.tm_zone = z.as_ptr();
    }
    if let Some(off) = tuple::as_tuple(&a.pos[1]).and_then(|t| t.items.get(10).and_then(int::as_i64)) {
        tm.tm_gmtoff = off as libc::c_long;
    }
    let cfmt = std::ffi::CString::new(fmt).map_err(|_| PyErr::new(exc().value_error, "embedded null character"))?;
    if fmt.is_empty() {
        return Ok(pystr::new_str(""));
    }
    let mut cap = 256;
    loop {
        let mut buf = vec![0u8; cap];
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), cap, cfmt.as_ptr(), &tm) };
        if n > 0 || cap > 256 * fmt.len().max(1) {
            buf.truncate(n);
            return Ok(pystr::new_str(&String::from_utf8_lossy(&buf)));
        }
        cap *= 4;
    }
}
