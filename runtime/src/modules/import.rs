//! The import system: `import a.b`, `from . import x`, packages,
//! `sys.path`, `sys.modules`, built-in modules written in Rust and
//! standard-library modules written in Python and embedded in the binary.

use std::path::{Path, PathBuf};

use crate::interp::{attr, eval, ops};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::{dict, is_none, list, module, none, str as pystr, tuple, Value};
use crate::vm::Vm;

fn key(s: &str) -> Value {
    pystr::intern(s)
}

fn module_not_found(name: &str) -> PyErr {
    let e = PyErr::new(exc().module_not_found_error, format!("No module named '{name}'"));
    let _ = attr::generic_setattr(&e.0, &key("name"), pystr::new_str(name));
    e
}

/// Resolve a relative import against the importing module's package.
fn resolve_name(name: &str, globals: &Value, level: i64) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let package = match dict::get_str(globals, &key("__package__")).filter(|p| !is_none(p)) {
        Some(p) => pystr::as_str(&p).unwrap_or("").to_string(),
        None => {
            let modname = dict::get_str(globals, &key("__name__")).and_then(|n| pystr::as_str(&n).map(str::to_string));
            let is_pkg = dict::get_str(globals, &key("__path__")).is_some();
            match modname {
                Some(m) if is_pkg => m,
                Some(m) => m.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
                None => String::new(),
            }
        }
    };
    if package.is_empty() {
        return Err(PyErr::new(exc().import_error, "attempted relative import with no known parent package"));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((p, _)) => base = p,
            None => return Err(PyErr::new(exc().import_error, "attempted relative import beyond top-level package")),
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}

