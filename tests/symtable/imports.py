# Import forms and the names they bind (DEF_IMPORT).
import os
import os.path
import collections.abc as cabc
from json import loads, dumps as to_json
from . import sibling
from .. import parent as grandparent
from star_module import *


def lazy():
    import sys
    import xml.etree.ElementTree as ET
    from functools import partial

    def use():
        return sys, ET, partial, os
    return use


class Holder:
    import math
    from math import pi as __private_pi
