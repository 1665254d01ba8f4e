#!/usr/bin/python3
"""Guest side of scripts/uml-ike: inside the User-Mode Linux guest, for each run prepared by
the host (STATE/runs/NNN/, see ike-host.py), bring up two network namespaces joined by a
veth pair, start the responder (charon or pluto) in `r` and a charon initiator in `i`,
trigger one exchange, wait for its outcome in the initiator's log, dump the kernel's XFRM
policies and states of both namespaces, stop both daemons and tear the namespaces down.
Everything a run produces is written into its directory; nothing is judged here.
Usage: ike-guest.py STATE LSWDIR"""
import ctypes, json, os, shutil, signal, socket, struct, subprocess, sys, time

STATE = sys.argv[1]
PLUTO = os.path.join(sys.argv[2], "usr/libexec/ipsec/pluto") if len(sys.argv) > 2 else None
T0 = time.monotonic()


def sh(*args, check=True, **kw):
    r = subprocess.run(list(args), capture_output=True, text=True, **kw)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {r.returncode} {r.stderr.strip()}")
    return r


def log(msg):
    print(f"[{time.monotonic() - T0:7.2f}] {msg}", flush=True)


def wait_for(pred, timeout, step=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(step)
    return pred()


def read(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return ""


def ip_batch(lines, *opts):
    r = subprocess.run(["ip", *opts, "-batch", "-"], input="\n".join(lines) + "\n", capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"ip {' '.join(opts)} -batch: {r.stderr.strip()}")


def netns_up():
    for ns in ("i", "r"):
        if os.path.exists(f"/run/netns/{ns}"):
            sh("ip", "netns", "del", ns, check=False)
    ip_batch(["netns add i", "netns add r", "link add vi type veth peer name vr", "link set vi netns i",
              "link set vr netns r"])
    for ns, dev, n in (("i", "vi", 1), ("r", "vr", 2)):
        peer = 3 - n
        ip_batch(["link set lo up", f"link set {dev} up", f"addr add 192.168.100.{n}/24 dev {dev}",
                  f"addr add fd00:100::{n}/64 dev {dev} nodad",
                  f"route add default via 192.168.100.{peer} dev {dev}",
                  f"route add ::/0 via fd00:100::{peer} dev {dev}"], "-n", ns)


def kill_ns(ns):
    pids = sh("ip", "netns", "pids", ns, check=False).stdout.split()
    for p in pids:
        try:
            os.kill(int(p), signal.SIGTERM)
        except ProcessLookupError:
            pass
    wait_for(lambda: not sh("ip", "netns", "pids", ns, check=False).stdout.split(), 3)
    for p in sh("ip", "netns", "pids", ns, check=False).stdout.split():
        try:
            os.kill(int(p), signal.SIGKILL)
        except ProcessLookupError:
            pass


def start_charon(ns, d, scratch):
    env = dict(os.environ, STRONGSWAN_CONF=os.path.join(d, "strongswan.conf"))
    p = subprocess.Popen(["ip", "netns", "exec", ns, "unshare", "-m", "sh", "-c",
                          "mount -t tmpfs run /run && exec /usr/lib/ipsec/charon"],
                         env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(d, "charon.stderr"), "w"))
    uri = f"unix://{scratch}/charon.vici"
    ok = wait_for(lambda: sh("swanctl", "--stats", "--uri", uri, check=False).returncode == 0, 15, 0.1)
    if not ok:
        raise RuntimeError(f"charon in {ns} not ready")
    r = sh("swanctl", "--load-all", "--file", os.path.join(d, "swanctl.conf"), "--uri", uri, check=False)
    with open(os.path.join(d, "swanctl-load.txt"), "w") as f:
        f.write(r.stdout + r.stderr)
    if r.returncode != 0:
        raise RuntimeError(f"swanctl --load-all in {ns}: {r.stdout} {r.stderr}")
    return p, uri


def start_pluto(d, scratch):
    for sub in ("run", "nss", "ipsec.d"):
        os.makedirs(os.path.join(scratch, sub), exist_ok=True)
    if not os.path.exists("/mnt/scratch/nss-template"):
        os.makedirs("/mnt/scratch/nss-template")
        sh("certutil", "-N", "-d", "sql:/mnt/scratch/nss-template", "--empty-password")
    for f in os.listdir("/mnt/scratch/nss-template"):
        shutil.copy(os.path.join("/mnt/scratch/nss-template", f), os.path.join(scratch, "nss", f))
    logf = os.path.join(d, "pluto.log")
    p = subprocess.Popen(["ip", "netns", "exec", "r", PLUTO, "--nofork", "--config", os.path.join(d, "ipsec.conf"),
                          "--rundir", f"{scratch}/run", "--nssdir", f"{scratch}/nss", "--ipsecdir", f"{scratch}/ipsec.d",
                          "--secretsfile", os.path.join(d, "ipsec.secrets"), "--logfile", logf],
                         stdout=subprocess.DEVNULL, stderr=open(os.path.join(d, "pluto.stderr"), "w"))
    if not wait_for(lambda: "reaped addconn helper child" in read(logf), 15, 0.1):
        raise RuntimeError("pluto not ready")
    return p


def send_trigger(t):
    """One packet from inside `i` that matches the initiator's trap policy."""
    fam = socket.AF_INET6 if ":" in t["source"] else socket.AF_INET
    code = (
        "import socket,sys\n"
        f"fam={int(fam)}; proto={t['protocol']}\n"
        f"src=({t['source']!r},{t['sourcePort']}); dst=({t['destination']!r},{t['destinationPort']})\n"
        "if proto==17:\n"
        "    s=socket.socket(fam,socket.SOCK_DGRAM); s.bind(src); s.sendto(b'x',dst)\n"
        "elif proto==6:\n"
        "    s=socket.socket(fam,socket.SOCK_STREAM); s.bind(src); s.setblocking(False)\n"
        "    try: s.connect(dst)\n"
        "    except BlockingIOError: pass\n"
        "    import time; time.sleep(0.3)\n"
        "else:\n"
        "    sys.exit('trigger protocol %d not supported' % proto)\n"
    )
    sh("ip", "netns", "exec", "i", "python3", "-c", code)


XFRM_MSG_GETPOLICY, XFRM_MSG_NEWPOLICY, XFRM_MSG_GETSA, XFRM_MSG_NEWSA = 0x15, 0x13, 0x12, 0x10


def addr(raw, fam):
    return socket.inet_ntop(socket.AF_INET6 if fam == 10 else socket.AF_INET, raw if fam == 10 else raw[:4])


def selector(b):
    daddr, saddr = b[0:16], b[16:32]
    dport, dmask, sport, smask = struct.unpack_from(">HHHH", b, 32)
    fam = struct.unpack_from("<H", b, 40)[0]
    pd, ps, proto = b[42], b[43], b[44]
    return {"family": fam, "src": f"{addr(saddr, fam)}/{ps}", "dst": f"{addr(daddr, fam)}/{pd}", "proto": proto,
            "sport": sport, "sportMask": smask, "dport": dport, "dportMask": dmask}


def netlink_dump(msgtype):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 6)
    s.bind((0, 0))
    s.send(struct.pack("=IHHII", 16, msgtype, 0x301, 1, 0))
    out, done = [], False
    while not done:
        data = s.recv(65536)
        off = 0
        while off + 16 <= len(data):
            ln, ty, fl, seq, pid = struct.unpack_from("=IHHII", data, off)
            body = data[off + 16: off + ln]
            if ty == 3 or ty == 2:  # NLMSG_DONE, NLMSG_ERROR
                done = True
                break
            out.append((ty, body))
            off += (ln + 3) & ~3
    s.close()
    return out


