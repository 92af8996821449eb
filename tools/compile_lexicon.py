#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compiles core/data/*.tsv into a C++ source with the lexicon rows (run by CMake).

Usage: compile_lexicon.py OUTPUT.inc INPUT.tsv...

Each TSV line is `surface<TAB>class<TAB>value<TAB>attr`; lines starting with '#' and empty
lines are skipped. Every row is validated (column count, known class, value and attr allowed
for the class, no duplicate surface+class+value); the first problem fails the build with
"file:line: message". Surfaces are emitted as hex escapes so the generated file is ASCII; the
tagger folds them with the same normalizer as the text when it starts.
"""
import os
import re
import sys

INT = re.compile(r"^-?[0-9]+$")


def int_range(lo, hi):
    def check(v):
        return bool(INT.match(v)) and lo <= int(v) <= hi
    return check


def one_of(*names):
    return lambda v: v in names


ANY = lambda v: v != ""
NONE = one_of("-")

# class -> (value check, attr check). The order defines the C++ enum (kept stable).
CLASSES = {
    "MONTH": (int_range(1, 12), one_of("std", "lev", "mag", "mor", "mau", "var")),
    "HMONTH": (int_range(1, 12), one_of("std", "var")),
    "WEEKDAY": (int_range(1, 7), one_of("def", "bare")),
    "NUM": (int_range(0, 10**9), one_of("card", "teen", "tens", "hund", "thou", "big")),
    "ORD": (int_range(1, 31), one_of("m", "f")),
    "UNIT": (one_of("Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "N", "Q"),
             one_of("sg", "acc", "du", "cs", "pl")),
    "DEICTIC": (int_range(-2, 2), one_of("-", "gen")),
    "REL": (int_range(-1, 1), one_of("dct", "ana", "last")),
    "ANAPH": (one_of("0"), NONE),
    "DEM": (one_of("this", "that", "same"), NONE),
    "PART": (one_of("START", "MID", "END"), NONE),
    "SEASON": (one_of("SP", "SU", "FA", "WI"), NONE),
    "DECADE": (int_range(1, 9), NONE),
    "POD": (one_of("MO", "MI", "AF", "EV", "NI", "DT"), one_of("noun", "adv", "def", "mid", "deic")),
    "PREP": (one_of("fi", "mundhu", "khilal", "hatta", "bihulul", "baad", "qabl", "min", "ila",
                    "bayn", "over", "within", "an", "ind"), NONE),
    "QMOD": (one_of("MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", "APPROX"),
             one_of("pre", "post")),
    "ERA": (one_of("AD", "AH", "BC"), NONE),
    "HOUR": (NONE, NONE),
    "FUT": (NONE, NONE),
    "CONNECT": (one_of("equiv"), NONE),
    "EVERY": (NONE, NONE),
    "FRAC": (one_of("15", "20", "30"), NONE),
    "EXCEPT": (NONE, NONE),
    "WEEKEND": (NONE, NONE),
    "PERIOD": (NONE, NONE),
    "SEASONHEAD": (NONE, NONE),
    "VAGUE": (NONE, one_of("pre", "post", "full")),
    "TIMEWORD": (NONE, NONE),
    "REF": (one_of("PRESENT_REF", "PAST_REF", "FUTURE_REF"),
            one_of("-", "fut", "np", "abstract", "final")),
    "SET": (lambda v: bool(re.match(r"^P[0-9]+[YMWD]$", v)), one_of("adv", "adj")),
    "HOLIDAY": (lambda v: bool(re.match(r"^[GH]:(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", v) or
                               re.match(r"^N:(0[1-9]|1[0-2])-[1-7]-[1-5]$", v)),
                one_of("-", "ctx")),
    "BLOCK": (NONE, NONE),
    "COUNT": (NONE, NONE),
    "NAMEHEAD": (NONE, NONE),
}


def fail(path, line, msg):
    sys.stderr.write(f"{path}:{line}: error: {msg}\n")
    sys.exit(1)


def escape(s):
    return "".join(f"\\x{b:02x}" for b in s.encode("utf-8"))


def write_if_changed(path, text):
    """Writes `text` to `path` atomically, and not at all when it is already there (so
    the build does not recompile what includes it)."""
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: compile_lexicon.py OUTPUT INPUT.tsv...\n")
        return 2
    out_path, inputs = sys.argv[1], sorted(sys.argv[2:])
    rows, seen = [], {}
    for file_index, path in enumerate(inputs):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            data = f.read()
        lines = data.split("\n")
        if not lines or not lines[0].startswith("#"):
            fail(path, 1, "a lexicon file must start with a '#' header comment")
        for n, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                fail(path, n, f"expected 4 tab-separated columns, found {len(cols)}")
            surface, cls, value, attr = cols
            if surface != surface.strip() or "  " in surface or not surface:
                fail(path, n, "surface has leading/trailing or double spaces")
            if cls not in CLASSES:
                fail(path, n, f"unknown class '{cls}'")
            vcheck, acheck = CLASSES[cls]
            if not vcheck(value):
                fail(path, n, f"value '{value}' not allowed for class {cls}")
            if not acheck(attr):
                fail(path, n, f"attr '{attr}' not allowed for class {cls}")
            key = (surface, cls, value, attr)
            if key in seen:
                fail(path, n, f"duplicate entry (first at {seen[key]})")
            seen[key] = f"{name}:{n}"
            rows.append((surface, cls, value, attr, file_index, n))
    names = list(CLASSES)
    out = ["// Generated by tools/compile_lexicon.py from core/data/*.tsv. Do not edit.",
           "// NOLINTBEGIN", "#pragma once", "#include <cstdint>", "namespace tarikh::lex {",
           "enum class Cls : uint8_t {"]
    out += [f"  k{n.title().replace('_', '')}," for n in names]
    out += ["};", f"inline constexpr int kClassCount = {len(names)};",
            "inline constexpr const char* kClassNames[] = {" +
            ", ".join(f'"{n}"' for n in names) + "};",
            "inline constexpr const char* kFiles[] = {" +
            ", ".join(f'"{os.path.basename(p)}"' for p in inputs) + "};",
            "struct Row { const char* surface; Cls cls; const char* value; const char* attr;"
            " uint8_t file; uint16_t line; };",
            "inline constexpr Row kRows[] = {"]
    for surface, cls, value, attr, fi, n in rows:
        out.append(f'  {{"{escape(surface)}", Cls::k{cls.title()}, "{value}", "{attr}", {fi}, {n}}},')
    out += ["};", f"inline constexpr int kRowCount = {len(rows)};", "}  // namespace tarikh::lex",
            "// NOLINTEND", ""]
    write_if_changed(out_path, "\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
