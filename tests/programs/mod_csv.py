import csv, io
data = 'a,b,c\r\n1,"two, too","th""ree"\r\n\r\n4,,"multi\nline"\r\n  x , y,z\r\nlast'
for row in csv.reader(io.StringIO(data)):
    print(row)
r = csv.reader(io.StringIO(data)); list(r); print(r.line_num)
print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")))
print(list(csv.reader(["a, b,  c"], skipinitialspace=True)))
print(list(csv.reader(["1,2.5,\"x\""], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a\\,b,c'], escapechar="\\")))
print(list(csv.reader(["x\ty"], dialect="excel-tab")), list(csv.reader(['"unterminated'])))
print(list(csv.reader(['a,"b"c,d'])))
try:
    list(csv.reader(['a,"b"c,d'], strict=True))
except csv.Error as e:
    print("Error", e)
out = io.StringIO()
w = csv.writer(out)
w.writerow(["a", "b,c", 'q"t', "", None, 1, 2.5, "line\nbreak", " sp"])
w.writerows([[1, 2], [3]])
w.writerow([""])
print(repr(out.getvalue()))
for q in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL):
    o = io.StringIO(); csv.writer(o, quoting=q).writerow(["x", 1, 2.0, True, None]); print(repr(o.getvalue()))
o = io.StringIO(); csv.writer(o, quoting=csv.QUOTE_NONE, escapechar="\\").writerow(["a,b", 'c"d']); print(repr(o.getvalue()))
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error", e)
o = io.StringIO(); csv.writer(o, dialect="unix").writerow(["u", 1]); print(repr(o.getvalue()))
o = io.StringIO()
dw = csv.DictWriter(o, fieldnames=["name", "age"])
dw.writeheader(); dw.writerow({"name": "Ann", "age": 3}); dw.writerows([{"name": "Bob"}])
print(repr(o.getvalue()))
try:
    dw.writerow({"nope": 1})
except ValueError as e:
    print("ValueError", e)
for row in csv.DictReader(io.StringIO("name,age\nAnn,3\n\nBob\nCy,4,extra\n")):
    print(row)
dr = csv.DictReader(io.StringIO("h1,h2\n1,2\n"), restval="R")
print(dr.fieldnames, list(dr))
print(csv.list_dialects()[:3], csv.get_dialect("excel").delimiter, csv.QUOTE_NONE)
csv.register_dialect("pipes", delimiter="|")
print(list(csv.reader(["a|b"], dialect="pipes")))
try:
    csv.get_dialect("nope")
except csv.Error as e:
    print("Error", e)
print(list(csv.reader(["", "a"])), list(csv.reader(['a,"",b'])))
