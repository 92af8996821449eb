#!/usr/bin/env python3
"""Synthetic mention JSONL (the `tarikh extract` format, docs/scale.md) with exactly --mentions
mentions, for the merge bench: 20 mentions per document, dates spread over 1990-2020 at year,
month and day granularity, headlines and tokens drawn from a fixed Arabic vocabulary (so
merging finds both shared and distinct events). Deterministic (fixed seed). Build tree only.

  python3 bench/merge_mentions.py --out build/bench/merge-mentions-1000000.jsonl --mentions 1000000
"""
import argparse
import datetime
import json
import random

WORDS = ("الجيش الحكومة البرلمان الرئيس الوزير المعارضة الانتخابات الاتفاق الهدنة المفاوضات "
         "الموصل الرقة بغداد دمشق القاهرة طرابلس تونس عمان بيروت الرياض الهجوم الانسحاب "
         "التحالف التنظيم القمة المؤتمر الاستفتاء الدستور الحصار المعركة الاغتيال الزيارة "
         "الاحتجاجات العقوبات النفط الاقتصاد الموازنة الفيضانات الزلزال المهرجان الجائزة "
         "المعرض الكتاب المسرح الفيلم البطولة المنتخب").split()
VERBS = "أعلن بدأ انتهى وقع اندلع وافق رفض افتتح أطلق اغتيل".split()


def day_number(d):
    return (d - datetime.date(1970, 1, 1)).days


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--mentions", type=int, required=True)
    args = ap.parse_args()
    rnd = random.Random(7)
    per_doc = 20
    written = 0
    doc = 0
    with open(args.out, "w", encoding="utf-8") as f:
        while written < args.mentions:
            n = min(per_doc, args.mentions - written)
            dct = datetime.date(2017, 4, 1) + datetime.timedelta(days=rnd.randint(0, 60))
            mentions = []
            pos = 0
            for _ in range(n):
                y = rnd.randint(1990, 2020)
                g = rnd.choice(["year", "month", "day"])
                m = rnd.randint(1, 12)
                d = rnd.randint(1, 28)
                if g == "year":
                    value, b, e = f"{y}", datetime.date(y, 1, 1), datetime.date(y + 1, 1, 1)
                elif g == "month":
                    value = f"{y}-{m:02d}"
                    b = datetime.date(y, m, 1)
                    e = datetime.date(y + (m == 12), m % 12 + 1, 1)
                else:
                    value = f"{y}-{m:02d}-{d:02d}"
                    b = datetime.date(y, m, d)
                    e = b + datetime.timedelta(days=1)
                words = rnd.sample(WORDS, 5)
                headline = rnd.choice(VERBS) + " " + " ".join(words)
                sentence = "وفي " + value + " " + headline + "."
                mentions.append({
                    "timex": {"begin": pos + 4, "end": pos + 4 + len(value),
                              "byte_begin": pos + 7, "byte_end": pos + 7 + len(value),
                              "type": "DATE", "value": value, "mod": "", "granularity": g,
                              "interval": [day_number(b), day_number(e)],
                              "temporal_function": False, "anchor": -1},
                    "timex_text": value, "headline": headline, "sentence": sentence,
                    "sentence_begin": pos, "sentence_end": pos + len(sentence),
                    "tokens": words, "cues": [], "tense": -1, "confidence": 1.0})
                pos += len(sentence) + 1
            f.write(json.dumps({
                "doc": {"id": f"m{doc:07d}", "dct": dct.isoformat(), "source": "bench",
                        "title": "", "url": "", "dct_inferred": False, "dct_confidence": 1.0,
                        "timex_count": n, "mention_count": n},
                "mentions": mentions, "warnings": []}, ensure_ascii=False) + "\n")
            written += n
            doc += 1


if __name__ == "__main__":
    main()
