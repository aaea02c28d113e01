import warnings
import sys
sys.stderr = sys.stdout

def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1

warnings.warn("plain warning")
for i in range(3):
    warnings.warn("in a loop")
old()
warnings.warn("custom", RuntimeWarning)
class MyWarning(UserWarning):
    pass
warnings.warn(MyWarning("instance message"))
print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "x = 1"))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    warnings.warn("again", SyntaxWarning)
    old()
print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w], w[0].lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", UserWarning)
    except UserWarning as e:
        print("raised:", repr(e))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
warnings.filterwarnings("ignore", message="skip.*")
warnings.warn("skip me")
warnings.warn("Skip me too")
warnings.warn("show me")
with warnings.catch_warnings():
    warnings.filterwarnings("error", category=RuntimeWarning)
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print("RuntimeWarning raised", e)
    warnings.warn("user ok")
try:
    warnings.warn("x", category=str)
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)
warnings.simplefilter("once")
for i in range(2):
    warnings.warn("only once")
print("done")
