//! `posix`: the operating-system calls under `os` (which, with
//! `posixpath`, is written in Python over this, as in CPython).
//!
//! Results that CPython gives as struct sequences (`stat_result`) come
//! back as plain tuples; `os.py` gives them their names.

use std::os::unix::fs::MetadataExt;

use crate::builtins::args::{type_error, Args};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::{bool_val, bytes, dict, float, int, list, module, none, str as pystr, tuple, Value};
use crate::vm::Vm;

/// Argument `i` (or keyword `name`) as a path string.
fn path_arg<'a>(a: &'a Args, i: usize, name: &str) -> PyResult<&'a str> {
    let v = a.get(i, name).ok_or_else(|| type_error(format!("{}() missing required argument '{name}'", a.name)))?;
    pystr::as_str(v).ok_or_else(|| {
        type_error(format!("{}: {name} should be string, not {}", a.name, crate::interp::ops::type_name(v)))
    })
}

fn int_arg(a: &Args, i: usize, name: &str, default: i64) -> PyResult<i64> {
    match a.get(i, name) {
        None => Ok(default),
        Some(v) => int::as_i64(v).ok_or_else(|| {
            type_error(format!("'{}' object cannot be interpreted as an integer", crate::interp::ops::type_name(v)))
        }),
    }
}

fn os_err(e: std::io::Error, path: &str) -> PyErr {
    super::io::os_error(&e, Some(path))
}

/// The error of the last failed libc call on `path`.
fn last_err(path: &str) -> PyErr {
    os_err(std::io::Error::last_os_error(), path)
}

fn c_path(p: &str) -> PyResult<std::ffi::CString> {
    std::ffi::CString::new(p).map_err(|_| PyErr::new(exc().value_error, "embedded null byte"))
}

fn s(v: impl AsRef<str>) -> Value {
    pystr::new_str(v.as_ref())
}

fn none_or(r: std::io::Result<()>, p: &str) -> PyResult<Value> {
    r.map(|_| none()).map_err(|e| os_err(e, p))
}

/// `(mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime,
/// atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev)`.
fn stat_tuple(m: &std::fs::Metadata) -> Value {
    let ns = |s: i64, n: i64| int::from_ibig(dashu_int::IBig::from(s as i128 * 1_000_000_000 + n as i128));
    tuple::new_tuple(vec![
        int::from_i64(m.mode() as i64),
        big(m.ino()),
        big(m.dev()),
        big(m.nlink()),
        int::from_i64(m.uid() as i64),
        int::from_i64(m.gid() as i64),
        big(m.size()),
        float::new_float(m.atime() as f64 + m.atime_nsec() as f64 * 1e-9),
        float::new_float(m.mtime() as f64 + m.mtime_nsec() as f64 * 1e-9),
        float::new_float(m.ctime() as f64 + m.ctime_nsec() as f64 * 1e-9),
        ns(m.atime(), m.atime_nsec()),
        ns(m.mtime(), m.mtime_nsec()),
        ns(m.ctime(), m.ctime_nsec()),
        big(m.blksize()),
        big(m.blocks()),
        big(m.rdev()),
    ])
}

fn big(u: u64) -> Value {
    int::from_ibig(dashu_int::IBig::from(u))
}

fn follow_symlinks(a: &Args) -> bool {
    a.kw("follow_symlinks").is_none_or(|v| !crate::objects::is_false_singleton(v))
}

fn stat(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("stat", args, kw);
    a.only_kwargs(&["path", "follow_symlinks"])?;
    a.expect(1, 1)?;
    let p = path_arg(&a, 0, "path")?;
    let m = if follow_symlinks(&a) { std::fs::metadata(p) } else { std::fs::symlink_metadata(p) };
    Ok(stat_tuple(&m.map_err(|e| os_err(e, p))?))
}

fn lstat(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("lstat", args, kw);
    a.only_kwargs(&["path"])?;
    a.expect(1, 1)?;
    let p = path_arg(&a, 0, "path")?;
    Ok(stat_tuple(&std::fs::symlink_metadata(p).map_err(|e| os_err(e, p))?))
}

fn listdir(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("listdir", args, kw);
    a.only_kwargs(&["path"])?;
    a.expect(0, 1)?;
    let p = if a.get(0, "path").is_none() { "." } else { path_arg(&a, 0, "path")? };
    // Directory order, as CPython (which does not sort either).
    let names: Vec<Value> = std::fs::read_dir(p)
        .map_err(|e| os_err(e, p))?
        .filter_map(|e| e.ok().map(|e| s(e.file_name().to_string_lossy())))
        .collect();
    Ok(list::new_list(names))
}

