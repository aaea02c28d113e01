# String processing: word frequencies, palindromes, run-length encoding, caesar cipher, roman numerals.
text = '''It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness'''
freq = {}
for word in text.lower().replace(',', ' ').split():
    freq[word] = freq.get(word, 0) + 1
best = ''
for w in freq:
    if best == '' or freq[w] > freq[best]:
        best = w
print(freq)
print(best, freq[best])
def is_palindrome(s):
    clean = ''
    for ch in s.lower():
        if ch != ' ' and ch != ',':
            clean += ch
    return clean == clean[::-1]
for s in ['racecar', 'A man a plan a canal Panama', 'hello', '', 'Was it a car or a cat I saw']:
    print(repr(s), is_palindrome(s))
def rle(s):
    if s == '':
        return ''
    out = ''
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out += str(count) + prev
            prev = ch
            count = 1
    return out + str(count) + prev
print(rle('aaabccddddde'), rle('x'), rle(''), rle('ééé日日'))
alphabet = 'abcdefghijklmnopqrstuvwxyz'
def caesar(s, shift):
    out = ''
    for ch in s:
        i = alphabet.find(ch)
        if i < 0:
            out += ch
        else:
            out += alphabet[(i + shift) % 26]
    return out
secret = caesar('attack at dawn!', 3)
print(secret, caesar(secret, -3))
def roman(n):
    values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1]
    names = ['M', 'CM', 'D', 'CD', 'C', 'XC', 'L', 'XL', 'X', 'IX', 'V', 'IV', 'I']
    out = ''
    for i in range(len(values)):
        while n >= values[i]:
            out += names[i]
            n -= values[i]
    return out
print(roman(1994), roman(2024), roman(3999), roman(4))
def to_base(n, base):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    if n == 0:
        return '0'
    sign = '-' if n < 0 else ''
    n = abs(n)
    out = ''
    while n > 0:
        out = digits[n % base] + out
        n //= base
    return sign + out
print(to_base(255, 2), to_base(255, 16), to_base(-255, 8), to_base(2 ** 100, 36), to_base(0, 7))
