# Unicode strings: length and indexing are by code point, not by byte.
s = 'héllo wörld'
print(s, len(s), s[1], s[-4], s[::-1], s.upper())
e = 'naïve café'
print(e[2:5], e.find('é'), e.replace('é', 'e'), e.split(' '))
cjk = '日本語のテキスト'
print(cjk, len(cjk), cjk[0], cjk[-1], cjk[2:4], cjk[::2])
emoji = 'a😀b🎉c'
print(emoji, len(emoji), emoji[1], emoji[3], emoji[::-1], '😀' in emoji)
mixed = 'Ελληνικά Кириллица'
print(mixed.lower(), mixed.upper(), len(mixed))
print('ß'.upper(), 'ﬁ'.upper(), 'İ'.lower(), len('İ'.lower()))
print('\u00e9' == 'é', '\U0001F600' == '😀', '\x41\x42')
print(repr('é'), repr('日本'), repr('😀'), repr('\u200b'), repr('\x00\x07\x7f'), repr('\xa0'))
print('é' < 'f', 'z' < 'é', 'Ω' > 'ω', max('aé', 'a😀'))
acc = ''
for ch in 'añb':
    acc = ch + acc
print(acc)
