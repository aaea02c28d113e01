# str: concatenation, repetition, len, in, indexing, comparison, immutability-by-value.
s = 'hello'
t = "world"
print(s + ' ' + t, s * 3, 3 * 'ab', 'x' * 0, 'x' * -2, '' * 5)
print(len(s), len(''), len(s + t), len('a' * 1000))
print(s[0], s[4], s[-1], s[-5], t[2])
print('ell' in s, 'elo' in s, '' in s, '' in '', 'h' not in s, 'hello' in s, 'hello!' in s)
print(s == 'hello', s != 'hello', s == 'Hello', 'a' + 'b' == 'ab')
print('abc' < 'abd', 'abc' < 'ab', 'B' < 'a', 'apple' > 'Apple', max('abc', 'abd', 'ab'), min('zeta', 'alpha', 'beta'))
u = s
u = u + '!'
print(s, u)
acc = ''
i = 0
while i < 5:
    acc = acc + str(i)
    i = i + 1
print(acc, len(acc))
print('a' 'b' 'c', 'multi\nline', 'tab\tsep', 'back\\slash', 'q"uote', "it's")
print("""triple
quoted""", '''also
triple''')
print(r'raw\n\t', len(r'\n'), len('\n'))
print(str('x'), str(12), str(-1.5), str(None), str(True), str([1, 'a']))
for ch in 'abc':
    print(ch, end='|')
print()
