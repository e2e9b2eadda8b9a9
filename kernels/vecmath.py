"""Java lines for tanh and sigmoid built from exact vector operations; imported by the generators.

The Vector API's TANH and EXP are not reproducible: compiled, C2 calls SVML; before a kernel is
compiled (the interpreter, C1) the Java fallback calls Math per lane, and the two differ in the
last bits. A run's result then depended on JIT timing, hence on the thread count. What is written
here uses only add, mul, fma, div, min/max, abs, blends and integer shifts of the bits, each
defined to the bit by IEEE 754 and the Vector API, so a lane gets the same value in every tier
at every width (tested: JitIndependenceTest; accuracy: ActivationPropertiesTest).

exp(x) = 2^n·(1 + q) with n = round(x·log2 e) (the 1.5·2^p shifter: round to nearest by one
fma), r = x − n·ln 2 (Cody and Waite's split ln 2, whose high part has few enough bits that n·hi
is exact), |r| ≤ ln 2 / 2, and q = e^r − 1 = r + r²·P(r) with P Taylor's series to r^7 (float)
or r^13 (double): the truncation is below 0.1 ulp. 2^n is built in the exponent bits.
tanh|x| = u / (u + 2) with u = e^{2|x|} − 1 = 2^n·q + (2^n − 1), which keeps its relative accuracy
as x → 0, and the sign of x put back; sigmoid(z) = 1 / (1 + e^−z).
"""
import math
import pathlib
import struct
import sys

# precision -> Java names and constants; clamps keep n inside the normal exponents
PREC = {
    'f': dict(V='FloatVector', I='reinterpretAsInts', back='reinterpretAsFloats', shift_bits=0x4B400000, bias=127,
              mant=23, lit=lambda v: float32_literal(v), ibits=lambda v: '0x%X' % v, terms=7,
              ln2_hi=0.693359375, ln2_lo=-2.12194440e-4, tanh_max=10.0, exp_lo=-87.0, exp_hi=88.0),
    'd': dict(V='DoubleVector', I='reinterpretAsLongs', back='reinterpretAsDoubles', shift_bits=0x4338000000000000,
              bias=1023, mant=52, lit=lambda v: double_literal(v), ibits=lambda v: '0x%XL' % v, terms=13,
              ln2_hi=6.93147180369123816490e-01, ln2_lo=1.90821492927058770002e-10, tanh_max=20.0,
              exp_lo=-708.0, exp_hi=709.0),
}


def _f32(v):
    return struct.unpack('f', struct.pack('f', v))[0]


def float32_literal(v):
    """The shortest decimal that Java reads back as the float nearest v."""
    v = _f32(v)
    for digits in range(1, 10):
        text = '%.*g' % (digits, v)
        if _f32(float(text)) == v:
            return _java_decimal(text) + 'f'
    raise ValueError(v)


def double_literal(v):
    return _java_decimal(repr(float(v)))


def _java_decimal(text):
    text = repr(float(text)) if 'e+' in text else text      # 1e+01 -> 10.0
    return text if any(ch in text for ch in '.e') else text + '.0'


# constant vectors, by Java name: declared once (VectorActivations) and read as static finals.
# A broadcast per use was parsed anew at every use; with a few dozen of them one kernel passed
# C2's NodeCountInliningCutoff, the calls after it were not inlined, and their vectors were boxed.
_CONSTS = {}
OWNER = 'VectorActivations'


def _k(prec, v, qual):
    """The name of the constant vector of value v (a float, or an int for the exponent bits)."""
    c = PREC[prec]
    if isinstance(v, int):
        name = ('IF_' if prec == 'f' else 'LD_') + ('%X' % v)
        ivec, ispec = ('IntVector', 'int') if prec == 'f' else ('LongVector', 'long')
        decl = f'{ivec} {name} = {ivec}.broadcast({"FS" if prec == "f" else "DS"}.withLanes({ispec}.class), {c["ibits"](v)});'
    else:
        text = c['lit'](v) if not math.isinf(v) else ('Float' if prec == 'f' else 'Double') + '.POSITIVE_INFINITY'
        tag = 'INF' if math.isinf(v) else text.rstrip('f').replace('-', 'M').replace('.', '_').replace('E', 'e').replace('e', 'E').upper()
        name = ('F_' if prec == 'f' else 'D_') + tag
        decl = f'{c["V"]} {name} = {c["V"]}.broadcast({"FS" if prec == "f" else "DS"}, {text});'
    _CONSTS[name] = decl
    return (qual + '.' if qual else '') + name


