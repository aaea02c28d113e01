//! Standard-library modules written in Python, embedded in the binary and
//! compiled on first import (`runtime/lib/*.py`).

/// (module name, source) of every embedded module.
const MODULES: &[(&str, &str)] = &[
    ("_collections_abc", include_str!("../../lib/_collections_abc.py")),
    ("abc", include_str!("../../lib/abc.py")),
    ("array", include_str!("../../lib/array.py")),
    ("atexit", include_str!("../../lib/atexit.py")),
    ("base64", include_str!("../../lib/base64.py")),
    ("binascii", include_str!("../../lib/binascii.py")),
    ("bisect", include_str!("../../lib/bisect.py")),
    ("collections", include_str!("../../lib/collections.py")),
    ("contextlib", include_str!("../../lib/contextlib.py")),
    ("copy", include_str!("../../lib/copy.py")),
    ("csv", include_str!("../../lib/csv.py")),
    ("dataclasses", include_str!("../../lib/dataclasses.py")),
    ("datetime", include_str!("../../lib/datetime.py")),
    ("enum", include_str!("../../lib/enum.py")),
    ("errno", include_str!("../../lib/errno.py")),
    ("fractions", include_str!("../../lib/fractions.py")),
    ("functools", include_str!("../../lib/functools.py")),
    ("gc", include_str!("../../lib/gc.py")),
    ("hashlib", include_str!("../../lib/hashlib.py")),
    ("heapq", include_str!("../../lib/heapq.py")),
    ("importlib", include_str!("../../lib/importlib.py")),
    ("io", include_str!("../../lib/io.py")),
    ("itertools", include_str!("../../lib/itertools.py")),
    ("json", include_str!("../../lib/json.py")),
    ("keyword", include_str!("../../lib/keyword.py")),
    ("linecache", include_str!("../../lib/linecache.py")),
    ("numbers", include_str!("../../lib/numbers.py")),
    ("operator", include_str!("../../lib/operator.py")),
    ("os", include_str!("../../lib/os.py")),
    ("posixpath", include_str!("../../lib/posixpath.py")),
    ("pprint", include_str!("../../lib/pprint.py")),
    ("random", include_str!("../../lib/random.py")),
    ("re", include_str!("../../lib/re.py")),
    ("secrets", include_str!("../../lib/secrets.py")),
    ("shlex", include_str!("../../lib/shlex.py")),
    ("shutil", include_str!("../../lib/shutil.py")),
    ("stat", include_str!("../../lib/stat.py")),
    ("statistics", include_str!("../../lib/statistics.py")),
    ("string", include_str!("../../lib/string.py")),
    ("struct", include_str!("../../lib/struct.py")),
    ("tempfile", include_str!("../../lib/tempfile.py")),
    ("textwrap", include_str!("../../lib/textwrap.py")),
    ("time", include_str!("../../lib/time.py")),
    ("traceback", include_str!("../../lib/traceback.py")),
    ("types", include_str!("../../lib/types.py")),
    ("typing", include_str!("../../lib/typing.py")),
    ("uuid", include_str!("../../lib/uuid.py")),
    ("warnings", include_str!("../../lib/warnings.py")),
];

/// The source of embedded module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
