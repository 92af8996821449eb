#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compiles the recognition rules (core/data/rules/*.rules) into a C++ header (run by CMake).

Usage: compile_rules.py OUTPUT.h INPUT.rules...

A rule is one line `Family: pattern => action` (see docs/tagger.md, "Rule files"). Every rule is
parsed and checked (known family, lexicon class, value and attr allowed for the class, known
terminal, flag, slot and builder, captures defined before use); the first problem fails the
build with "file:line: error: message". The output is ASCII: flat constexpr tables of pattern
nodes, sequences, actions and rules, grouped by family, with the set of first-token classes of
each family so the engine skips tokens that start nothing.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compile_lexicon import CLASSES, write_if_changed  # noqa: E402  (shared with the lexicon tool)

CLASS_NAMES = list(CLASSES)

# Families the C++ cascade calls by name (recognize.cc / recognize_time.cc); their order is
# the enum order. A family here without rules matches nothing.
FAMILIES = ["SeasonExpr", "RefExpr", "SetExpr", "Weekend", "PodExpr", "HolidayExpr",
            "UnitRel", "CenturyExpr", "HijriExpr", "DayAlone", "WeekdayExpr", "DecadeCentury",
            "DeicticExpr", "YearExpr", "DayRange", "DayList", "DayMonth", "MonthExpr",
            "NumericDate"]

# Terminals computed in C++ (genuinely computational): name -> first-token classes (plus
# digits) through which they can start.
TERMINALS = {
    "Number": (["NUM"], True),     # digits, or number words composed with و
    "Day": (["ORD"], True),        # a day of the month: 1-31 in digits or a masculine ordinal
    "Month": (["MONTH"], False),   # a month name, with the double form "تشرين الأول / أكتوبر"
    "Year": (["NUM"], True),       # a year in digits or words, with an optional era mark
    "Deictic": (["DEICTIC"], False),  # the DeicticExpr family, not its generic use
    "Weekday": (["UNIT", "WEEKDAY"], False),  # the WeekdayExpr family (C++)
    "YearExpr": (["UNIT", "NUM"], True),  # the YearExpr family, a Gregorian year
    # The DayMonth family (data: day + month + year tail) as a sub-rule; its value is the day.
    "DayMonth": (["ORD"], True),
    # A UnitRel match that is a week relative to the DCT with no weekday of its own ("الأسبوع
    # المقبل"); its value is the offset.
    "WeekRel": (["DEM", "UNIT"], False),
    # The CenturyExpr family as a sub-rule: its value is the century (0-based, "القرن العشرين"
    # = 19); a century relative to the DCT ("القرن الماضي") has value 20 + offset and is marked.
    "CenturyExpr": (["UNIT"], False),
}

# Token flags: tested on the first token of the element (for a terminal, its start).
FLAGS = ["def", "!def", "bare", "!bare", "joined", "nospace", "wa", "!wa", "prep", "!prep",
         "greg", "hijri", "nolex", "word", "future", "digits", "multi", "!multi", "lex", "!digits", "suffix",
         "cue", "!cue", "recent", "!joined"]

FIELDS = {
    # name: kind
    "type": "type", "mod": "mod", "literal": "str", "year": "int", "month": "int", "day": "int",
    "hyear": "int", "hmonth": "int", "hday": "int", "century": "int", "decade": "int",
    "season": "season", "weekday": "int", "weekend": "bool", "hour": "int", "minute": "int",
    "second": "int", "nth": "int", "pod": "pod", "unit": "unit", "offset": "int",
    "anaphoric": "bool", "dir": "dir", "unknown_day": "bool", "anchor_value": "bool",
    "call": "call", "take": "take",
    # A year relative to the DCT year ("من العام الماضي" = -1): written into the year slot as
    # the marker -offset - 100000, which the tagger resolves against the DCT.
    "year_offset": "int",
}
ENUMS = {
    "type": ["DATE", "TIME", "DURATION", "SET"],
    "mod": ["NONE", "START", "MID", "END", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE",
            "EQUAL_OR_LESS", "APPROX"],
    "season": ["SP", "SU", "FA", "WI"],
    "pod": ["MO", "MI", "AF", "EV", "NI", "DT"],
    "unit": ["Y", "M", "W", "D", "DE", "CE", "SEASON"],
    "dir": ["none", "past", "future", "current", "bytense"],
}
# C++ builders a rule may name with call=... (registered in recognize_rules.cc): they compute
# what the slot syntax cannot and may reject the match.
BUILDERS = ["HolidayDate", "SetEvery", "Decade", "GenericRef", "DayRange"]

