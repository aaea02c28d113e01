//! Standard-library modules written in Python, embedded in the binary and
//! compiled on first import (`runtime/lib/*.py`).

/// (module name, source) of every embedded module.
const MODULES: &[(&str, &str)] = &[
    ("_collections_abc", include_str!("../../lib/_collections_abc.py")),
    ("abc", include_str!("../../lib/abc.py")),
    ("argparse", include_str!("../../lib/argparse.py")),
    ("array", include_str!("../../lib/array.py")),
    ("bisect", include_str!("../../lib/bisect.py")),
    ("collections", include_str!("../../lib/collections.py")),
    ("contextlib", include_str!("../../lib/contextlib.py")),
    ("copy", include_str!("../../lib/copy.py")),
    ("dataclasses", include_str!("../../lib/dataclasses.py")),
    ("enum", include_str!("../../lib/enum.py")),
    ("fnmatch", include_str!("../../lib/fnmatch.py")),
    ("functools", include_str!("../../lib/functools.py")),
    ("hashlib", include_str!("../../lib/hashlib.py")),
    ("heapq", include_str!("../../lib/heapq.py")),
    ("importlib", include_str!("../../lib/importlib.py")),
    ("io", include_str!("../../lib/io.py")),
    ("itertools", include_str!("../../lib/itertools.py")),
    ("json", include_str!("../../lib/json.py")),
    ("linecache", include_str!("../../lib/linecache.py")),
    ("logging", include_str!("../../lib/logging.py")),
    ("numbers", include_str!("../../lib/numbers.py")),
    ("operator", include_str!("../../lib/operator.py")),
    ("os", include_str!("../../lib/os.py")),
    ("pathlib", include_str!("../../lib/pathlib.py")),
    ("posixpath", include_str!("../../lib/posixpath.py")),
    ("pprint", include_str!("../../lib/pprint.py")),
    ("random", include_str!("../../lib/random.py")),
    ("re", include_str!("../../lib/re.py")),
    ("stat", include_str!("../../lib/stat.py")),
    ("string", include_str!("../../lib/string.py")),
    ("textwrap", include_str!("../../lib/textwrap.py")),
    ("time", include_str!("../../lib/time.py")),
    ("traceback", include_str!("../../lib/traceback.py")),
    ("types", include_str!("../../lib/types.py")),
    ("typing", include_str!("../../lib/typing.py")),
    ("warnings", include_str!("../../lib/warnings.py")),
];

/// The source of embedded module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
