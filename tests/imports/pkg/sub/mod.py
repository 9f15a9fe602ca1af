from . import SUB
def twice():
    return SUB * 2
