//! Text files: the `open()` builtin and its file objects (read, readline,
//! readlines, write, iteration, `with`). Binary mode needs `bytes`, which
//! pyfast does not have yet, and is refused with a clear error.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};

use crate::builtins::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_method_descriptor, NativeFn};
use crate::objects::opaque::{new_opaque, with_state};
use crate::objects::{bool_val, dict, int, list, none, str as pystr, TypePtr, Value};
use crate::vm::Vm;

enum Handle {
    Read(BufReader<File>),
    Write(BufWriter<File>),
    Closed,
}

pub struct TextFile {
    handle: Handle,
}

/// The file type, created once.
fn file_type() -> TypePtr {
    thread_local! {
        static TY: TypePtr = make_type();
    }
    TY.with(|t| *t)
}

fn make_type() -> TypePtr {
    let t = crate::objects::bootstrap::new_type(
        "TextIOWrapper",
        crate::objects::Layout::Opaque,
        crate::objects::types().object,
        0,
    );
    for &(name, f) in METHODS {
        dict::set_str(&t.as_type().dict, pystr::intern(name), new_method_descriptor(name, f, t.value()));
    }
    t
}

const METHODS: &[(&str, NativeFn)] = &[
    ("read", read),
    ("readline", readline),
    ("readlines", readlines),
    ("write", write),
    ("writelines", writelines),
    ("close", close),
    ("flush", flush),
    ("__enter__", enter),
    ("__exit__", exit),
    ("__iter__", enter),
    ("__next__", next_line),
];

/// The OSError CPython raises for a failed system call (`path`: the file
/// it was about), its subclass picked from the errno.
pub(crate) fn os_error(e: &std::io::Error, path: Option<&str>) -> PyErr {
    let Some(errno) = e.raw_os_error() else { return PyErr::new(exc().os_error, e.to_string()) };
    let strerror = std::io::Error::from_raw_os_error(errno).to_string();
    let strerror = strerror.split(" (os error").next().unwrap_or(&strerror).to_string();
    let mut args = vec![int::from_i64(errno as i64), pystr::new_str(&strerror)];
    args.extend(path.map(pystr::new_str));
    PyErr(crate::objects::os_error::new(exc().os_error, &args))
}

/// `open(file, mode='r', encoding=None, ...)`.
pub fn open(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("open", args, kw);
    a.only_kwargs(&["file", "mode", "buffering", "encoding", "errors", "newline"])?;
    let path = a.get(0, "file").ok_or_else(|| type_error("open() missing required argument 'file' (pos 1)"))?;
    let path = pystr::as_str(path).ok_or_else(|| {
        type_error(format!("expected str, bytes or os.PathLike object, not {}", ops::type_name(path)))
    })?;
    let mode = match a.get(1, "mode") {
        Some(m) => pystr::as_str(m).ok_or_else(|| type_error("open() argument 'mode' must be str"))?,
        None => "r",
    };
    if mode.contains('b') {
        return Err(PyErr::new(
            exc().not_implemented_error,
            "binary files need bytes, which pyfast does not support yet",
        ));
    }
    if mode.contains('+') {
        return Err(PyErr::new(
            exc().not_implemented_error,
            "read/write ('+') file modes are not supported by pyfast yet",
        ));
    }
    let handle = match mode.trim_end_matches('t') {
        "r" => {
            let f = File::open(path).map_err(|e| os_error(&e, Some(path)))?;
            // Opening a directory succeeds on POSIX; CPython refuses it.
            if f.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(os_error(&std::io::Error::from_raw_os_error(libc::EISDIR), Some(path)));
            }
            Handle::Read(BufReader::new(f))
        }
        "w" => Handle::Write(BufWriter::new(File::create(path).map_err(|e| os_error(&e, Some(path)))?)),
        "a" => Handle::Write(BufWriter::new(
            OpenOptions::new().append(true).create(true).open(path).map_err(|e| os_error(&e, Some(path)))?,
        )),
        "x" => Handle::Write(BufWriter::new(
            OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| os_error(&e, Some(path)))?,
        )),
        _ => return Err(PyErr::new(exc().value_error, format!("invalid mode: '{mode}'"))),
    };
    Ok(new_opaque(file_type(), Box::new(TextFile { handle })))
}

