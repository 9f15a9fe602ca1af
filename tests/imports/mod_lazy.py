# A module with PEP 562 hooks, for module_dir.py.
visible = 1
_hidden = 2


def __getattr__(name):
    if name == "computed":
        return 42
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def __dir__():
    return ["visible", "computed"]
