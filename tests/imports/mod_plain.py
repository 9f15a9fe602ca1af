"""A plain module."""
counter = 0
def bump():
    global counter
    counter += 1
    return counter
_private = 1
__all__ = ['bump', 'counter']
