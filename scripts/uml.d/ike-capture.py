#!/usr/bin/env python3
"""The TS payloads real IKEv2 daemons send, decrypted by tshark (scripts/uml-ike --capture).

  ike-capture.py scenarios                 print the scenario files --capture runs by default
  ike-capture.py collect STATE DRAFTCHECK  read the runs the guest made with --capture (the
                                           IKE packets captured on the initiator's veth by
                                           dumpcap, the strongSwan initiator's IKE keys from its
                                           level-4 `ike` log; after the IKE_AUTH the guest
                                           rekeys the CHILD_SA once, a CREATE_CHILD_SA with TS
                                           payloads), decrypt each exchange with tshark,
                                           and write every TSi/TSr payload of it into
                                           Tests/Fixtures/ts/daemon-vectors.json, with the pcap
                                           and its Wireshark IKEv2 decryption table under
                                           Tests/Fixtures/daemons/pcap/

Per payload it checks, and exits 1 naming what disagreed:
- tshark decrypted the message (integrity checksum `[correct]`) and dissected the payload;
- `draftcheck ts decode` of the payload's bytes gives tshark's selectors, field by field;
- the selectors equal what the sending daemon logged it sent and what the receiving daemon
  logged it received (strongSwan: its `looking for a child config`, `selecting traffic
  selectors` and `established ... and TS` lines; libreswan 4.10 with plutodebug=base: its
  payload dumps `TSi: parsing` / `emit IKEv2 Traffic Selector`). A log that cannot show a
  payload exactly (the strongSwan initiator logs only its configured selectors, not the
  packet's it puts in front of them) is compared as what it is and said so in "relation".
"packetSelectors" says whether the request of the exchange (the payload's, or the one it
answers) put the trigger packet's selectors first: the IKE_AUTH of a trap-triggered
scenario; a rekey proposes without them.
The re-encoding to the same bytes is checked by the Swift test that reads the vectors
(Tests/TrafficSelectorsTests/DaemonVectorTests.swift), with our own encoder."""
import datetime, ipaddress, json, os, re, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location("ike_host", os.path.join(HERE, "ike-host.py"))
host = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(host)

# (IKE_CAPTURE_OUT / IKE_CAPTURE_PCAPDIR: write elsewhere, to compare a new run with the committed one)
OUT = os.environ.get("IKE_CAPTURE_OUT") or os.path.join(ROOT, "Tests/Fixtures/ts/daemon-vectors.json")
PCAPDIR = os.environ.get("IKE_CAPTURE_PCAPDIR") or os.path.join(ROOT, "Tests/Fixtures/daemons/pcap")

# Both address families, with and without packet selectors (trap-triggered or initiated by
# hand), one and several selectors, ports (single, range, OPAQUE, ICMP type), a non-CIDR
# range, both families in one payload and 17 selectors in one payload.
SCENARIOS = [
    "trap-packet-in-policy",   # IPv4, UDP packet selectors first: all three responders build a CHILD_SA
    "trap-tcp-packet",         # IPv4, TCP packet selectors
    "trap-ipv6",               # IPv6, UDP packet selectors
    "two-by-two-equal",        # IPv4, two selectors a side, by hand
    "icmp-echo-vs-any",        # ICMP echo request: ports 2048-2048
    "range-narrowed-to-half",  # a non-CIDR range in strongSwan's answer
    "port-range-policy",       # UDP ports 1200-1500
    "opaque-tsr",              # OPAQUE ports (65535-0)
    "ipv6-tcp443",             # IPv6, TCP 443, by hand
    "mixed-family-both",       # IPv4 and IPv6 selectors in one payload
    "tsi-17-selectors",        # 17 selectors in one TSi (Openswan issue 487)
]

ROLE = {"strongswan": "strongSwan 5.9.8 (Debian 5.9.8-5+deb12u6)",
        "libreswan": "libreswan 4.10 (Debian 4.10-2+deb12u1), narrowing=no (default)",
        "libreswan-narrowing": "libreswan 4.10 (Debian 4.10-2+deb12u1), narrowing=yes"}
