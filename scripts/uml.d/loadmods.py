#!/usr/bin/python3
"""Guest-side module loader for scripts/uml: finit_module(2) each named module of the
guest's kernel, dependencies first (from modules.dep). There is no modprobe in the guest.
A module built into the kernel (modules.builtin: Debian's x86-64 kernel has ipv6 built in,
its UML does not) counts as loaded. A compressed module (.ko.xz, .ko.zst, .ko.gz, as Debian
13's kernel ships them) is handed to the kernel to unpack (MODULE_INIT_COMPRESSED_FILE).

  loadmods.py MODDIR NAME...          load them; one line per failure; exit 1 if any
  loadmods.py --order MODDIR NAME...  (on the host) print the modules' paths under MODDIR
                                      in load order, built-in ones left out; exit 1 if a
                                      name is unknown"""
import ctypes, os, sys

SYS_FINIT_MODULE = 313  # x86_64
MODULE_INIT_COMPRESSED_FILE = 4
SUFFIXES = (".ko", ".ko.xz", ".ko.zst", ".ko.gz")


def module_name(path):
    base = os.path.basename(path)
    for suffix in SUFFIXES:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    return base.replace("-", "_")


def read_tables(moddir):
    deps = {}
    with open(os.path.join(moddir, "modules.dep")) as f:
        for line in f:
            path, _, rest = line.partition(":")
            deps[path] = rest.split()
    builtin = set()
    if os.path.exists(os.path.join(moddir, "modules.builtin")):
        with open(os.path.join(moddir, "modules.builtin")) as f:
            builtin = {module_name(line.strip()) for line in f}
    return deps, {module_name(p): p for p in deps}, builtin


def in_order(deps, by_name, builtin, names):
    """The module paths to load for `names`, each after what it depends on, and the
    names that are neither modules nor built in."""
    order, seen, unknown = [], set(), []

    def visit(path):
        if path in seen:
            return
        seen.add(path)
        for d in deps.get(path, []):
            visit(d)
        order.append(path)

    for n in names:
        key = n.replace("-", "_")
        if key in by_name:
            visit(by_name[key])
        elif key not in builtin:
            unknown.append(n)
    return order, unknown


def main(argv):
    listing = argv[:1] == ["--order"]
    if listing:
        argv = argv[1:]
    moddir, names = argv[0], argv[1:]
    deps, by_name, builtin = read_tables(moddir)
    order, unknown = in_order(deps, by_name, builtin, names)
    failed = [f"{n}: not in modules.dep" for n in unknown]
    if listing:
        for path in order:
            print(path)
    else:
        libc = ctypes.CDLL(None, use_errno=True)
        for path in order:
            flags = 0 if path.endswith(".ko") else MODULE_INIT_COMPRESSED_FILE
            fd = os.open(os.path.join(moddir, path), os.O_RDONLY)
            try:
                if libc.syscall(SYS_FINIT_MODULE, fd, b"", flags) != 0:
                    err = ctypes.get_errno()
                    if err != 17:  # EEXIST: already loaded
                        failed.append(f"{path}: {os.strerror(err)}")
            finally:
                os.close(fd)
    for f in failed:
        print("LOADMODS FAIL", f, file=sys.stderr if listing else sys.stdout, flush=True)
    return 1 if failed else 0


sys.exit(main(sys.argv[1:]))