MAX_CAPS = 8
MAX_LIST = 8  # values or attrs listed in one element


class RuleError(Exception):
    pass


TOKEN_RE = re.compile(r"""\s*(
    '[^']'                      # punctuation
  | [A-Za-z_][A-Za-z0-9_]*:    # capture name
  | \#[A-Za-z0-9\-]*           # digits
  | @[A-Za-z]+(?:\{[0-9]+-[0-9]+\})?  # terminal, optional value range
  | (?:ART|WAW|END|ANY)(?![A-Za-z~=@])
  | [A-Z][A-Z]*~?(=!?[A-Za-z0-9_,:*\-]+)?(@!?[A-Za-z0-9_,\-]+)?  # lexicon class
  | \[[a-z!,]+\]               # flags
  | [()|?!&<]
)""", re.X)


def tokenize(s):
    out, pos = [], 0
    s = s.rstrip()
    while pos < len(s):
        m = TOKEN_RE.match(s, pos)
        if not m or m.end() == pos:
            raise RuleError(f"cannot read the pattern at '{s[pos:pos + 12].strip()}'")
        out.append(m.group(1))
        pos = m.end()
        while pos < len(s) and s[pos] == " ":
            pos += 1
    return out


class Parser:
    def __init__(self, toks):
        self.t, self.k = toks, 0
        self.caps = []

    def peek(self):
        return self.t[self.k] if self.k < len(self.t) else None

    def take(self):
        tok = self.peek()
        self.k += 1
        return tok

    def alternatives(self):
        alts = [self.sequence()]
        while self.peek() == "|":
            self.take()
            alts.append(self.sequence())
        return alts

    def sequence(self):
        seq = []
        while self.peek() not in (None, "|", ")"):
            seq.append(self.element())
        if not seq:
            raise RuleError("empty sequence")
        return seq

    def element(self):
        node = {"mod": "", "cap": -1, "flags": [], "opt": False}
        tok = self.take()
        # "<x" tests the token before the match, "<<x" the one before that.
        while tok == "<" and node["mod"].count("<") < 2:
            node["mod"] += "<"
            tok = self.take()
        if tok in ("!", "&"):
            node["mod"] += tok
            tok = self.take()
        if tok and tok.endswith(":") and tok not in ("ART", "WAW"):
            name = tok[:-1]
            # A name may be reused (in the alternatives of a group): same capture.
            if name not in self.caps:
                if len(self.caps) >= MAX_CAPS:
                    raise RuleError(f"more than {MAX_CAPS} captures")
                self.caps.append(name)
            node["cap"] = self.caps.index(name)
            tok = self.take()
        if tok is None:
            raise RuleError("pattern ends after a prefix")
        if tok == "(":
            node["kind"] = "GROUP"
            node["alts"] = self.alternatives()
            if self.take() != ")":
                raise RuleError("missing ')'")
        elif tok.startswith("'"):
            node["kind"], node["punct"] = "PUNCT", tok[1]
        elif tok.startswith("#"):
            node["kind"] = "DIGITS"
            node["w"], node["v"] = (1, 9), (0, 10**9)
            for part in re.findall(r"[wv][0-9\-]+", tok[1:]):
                lo, _, hi = part[1:].partition("-")
                rng = (int(lo), int(hi or lo))
                node[part[0]] = rng
            if re.sub(r"[wv][0-9\-]+", "", tok[1:]):
                raise RuleError(f"bad digits element '{tok}' (use #, #w4, #w1-2, #v1-31)")
        elif tok.startswith("@"):
            name, _, rng = tok[1:].partition("{")
            if name not in TERMINALS:
                raise RuleError(f"unknown terminal '@{name}'")
            node["kind"], node["term"] = "TERM", name
            if rng:
                lo, hi = rng[:-1].split("-")
                node["v"] = (int(lo), int(hi))
        elif tok in ("ART", "WAW", "END", "ANY"):
            node["kind"] = tok
        elif re.match(r"^[A-Z]", tok):
            m = re.match(r"^([A-Z]+)(~?)(?:=(!?)([^@]+))?(?:@(!?)(.+))?$", tok)
            cls = m.group(1)
            if cls not in CLASSES:
                raise RuleError(f"unknown lexicon class '{cls}'")
            vcheck, acheck = CLASSES[cls]
            vals = m.group(4).split(",") if m.group(4) else []
            attrs = m.group(6).split(",") if m.group(6) else []
            if len(vals) > MAX_LIST or len(attrs) > MAX_LIST:
                raise RuleError(f"more than {MAX_LIST} values or attrs in one element")
            for v in vals:
                # "G:*": a prefix of the value column.
                if not (v.endswith("*") and len(v) > 1) and not vcheck(v):
                    raise RuleError(f"value '{v}' not allowed for class {cls}")
            for a in attrs:
                if not acheck(a):
                    raise RuleError(f"attr '{a}' not allowed for class {cls}")
            node.update(kind="LEX", cls=cls, phrase=bool(m.group(2)), vals=vals,
                        vneg=m.group(3) == "!", attrs=attrs, aneg=m.group(5) == "!")
        else:
            raise RuleError(f"unexpected '{tok}'")
        while self.peek() and self.peek().startswith("["):
            for f in self.take()[1:-1].split(","):
                if f not in FLAGS:
                    raise RuleError(f"unknown flag '[{f}]'")
                node["flags"].append(f)
        if self.peek() == "?":
            self.take()
            node["opt"] = True
        if node["mod"] and (node["opt"] or node["cap"] >= 0):
            raise RuleError("a look-around element cannot be optional or captured")
        return node