fn mkdir(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("mkdir", args, kw);
    a.only_kwargs(&["path", "mode"])?;
    a.expect(1, 2)?;
    let p = path_arg(&a, 0, "path")?;
    let mode = int_arg(&a, 1, "mode", 0o777)?;
    let c = c_path(p)?;
    if unsafe { libc::mkdir(c.as_ptr(), mode as libc::mode_t) } != 0 {
        return Err(last_err(p));
    }
    Ok(none())
}

macro_rules! path_call {
    ($fname:ident, $name:literal, |$p:ident| $body:expr) => {
        fn $fname(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let a = Args::new($name, args, kw);
            a.only_kwargs(&["path"])?;
            a.expect(1, 1)?;
            let $p = path_arg(&a, 0, "path")?;
            $body
        }
    };
}

path_call!(remove, "remove", |p| none_or(std::fs::remove_file(p), p));
path_call!(rmdir, "rmdir", |p| none_or(std::fs::remove_dir(p), p));
path_call!(chdir, "chdir", |p| none_or(std::env::set_current_dir(p), p));
path_call!(readlink, "readlink", |p| {
    std::fs::read_link(p).map(|t| s(t.to_string_lossy())).map_err(|e| os_err(e, p))
});

fn two_paths<'a>(a: &'a Args, first: &str, second: &str) -> PyResult<(&'a str, &'a str)> {
    a.only_kwargs(&[first, second])?;
    a.expect(2, 2)?;
    Ok((path_arg(a, 0, first)?, path_arg(a, 1, second)?))
}

fn rename(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("rename", args, kw);
    let (from, to) = two_paths(&a, "src", "dst")?;
    none_or(std::fs::rename(from, to), from)
}

fn symlink(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("symlink", args, kw);
    let (target, link) = two_paths(&a, "src", "dst")?;
    none_or(std::os::unix::fs::symlink(target, link), link)
}

fn chmod(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("chmod", args, kw);
    a.only_kwargs(&["path", "mode"])?;
    a.expect(2, 2)?;
    let p = path_arg(&a, 0, "path")?;
    let mode = int_arg(&a, 1, "mode", 0)?;
    use std::os::unix::fs::PermissionsExt;
    none_or(std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode as u32)), p)
}

fn access(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("access", args, kw);
    a.only_kwargs(&["path", "mode"])?;
    a.expect(2, 2)?;
    let p = path_arg(&a, 0, "path")?;
    let mode = int_arg(&a, 1, "mode", 0)?;
    let c = c_path(p)?;
    Ok(bool_val(unsafe { libc::access(c.as_ptr(), mode as libc::c_int) } == 0))
}

fn getcwd(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getcwd", args, kw).expect(0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_err(e, "."))?;
    Ok(s(d.display().to_string()))
}

macro_rules! id_call {
    ($fname:ident, $name:literal, $e:expr) => {
        fn $fname(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            Args::new($name, args, kw).expect(0, 0)?;
            Ok(int::from_i64($e as i64))
        }
    };
}

id_call!(getpid, "getpid", std::process::id());
id_call!(getppid, "getppid", unsafe { libc::getppid() });
id_call!(getuid, "getuid", unsafe { libc::getuid() });
id_call!(geteuid, "geteuid", unsafe { libc::geteuid() });
id_call!(getgid, "getgid", unsafe { libc::getgid() });
id_call!(getegid, "getegid", unsafe { libc::getegid() });

fn cpu_count(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("cpu_count", args, kw).expect(0, 0)?;
    Ok(std::thread::available_parallelism().map_or(none(), |n| int::from_i64(n.get() as i64)))
}

