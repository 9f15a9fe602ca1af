# time: clocks, sleeping, MicroPython ticks, calendar conversions in UTC
import time

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t0 = time.time()
print(type(t0).__name__, t0 > 1.6e9, type(time.time_ns()).__name__, abs(time.time_ns() / 1e9 - t0) < 5)
m0 = time.monotonic()
p0 = time.perf_counter()
n0 = time.monotonic_ns()
pn = time.perf_counter_ns()
time.sleep(0.05)
m1 = time.monotonic()
print(0.04 <= m1 - m0 < 2, time.perf_counter() - p0 >= 0.04, time.monotonic_ns() - n0 >= 40_000_000, time.perf_counter_ns() > pn)
time.sleep(0)
time.sleep(True)
print(time.gmtime(0))
print(time.gmtime(86400 * 365.25 * 30))
print(time.gmtime(-1), time.gmtime(951782400), time.gmtime(1700000000.9))
g = time.gmtime(1234567890)
print(tuple(g), g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(g[0], g[-1], g[:3], len(g), list(g) == list(tuple(g)), isinstance(g, tuple), type(g).__name__, g.tm_zone)
print(time.mktime(time.localtime(1234567890)) == 1234567890, type(time.mktime(g)).__name__)
print(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 2, 0)))
print(time.asctime(time.gmtime(0)), time.asctime(g), time.ctime(0), time.ctime(1234567890))
print(time.strftime('%Y-%m-%d %H:%M:%S', g), time.strftime('%a %A %b %B %j %p %I %y %%', g))
print(time.strftime('%a, %d %b %Y %H:%M:%S', time.gmtime(0)), time.strftime('%w %U %W', g))
print(time.strftime('%H:%M', (2020, 5, 17, 13, 7, 0, 6, 138, 0)), time.strftime('%x %X', g), time.strftime('%c', g))
print(type(time.localtime()).__name__, len(time.localtime()), time.localtime(0)[:6])
for y in [1970, 1999, 2000, 2024, 2100, 1900, 1969]:
    for mo in [1, 2, 3, 12]:
        tt = (y, mo, 28, 12, 30, 15, 0, 0, 0)
        secs = time.mktime(tt)
        back = time.gmtime(secs)
        print(y, mo, int(secs), back[:6] == tt[:6], back.tm_wday, back.tm_yday)
for f, args in [(time.sleep, (-1,)), (time.sleep, ('a',)), (time.sleep, ()), (time.gmtime, ('x',)),
                (time.mktime, ((1, 2),)), (time.mktime, (5,)), (time.struct_time, ((1, 2),)), (time.strftime, (5,)),
                (time.asctime, ((2000, 13, 1, 0, 0, 0, 0, 1, 0),)), (time.time, (1,))]:
    t(lambda: f(*args))
