"""A minimal argparse look-alike for the options run_benchmark.py files declare.

argparse needs a large part of the runtime (gettext, re, shutil); the benchmarks
only use add_argument with type, default, choices, help, metavar, nargs='?' and
the store_true/store_false actions, and read the parsed values as attributes.
"""
import sys


class Namespace:
    def __init__(self, **values):
        for name, value in values.items():
            setattr(self, name, value)

    def __repr__(self):
        fields = ", ".join("%s=%r" % item for item in sorted(vars(self).items()))
        return "Namespace(%s)" % fields


class ArgumentError(Exception):
    pass


class _Option:
    def __init__(self, names, action, type, default, choices, nargs, dest, help, metavar):
        self.names = names
        self.positional = not names[0].startswith("-")
        if dest is None:
            if self.positional:
                dest = names[0]
            else:
                long_names = [n for n in names if n.startswith("--")]
                dest = (long_names or names)[0].lstrip("-")
            dest = dest.replace("-", "_")
        if action not in ("store", "store_true", "store_false"):
            raise ArgumentError("pyperf stub: unsupported action %r" % (action,))
        if nargs not in (None, "?"):
            raise ArgumentError("pyperf stub: unsupported nargs %r" % (nargs,))
        if default is None and action == "store_true":
            default = False
        if default is None and action == "store_false":
            default = True
        self.action = action
        self.type = type
        self.default = default
        self.choices = choices
        self.nargs = nargs
        self.dest = dest
        self.help = help or ""
        self.metavar = metavar

    def convert(self, text):
        value = self.type(text) if self.type is not None else text
        if self.choices is not None and value not in self.choices:
            raise ArgumentError("argument %s: invalid choice: %r (choose from %s)"
                                % (self.names[0], value, ", ".join(repr(c) for c in self.choices)))
        return value


class ArgumentParser:
    def __init__(self, description=None, prog=None):
        self.description = description
        self.prog = prog
        self._options = []

    def add_argument(self, *names, action="store", type=None, default=None, choices=None,
                     nargs=None, dest=None, help=None, metavar=None, required=False):
        option = _Option(names, action, type, default, choices, nargs, dest, help, metavar)
        self._options.append(option)
        return option

    def parse_args(self, args=None):
        if args is None:
            args = sys.argv[1:]
        try:
            return self._parse(list(args))
        except ArgumentError as error:
            sys.stderr.write("%s: error: %s\n" % (self.prog or sys.argv[0], error))
            raise SystemExit(2)

    def _parse(self, args):
        values = {}
        for option in self._options:
            values[option.dest] = option.default
        positionals = [o for o in self._options if o.positional]
        index = 0
        while index < len(args):
            word = args[index]
            index += 1
            if word in ("-h", "--help"):
                self.print_help()
                raise SystemExit(0)
            if word.startswith("-") and word != "-":
                name, has_value, inline = word.partition("=")
                option = self._find(name)
                if option.action == "store_true" or option.action == "store_false":
                    values[option.dest] = option.action == "store_true"
                    continue
                if has_value:
                    text = inline
                elif index < len(args):
                    text = args[index]
                    index += 1
                else:
                    raise ArgumentError("argument %s: expected one argument" % name)
                values[option.dest] = option.convert(text)
            elif positionals:
                option = positionals.pop(0)
                values[option.dest] = option.convert(word)
            else:
                raise ArgumentError("unrecognized arguments: %s" % word)
        for option in positionals:
            if option.nargs != "?":
                raise ArgumentError("the following arguments are required: %s" % option.dest)
        return Namespace(**values)

    def _find(self, name):
        for option in self._options:
            if name in option.names:
                return option
        raise ArgumentError("unrecognized arguments: %s" % name)

    def print_help(self):
        lines = ["usage: %s [options]" % (self.prog or sys.argv[0])]
        if self.description:
            lines.append(self.description)
        for option in self._options:
            lines.append("  %-24s %s" % (", ".join(option.names), option.help))
        sys.stdout.write("\n".join(lines) + "\n")
