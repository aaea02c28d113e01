//! Standard-library modules written in Python, embedded in the binary and
//! compiled on first import (`runtime/lib/*.py`).

/// (module name, source) of every embedded module.
const MODULES: &[(&str, &str)] = &[
    ("array", include_str!("../../lib/array.py")),
    ("bisect", include_str!("../../lib/bisect.py")),
    ("collections", include_str!("../../lib/collections.py")),
    ("contextlib", include_str!("../../lib/contextlib.py")),
    ("copy", include_str!("../../lib/copy.py")),
    ("dataclasses", include_str!("../../lib/dataclasses.py")),
    ("enum", include_str!("../../lib/enum.py")),
    ("functools", include_str!("../../lib/functools.py")),
    ("hashlib", include_str!("../../lib/hashlib.py")),
    ("heapq", include_str!("../../lib/heapq.py")),
    ("importlib", include_str!("../../lib/importlib.py")),
    ("io", include_str!("../../lib/io.py")),
    ("itertools", include_str!("../../lib/itertools.py")),
    ("operator", include_str!("../../lib/operator.py")),
    ("random", include_str!("../../lib/random.py")),
    ("string", include_str!("../../lib/string.py")),
    ("types", include_str!("../../lib/types.py")),
    ("typing", include_str!("../../lib/typing.py")),
];

/// The source of embedded module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