def dump_policies():
    res = []
    for ty, b in netlink_dump(XFRM_MSG_GETPOLICY):
        if ty != XFRM_MSG_NEWPOLICY:
            continue
        sel = selector(b)
        prio = struct.unpack_from("=I", b, 152)[0]
        direction, action = b[160], b[161]
        has_tmpl, off = False, 168
        while off + 4 <= len(b):
            alen, atype = struct.unpack_from("=HH", b, off)
            if alen < 4:
                break
            if atype == 5:
                has_tmpl = True
            off += (alen + 3) & ~3
        if direction > 2:
            continue  # the daemons' IKE socket policies
        res.append(dict(sel, dir=["in", "out", "fwd"][direction], priority=prio, action=action, ipsec=has_tmpl))
    return res


def dump_states():
    res = []
    for ty, b in netlink_dump(XFRM_MSG_GETSA):
        if ty != XFRM_MSG_NEWSA:
            continue
        sel = selector(b)
        # xfrm_usersa_info: sel(56) id{daddr 16, spi 4, proto 1}(24) saddr(16) ...
        spi = struct.unpack_from(">I", b, 72)[0]
        proto = b[76]
        res.append({"selector": sel, "spi": f"{spi:08x}", "proto": proto})
    return res


CLONE_NEWNET = 0x40000000


def dump_in(ns):
    """The XFRM policies and states of namespace `ns`, read over netlink from this process
    (setns(2) there and back)."""
    libc = ctypes.CDLL(None, use_errno=True)
    home = os.open("/proc/self/ns/net", os.O_RDONLY)
    target = os.open(f"/run/netns/{ns}", os.O_RDONLY)
    try:
        if libc.setns(target, CLONE_NEWNET) != 0:
            return json.dumps({"error": f"setns: {os.strerror(ctypes.get_errno())}"})
        try:
            return json.dumps({"policies": dump_policies(), "states": dump_states()})
        except Exception as e:  # noqa: BLE001
            return json.dumps({"error": str(e)})
        finally:
            libc.setns(home, CLONE_NEWNET)
    finally:
        os.close(home)
        os.close(target)