# The IKE SA's algorithms are fixed by the configurations ike-host.py writes
# (aes128-sha256-modp2048), and checked against the IKE_SA_INIT response below.
UAT_ENCR, UAT_INTEG = "AES-CBC-128 [RFC3602]", "HMAC_SHA2_256_128 [RFC4868]"
TS_FIELDS = ("type", "protoid", "selector_length", "start_port", "end_port")


class Disagreement(Exception):
    pass


# ---- keys and decryption ------------------------------------------------------------------

def ike_keys(keylog):
    """Sk_ei, Sk_er, Sk_ai, Sk_ar as charon logs them at `ike` level 4 (keymat_v2):
    `Sk_ai secret => 32 bytes @ 0x...` followed by 16-byte hex dump lines."""
    lines = keylog.splitlines()
    keys = {}
    for k, line in enumerate(lines):
        m = re.search(r"\[IKE\] (Sk_(?:ei|er|ai|ar)) secret => (\d+) bytes", line)
        if not m or m.group(1) in keys:
            continue
        n, hx, j = int(m.group(2)), "", k + 1
        while len(hx) < 2 * n and j < len(lines):
            d = re.search(r"\[IKE\]\s+\d+: ((?:[0-9A-F]{2} )+)", lines[j])
            if not d:
                break
            hx += d.group(1).replace(" ", "")
            j += 1
        if len(hx) < 2 * n:
            raise RuntimeError(f"{m.group(1)}: {len(hx) // 2} of {n} bytes in the key log")
        keys[m.group(1)] = hx[:2 * n].lower()
    missing = {"Sk_ei", "Sk_er", "Sk_ai", "Sk_ar"} - keys.keys()
    if missing:
        raise RuntimeError(f"the initiator's key log lacks {sorted(missing)}")
    return keys


