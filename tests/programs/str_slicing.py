# String slicing with positive and negative indices and steps, including out-of-range bounds.
s = 'abcdefghij'
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::3], s[2:9:3], s[::100])
print(s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-4:-1], s[5::-1], s[:5:-1])
print(repr(s[5:2]), repr(s[2:5:-1]), repr(s[100:]), repr(s[-100:2]), s[-100:100])
print(s[3:100:2], s[-100::3], s[100:-100:-1], s[0:0], len(s[::-1]))
print('x'[::-1], ''[::-1], 'ab'[::-1], s[1:-1][::-1])
n = len(s)
i = 0
out = ''
while i < n:
    out = out + s[i:i + 3] + '/'
    i = i + 3
print(out)
print(s[None:4], s[4:None], s[::None], s[None:None:-1])
