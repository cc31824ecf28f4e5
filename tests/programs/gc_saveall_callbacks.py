# DEBUG_SAVEALL keeps garbage in gc.garbage; gc.callbacks see each collection.
import gc

gc.disable()
gc.collect()
print(gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][0] is gc.garbage[0])
gc.garbage[0].clear()
del gc.garbage[:]
gc.set_debug(0)
l = []
l.append(l)
del l
print(gc.collect(), gc.garbage)

events = []


def callback(phase, info):
    events.append((phase, sorted(info.items())))


gc.callbacks.append(callback)
a = []
a.append(a)
del a
gc.collect()
gc.collect(1)
gc.callbacks.remove(callback)
gc.collect()
for event in events:
    print(event)


def failing(phase, info):
    raise RuntimeError("callback failed " + phase)


gc.callbacks.append(failing)
print(gc.collect())
gc.callbacks.clear()

gc.freeze()
print(gc.get_freeze_count() > 0)
l = []
l.append(l)
del l
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
