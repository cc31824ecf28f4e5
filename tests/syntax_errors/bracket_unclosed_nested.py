result = func(a, [b, {c: d}
