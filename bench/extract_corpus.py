#!/usr/bin/env python3
"""JSONL documents ({"id","dct","source","text"}) of at least --mb MB for the extract/merge
bench, built from the fixture paragraphs bench/make_corpus.py uses (deterministic: fixed
seed). Each document is 3-12 paragraphs with a DCT in spring 2004 or 2017. The output
belongs in the build tree, never in git.

  python3 bench/extract_corpus.py --out build/bench/docs-50mb.jsonl --mb 50
"""
import argparse
import json
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_corpus import paragraphs  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=50)
    args = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    paras = paragraphs(root / "fixtures")
    rnd = random.Random(5)
    target = int(args.mb * 1e6)
    size = 0
    n = 0
    with open(args.out, "w", encoding="utf-8") as f:
        while size < target:
            k = rnd.randint(3, 12)
            text = "\n".join(rnd.choice(paras) for _ in range(k)) + "\n"
            year = rnd.choice([2004, 2017])
            dct = f"{year}-{rnd.randint(3, 5):02d}-{rnd.randint(1, 28):02d}"
            line = json.dumps({"id": f"d{n:07d}", "dct": dct, "source": "bench",
                               "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    print(f"wrote {args.out}: {n} documents, {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