def tshark(args, home):
    r = subprocess.run(["tshark", "-n", *args], capture_output=True, text=True, env={"PATH": os.environ["PATH"], "HOME": home})
    if r.returncode != 0:
        raise RuntimeError(f"tshark {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def ike_sa(pcap, home):
    """SPIs and algorithms of the IKE SA, from the IKE_SA_INIT response."""
    out = tshark(["-r", pcap, "-Y", "isakmp.exchangetype == 34 && isakmp.flag_r == 1", "-T", "fields", "-E", "separator=|",
                  "-e", "isakmp.ispi", "-e", "isakmp.rspi", "-e", "isakmp.tf.id.encr", "-e", "isakmp.ike2.attr.key_length",
                  "-e", "isakmp.tf.id.integ"], home).splitlines()
    if len(out) != 1:
        raise RuntimeError(f"{pcap}: {len(out)} IKE_SA_INIT responses")
    ispi, rspi, encr, keylen, integ = out[0].split("|")
    if (encr, keylen, integ) != ("12", "128", "12"):
        raise RuntimeError(f"{pcap}: IKE SA is ENCR {encr}/{keylen}, INTEG {integ}, not AES-CBC-128 with HMAC-SHA2-256-128")
    return ispi, rspi


def uat_record(ispi, rspi, keys):
    """One record of Wireshark's ikev2_decryption_table (byte fields in hex, enums quoted)."""
    return f'{ispi},{rspi},{keys["Sk_ei"]},{keys["Sk_er"]},"{UAT_ENCR}",{keys["Sk_ai"]},{keys["Sk_ar"]},"{UAT_INTEG}"'


def dissect(pcap, record, home):
    """Every TSi/TSr payload tshark finds in the decrypted messages: frame, exchange, request
    or response, the payload's bytes and tshark's fields (from PDML)."""
    xml = tshark(["-r", pcap, "-o", f"uat:ikev2_decryption_table:{record}", "-Y", "isakmp.exchangetype >= 35", "-T", "pdml"], home)
    out = []
    for packet in ET.fromstring(xml).iter("packet"):
        fields = list(packet.iter("field"))
        def first(name):
            return next((f.get("show") for f in fields if f.get("name") == name), None)
        frame, exch, resp = int(first("num")), int(first("isakmp.exchangetype")), first("isakmp.flag_r") == "1"
        icd = [f.get("showname", "") for f in fields if f.get("name") == "isakmp.enc.icd"]
        if not icd or not all(s.endswith("[correct]") for s in icd):
            raise RuntimeError(f"{pcap} frame {frame}: not decrypted or integrity check failed: {icd}")
        for f in fields:
            if f.get("name") != "isakmp.typepayload" or f.get("show") not in ("44", "45"):
                continue
            sub = list(f.iter("field"))[1:]
            def val(name):
                return next((int(x.get("show")) for x in sub if x.get("name") == name), None)
            sels = []
            for ts in (x for x in sub if x.get("name") == "isakmp.ts.data"):
                g = {x.get("name")[len("isakmp.ts."):]: x.get("show") for x in ts.iter("field") if x.get("name", "").startswith("isakmp.ts.")}
                sel = {k: int(g[k]) for k in TS_FIELDS if k in g}
                fam = "ipv6" if "start_ipv6" in g else "ipv4"
                sel["start_addr"], sel["end_addr"] = g.get(f"start_{fam}"), g.get(f"end_{fam}")
                sels.append(sel)
            out.append({"frame": frame, "exchange": {35: "IKE_AUTH", 36: "CREATE_CHILD_SA", 37: "INFORMATIONAL"}.get(exch, str(exch)),
                        "message": "response" if resp else "request", "payload": "TSi" if f.get("show") == "44" else "TSr",
                        "hex": f.get("value"),
                        "tshark": {"nextPayload": val("isakmp.nextpayload"), "payloadLength": val("isakmp.payloadlength"),
                                   "numberOfTSs": val("isakmp.ts.number"),
                                   "selectors": [{"type": s.get("type"), "protocol": s.get("protoid"), "selectorLength": s.get("selector_length"),
                                                  "startPort": s.get("start_port"), "endPort": s.get("end_port"),
                                                  "startAddress": s["start_addr"], "endAddress": s["end_addr"]} for s in sels]}})
    return out


# ---- what the daemons logged ---------------------------------------------------------------

def tup(rec):
    return (rec["protocol"], rec["startPort"], rec["endPort"], ipaddress.ip_address(rec["startAddress"]), ipaddress.ip_address(rec["endAddress"]))


def rec(t):
    r = host.sel_record(t)
    return {k: r[k] for k in ("type", "protocol", "startPort", "endPort", "startAddress", "endAddress")}


def strip(line):
    line = re.sub(r"^\d\d:\d\d:\d\d ", "", line.rstrip("\n"))
    return re.sub(r"^\w{3} +\d+ \d\d:\d\d:\d\d\.\d+: ", "", line)


def swan_proposing(log):
    """The strongSwan initiator's `proposing traffic selectors for us/other:` lists (its
    configured selectors), one occurrence per CHILD_SA it proposes (IKE_AUTH, then each
    CREATE_CHILD_SA), each {payload: (selectors, evidence)}."""
    lines = log.splitlines()
    occ = []
    for k, line in enumerate(lines):
        m = re.search(r"proposing traffic selectors for (us|other):", line)
        if not m:
            continue
        key = "TSi" if m.group(1) == "us" else "TSr"
        if key == "TSi" or not occ or key in occ[-1]:
            occ.append({})
        sels, ev = [], [strip(line)]
        thread = re.match(r"^\S+ (\d+)\[", line).group(1)
        for nxt in lines[k + 1:]:
            t = re.match(r"^\S+ (\d+)\[", nxt)
            if t and t.group(1) != thread:
                continue  # another thread's line in between
            s = re.match(r"^\S+ \d+\[CFG\]  (\S+)$", nxt)
            if not s:
                break
            sels.append(host.parse_swan(s.group(1)))
            ev.append(strip(nxt))
        occ[-1][key] = (sels, ev)
    return occ


ESTABLISHED = re.compile(r"(?:(inbound|outbound) )?CHILD_SA \S+ established with SPIs .* and TS (.*) === (.*)$")


def swan_selecting(log):
    """strongSwan's `received:` values of its `selecting traffic selectors for us/other`
    lines (first-seen order), one occurrence per CHILD_SA, each closed by its `established`
    line (or by the next occurrence): the initiator's view of each response, and the
    responder's of each CREATE_CHILD_SA request."""
    occ, side = [], None
    for line in log.splitlines():
        m = re.search(r"selecting traffic selectors for (us|other)", line)
        if m:
            side = "TSi" if m.group(1) == "us" else "TSr"
            if side == "TSi" or not occ or occ[-1].get("closed"):
                occ.append({"TSi": ([], []), "TSr": ([], [])})
            occ[-1][side][1].append(strip(line))
            continue
        m = re.search(r"config: (\S+), received: (\S+) =>", line)
        if m and side and occ:
            s = host.parse_swan(m.group(2))
            if s not in occ[-1][side][0]:
                occ[-1][side][0].append(s)
            occ[-1][side][1].append(strip(line))
            continue
        e = ESTABLISHED.search(line)
        if e and occ and not occ[-1].get("closed") and e.group(1) != "outbound":
            for k in ("TSi", "TSr"):
                occ[-1][k][1].append(strip(line))
            occ[-1]["closed"] = True
            side = None
    return occ


def swan_responder(log):
    """The strongSwan responder: what it received (IKE_AUTH: `looking for a child config for
    TSr === TSi`, in payload order; CREATE_CHILD_SA: its `selecting ... received:` values)
    and what it answered (each `CHILD_SA ... established ... and TS TSr === TSi`, its own
    side first), one occurrence per CHILD_SA."""
    rcv, snt = [], []
    for line in log.splitlines():
        m = re.search(r"looking for a child config for (.*) === (.*)$", line)
        if m and not rcv:
            rcv.append({"TSr": (host.swan_list(m.group(1)), [strip(line)]), "TSi": (host.swan_list(m.group(2)), [strip(line)])})
        e = ESTABLISHED.search(line)
        if e and e.group(1) != "outbound":
            snt.append({"TSr": (host.swan_list(e.group(2)), [strip(line)]), "TSi": (host.swan_list(e.group(3)), [strip(line)])})
    # a CREATE_CHILD_SA request: the responder's selecting lines after its first CHILD_SA
    # ("for us" is the responder's own side: TSr)
    rcv += [{"TSi": o["TSr"], "TSr": o["TSi"]} for o in swan_selecting(log)[1:]]
    return rcv, snt


REFUSAL = re.compile(r'^\w{3} +\d+ [\d:.]+: "')


def pluto_dumps(log):
    """libreswan's payload dumps (plutodebug=base), one occurrence per message: the selectors
    it parsed (`TSi: parsing N traffic selectors` ... `TSi: parsed`) and emitted (`emit
    IKEv2 Traffic Selector - Initiator - Payload` ... `emitting length of ... Payload`), as
    {("parsed"|"emitted", payload): [(selectors, evidence, refusal lines), ...]}; and the
    first refusal (a line of pluto's own inside a payload it parses: it read no further)."""
    lines = log.splitlines()
    found = {}
    k = 0
    while k < len(lines):
        line = lines[k]
        m = re.search(r"\| (TSi|TSr): parsing \d+ traffic selectors", line)
        e = re.search(r"emit IKEv2 Traffic Selector - (Initiator|Responder) - Payload:", line)
        if not m and not e:
            k += 1
            continue
        key = ("parsed", m.group(1)) if m else ("emitted", "TS" + e.group(1)[0].lower())
        end = re.compile(rf"\| {key[1]}: parsed|\| {key[1]}: parsing|ts: " if m else
                         rf"emitting length of IKEv2 Traffic Selector - {'Initiator' if key[1] == 'TSi' else 'Responder'} - Payload")
        sels, cur, ev, refusal = [], {}, [strip(line)], []
        k += 1
        while k < len(lines) and not end.search(lines[k]):
            ln = lines[k]
            if m and REFUSAL.search(ln):
                while k < len(lines) and REFUSAL.search(lines[k]):
                    refusal.append(strip(lines[k]))
                    k += 1
                break
            if re.search(r"TS type: |number of TS: ", ln):
                ev.append(strip(ln))
            for name, rx in (("proto", r"IP Protocol ID: .*\(0x([0-9a-f]+)\)"), ("sp", r"\|\s+start port: (\d+)"), ("ep", r"\|\s+end port: (\d+)")):
                mm = re.search(rx, ln)
                if mm:
                    cur[name] = int(mm.group(1), 16) if name == "proto" else int(mm.group(1))
                    ev.append(strip(ln))
            a = re.search(r"\| (?:TS )?IP (start|end)(?::(.*))?$", ln)
            if a:
                text = a.group(2) if a.group(2) else (lines[k + 1].split("|", 1)[-1] if k + 1 < len(lines) else "")
                toks = []
                for t in text.split():
                    if not re.fullmatch(r"[0-9a-f]{2}", t) or len(toks) == 16:
                        break
                    toks.append(t)
                cur[a.group(1)] = ipaddress.ip_address(bytes.fromhex("".join(toks)))
                ev.append(strip(ln) if a.group(2) else strip(ln) + " " + " ".join(toks))
                if a.group(1) == "end":
                    sels.append((cur.get("proto", 0), cur.get("sp", 0), cur.get("ep", 65535), cur["start"], cur["end"]))
                    cur = {}
            k += 1
        if refusal:
            ev += refusal
            found.setdefault("refusal", refusal)
        elif k < len(lines):
            ev.append(strip(lines[k]))
        found.setdefault(key, []).append((sels, ev, refusal))
    return found


def nth(occ, n, payload):
    """The n-th occurrence's (selectors, evidence) for `payload`, or (None, [])."""
    return occ[n][payload] if n < len(occ) and payload in occ[n] else (None, [])


def run_logs(d, spec):
    """A function (message, payload, side, n) -> (daemon, selectors or None, evidence lines,
    relation): what the sender logged it sent and the receiver logged it received in the
    n-th exchange carrying TS payloads (0: IKE_AUTH, 1: the CREATE_CHILD_SA rekey)."""
    ilog = host.read(os.path.join(d, "i", "charon.log"))
    resp = spec["responder"]
    prop, sel = swan_proposing(ilog), swan_selecting(ilog)
    initiator = f"{ROLE['strongswan']} initiator"
    responder = f"{ROLE[resp]} responder"
    if resp == "strongswan":
        rcv, snt = swan_responder(host.read(os.path.join(d, "r", "charon.log")))
    else:
        dumps = pluto_dumps(host.read(os.path.join(d, "r", "pluto.log")))

    def get(message, p, side, n):
        if (message, side) == ("request", "sent"):
            return (initiator, *nth(prop, n, p), "configured")
        if (message, side) == ("response", "received"):
            return (initiator, *nth(sel, n, p), "equal")
        if resp == "strongswan":
            return (responder, *nth(rcv if side == "received" else snt, n, p), "equal")
        if side == "sent":
            occ = dumps.get(("emitted", p), [])
            return (responder, *(occ[n][:2] if n < len(occ) else (None, [])), "equal")
        occ = dumps.get(("parsed", p), [])
        if n < len(occ):
            sels, ev, refusal = occ[n]
            return (responder, sels, ev, "refused" if refusal else "equal")
        if n == 0 and "refusal" in dumps:
            # pluto stopped at the other payload and never read this one
            return (responder, [], ["(not read: pluto stopped at the other payload)"] + dumps["refusal"], "refused")
        return (responder, None, [], "equal")
    return get


def packet_selector(trigger, payload):
    """The trigger packet's own selector for TSi (its source) or TSr (its destination)."""
    if payload == "TSi":
        return (trigger["protocol"], trigger["sourcePort"], trigger["sourcePort"], ipaddress.ip_address(trigger["source"]),
                ipaddress.ip_address(trigger["source"]))
    return (trigger["protocol"], trigger["destinationPort"], trigger["destinationPort"], ipaddress.ip_address(trigger["destination"]),
            ipaddress.ip_address(trigger["destination"]))


def compare(wire, logged, relation, trigger, payload):
    """How the logged selectors stand to the payload's; None when they agree."""
    if logged is None:
        return "the daemon logged no selectors for this payload"
    if relation == "refused":
        # libreswan refused the payload (or stopped before it): what it logged having read
        # before the refusal must be where the payload starts.
        return None if wire[:len(logged)] == logged else f"read {[rec(t) for t in logged]} before refusing, on the wire {[rec(t) for t in wire]}"
    want = logged
    if relation == "configured" and trigger:
        # The strongSwan initiator logs its configured selectors; on the wire the trigger
        # packet's selector goes first (RFC 7296 2.9).
        want = [packet_selector(trigger, payload)] + logged
    return None if wire == want else f"logged {[rec(t) for t in want]}, on the wire {[rec(t) for t in wire]}"


RELATIONS = {"equal": lambda trigger: "equal",
             "configured": lambda trigger: "the trigger packet's selector, then the configured ones logged" if trigger
             else "the configured selectors logged",
             "refused": lambda trigger: "refused: the selectors read before the refusal logged"}


# ---- collecting ----------------------------------------------------------------------------

def draftcheck_decode(binary, hexstr, kind):
    r = subprocess.run([binary, "ts", "decode", "--format", "json", "--kind", kind.lower(), hexstr], capture_output=True, text=True)
    if r.returncode != 0:
        raise Disagreement(f"draftcheck ts decode {hexstr}: exit {r.returncode}: {r.stderr.strip()}")
    return json.loads(r.stdout)


def collect(state, binary):
    runs = os.path.join(state, "runs")
    home = tempfile.mkdtemp(prefix="ike-capture-home.")
    vectors, problems, tables = [], [], {}
    os.makedirs(PCAPDIR, exist_ok=True)
    for old in os.listdir(PCAPDIR):
        if old.endswith((".pcap", ".ikev2_decryption_table")):
            os.remove(os.path.join(PCAPDIR, old))
    try:
        for name in sorted(os.listdir(runs)):
            d = os.path.join(runs, name)
            spec = json.loads(host.read(os.path.join(d, "run.json")))
            label = f"{spec['scenario']} {spec['responder']}"
            g = json.loads(host.read(os.path.join(d, "guest-result.json")) or '{"error": "the guest wrote no result"}')
            if g.get("error"):
                problems.append(f"{label}: {g['error']}")
                continue
            pcap = os.path.join(d, "ike.pcap")
            base = f"{spec['scenario']}.{spec['responder']}"
            ispi, rspi = ike_sa(pcap, home)
            record = uat_record(ispi, rspi, ike_keys(host.read(os.path.join(d, "i", "charon-keys.log"))))
            payloads = dissect(pcap, record, home)
            if not any(p["message"] == "request" for p in payloads):
                problems.append(f"{label}: no TS payload in the IKE_AUTH request")
            shutil.copy(pcap, os.path.join(PCAPDIR, base + ".pcap"))
            os.chmod(os.path.join(PCAPDIR, base + ".pcap"), 0o644)
            with open(os.path.join(PCAPDIR, base + ".ikev2_decryption_table"), "w") as f:
                f.write("# Wireshark ikev2_decryption_table: Initiator's SPI, Responder's SPI, SK_ei, SK_er, encryption,"
                        " SK_ai, SK_ar, integrity\n" + record + "\n")
            tables[base] = record
            logs = run_logs(d, spec)
            seen = {}
            for p in payloads:
                # n: which exchange carrying TS payloads this is (0 the IKE_AUTH, 1 the rekey)
                n = seen[(p["message"], p["payload"])] = seen.get((p["message"], p["payload"]), -1) + 1
                trigger = bool(spec.get("trigger")) and n == 0
                wire = [tup(s) for s in p["tshark"]["selectors"]]
                try:
                    ours = draftcheck_decode(binary, p["hex"], p["payload"])
                except Disagreement as e:  # our decoder refused what tshark dissected: recorded
                    ours = {"selectors": None, "ignored": []}
                    problems.append(f"{label} frame {p['frame']} {p['payload']}: {e}")
                ours_sel = ours["selectors"]
                theirs = [{k: s[k] for k in ("type", "protocol", "startPort", "endPort", "startAddress", "endAddress")} for s in p["tshark"]["selectors"]]
                if ours_sel != theirs or ours["ignored"]:
                    problems.append(f"{label} frame {p['frame']} {p['payload']}: draftcheck decodes {ours_sel}, tshark {theirs}")
                sender = "strongswan" if p["message"] == "request" else spec["responder"]
                if p["exchange"] != ("IKE_AUTH" if n == 0 else "CREATE_CHILD_SA"):
                    problems.append(f"{label} frame {p['frame']}: TS payloads in an unexpected {p['exchange']}")
                entry = {"name": f"{base}.{p['exchange']}-{p['message']}.{p['payload']}",
                         "scenario": spec["scenario"], "responder": spec["responder"],
                         "daemon": f"{ROLE[sender]} {'initiator' if p['message'] == 'request' else 'responder'}",
                         "exchange": p["exchange"], "message": p["message"],
                         "direction": "initiator -> responder" if p["message"] == "request" else "responder -> initiator",
                         "payload": p["payload"], "packetSelectors": trigger,
                         "families": sorted({"ipv6" if ":" in s["startAddress"] else "ipv4" for s in theirs}),
                         "pcap": f"Tests/Fixtures/daemons/pcap/{base}.pcap",
                         "keys": f"Tests/Fixtures/daemons/pcap/{base}.ikev2_decryption_table",
                         "frame": p["frame"], "hex": p["hex"], "tshark": p["tshark"], "logs": []}
                for side in ("sent", "received"):
                    daemon, logged, ev, relation = logs(p["message"], p["payload"], side, n)
                    diff = compare(wire, logged, relation, spec.get("trigger") if trigger else None, p["payload"])
                    if diff:
                        problems.append(f"{label} frame {p['frame']} {p['payload']} {side}: {diff}")
                    entry["logs"].append({"side": side, "daemon": daemon,
                                          "relation": RELATIONS[relation](trigger),
                                          "agrees": diff is None, **({"difference": diff} if diff else {}),
                                          "selectors": [rec(t) for t in logged] if logged is not None else None,
                                          "lines": ev[:60]})
                vectors.append(entry)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    version = subprocess.run(["tshark", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    doc = {"generator": "scripts/uml-ike --capture (scripts/uml.d/ike-capture.py): strongSwan 5.9.8 initiator against "
                        "strongSwan 5.9.8 and libreswan 4.10 responders under User-Mode Linux, IKE captured by dumpcap, "
                        "decrypted by tshark with the initiator's logged keys",
           "tshark": version, "recorded": datetime.date.today().isoformat(), "vectors": vectors}
    text = json.dumps(doc, indent=1) + "\n"
    # one selector (an object holding no object or list) a line
    text = re.sub(r"\{\n\s*([^{}\[\]]*?)\n\s*\}", lambda m: "{" + " ".join(x.strip() for x in m.group(1).split("\n")) + "}", text)
    assert json.loads(text) == doc
    with open(OUT, "w") as f:
        f.write(text)
    by = {}
    for v in vectors:
        key = (v["daemon"].split(" (")[0] + (" narrowing=yes" if "narrowing=yes" in v["daemon"] else "") + " " + v["daemon"].split()[-1],
               "+".join(v["families"]) or "none", "packet" if v["packetSelectors"] else "no packet")
        by[key] = by.get(key, 0) + 1
    for k, n in sorted(by.items()):
        print(f"  {n:3d}  {k[0]}, {k[1]}, {k[2]} selectors")
    for p in problems:
        print("DISAGREE", p)
    print(f"{len(vectors)} payloads from {len(tables)} exchanges, {len(problems)} disagreements; wrote {os.path.relpath(OUT, ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "scenarios":
        print("\n".join(os.path.join(ROOT, "Tests/Fixtures/daemons", s + ".json") for s in SCENARIOS))
    elif len(sys.argv) == 4 and sys.argv[1] == "collect":
        sys.exit(collect(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