fn urandom(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("urandom", args, kw);
    a.expect(1, 1)?;
    let n = int_arg(&a, 0, "size", 0)?;
    if n < 0 {
        return Err(PyErr::new(exc().value_error, "negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        let r = unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) };
        if r < 0 {
            return Err(os_err(std::io::Error::last_os_error(), "getrandom"));
        }
        filled += r as usize;
    }
    Ok(bytes::new_bytes(buf))
}

fn strerror(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("strerror", args, kw);
    a.expect(1, 1)?;
    let code = int_arg(&a, 0, "code", 0)?;
    let text = std::io::Error::from_raw_os_error(code as i32).to_string();
    Ok(s(text.split(" (os error").next().unwrap_or(&text)))
}

fn isatty(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("isatty", args, kw);
    a.expect(1, 1)?;
    let fd = int_arg(&a, 0, "fd", -1)?;
    Ok(bool_val(unsafe { libc::isatty(fd as libc::c_int) } == 1))
}

fn umask(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("umask", args, kw);
    a.expect(1, 1)?;
    let mask = int_arg(&a, 0, "mask", 0)?;
    Ok(int::from_i64(unsafe { libc::umask(mask as libc::mode_t) } as i64))
}

/// `putenv(name, value)` / `unsetenv(name)`: keep the process environment
/// in step with `os.environ` (which calls them).
fn putenv(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("putenv", args, kw);
    a.expect(2, 2)?;
    let (k, v) = (path_arg(&a, 0, "name")?, path_arg(&a, 1, "value")?);
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(PyErr::new(exc().value_error, "illegal environment variable name"));
    }
    // SAFETY: pyfast runs Python on one thread; no other thread reads the
    // environment while Python code runs.
    unsafe { std::env::set_var(k, v) };
    Ok(none())
}

fn unsetenv(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("unsetenv", args, kw);
    a.expect(1, 1)?;
    let k = path_arg(&a, 0, "name")?;
    if k.is_empty() || k.contains('=') || k.contains('\0') {
        return Err(PyErr::new(exc().value_error, "illegal environment variable name"));
    }
    // SAFETY: as in `putenv`.
    unsafe { std::env::remove_var(k) };
    Ok(none())
}

fn exit_now(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("_exit", args, kw);
    a.expect(1, 1)?;
    let code = int_arg(&a, 0, "status", 0)?;
    unsafe { libc::_exit(code as libc::c_int) }
}

/// `utime(path, times=None, *, ns=None)`: set access and modification
/// times (now when neither is given).
fn utime(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("utime", args, kw);
    a.only_kwargs(&["path", "times", "ns"])?;
    a.expect(1, 2)?;
    let p = path_arg(&a, 0, "path")?;
    let times = a.get(1, "times").filter(|v| !crate::objects::is_none(v));
    let ns = a.kw("ns");
    if times.is_some() && ns.is_some() {
        return Err(PyErr::new(exc().value_error, "utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |v: &Value, what: &str| -> PyResult<(Value, Value)> {
        match tuple::as_tuple(v) {
            Some(t) if t.items.len() == 2 => Ok((t.items[0].clone(), t.items[1].clone())),
            _ => Err(type_error(format!("utime: '{what}' must be a tuple of two ints"))),
        }
    };
    let stamps: Option<[libc::timespec; 2]> = if let Some(t) = times {
        let (at, mt) = pair(t, "times")?;
        let conv = |v: &Value| -> PyResult<libc::timespec> {
            let f = crate::interp::ops::real_to_f64(vm, v)?
                .ok_or_else(|| type_error("utime: 'times' must be a tuple of two numbers"))?;
            let secs = f.floor();
            Ok(libc::timespec { tv_sec: secs as libc::time_t, tv_nsec: ((f - secs) * 1e9) as libc::c_long })
        };
        Some([conv(&at)?, conv(&mt)?])
    } else if let Some(n) = ns {
        let (at, mt) = pair(n, "ns")?;
        let conv = |v: &Value| -> PyResult<libc::timespec> {
            let n = int::as_i64(v).ok_or_else(|| type_error("utime: 'ns' must be a tuple of two ints"))?;
            Ok(libc::timespec { tv_sec: n.div_euclid(1_000_000_000), tv_nsec: n.rem_euclid(1_000_000_000) })
        };
        Some([conv(&at)?, conv(&mt)?])
    } else {
        None
    };
    let c = c_path(p)?;
    let ptr = stamps.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    if unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ptr, 0) } != 0 {
        return Err(last_err(p));
    }
    Ok(none())
}

/// `get_terminal_size(fd=1)`: (columns, lines) of the terminal on `fd`.
fn get_terminal_size(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("get_terminal_size", args, kw);
    a.expect(0, 1)?;
    let fd = int_arg(&a, 0, "fd", 1)?;
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd as libc::c_int, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return Err(super::io::os_error(&std::io::Error::last_os_error(), None));
    }
    Ok(tuple::new_tuple(vec![int::from_i64(ws.ws_col as i64), int::from_i64(ws.ws_row as i64)]))
}

