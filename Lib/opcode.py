"""Garter's instruction set, as the `dis` module sees it.

Garter compiles to CPython 3.11's instruction set, and a code object's
co_code holds it in CPython 3.11's encoding (two-byte code units, inline
cache entries, EXTENDED_ARG prefixes, relative jumps), so the names and
numbers here are CPython 3.11's. Written for Garter; CPython's own
opcode.py is not used.
"""

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect"]

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

# name: (number, stack effect); the effect is an int, or a function of
# (oparg, jump) where jump is True (the jump is taken), False, or None
# (the larger of the two).
_INSTRUCTIONS = {
    'CACHE': (0, 0), 'POP_TOP': (1, -1), 'PUSH_NULL': (2, 1), 'NOP': (9, 0),
    'UNARY_POSITIVE': (10, 0), 'UNARY_NEGATIVE': (11, 0), 'UNARY_NOT': (12, 0),
    'UNARY_INVERT': (15, 0), 'BINARY_SUBSCR': (25, -1), 'GET_LEN': (30, 1),
    'MATCH_MAPPING': (31, 1), 'MATCH_SEQUENCE': (32, 1), 'MATCH_KEYS': (33, 1),
    'PUSH_EXC_INFO': (35, 1), 'CHECK_EXC_MATCH': (36, 0), 'CHECK_EG_MATCH': (37, 0),
    'WITH_EXCEPT_START': (49, 1), 'GET_AITER': (50, 0), 'GET_ANEXT': (51, 1),
    'BEFORE_ASYNC_WITH': (52, 1), 'BEFORE_WITH': (53, 1), 'END_ASYNC_FOR': (54, -2),
    'STORE_SUBSCR': (60, -3), 'DELETE_SUBSCR': (61, -2), 'GET_ITER': (68, 0),
    'GET_YIELD_FROM_ITER': (69, 0), 'PRINT_EXPR': (70, -1), 'LOAD_BUILD_CLASS': (71, 1),
    'LOAD_ASSERTION_ERROR': (74, 1), 'RETURN_GENERATOR': (75, 0), 'LIST_TO_TUPLE': (82, 0),
    'RETURN_VALUE': (83, -1), 'IMPORT_STAR': (84, -1), 'SETUP_ANNOTATIONS': (85, 0),
    'YIELD_VALUE': (86, 0), 'ASYNC_GEN_WRAP': (87, 0), 'PREP_RERAISE_STAR': (88, -1),
    'POP_EXCEPT': (89, -1),
    # From here on, instructions take an argument (HAVE_ARGUMENT).
    'STORE_NAME': (90, -1), 'DELETE_NAME': (91, 0),
    'UNPACK_SEQUENCE': (92, lambda n, j: n - 1),
    'FOR_ITER': (93, lambda n, j: -1 if j else 1),
    'UNPACK_EX': (94, lambda n, j: (n & 0xFF) + (n >> 8)),
    'STORE_ATTR': (95, -2), 'DELETE_ATTR': (96, -1), 'STORE_GLOBAL': (97, -1),
    'DELETE_GLOBAL': (98, 0), 'SWAP': (99, 0), 'LOAD_CONST': (100, 1), 'LOAD_NAME': (101, 1),
    'BUILD_TUPLE': (102, lambda n, j: 1 - n), 'BUILD_LIST': (103, lambda n, j: 1 - n),
    'BUILD_SET': (104, lambda n, j: 1 - n), 'BUILD_MAP': (105, lambda n, j: 1 - 2 * n),
    'LOAD_ATTR': (106, 0), 'COMPARE_OP': (107, -1), 'IMPORT_NAME': (108, -1),
    'IMPORT_FROM': (109, 1), 'JUMP_FORWARD': (110, 0),
    'JUMP_IF_FALSE_OR_POP': (111, lambda n, j: -1 if j is False else 0),
    'JUMP_IF_TRUE_OR_POP': (112, lambda n, j: -1 if j is False else 0),
    'POP_JUMP_FORWARD_IF_FALSE': (114, -1), 'POP_JUMP_FORWARD_IF_TRUE': (115, -1),
    'LOAD_GLOBAL': (116, lambda n, j: (n & 1) + 1), 'IS_OP': (117, -1),
    'CONTAINS_OP': (118, -1), 'RERAISE': (119, -1), 'COPY': (120, 1), 'BINARY_OP': (122, -1),
    'SEND': (123, lambda n, j: -1 if j else 0),
    'LOAD_FAST': (124, 1), 'STORE_FAST': (125, -1), 'DELETE_FAST': (126, 0),
    'POP_JUMP_FORWARD_IF_NOT_NONE': (128, -1), 'POP_JUMP_FORWARD_IF_NONE': (129, -1),
    'RAISE_VARARGS': (130, lambda n, j: -n), 'GET_AWAITABLE': (131, 0),
    'MAKE_FUNCTION': (132, lambda n, j: -bin(n & 0xF).count('1')),
    'BUILD_SLICE': (133, lambda n, j: -2 if n == 3 else -1),
    'JUMP_BACKWARD_NO_INTERRUPT': (134, 0), 'MAKE_CELL': (135, 0), 'LOAD_CLOSURE': (136, 1),
    'LOAD_DEREF': (137, 1), 'STORE_DEREF': (138, -1), 'DELETE_DEREF': (139, 0),
    'JUMP_BACKWARD': (140, 0),
    'CALL_FUNCTION_EX': (142, lambda n, j: -3 if n & 1 else -2),
    'EXTENDED_ARG': (144, 0), 'LIST_APPEND': (145, -1), 'SET_ADD': (146, -1),
    'MAP_ADD': (147, -2), 'LOAD_CLASSDEREF': (148, 1), 'COPY_FREE_VARS': (149, 0),
    'RESUME': (151, 0), 'MATCH_CLASS': (152, -2),
    'FORMAT_VALUE': (155, lambda n, j: -1 if n & 4 else 0),
    'BUILD_CONST_KEY_MAP': (156, lambda n, j: -n), 'BUILD_STRING': (157, lambda n, j: 1 - n),
    'LOAD_METHOD': (160, 1), 'LIST_EXTEND': (162, -1), 'SET_UPDATE': (163, -1),
    'DICT_MERGE': (164, -1), 'DICT_UPDATE': (165, -1),
    'PRECALL': (166, lambda n, j: -n), 'CALL': (171, -1), 'KW_NAMES': (172, 0),
    'POP_JUMP_BACKWARD_IF_NOT_NONE': (173, -1), 'POP_JUMP_BACKWARD_IF_NONE': (174, -1),
    'POP_JUMP_BACKWARD_IF_FALSE': (175, -1), 'POP_JUMP_BACKWARD_IF_TRUE': (176, -1),
}