def parse_action(text, caps):
    acts = []
    for m in re.finditer(r'(\w+)=("[^"]*"|\S+)|(\S+)', text):
        if m.group(3):
            raise RuleError(f"action item '{m.group(3)}' is not slot=value")
        field, val = m.group(1), m.group(2)
        if field not in FIELDS:
            raise RuleError(f"unknown slot '{field}'")
        kind = FIELDS[field]
        act = {"field": field, "kind": "const", "int": 0, "cap": -1, "str": ""}
        if kind == "call":
            if val not in BUILDERS:
                raise RuleError(f"unknown builder '{val}'")
            act["int"] = BUILDERS.index(val)
        elif kind == "str":
            if not (val.startswith('"') and val.endswith('"')):
                raise RuleError("literal=\"...\" needs double quotes")
            act["str"] = val[1:-1]
            for ref in re.findall(r"\$([A-Za-z_]\w*)", act["str"]):
                if ref not in caps:
                    raise RuleError(f"undefined capture '${ref}'")
            act["kind"] = "tmpl"
        elif val.startswith("$"):
            m2 = re.match(r"^\$([A-Za-z_]\w*)([+-][0-9]+)?$", val)
            if not m2 or m2.group(1) not in caps:
                raise RuleError(f"undefined capture '{val}'")
            act.update(kind="cap", cap=caps.index(m2.group(1)), int=int(m2.group(2) or 0))
        elif kind == "int":
            if not re.match(r"^-?[0-9]+$", val):
                raise RuleError(f"slot {field} takes a number or $capture, not '{val}'")
            act["int"] = int(val)
        elif kind == "bool":
            if val not in ("true", "false"):
                raise RuleError(f"slot {field} takes true or false")
            act["int"] = int(val == "true")
        elif kind == "take":
            raise RuleError("take=$capture needs a capture")
        else:
            if val not in ENUMS[kind]:
                raise RuleError(f"slot {field}: '{val}' is not one of {', '.join(ENUMS[kind])}")
            act["int"] = ENUMS[kind].index(val)
            act["str"] = val
        acts.append(act)
    if not acts:
        raise RuleError("empty action")
    return acts