/// `open(path, flags, mode=0o777)`: a file descriptor.
fn open_fd(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("open", args, kw);
    a.only_kwargs(&["path", "flags", "mode"])?;
    a.expect(2, 3)?;
    let p = path_arg(&a, 0, "path")?;
    let flags = int_arg(&a, 1, "flags", 0)?;
    let mode = int_arg(&a, 2, "mode", 0o777)?;
    let c = c_path(p)?;
    let fd = unsafe { libc::open(c.as_ptr(), flags as libc::c_int | libc::O_CLOEXEC, mode as libc::c_uint) };
    if fd < 0 {
        return Err(last_err(p));
    }
    Ok(int::from_i64(fd as i64))
}

fn fd_err() -> PyErr {
    super::io::os_error(&std::io::Error::last_os_error(), None)
}

fn close_fd(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("close", args, kw);
    a.expect(1, 1)?;
    let fd = int_arg(&a, 0, "fd", -1)?;
    if unsafe { libc::close(fd as libc::c_int) } != 0 {
        return Err(fd_err());
    }
    Ok(none())
}

fn write_fd(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("write", args, kw);
    a.expect(2, 2)?;
    let fd = int_arg(&a, 0, "fd", -1)?;
    let data = bytes::as_bytes(&a.pos[1]).ok_or_else(|| {
        type_error(format!("a bytes-like object is required, not '{}'", crate::interp::ops::type_name(&a.pos[1])))
    })?;
    let n = unsafe { libc::write(fd as libc::c_int, data.as_ptr().cast(), data.len()) };
    if n < 0 {
        return Err(fd_err());
    }
    Ok(int::from_i64(n as i64))
}

fn read_fd(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("read", args, kw);
    a.expect(2, 2)?;
    let fd = int_arg(&a, 0, "fd", -1)?;
    let n = int_arg(&a, 1, "length", 0)?;
    if n < 0 {
        return Err(PyErr::new(exc().value_error, "negative length"));
    }
    let mut buf = vec![0u8; n as usize];
    let got = unsafe { libc::read(fd as libc::c_int, buf.as_mut_ptr().cast(), buf.len()) };
    if got < 0 {
        return Err(fd_err());
    }
    buf.truncate(got as usize);
    Ok(bytes::new_bytes(buf))
}

fn lseek_fd(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("lseek", args, kw);
    a.expect(3, 3)?;
    let fd = int_arg(&a, 0, "fd", -1)?;
    let pos = int_arg(&a, 1, "position", 0)?;
    let how = int_arg(&a, 2, "whence", 0)?;
    let r = unsafe { libc::lseek(fd as libc::c_int, pos as libc::off_t, how as libc::c_int) };
    if r < 0 {
        return Err(fd_err());
    }
    Ok(int::from_i64(r))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat),
    ("lstat", lstat),
    ("listdir", listdir),
    ("mkdir", mkdir),
    ("remove", remove),
    ("unlink", remove),
    ("rmdir", rmdir),
    ("rename", rename),
    ("replace", rename),
    ("symlink", symlink),
    ("readlink", readlink),
    ("chmod", chmod),
    ("chdir", chdir),
    ("access", access),
    ("getcwd", getcwd),
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("cpu_count", cpu_count),
    ("urandom", urandom),
    ("strerror", strerror),
    ("isatty", isatty),
    ("umask", umask),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("_exit", exit_now),
    ("utime", utime),
    ("open", open_fd),
    ("close", close_fd),
    ("read", read_fd),
    ("write", write_fd),
    ("lseek", lseek_fd),
    ("get_terminal_size", get_terminal_size),
];

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(n, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(n), new_builtin(n, f));
    }
    let env = dict::new_dict();
    for (k, v) in std::env::vars() {
        dict::set_str(&env, pystr::new_str(&k), s(v));
    }
    dict::set_str(&d, pystr::intern("environ"), env);
    for (name, value) in [
        ("F_OK", libc::F_OK),
        ("R_OK", libc::R_OK),
        ("W_OK", libc::W_OK),
        ("X_OK", libc::X_OK),
        ("O_RDONLY", libc::O_RDONLY),
        ("O_WRONLY", libc::O_WRONLY),
        ("O_RDWR", libc::O_RDWR),
        ("O_CREAT", libc::O_CREAT),
        ("O_EXCL", libc::O_EXCL),
        ("O_TRUNC", libc::O_TRUNC),
        ("O_APPEND", libc::O_APPEND),
        ("O_NOFOLLOW", libc::O_NOFOLLOW),
        ("O_CLOEXEC", libc::O_CLOEXEC),
        ("O_DIRECTORY", libc::O_DIRECTORY),
        ("O_NONBLOCK", libc::O_NONBLOCK),
    ] {
        dict::set_str(&d, pystr::intern(name), int::from_i64(value as i64));
    }
    Ok(module::new_module("posix", d))
}
