# FizzBuzz, as written in the talk "Python is slow": build the word with
# string concatenation and print the number when the word is empty
# (`s or i` is `i` when `s` is the empty string).

def fizzbuzz(n):
    for i in range(n):
        s = ""
        if not i % 3:
            s += "fizz"
        if not i % 5:
            s += "buzz"
        print(s or i)

fizzbuzz(16)