def start_capture(d):
    """dumpcap on the initiator's end of the veth (IKE on UDP 500 and 4500), pcap format,
    into the run's directory; ready once the file header is written."""
    pcap = os.path.join(d, "ike.pcap")
    p = subprocess.Popen(["ip", "netns", "exec", "i", "dumpcap", "-q", "-P", "-i", "vi", "-f", "udp port 500 or udp port 4500",
                          "-w", pcap], stdout=subprocess.DEVNULL, stderr=open(os.path.join(d, "dumpcap.stderr"), "w"))
    if not wait_for(lambda: os.path.exists(pcap) and os.path.getsize(pcap) >= 24, 15, 0.1):
        p.kill()
        raise RuntimeError("dumpcap did not start (see dumpcap.stderr)")
    return p


def stop_capture(p):
    if p is None or p.poll() is not None:
        return
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(5)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def run_one(d, spec):
    scratch = f"/mnt/scratch/{os.path.basename(d)}"
    for ns in ("i", "r"):
        os.makedirs(os.path.join(scratch, ns), exist_ok=True)
    t0 = time.monotonic()
    result = {"error": None}
    cap = None
    try:
        netns_up()
        if spec.get("capture"):
            cap = start_capture(d)
        for a in spec.get("initiatorLoopback", []):
            sh("ip", "-n", "i", "addr", "add", a, "dev", "lo", *(["nodad"] if ":" in a else []))
        if spec["responder"] == "strongswan":
            start_charon("r", os.path.join(d, "r"), f"{scratch}/r")
        else:
            start_pluto(os.path.join(d, "r"), f"{scratch}/r")
        _, uri = start_charon("i", os.path.join(d, "i"), f"{scratch}/i")
        ilog = os.path.join(d, "i", "charon.log")
        if spec.get("trigger"):
            send_trigger(spec["trigger"])
        else:
            r = sh("swanctl", "--initiate", "--child", "net", "--timeout", "15", "--uri", uri, check=False)
            with open(os.path.join(d, "initiate.txt"), "w") as f:
                f.write(r.stdout + r.stderr)
        markers = ("CHILD_SA net{", "TS_UNACCEPT", "failed to establish CHILD_SA", "establishing IKE_SA failed",
                   "received AUTHENTICATION_FAILED", "giving up after", "N(NO_PROP)")
        def finished():
            text = read(ilog)
            return any(m in text for m in markers) and ("established with SPIs" in text or "failed" in text or "TS_UNACCEPT" in text or "giving up" in text or "N(NO_PROP)" in text)
        result["finished"] = wait_for(finished, 20, 0.1)
        if cap is not None and "established with SPIs" in read(ilog):
            # --capture: rekey the CHILD_SA once, so the capture also holds a CREATE_CHILD_SA
            # exchange with its TSi/TSr (RFC 7296 1.3.3)
            r = sh("swanctl", "--rekey", "--child", "net", "--uri", uri, check=False)
            with open(os.path.join(d, "rekey.txt"), "w") as f:
                f.write(r.stdout + r.stderr)
            result["rekeyed"] = wait_for(lambda: read(ilog).count("established with SPIs") >= 2 or "CREATE_CHILD_SA" in read(ilog)
                                         and ("failed" in read(ilog).split("CREATE_CHILD_SA", 1)[1]), 10, 0.1)
        time.sleep(0.5)
        stop_capture(cap)
        for ns in ("r", "i"):
            with open(os.path.join(d, f"xfrm-{ns}.json"), "w") as f:
                f.write(dump_in(ns))
            for what in ("policy", "state"):
                t = sh("ip", "-n", ns, "xfrm", what, check=False)
                with open(os.path.join(d, f"ip-xfrm-{what}-{ns}.txt"), "w") as f:
                    f.write(t.stdout)
    except Exception as e:  # recorded: the host refuses a capture with an error
        result["error"] = str(e)
    finally:
        stop_capture(cap)
        kill_ns("i")
        kill_ns("r")
        for ns in ("i", "r"):
            sh("ip", "netns", "del", ns, check=False)
    result["seconds"] = round(time.monotonic() - t0, 2)
    with open(os.path.join(d, "guest-result.json"), "w") as f:
        json.dump(result, f)
    log(f"{os.path.basename(d)} {spec['scenario']} {spec['responder']} {result}")


def main():
    if sys.argv[1] == "--dump":
        print(json.dumps({"policies": dump_policies(), "states": dump_states()}))
        return
    runs = sorted(os.listdir(os.path.join(STATE, "runs")))
    log(f"{len(runs)} runs")
    for name in runs:
        d = os.path.join(STATE, "runs", name)
        with open(os.path.join(d, "run.json")) as f:
            spec = json.load(f)
        run_one(d, spec)
    log("all done")


if __name__ == "__main__":
    main()