def lead_set(seq, full=True):
    """What the token at which `seq` starts can be: (classes, digits, punct, brk) — brk: any
    token after a line break — or None for any token (an element that takes any word, or a
    sequence that can match empty). Without `full` (the first-token sets), punctuation counts
    as any token and END as nothing."""
    classes, digits, punct, brk = set(), False, False, False
    for node in seq:
        if "<" in node["mod"] or node["mod"] in ("!", "&"):
            continue  # zero width
        kind = node["kind"]
        if kind == "END":
            # Zero width, but the token there closes the clause: punctuation or a line break
            # (or the end of the text, which the engine does not filter).
            if full and not node["opt"]:
                return classes, digits, True, True
            continue
        if kind == "LEX":
            classes.add(node["cls"])
        elif kind == "DIGITS":
            digits = True
        elif kind == "PUNCT" and full:
            punct = True
        elif kind == "TERM":
            cl, dg = TERMINALS[node["term"]]
            classes.update(cl)
            digits = digits or dg
        elif kind == "GROUP":
            for alt in node["alts"]:
                r = lead_set(alt, full)
                if r is None:
                    return None
                classes |= r[0]
                digits = digits or r[1]
                punct = punct or r[2]
                brk = brk or r[3]
        else:
            return None  # ART/WAW/ANY
        if not node["opt"]:
            return classes, digits, punct, brk
    return None


def first_set(seq):
    """Classes (and digits) a match of `seq` can start with; None = any token."""
    r = lead_set(seq, full=False)
    return None if r is None else (r[0], r[1])


# Terminals that take exactly one token when they start at a digits token (Year: one, then
# maybe an era mark).
DIGIT_TERMS = {"Day": set(), "Number": set(), "Year": {"ERA"}}


def second_set(seq, at_digits=False):
    """What the token after a match's first token can be: the lead set of what follows an
    element that always takes exactly one token there (a one-word lexicon class, digits,
    punctuation, ART, WAW, ANY; at a digits token also @Day, @Number and @Year, the latter
    maybe followed by an era mark), joined over the ways the pattern can open (an optional
    first element present or absent, each alternative of a group). None when unknown (a phrase
    or other terminal can take several tokens; or what follows can match empty)."""
    def union(a, b):
        if a is None or b is None:
            return None
        return a[0] | b[0], a[1] or b[1], a[2] or b[2], a[3] or b[3]

    for k, node in enumerate(seq):
        if "<" in node["mod"] or node["mod"] in ("!", "&") or node["kind"] == "END":
            continue
        rest = seq[k + 1:]
        kind = node["kind"]
        if kind == "GROUP":
            out = (set(), False, False, False)
            for alt in node["alts"]:
                out = union(out, second_set(alt + rest, at_digits))
        elif kind in ("DIGITS", "PUNCT", "ART", "WAW", "ANY") or (
                kind == "LEX" and not node["phrase"]):
            out = lead_set(rest)
        elif kind == "TERM" and at_digits and node["term"] in DIGIT_TERMS:
            out = union(lead_set(rest), (DIGIT_TERMS[node["term"]], False, False, False))
        else:
            return None
        return union(out, second_set(rest, at_digits)) if node["opt"] else out
    return None


def expand(text, frags):
    """Replaces each %Name (a fragment defined earlier in the file) with its text."""
    def sub(m):
        if m.group(1) not in frags:
            raise RuleError(f"unknown fragment '%{m.group(1)}' (define it first: %{m.group(1)} = ...)")
        return frags[m.group(1)]
    return re.sub(r"%([A-Za-z]\w*)", sub, text)


