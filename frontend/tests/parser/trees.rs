//! The tree of every construct, checked against CPython 3.11's `ast.parse` rendered in the
//! same format (`dump.rs`; positions left out here, the stdlib test covers them).

use super::body;

/// `(source, module body as CPython dumps it)`.
const CPYTHON_TREES: &[(&str, &str)] = &[
    (
        "x = 1",
        "Assign(targets=[Name(id=\"x\")], value=Constant(value=1))",
    ),
    (
        "x = 0xff + 0o17 + 0b101 + 1_000 + 9223372036854775808 + 0x1_0000_0000_0000_0000",
        "Assign(targets=[Name(id=\"x\")], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=255), op=Add, right=Constant(value=15)), op=Add, right=Constant(value=5)), op=Add, right=Constant(value=1000)), op=Add, right=Constant(value=9223372036854775808)), op=Add, right=Constant(value=18446744073709551616)))",
    ),
    (
        "x = 1. + .5 + 1e10 + 1_000.5e-3 + 3j + 1.5J + 1e400",
        "Assign(targets=[Name(id=\"x\")], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=f4607182418800017408), op=Add, right=Constant(value=f4602678819172646912)), op=Add, right=Constant(value=f4756540486875873280)), op=Add, right=Constant(value=f4607184670599831093)), op=Add, right=Constant(value=j4613937818241073152)), op=Add, right=Constant(value=j4609434218613702656)), op=Add, right=Constant(value=f9218868437227405312)))",
    ),
    (
        "'a' \"b\" '''c''' \"\"\"d\"\"\" r'\\n' u'x' R\"\\d\"",
        "Expr(value=Constant(value=\"abcd\\\\nx\\\\d\"))",
    ),
    (
        "b'a' B\"b\" rb'\\x00' Br\"\\n\" b'\\x41\\n\\777'",
        "Expr(value=Constant(value=b\"ab\\\\x00\\\\nA\\x0a\\xff\"))",
    ),
    (
        "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"\\101\\x41\\u00e9\\U0001F600\\N{EM DASH}\\q\\\nx\"",
        "Expr(value=Constant(value=\"\\u{7}\\u{8}\\u{c}\\u{a}\\u{d}\\u{9}\\u{b}\\\\'\\\"AAé😀—\\\\qx\"))",
    ),
    (
        "f\"a{b}c{d!r}{e:>10}{f!s:{g}.{h}}\" \"lit{}\" f'{{}}'",
        "Expr(value=JoinedStr(values=[Constant(value=\"a\"), FormattedValue(value=Name(id=\"b\"), conversion=-1), Constant(value=\"c\"), FormattedValue(value=Name(id=\"d\"), conversion=114), FormattedValue(value=Name(id=\"e\"), conversion=-1, format_spec=JoinedStr(values=[Constant(value=\">10\")])), FormattedValue(value=Name(id=\"f\"), conversion=115, format_spec=JoinedStr(values=[FormattedValue(value=Name(id=\"g\"), conversion=-1), Constant(value=\".\"), FormattedValue(value=Name(id=\"h\"), conversion=-1)])), Constant(value=\"lit{}{}\")]))",
    ),
    (
        "f\"{x = }\" f\"{x=!s}\" f\"{x=:>4}\" f\"{ x = !r:^9}\"",
        "Expr(value=JoinedStr(values=[Constant(value=\"x = \"), FormattedValue(value=Name(id=\"x\"), conversion=114), Constant(value=\"x=\"), FormattedValue(value=Name(id=\"x\"), conversion=115), Constant(value=\"x=\"), FormattedValue(value=Name(id=\"x\"), conversion=-1, format_spec=JoinedStr(values=[Constant(value=\">4\")])), Constant(value=\" x = \"), FormattedValue(value=Name(id=\"x\"), conversion=114, format_spec=JoinedStr(values=[Constant(value=\"^9\")]))]))",
    ),
    (
        "f\"{'hello { world'}\" f'{\"a\" if b != c else d}' f\"{(lambda: 1)()}\" f\"{ {1: 2}[1] }\" f\"{a, b}\" f\"{yield}\"",
        "Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=\"hello { world\"), conversion=-1), FormattedValue(value=IfExp(test=Compare(left=Name(id=\"b\"), ops=[NotEq], comparators=[Name(id=\"c\")]), body=Constant(value=\"a\"), orelse=Name(id=\"d\")), conversion=-1), FormattedValue(value=Call(func=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)), args=[], keywords=[]), conversion=-1), FormattedValue(value=Subscript(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]), slice=Constant(value=1)), conversion=-1), FormattedValue(value=Tuple(elts=[Name(id=\"a\"), Name(id=\"b\")]), conversion=-1), FormattedValue(value=Yield(), conversion=-1)]))",
    ),
    (
        "f\"{f'{x}'}\" f'''{\"\"\"a\"\"\"}''' f\"\\N{BULLET} {x}\" rf\"\\n{x}\\{y}\"",
        "Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id=\"x\"), conversion=-1)]), conversion=-1), FormattedValue(value=Constant(value=\"a\"), conversion=-1), Constant(value=\"• \"), FormattedValue(value=Name(id=\"x\"), conversion=-1), Constant(value=\"\\\\n\"), FormattedValue(value=Name(id=\"x\"), conversion=-1), Constant(value=\"\\\\\"), FormattedValue(value=Name(id=\"y\"), conversion=-1)]))",
    ),
    ("f\"\"", "Expr(value=JoinedStr(values=[]))"),
    (
        "f\"\" \"\" \"a\" f\"\" \"b\"",
        "Expr(value=JoinedStr(values=[Constant(value=\"ab\")]))",
    ),
    (
        "a or b or c and d and not e",
        "Expr(value=BoolOp(op=Or, values=[Name(id=\"a\"), Name(id=\"b\"), BoolOp(op=And, values=[Name(id=\"c\"), Name(id=\"d\"), UnaryOp(op=Not, operand=Name(id=\"e\"))])]))",
    ),
    (
        "a < b <= c == d != e > f >= g is h is not i in j not in k",
        "Expr(value=Compare(left=Name(id=\"a\"), ops=[Lt, LtE, Eq, NotEq, Gt, GtE, Is, IsNot, In, NotIn], comparators=[Name(id=\"b\"), Name(id=\"c\"), Name(id=\"d\"), Name(id=\"e\"), Name(id=\"f\"), Name(id=\"g\"), Name(id=\"h\"), Name(id=\"i\"), Name(id=\"j\"), Name(id=\"k\")]))",
    ),
    (
        "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
        "Expr(value=BinOp(left=Name(id=\"a\"), op=BitOr, right=BinOp(left=Name(id=\"b\"), op=BitXor, right=BinOp(left=Name(id=\"c\"), op=BitAnd, right=BinOp(left=BinOp(left=Name(id=\"d\"), op=LShift, right=Name(id=\"e\")), op=RShift, right=BinOp(left=BinOp(left=Name(id=\"f\"), op=Add, right=Name(id=\"g\")), op=Sub, right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id=\"h\"), op=Mult, right=Name(id=\"i\")), op=Div, right=Name(id=\"j\")), op=FloorDiv, right=Name(id=\"k\")), op=Mod, right=Name(id=\"l\")), op=MatMult, right=Name(id=\"m\"))))))))",
    ),
    (
        "-2**2 + 2**-1 + ~x + +y - -z + 2**3**4 + (-2)**2",
        "Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=UnaryOp(op=USub, operand=BinOp(left=Constant(value=2), op=Pow, right=Constant(value=2))), op=Add, right=BinOp(left=Constant(value=2), op=Pow, right=UnaryOp(op=USub, operand=Constant(value=1)))), op=Add, right=UnaryOp(op=Invert, operand=Name(id=\"x\"))), op=Add, right=UnaryOp(op=UAdd, operand=Name(id=\"y\"))), op=Sub, right=UnaryOp(op=USub, operand=Name(id=\"z\"))), op=Add, right=BinOp(left=Constant(value=2), op=Pow, right=BinOp(left=Constant(value=3), op=Pow, right=Constant(value=4)))), op=Add, right=BinOp(left=UnaryOp(op=USub, operand=Constant(value=2)), op=Pow, right=Constant(value=2))))",
    ),
    (
        "await x ** 2",
        "Expr(value=BinOp(left=Await(value=Name(id=\"x\")), op=Pow, right=Constant(value=2)))",
    ),
    (
        "a if b else c if d else e",
        "Expr(value=IfExp(test=Name(id=\"b\"), body=Name(id=\"a\"), orelse=IfExp(test=Name(id=\"d\"), body=Name(id=\"c\"), orelse=Name(id=\"e\"))))",
    ),
    (
        "lambda: 0",
        "Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))",
    ),
    (
        "lambda a, b=1, /, c=2, *args, d, e=3, **kw: (a, b)",
        "Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg=\"a\"), arg(arg=\"b\")], args=[arg(arg=\"c\")], vararg=arg(arg=\"args\"), kwonlyargs=[arg(arg=\"d\"), arg(arg=\"e\")], kw_defaults=[None, Constant(value=3)], kwarg=arg(arg=\"kw\"), defaults=[Constant(value=1), Constant(value=2)]), body=Tuple(elts=[Name(id=\"a\"), Name(id=\"b\")])))",
    ),
    (
        "lambda *, a: a",
        "Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg=\"a\")], kw_defaults=[None], defaults=[]), body=Name(id=\"a\")))",
    ),
    (
        "(x := 1) + f(y := 2) + a[z := 3]",
        "Expr(value=BinOp(left=BinOp(left=NamedExpr(target=Name(id=\"x\"), value=Constant(value=1)), op=Add, right=Call(func=Name(id=\"f\"), args=[NamedExpr(target=Name(id=\"y\"), value=Constant(value=2))], keywords=[])), op=Add, right=Subscript(value=Name(id=\"a\"), slice=NamedExpr(target=Name(id=\"z\"), value=Constant(value=3)))))",
    ),
    (
        "[w for x in y if (w := x)]",
        "Expr(value=ListComp(elt=Name(id=\"w\"), generators=[comprehension(target=Name(id=\"x\"), iter=Name(id=\"y\"), ifs=[NamedExpr(target=Name(id=\"w\"), value=Name(id=\"x\"))], is_async=0)]))",
    ),
    (
        "f(a)(b)[c].d[e:f, ::g, h:i:j, ...]",
        "Expr(value=Subscript(value=Attribute(value=Subscript(value=Call(func=Call(func=Name(id=\"f\"), args=[Name(id=\"a\")], keywords=[]), args=[Name(id=\"b\")], keywords=[]), slice=Name(id=\"c\")), attr=\"d\"), slice=Tuple(elts=[Slice(lower=Name(id=\"e\"), upper=Name(id=\"f\")), Slice(step=Name(id=\"g\")), Slice(lower=Name(id=\"h\"), upper=Name(id=\"i\"), step=Name(id=\"j\")), Constant(value=...)])))",
    ),
    (
        "a[1:2], a[::], a[:], a[1:], a[:2], a[::3], a[x,], a[*b], a[1:2, *c]",
        "Expr(value=Tuple(elts=[Subscript(value=Name(id=\"a\"), slice=Slice(lower=Constant(value=1), upper=Constant(value=2))), Subscript(value=Name(id=\"a\"), slice=Slice()), Subscript(value=Name(id=\"a\"), slice=Slice()), Subscript(value=Name(id=\"a\"), slice=Slice(lower=Constant(value=1))), Subscript(value=Name(id=\"a\"), slice=Slice(upper=Constant(value=2))), Subscript(value=Name(id=\"a\"), slice=Slice(step=Constant(value=3))), Subscript(value=Name(id=\"a\"), slice=Tuple(elts=[Name(id=\"x\")])), Subscript(value=Name(id=\"a\"), slice=Tuple(elts=[Starred(value=Name(id=\"b\"))])), Subscript(value=Name(id=\"a\"), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Starred(value=Name(id=\"c\"))]))]))",
    ),
    (
        "f(a, b, *c, d=1, *e, **f, g=2)",
        "Expr(value=Call(func=Name(id=\"f\"), args=[Name(id=\"a\"), Name(id=\"b\"), Starred(value=Name(id=\"c\")), Starred(value=Name(id=\"e\"))], keywords=[keyword(arg=\"d\", value=Constant(value=1)), keyword(value=Name(id=\"f\")), keyword(arg=\"g\", value=Constant(value=2))]))",
    ),
    (
        "f(x for x in y)",
        "Expr(value=Call(func=Name(id=\"f\"), args=[GeneratorExp(elt=Name(id=\"x\"), generators=[comprehension(target=Name(id=\"x\"), iter=Name(id=\"y\"), ifs=[], is_async=0)])], keywords=[]))",
    ),
    (
        "f((x for x in y), z)",
        "Expr(value=Call(func=Name(id=\"f\"), args=[GeneratorExp(elt=Name(id=\"x\"), generators=[comprehension(target=Name(id=\"x\"), iter=Name(id=\"y\"), ifs=[], is_async=0)]), Name(id=\"z\")], keywords=[]))",
    ),
    (
        "f(a)(b, c=1)",
        "Expr(value=Call(func=Call(func=Name(id=\"f\"), args=[Name(id=\"a\")], keywords=[]), args=[Name(id=\"b\")], keywords=[keyword(arg=\"c\", value=Constant(value=1))]))",
    ),
    ("()", "Expr(value=Tuple(elts=[]))"),
    ("(x,)", "Expr(value=Tuple(elts=[Name(id=\"x\")]))"),
    ("(x)", "Expr(value=Name(id=\"x\"))"),
    (
        "(1, 2, *a)",
        "Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id=\"a\"))]))",
    ),
    (
        "[], [1], [1, 2,], [*a, *b, c]",
        "Expr(value=Tuple(elts=[List(elts=[]), List(elts=[Constant(value=1)]), List(elts=[Constant(value=1), Constant(value=2)]), List(elts=[Starred(value=Name(id=\"a\")), Starred(value=Name(id=\"b\")), Name(id=\"c\")])]))",
    ),
    (
        "{}, {1: 2}, {1: 2, **a, 3: 4, **b}, {1}, {1, 2, *a}",
        "Expr(value=Tuple(elts=[Dict(keys=[], values=[]), Dict(keys=[Constant(value=1)], values=[Constant(value=2)]), Dict(keys=[Constant(value=1), None, Constant(value=3), None], values=[Constant(value=2), Name(id=\"a\"), Constant(value=4), Name(id=\"b\")]), Set(elts=[Constant(value=1)]), Set(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id=\"a\"))])]))",
    ),
    (
        "[x for x in y], {x for x in y}, {k: v for k, v in y}, (x for x in y)",
        "Expr(value=Tuple(elts=[ListComp(elt=Name(id=\"x\"), generators=[comprehension(target=Name(id=\"x\"), iter=Name(id=\"y\"), ifs=[], is_async=0)]), SetComp(elt=Name(id=\"x\"), generators=[comprehension(target=Name(id=\"x\"), iter=Name(id=\"y\"), ifs=[], is_async=0)]), DictComp(key=Name(id=\"k\"), value=Name(id=\"v\"), generators=[comprehension(target=Tuple(elts=[Name(id=\"k\"), Name(id=\"v\")]), iter=Name(id=\"y\"), ifs=[], is_async=0)]), GeneratorExp(elt=Name(id=\"x\"), generators=[comprehension(target=Name(id=\"x\"), iter=Name(id=\"y\"), ifs=[], is_async=0)])]))",
    ),
    (
        "[x + y for x in a if x if not x for y in b if y]",
        "Expr(value=ListComp(elt=BinOp(left=Name(id=\"x\"), op=Add, right=Name(id=\"y\")), generators=[comprehension(target=Name(id=\"x\"), iter=Name(id=\"a\"), ifs=[Name(id=\"x\"), UnaryOp(op=Not, operand=Name(id=\"x\"))], is_async=0), comprehension(target=Name(id=\"y\"), iter=Name(id=\"b\"), ifs=[Name(id=\"y\")], is_async=0)]))",
    ),
    (
        "[x async for x in y]",
        "Expr(value=ListComp(elt=Name(id=\"x\"), generators=[comprehension(target=Name(id=\"x\"), iter=Name(id=\"y\"), ifs=[], is_async=1)]))",
    ),
    ("(yield)", "Expr(value=Yield())"),
    (
        "x = yield",
        "Assign(targets=[Name(id=\"x\")], value=Yield())",
    ),
    (
        "x = yield a, b",
        "Assign(targets=[Name(id=\"x\")], value=Yield(value=Tuple(elts=[Name(id=\"a\"), Name(id=\"b\")])))",
    ),
    (
        "x = yield from f()",
        "Assign(targets=[Name(id=\"x\")], value=YieldFrom(value=Call(func=Name(id=\"f\"), args=[], keywords=[])))",
    ),
    ("yield", "Expr(value=Yield())"),
    ("...", "Expr(value=Constant(value=...))"),
    (
        "None, True, False",
        "Expr(value=Tuple(elts=[Constant(value=None), Constant(value=True), Constant(value=False)]))",
    ),
    (
        "a = b = c = 1",
        "Assign(targets=[Name(id=\"a\"), Name(id=\"b\"), Name(id=\"c\")], value=Constant(value=1))",
    ),
    (
        "a, *b = c",
        "Assign(targets=[Tuple(elts=[Name(id=\"a\"), Starred(value=Name(id=\"b\"))])], value=Name(id=\"c\"))",
    ),
    (
        "[a, b], (c, d) = e",
        "Assign(targets=[Tuple(elts=[List(elts=[Name(id=\"a\"), Name(id=\"b\")]), Tuple(elts=[Name(id=\"c\"), Name(id=\"d\")])])], value=Name(id=\"e\"))",
    ),
    (
        "a.b[c].d, e = f",
        "Assign(targets=[Tuple(elts=[Attribute(value=Subscript(value=Attribute(value=Name(id=\"a\"), attr=\"b\"), slice=Name(id=\"c\")), attr=\"d\"), Name(id=\"e\")])], value=Name(id=\"f\"))",
    ),
    (
        "x += 1; x -= 1; x *= 1; x @= 1; x /= 1; x %= 1; x **= 1; x <<= 1; x >>= 1; x |= 1; x ^= 1; x &= 1; x //= 1",
        "AugAssign(target=Name(id=\"x\"), op=Add, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=Sub, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=Mult, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=MatMult, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=Div, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=Mod, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=Pow, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=LShift, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=RShift, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=BitOr, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=BitXor, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=BitAnd, value=Constant(value=1)), AugAssign(target=Name(id=\"x\"), op=FloorDiv, value=Constant(value=1))",
    ),
    (
        "x: int",
        "AnnAssign(target=Name(id=\"x\"), annotation=Name(id=\"int\"), simple=1)",
    ),
    (
        "x: int = 1",
        "AnnAssign(target=Name(id=\"x\"), annotation=Name(id=\"int\"), value=Constant(value=1), simple=1)",
    ),
    (
        "(x): int = 1",
        "AnnAssign(target=Name(id=\"x\"), annotation=Name(id=\"int\"), value=Constant(value=1), simple=0)",
    ),
    (
        "x.y: List[int] = []",
        "AnnAssign(target=Attribute(value=Name(id=\"x\"), attr=\"y\"), annotation=Subscript(value=Name(id=\"List\"), slice=Name(id=\"int\")), value=List(elts=[]), simple=0)",
    ),
    (
        "x[0]: int",
        "AnnAssign(target=Subscript(value=Name(id=\"x\"), slice=Constant(value=0)), annotation=Name(id=\"int\"), simple=0)",
    ),
    (
        "x: int = yield",
        "AnnAssign(target=Name(id=\"x\"), annotation=Name(id=\"int\"), value=Yield(), simple=1)",
    ),
    (
        "del a, b.c, d[e], (f, g), [h]",
        "Delete(targets=[Name(id=\"a\"), Attribute(value=Name(id=\"b\"), attr=\"c\"), Subscript(value=Name(id=\"d\"), slice=Name(id=\"e\")), Tuple(elts=[Name(id=\"f\"), Name(id=\"g\")]), List(elts=[Name(id=\"h\")])])",
    ),
    (
        "del (a), b,",
        "Delete(targets=[Name(id=\"a\"), Name(id=\"b\")])",
    ),
    ("pass; break; continue", "Pass(), Break(), Continue()"),
    ("return", "Return()"),
    (
        "return a, *b",
        "Return(value=Tuple(elts=[Name(id=\"a\"), Starred(value=Name(id=\"b\"))]))",
    ),
    ("raise", "Raise()"),
    ("raise X", "Raise(exc=Name(id=\"X\"))"),
    (
        "raise X from Y",
        "Raise(exc=Name(id=\"X\"), cause=Name(id=\"Y\"))",
    ),
    ("assert x", "Assert(test=Name(id=\"x\"))"),
    (
        "assert x, \"msg\"",
        "Assert(test=Name(id=\"x\"), msg=Constant(value=\"msg\"))",
    ),
    ("global a, b", "Global(names=[\"a\", \"b\"])"),
    ("nonlocal a", "Nonlocal(names=[\"a\"])"),
    ("import a", "Import(names=[alias(name=\"a\")])"),
    (
        "import a.b.c as d, e",
        "Import(names=[alias(name=\"a.b.c\", asname=\"d\"), alias(name=\"e\")])",
    ),
    (
        "from a import b",
        "ImportFrom(module=\"a\", names=[alias(name=\"b\")], level=0)",
    ),
    (
        "from .a.b import (c as d, e,)",
        "ImportFrom(module=\"a.b\", names=[alias(name=\"c\", asname=\"d\"), alias(name=\"e\")], level=1)",
    ),
    (
        "from . import x",
        "ImportFrom(names=[alias(name=\"x\")], level=1)",
    ),
    (
        "from ... import y",
        "ImportFrom(names=[alias(name=\"y\")], level=3)",
    ),
    (
        "from ....a import z",
        "ImportFrom(module=\"a\", names=[alias(name=\"z\")], level=4)",
    ),
    (
        "from m import *",
        "ImportFrom(module=\"m\", names=[alias(name=\"*\")], level=0)",
    ),
    (
        "if a: pass",
        "If(test=Name(id=\"a\"), body=[Pass()], orelse=[])",
    ),
    (
        "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass",
        "If(test=Name(id=\"a\"), body=[Pass()], orelse=[If(test=Name(id=\"b\"), body=[Pass()], orelse=[If(test=Name(id=\"c\"), body=[Pass()], orelse=[Pass()])])])",
    ),
    (
        "if x := f():\n    pass",
        "If(test=NamedExpr(target=Name(id=\"x\"), value=Call(func=Name(id=\"f\"), args=[], keywords=[])), body=[Pass()], orelse=[])",
    ),
    (
        "while x:\n    pass\nelse:\n    pass",
        "While(test=Name(id=\"x\"), body=[Pass()], orelse=[Pass()])",
    ),
    (
        "for x, y in z:\n    pass\nelse:\n    pass",
        "For(target=Tuple(elts=[Name(id=\"x\"), Name(id=\"y\")]), iter=Name(id=\"z\"), body=[Pass()], orelse=[Pass()])",
    ),
    (
        "for x in *a, *b:\n    pass",
        "For(target=Name(id=\"x\"), iter=Tuple(elts=[Starred(value=Name(id=\"a\")), Starred(value=Name(id=\"b\"))]), body=[Pass()], orelse=[])",
    ),
    (
        "for (a, b), [c, *d] in e: pass",
        "For(target=Tuple(elts=[Tuple(elts=[Name(id=\"a\"), Name(id=\"b\")]), List(elts=[Name(id=\"c\"), Starred(value=Name(id=\"d\"))])]), iter=Name(id=\"e\"), body=[Pass()], orelse=[])",
    ),
    (
        "for i, in x: pass",
        "For(target=Tuple(elts=[Name(id=\"i\")]), iter=Name(id=\"x\"), body=[Pass()], orelse=[])",
    ),
    (
        "try:\n    pass\nexcept:\n    pass",
        "Try(body=[Pass()], handlers=[ExceptHandler(body=[Pass()])], orelse=[], finalbody=[])",
    ),
    (
        "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nelse:\n    pass\nfinally:\n    pass",
        "Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id=\"E\"), name=\"e\", body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id=\"A\"), Name(id=\"B\")]), body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])",
    ),
    (
        "try:\n    pass\nfinally:\n    pass",
        "Try(body=[Pass()], handlers=[], orelse=[], finalbody=[Pass()])",
    ),
    (
        "try:\n    pass\nexcept* E as e:\n    pass\nexcept* F:\n    pass",
        "TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id=\"E\"), name=\"e\", body=[Pass()]), ExceptHandler(type=Name(id=\"F\"), body=[Pass()])], orelse=[], finalbody=[])",
    ),
    (
        "with a: pass",
        "With(items=[withitem(context_expr=Name(id=\"a\"))], body=[Pass()])",
    ),
    (
        "with a as b, c as (d, e), f: pass",
        "With(items=[withitem(context_expr=Name(id=\"a\"), optional_vars=Name(id=\"b\")), withitem(context_expr=Name(id=\"c\"), optional_vars=Tuple(elts=[Name(id=\"d\"), Name(id=\"e\")])), withitem(context_expr=Name(id=\"f\"))], body=[Pass()])",
    ),
    (
        "with (a as b, c as d): pass",
        "With(items=[withitem(context_expr=Name(id=\"a\"), optional_vars=Name(id=\"b\")), withitem(context_expr=Name(id=\"c\"), optional_vars=Name(id=\"d\"))], body=[Pass()])",
    ),
    (
        "with (a as b, c as d,): pass",
        "With(items=[withitem(context_expr=Name(id=\"a\"), optional_vars=Name(id=\"b\")), withitem(context_expr=Name(id=\"c\"), optional_vars=Name(id=\"d\"))], body=[Pass()])",
    ),
    (
        "with (a, b): pass",
        "With(items=[withitem(context_expr=Name(id=\"a\")), withitem(context_expr=Name(id=\"b\"))], body=[Pass()])",
    ),
    (
        "with (a, b) as c: pass",
        "With(items=[withitem(context_expr=Tuple(elts=[Name(id=\"a\"), Name(id=\"b\")]), optional_vars=Name(id=\"c\"))], body=[Pass()])",
    ),
    (
        "with (a), (b): pass",
        "With(items=[withitem(context_expr=Name(id=\"a\")), withitem(context_expr=Name(id=\"b\"))], body=[Pass()])",
    ),
    (
        "with (a) as b, c: pass",
        "With(items=[withitem(context_expr=Name(id=\"a\"), optional_vars=Name(id=\"b\")), withitem(context_expr=Name(id=\"c\"))], body=[Pass()])",
    ),
    (
        "with (yield): pass",
        "With(items=[withitem(context_expr=Yield())], body=[Pass()])",
    ),
    (
        "def f(): pass",
        "FunctionDef(name=\"f\", args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])",
    ),
    (
        "def f(a, b: int = 1, /, c=2, *args: str, d, e: int = 3, **kwargs: dict) -> None:\n    \"doc\"\n    return a",
        "FunctionDef(name=\"f\", args=arguments(posonlyargs=[arg(arg=\"a\"), arg(arg=\"b\", annotation=Name(id=\"int\"))], args=[arg(arg=\"c\")], vararg=arg(arg=\"args\", annotation=Name(id=\"str\")), kwonlyargs=[arg(arg=\"d\"), arg(arg=\"e\", annotation=Name(id=\"int\"))], kw_defaults=[None, Constant(value=3)], kwarg=arg(arg=\"kwargs\", annotation=Name(id=\"dict\")), defaults=[Constant(value=1), Constant(value=2)]), body=[Expr(value=Constant(value=\"doc\")), Return(value=Name(id=\"a\"))], decorator_list=[], returns=Constant(value=None))",
    ),
    (
        "def f(a, b, /): pass",
        "FunctionDef(name=\"f\", args=arguments(posonlyargs=[arg(arg=\"a\"), arg(arg=\"b\")], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])",
    ),
    (
        "def f(*, a=1, b): pass",
        "FunctionDef(name=\"f\", args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg=\"a\"), arg(arg=\"b\")], kw_defaults=[Constant(value=1), None], defaults=[]), body=[Pass()], decorator_list=[])",
    ),
    (
        "def f(*args: *Ts): pass",
        "FunctionDef(name=\"f\", args=arguments(posonlyargs=[], args=[], vararg=arg(arg=\"args\", annotation=Starred(value=Name(id=\"Ts\"))), kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])",
    ),
    (
        "@d1\n@d2.attr(arg)\n@(lambda f: f)\n@x[0] if y else z\ndef f(): pass",
        "FunctionDef(name=\"f\", args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id=\"d1\"), Call(func=Attribute(value=Name(id=\"d2\"), attr=\"attr\"), args=[Name(id=\"arg\")], keywords=[]), Lambda(args=arguments(posonlyargs=[], args=[arg(arg=\"f\")], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id=\"f\")), IfExp(test=Name(id=\"y\"), body=Subscript(value=Name(id=\"x\"), slice=Constant(value=0)), orelse=Name(id=\"z\"))])",
    ),
    (
        "@dec\nclass C: pass",
        "ClassDef(name=\"C\", bases=[], keywords=[], body=[Pass()], decorator_list=[Name(id=\"dec\")])",
    ),
    (
        "class C: pass",
        "ClassDef(name=\"C\", bases=[], keywords=[], body=[Pass()], decorator_list=[])",
    ),
    (
        "class C(): pass",
        "ClassDef(name=\"C\", bases=[], keywords=[], body=[Pass()], decorator_list=[])",
    ),
    (
        "class C(B, metaclass=M, **kw): pass",
        "ClassDef(name=\"C\", bases=[Name(id=\"B\")], keywords=[keyword(arg=\"metaclass\", value=Name(id=\"M\")), keyword(value=Name(id=\"kw\"))], body=[Pass()], decorator_list=[])",
    ),
    (
        "class C(*bases): pass",
        "ClassDef(name=\"C\", bases=[Starred(value=Name(id=\"bases\"))], keywords=[], body=[Pass()], decorator_list=[])",
    ),
    (
        "async def f():\n    await x\n    async for a in b: pass\n    async with c as d: pass\n    [i async for i in j]\n    return await y",
        "AsyncFunctionDef(name=\"f\", args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Name(id=\"x\"))), AsyncFor(target=Name(id=\"a\"), iter=Name(id=\"b\"), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id=\"c\"), optional_vars=Name(id=\"d\"))], body=[Pass()]), Expr(value=ListComp(elt=Name(id=\"i\"), generators=[comprehension(target=Name(id=\"i\"), iter=Name(id=\"j\"), ifs=[], is_async=1)])), Return(value=Await(value=Name(id=\"y\")))], decorator_list=[])",
    ),
    (
        "@d\nasync def f(): pass",
        "AsyncFunctionDef(name=\"f\", args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id=\"d\")])",
    ),
    (
        "if x: a; b",
        "If(test=Name(id=\"x\"), body=[Expr(value=Name(id=\"a\")), Expr(value=Name(id=\"b\"))], orelse=[])",
    ),
    (
        "if x: a; b;",
        "If(test=Name(id=\"x\"), body=[Expr(value=Name(id=\"a\")), Expr(value=Name(id=\"b\"))], orelse=[])",
    ),
    (
        "while 1: pass; break",
        "While(test=Constant(value=1), body=[Pass(), Break()], orelse=[])",
    ),
    (
        "x = 1 if y else 2",
        "Assign(targets=[Name(id=\"x\")], value=IfExp(test=Name(id=\"y\"), body=Constant(value=1), orelse=Constant(value=2)))",
    ),
    (
        "x = lambda: (yield)",
        "Assign(targets=[Name(id=\"x\")], value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))",
    ),
    (
        "print(*a, sep='')",
        "Expr(value=Call(func=Name(id=\"print\"), args=[Starred(value=Name(id=\"a\"))], keywords=[keyword(arg=\"sep\", value=Constant(value=\"\"))]))",
    ),
    (
        "a = (1,\n     2)",
        "Assign(targets=[Name(id=\"a\")], value=Tuple(elts=[Constant(value=1), Constant(value=2)]))",
    ),
    (
        "x = \\\n    1",
        "Assign(targets=[Name(id=\"x\")], value=Constant(value=1))",
    ),
    (
        "if True:\n    if x:\n        pass\n  # comment at odd indentation\n\n    y = 1",
        "If(test=Constant(value=True), body=[If(test=Name(id=\"x\"), body=[Pass()], orelse=[]), Assign(targets=[Name(id=\"y\")], value=Constant(value=1))], orelse=[])",
    ),
    (
        "ä = 1; 蟒 = 2; x_é = ä + 蟒",
        "Assign(targets=[Name(id=\"ä\")], value=Constant(value=1)), Assign(targets=[Name(id=\"蟒\")], value=Constant(value=2)), Assign(targets=[Name(id=\"x_é\")], value=BinOp(left=Name(id=\"ä\"), op=Add, right=Name(id=\"蟒\")))",
    ),
    (
        "x = [\n    1,\n    2,\n]\n",
        "Assign(targets=[Name(id=\"x\")], value=List(elts=[Constant(value=1), Constant(value=2)]))",
    ),
];

#[test]
fn trees_match_cpython() {
    let mut mismatches = Vec::new();
    for &(source, expected) in CPYTHON_TREES {
        let ours = body(source);
        if ours != expected {
            mismatches.push(format!(
                "{source:?}:\n    ours:    {ours}\n    cpython: {expected}"
            ));
        }
    }
    for mismatch in &mismatches {
        println!("{mismatch}");
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} trees differ",
        mismatches.len(),
        CPYTHON_TREES.len()
    );
}
