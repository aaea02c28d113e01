# fnmatch: shell wildcards.
import fnmatch

names = ["a.py", "b.txt", "abc.py", ".hidden", "data1.csv", "data22.csv", "x[1].log", "A.PY"]
for pat in ["*.py", "?.py", "a*", "*", "data?.csv", "data*.csv", "[ab]*", "[!a]*",
            "*[0-9].csv", "x[[]1].log", "[a-c].py", "*.PY", "[", "[]]", "[!]]x"]:
    print(repr(pat), fnmatch.filter(names, pat))
print(fnmatch.fnmatch("file.TXT", "*.TXT"), fnmatch.fnmatchcase("file.txt", "*.TXT"))
print(fnmatch.fnmatchcase("a/b", "a*b"), fnmatch.fnmatch("", "*"), fnmatch.fnmatch("x", ""))
print(fnmatch.translate("*.py"), fnmatch.translate("a?c"))
