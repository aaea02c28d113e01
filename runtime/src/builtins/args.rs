//! Argument checking for Rust builtins, with CPython's error messages.

use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::{str as pystr, Value};

/// The arguments of a native call, split into positional and keyword.
pub struct Args<'a> {
    pub name: &'static str,
    pub pos: &'a [Value],
    kwvalues: &'a [Value],
    kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(name: &'static str, args: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        let n = args.len() - kwnames.len();
        Args { name, pos: &args[..n], kwvalues: &args[n..], kwnames }
    }

    /// Fail unless the positional count is within `min..=max`.
    pub fn expect(&self, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let name = self.name;
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        Err(PyErr::new(exc().type_error, msg))
    }

    /// Fail if any keyword argument was given.
    pub fn no_kwargs(&self) -> PyResult<()> {
        if self.kwnames.is_empty() {
            Ok(())
        } else {
            Err(PyErr::new(exc().type_error, format!("{}() takes no keyword arguments", self.name)))
        }
    }

    /// Fail if a keyword not in `allowed` was given.
    pub fn only_kwargs(&self, allowed: &[&str]) -> PyResult<()> {
        for k in self.kwnames {
            let k = pystr::as_str(k).unwrap_or("");
            if !allowed.contains(&k) {
                return Err(PyErr::new(
                    exc().type_error,
                    format!("{}() got an unexpected keyword argument '{}'", self.name, k),
                ));
            }
        }
        Ok(())
    }

    /// The keyword argument `name`, if given.
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwnames.iter().position(|k| pystr::as_str(k) == Some(name)).map(|i| &self.kwvalues[i])
    }

    /// Positional argument `i` or keyword `name`.
    pub fn get(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.pos.get(i).or_else(|| self.kw(name))
    }
}

/// A TypeError for an argument of the wrong type.
pub fn type_error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(exc().type_error, msg)
}
