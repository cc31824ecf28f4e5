# Exception handler names, and the order CPython walks try statements in
# (body, else, handlers, finally).
def f(risky, log):
    try:
        result = risky()
    except ValueError as error:
        log(error)
        result = None
    except (TypeError, KeyError) as other:
        log(other)
        raise RuntimeError("wrapped") from other
    else:
        log(result)
    finally:
        done = True
    return result, done


def groups(run):
    try:
        run()
    except* OSError as group:
        handled = group
    return handled


try:
    import missing
except ImportError as exc:
    fallback = str(exc)
