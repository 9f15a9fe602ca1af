# The parts of `json` written in Python (run into the module's namespace when it is made).
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)

JSONDecodeError.__module__ = 'json'

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b',
            '\f': '\\f'}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        e = _ESCAPES.get(ch)
        if e is not None:
            out.append(e)
            continue
        n = ord(ch)
        if n < 0x20 or (ensure_ascii and n > 0x7e):
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _float(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, check_circular, allow_nan, indent,
                 separators, default, sort_keys):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.markers = {} if check_circular else None
        self.allow_nan = allow_nan
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is None:
            separators = (', ', ': ') if indent is None else (',', ': ')
        self.item_sep, self.key_sep = separators
        self.default = default
        self.sort_keys = sort_keys

    def encode(self, o):
        out = []
        self.emit(o, out, 0)
        return ''.join(out)

    def enter(self, o):
        if self.markers is not None:
            if id(o) in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[id(o)] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, int):
            return int.__repr__(k)
        if isinstance(k, float):
            return _float(k, self.allow_nan)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not ' + type(k).__name__)

    def begin(self, o, out, bracket, level):
        # Open a container: the separator between its items and their nesting level.
        self.enter(o)
        out.append(bracket)
        sep = self.item_sep
        if self.indent is not None:
            level += 1
            newline = '\n' + self.indent * level
            sep += newline
            out.append(newline)
        return sep, level

    def end(self, o, out, bracket, level):
        if self.indent is not None:
            out.append('\n' + self.indent * (level - 1))
        out.append(bracket)
        self.leave(o)

    def emit(self, o, out, level):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            if not o:
                out.append('[]')
                return
            sep, inner = self.begin(o, out, '[', level)
            first = True
            for item in o:
                if not first:
                    out.append(sep)
                first = False
                self.emit(item, out, inner)
            self.end(o, out, ']', inner)
        elif isinstance(o, dict):
            if not o:
                out.append('{}')
                return
            sep, inner = self.begin(o, out, '{', level)
            items = sorted(o.items()) if self.sort_keys else o.items()
            first = True
            for k, v in items:
                k = self.key(k)
                if k is None:
                    continue
                if not first:
                    out.append(sep)
                first = False
                out.append(_quote(k, self.ensure_ascii))
                out.append(self.key_sep)
                self.emit(v, out, inner)
            self.end(o, out, '}', inner)
        else:
            if self.default is None:
                raise TypeError('Object of type %s is not JSON serializable' % type(o).__name__)
            self.enter(o)
            self.emit(self.default(o), out, level)
            self.leave(o)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    return _Encoder(skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators,
                    default, sort_keys).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


_WS = ' \t\n\r'
_SIMPLE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
           't': '\t'}
_NUMBER_START = '-0123456789'
_DIGITS = '0123456789'


class _Decoder:
    def __init__(self, doc, object_hook, object_pairs_hook, parse_float, parse_int,
                 parse_constant, strict):
        self.doc = doc
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or float
        self.strict = strict

    def skip(self, i):
        doc = self.doc
        n = len(doc)
        while i < n and doc[i] in _WS:
            i += 1
        return i

    def fail(self, msg, i):
        raise JSONDecodeError(msg, self.doc, i)

    def value(self, i):
        doc = self.doc
        if i >= len(doc):
            self.fail('Expecting value', i)
        c = doc[i]
        if c == '"':
            return self.string(i + 1)
        if c == '{':
            return self.object(i + 1)
        if c == '[':
            return self.array(i + 1)
        if c in _NUMBER_START:
            return self.number(i)
        for word, v in (('null', None), ('true', True), ('false', False)):
            if doc.startswith(word, i):
                return v, i + len(word)
        for word in ('NaN', 'Infinity', '-Infinity'):
            if doc.startswith(word, i):
                return self.parse_constant(word), i + len(word)
        self.fail('Expecting value', i)

    def number(self, i):
        doc = self.doc
        n = len(doc)
        start = i
        if doc[i] == '-':
            i += 1
            if doc.startswith('Infinity', i):
                return self.parse_constant('-Infinity'), i + 8
        if i >= n or doc[i] not in _DIGITS:
            self.fail('Expecting value', start)
        if doc[i] == '0':
            i += 1
        else:
            while i < n and doc[i] in _DIGITS:
                i += 1
        is_float = False
        if i + 1 < n and doc[i] == '.' and doc[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and doc[i] in _DIGITS:
                i += 1
        if i < n and doc[i] in 'eE':
            j = i + 1
            if j < n and doc[j] in '+-':
                j += 1
            if j < n and doc[j] in _DIGITS:
                is_float = True
                i = j
                while i < n and doc[i] in _DIGITS:
                    i += 1
        text = doc[start:i]
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    def string(self, i):
        doc = self.doc
        n = len(doc)
        start = i - 1
        parts = []
        while True:
            j = i
            while j < n and doc[j] != '"' and doc[j] != '\\' and (doc[j] >= ' ' or not self.strict):
                j += 1
            parts.append(doc[i:j])
            if j >= n:
                self.fail('Unterminated string starting at', start)
            c = doc[j]
            if c == '"':
                return ''.join(parts), j + 1
            if c != '\\':
                self.fail('Invalid control character at', j)
            if j + 1 >= n:
                self.fail('Unterminated string starting at', start)
            e = doc[j + 1]
            if e != 'u':
                ch = _SIMPLE.get(e)
                if ch is None:
                    self.fail('Invalid \\escape', j)
                parts.append(ch)
                i = j + 2
                continue
            code = self.hex4(j)
            i = j + 6
            if 0xd800 <= code <= 0xdbff and doc.startswith('\\u', i):
                low = self.hex4(i)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                    i += 6
            parts.append(chr(code) if not 0xd800 <= code <= 0xdfff else '\ufffd')

    def hex4(self, j):
        digits = self.doc[j + 2:j + 6]
        if len(digits) == 4 and all(c in '0123456789abcdefABCDEF' for c in digits):
            return int(digits, 16)
        self.fail('Invalid \\uXXXX escape', j + 1)

    def object(self, i):
        doc = self.doc
        pairs = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == '}':
            return self.finish_object(pairs), i + 1
        while True:
            if i >= len(doc) or doc[i] != '"':
                self.fail('Expecting property name enclosed in double quotes', i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(doc) or doc[i] != ':':
                self.fail("Expecting ':' delimiter", i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.skip(i)
            if i < len(doc) and doc[i] == '}':
                return self.finish_object(pairs), i + 1
            if i >= len(doc) or doc[i] != ',':
                self.fail("Expecting ',' delimiter", i)
            i = self.skip(i + 1)

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        doc = self.doc
        items = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == ']':
            return items, i + 1
        while True:
            value, i = self.value(i)
            items.append(value)
            i = self.skip(i)
            if i < len(doc) and doc[i] == ']':
                return items, i + 1
            if i >= len(doc) or doc[i] != ',':
                self.fail("Expecting ',' delimiter", i)
            i = self.skip(i + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, strict=True, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = bytes(s).decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, not '
                        + type(s).__name__)
    d = _Decoder(s, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant,
                 strict)
    value, end = d.value(d.skip(0))
    end = d.skip(end)
    if end != len(s):
        d.fail('Extra data', end)
    return value


def load(fp, **kw):
    return loads(fp.read(), **kw)
