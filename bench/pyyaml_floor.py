#!/usr/bin/env python3
"""The floor a Python-based checker pays: parse the same files with PyYAML's C loader (libyaml),
no validation at all. Arguments are files, or directories searched for publiccode.yml /
publiccode.yaml, as for `commons validate`."""
import os
import sys

import yaml

assert hasattr(yaml, "CSafeLoader"), "PyYAML was built without libyaml"


def files(args):
    for arg in args:
        if os.path.isdir(arg):
            for dirpath, _, names in os.walk(arg):
                for name in names:
                    if name in ("publiccode.yml", "publiccode.yaml"):
                        yield os.path.join(dirpath, name)
        else:
            yield arg


count = 0
for path in files(sys.argv[1:]):
    with open(path, "rb") as f:
        try:
            yaml.load(f.read(), Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    count += 1
print(f"{count} files parsed", file=sys.stderr)