HAVE_ARGUMENT = 90
EXTENDED_ARG = 144

opmap = {name: number for name, (number, _) in _INSTRUCTIONS.items()}
opname = ['<%r>' % (number,) for number in range(256)]
for _name, _number in opmap.items():
    opname[_number] = _name
_effects = {number: effect for number, effect in _INSTRUCTIONS.values()}

hasconst = [opmap['LOAD_CONST'], opmap['KW_NAMES']]
hasname = [opmap[name] for name in (
    'STORE_NAME', 'DELETE_NAME', 'STORE_ATTR', 'DELETE_ATTR', 'STORE_GLOBAL', 'DELETE_GLOBAL',
    'LOAD_NAME', 'LOAD_ATTR', 'IMPORT_NAME', 'IMPORT_FROM', 'LOAD_GLOBAL', 'LOAD_METHOD')]
hasjrel = [opmap[name] for name in (
    'FOR_ITER', 'JUMP_FORWARD', 'JUMP_IF_FALSE_OR_POP', 'JUMP_IF_TRUE_OR_POP',
    'POP_JUMP_FORWARD_IF_FALSE', 'POP_JUMP_FORWARD_IF_TRUE', 'SEND',
    'POP_JUMP_FORWARD_IF_NOT_NONE', 'POP_JUMP_FORWARD_IF_NONE', 'JUMP_BACKWARD_NO_INTERRUPT',
    'JUMP_BACKWARD', 'POP_JUMP_BACKWARD_IF_NOT_NONE', 'POP_JUMP_BACKWARD_IF_NONE',
    'POP_JUMP_BACKWARD_IF_FALSE', 'POP_JUMP_BACKWARD_IF_TRUE')]
