# json: dumps/dump with CPython's format and options (indent, separators, sort_keys, ensure_ascii,
# default, skipkeys, allow_nan, circular references), loads/load with hooks and CPython's error
# messages and positions; heapq: the heap functions, nsmallest/nlargest and merge.
import json, heapq, io
data = {"a": [1, 2.5, None, True, False], "b": {"c": "d\u00e9\n\t\"\\", "e": []}, "f": {}, 3: "int key", 1.5: "f", None: "n", False: "b", "emoji": "\U0001F600"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=False))
print(json.dumps([1, [2, [3, {}]], {"x": []}], indent="\t"))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, separators=(",", ":")))
print(json.dumps("é", ensure_ascii=False), json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]))
print(json.dumps((1, 2)), json.dumps(10**30), json.dumps(1e100), json.dumps(0.1), json.dumps(-0.0))
for bad in [{(1, 2): 3}, object(), float("nan")]:
    try:
        json.dumps(bad, allow_nan=False)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e)[:60])
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
print(json.dumps({1, 2} if False else [1], default=str), json.dumps({"s": {1}}, default=sorted))
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
s = io.StringIO(); json.dump({"x": 1}, s); print(s.getvalue())
for text in ['{"a": [1, 2, {"b": null}], "c": true, "d": false, "e": "x\\ny\\u00e9\\ud83d\\ude00"}', ' [1, -2, 3.5, -4e2, 1E3, 0, -0, 1.0] ', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', 'NaN', '[Infinity, -Infinity]', '123456789012345678901234567890', '{}', '[]', b'{"bytes": 1}', bytearray(b'[2]')]:
    print(repr(json.loads(text)))
for text in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '[1 2]', '{a: 1}', '"abc', '"a\\qb"', '[1] x', 'tru', '"\x01"', '-', '01', '{"a":1']:
    try:
        json.loads(text)
        print('no error', repr(text))
    except ValueError as e:
        print(type(e).__name__, e, isinstance(e, json.JSONDecodeError) and (e.pos, e.lineno, e.colno))
print(json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda x: int(x) * 10))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[{"a": 1, "b": 2}]', object_pairs_hook=list))
print(json.load(io.StringIO('[1, "two"]')))
try: json.loads(5)
except TypeError as e: print(e)
h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
h = [9, 4, 7, 1, 8, 2]; heapq.heapify(h); print(h[0], heapq.heapreplace(h, 6), heapq.heappushpop(h, 0), sorted(h))
print(heapq.nsmallest(3, [5, 1, 4, 2]), heapq.nlargest(2, "hello"), heapq.nsmallest(2, [3, 1, 2], key=lambda v: -v))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge([7, 4], [5, 1], reverse=True)), list(heapq.merge(['aa', 'b'], ['c'], key=len)))
try: heapq.heappop([])
except IndexError as e: print('IndexError', e)
try: heapq.heappush((), 1)
except TypeError as e: print('TypeError', e)
