try:
    pass
except:
    pass
try:
    risky()
except ValueError:
    a = 1
except (TypeError, KeyError) as e:
    raise
except Exception as e:
    raise RuntimeError("x") from e
else:
    b = 2
finally:
    c = 3
try:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
except* (TypeError, OSError) as eg:
    raise eg from None
else:
    pass
finally:
    pass
raise
raise X
raise X from Y
assert x
assert x, "message"
