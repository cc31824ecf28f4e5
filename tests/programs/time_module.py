# time: clocks, struct_time, gmtime/strftime/asctime on fixed inputs, and
# CPython's argument errors (nothing here depends on the time zone).
import time


def attempt(function, *args):
    try:
        print(repr(function(*args)))
    except Exception as e:
        print(type(e).__name__, e)


print(type(time.time()).__name__, type(time.time_ns()).__name__)
for name in ["monotonic", "perf_counter", "process_time", "thread_time"]:
    first = getattr(time, name)()
    first_ns = getattr(time, name + "_ns")()
    second = getattr(time, name)()
    print(name, type(first).__name__, type(first_ns).__name__, second >= first)
    info = time.get_clock_info(name)
    print(" ", info.implementation, info.monotonic, info.adjustable)
info = time.get_clock_info("time")
print(info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
attempt(time.get_clock_info, "nope")

start = time.monotonic()
time.sleep(0.02)
print("slept long enough:", time.monotonic() - start >= 0.02)
time.sleep(0)
attempt(time.sleep, -1)
attempt(time.sleep, -0.5)
attempt(time.sleep, "x")
attempt(time.sleep, None)
attempt(time.sleep, float("nan"))
attempt(time.sleep, float("inf"))
attempt(time.sleep, 2 ** 63)

epoch = time.gmtime(0)
print(epoch)
print(len(epoch), epoch[0], epoch[-1], epoch.tm_zone, epoch.tm_gmtoff, epoch.tm_yday)
print(time.gmtime(1234567890.9))
print(time.gmtime(-1.5))
print(time.gmtime(True))
attempt(time.gmtime, float("nan"))
attempt(time.gmtime, 1e20)
attempt(time.gmtime, 2 ** 70)
attempt(time.gmtime, "1")

moment = (2024, 2, 29, 13, 5, 9, 3, 60, 0)
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %b %%", moment))
print(time.strftime("%Y-%m-%d", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
print(repr(time.strftime("", moment)))
print(time.asctime(moment))
print(time.asctime((1999, 12, 31, 23, 59, 59, 4, 365, 0)))
print(time.asctime(time.gmtime(0)))
attempt(time.strftime, "%Y", (1, 2))
attempt(time.strftime, "%Y", 5)
attempt(time.strftime, "%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, "%Y", (2000, 1, 32, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, "%Y", (2000, 1, 1, 24, 0, 0, 0, 1, 0))
attempt(time.strftime, "%Y", (2000, 1, 1, 0, 60, 0, 0, 1, 0))
attempt(time.strftime, "%Y", (2000, 1, 1, 0, 0, 62, 0, 1, 0))
attempt(time.strftime, "%Y", (2000, 1, 1, 0, 0, 0, -2, 1, 0))
attempt(time.strftime, "%Y", (2000, 1, 1, 0, 0, 0, 0, 367, 0))
attempt(time.strftime, 5)
attempt(time.asctime, (2000, 1, 1))

st = time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9))
print(st, st.tm_zone, st.tm_gmtoff)
st = time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, "ZZ", 3600))
print(st.tm_zone, st.tm_gmtoff, len(st), tuple(st))
print(st.__reduce__())
attempt(time.struct_time, (1, 2, 3))
attempt(time.struct_time, (1,) * 12)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(type(st).__name__, type(st).__module__, isinstance(st, tuple))

now = int(time.time())
print("localtime/mktime round trip:", time.mktime(time.localtime(now)) == now)
print("ctime is asctime of localtime:", time.ctime(now) == time.asctime(time.localtime(now)))
attempt(time.mktime, (2 ** 40, 1, 1, 0, 0, 0, 0, 0, 0))
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), len(time.tzname))
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.clock_gettime(time.CLOCK_MONOTONIC) > 0)
print(type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__, time.clock_getres(time.CLOCK_MONOTONIC) > 0)
import _thread
print(time.pthread_getcpuclockid(_thread.get_ident()) < 0)
for setter in (time.clock_settime, time.clock_settime_ns):
    try:
        setter(time.CLOCK_MONOTONIC, 0)
    except OSError as e:
        print(setter.__name__, type(e).__name__, e.args)
attempt(time.clock_settime, time.CLOCK_MONOTONIC, "x")
