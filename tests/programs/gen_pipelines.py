# Lazy pipelines: generator expressions and functions composed, consumed
# partially, and the order in which their side effects happen.
import itertools


def numbers(limit):
    for n in range(limit):
        print(f"  produce {n}")
        yield n


evens = (n for n in numbers(6) if n % 2 == 0)
squares = (n * n for n in evens)
print("pipeline built, nothing produced yet")
print(next(squares))
print(list(squares))


def read_records(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, dept, salary = line.split(",")
        yield {"name": name, "dept": dept, "salary": int(salary)}


data = """
# name,dept,salary
ann,eng,120
bob,ops,90

cid,eng,110
dee,ops,95
eve,sales,70
""".splitlines()

records = list(read_records(data))
by_dept = {}
for r in records:
    by_dept.setdefault(r["dept"], []).append(r["salary"])
print({d: (len(s), sum(s) / len(s)) for d, s in sorted(by_dept.items())})
print(max(records, key=lambda r: r["salary"])["name"], sum(r["salary"] for r in records))
top = sorted(records, key=lambda r: (-r["salary"], r["name"]))[:3]
print([r["name"] for r in top])

for dept, group in itertools.groupby(sorted(records, key=lambda r: r["dept"]), key=lambda r: r["dept"]):
    print(dept, [r["name"] for r in group])


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.islice(fib(), 15)))
print(next(n for n in fib() if n > 1000), sum(itertools.takewhile(lambda n: n < 100, fib())))
print(list(zip(fib(), "abcde")), list(enumerate(itertools.islice(fib(), 3), start=10)))


def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


print(list(window(range(6), 3)), list(window("ab", 3)))
gen = (x for x in range(3))
print(list(gen), list(gen), any(x > 2 for x in range(5)), all(x < 5 for x in range(5)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested), sum(x for x in range(10) if x % 3 == 0), min((x - 5) ** 2 for x in range(10)))
