import struct
for f,v in [('b',200),('B',-1),('h',70000),('H',-1),('i',2**31),('I',-1),('I',2**32),('l',2**63),('q',2**63),('Q',-1),('<i',2**31),('<I',2**32),('<I',-1),('<q',2**64),('>h',40000),('<Q',-1),('<b',128),('<B',256),('<l',2**31), ('i', 1.5), ('i', '1'), ('c', 'a'), ('c', b'ab'), ('s', 'x'), ('p', 1), ('f', 'x'), ('<f', 1e300), ('e', 1e10), ('e', 65520.0)]:
    try: print(f, struct.pack(f, v))
    except Exception as e: print(f, type(e).__name__, e)
for f,a in [('ii',(1,)), ('i', (1,2))]:
    try: struct.pack(f, *a)
    except Exception as e: print(f, type(e).__name__, e)
try: struct.unpack('i', b'abc')
except Exception as e: print(type(e).__name__, e)
try: struct.calcsize('z')
except Exception as e: print(type(e).__name__, e)
try: struct.unpack_from('i', b'abcd', 2)
except Exception as e: print(type(e).__name__, e)
try: struct.iter_unpack('i', b'abcde')
except Exception as e: print(type(e).__name__, e)
try: struct.pack('<n', 1)
except Exception as e: print(type(e).__name__, e)
print(struct.calcsize('@bhiq'), struct.calcsize('=bhiq'), struct.calcsize('@ci'), struct.calcsize('@ic'), struct.calcsize('P'), struct.calcsize('3s2x?'), struct.calcsize('0i'), struct.calcsize(b'<10s'))
print(struct.pack('>hHiIqQ', -2, 3, -4, 5, -6, 7), struct.pack('<dfe', 1.5, -2.25, 0.1), struct.pack('5s3p', b'ab', b'xyzw'), struct.pack('?c', 3, b'z'))
print(struct.unpack('>hHiIqQ', struct.pack('>hHiIqQ', -2, 3, -4, 5, -6, 7)), struct.unpack('<dfe', struct.pack('<dfe', 1.5, -2.25, 0.1)))
s = struct.Struct('<2i')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00\x00\x00'), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')), list(s.iter_unpack(bytes(16))))
buf = bytearray(8); struct.pack_into('<i', buf, 2, 7); print(buf, struct.unpack_from('<i', buf, offset=2), struct.unpack_from('<h', buf, -2))
print(struct.pack('i', True), struct.pack('>I', 2**32-1), struct.pack('!l', -1), struct.unpack('4s', b'abcd'), struct.unpack('>e', b'\x3c\x00'), struct.unpack('3p', b'\x05ab'))
class I:
    def __index__(self): return 5
print(struct.pack('b', I()), struct.pack('d', 3), struct.unpack('<Q', b'\xff' * 8), struct.unpack('<q', b'\xff' * 8), struct.unpack('@?x?', b'\x00\x00\x02'))
print(struct.error.__mro__, struct.pack('@bi', 1, 2), struct.pack('>e', float('inf')), struct.pack('>e', -0.0), struct.unpack('>e', b'\x7e\x00')[0] != struct.unpack('>e', b'\x7e\x00')[0])
print([struct.unpack('<e', struct.pack('<e', x))[0] for x in (1/3, 2.0**-24, 2.0**-25, 3 * 2.0**-25, 65504.0, 0.1, 1e-5, 1234.5)])
print(struct.pack('<f', float('nan'))[-1] & 0x7f, struct.unpack('<f', struct.pack('<f', 0.1))[0], struct.pack('>q', -2**63), struct.pack('<2h3x', 1, 2))
try:
    struct.pack_into('<i', bytearray(2), 0, 1)
except struct.error as e:
    print(e)
try:
    struct.pack_into('<i', b'abcd', 0, 1)
except TypeError as e:
    print(e)
