# Changing a dict or set while iterating over it.

def run(label, f):
    try:
        print(label, f())
    except RuntimeError as e:
        print(label, "RuntimeError", e)

def add_during():
    d = {1: 1, 2: 2}
    for key in d:
        d[key + 10] = 0
def delete_during():
    d = {1: 1, 2: 2, 3: 3}
    for key in d:
        del d[key]
def replace_key_during():
    d = {1: 1, 2: 2, 3: 3}
    seen = []
    for key in d:
        seen.append(key)
        if key == 1:
            del d[1]
            d[4] = 4
    return seen
def change_value_during():
    d = {1: 1, 2: 2}
    for key in d:
        d[key] = key * 100
    return d
def values_during():
    d = {1: 1}
    for value in d.values():
        d[2] = 2
def items_during():
    d = {1: 1}
    for item in d.items():
        d.pop(1)
def reversed_during():
    d = {1: 1, 2: 2}
    for key in reversed(d):
        d[3] = 3
def sticky():
    d = {1: 1, 2: 2}
    it = iter(d)
    next(it)
    d[5] = 5
    messages = []
    for attempt in range(2):
        try:
            next(it)
        except RuntimeError as e:
            messages.append(str(e))
    del d[5]
    try:
        next(it)
    except RuntimeError as e:
        messages.append(str(e))
    return messages
def pop_and_readd():
    d = dict.fromkeys('abc')
    out = []
    for key in d:
        out.append(key)
        if len(out) == 1:
            d.pop('c')
            d['c'] = None
    return out
def set_add_during():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 100)
def set_discard_during():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)
def set_same_size():
    s = {1, 2, 3}
    out = []
    for x in s:
        out.append(x)
        if x == 1:
            s.discard(1)
            s.add(1000)
    return out
def set_sticky():
    s = {1, 2}
    it = iter(s)
    s.add(3)
    messages = []
    for attempt in range(2):
        try:
            next(it)
        except RuntimeError as e:
            messages.append(str(e))
    return messages

for name, f in [("add", add_during), ("delete", delete_during), ("replace key", replace_key_during),
                ("change value", change_value_during), ("values", values_during), ("items", items_during),
                ("reversed", reversed_during), ("sticky", sticky), ("pop and re-add", pop_and_readd),
                ("set add", set_add_during), ("set discard", set_discard_during),
                ("set same size", set_same_size), ("set sticky", set_sticky)]:
    run(name, f)

# length hints of exhausted and changed iterators
d = {1: 2, 3: 4}
it = iter(d.values())
print(it.__length_hint__(), list(it), it.__length_hint__())
s = {1, 2, 3}
sit = iter(s)
print(sit.__length_hint__(), next(sit), sit.__length_hint__())
s.add(9)
print(sit.__length_hint__())
print(type(sit).__name__, type(iter(frozenset())).__name__, type(iter(d.items())).__name__)
