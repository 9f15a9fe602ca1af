# types.FunctionType(code, globals, name, argdefs, closure): a new function over another's code
# object, with its own globals, name, defaults and closure cells, and the argument errors.
import types
def f(x, y=2):
    "doc"
    return a + x + y
g = types.FunctionType(f.__code__, {"a": 10})
print(g(1, 2), g.__name__, g.__doc__, g.__defaults__)
h = types.FunctionType(f.__code__, {"a": 1}, "renamed", (5,))
print(h(1), h.__name__, h.__defaults__)
def outer():
    z = 3
    def inner():
        return z
    return inner
i = outer()
j = types.FunctionType(i.__code__, {}, None, None, i.__closure__)
print(j())
for args in [(1, {}), (f.__code__, 1), (f.__code__, {}, 5), (f.__code__, {}, None, [1]), (i.__code__, {}), (f.__code__, {}, None, None, (1,)), (i.__code__, {}, None, None, (1,))]:
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
