#!/usr/bin/env python3
"""Generates N JSON Lines documents for the timeline scale bench (issue #3).

Each document is 2-4 paragraphs drawn from fixtures/seeds/text and the <TEXT> of
fixtures/dev-revised, with a DCT spread over 1995-2024 and every four-digit year in the text
shifted by the DCT's distance from the paragraph's own year, so dated events spread over
three decades. One word in five is replaced by a word drawn from the whole fixture
vocabulary, so documents do not all merge into a handful of events, while documents that
draw the same paragraph near the same date may still merge (as real coverage does).
Deterministic (fixed seed); the output belongs in the build tree, never in git.

  python3 bench/timeline_scale.py --docs 10000 --out build/bench/timeline-10k.jsonl
"""

import argparse
import datetime
import json
import pathlib
import random
import re
import xml.etree.ElementTree as ET

YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-2][0-9])(?![0-9])")


def paragraphs(fixtures: pathlib.Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((fixtures / "seeds" / "text").glob("*.txt"))]
    for tml in sorted((fixtures / "dev-revised").glob("*.tml")):
        text = ET.parse(tml).getroot().find("TEXT")
        if text is not None:
            texts.append("".join(text.itertext()))
    out = []
    for text in texts:
        for line in text.replace("\ufeff", "").splitlines():
            line = line.strip()
            if len(line.split()) >= 8:
                out.append(line)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20170418)
    args = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    paras = paragraphs(root / "fixtures")
    vocab = sorted({w for p in paras for w in p.split() if len(w) > 3 and not w[0].isdigit()})
    rng = random.Random(args.seed)
    base = datetime.date(1995, 1, 1)
    span = (datetime.date(2024, 12, 31) - base).days
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for i in range(args.docs):
            dct = base + datetime.timedelta(days=rng.randrange(span))
            shift = dct.year - 2017
            chosen = rng.sample(paras, rng.randint(2, 4))
            body = []
            for p in chosen:
                p = YEAR.sub(lambda m: str(int(m.group(1)) + shift), p)
                words = p.split(" ")
                for k in range(len(words)):
                    if rng.random() < 0.2 and not any(c.isdigit() for c in words[k]):
                        words[k] = rng.choice(vocab)
                body.append(" ".join(words))
            doc = {"id": f"doc{i:07d}", "dct": dct.isoformat(), "source": "bench", "text": "\n".join(body)}
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
