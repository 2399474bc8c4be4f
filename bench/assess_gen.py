#!/usr/bin/env python3
"""Writes a git fast-import stream: N commits by 40 authors over five years, a tag every 1,000
commits, a LICENSE, a lockfile and a few source files. Usage: assess_gen.py N END_UNIX_TIME."""
import sys

n = int(sys.argv[1])
end = int(sys.argv[2])
start = end - 5 * 365 * 86400
out = sys.stdout.buffer
w = out.write

def blob(mark, data):
    w(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)))
    w(data)
    w(b"\n")

license_text = open(sys.argv[3], "rb").read() if len(sys.argv) > 3 else b"MIT License\n"
blob(1, license_text)
blob(2, b"[[package]]\nname = \"smallvec\"\nversion = \"1.6.0\"\nsource = \"registry+https://example.org/index\"\n")
blob(3, b"fn main() {\n    println!(\"hello\");\n}\n" * 200)
mark = 10
for i in range(n):
    t = start + (end - start) * i // n
    author = i % 40
    mark += 1
    content = b"line %d\n" % i
    blob(mark, content)
    w(b"commit refs/heads/main\n")
    w(b"mark :%d\n" % (mark + 1_000_000))
    w(b"author Dev %d <dev%d@example.org> %d +0000\n" % (author, author, t))
    w(b"committer Dev %d <dev%d@example.org> %d +0000\n" % (author, author, t))
    msg = b"change %d\n" % i
    w(b"data %d\n%s" % (len(msg), msg))
    if i > 0:
        w(b"from :%d\n" % (mark - 1 + 1_000_000))
    else:
        w(b"M 100644 :1 LICENSE\nM 100644 :2 Cargo.lock\nM 100644 :3 src/main.rs\n")
    w(b"M 100644 :%d data/file%d.txt\n" % (mark, i % 500))
    w(b"\n")
    if i % 1000 == 999:
        w(b"reset refs/tags/v%d\nfrom :%d\n\n" % (i // 1000, mark + 1_000_000))

