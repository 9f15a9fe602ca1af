# string: constants and capwords
import string
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable), len(string.printable))
print(string.capwords('hello world'), string.capwords('  hello   WORLD  '), string.capwords('a-b c-d', '-'))
print(string.capwords(''), string.capwords('éclair über'), string.capwords('x,y', sep=','), string.capwords('ab\tcd\nef'))
print(all(c in string.printable for c in string.ascii_letters + string.digits), 'a' in string.hexdigits)
try:
    string.capwords(5)
except AttributeError as e:
    print('AttributeError', e)
