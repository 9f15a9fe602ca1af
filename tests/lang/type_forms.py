# Type expressions: PEP 604 unions and PEP 585 generic aliases.
import types

u = int | None
print(u, type(u).__name__, u.__args__, type(u) is types.UnionType)
print(int | str | int, (int | str) | (bytes | int), int | int)
print(isinstance(3, int | str), isinstance('x', int | str), isinstance(None, int | None),
      isinstance(2.5, int | str))
print(issubclass(bool, int | str), issubclass(float, int | str))
print((int | str) == (str | int), hash(int | str) == hash(str | int))
try:
    int | 3
except TypeError as e:
    print('TypeError', e)

class Point:
    pass

print(Point | None, list[int] | None)

a = list[int]
print(a, type(a).__name__, a.__origin__, a.__args__, type(a) is types.GenericAlias)
print(dict[str, list[int]], tuple[int, ...], type[int], set[str], frozenset[bytes])
print(list[int]('ab'), dict[str, int](x=1), a == list[int], a == list[str])
try:
    isinstance([], list[int])
except TypeError as e:
    print('TypeError', e)
try:
    isinstance([], list[int] | None)
except TypeError as e:
    print('TypeError', e)
try:
    int[str]
except TypeError as e:
    print('TypeError', e)

def annotated(x: list[int] | None = None) -> dict[str, int]:
    return {'n': len(x or [])}

print(annotated([1, 2]), annotated.__annotations__['x'], annotated.__annotations__['return'])
