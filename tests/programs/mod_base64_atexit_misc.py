import base64, binascii, errno, keyword, atexit, gc
for d in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))]:
    e = base64.b64encode(d)
    print(e[:40], base64.b64decode(e) == d, base64.b32encode(d)[:24], base64.b32decode(base64.b32encode(d)) == d, base64.b16encode(d)[:16], base64.urlsafe_b64encode(d)[-8:], base64.b32hexencode(d)[:16])
print(base64.b64decode("Zm9v\nYmFy"), base64.b64decode(b"Zm9vYg=="), base64.urlsafe_b64decode("-_8="), base64.b64encode(b"\xfb\xff", b"-_"), base64.encodebytes(b"x" * 100))
for bad in ["Zm9vY", "Zm9=vYg=="]:
    try: print(base64.b64decode(bad))
    except binascii.Error as e: print("Error", e)
try: base64.b64decode("Zm9v!", validate=True)
except binascii.Error as e: print("Error", e)
print(binascii.hexlify(b"\x01\xab"), binascii.unhexlify("01ab"), binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.hexlify(b"abc", "-"), binascii.crc_hqx(b"abc", 0))
try: binascii.unhexlify("abc")
except binascii.Error as e: print("Error", e)
print(errno.ENOENT, errno.errorcode[2], errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK, len(errno.errorcode) > 100)
print(keyword.iskeyword("for"), keyword.iskeyword("print"), keyword.issoftkeyword("match"), len(keyword.kwlist))
print(gc.collect(), gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable()
def bye(who, punct="!"):
    print("bye", who + punct)
atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
@atexit.register
def last():
    print("registered last, runs first")
def boom():
    raise ValueError("in atexit")
atexit.register(boom)
atexit.unregister(boom)
print("main done")
