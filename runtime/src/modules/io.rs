//! Files: the `open()` builtin and its file objects, text and binary, in
//! every mode CPython accepts (`r w a x`, `b`/`t`, `+`). One object type per
//! kind CPython shows (`TextIOWrapper`, `BufferedReader`, `BufferedWriter`,
//! `BufferedRandom`), all over one [`PyFile`]: a read-ahead buffer and a
//! write buffer in front of the OS file, so that reads, writes, `seek` and
//! `tell` interleave as they do in CPython.
//!
//! Text mode decodes with `builtins::codecs` (UTF-8, ASCII, Latin-1) and
//! translates newlines as `newline=None` does: `\r\n` and `\r` read as `\n`.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::{AsRawFd, FromRawFd};

use crate::builtins::args::{type_error, Args};
use crate::builtins::codecs;
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, new_method_descriptor, NativeFn};
use crate::objects::opaque::{new_opaque, with_state};
use crate::objects::{bool_val, bytes, dict, int, is_none, list, none, str as pystr, types, TypePtr, Value};
use crate::vm::Vm;

/// How much is read from the OS at a time.
const CHUNK: usize = 8192;

/// Newline handling of a text file (`open(..., newline=...)`).
#[derive(Clone, Copy, PartialEq)]
enum Newline {
    /// `None`: any of `\n`, `\r\n`, `\r` ends a line and reads as `\n`.
    Universal,
    /// `''`: any of them ends a line, nothing is translated.
    Untranslated,
    /// `'\n'`, `'\r\n'` or `'\r'`: only that ends a line; `\n` is written as it.
    Only(&'static str),
}

pub struct PyFile {
    /// `None` once closed.
    file: Option<File>,
    name: Value,
    mode: String,
    readable: bool,
    writable: bool,
    /// Text mode: encoding, error handler and newline handling.
    text: Option<(String, String, Newline)>,
    /// Close the descriptor with the object (`closefd`).
    closefd: bool,
    /// Bytes read from the OS and not yet returned.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written and not yet passed to the OS.
    wbuf: Vec<u8>,
}

impl Drop for PyFile {
    /// An unclosed file is flushed when it is freed, as in CPython.
    fn drop(&mut self) {
        let _ = self.flush();
        if !self.closefd {
            if let Some(f) = self.file.take() {
                std::mem::forget(f);
            }
        }
    }
}

impl PyFile {
    fn os(&mut self) -> PyResult<&mut File> {
        self.file.as_mut().ok_or_else(closed)
    }

    fn check_readable(&self) -> PyResult<()> {
        if self.file.is_none() {
            return Err(closed());
        }
        if !self.readable {
            // CPython's binary files name the method, its text files don't.
            return Err(unsupported(if self.text.is_some() { "not readable" } else { "read" }));
        }
        Ok(())
    }

    fn check_writable(&self) -> PyResult<()> {
        if self.file.is_none() {
            return Err(closed());
        }
        if !self.writable {
            return Err(unsupported(if self.text.is_some() { "not writable" } else { "write" }));
        }
        Ok(())
    }

    fn flush(&mut self) -> PyResult<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        self.os()?.write_all(&data).map_err(io_err)
    }

    /// Forget read-ahead, moving the OS position back to what was returned,
    /// so a write or a seek happens where the reader is.
    fn drop_read_ahead(&mut self) -> PyResult<()> {
        let unread = (self.rbuf.len() - self.rpos) as i64;
        self.rbuf.clear();
        self.rpos = 0;
        if unread > 0 {
            self.os()?.seek(SeekFrom::Current(-unread)).map_err(io_err)?;
        }
        Ok(())
    }

