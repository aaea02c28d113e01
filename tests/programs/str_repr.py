# repr() of strings: quote choice and escapes, as containers print their items.
print(repr('plain'), repr("it's"), repr('say "hi"'), repr('both \' and "'))
print(repr('line\nbreak'), repr('tab\there'), repr('cr\rlf'), repr('back\\slash'))
print(repr(''), repr(' '), repr('\x00'), repr('\x1b[0m'), repr('\x7f'), repr('\x80'), repr('\xff'))
print(['a', "b'c", 'd"e'], ('x',), {'k': 'v'}, [''])
print(str('no quotes'), repr(repr('a')), repr(str(1)))
s = 'q\'uo"te'
print(s, repr(s), len(s))
