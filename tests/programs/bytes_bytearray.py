# bytearray: a mutable byte buffer; item and slice assignment, deletion,
# in-place methods, and conversions with bytes and ints.

buf = bytearray(b"hello world")
buf[0] = ord("H")
buf[6:11] = b"WORLD"
print(buf, len(buf), buf[0], buf[-1], bytes(buf))
buf.extend(b"!!")
buf.append(63)
buf.insert(0, 62)
print(buf, buf.pop(), buf.pop(0), buf)
buf.remove(ord("!"))
print(buf)
del buf[5]
del buf[-3:]
print(buf)
buf[::2] = b"XXXXX"
print(buf)
buf[1:3] = b""
print(buf, buf.count(b"X"), buf.find(b"o"))
buf.reverse()
print(buf, buf.upper(), type(buf.upper()).__name__, buf.decode())
copy = buf.copy()
copy.clear()
print(copy, buf, copy == bytearray(), bytearray(3), bytearray([1, 2, 3]), bytearray("é", "utf-8"))
acc = bytearray()
for i in range(5):
    acc += bytes([65 + i])
print(acc, acc * 2, acc + b"z", b"z" + acc, acc == b"ABCDE", acc[1:3], acc[::-1])


def checksum(data):
    total = 0
    for b in data:
        total = (total * 31 + b) & 0xFFFF
    return total


packet = bytearray()
for word in [0x1234, 0xBEEF, 7]:
    packet += word.to_bytes(2, "big")
packet += (-2).to_bytes(2, "little", signed=True)
print(packet.hex(), checksum(packet), [int.from_bytes(packet[i:i + 2], "big") for i in range(0, 6, 2)])
print(int.from_bytes(packet[6:], "little", signed=True), int.from_bytes(b"\x00\x10", byteorder="little"))
print((2**64 - 1).to_bytes(8, "big"), int.from_bytes(b"\xff" * 8, "big"), (0).to_bytes(3, "big"))

for bad in [
    lambda: bytearray(b"a").__setitem__(0, 256),
    lambda: bytearray(b"a").__setitem__(0, "x"),
    lambda: bytearray().pop(),
    lambda: bytearray(b"ab").remove(99),
    lambda: hash(bytearray(b"x")),
    lambda: (300).to_bytes(1, "big"),
    lambda: (-1).to_bytes(1, "big"),
    lambda: bytearray(b"abc").__setitem__(slice(None, None, 2), b"x"),
]:
    try:
        bad()
    except (ValueError, TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
