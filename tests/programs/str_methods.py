# The str methods in scope: split join strip lstrip rstrip replace find startswith endswith upper lower.
print('a b  c'.split(), '  leading and trailing  '.split(), ''.split(), '   '.split())
print('a,b,,c'.split(','), ''.split(','), ','.split(','), 'abc'.split('b'), 'a--b--c'.split('--'))
print('a,b,c,d'.split(',', 1), 'a b c d'.split(None, 2), 'a\tb\nc'.split())
print('-'.join(['a', 'b', 'c']), ''.join(['x', 'y']), ', '.join([]), '+'.join(['solo']), ' '.join(('t', 'u')))
print(repr('  hi  '.strip()), repr('  hi  '.lstrip()), repr('  hi  '.rstrip()), repr('\t\n hi \n'.strip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'abcba'.lstrip('ab'), 'abcba'.rstrip('ab'), repr('aaa'.strip('a')))
print('hello world'.replace('o', '0'), 'aaaa'.replace('a', 'bb'), 'aaaa'.replace('aa', 'b'), 'abc'.replace('', '-'))
print('one one one'.replace('one', 'two', 2), 'abc'.replace('x', 'y'), 'abc'.replace('b', ''))
print('hello'.find('l'), 'hello'.find('lo'), 'hello'.find('z'), 'hello'.find(''), 'hello'.find('l', 3), 'hello'.find('h', 1))
print('hello'.startswith('he'), 'hello'.startswith('lo'), 'hello'.startswith(''), 'hello'.endswith('llo'), 'hello'.endswith('hel'))
print('hello'.startswith(('x', 'h')), 'hello'.endswith(('x', 'y')))
print('MiXeD 123'.upper(), 'MiXeD 123'.lower(), ''.upper(), 'ÄÖÜ'.lower(), 'straße'.upper())
words = 'the quick brown fox jumps over the lazy dog'.split()
print(len(words), words[-1].upper(), '_'.join(words[:3]))
line = '  key = value  '
parts = line.split('=')
print(repr(parts[0].strip()), repr(parts[1].strip()))
csv = 'name,age\nalice,30\nbob,25'
for row in csv.split('\n'):
    cols = row.split(',')
    print(cols[0].upper(), cols[1])