    fn unread(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    /// Read more from the OS into the buffer; false at end of file.
    fn fill(&mut self) -> PyResult<bool> {
        self.flush()?;
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
        let start = self.rbuf.len();
        self.rbuf.resize(start + CHUNK, 0);
        let got = loop {
            match self.file.as_mut().ok_or_else(closed)?.read(&mut self.rbuf[start..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.rbuf.truncate(start);
                    return Err(io_err(e));
                }
            }
        };
        self.rbuf.truncate(start + got);
        Ok(got > 0)
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        out
    }

    /// Up to `n` bytes (all that is left for `None`).
    fn read_bytes(&mut self, n: Option<usize>) -> PyResult<Vec<u8>> {
        loop {
            let have = self.unread().len();
            if n.is_some_and(|n| have >= n) || !self.fill()? {
                let len = n.map_or(self.unread().len(), |n| n.min(self.unread().len()));
                return Ok(self.take(len));
            }
        }
    }

    /// One line as bytes, its terminator included (`limit`: at most that
    /// many bytes). `cr`: a lone `\r` also ends a line.
    fn read_line_bytes(&mut self, limit: Option<usize>, cr: bool) -> PyResult<Vec<u8>> {
        let mut scanned = 0;
        loop {
            let buf = self.unread();
            let hit = buf[scanned..].iter().position(|&b| b == b'\n' || (cr && b == b'\r')).map(|i| i + scanned);
            if let Some(i) = hit {
                if buf[i] == b'\r' && i + 1 == buf.len() && self.fill()? {
                    // A `\r` at the end of the buffer: see whether `\n` follows.
                    scanned = i;
                    continue;
                }
                let buf = self.unread();
                let end = if buf[i] == b'\r' && buf.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                return Ok(self.take(limit.map_or(end, |l| l.min(end))));
            }
            if limit.is_some_and(|l| buf.len() >= l) {
                return Ok(self.take(limit.unwrap_or(0)));
            }
            scanned = buf.len();
            if !self.fill()? {
                let len = self.unread().len();
                return Ok(self.take(len));
            }
        }
    }

    fn decode(&self, data: &[u8]) -> PyResult<String> {
        let (encoding, errors, newline) = self.text.as_ref().expect("text mode");
        let s = codecs::decode(data, encoding, errors)?;
        Ok(if *newline == Newline::Universal && s.contains('\r') {
            s.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            s
        })
    }

    /// Bytes holding the next `n` characters of a text file (a `\r\n` counts
    /// as one when it is translated).
    fn text_bytes(&mut self, n: usize) -> PyResult<Vec<u8>> {
        let (utf8, universal) = match &self.text {
            Some((e, _, nl)) => (
                !matches!(e.to_ascii_lowercase().as_str(), "ascii" | "latin-1" | "latin1" | "iso-8859-1"),
                *nl == Newline::Universal,
            ),
            None => (false, false),
        };
        let (mut i, mut chars) = (0, 0);
        loop {
            while chars < n && i < self.unread().len() {
                let buf = self.unread();
                let len = if utf8 { utf8_len(buf[i]) } else { 1 };
                if i + len > buf.len() {
                    break;
                }
                if universal && buf[i] == b'\r' && i + 1 == buf.len() {
                    break;
                }
                let crlf = universal && buf[i] == b'\r' && buf.get(i + 1) == Some(&b'\n');
                i += if crlf { 2 } else { len };
                chars += 1;
            }
            if chars >= n || !self.fill()? {
                let len = if chars >= n { i } else { self.unread().len() };
                return Ok(self.take(len));
            }
        }
    }

    fn write_bytes(&mut self, data: &[u8]) -> PyResult<()> {
        if !self.rbuf.is_empty() {
            self.drop_read_ahead()?;
        }
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    fn tell(&mut self) -> PyResult<u64> {
        let unread = (self.rbuf.len() - self.rpos) as u64;
        let pending = self.wbuf.len() as u64;
        let pos = self.os()?.stream_position().map_err(io_err)?;
        Ok(pos - unread + pending)
    }
}

/// Length of the UTF-8 sequence a leading byte starts (1 for a stray byte:
/// the decoder reports it).
fn utf8_len(b: u8) -> usize {
    match b {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

/// The four file types, created once.
struct FileTypes {
    text: TypePtr,
    reader: TypePtr,
    writer: TypePtr,
    random: TypePtr,
}

fn file_types() -> &'static FileTypes {
    thread_local! {
        static TYPES: &'static FileTypes = Box::leak(Box::new(FileTypes {
            text: make_type("TextIOWrapper"),
            reader: make_type("BufferedReader"),
            writer: make_type("BufferedWriter"),
            random: make_type("BufferedRandom"),
        }));
    }
    TYPES.with(|t| *t)
}

fn make_type(name: &str) -> TypePtr {
    let t = crate::objects::bootstrap::new_type(name, crate::objects::Layout::Opaque, types().object, 0);
    let d = &t.as_type().dict;
    dict::set_str(d, pystr::intern("__module__"), pystr::intern("_io"));
    for &(name, f) in METHODS {
        dict::set_str(d, pystr::intern(name), new_method_descriptor(name, f, t.value()));
    }
    for &(name, f) in GETTERS {
        let prop = crate::objects::descr::new_property(types().property, new_builtin(name, f), none(), none(), none());
        dict::set_str(d, pystr::intern(name), prop);
    }
    t
}

