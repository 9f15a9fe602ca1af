# binascii: hex and base64 both ways, their errors, and crc32 with a running value.
import binascii
print(binascii.hexlify(b'\x00\xffab'), binascii.hexlify(b'abc', '-'), binascii.unhexlify('00ff6162'), binascii.unhexlify(b'AB'))
for s in [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256))]:
    e = binascii.b2a_base64(s)
    assert binascii.a2b_base64(e) == s, s
    print(e[:20], binascii.b2a_base64(s, newline=False)[-4:])
print(binascii.a2b_base64('YW J j\n'), binascii.a2b_base64(b'YQ==garbage'))
for bad in ['YQ', 'Y', 'YWJjZ']:
    try:
        binascii.a2b_base64(bad)
    except binascii.Error as e:
        print('Error', e)
for bad in ['abc', 'zz']:
    try:
        binascii.unhexlify(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(binascii.crc32(b'hello'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'') , binascii.crc32(b'a', -1))
print(issubclass(binascii.Error, ValueError))
