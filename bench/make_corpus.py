#!/usr/bin/env python3
"""Builds a large Arabic news text for the tagging speed bench from the repository fixtures.

Paragraphs come from fixtures/seeds/text/*.txt and the <TEXT> of fixtures/dev-revised/*.tml
(tags dropped). They are shuffled deterministically (a fixed seed per round) and repeated
until the output reaches the requested size, so every run of the bench sees the same bytes.
The output belongs in the build tree, never in git.

  python3 bench/make_corpus.py --out build/bench/corpus-5mb.txt --mb 5
"""

import argparse
import pathlib
import random
import sys
import xml.etree.ElementTree as ET


def paragraphs(fixtures: pathlib.Path) -> list[str]:
    out = []
    texts = [p.read_text(encoding="utf-8") for p in sorted((fixtures / "seeds" / "text").glob("*.txt"))]
    for tml in sorted((fixtures / "dev-revised").glob("*.tml")):
        text = ET.parse(tml).getroot().find("TEXT")
        if text is not None:
            texts.append("".join(text.itertext()))
    for text in texts:
        for line in text.replace("\ufeff", "").splitlines():
            line = line.strip()
            if line:
                out.append(line)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fixtures", default=str(pathlib.Path(__file__).resolve().parent.parent / "fixtures"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=5.0, help="minimum size in MiB (default 5)")
    ap.add_argument("--seed", type=int, default=20170418)
    args = ap.parse_args()

    paras = paragraphs(pathlib.Path(args.fixtures))
    if not paras:
        print(f"make_corpus: no paragraphs under {args.fixtures}", file=sys.stderr)
        return 1
    target = int(args.mb * 1024 * 1024)
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    size = 0
    rounds = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        while size < target:
            order = list(paras)
            random.Random(args.seed + rounds).shuffle(order)
            for p in order:
                chunk = p + "\n\n"
                f.write(chunk)
                size += len(chunk.encode("utf-8"))
                if size >= target:
                    break
            rounds += 1
    tmp.replace(out)
    print(f"{out}: {size} bytes, {len(paras)} distinct paragraphs, {rounds} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