hasjabs = []
haslocal = [opmap['LOAD_FAST'], opmap['STORE_FAST'], opmap['DELETE_FAST']]
hascompare = [opmap['COMPARE_OP']]
hasfree = [opmap[name] for name in (
    'MAKE_CELL', 'LOAD_CLOSURE', 'LOAD_DEREF', 'STORE_DEREF', 'DELETE_DEREF', 'LOAD_CLASSDEREF')]
hasnargs = []

# BINARY_OP's argument: (name, symbol); the in-place forms follow the plain ones.
_nb_ops = [(f'NB_{name}', symbol) for name, symbol in (
    ('ADD', '+'), ('AND', '&'), ('FLOOR_DIVIDE', '//'), ('LSHIFT', '<<'),
    ('MATRIX_MULTIPLY', '@'), ('MULTIPLY', '*'), ('REMAINDER', '%'), ('OR', '|'),
    ('POWER', '**'), ('RSHIFT', '>>'), ('SUBTRACT', '-'), ('TRUE_DIVIDE', '/'), ('XOR', '^'))]
_nb_ops += [(f'NB_INPLACE_{name[3:]}', symbol + '=') for name, symbol in _nb_ops]

# Code units of inline cache after each instruction (zeros in co_code).
_cache_format = {
    'LOAD_GLOBAL': {'counter': 1, 'index': 1, 'module_keys_version': 2, 'builtin_keys_version': 1},
    'BINARY_OP': {'counter': 1},
    'UNPACK_SEQUENCE': {'counter': 1},
    'COMPARE_OP': {'counter': 1, 'mask': 1},
    'BINARY_SUBSCR': {'counter': 1, 'type_version': 2, 'func_version': 1},
    'LOAD_ATTR': {'counter': 1, 'version': 2, 'index': 1},
    'STORE_ATTR': {'counter': 1, 'version': 2, 'index': 1},
    'LOAD_METHOD': {'counter': 1, 'type_version': 2, 'dict_offset': 1, 'keys_version': 2, 'descr': 4},
    'CALL': {'counter': 1, 'func_version': 2, 'min_args': 1},
    'PRECALL': {'counter': 1},
    'STORE_SUBSCR': {'counter': 1},
}
_inline_cache_entries = [sum(_cache_format.get(opname[number], {}).values()) for number in range(256)]

# Garter does not specialise instructions in place; co_code never holds
# specialised forms, so there are none to list.
_specializations = {}
_specialized_instructions = []
_specialization_stats = ["success", "failure", "hit", "deferred", "miss", "deopt"]


def stack_effect(opcode, oparg=None, /, *, jump=None):
    """Compute the stack effect of the opcode."""
    if opcode < HAVE_ARGUMENT and oparg is not None:
        raise ValueError("stack_effect: opcode does not permit oparg but oparg was specified")
    if opcode >= HAVE_ARGUMENT and oparg is None:
        raise ValueError("stack_effect: opcode requires oparg but oparg was not specified")
    effect = _effects.get(opcode)
    if effect is None:
        raise ValueError("invalid opcode or oparg")
    if not callable(effect):
        return effect
    if jump is None:
        return max(effect(oparg, True), effect(oparg, False))
    return effect(oparg, bool(jump))
