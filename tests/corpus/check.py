"""Check corpora written by `extract --corpus` in every format: each span's
offsets slice the example text to the span's text (code points for spacy
and doccano, UTF-16 units for Label Studio, characters for CoNLL), labels
come from the documented set, ids are unique and every split is one of
train/dev/test. usage: check.py DIR (spacy.jsonl doccano.jsonl
labelstudio.json conll.txt made from the same inputs)."""
import json
import sys

LABELS = {"AMOUNT", "PERCENT", "COUNT", "DATE", "FUNC_CODE", "ECON_CODE", "DEPT", "TABLE_TITLE"}
SPLITS = {"train", "dev", "test"}
bad = 0


def fail(msg):
    global bad
    bad += 1
    if bad < 20:
        print("FAIL", msg)


d = sys.argv[1]
spacy = [json.loads(l) for l in open(f"{d}/spacy.jsonl", encoding="utf-8")]
texts = {}
for ex in spacy:
    if ex["id"] in texts:
        fail(f"duplicate id {ex['id']}")
    texts[ex["id"]] = (ex["text"], [(s["start"], s["end"], s["label"], s["text"]) for s in ex["spans"]])
    if ex["split"] not in SPLITS:
        fail(f"split {ex['split']}")
    for s in ex["spans"]:
        if s["label"] not in LABELS:
            fail(f"label {s['label']}")
        if ex["text"][s["start"]:s["end"]] != s["text"]:
            fail(f"spacy {ex['id']}: [{s['start']},{s['end']}) is not {s['text']!r}")
n_spans = sum(len(v[1]) for v in texts.values())

for l in open(f"{d}/doccano.jsonl", encoding="utf-8"):
    ex = json.loads(l)
    text, spans = texts[ex["id"]]
    if ex["text"] != text or [(a, b, c) for a, b, c, _ in spans] != [tuple(x) for x in ex["label"]]:
        fail(f"doccano {ex['id']} differs from the spaCy example")

for task in json.load(open(f"{d}/labelstudio.json", encoding="utf-8")):
    text = task["data"]["text"]
    u16 = text.encode("utf-16-le")
    for r in task["predictions"][0]["result"]:
        v = r["value"]
        got = u16[2 * v["start"]:2 * v["end"]].decode("utf-16-le")
        if got != v["text"] or v["labels"][0] not in LABELS:
            fail(f"labelstudio {task['id']}: UTF-16 [{v['start']},{v['end']}) is {got!r}, not {v['text']!r}")

ex_id, chars, tags, n_conll = None, [], [], 0
UNESC = {"\\s": " ", "\\t": "\t", "\\n": "\n", "\\r": "\r"}


def flush():
    global n_conll
    if ex_id is None:
        return
    text, spans = texts[ex_id]
    if "".join(chars) != text:
        fail(f"conll {ex_id}: characters do not make the text")
    got, cur = [], None
    for i, t in enumerate(tags + ["O"]):
        if cur and not t.startswith("I-"):
            got.append((cur[0], i, cur[1]))
            cur = None
        if t.startswith("B-"):
            cur = (i, t[2:])
    if got != [(a, b, c) for a, b, c, _ in spans]:
        fail(f"conll {ex_id}: BIO spans differ from the spaCy example")
    n_conll += len(got)


for line in open(f"{d}/conll.txt", encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# id = "):
        ex_id, chars, tags = line[7:], [], []
    elif line.startswith("# "):
        continue
    elif not line:
        flush()
        ex_id = None
    else:
        c, t = line.rsplit("\t", 1)
        chars.append(UNESC.get(c, c))
        tags.append(t)
print(f"corpus: {len(texts)} examples, {n_spans} spans checked in 4 formats ({bad} problems)")
sys.exit(1 if bad or not n_spans else 0)
