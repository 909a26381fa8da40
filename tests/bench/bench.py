"""make bench: build a corpus of at least BENCH_MB (100) MB from the samples
and their layout renderings, each copy varied (its own title line and
figures nudged), then print end-to-end MB/s at -j 1 and -j 2, the time per
pipeline stage (extract --stats), peak RSS, and
the reference (one PCRE2-JIT pass of an amount pattern) with the ratio,
each the fastest of BENCH_RUNS (3) runs.
Figures only: nothing here fails on speed."""
import os
import random
import resource
import subprocess
import sys
import time

exe, ref, out = sys.argv[1], sys.argv[2], sys.argv[3]
want = int(os.environ.get("BENCH_MB", "100")) * 1000 * 1000
os.makedirs(out, exist_ok=True)
base = [open(os.path.join("corpus/samples", f), encoding="utf-8").read()
        for f in sorted(os.listdir("corpus/samples")) if f.endswith(".txt")]
for layout in ("space", "html", "cellline"):  # the same reports in other layouts
    for f in sorted(os.listdir("corpus/samples")):
        if f.endswith(".txt"):
            r = subprocess.run([sys.executable, "tests/layouts/render.py", layout,
                                os.path.join("corpus/samples", f)], capture_output=True, text=True)
            if r.returncode == 0 and r.stdout:
                base.append(r.stdout)
rnd = random.Random(7)
files, size, i = [], 0, 0
while size < want:
    text = base[i % len(base)]
    # vary each copy: a numbered first line, one figure's last digit changed
    text = f"第{i}份\n" + text.replace("0.00", f"0.0{rnd.randint(0, 9)}", 1)
    p = os.path.join(out, f"{i:06d}.txt")
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    files.append(p)
    size += len(text.encode())
    i += 1
listing = os.path.join(out, "files.lst")
open(listing, "w").write("\n".join(files) + "\n")
print(f"bench corpus: {len(files)} documents, {size / 1e6:.1f} MB")


def run(jobs):
    t0 = time.monotonic()
    r = subprocess.run([exe, "-j", str(jobs), "--stats", "--files-from", listing],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stages = [l[len("stats: "):] for l in r.stderr.splitlines() if l.startswith("stats: ")]
    return time.monotonic() - t0, stages


# A shared machine's speed drifts by 1.5x within minutes: each figure is the
# fastest of BENCH_RUNS (3) runs, taken in turns so a slow spell hits all.
runs = int(os.environ.get("BENCH_RUNS", "3"))
t1 = t2 = rs = float("inf")
stages = []
for _ in range(runs):
    t, st = run(1)
    if t < t1:
        t1, stages = t, st
    rss1 = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t2 = min(t2, run(2)[0])
    rss2 = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run([ref] + files, capture_output=True, text=True).stdout.split()
    rs = min(rs, float(r[1]))
mb = size / 1e6
print(f"extract -j 1: {mb / t1:.1f} MB/s ({t1 * 1000 / len(files):.2f} ms per document)")
print(f"extract -j 2: {mb / t2:.1f} MB/s, speed-up {t1 / t2:.2f}x")
print(f"peak RSS: {rss1 / 1024:.1f} MB at -j 1, {rss2 / 1024:.1f} MB at -j 2 (largest so far)")
print(f"(wall figures: the fastest of {runs} runs each)")
print("time per stage at -j 1 (extract --stats):")
for l in stages[1:]:
    print("  " + l)
print(f"reference (PCRE2-JIT amount pattern, one pass): {mb / rs:.1f} MB/s; extract -j 1 / reference = {t1 / rs:.1f}")


# Wall time on a shared machine varies by 2x from run to run; instruction
# counts do not. With valgrind present, count extract's instructions per
# input byte over the first 20 documents (one of each sample and layout)
# and the same for the reference, each less its start-up (an empty list).
def instructions(cmd, profile="/dev/null"):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + profile] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for l in r.stderr.splitlines():
        if "Collected :" in l:
            return int(l.split(":")[-1])
    return None


# Valgrind's virtual CPU has no SHA-NI, so under it the source hash runs the
# portable SHA-256; its share is printed apart (on the bench machine the
# hash uses SHA-NI when the CPU has it).
def inclusive(profile, fn):
    r = subprocess.run(["callgrind_annotate", "--inclusive=yes", profile],
                       capture_output=True, text=True)
    for l in r.stdout.splitlines():
        if l.rstrip().endswith(fn) or (":" + fn + " ") in l:
            return int(l.split()[0].replace(",", ""))
    return 0


if subprocess.run(["sh", "-c", "command -v valgrind"], capture_output=True).returncode == 0:
    few = files[:20]
    nbytes = sum(os.path.getsize(f) for f in few)
    lst = os.path.join(out, "few.lst")
    open(lst, "w").write("\n".join(few) + "\n")
    empty = os.path.join(out, "empty.lst")
    open(empty, "w").write("")
    prof = os.path.join(out, "callgrind.out")
    ex = instructions([exe, "-j", "1", "--files-from", lst], prof)
    sha = inclusive(prof, "jsp_sha256")
    ex0 = instructions([exe, "-j", "1", "--files-from", empty])
    rf = instructions([ref] + few)
    rf0 = instructions([ref])
    if None not in (ex, ex0, rf, rf0):
        print(f"instructions per input byte (callgrind, {len(few)} documents, start-up excluded): "
              f"extract {(ex - ex0) / nbytes:.0f}, reference {(rf - rf0) / nbytes:.1f}, "
              f"ratio {(ex - ex0) / max(rf - rf0, 1):.1f}")
        print(f"  of which the portable SHA-256 (valgrind hides SHA-NI): {sha / nbytes:.0f}; "
              f"without it {(ex - ex0 - sha) / nbytes:.0f}, ratio "
              f"{(ex - ex0 - sha) / max(rf - rf0, 1):.1f}")
