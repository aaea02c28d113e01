# The fizzbuzz variants from the talk "Python is slow"; all must print the same lines.
def fizzbuzz_concat(n):
    for i in range(n):
        s = ""
        if not i % 3:
            s += "fizz"
        if not i % 5:
            s += "buzz"
        print(s or i)

def fizzbuzz_branches(n):
    for i in range(n):
        if i % 3:
            if i % 5:
                print(i)
            else:
                print("buzz")
        else:
            if i % 5:
                print("fizz")
            else:
                print("fizzbuzz")

def fizzbuzz_partial(n):
    for i in range(n):
        if i % 3:
            if i % 5:
                print(i)
            else:
                print("buzz")
        else:
            if i % 5:
                print("fizz")
            else:
                s = ""
                s += "fizz"
                s += "buzz"
                print(s or i)

fizzbuzz_concat(31)
print('---')
fizzbuzz_branches(31)
print('---')
fizzbuzz_partial(31)
