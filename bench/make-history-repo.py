#!/usr/bin/env python3
"""Builds a large git repository for the scan-history benchmark, from the JDK's own sources (lib/src.zip).

Files are committed in batches (default 5 per commit) through `git fast-import`, then a run of commits edits
existing files, and a side branch forks from the middle: several thousand commits over ~15,000 files. A few
commits plant a fake AccessKey pair (made here at run time, never stored in this repository) that a later commit
deletes again, so the benchmark can check that scan-history finds exactly those.

usage: make-history-repo.py SRC_ZIP DEST_DIR [FILES_PER_COMMIT] [EDIT_COMMITS]
prints the number of commits and planted keys.
"""
import os, random, string, subprocess, sys, zipfile

src, dest = sys.argv[1], sys.argv[2]
per_commit = int(sys.argv[3]) if len(sys.argv) > 3 else 5
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
rnd = random.Random(1234)
ALNUM = string.ascii_letters + string.digits

def rand(n):
    while True:
        s = ''.join(rnd.choice(ALNUM) for _ in range(n))
        if any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s):
            if not any(s[i] == s[i-1] == s[i-2] for i in range(2, n)):
                return s

def key_pair():
    return "LT" + "AI" + "5t" + rand(18), rand(30)

subprocess.run(["git", "init", "-q", dest], check=True)
fi = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=dest, stdin=subprocess.PIPE)
out = fi.stdin
mark = 0
ts = 1_600_000_000
commits = 0
planted = []

def data(b):
    out.write(b"data %d\n" % len(b))
    out.write(b)
    out.write(b"\n")

def commit(branch, msg, changes, parent=None):
    global mark, ts, commits
    mark += 1
    ts += 60
    commits += 1
    out.write(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), mark))
    out.write(b"author Bench Author <bench@example.invalid> %d +0000\n" % ts)
    out.write(b"committer Bench Author <bench@example.invalid> %d +0000\n" % ts)
    data(msg.encode())
    if parent:
        out.write(b"from :%d\n" % parent)
    for c in changes:
        if c[0] == "D":
            out.write(b"D %s\n" % c[1].encode())
        else:
            out.write(b"M 100644 inline %s\n" % c[1].encode())
            data(c[2])
    return mark

with zipfile.ZipFile(src) as z:
    names = [n for n in z.namelist() if not n.endswith("/")]
    names.sort()
    contents = {}
    batch = []
    n_batches = (len(names) + per_commit - 1) // per_commit
    plant_at = set(rnd.sample(range(10, n_batches), 5))
    mid_mark = None
    for i in range(0, len(names), per_commit):
        changes = []
        for name in names[i:i + per_commit]:
            b = z.read(name)
            contents[name] = b
            changes.append(("M", name, b))
        bi = i // per_commit
        if bi in plant_at:
            kid, sec = key_pair()
            path = "config/leak-%d.properties" % bi
            changes.append(("M", path, ("access_key_id = %s\naccess_key_secret = %s\n" % (kid, sec)).encode()))
            planted.append(path)
        m = commit("main", "add batch %d" % bi, changes)
        if bi == n_batches // 2:
            mid_mark = m
    for path in planted:
        commit("main", "remove " + path, [("D", path, None)])
    files = sorted(contents)
    for e in range(edits):
        name = files[rnd.randrange(len(files))]
        contents[name] = contents[name] + (b"\n// edit %d\n" % e)
        commit("main", "edit %d" % e, [("M", name, contents[name])])
    side_parent = mid_mark
    for e in range(edits // 5):
        name = files[rnd.randrange(len(files))]
        side_parent = commit("side", "side edit %d" % e, [("M", name, contents[name] + b"\n// side\n")], parent=side_parent)

out.close()
if fi.wait() != 0:
    sys.exit("git fast-import failed")
subprocess.run(["git", "checkout", "-q", "main"], cwd=dest, check=True)
print("commits=%d planted=%d" % (commits, len(planted)))
