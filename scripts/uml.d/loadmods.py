#!/usr/bin/python3
"""Guest-side module loader for scripts/uml: finit_module(2) each named module of the
User-Mode Linux kernel, dependencies first (from modules.dep). There is no modprobe in
the guest. A module built into the kernel (modules.builtin: Debian's x86-64 kernel has ipv6
built in, its UML does not) counts as loaded. Usage: loadmods.py MODDIR NAME...  Prints one
line per failure; exit 1 if any."""
import ctypes, os, sys

SYS_FINIT_MODULE = 313  # x86_64
libc = ctypes.CDLL(None, use_errno=True)
moddir, names = sys.argv[1], sys.argv[2:]
deps = {}
with open(os.path.join(moddir, "modules.dep")) as f:
    for line in f:
        path, _, rest = line.partition(":")
        deps[path] = rest.split()
by_name = {os.path.basename(p)[:-3].replace("-", "_"): p for p in deps}
builtin = set()
if os.path.exists(os.path.join(moddir, "modules.builtin")):
    with open(os.path.join(moddir, "modules.builtin")) as f:
        builtin = {os.path.basename(line.strip())[:-3].replace("-", "_") for line in f}
loaded, failed = set(), []

def load(path):
    for d in deps.get(path, []):
        load(d)
    if path in loaded:
        return
    loaded.add(path)
    fd = os.open(os.path.join(moddir, path), os.O_RDONLY)
    try:
        if libc.syscall(SYS_FINIT_MODULE, fd, b"", 0) != 0:
            err = ctypes.get_errno()
            if err != 17:  # EEXIST: already loaded
                failed.append(f"{path}: {os.strerror(err)}")
    finally:
        os.close(fd)

for n in names:
    p = by_name.get(n.replace("-", "_"))
    if p is None and n.replace("-", "_") in builtin:
        continue
    if p is None:
        failed.append(f"{n}: not in modules.dep")
    else:
        load(p)
for f in failed:
    print("LOADMODS FAIL", f, flush=True)
sys.exit(1 if failed else 0)
