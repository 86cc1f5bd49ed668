#!/usr/bin/env python3
"""Writes the compile-time stand-ins of TensorFlow.NET / TensorFlow.Keras (samples/TfNetApi) from the public API
listings in tests/data/api/ (one member per line, generated from the libraries' own sources).

For each type named in TYPES it declares the type and every listed member whose types are all declared here
(or are System types); bodies throw NotImplementedException. Members that need undeclared types, generic
methods, indexers and by-ref parameters are left out. Interface implementations the listings do not show
(class headers list only the base class) come from INTERFACES; a class lacking a member of such an interface
implements it explicitly (not public, so not part of the compared surface).

Constructors are emitted exactly as listed; the parameter types of listed constructors (SequentialArgs, ModelArgs, …)
are declared too, so that `class MyModel : Sequential { MyModel() : base(new SequentialArgs()) … }` compiles as it
does against the real assembly. A class whose listing shows no parameterless constructor gets a `private protected`
one (invisible outside the assembly) so that the stand-in subclasses compile. Protected members that user subclasses
override or call (`Layer.Call`, …) come from TensorFlow.Keras-0.15.0.protected.txt (current generation only).

Usage: python3 tools/tfnet/generate_standins.py   (from the repository root; rewrites samples/TfNetApi/*/Generated.cs)
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "api"

KEYWORDS = {"int", "float", "string", "bool", "long", "double", "object", "void", "byte", "sbyte", "short", "ushort",
            "uint", "ulong", "char", "decimal", "nint", "nuint"}
CS_RESERVED = {"var", "object", "params", "base", "out", "in", "operator", "string", "int", "float", "class", "event",
               "fixed", "lock", "ref", "this", "new", "default", "checked", "namespace", "interface", "internal",
               "is", "as", "bool", "char", "const", "double", "enum", "explicit", "implicit", "extern", "finally",
               "goto", "long", "null", "override", "private", "protected", "public", "readonly", "return", "sealed",
               "short", "sizeof", "static", "struct", "switch", "throw", "try", "typeof", "uint", "ulong", "unchecked",
               "unsafe", "ushort", "using", "virtual", "void", "volatile", "while", "delegate", "decimal", "do",
               "else", "for", "foreach", "if", "continue", "break", "case", "catch", "byte", "sbyte", "abstract"}

# Interfaces implemented by classes (facts from the sources: e.g. `public abstract class Loss : ILossFunc`).
INTERFACES = {
    "Tensorflow.Keras.Engine.Layer": ["Tensorflow.Keras.ILayer"],
    "Tensorflow.Keras.Engine.Model": ["Tensorflow.Keras.Engine.IModel"],
    "Tensorflow.Keras.Losses.Loss": ["Tensorflow.Keras.Losses.ILossFunc"],
    "Tensorflow.Keras.Metrics.Metric": ["Tensorflow.Keras.Metrics.IMetricFunc"],
    "Tensorflow.Keras.Optimizers.OptimizerV2": ["Tensorflow.Keras.Engine.IOptimizer"],
    "Tensorflow.Keras.Callbacks.EarlyStopping": ["Tensorflow.Keras.Engine.ICallback"],
    "Tensorflow.Keras.Callbacks.History": ["Tensorflow.Keras.Engine.ICallback"],
    "Tensorflow.Keras.Layers.LayersApi": ["Tensorflow.Keras.Layers.ILayersApi"],
    "Tensorflow.Keras.Losses.LossesApi": ["Tensorflow.Keras.Losses.ILossesApi"],
    "Tensorflow.Keras.Metrics.MetricsApi": ["Tensorflow.Keras.Metrics.IMetricsApi"],
    "Tensorflow.Keras.Optimizers.OptimizerApi": ["Tensorflow.Keras.IOptimizerApi"],
    "Tensorflow.Keras.Activations": ["Tensorflow.Keras.IActivationsApi"],
}
INTERFACE_BASES = {"Tensorflow.Keras.Engine.IModel": ["Tensorflow.Keras.ILayer"]}

# Values the listings do not carry (const fields, enum members), from the sources at the listed revision.
CONST_VALUES = {
    "Tensorflow.Keras.Losses.ReductionV2": {"AUTO": '"auto"', "NONE": '"none"', "SUM": '"sum"',
                                            "SUM_OVER_BATCH_SIZE": '"sum_over_batch_size"', "WEIGHTED_MEAN": '"weighted_mean"'},
}
ENUM_VALUES = {
    "Tensorflow.TF_DataType": dict(
        DtInvalid=0, TF_FLOAT=1, TF_DOUBLE=2, TF_INT32=3, TF_UINT8=4, TF_INT16=5, TF_INT8=6, TF_STRING=7, TF_COMPLEX64=8,
        TF_COMPLEX=8, TF_INT64=9, TF_BOOL=10, TF_QINT8=11, TF_QUINT8=12, TF_QINT32=13, TF_BFLOAT16=14, TF_QINT16=15,
        TF_QUINT16=16, TF_UINT16=17, TF_COMPLEX128=18, TF_HALF=19, TF_RESOURCE=20, TF_VARIANT=21, TF_UINT32=22,
        TF_UINT64=23, DtFloatRef=101, DtDoubleRef=102, DtInt32Ref=103, DtUint8Ref=104, DtInt16Ref=105, DtInt8Ref=106,
        DtStringRef=107, DtComplex64Ref=108, DtInt64Ref=109, DtBoolRef=110, DtQint8Ref=111, DtQuint8Ref=112,
        DtQint32Ref=113, DtBfloat16Ref=114, DtQint16Ref=115, DtQuint16Ref=116, DtUint16Ref=117, DtComplex128Ref=118,
        DtHalfRef=119, DtResourceRef=120, DtVariantRef=121, DtUint32Ref=122, DtUint64Ref=123),
}

# Declared by hand in Placeholders.cs (not in the listings, or only their shape is needed).
PLACEHOLDERS = {"Tensorflow.DisposableObject", "Tensorflow.Common.Types.Nest", "Tensorflow.Axis", "Tensorflow.IVariableV1",
                "Tensorflow.IDatasetV2", "Tensorflow.Util.ValidationDataPack", "Tensorflow.Train.Trackable",
                "Tensorflow.Train.AutoTrackable", "Tensorflow.Common.Types.IOptionalArgs", "Tensorflow.Framework.Models.TypeSpec"}

BINDING_TYPES = [
    "Tensorflow.Binding", "Tensorflow.IInitializer", "Tensorflow.TF_DataType", "Tensorflow.Shape", "Tensorflow.Tensor",
    "Tensorflow.Tensors", "Tensorflow.NumPy.NDArray", "Tensorflow.NumPy.np", "Tensorflow.tensorflow",
    "Tensorflow.tensorflow.nn_internal", "Tensorflow.tensorflow.MathApi",
    "Tensorflow.Keras.Activation", "Tensorflow.Keras.ILayer", "Tensorflow.Keras.IKerasApi", "Tensorflow.Keras.IActivationsApi",
    "Tensorflow.Keras.IInitializersApi", "Tensorflow.Keras.IOptimizerApi", "Tensorflow.Keras.Engine.IModel",
    "Tensorflow.Keras.Engine.ICallback", "Tensorflow.Keras.Engine.IOptimizer", "Tensorflow.Keras.Engine.INode",
    "Tensorflow.Keras.Engine.KerasTensor", "Tensorflow.Keras.Layers.ILayersApi", "Tensorflow.Keras.Losses.ILossesApi",
    "Tensorflow.Keras.Losses.ILossFunc", "Tensorflow.Keras.Metrics.IMetricFunc", "Tensorflow.Keras.Metrics.IMetricsApi",
    "Tensorflow.Keras.Saving.KerasShapesWrapper", "Tensorflow.Keras.Saving.IKerasConfig",
    "Tensorflow.Keras.ArgsDefinition.LayerArgs", "Tensorflow.Keras.ArgsDefinition.ModelArgs",
    # Parameter types of listed constructors (Sequential(SequentialArgs), OptimizerV2(OptimizerV2Args), RMSprop(RMSpropArgs)).
    "Tensorflow.Keras.ArgsDefinition.SequentialArgs", "Tensorflow.Keras.ArgsDefinition.OptimizerV2Args",
    "Tensorflow.Keras.ArgsDefinition.RMSpropArgs",
]
KERAS_TYPES = [
    "Tensorflow.KerasApi", "Tensorflow.Keras.KerasInterface", "Tensorflow.Keras.Activations",
    "Tensorflow.Keras.Engine.Layer", "Tensorflow.Keras.Engine.Model", "Tensorflow.Keras.Engine.Functional",
    "Tensorflow.Keras.Engine.Sequential", "Tensorflow.Keras.Layers.LayersApi",
    "Tensorflow.Keras.Losses.Loss", "Tensorflow.Keras.Losses.LossFunctionWrapper", "Tensorflow.Keras.Losses.LossesApi",
    "Tensorflow.Keras.Losses.ReductionV2", "Tensorflow.Keras.Losses.BinaryCrossentropy",
    "Tensorflow.Keras.Losses.CategoricalCrossentropy", "Tensorflow.Keras.Losses.SparseCategoricalCrossentropy",
    "Tensorflow.Keras.Losses.MeanSquaredError", "Tensorflow.Keras.Losses.MeanAbsoluteError",
    "Tensorflow.Keras.Losses.MeanAbsolutePercentageError", "Tensorflow.Keras.Losses.MeanSquaredLogarithmicError",
    "Tensorflow.Keras.Losses.CosineSimilarity", "Tensorflow.Keras.Losses.Huber", "Tensorflow.Keras.Losses.LogCosh",
    "Tensorflow.Keras.Losses.SigmoidFocalCrossEntropy",
    "Tensorflow.Keras.Metrics.Metric", "Tensorflow.Keras.Metrics.Reduce", "Tensorflow.Keras.Metrics.Mean",
    "Tensorflow.Keras.Metrics.MeanMetricWrapper", "Tensorflow.Keras.Metrics.Accuracy", "Tensorflow.Keras.Metrics.BinaryAccuracy",
    "Tensorflow.Keras.Metrics.CategoricalAccuracy", "Tensorflow.Keras.Metrics.CategoricalCrossentropy",
    "Tensorflow.Keras.Metrics.SparseCategoricalAccuracy", "Tensorflow.Keras.Metrics.SparseCategoricalCrossentropy",
    "Tensorflow.Keras.Metrics.CosineSimilarity", "Tensorflow.Keras.Metrics.TopKCategoricalAccuracy",
    "Tensorflow.Keras.Metrics.SparseTopKCategoricalAccuracy", "Tensorflow.Keras.Metrics.Precision",
    "Tensorflow.Keras.Metrics.Recall", "Tensorflow.Keras.Metrics.MetricsApi",
    "Tensorflow.Keras.Optimizers.OptimizerV2", "Tensorflow.Keras.Optimizers.Adam", "Tensorflow.Keras.Optimizers.RMSprop",
    "Tensorflow.Keras.Optimizers.SGD", "Tensorflow.Keras.Optimizers.OptimizerApi",
    "Tensorflow.Keras.Callbacks.CallbackParams", "Tensorflow.Keras.Callbacks.EarlyStopping", "Tensorflow.Keras.Callbacks.History",
    "Tensorflow.Keras.Datasets.KerasDataset", "Tensorflow.Keras.Datasets.Mnist", "Tensorflow.Keras.Datasets.DatasetPass",
]

HEADER = re.compile(r"^(static |abstract |sealed )?(class|interface|enum|struct|delegate) ([^ :]+(?:<[^>]*>)?)(?: : (.+))?$")


def parse_listing(path):
    types = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            m = HEADER.match(line)
            if not m:
                # A default value holding a line break (char split = '\n') continues the previous member line.
                current["members"][-1] += "\n" + line
                continue
            current = {"mod": (m.group(1) or "").strip(), "kind": m.group(2), "name": m.group(3),
                       "base": m.group(4), "members": []}
            types[m.group(3)] = current
        else:
            current["members"].append(line.strip())
    return types


def split_params(text):
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


TYPE_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


class Gen:
    def __init__(self, declared, enums):
        self.declared = declared  # full names of declared types (listed + placeholders)
        self.enums = enums

    def known(self, t):
        if "*" in t:
            return False  # pointers need unsafe code
        for tok in TYPE_TOKEN.findall(t):
            if tok in KEYWORDS or tok.startswith("System."):
                continue
            if tok not in self.declared:
                return False
        return True

    def cs_type(self, t):
        def rep(m):
            tok = m.group(0)
            if tok in KEYWORDS:
                return tok
            return "global::" + tok
        return TYPE_TOKEN.sub(rep, t)

    def parse_member(self, simple, line):
        """Returns a dict or None (skipped)."""
        static = line.startswith("static ")
        body = line[len("static "):] if static else line
        if " [implicit]" in body:
            return None
        if body.startswith("const field ") or body.startswith("field "):
            const = body.startswith("const ")
            rest = body.split("field ", 1)[1]
            t, name = rest.rsplit(" ", 1)
            return {"kind": "field", "static": static, "const": const, "type": t, "name": name.split(".", 1)[1]}
        m = re.match(r"^(?:(.+) )?" + re.escape(simple) + r"\.(\w+|this\[\])(<[^>]*>)?(\((.*)\))?( \{ (get; )?(set; )?\})?$", body)
        if not m:
            return None
        ret, name, generic, _, params, prop, get, set_ = m.groups()
        if generic or name == "this[]":
            return None
        if prop:
            return {"kind": "property", "static": static, "type": ret, "name": name, "get": bool(get), "set": bool(set_)}
        plist = []
        for p in split_params(params or ""):
            out = p.startswith("out ")
            if out:
                p = p[len("out "):]
            pm = re.match(r"^(params )?(.+?) (@?\w+)(?: = (.+))?$", p)
            if not pm or p.startswith(("ref ", "in ")):
                return None
            plist.append({"params": bool(pm.group(1)), "type": pm.group(2), "name": pm.group(3), "default": pm.group(4), "out": out})
        if name == "ctor":
            return {"kind": "ctor", "static": static, "params": plist}
        return {"kind": "method", "static": static, "type": ret, "name": name, "params": plist}

    def types_of(self, m):
        ts = []
        if m.get("type"):
            ts.append(m["type"])
        ts += [p["type"] for p in m.get("params", [])]
        return ts

    def default(self, ptype, value):
        if value is None:
            return ""
        if value in ("null", "true", "false") or value.startswith('"'):
            return " = " + value
        base = ptype.rstrip("?")
        if base == "float":
            return " = " + value + "f"
        if base == "double":
            return " = " + value + "d"
        if base == "long" or base == "int":
            return " = " + value
        if base in self.enums:
            return f" = ({self.cs_type(base)})({value})"
        return " = " + value

    def param_text(self, p):
        name = p["name"] if p["name"] not in CS_RESERVED else "@" + p["name"]
        return ("params " if p["params"] else "") + ("out " if p.get("out") else "") + self.cs_type(p["type"]) + " " + name + self.default(p["type"], p["default"])

    def signature(self, m):
        """Name + parameter types, to find overrides and interface members."""
        if m["kind"] == "property":
            return m["name"]
        return m["name"] + "(" + ",".join(p["type"] for p in m.get("params", [])) + ")"


def generate(listing_path, type_names, out_path, namespace_note):
    types = parse_listing(listing_path)
    declared_here = [t for t in type_names if t in types]
    missing = [t for t in type_names if t not in types]
    if missing:
        raise SystemExit(f"not in {listing_path.name}: {missing}")
    return types, declared_here


GENERATION_2022_EXTRA_KERAS = ["Tensorflow.Keras.Layers.Dense", "Tensorflow.Keras.Layers.Dropout", "Tensorflow.Keras.Layers.Flatten",
                               "Tensorflow.Keras.Layers.Softmax", "Tensorflow.Keras.Engine.Layer",
                               # Parameter types of the layers' listed constructors (Dense(DenseArgs), …).
                               "Tensorflow.Keras.ArgsDefinition.DenseArgs", "Tensorflow.Keras.ArgsDefinition.DropoutArgs",
                               "Tensorflow.Keras.ArgsDefinition.FlattenArgs", "Tensorflow.Keras.ArgsDefinition.SoftmaxArgs"]


def main():
    generate_pair("TensorFlow.NET-0.150.0.keras-surface.api.txt", "TensorFlow.Keras-0.15.0.api.txt", BINDING_TYPES, KERAS_TYPES,
                  ROOT / "samples" / "TfNetApi", "TensorFlow.NET 0.150.0", "TensorFlow.Keras 0.15.0",
                  protected_file="TensorFlow.Keras-0.15.0.protected.txt")
    b = parse_listing(DATA / "TensorFlow.NET-0.70.1.keras-surface.api.txt")
    k = parse_listing(DATA / "TensorFlow.Keras-0.7.0.api.txt")
    # Each type goes to the assembly whose listing has it (in 0.7.0 ILossFunc, IMetricFunc … lived in Tensorflow.Keras).
    wanted = list(dict.fromkeys(BINDING_TYPES + KERAS_TYPES + GENERATION_2022_EXTRA_KERAS))
    generate_pair("TensorFlow.NET-0.70.1.keras-surface.api.txt", "TensorFlow.Keras-0.7.0.api.txt",
                  [t for t in wanted if t in b], [t for t in wanted if t in k and t not in b],
                  ROOT / "samples" / "TfNetApi" / "Generation2022", "TensorFlow.NET 0.70.1", "TensorFlow.Keras 0.7.0")


PROTECTED = re.compile(r"^protected (virtual |override )?(.+) (\w+)\.(\w+)(\((.*)\))?$")


def parse_protected(path):
    """TensorFlow.Keras-0.15.0.protected.txt: type headers as in the public listings, members as
    `protected [virtual|override] <type> <Type>.<name>[(<params>)]   # file:line`; `#` lines are comments."""
    out = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            current = HEADER.match(line).group(3)
            out[current] = []
            continue
        m = PROTECTED.match(line.split("   #", 1)[0].strip())
        modifier, ret, _, name, call, params = m.groups()
        out[current].append({"modifier": (modifier or "").strip(), "type": ret, "name": name,
                             "params": None if call is None else split_params(params or "")})
    return out


def generate_pair(binding_file, keras_file, BINDING_TYPES, KERAS_TYPES, out_dir, binding_title, keras_title, protected_file=None):
    protected = parse_protected(DATA / protected_file) if protected_file else {}
    binding = parse_listing(DATA / binding_file)
    keras = parse_listing(DATA / keras_file)
    all_types = {}
    all_types.update(binding)
    all_types.update(keras)
    declared = set(BINDING_TYPES) | set(KERAS_TYPES) | PLACEHOLDERS
    enums = {t for t in declared if t in all_types and all_types[t]["kind"] == "enum"}
    g = Gen(declared, enums)

    # Members per type (filtered), used for override and interface decisions.
    members = {}
    for t in BINDING_TYPES + KERAS_TYPES:
        info = all_types[t]
        simple = t.split(".")[-1]
        ms = []
        for line in info["members"]:
            m = g.parse_member(simple, line)
            if m is None or not all(g.known(x) for x in g.types_of(m)):
                continue
            if m["kind"] == "method" and m["name"].startswith("op_") and m["name"] not in ("op_Implicit", "op_Explicit"):
                continue
            ms.append(m)
        members[t] = ms

    def base_of(t):
        b = all_types[t]["base"] if t in all_types else None
        if b and b.startswith("System."):
            return None
        return b

    def chain_sigs(t):
        sigs = set()
        b = base_of(t)
        while b and b in members:
            sigs |= {g.signature(m) for m in members[b] if m["kind"] in ("method", "property") and not m["static"]}
            b = base_of(b)
        return sigs

    def all_interface_members(iface):
        ms = list(members.get(iface, []))
        for bi in INTERFACE_BASES.get(iface, []):
            ms += [(m) for m in all_interface_members(bi)]
        return ms

    def value_type(tok):
        return tok in KEYWORDS - {"string", "object"} or (tok in all_types and all_types[tok]["kind"] in ("enum", "struct"))

    def protected_member(pm, inner):
        """One member of the protected listing, or nothing when a type it needs is not declared here. A `?` on a
        reference type is kept (inside `#nullable enable annotations`) so the member reads back as listed."""
        params = []
        for p in pm["params"] or []:
            m = re.match(r"^(.+?) (@?\w+)(?: = (.+))?$", p)
            params.append({"params": False, "type": m.group(1), "name": m.group(2), "default": m.group(3), "out": False})
        if not all(g.known(x.rstrip("?")) for x in [pm["type"]] + [p["type"] for p in params]):
            return []
        nullable_ref = any(x.endswith("?") and not value_type(x[:-1]) for x in [pm["type"]] + [p["type"] for p in params])
        mods = "protected " + (pm["modifier"] + " " if pm["modifier"] else "")
        if pm["params"] is None:
            text = [f"{inner}{mods}{g.cs_type(pm['type'])} {pm['name']};"]
        else:
            body = "{ }" if pm["type"] == "void" else "=> throw new global::System.NotImplementedException();"
            if pm["type"] == "void":
                text = [f"{inner}{mods}void {pm['name']}({', '.join(g.param_text(p) for p in params)}) {{ }}"]
            else:
                text = [f"{inner}{mods}{g.cs_type(pm['type'])} {pm['name']}({', '.join(g.param_text(p) for p in params)}) {body}"]
        if nullable_ref:
            return ["#nullable enable annotations"] + text + ["#nullable restore"]
        return text

    def emit_type(t, indent):
        info = all_types[t]
        simple = t.split(".")[-1]
        kind = info["kind"]
        pad = "    " * indent
        lines = []
        if kind == "delegate":
            inv = next(g.parse_member(simple, l) for l in info["members"] if f"{simple}.Invoke(" in l)
            lines.append(f"{pad}public delegate {g.cs_type(inv['type'])} {simple}({', '.join(g.param_text(p) for p in inv['params'])});")
            return lines
        if kind == "enum":
            lines.append(f"{pad}public enum {simple}")
            lines.append(pad + "{")
            for m in members[t]:
                if m["kind"] == "field":
                    lines.append(f"{pad}    {m['name']} = {ENUM_VALUES[t][m['name']]},")
            lines.append(pad + "}")
            return lines
        is_static = info["mod"] == "static"
        is_iface = kind == "interface"
        mods = "public " + ("static " if is_static else "abstract " if info["mod"] == "abstract" else "")
        bases = []
        b = base_of(t)
        if b:
            bases.append(g.cs_type(b))
        bases += [g.cs_type(i) for i in INTERFACES.get(t, []) + INTERFACE_BASES.get(t, []) if i in declared]
        head = f"{pad}{mods}{'partial interface' if is_iface else 'partial class'} {simple}"
        if bases:
            head += " : " + ", ".join(bases)
        lines.append(head)
        lines.append(pad + "{")
        inner = pad + "    "
        inherited = chain_sigs(t)
        own = set()
        has_default_ctor = False
        for m in members[t]:
            if m["kind"] == "ctor":
                if m["static"]:
                    continue
                if not m["params"]:
                    has_default_ctor = True
                lines.append(f"{inner}public {simple}({', '.join(g.param_text(p) for p in m['params'])}) {{ }}")
                continue
            if m["kind"] == "field":
                if m["const"]:
                    value = CONST_VALUES.get(t, {}).get(m["name"])
                    if value is None:
                        continue
                    lines.append(f"{inner}public const {g.cs_type(m['type'])} {m['name']} = {value};")
                else:
                    fname = m["name"] if m["name"] not in CS_RESERVED else "@" + m["name"]
                    lines.append(f"{inner}public {'static ' if m['static'] else ''}{g.cs_type(m['type'])} {fname};")
                continue
            sig = g.signature(m)
            own.add(sig)
            if is_iface:
                if m["kind"] == "property":
                    acc = ("get; " if m["get"] else "") + ("set; " if m["set"] else "")
                    lines.append(f"{inner}{g.cs_type(m['type'])} {m['name']} {{ {acc}}}")
                else:
                    lines.append(f"{inner}{g.cs_type(m['type'])} {m['name']}({', '.join(g.param_text(p) for p in m['params'])});")
                continue
            if m["kind"] == "method" and m["name"] in ("op_Implicit", "op_Explicit"):
                word = "implicit" if m["name"] == "op_Implicit" else "explicit"
                lines.append(f"{inner}public static {word} operator {g.cs_type(m['type'])}({', '.join(g.param_text(p) for p in m['params'])}) => throw new global::System.NotImplementedException();")
                continue
            if m["static"] or is_static:
                virt = "static "
            elif sig in inherited:
                virt = "override "
            else:
                virt = "virtual "
            if m["kind"] == "property":
                acc = ("get => throw new global::System.NotImplementedException(); " if m["get"] else "") + \
                      ("set => throw new global::System.NotImplementedException(); " if m["set"] else "")
                lines.append(f"{inner}public {virt}{g.cs_type(m['type'])} {m['name']} {{ {acc}}}")
            else:
                lines.append(f"{inner}public {virt}{g.cs_type(m['type'])} {m['name']}({', '.join(g.param_text(p) for p in m['params'])}) => throw new global::System.NotImplementedException();")
        if not is_iface and not is_static and not has_default_ctor:
            lines.append(f"{inner}private protected {simple}() {{ }}")
        for pm in protected.get(t, []):
            lines += protected_member(pm, inner)
        # Interface members the class does not declare publicly (the listing shows none): explicit implementations.
        if not is_iface:
            available = set(own)
            bb = t
            while bb:
                available |= {g.signature(m) for m in members.get(bb, []) if m["kind"] in ("method", "property")}
                bb = base_of(bb)
            implemented = set()
            bb = base_of(t)
            while bb:
                for i in INTERFACES.get(bb, []):
                    implemented.add(i)
                    implemented.update(INTERFACE_BASES.get(i, []))
                bb = base_of(bb)
            for iface in [i for i in INTERFACES.get(t, []) if i in declared]:
                for m in all_interface_members(iface):
                    owner = iface if m in members.get(iface, []) else next(bi for bi in INTERFACE_BASES.get(iface, []))
                    if g.signature(m) in available:
                        continue
                    if owner in implemented:
                        continue
                    if m["kind"] == "property":
                        acc = ("get => throw new global::System.NotImplementedException(); " if m["get"] else "") + \
                              ("set => throw new global::System.NotImplementedException(); " if m["set"] else "")
                        lines.append(f"{inner}{g.cs_type(m['type'])} {g.cs_type(owner)}.{m['name']} {{ {acc}}}")
                    else:
                        ps = ", ".join(g.cs_type(p["type"]) + " " + (p["name"] if p["name"] not in CS_RESERVED else "@" + p["name"]) for p in m["params"])
                        lines.append(f"{inner}{g.cs_type(m['type'])} {g.cs_type(owner)}.{m['name']}({ps}) => throw new global::System.NotImplementedException();")
        for nested in [n for n in BINDING_TYPES + KERAS_TYPES if n.startswith(t + ".") and "." not in n[len(t) + 1:]]:
            lines += emit_type(nested, indent + 1)
        lines.append(pad + "}")
        return lines

    def write(type_list, path, title):
        by_ns = {}
        for t in type_list:
            parent = t.rsplit(".", 1)[0]
            if parent in all_types:
                continue  # nested: emitted inside its parent
            by_ns.setdefault(parent, []).append(t)
        out = [f"// <auto-generated> {title}: written by tools/tfnet/generate_standins.py from tests/data/api/. Do not edit. </auto-generated>",
               "// Compile-time stand-in: every body throws. Names, namespaces, parameter names and defaults are the listing's.",
               "#pragma warning disable CS0108, CS0114, CS0649, CS8981, CS1591, CS0660, CS0661",
               ""]
        for ns in sorted(by_ns):
            out.append(f"namespace {ns}")
            out.append("{")
            for t in sorted(by_ns[ns]):
                out += emit_type(t, 1)
                out.append("")
            if out[-1] == "":
                out.pop()
            out.append("}")
            out.append("")
        path.write_text("\n".join(out), encoding="utf-8")

    write(BINDING_TYPES, out_dir / "Binding" / "Generated.cs", binding_title + " (Tensorflow.Binding)")
    write(KERAS_TYPES, out_dir / "Keras" / "Generated.cs", keras_title + " (Tensorflow.Keras)")


if __name__ == "__main__":
    main()
