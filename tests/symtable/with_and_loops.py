# Targets of for, with and while bind names.
def process(paths, opener):
    for index, path in enumerate(paths):
        with opener(path) as handle, opener(index) as (first, *rest):
            data = handle.read()
    else:
        data = None
    while (line := data) is not None:
        data = None
    return index, first, rest, line


for module_var in range(3):
    pass
else:
    after = module_var