def escape(s):
    return "".join(f"\\x{b:02x}" for b in s.encode("utf-8"))


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: compile_rules.py OUTPUT INPUT.rules...\n")
        return 2
    out_path, inputs = sys.argv[1], sorted(sys.argv[2:])
    rules = []
    for fi, path in enumerate(inputs):
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        cont = ""
        start = 0
        frags = {}  # fragments are local to their file
        for n, line in enumerate(lines, 1):
            stripped = line.strip()
            if not cont and (not stripped or stripped.startswith("#")):
                continue
            if not cont:
                start = n
            # A line ending with '\' continues on the next one.
            if stripped.endswith("\\"):
                cont += stripped[:-1] + " "
                continue
            text = cont + stripped
            cont = ""
            try:
                # "%Name = text" defines a fragment of this file; "%Name" in a later rule (or
                # fragment) stands for that text.
                fm = re.match(r"^%([A-Za-z]\w*)\s*=(.*)$", text)
                if fm:
                    if fm.group(1) in frags:
                        raise RuleError(f"fragment '%{fm.group(1)}' defined twice")
                    frags[fm.group(1)] = expand(fm.group(2).strip(), frags)
                    continue
                text = expand(text, frags)
                fam, sep, rest = text.partition(":")
                fam = fam.strip()
                if not sep or not re.match(r"^[A-Za-z]+$", fam):
                    raise RuleError("expected 'Family: pattern => action'")
                if fam not in FAMILIES:
                    raise RuleError(f"unknown family '{fam}' (known: {', '.join(FAMILIES)})")
                pat, sep, act = rest.partition("=>")
                if not sep:
                    raise RuleError("missing '=>' between pattern and action")
                p = Parser(tokenize(pat))
                seq = p.sequence()
                if p.peek() is not None:
                    raise RuleError(f"unexpected '{p.peek()}'")
                for k, node in enumerate(seq):
                    if "<" in node["mod"] and any("<" not in x["mod"] for x in seq[:k]):
                        raise RuleError("a look-behind '<' element must open the pattern")
                acts = parse_action(act.strip(), p.caps)
                fs = first_set(seq)
                rules.append(dict(fam=FAMILIES.index(fam), seq=seq, acts=acts, file=fi, line=start,
                                  first=fs, second=second_set(seq),
                                  dsecond=second_set(seq, at_digits=True), caps=",".join(p.caps)))
            except RuleError as e:
                sys.stderr.write(f"{path}:{start}: error: {e}\n")
                return 1
        if cont:
            sys.stderr.write(f"{path}:{start}: error: the file ends inside a continued rule\n")
            return 1
    rules.sort(key=lambda r: r["fam"])  # stable: file order within a family

    nodes, seqs, acts_out = [], [], []
    seq_first = []  # first_set of each sequence: the engine skips an alternative that cannot start

    # Alternatives of a group must be consecutive sequence ids: emit each group's alternatives
    # as a block before recursing into them.
    def emit_seq_block(alts):
        base = len(seqs)
        seqs.extend([None] * len(alts))
        seq_first.extend([None] * len(alts))
        for a_i, alt in enumerate(alts):
            first = len(nodes)
            nodes.extend([None] * len(alt))
            seqs[base + a_i] = (first, len(alt))
            seq_first[base + a_i] = first_set(alt)
            for k, node in enumerate(alt):
                af = ac = 0
                if node["kind"] == "GROUP":
                    af, ac = emit_seq_block(node["alts"]), len(node["alts"])
                nodes[first + k] = (node, af, ac)
        return base

    rule_rows = []
    node_fam = []  # the family of each node (signatures are numbered per family)
    for r in rules:
        seq_id = emit_seq_block([r["seq"]])
        node_fam.extend([r["fam"]] * (len(nodes) - len(node_fam)))
        a0 = len(acts_out)
        acts_out.extend(r["acts"])
        rule_rows.append((r, seq_id, a0, len(r["acts"])))

    def cls_ref(c):
        return f"Cls::k{c.title()}"

    def strs(lst):
        return "{" + ", ".join(f'"{x}"' for x in lst) + "}" if lst else "{}"

    kinds = {"LEX": "kLex", "DIGITS": "kDigits", "PUNCT": "kPunct", "TERM": "kTerm",
             "GROUP": "kGroup", "ART": "kArt", "WAW": "kWaw", "END": "kEnd", "ANY": "kAny"}
    out = ["// Generated by tools/compile_rules.py from core/data/rules/*.rules. Do not edit.",
           "// NOLINTBEGIN", "#pragma once", "#include <cstdint>", '#include "tarikh_lexicon_data.h"',
           "namespace tarikh::rules {", "using lex::Cls;",
           "enum class Family : uint8_t {" + ", ".join(f"k{f}" for f in FAMILIES) + "};",
           f"inline constexpr int kFamilyCount = {len(FAMILIES)};",
           "enum class Term : uint8_t {" + ", ".join(f"k{t}" for t in TERMINALS) + "};",
           f"inline constexpr int kTermCount = {len(TERMINALS)};",
           "enum class Builder : uint8_t {" + ", ".join(f"k{b}" for b in BUILDERS) + "};",
           "enum class NodeKind : uint8_t { kLex, kDigits, kPunct, kTerm, kGroup, kArt, kWaw, kEnd, kAny };",
           "enum Flag : uint32_t {" + ", ".join(
               f"kF{re.sub(r'[^A-Za-z]', '', f.replace('!', 'Not').title())} = 1u << {i}"
               for i, f in enumerate(FLAGS)) + "};",
           "enum class Field : uint8_t {" + ", ".join(
               f"k{''.join(w.title() for w in f.split('_'))}" for f in FIELDS) + "};",
           "enum class ActKind : uint8_t { kConst, kCap, kTmpl };",
           f"inline constexpr int kMaxCaps = {MAX_CAPS};",
           "struct Node { NodeKind kind; bool opt, neg, ahead; uint8_t behind; int8_t cap; Cls cls; bool phrase;",
           f"  const char* vals[{MAX_LIST}]; uint8_t nvals; bool vneg; const char* attrs[{MAX_LIST}];",
           "  uint8_t nattrs;",
           "  bool aneg; uint32_t flags; int32_t wmin, wmax, vmin, vmax; char punct; Term term;",
           "  uint16_t alt_first, alt_count; uint16_t sig; };",
           "struct Seq { uint16_t first, count; uint64_t first_mask; bool first_digits, first_any; };",
           "struct Action { Field field; ActKind kind; int32_t ival; int8_t cap; const char* str; };",
           "struct Second { uint64_t mask; bool digits, punct, brk, any; };",
           "struct Rule { Family family; uint16_t seq; uint16_t act_first, act_count; uint64_t first_mask;",
           "  bool first_digits, first_any; const char* caps; const char* file; uint16_t line;",
           "  int16_t first_node;",
           "  // The token after the first one (when the first element takes exactly one token):",
           "  // its classes, digits, punctuation, a line break; any = not known. [0]: the first",
           "  // token is a word, [1]: digits.",
           "  Second second[2]; };",
           "inline constexpr const char* kFiles[] = {" +
           ", ".join(f'"{os.path.basename(p)}"' for p in inputs) + "};",
           "inline constexpr Node kNodes[] = {"]
    # Signatures are numbered within a family (the engine's memo lives for one family call),
    # which keeps the per-call memo, cleared at every call, small.
    sigs = {}
    for n_i, (node, af, ac) in enumerate(nodes):
        mod = node["mod"]
        # Identical elements share a signature: the engine matches each once per start token.
        key = repr({k: v for k, v in node.items() if k not in ("cap", "opt", "mod", "alts")}) + \
            (repr((af, ac)) if node["kind"] == "GROUP" else "")
        fam_sigs = sigs.setdefault(node_fam[n_i], {})
        sig = fam_sigs.setdefault(key, len(fam_sigs))
        flags = " | ".join(
            f"kF{re.sub(r'[^A-Za-z]', '', f.replace('!', 'Not').title())}" for f in node["flags"]) or "0"
        kind = node["kind"]
        vals = node.get("vals", [])
        attrs = node.get("attrs", [])
        w = node.get("w", (0, 0))
        v = node.get("v", (0, 0))
        out.append(
            f"  {{NodeKind::{kinds[kind]}, {str(node['opt']).lower()}, {str('!' in mod).lower()}, "
            f"{str('&' in mod).lower()}, {mod.count('<')}, {node['cap']}, "
            f"{cls_ref(node['cls']) if kind == 'LEX' else 'Cls{}'}, "
            f"{str(node.get('phrase', False)).lower()}, {strs(vals)}, {len(vals)}, "
            f"{str(node.get('vneg', False)).lower()}, {strs(attrs)}, {len(attrs)}, "
            f"{str(node.get('aneg', False)).lower()}, {flags}, {w[0]}, {w[1]}, {v[0]}, {v[1]}, "
            f"'{node.get('punct', ' ')}', Term::k{node.get('term', next(iter(TERMINALS)))}, "
            f"{af}, {ac}, {sig}}},")
    if not nodes:
        out.append("  {},")
    out.append("};")
    out.append(f"inline constexpr int kSigCount = "
               f"{max([len(v) for v in sigs.values()] + [1])};")
    def mask_of(fs):
        return " | ".join(f"(uint64_t{{1}} << static_cast<int>({cls_ref(c)}))"
                          for c in sorted(fs[0])) if fs and fs[0] else "0"
    out.append("inline constexpr Seq kSeqs[] = {" + ", ".join(
        f"{{{a}, {b}, {mask_of(fs)}, {str(bool(fs and fs[1])).lower()}, {str(fs is None).lower()}}}"
        for (a, b), fs in zip(seqs, seq_first)) +
               ("" if seqs else "{}") + "};")
    out.append("inline constexpr Action kActions[] = {")
    for a in acts_out:
        fname = "".join(w.title() for w in a["field"].split("_"))
        kind = {"const": "kConst", "cap": "kCap", "tmpl": "kTmpl"}[a["kind"]]
        out.append(f'  {{Field::k{fname}, ActKind::{kind}, {a["int"]}, {a["cap"]}, '
                   f'"{escape(a["str"])}"}},')
    if not acts_out:
        out.append("  {},")
    out.append("};")
    def first_node(seq_id):
        # The node every match of the rule starts with, when it is a plain element (consuming,
        # not optional, not a group or look-around): the engine tests it (remembered per
        # start token) before entering the pattern, so rules that cannot start cost little.
        # Look-arounds before it are zero width: the element still starts at the rule's token.
        first, count = seqs[seq_id]
        k = first
        while k < first + count - 1 and nodes[k][0]["mod"]:
            k += 1
        node = nodes[k][0]
        if node["kind"] == "GROUP" or node["opt"] or node["mod"] or node["kind"] == "END":
            return -1
        return k

    out.append("inline constexpr Rule kRules[] = {")
    for r, seq_id, a0, ac in rule_rows:
        fs = r["first"]
        mask = mask_of(fs)
        def second_of(ss):
            return (f"{{{mask_of(ss)}, {str(bool(ss and ss[1])).lower()}, "
                    f"{str(bool(ss and ss[2])).lower()}, {str(bool(ss and ss[3])).lower()}, "
                    f"{str(ss is None).lower()}}}")
        out.append(f"  {{Family::k{FAMILIES[r['fam']]}, {seq_id}, {a0}, {ac}, {mask}, "
                   f"{str(bool(fs and fs[1])).lower()}, {str(fs is None).lower()}, \"{r['caps']}\", "
                   f'"{os.path.basename(inputs[r["file"]])}", {r["line"]}, {first_node(seq_id)}, '
                   f"{{{second_of(r['second'])}, {second_of(r['dsecond'])}}}}},")
    if not rule_rows:
        out.append("  {},")
    per_family = [sum(1 for r in rules if r["fam"] == f) for f in range(len(FAMILIES))]
    out += ["};", f"inline constexpr int kRuleCount = {len(rule_rows)};",
            "// 64-bit words of a bit set over the rules of the largest family.",
            f"inline constexpr int kFamilyRuleWords = {max(1, (max(per_family + [1]) + 63) // 64)};",
            "}  // namespace tarikh::rules", "// NOLINTEND", ""]
    write_if_changed(out_path, "\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