/// `IMPORT_NAME`: what `import name` binds (the top-level package when
/// `fromlist` is empty, as `__import__` returns).
pub fn import_name(vm: &Vm, name: &Value, globals: &Value, fromlist: &Value, level: i64) -> PyResult<Value> {
    let n = pystr::as_str(name).unwrap_or("");
    let full = resolve_name(n, globals, level)?;
    let leaf = import_module(vm, &full)?;
    let fromlist_empty = is_none(fromlist) || tuple::items(fromlist).is_empty();
    if !fromlist_empty {
        // `from pkg import sub`: import submodules named in the list.
        if dict::get_str(&module::as_module(&leaf).map_or(Value::NULL, |m| m.dict.clone()), &key("__path__")).is_some()
        {
            for item in tuple::items(fromlist) {
                let Some(s) = pystr::as_str(item) else { continue };
                if s != "*" && attr::lookup(vm, &leaf, item)?.is_none() {
                    match import_module(vm, &format!("{full}.{s}")) {
                        Ok(_) => {}
                        Err(e) if e.matches(exc().module_not_found_error) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        return Ok(leaf);
    }
    // `import a.b.c` binds `a`; for a relative name, the part of the
    // resolved name up to the first component of `name`.
    let top = if n.is_empty() {
        full.clone()
    } else {
        let cut = n.len() - n.split('.').next().unwrap_or(n).len();
        full[..full.len() - cut].to_string()
    };
    dict::get_str(&vm.modules, &key(&top)).ok_or_else(|| module_not_found(&top))
}

/// Import `fullname` (and its parents), returning the module itself.
pub fn import_module(vm: &Vm, fullname: &str) -> PyResult<Value> {
    if let Some(m) = dict::get_str(&vm.modules, &key(fullname)) {
        if is_none(&m) {
            return Err(module_not_found(fullname));
        }
        return Ok(m);
    }
    let (parent, short) = match fullname.rsplit_once('.') {
        Some((p, s)) => (Some(import_module(vm, p)?), s),
        None => (None, fullname),
    };
    // Importing the parent may have registered this module (`os.path`).
    if let Some(m) = dict::get_str(&vm.modules, &key(fullname)).filter(|_| parent.is_some()) {
        return Ok(m);
    }
    let search: Vec<PathBuf> = match &parent {
        Some(p) => {
            let path = attr::lookup(vm, p, &key("__path__"))?;
            match path {
                Some(pl) => ops::iterate(vm, &pl)?.iter().filter_map(|x| pystr::as_str(x).map(PathBuf::from)).collect(),
                None => {
                    return Err(PyErr::new(
                        exc().module_not_found_error,
                        format!(
                            "No module named '{fullname}'; '{}' is not a package",
                            fullname.rsplit_once('.').unwrap().0
                        ),
                    ))
                }
            }
        }
        None => Vec::new(),
    };
    let m = if parent.is_none() && super::native_module(vm, fullname).is_some() {
        let m = super::native_module(vm, fullname).unwrap()?;
        vm.add_module(fullname, m.clone());
        m
    } else if let (None, Some(src)) = (&parent, super::stdlib::source(fullname)) {
        load_source(vm, fullname, &format!("<frozen {fullname}>"), src, None)?
    } else {
        let dirs = if parent.is_some() { search } else { sys_path(vm)? };
        let Some((file, pkg_dir)) = find_in(&dirs, short) else {
            return Err(module_not_found(fullname));
        };
        let bytes = std::fs::read(&file)
            .map_err(|e| PyErr::new(exc().import_error, format!("cannot read {}: {e}", file.display())))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            PyErr::new(
                exc().syntax_error,
                format!("Non-UTF-8 code in file {}, but no encoding declared", file.display()),
            )
        })?;
        load_source(vm, fullname, &file.display().to_string(), &text, pkg_dir)?
    };
    if let Some(p) = parent {
        attr::setattr(vm, &p, &key(short), m.clone())?;
    }
    Ok(m)
}

/// `sys.path` as directories.
fn sys_path(vm: &Vm) -> PyResult<Vec<PathBuf>> {
    let sys = dict::get_str(&vm.modules, &key("sys")).expect("sys is installed");
    let path = attr::getattr(vm, &sys, &key("path"))?;
    let items = match list::as_list(&path) {
        Some(l) => l.items().clone(),
        None => ops::iterate(vm, &path)?,
    };
    Ok(items
        .iter()
        .filter_map(|p| pystr::as_str(p))
        .map(|p| if p.is_empty() { PathBuf::from(".") } else { PathBuf::from(p) })
        .collect())
}

/// `name/__init__.py` (a package) or `name.py` in the first directory that
/// has one.
fn find_in(dirs: &[PathBuf], name: &str) -> Option<(PathBuf, Option<PathBuf>)> {
    for d in dirs {
        let pkg = d.join(name);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return Some((init, Some(pkg)));
        }
        let file = d.join(format!("{name}.py"));
        if file.is_file() {
            return Some((file, None));
        }
    }
    None
}

/// Create module `name`, register it, and run `text` in it.
pub fn load_source(vm: &Vm, name: &str, filename: &str, text: &str, pkg_dir: Option<PathBuf>) -> PyResult<Value> {
    let code = crate::compile::compile_module(text, filename).map_err(|e| super::compile_error_to_exception(&e))?;
    let globals = dict::new_dict();
    dict::set_str(&globals, key("__builtins__"), vm.builtin_module());
    if !filename.starts_with('<') {
        dict::set_str(&globals, key("__file__"), pystr::new_str(filename));
    }
    let package = match &pkg_dir {
        Some(_) => name.to_string(),
        None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
    };
    dict::set_str(&globals, key("__package__"), pystr::new_str(&package));
    if let Some(dir) = &pkg_dir {
        let p = Path::new(dir).display().to_string();
        dict::set_str(&globals, key("__path__"), list::new_list(vec![pystr::new_str(&p)]));
    }
    dict::set_str(&globals, key("__doc__"), none());
    let m = module::new_module(name, globals.clone());
    vm.add_module(name, m.clone());
    if let Err(e) = eval::run_module_code(vm, code, &globals) {
        let _ = dict::del_str(&vm.modules, &key(name));
        return Err(e);
    }
    // A module may replace itself in sys.modules.
    Ok(dict::get_str(&vm.modules, &key(name)).unwrap_or(m))
}

/// `IMPORT_FROM`: `from module import name`.
pub fn import_from(vm: &Vm, m: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = attr::lookup(vm, m, name)? {
        return Ok(v);
    }
    let n = pystr::as_str(name).unwrap_or("?");
    let mname = attr::lookup(vm, m, &key("__name__"))?.and_then(|x| pystr::as_str(&x).map(str::to_string));
    if let Some(mn) = &mname {
        if let Some(sub) = dict::get_str(&vm.modules, &key(&format!("{mn}.{n}"))) {
            return Ok(sub);
        }
    }
    let mname = mname.unwrap_or_else(|| "<unknown module name>".into());
    let location = attr::lookup(vm, m, &key("__file__"))?
        .and_then(|f| pystr::as_str(&f).map(str::to_string))
        .unwrap_or_else(|| "unknown location".into());
    Err(PyErr::new(exc().import_error, format!("cannot import name '{n}' from '{mname}' ({location})")))
}

/// `from module import *` into `ns`.
pub fn import_star(vm: &Vm, m: &Value, ns: &Value) -> PyResult<()> {
    let md = attr::lookup(vm, m, &key("__dict__"))?.ok_or_else(|| PyErr::new(exc().type_error, "not a module"))?;
    let names: Vec<Value> = match attr::lookup(vm, m, &key("__all__"))? {
        Some(all) => ops::iterate(vm, &all)?,
        None => dict::as_dict(&md)
            .map(|d| {
                d.items()
                    .into_iter()
                    .map(|(k, _)| k)
                    .filter(|k| !pystr::as_str(k).unwrap_or("_").starts_with('_'))
                    .collect()
            })
            .unwrap_or_default(),
    };
    for n in names {
        let v = attr::getattr(vm, m, &n)?;
        ops::setitem(vm, ns, &n, v)?;
    }
    Ok(())
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("__import__", args, kwnames);
    a.only_kwargs(&["name", "globals", "locals", "fromlist", "level"])?;
    let name = a
        .get(0, "name")
        .ok_or_else(|| PyErr::new(exc().type_error, "__import__() missing required argument 'name' (pos 1)"))?;
    let globals = a.get(1, "globals").filter(|g| !is_none(g)).cloned().unwrap_or_else(dict::new_dict);
    let fromlist = a.get(3, "fromlist").cloned().unwrap_or_else(tuple::empty);
    let fromlist = if tuple::as_tuple(&fromlist).is_some() || is_none(&fromlist) {
        fromlist
    } else {
        tuple::new_tuple(ops::iterate(vm, &fromlist)?)
    };
    let level = match a.get(4, "level") {
        Some(l) => ops::index_value(l)?,
        None => 0,
    };
    import_name(vm, name, &globals, &fromlist, level)
}

/// What `pyfast -m NAME` runs: the module's file (a package's
/// `__main__.py`), its source, and the package `__main__` belongs to.
pub struct MainModule {
    pub filename: String,
    pub source: String,
    pub package: String,
}

/// Find module `name` for `-m` as CPython's runpy does: parent packages
/// are imported first, a package runs its `__main__` submodule.
pub fn find_main_module(vm: &Vm, name: &str) -> PyResult<MainModule> {
    let (parent, last) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let dirs = match parent {
        Some(p) => {
            let pkg = import_module(vm, p)?;
            match attr::lookup(vm, &pkg, &key("__path__"))? {
                Some(paths) => ops::iterate(vm, &paths)?
                    .iter()
                    .filter_map(|d| pystr::as_str(d).map(PathBuf::from))
                    .collect(),
                None => {
                    return Err(PyErr::new(
                        exc().import_error,
                        format!("Error while finding module specification for '{name}' (ModuleNotFoundError: __path__ attribute not found on '{p}' while trying to find '{name}')"),
                    ))
                }
            }
        }
        None => sys_path(vm)?,
    };
    match find_in(&dirs, last) {
        Some((_, Some(pkg_dir))) => {
            import_module(vm, name)?;
            let main = pkg_dir.join("__main__.py");
            if !main.is_file() {
                return Err(PyErr::new(
                    exc().import_error,
                    format!("No module named {name}.__main__; '{name}' is a package and cannot be directly executed"),
                ));
            }
            read_main(&main, name)
        }
        Some((file, None)) => read_main(&file, parent.unwrap_or("")),
        None if parent.is_none() && super::stdlib::source(name).is_some() => Ok(MainModule {
            filename: format!("<frozen {name}>"),
            source: super::stdlib::source(name).unwrap_or_default().to_string(),
            package: String::new(),
        }),
        // runpy's wording: the name is not quoted.
        None => Err(PyErr::new(exc().module_not_found_error, format!("No module named {name}"))),
    }
}

fn read_main(file: &Path, package: &str) -> PyResult<MainModule> {
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let filename = abs.display().to_string();
    let source = std::fs::read_to_string(&abs).map_err(|e| super::io::os_error(&e, Some(&filename)))?;
    Ok(MainModule { filename, source, package: package.to_string() })
}