const METHODS: &[(&str, NativeFn)] = &[
    ("read", read),
    ("read1", read),
    ("readline", readline),
    ("readlines", readlines),
    ("write", write),
    ("writelines", writelines),
    ("seek", seek),
    ("tell", tell),
    ("truncate", truncate),
    ("flush", flush),
    ("close", close),
    ("fileno", fileno),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("isatty", isatty),
    ("__enter__", enter),
    ("__exit__", exit),
    ("__iter__", enter),
    ("__next__", next_line),
    ("__repr__", repr),
];

const GETTERS: &[(&str, NativeFn)] =
    &[("name", get_name), ("mode", get_mode), ("closed", get_closed), ("encoding", get_encoding)];

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

/// What a mode string asks for, checked as CPython checks it.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    truncate: bool,
    exclusive: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let invalid = || PyErr::new(exc().value_error, format!("invalid mode: '{mode}'"));
    let mut m = Mode {
        read: false,
        write: false,
        append: false,
        create: false,
        truncate: false,
        exclusive: false,
        binary: false,
    };
    let (mut kinds, mut plus, mut text) = (0, false, false);
    let mut seen = String::new();
    for c in mode.chars() {
        if seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
        match c {
            'r' => (m.read, kinds) = (true, kinds + 1),
            'w' => (m.write, m.create, m.truncate, kinds) = (true, true, true, kinds + 1),
            'a' => (m.write, m.append, m.create, kinds) = (true, true, true, kinds + 1),
            'x' => (m.write, m.exclusive, m.create, kinds) = (true, true, true, kinds + 1),
            '+' => plus = true,
            'b' => m.binary = true,
            't' => text = true,
            _ => return Err(invalid()),
        }
    }
    if text && m.binary {
        return Err(PyErr::new(exc().value_error, "can't have text and binary mode at once"));
    }
    if mode.is_empty() {
        return Err(PyErr::new(
            exc().value_error,
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if kinds != 1 {
        return Err(PyErr::new(exc().value_error, "must have exactly one of create/read/write/append mode"));
    }
    if plus {
        m.read = true;
        m.write = true;
    }
    Ok(m)
}

fn str_kw<'a>(a: &Args<'a>, i: usize, name: &str) -> PyResult<Option<&'a str>> {
    match a.get(i, name) {
        None => Ok(None),
        Some(v) if is_none(v) => Ok(None),
        Some(v) => pystr::as_str(v).map(Some).ok_or_else(|| {
            type_error(format!("open() argument '{name}' must be str or None, not {}", ops::type_name(v)))
        }),
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True)`.
pub fn open(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("open", args, kw);
    a.only_kwargs(&["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"])?;
    let target = a.get(0, "file").ok_or_else(|| type_error("open() missing required argument 'file' (pos 1)"))?;
    // A path-like object opens the path its `__fspath__` gives (which is
    // also the file's `name`, as CPython).
    let fspath;
    let target =
        if pystr::as_str(target).is_none() && bytes::as_bytes(target).is_none() && int::as_int(target).is_none() {
            match ops::call_dunder(vm, target, "__fspath__", &[])? {
                Some(p) if pystr::as_str(&p).is_some() || bytes::as_bytes(&p).is_some() => {
                    fspath = p;
                    &fspath
                }
                Some(p) => {
                    return Err(type_error(format!(
                        "expected {}.__fspath__() to return str or bytes, not {}",
                        ops::type_name(target),
                        ops::type_name(&p)
                    )))
                }
                None => target,
            }
        } else {
            target
        };
    let mode_s = match a.get(1, "mode") {
        Some(m) => pystr::as_str(m).ok_or_else(|| type_error("open() argument 'mode' must be str"))?,
        None => "r",
    };
    let m = parse_mode(mode_s)?;
    let encoding = str_kw(&a, 3, "encoding")?;
    let errors = str_kw(&a, 4, "errors")?;
    let newline = str_kw(&a, 5, "newline")?;
    if m.binary {
        for (what, given) in [("encoding", encoding), ("errors", errors), ("newline", newline)] {
            if given.is_some() {
                return Err(PyErr::new(exc().value_error, format!("binary mode doesn't take an {what} argument")));
            }
        }
    }
    let newline = match (a.get(5, "newline").filter(|v| !is_none(v)), newline) {
        (None, _) => Newline::Universal,
        (_, Some("")) => Newline::Untranslated,
        (_, Some("\n")) => Newline::Only("\n"),
        (_, Some("\r")) => Newline::Only("\r"),
        (_, Some("\r\n")) => Newline::Only("\r\n"),
        (_, other) => {
            return Err(PyErr::new(exc().value_error, format!("illegal newline value: {}", other.unwrap_or(""))))
        }
    };
    let encoding = encoding.unwrap_or("UTF-8");
    codecs::decode(b"", encoding, "strict")?;
    let closefd = a.get(6, "closefd").map_or(Ok(true), |v| ops::truthy(vm, v))?;

    let mut opts = OpenOptions::new();
    opts.read(m.read).write(m.write && !m.append).append(m.append).truncate(m.truncate);
    if m.exclusive {
        opts.create_new(true);
    } else if m.create {
        opts.create(true);
    }
    let (file, name) = if let Some(fd) = int::as_int(target) {
        let fd = fd.to_i64().filter(|&fd| (0..=i32::MAX as i64).contains(&fd));
        let fd = fd.ok_or_else(|| PyErr::new(exc().value_error, "negative file descriptor"))? as i32;
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
            return Err(os_error(&std::io::Error::last_os_error(), None));
        }
        (unsafe { File::from_raw_fd(fd) }, target.clone())
    } else {
        if !closefd {
            return Err(PyErr::new(exc().value_error, "Cannot use closefd=False with file name"));
        }
        let path = match (pystr::as_str(target), bytes::as_bytes(target)) {
            (Some(s), _) => s.to_string(),
            (None, Some(b)) => String::from_utf8_lossy(b).into_owned(),
            _ => {
                return Err(type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    ops::type_name(target)
                )))
            }
        };
        let f = opts.open(&path).map_err(|e| os_error(&e, Some(&path)))?;
        // Opening a directory for reading succeeds on POSIX; CPython refuses it.
        if f.metadata().is_ok_and(|md| md.is_dir()) {
            return Err(os_error(&std::io::Error::from_raw_os_error(libc::EISDIR), Some(&path)));
        }
        (f, target.clone())
    };
    let ft = file_types();
    let ty = match (m.binary, m.read, m.write) {
        (false, _, _) => ft.text,
        (true, true, true) => ft.random,
        (true, true, false) => ft.reader,
        (true, false, _) => ft.writer,
    };
    let mode = if m.binary {
        let plus = if m.read && m.write { "+" } else { "" };
        let kind = if m.append {
            "a"
        } else if m.exclusive {
            "x"
        } else if m.truncate {
            "w"
        } else {
            "r"
        };
        format!("{kind}b{plus}")
    } else {
        mode_s.to_string()
    };
    let text = (!m.binary).then(|| (encoding.to_string(), errors.unwrap_or("strict").to_string(), newline));
    let pf = PyFile {
        file: Some(file),
        name,
        mode,
        readable: m.read,
        writable: m.write,
        text,
        closefd,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
    };
    Ok(new_opaque(ty, Box::new(pf)))
}

/// Run `f` on the file behind `args[0]`.
fn with_file<R>(a: &Args, f: impl FnOnce(&mut PyFile) -> PyResult<R>) -> PyResult<R> {
    let v = a.pos.first().ok_or_else(|| type_error("file method needs a file"))?;
    with_state::<PyFile, PyResult<R>>(v, f).unwrap_or_else(|| Err(type_error("not a file object")))
}

fn closed() -> PyErr {
    PyErr::new(exc().value_error, "I/O operation on closed file.")
}

/// `io.UnsupportedOperation` is an OSError (and a ValueError) in CPython.
fn unsupported(what: &str) -> PyErr {
    PyErr::new(exc().os_error, what)
}

fn io_err(e: std::io::Error) -> PyErr {
    os_error(&e, None)
}

/// An optional size argument: `None` or negative means "all".
fn size_arg(v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        Some(n) if !is_none(n) => {
            let n = ops::index_value(n)?;
            Ok((n >= 0).then_some(n as usize))
        }
        _ => Ok(None),
    }
}

/// A str (text mode) or bytes (binary mode) result.
fn result(t: &PyFile, data: Vec<u8>) -> PyResult<Value> {
    if t.text.is_some() {
        Ok(pystr::from_string(t.decode(&data)?.into()))
    } else {
        Ok(bytes::new_bytes(data))
    }
}

fn read(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("read", args, kw);
    a.expect(1, 2)?;
    let size = size_arg(a.pos.get(1))?;
    with_file(&a, |t| {
        t.check_readable()?;
        let data = match (size, t.text.is_some()) {
            (Some(n), true) => t.text_bytes(n)?,
            (n, _) => t.read_bytes(n)?,
        };
        result(t, data)
    })
}

/// One line; `cr`: whether a lone `\r` ends it.
fn line_of(t: &mut PyFile, limit: Option<usize>) -> PyResult<Vec<u8>> {
    t.check_readable()?;
    let cr = matches!(&t.text, Some((_, _, Newline::Universal | Newline::Untranslated | Newline::Only("\r"))));
    match (&t.text, limit) {
        (Some(_), Some(n)) => {
            // Characters, not bytes: take the line, then cut at n characters.
            let line = t.read_line_bytes(None, cr)?;
            let s = t.decode(&line)?;
            if s.chars().count() <= n {
                return Ok(line);
            }
            let keep: String = s.chars().take(n).collect();
            let mut rest = t.rbuf.split_off(t.rpos);
            let cut = codecs::encode(&keep, &t.text.as_ref().expect("text").0, "strict")?.len().min(line.len());
            let mut back = line[cut..].to_vec();
            back.append(&mut rest);
            t.rbuf.truncate(t.rpos);
            t.rbuf.extend_from_slice(&back);
            Ok(line[..cut].to_vec())
        }
        _ => t.read_line_bytes(limit, cr),
    }
}

fn readline(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("readline", args, kw);
    a.expect(1, 2)?;
    let size = size_arg(a.pos.get(1))?;
    with_file(&a, |t| {
        let line = line_of(t, size)?;
        result(t, line)
    })
}

fn readlines(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("readlines", args, kw);
    a.expect(1, 2)?;
    let hint = size_arg(a.pos.get(1))?.filter(|&h| h > 0);
    let lines = with_file(&a, |t| {
        let (mut out, mut total) = (Vec::new(), 0);
        loop {
            let line = line_of(t, None)?;
            if line.is_empty() {
                return Ok(out);
            }
            total += line.len();
            out.push(result(t, line)?);
            if hint.is_some_and(|h| total >= h) {
                return Ok(out);
            }
        }
    })?;
    Ok(list::new_list(lines))
}

fn next_line(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__next__", args, kw);
    a.expect(1, 1)?;
    with_file(&a, |t| {
        let line = line_of(t, None)?;
        if line.is_empty() {
            return Err(PyErr::empty(exc().stop_iteration));
        }
        result(t, line)
    })
}

fn write(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("write", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let arg = &a.pos[1];
    with_file(&a, |t| {
        t.check_writable()?;
        let Some((encoding, errors, newline)) = t.text.clone() else {
            let data = bytes::as_bytes(arg)
                .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(arg))))?;
            let n = data.len();
            t.write_bytes(data)?;
            return Ok(int::from_i64(n as i64));
        };
        let Some(s) = pystr::as_str_obj(arg) else {
            return Err(type_error(format!("write() argument must be str, not {}", ops::type_name(arg))));
        };
        let data = match newline {
            Newline::Only(nl) if nl != "\n" && s.s.contains('\n') => {
                codecs::encode(&s.s.replace('\n', nl), &encoding, &errors)?
            }
            _ => codecs::encode(&s.s, &encoding, &errors)?,
        };
        t.write_bytes(&data)?;
        Ok(int::from_i64(s.nchars as i64))
    })
}

fn writelines(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("writelines", args, kw);
    a.expect(2, 2)?;
    for line in ops::iterate(vm, &a.pos[1])? {
        write(vm, &[a.pos[0].clone(), line], &[])?;
    }
    Ok(none())
}

/// `seek(offset, whence=0)`; text files allow only `tell()` positions and
/// seeks to the start or the end, as CPython does.
fn seek(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("seek", args, kw);
    a.expect(2, 3)?;
    let offset = ops::index_value(&a.pos[1])?;
    let whence = a.pos.get(2).map(ops::index_value).transpose()?.unwrap_or(0);
    let pos = with_file(&a, |t| {
        t.os()?;
        if t.text.is_some() && whence != 0 && offset != 0 {
            let what = if whence == 1 { "cur" } else { "end" };
            return Err(unsupported(&format!("can't do nonzero {what}-relative seeks")));
        }
        let target = match whence {
            0 => {
                if offset < 0 {
                    return Err(PyErr::new(exc().value_error, format!("negative seek position {offset}")));
                }
                SeekFrom::Start(offset as u64)
            }
            1 => SeekFrom::Current(offset),
            2 => SeekFrom::End(offset),
            _ => return Err(PyErr::new(exc().value_error, format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        };
        t.flush()?;
        t.drop_read_ahead()?;
        t.os()?.seek(target).map_err(io_err)
    })?;
    Ok(int::from_i64(pos as i64))
}

fn tell(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("tell", args, kw);
    a.expect(1, 1)?;
    Ok(int::from_i64(with_file(&a, PyFile::tell)? as i64))
}

/// `truncate(size=None)`: to `size` or the current position; the position
/// does not move.
fn truncate(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("truncate", args, kw);
    a.expect(1, 2)?;
    let size = size_arg(a.pos.get(1))?;
    let n = with_file(&a, |t| {
        t.check_writable()?;
        let n = match size {
            Some(n) => n as u64,
            None => t.tell()?,
        };
        t.flush()?;
        t.drop_read_ahead()?;
        t.os()?.set_len(n).map_err(io_err)?;
        Ok(n)
    })?;
    Ok(int::from_i64(n as i64))
}

fn flush(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("flush", args, kw);
    with_file(&a, |t| {
        t.os()?;
        t.flush()
    })?;
    Ok(none())
}

fn close(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("close", args, kw);
    with_file(&a, |t| {
        if t.file.is_none() {
            return Ok(());
        }
        let flushed = t.flush();
        if let Some(f) = t.file.take() {
            if !t.closefd {
                std::mem::forget(f);
            }
        }
        flushed
    })?;
    Ok(none())
}

fn fileno(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("fileno", args, kw);
    Ok(int::from_i64(with_file(&a, |t| Ok(t.os()?.as_raw_fd()))? as i64))
}

fn flag(args: &[Value], kw: &[Value], name: &'static str, f: fn(&mut PyFile) -> PyResult<bool>) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.expect(1, 1)?;
    Ok(bool_val(with_file(&a, |t| {
        t.os()?;
        f(t)
    })?))
}

fn readable(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    flag(args, kw, "readable", |t| Ok(t.readable))
}

fn writable(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    flag(args, kw, "writable", |t| Ok(t.writable))
}

fn seekable(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    flag(args, kw, "seekable", |t| Ok(t.os()?.stream_position().is_ok()))
}

fn isatty(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    flag(args, kw, "isatty", |t| Ok(unsafe { libc::isatty(t.os()?.as_raw_fd()) } == 1))
}

fn enter(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__enter__", args, kw);
    a.expect(1, 1)?;
    with_file(&a, |t| t.os().map(|_| ()))?;
    Ok(a.pos[0].clone())
}

fn exit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    close(vm, &args[..1.min(args.len())], kw)?;
    Ok(bool_val(false))
}

/// `<_io.TextIOWrapper name='f.txt' mode='r' encoding='UTF-8'>`, or
/// `<_io.BufferedReader name='f.bin'>`, as CPython shows them.
fn repr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__repr__", args, kw);
    a.expect(1, 1)?;
    let (name, mode, text) = with_file(&a, |t| Ok((t.name.clone(), t.mode.clone(), t.text.clone())))?;
    let ty = ops::type_name(&a.pos[0]);
    let name = ops::repr(vm, &name)?;
    Ok(pystr::from_string(
        match text {
            Some((enc, _, _)) => format!("<_io.{ty} name={name} mode='{mode}' encoding='{enc}'>"),
            None => format!("<_io.{ty} name={name}>"),
        }
        .into(),
    ))
}

fn getter(args: &[Value], f: impl FnOnce(&PyFile) -> Value) -> PyResult<Value> {
    let a = Args::new("getter", args, &[]);
    with_file(&a, |t| Ok(f(t)))
}

fn get_name(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    getter(args, |t| t.name.clone())
}

fn get_mode(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    getter(args, |t| pystr::new_str(&t.mode))
}

fn get_closed(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    getter(args, |t| bool_val(t.file.is_none()))
}

fn get_encoding(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("encoding", args, &[]);
    with_file(&a, |t| match &t.text {
        Some((enc, _, _)) => Ok(pystr::new_str(enc)),
        None => Err(PyErr::new(exc().attribute_error, "'_io.BufferedReader' object has no attribute 'encoding'")),
    })
}
