# Looking up, testing for, removing or adding an unhashable key is a TypeError naming its type,
# whether the dict or set is empty, small or large (the key is hashed before the table is read;
# only dict.pop looks at an empty dict's size first, as CPython's does).
class Unhashable:
    __hash__ = None


keys = [[], [1, 2], {}, {1: 2}, set(), slice(1, 2), bytearray(b'x'), Unhashable()]
tables = [{}, {1: 'a'}, {i: i for i in range(100)}]
for d in tables:
    for k in keys:
        for name, op in [('getitem', lambda: d[k]), ('in', lambda: k in d), ('get', lambda: d.get(k)),
                         ('pop', lambda: d.pop(k)), ('pop default', lambda: d.pop(k, 0)),
                         ('del', lambda: d.__delitem__(k)), ('setdefault', lambda: d.setdefault(k)),
                         ('set', lambda: d.__setitem__(k, 1))]:
            try:
                op()
                print(len(d), name, 'no error')
            except TypeError as e:
                print(len(d), name, e)
            except KeyError:
                print(len(d), name, 'KeyError')
sets = [set(), {1}, set(range(100)), frozenset(), frozenset({1})]
for s in sets:
    for k in keys:
        tries = [('in', lambda: k in s)]
        if isinstance(s, set):
            tries += [('add', lambda: s.add(k)), ('remove', lambda: s.remove(k)),
                      ('discard', lambda: s.discard(k))]
        for name, op in tries:
            try:
                op()
                print(type(s).__name__, len(s), name, 'no error')
            except TypeError as e:
                print(type(s).__name__, len(s), name, e)
            except KeyError:
                print(type(s).__name__, len(s), name, 'KeyError')
# A set key in a set is looked up as the equal frozenset; a dict does no such thing.
print({1, 2} in {frozenset({1, 2})}, set() in set(), {1} in set(), set() in {frozenset()})
try:
    {frozenset(): 1}.get(set())
except TypeError as e:
    print(e)
