# atexit: functions run as the program ends, the last registered first, with the arguments
# given; unregister removes every registration of a function; one that raises is reported
# on stderr and the others still run.
import atexit

state = []

@atexit.register
def first():
    print('first registered, runs last', state)

def with_args(a, b=0, *, c=None):
    print('with args', a, b, c)

def removed():
    print('never printed')

def failing():
    print('failing runs')
    raise ValueError('reported on stderr only')

atexit.register(removed)
print(atexit.register(with_args, 1, b=2, c=3) is with_args)
atexit.register(removed)
atexit.register(failing)
atexit.register(print, 'print itself', 'as a callback')
atexit.unregister(removed)
try:
    atexit.register(42)
except TypeError:
    print('TypeError')
state.append('set before exit')
print('end of program')
