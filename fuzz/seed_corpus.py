#!/usr/bin/env python3
"""Writes the seed inputs of fuzz/corpus/{tag,dct}/ from the repository's fixtures plus a
few hand-made hostile inputs, and the Arabic dictionary dict/arabic.dict.

Run from the repository root: python3 fuzz/seed_corpus.py. Files are named seed-*; crash
reproducers added later are named crash-* and never rewritten by this script.
"""
import os
import re
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"
TAG_RE = re.compile(r"<[^>]+>")
TIMEX_RE = re.compile(r"<TIMEX3 [^>]*>([^<]*)</TIMEX3>")


def write(target, name, data):
    d = FUZZ / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (d / ("seed-" + name)).write_bytes(data)


def paragraphs(text, limit=1500):
    """Chunks of whole lines of at most `limit` bytes."""
    out, cur = [], b""
    for line in text.encode("utf-8").splitlines(keepends=True):
        if cur and len(cur) + len(line) > limit:
            out.append(cur)
            cur = b""
        cur += line[:limit]
    if cur.strip():
        out.append(cur)
    return out


def main():
    for old in (FUZZ / "corpus").glob("*/seed-*"):
        old.unlink()
    # tag: real article text, and the TEXT of the annotated corpus (tags stripped).
    n = 0
    for f in sorted((ROOT / "fixtures/seeds/text").glob("*.txt")):
        for i, p in enumerate(paragraphs(f.read_text(encoding="utf-8"))[:4]):
            write("tag", f"{f.stem[:3]}-{i}", p)
            n += 1
    for f in sorted((ROOT / "fixtures/dev-revised").glob("doc*.tml"))[:10]:
        body = f.read_text(encoding="utf-8").split("<TEXT>", 1)[-1]
        for i, p in enumerate(paragraphs(TAG_RE.sub("", body))[:2]):
            write("tag", f"{f.stem}-{i}", p)
    hostile = {
        "bom-utf8": b"\xef\xbb\xbf\xd9\x81\xd9\x8a \xd8\xb9\xd8\xa7\xd9\x85 2017\n",
        "bom-utf16le": "\ufeffفي عام 2017".encode("utf-16-le"),
        "truncated": "في عام ٢٠١٧".encode("utf-8")[:-1],
        "overlong": b"\xc0\xaf\xe0\x80\xaf 2017",
        "surrogate": b"\xed\xa0\x80 2017",
        "nul": "في\x00عام 2017\x00".encode("utf-8"),
        "bidi": "\u202bفي \u200fعام\u200f ٢٠١٧\u202c \u2067١٩٩٩\u2069\n",
        "tatweel-harakat": "فِي عـــــامِ ٢٠١٧ وَفِي شَهْرِ أَبْرِيلَ المَاضِي\n",
        "persian-digits": "۱۳۹۶ ۲۰۱۷/۰۴/۱۸ ٢٠١٧-٠٤-١٨ 18/4/2017\n",
        "repeated-year-word": "عام " * 400,
        "impossible-date": "31 شباط 2017 و 0 يناير 99999 و 30 فبراير\n",
        "crlf": "قال امس\r\nاليوم الاثنين\r\n",
        "long-token": "ا" * 3000,
    }
    for name, data in hostile.items():
        write("tag", name, data)
    # dct: "<dct>\n<expression>", expressions from the gold annotation.
    dcts = ["2017-04-18", "2004-04-15T09:30", "2004-02-29T23:59:60Z", "2017-02-31",
            "0000-01-01", "9999-12-31", "99999-01-01", "2017-4-18", "2017-04-18T25:00",
            "2017-04-18T12:00:00.123Z", "", "٢٠١٧-٠٤-١٨"]
    exprs = []
    for f in sorted((ROOT / "fixtures/seeds/gold").glob("*.tml")):
        exprs += TIMEX_RE.findall(f.read_text(encoding="utf-8"))
    for f in sorted((ROOT / "fixtures/dev-revised").glob("doc*.tml")):
        exprs += TIMEX_RE.findall(f.read_text(encoding="utf-8"))
    exprs = sorted(set(e for e in exprs if not e.startswith("20") or " " in e))[:60]
    for i, e in enumerate(exprs):
        write("dct", f"expr-{i:02d}", dcts[i % len(dcts)] + "\n" + e)
    for i, d in enumerate(dcts):
        write("dct", f"dct-{i:02d}", d)
    write("dct", "bad-utf8", b"2017-04-18\n\xd8\xb9\xd8")
    # timeline_json: the sample and hostile timelines, plus truncations and edits of them.
    for f in [ROOT / "fixtures/timelines/sample.json", ROOT / "fixtures/hostile/timeline.json"]:
        if f.exists():
            data = f.read_bytes()
            write("timeline_json", f.stem + "-" + f.parent.name, data)
            write("timeline_json", f.stem + "-" + f.parent.name + "-cut", data[: len(data) // 2])
    write("timeline_json", "missing-events", '{"schema_version": 1, "documents": []}')
    write("timeline_json", "schema-2", '{"schema_version": 2, "events": []}')
    write("timeline_json", "bad-mod", '{"schema_version":1,"events":[{"id":"e1","value":"2017",'
          '"mod":"SOON"}]}')
    # timeml: gold files of both corpora (small ones whole, large ones cut) and broken XML.
    tmls = sorted((ROOT / "fixtures/seeds/gold").glob("*.tml"))[:2] + \
        sorted((ROOT / "fixtures/dev-revised").glob("doc*.tml"))[:6]
    for f in tmls:
        data = f.read_bytes()
        write("timeml", f.stem[:8], data[:6000] if len(data) <= 6000 else
              data[:3000] + b"</TEXT>\n</TimeML>\n")
    write("timeml", "no-text", "<TimeML><DCT></DCT></TimeML>")
    write("timeml", "nested", '<TimeML><TEXT>في <TIMEX3 tid="t1" type="DATE" value="2017">'
          'عام <TIMEX3 tid="t2" type="DATE" value="2017">2017</TIMEX3></TIMEX3></TEXT></TimeML>')
    write("timeml", "bad-type", '<TimeML><TEXT><TIMEX3 tid="t1" type="WHEN">أمس</TIMEX3>'
          '</TEXT></TimeML>')
    write("timeml", "unclosed", "<TimeML><TEXT>نص")
    # mentions_jsonl: lines as `tarikh extract` writes them.
    doc = '{"id":"001","dct":"2017-04-17","source":"France 24","title":"عنوان","url":"",' \
          '"dct_inferred":false,"dct_confidence":1.0,"timex_count":2,"mention_count":1}'
    mention = ('{"timex":{"begin":40,"end":47,"byte_begin":75,"byte_end":89,"type":"DATE",'
               '"value":"2016-10","mod":"START","granularity":"month","interval":[17075,17106],'
               '"temporal_function":true,"anchor":-1},"timex_text":"تشرين الأول الماضي",'
               '"headline":"بدأت معركة الموصل","sentence":"وفي تشرين الأول الماضي بدأت معركة '
               'الموصل.","sentence_begin":30,"sentence_end":80,"tokens":["معرك","موصل"],'
               '"cues":[{"signal":"after","value":"2014","interval":[16071,16436],'
               '"ref_offset":-1}],"tense":-1,"confidence":0.85}')
    write("mentions_jsonl", "full", '{"doc":%s,"mentions":[%s],"warnings":[{"doc_id":"001",'
          '"offset":3,"message":"DCT inferred"}]}\n' % (doc, mention))
    write("mentions_jsonl", "no-mentions", '{"doc":{"id":"x","dct":"2004-04-15"},"mentions":[]}')
    write("mentions_jsonl", "undated", '{"doc":%s,"mentions":[%s]}' % (
        doc, mention.replace('"2016-10"', '""').replace("[17075,17106]",
                                                         "[-2147483648,2147483647]")))
    write("mentions_jsonl", "dct-time", '{"doc":{"id":"t","dct":"2017-04-18T09:30:00"},'
          '"mentions":[{"dct":"2017-04-19","doc_id":"u","timex":{"begin":0,"end":1,'
          '"value":"2017"}}]}')
    write_dict()


def esc(s):
    return "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else
                   "".join(f"\\x{b:02X}" for b in c.encode("utf-8")) for c in s)


def write_dict():
    words = """عام سنة العام السنة شهر الشهر أسبوع الأسبوع يوم اليوم أمس امس غدا غد الغد
    الماضي الماضية المقبل المقبلة القادم القادمة الجاري الحالي قبل بعد منذ خلال حتى بحلول
    مطلع أوائل أواسط أواخر نهاية بداية منتصف صباح مساء ليلة الليلة ظهر فجر الساعة دقيقة
    دقائق ساعات أيام أشهر سنوات عقد العقد قرن القرن الميلادي هجري هـ م الآن حاليا مؤخرا قريبا
    يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
    كانون الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول
    محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة
    السبت الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة
    الخمسينيات الستينيات العشرين عشر ثلاثة خمسة سبعة ثلاثين ألفين""".split()
    marks = {
        "tatweel": "\u0640", "fatha": "\u064e", "damma": "\u064f", "kasra": "\u0650",
        "shadda": "\u0651", "sukun": "\u0652", "tanween": "\u064b", "rlm": "\u200f",
        "lrm": "\u200e", "rle": "\u202b", "pdf": "\u202c", "rlo": "\u202e", "rli": "\u2067",
        "pdi": "\u2069", "alm": "\u061c", "zwnj": "\u200c", "zwj": "\u200d", "bom": "\ufeff",
        "nbsp": "\u00a0", "arabic_comma": "\u060c", "slash": " / ",
    }
    lines = ["# Arabic time words, digits, marks and broken UTF-8 (generated by seed_corpus.py)"]
    for i, w in enumerate(words):
        lines.append(f'w{i}="{esc(w)}"')
    for d in range(10):
        lines.append(f'ar{d}="{esc(chr(0x660 + d))}"')
        lines.append(f'fa{d}="{esc(chr(0x6f0 + d))}"')
    for k, v in marks.items():
        lines.append(f'{k}="{esc(v)}"')
    raw = {"trunc2": "\\xD8", "trunc3": "\\xE2\\x80", "trunc4": "\\xF0\\x9F\\x98",
           "overlong": "\\xC0\\x80", "surrogate": "\\xED\\xA0\\x80", "bom16le": "\\xFF\\xFE",
           "bom16be": "\\xFE\\xFF", "nul": "\\x00", "cont": "\\x80", "ff": "\\xFF"}
    for k, v in raw.items():
        lines.append(f'{k}="{v}"')
    for s in ["2017", "1999", "0000", "99999", "-04-18", "T12:00", ":00", "Z", ".5", "31",
              "29", "02", "13"]:
        lines.append(f'n{esc(s).replace(":", "c").replace(".", "d").replace("-", "m")}="{s}"')
    (FUZZ / "dict").mkdir(exist_ok=True)
    (FUZZ / "dict/arabic.dict").write_text("\n".join(lines) + "\n", encoding="ascii")


if __name__ == "__main__":
    main()