def declarations():
    """Java field declarations of every constant tanh and sigmoid use, in both precisions."""
    for prec in PREC:
        tanh(prec, 'x', 'h', 'e')
        sigmoid(prec, 'x', 'h', 'e')
    return ['static final ' + _CONSTS[name] for name in sorted(_CONSTS)]


def _exp_parts(prec, x, p, qual):
    """Lines that set {p}k (shifter + n), {p}q = e^r − 1 and {p}s = 2^n for the vector {x}."""
    c = PREC[prec]
    V = c['V']
    K = lambda v: _k(prec, v, qual)  # noqa: E731
    shift = 1.5 * 2.0 ** c['mant']
    coeffs = [1.0 / math.factorial(i) for i in range(c['terms'], 1, -1)]      # P: 1/terms! ... 1/2!
    horner = f'{p}r.fma({K(coeffs[0])}, {K(coeffs[1])})'
    for co in coeffs[2:]:
        horner += f'.fma({p}r, {K(co)})'
    return [
        f'{V} {p}k = {x}.fma({K(1 / math.log(2))}, {K(shift)});',
        f'{V} {p}n = {p}k.sub({K(shift)});',
        f'{V} {p}r = {x}.sub({p}n.mul({K(c["ln2_hi"])})).sub({p}n.mul({K(c["ln2_lo"])}));',
        f'{V} {p}q = {p}r.mul({p}r).fma({horner}, {p}r);',
        f'{V} {p}s = {p}k.{c["I"]}().sub({K(c["shift_bits"] - c["bias"])})'
        f'.lanewise(VectorOperators.LSHL, {c["mant"]}).{c["back"]}();',
    ]


def tanh(prec, x, out, p, qual=''):
    """Lines declaring the vector {out} = tanh({x}); {p} prefixes the temporaries; constants are
    read from the class {qual} (this one when empty)."""
    c = PREC[prec]
    V = c['V']
    K = lambda v: _k(prec, v, qual)  # noqa: E731
    return [f'{V} {p}y = {x}.abs().min({K(c["tanh_max"])});',   # tanh is 1.0 (rounded) beyond
            f'{p}y = {p}y.add({p}y);'] + _exp_parts(prec, f'{p}y', p, qual) + [
        f'{V} {p}u = {p}s.fma({p}q, {p}s.sub({K(1.0)}));',
        f'{V} {out} = {p}u.div({p}u.add({K(2.0)}));',
        f'{out} = {out}.blend({out}.neg(), {x}.test(VectorOperators.IS_NEGATIVE));',
    ]


def sigmoid(prec, x, out, p, qual=''):
    """Lines declaring the vector {out} = 1 / (1 + e^−{x}); e^−x is +∞ past the clamp (sigmoid 0)."""
    c = PREC[prec]
    V = c['V']
    K = lambda v: _k(prec, v, qual)  # noqa: E731
    return [f'{V} {p}w = {x}.neg();',
            f'{V} {p}y = {p}w.max({K(c["exp_lo"])}).min({K(c["exp_hi"])});'] + _exp_parts(prec, f'{p}y', p, qual) + [
        f'{V} {p}e = {p}s.fma({p}q, {p}s).blend({K(math.inf)}, {p}w.compare(VectorOperators.GT, {K(c["exp_hi"])}));',
        f'{V} {out} = {K(1.0)}.div({p}e.add({K(1.0)}));',
    ]


def emit(text, java_file):
    """What each generator does with its text: print it with --stdout (GeneratedSourcesTest), else
    write kernels/src/main/java/dev/basin/kernels/<java_file>."""
    if '--stdout' in sys.argv[1:]:
        sys.stdout.write(text)
        return
    path = pathlib.Path(__file__).resolve().parent / 'src/main/java/dev/basin/kernels' / java_file
    path.write_text(text)
