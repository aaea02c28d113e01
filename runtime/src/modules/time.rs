//! The `time` module: clocks and `sleep`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::args::{type_error, Args};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::{dict, float, int, module, none, str as pystr, Value};
use crate::vm::Vm;

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(name, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(name), new_builtin(name, f));
    }
    Ok(module::new_module("time", d))
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
