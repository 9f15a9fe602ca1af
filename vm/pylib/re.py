# The parts of `re` written in Python (run into the module's namespace when it is made).
import sys

ASCII = A = 256
IGNORECASE = I = 2
LOCALE = L = 4
UNICODE = U = 32
MULTILINE = M = 8
DOTALL = S = 16
VERBOSE = X = 64
DEBUG = 128
NOFLAG = 0

_FLAG_NAMES = ((IGNORECASE, "re.IGNORECASE"), (LOCALE, "re.LOCALE"), (MULTILINE, "re.MULTILINE"),
               (DOTALL, "re.DOTALL"), (UNICODE, "re.UNICODE"), (VERBOSE, "re.VERBOSE"),
               (DEBUG, "re.DEBUG"), (ASCII, "re.ASCII"))


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s at position %d (line %d, column %d)" % (msg, pos, self.lineno, self.colno)
            else:
                msg = "%s at position %d" % (msg, pos)
        super().__init__(msg)


PatternError = error


def _piece(string, start, end):
    # Matched text is str or bytes: a bytearray or memoryview subject gives bytes, as in CPython.
    s = string[start:end]
    return s if isinstance(s, (str, bytes)) else bytes(s)


def _check_subject(pattern, string):
    if isinstance(pattern.pattern, str):
        if not isinstance(string, str):
            raise TypeError("cannot use a string pattern on a bytes-like object")
    elif isinstance(string, str):
        raise TypeError("cannot use a bytes pattern on a string-like object")
    elif not isinstance(string, (bytes, bytearray, memoryview)):
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


class Match:
    __slots__ = ("re", "string", "pos", "endpos", "_spans")

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return _piece(self.string, s, self._spans[2 * i + 1])

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if e >= 0 and e >= best_end:
                if best is None or e > best_end or self._spans[2 * i] < self._spans[2 * best]:
                    best, best_end = i, e
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        for name, j in self.re.groupindex.items():
            if j == i:
                return name
        return None

    def expand(self, template):
        return _expand(self.re, template)(self)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class Pattern:
    __slots__ = ("pattern", "flags", "groups", "groupindex", "__weakref__")

    def __init__(self, pattern, flags):
        groups, names, flags = _parse(pattern, flags)
        if groups is None:
            if names == _TOO_DEEP:
                raise RecursionError(names)
            raise error(names, pattern, flags)
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self.groupindex = dict(names)

    def _scan(self, string, pos, endpos, mode, limit=0):
        _check_subject(self, string)
        n = len(string)
        if pos < 0:
            pos = 0
        if endpos > n:
            endpos = n
        if pos > endpos:
            return [] if mode == 3 else None
        return _scan(self.pattern, self.flags, string, pos, endpos, mode, limit)

    def _one(self, string, pos, endpos, mode):
        spans = self._scan(string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, max(0, pos), min(endpos, len(string)), spans)

    def match(self, string, pos=0, endpos=sys.maxsize):
        return self._one(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=sys.maxsize):
        return self._one(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        return self._one(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        p, e = max(0, pos), min(endpos, len(string))
        for spans in self._scan(string, pos, endpos, 3):
            yield Match(self, string, p, e, spans)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        out = []
        for spans in self._scan(string, pos, endpos, 3):
            if self.groups == 0:
                out.append(_piece(string, spans[0], spans[1]))
            else:
                items = []
                for i in range(1, self.groups + 1):
                    s = spans[2 * i]
                    items.append(_piece(string, s, spans[2 * i + 1]) if s >= 0 else _piece(string, 0, 0))
                out.append(items[0] if self.groups == 1 else tuple(items))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        for spans in self._scan(string, 0, sys.maxsize, 3, maxsplit if maxsplit > 0 else 0):
            out.append(_piece(string, last, spans[0]))
            for i in range(1, self.groups + 1):
                s = spans[2 * i]
                out.append(_piece(string, s, spans[2 * i + 1]) if s >= 0 else None)
            last = spans[1]
        out.append(_piece(string, last, None))
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            fill = repl
        else:
            _check_subject(self, repl)
            fill = _expand(self, repl)
        pieces = []
        last = 0
        n = 0
        for spans in self._scan(string, 0, sys.maxsize, 3, count if count > 0 else 0):
            pieces.append(_piece(string, last, spans[0]))
            r = fill(Match(self, string, 0, len(string), spans))
            if r is not None:
                pieces.append(r)
            last = spans[1]
            n += 1
        pieces.append(_piece(string, last, None))
        empty = "" if isinstance(string, str) else b""
        return empty.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        names = [name for bit, name in _FLAG_NAMES if self.flags & bit and not
                 (bit == UNICODE and isinstance(self.pattern, str))]
        if names:
            return "re.compile(%r, %s)" % (self.pattern, "|".join(names))
        return "re.compile(%r)" % (self.pattern,)

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _expand(pattern, template):
    # A replacement template as a list of literal pieces and group numbers.
    text = isinstance(template, str)
    empty = "" if text else b""
    parts = []
    lit = []
    i = 0
    n = len(template)
    simple = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}
    t = template if text else template.decode("latin-1")
    while i < n:
        c = t[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", template, i - 1)
        c = t[i]
        if c == "g":
            j = t.find(">", i)
            if i + 1 >= n or t[i + 1] != "<":
                raise error("missing <", template, i + 1)
            if j < 0:
                raise error("missing >, unterminated name", template, i + 2)
            name = t[i + 2:j]
            if name.isdigit():
                g = int(name)
                if g > pattern.groups:
                    raise error("invalid group reference %d" % g, template, i + 2)
            elif name in pattern.groupindex:
                g = pattern.groupindex[name]
            elif not name:
                raise error("missing group name", template, i + 2)
            elif name.isidentifier():
                raise IndexError("unknown group name '%s'" % name)
            else:
                raise error("bad character in group name '%s'" % name, template, i + 2)
            parts.append("".join(lit))
            lit = []
            parts.append(g)
            i = j + 1
        elif c.isdigit():
            octal = t[i:i + 3]
            if c == "0" or (len(octal) == 3 and all(d in "01234567" for d in octal)):
                k = i
                while k < n and k < i + 3 and t[k] in "01234567":
                    k += 1
                lit.append(chr(int(t[i:k], 8)))
                i = k
                continue
            k = i + 1
            if k < n and t[k].isdigit():
                k += 1
            g = int(t[i:k])
            if g > pattern.groups:
                raise error("invalid group reference %d" % g, template, i)
            parts.append("".join(lit))
            lit = []
            parts.append(g)
            i = k
        elif c in simple:
            lit.append(simple[c])
            i += 1
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, template, i - 1)
        else:
            lit.append("\\" + c)
            i += 1
    parts.append("".join(lit))
    if not text:
        parts = [p.encode("latin-1") if isinstance(p, str) else p for p in parts]

    def fill(m):
        out = []
        for p in parts:
            if isinstance(p, int):
                v = m._get(p)
                if v is not None:
                    out.append(v)
            else:
                out.append(p)
        return empty.join(out)
    return fill


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        if len(_cache) >= 100:
            _cache.clear()
        p = _cache[key] = Pattern(pattern, flags)
    return p


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    return bytes(escape(pattern.decode("latin-1")), "latin-1")
