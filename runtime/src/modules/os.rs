//! A small `os` (and `os.path`): the file-system calls ordinary scripts use.

use std::path::Path;

use crate::builtins::args::{type_error, Args};
use crate::objects::exception::{PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::{bool_val, dict, int, list, module, none, str as pystr, tuple, Value};
use crate::vm::Vm;

fn path_arg<'a>(a: &'a Args, i: usize, name: &str) -> PyResult<&'a str> {
    let v = a.get(i, name).ok_or_else(|| type_error(format!("{}() missing required argument '{name}'", a.name)))?;
    pystr::as_str(v).ok_or_else(|| {
        type_error(format!("{}: path should be string, not {}", a.name, crate::interp::ops::type_name(v)))
    })
}

fn os_err(e: std::io::Error, path: &str) -> PyErr {
    super::io::os_error(&e, Some(path))
}

fn s(v: impl AsRef<str>) -> Value {
    pystr::new_str(v.as_ref())
}

macro_rules! path_fn {
    ($fname:ident, $name:literal, |$p:ident| $body:expr) => {
        fn $fname(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let a = Args::new($name, args, kw);
            a.expect(1, 1)?;
            let $p = path_arg(&a, 0, "path")?;
            $body
        }
    };
}

path_fn!(remove, "remove", |p| std::fs::remove_file(p).map(|_| none()).map_err(|e| os_err(e, p)));
path_fn!(rmdir, "rmdir", |p| std::fs::remove_dir(p).map(|_| none()).map_err(|e| os_err(e, p)));
path_fn!(mkdir, "mkdir", |p| std::fs::create_dir(p).map(|_| none()).map_err(|e| os_err(e, p)));
path_fn!(makedirs, "makedirs", |p| std::fs::create_dir_all(p).map(|_| none()).map_err(|e| os_err(e, p)));
path_fn!(exists, "exists", |p| Ok(bool_val(Path::new(p).exists())));
path_fn!(isfile, "isfile", |p| Ok(bool_val(Path::new(p).is_file())));
path_fn!(isdir, "isdir", |p| Ok(bool_val(Path::new(p).is_dir())));
path_fn!(basename, "basename", |p| Ok(s(p.rsplit('/').next().unwrap_or(""))));
path_fn!(dirname, "dirname", |p| Ok(s(match p.rfind('/') {
    Some(0) => "/",
    Some(i) => p[..i].trim_end_matches('/'),
    None => "",
})));
path_fn!(abspath, "abspath", |p| Ok(s(std::path::absolute(p).map(|x| x.display().to_string()).unwrap_or(p.into()))));
path_fn!(splitext, "splitext", |p| {
    let base_start = p.rfind('/').map_or(0, |i| i + 1);
    let base = &p[base_start..];
    let dot = base.rfind('.').filter(|&i| base[..i].chars().any(|c| c != '.'));
    Ok(match dot {
        Some(i) => tuple::new_tuple(vec![s(&p[..base_start + i]), s(&base[i..])]),
        None => tuple::new_tuple(vec![s(p), s("")]),
    })
});

fn listdir(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("listdir", args, kw);
    a.expect(0, 1)?;
    let p = if a.pos.is_empty() { "." } else { path_arg(&a, 0, "path")? };
    let mut names: Vec<String> = std::fs::read_dir(p)
        .map_err(|e| os_err(e, p))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    Ok(list::new_list(names.into_iter().map(s).collect()))
}

fn getcwd(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getcwd", args, kw).expect(0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_err(e, "."))?;
    Ok(s(d.display().to_string()))
}

fn getpid(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getpid", args, kw).expect(0, 0)?;
    Ok(int::from_i64(std::process::id() as i64))
}

fn join(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("join", args, kw);
    a.no_kwargs()?;
    let mut out = String::new();
    for (i, _) in a.pos.iter().enumerate() {
        let part = path_arg(&a, i, "path")?;
        if part.starts_with('/') {
            out = part.to_string();
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(part);
        } else {
            out.push('/');
            out.push_str(part);
        }
    }
    Ok(s(out))
}

const OS: &[(&str, NativeFn)] = &[
    ("remove", remove),
    ("unlink", remove),
    ("rmdir", rmdir),
    ("mkdir", mkdir),
    ("makedirs", makedirs),
    ("listdir", listdir),
    ("getcwd", getcwd),
    ("getpid", getpid),
];

const PATH: &[(&str, NativeFn)] = &[
    ("exists", exists),
    ("isfile", isfile),
    ("isdir", isdir),
    ("join", join),
    ("basename", basename),
    ("dirname", dirname),
    ("abspath", abspath),
    ("splitext", splitext),
];

fn make(name: &str, fns: &[(&'static str, NativeFn)]) -> Value {
    let d = dict::new_dict();
    for &(n, f) in fns {
        dict::set_str(&d, pystr::intern(n), new_builtin(n, f));
    }
    module::new_module(name, d)
}

pub fn create(vm: &Vm) -> PyResult<Value> {
    let path = make("os.path", PATH);
    vm.add_module("os.path", path.clone());
    let os = make("os", OS);
    let d = &module::as_module(&os).unwrap().dict;
    dict::set_str(d, pystr::intern("path"), path);
    dict::set_str(d, pystr::intern("sep"), s("/"));
    dict::set_str(d, pystr::intern("linesep"), s("\n"));
    dict::set_str(d, pystr::intern("name"), s("posix"));
    let env = dict::new_dict();
    for (k, v) in std::env::vars() {
        dict::set_str(&env, pystr::new_str(&k), s(v));
    }
    dict::set_str(d, pystr::intern("environ"), env);
    Ok(os)
}