/// Run `f` on the file behind `args[0]`.
fn with_file<R>(a: &Args, f: impl FnOnce(&mut TextFile) -> PyResult<R>) -> PyResult<R> {
    let v = a.pos.first().ok_or_else(|| type_error("file method needs a file"))?;
    with_state::<TextFile, PyResult<R>>(v, f).unwrap_or_else(|| Err(type_error("not a file object")))
}

fn closed() -> PyErr {
    PyErr::new(exc().value_error, "I/O operation on closed file.")
}

fn io_err(e: std::io::Error) -> PyErr {
    os_error(&e, None)
}

fn reader(t: &mut TextFile) -> PyResult<&mut BufReader<File>> {
    match &mut t.handle {
        Handle::Read(r) => Ok(r),
        Handle::Write(_) => Err(PyErr::new(exc().os_error, "not readable")),
        Handle::Closed => Err(closed()),
    }
}

fn read_line(t: &mut TextFile) -> PyResult<String> {
    let mut buf = Vec::new();
    reader(t)?.read_until(b'\n', &mut buf).map_err(io_err)?;
    String::from_utf8(buf).map_err(|_| PyErr::new(exc().unicode_decode_error, "'utf-8' codec can't decode the file"))
}

fn read(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("read", args, kw);
    a.expect(1, 2)?;
    let size = match a.pos.get(1) {
        Some(n) if !crate::objects::is_none(n) => ops::index_value(n)?,
        _ => -1,
    };
    let s = with_file(&a, |t| {
        let r = reader(t)?;
        if size < 0 {
            let mut s = String::new();
            r.read_to_string(&mut s).map_err(io_err)?;
            return Ok(s);
        }
        let mut out = String::new();
        let mut buf = [0u8; 1];
        let mut pending = Vec::new();
        while out.chars().count() < size as usize {
            if r.read(&mut buf).map_err(io_err)? == 0 {
                break;
            }
            pending.push(buf[0]);
            if let Ok(s) = std::str::from_utf8(&pending) {
                out.push_str(s);
                pending.clear();
            }
        }
        Ok(out)
    })?;
    Ok(pystr::from_string(s.into()))
}

fn readline(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("readline", args, kw);
    a.expect(1, 2)?;
    Ok(pystr::from_string(with_file(&a, read_line)?.into()))
}

fn readlines(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("readlines", args, kw);
    a.expect(1, 2)?;
    let lines = with_file(&a, |t| {
        let mut out = Vec::new();
        loop {
            let l = read_line(t)?;
            if l.is_empty() {
                return Ok(out);
            }
            out.push(l);
        }
    })?;
    Ok(list::new_list(lines.into_iter().map(|l| pystr::from_string(l.into())).collect()))
}

fn next_line(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__next__", args, kw);
    a.expect(1, 1)?;
    let l = with_file(&a, read_line)?;
    if l.is_empty() {
        return Err(PyErr::empty(exc().stop_iteration));
    }
    Ok(pystr::from_string(l.into()))
}

fn write(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("write", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let Some(s) = pystr::as_str_obj(&a.pos[1]) else {
        return Err(type_error(format!("write() argument must be str, not {}", ops::type_name(&a.pos[1]))));
    };
    with_file(&a, |t| match &mut t.handle {
        Handle::Write(w) => w.write_all(s.s.as_bytes()).map_err(io_err),
        Handle::Read(_) => Err(PyErr::new(exc().os_error, "not writable")),
        Handle::Closed => Err(closed()),
    })?;
    Ok(int::from_i64(s.nchars as i64))
}

fn writelines(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("writelines", args, kw);
    a.expect(2, 2)?;
    for line in ops::iterate(vm, &a.pos[1])? {
        write(vm, &[a.pos[0].clone(), line], &[])?;
    }
    Ok(none())
}

fn flush(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("flush", args, kw);
    with_file(&a, |t| match &mut t.handle {
        Handle::Write(w) => w.flush().map_err(io_err),
        _ => Ok(()),
    })?;
    Ok(none())
}

fn close(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("close", args, kw);
    with_file(&a, |t| {
        if let Handle::Write(w) = &mut t.handle {
            w.flush().map_err(io_err)?;
        }
        t.handle = Handle::Closed;
        Ok(())
    })?;
    Ok(none())
}

fn enter(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__enter__", args, kw);
    a.expect(1, 1)?;
    with_file(&a, |t| if matches!(t.handle, Handle::Closed) { Err(closed()) } else { Ok(()) })?;
    Ok(a.pos[0].clone())
}

fn exit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    close(vm, &args[..1.min(args.len())], kw)?;
    Ok(bool_val(false))
}
