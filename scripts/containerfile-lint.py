"""Checks deploy/Containerfile: parsed with BuildKit's own parser (the `dockerfile` package), then
the rules of hadolint that apply to it (hadolint itself is not installable here) and this
project's: numeric non-root USER in every stage, pinned base images, exec-form ENTRYPOINT and
CMD, no ADD, apt-get with -y, --no-install-recommends and its lists removed, /data a volume, and
COPY sources only from what deploy/build-image.sh puts in the build context.

Usage: python containerfile-lint.py CONTAINERFILE. Prints each problem as FILE:LINE: message;
exits 1 when there is one."""

import re
import sys

import dockerfile

# What deploy/build-image.sh copies into the build context.
CONTEXT = {"rootfs", "data"}


def main(path: str) -> int:
    try:
        commands = dockerfile.parse_file(path)
    except dockerfile.GoParseError as e:
        print(f"{path}: does not parse: {e}")
        return 1
    problems = []
    stages = []  # [from command, [commands]]
    args = {}  # ARGs before the first FROM, with their defaults
    for c in commands:
        if c.cmd == "FROM":
            stages.append((c, []))
        elif not stages:
            if c.cmd != "ARG":
                problems.append((c, f"{c.cmd} before the first FROM"))
            else:
                name, _, default = c.value[0].partition("=")
                args[name] = default
        else:
            stages[-1][1].append(c)
    if not stages:
        problems.append((None, "no FROM"))
    names = set()
    for frm, body in stages:
        base = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), m.group(0)), frm.value[0])
        if len(frm.value) >= 3 and frm.value[1].upper() == "AS":
            names.add(frm.value[2].lower())
        if base != "scratch" and base.lower() not in names:
            if "@sha256:" not in base and (":" not in base.rsplit("/", 1)[-1] or base.endswith(":latest")):
                problems.append((frm, f"base image {base} is not pinned to a tag or digest (DL3006/DL3007)"))
        users = [c for c in body if c.cmd == "USER"]
        if not users:
            problems.append((frm, "stage has no USER: it would run as root (DL3002)"))
        else:
            user = users[-1].value[0]
            if not re.fullmatch(r"[0-9]+(:[0-9]+)?", user):
                problems.append((users[-1], f"USER {user} is not numeric: runAsNonRoot cannot check a name"))
            elif user.split(":")[0] == "0":
                problems.append((users[-1], "USER is root (DL3002)"))
        if not any(c.cmd == "VOLUME" and "/data" in c.value for c in body):
            problems.append((frm, "stage does not declare VOLUME /data"))
        for c in body:
            if c.cmd == "ADD":
                problems.append((c, "ADD: use COPY (DL3020)"))
            if c.cmd in ("ENTRYPOINT", "CMD") and not c.json:
                problems.append((c, f"{c.cmd} in shell form: use the JSON form (DL3025)"))
            if c.cmd == "COPY" and not any(f.startswith("--from") for f in c.flags):
                for src in c.value[:-1]:
                    if src.strip("/").split("/")[0] not in CONTEXT:
                        problems.append((c, f"COPY {src}: not in the build context build-image.sh prepares"))
            if c.cmd == "RUN":
                run = " ".join(c.value)
                if "apt-get install" in run:
                    if not re.search(r"apt-get install\s+(-\S+\s+)*(-y|--yes|-q?y)", run):
                        problems.append((c, "apt-get install without -y (DL3014)"))
                    if "--no-install-recommends" not in run:
                        problems.append((c, "apt-get install without --no-install-recommends (DL3015)"))
                    if "rm -rf /var/lib/apt/lists" not in run:
                        problems.append((c, "apt lists not removed after apt-get install (DL3009)"))
                if re.search(r"\bsudo\b", run):
                    problems.append((c, "sudo in RUN (DL3004)"))
    problems.sort(key=lambda p: p[0].start_line if p[0] is not None else 0)
    for c, message in problems:
        line = c.start_line if c is not None else 0
        print(f"{path}:{line}: {message}")
    if not problems:
        print(f"{path}: {len(stages)} stages, {len(commands)} instructions, no problem")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
