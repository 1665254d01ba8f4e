#!/usr/bin/env python3
"""Host side of scripts/uml-ike.

  ike-host.py prepare [--capture] STATE SCENARIO.json...
                                               write STATE/runs/NNN/ (configurations of both
                                               daemons, run.json) for each scenario x responder;
                                               --capture: the guest also records the IKE packets
                                               and the initiator logs its IKE keys
  ike-host.py collect STATE (--record | --check)  read what the guest wrote, build each
                                               scenario's capture; --record writes it into the
                                               scenario file, --check compares with it (exit 1
                                               and a diff on drift)

A scenario file (Tests/Fixtures/daemons/NAME.json) holds draftcheck's own inputs of
`draftcheck ts narrow`: "policy" ({"rules": [...]}), "tsi" and "tsr" ({"selectors": [...]}),
plus "trigger": true when the proposal is data-triggered (then the first TSi and TSr are the
packet's /32 or /128 selectors with one protocol and one port, and the initiator's
configured selectors are the rest). The responders are configured from "policy": one
strongSwan child per rule (in order), one libreswan conn per remote x local selector pair.
"daemons" (written by --record) holds, per responder, what the daemon did; "proposal" the
TSi/TSr as they went on the wire (what `draftcheck ts agreement` replays)."""
import difflib, ipaddress, json, os, re, shutil, socket, sys

RESPONDERS = ["strongswan", "libreswan", "libreswan-narrowing"]
VERSIONS = {"strongswan": "strongSwan 5.9.8 (Debian 5.9.8-5+deb12u6)",
            "libreswan": "libreswan 4.10 (Debian 4.10-2+deb12u1), narrowing=no (default)",
            "libreswan-narrowing": "libreswan 4.10 (Debian 4.10-2+deb12u1), narrowing=yes"}
GUEST = "/mnt/state"
PSK = "draftcheck-uml-ike-psk-0123456789"
PROTO_NAMES = {1: "icmp", 6: "tcp", 17: "udp", 58: "ipv6-icmp"}
NAME_PROTOS = {v: k for k, v in PROTO_NAMES.items()}


class Unexpressible(Exception):
    pass


# ---- selectors ---------------------------------------------------------------------------

def sel_from_record(r):
    """A SelectorRecord (short or long form) as (proto, sp, ep, start, end) with ip_address values."""
    if "address" in r:
        a = r["address"]
        if "/" in a:
            n = ipaddress.ip_network(a, strict=True)
            start, end = n.network_address, n.broadcast_address
        elif "-" in a:
            x, y = a.split("-")
            start, end = ipaddress.ip_address(x), ipaddress.ip_address(y)
        else:
            start = end = ipaddress.ip_address(a)
    else:
        start, end = ipaddress.ip_address(r["startAddress"]), ipaddress.ip_address(r["endAddress"])
    if "ports" in r:
        p = r["ports"]
        if p == "any":
            sp, ep = 0, 65535
        elif p == "opaque":
            sp, ep = 65535, 0
        elif "-" in p:
            sp, ep = map(int, p.split("-"))
        else:
            sp = ep = int(p)
    else:
        sp, ep = r.get("startPort", 0), r.get("endPort", 65535)
    return (r.get("protocol", 0), sp, ep, start, end)


def sel_record(s):
    proto, sp, ep, start, end = s
    return {"type": 8 if start.version == 6 else 7, "protocol": proto, "startPort": sp, "endPort": ep,
            "startAddress": str(start), "endAddress": str(end)}


def cidr(start, end):
    nets = list(ipaddress.summarize_address_range(start, end))
    return nets[0] if len(nets) == 1 else None


def swan_ts(s):
    proto, sp, ep, start, end = s
    n = cidr(start, end)
    text = str(n) if n else f"{start}-{end}"
    if proto == 0:
        if (sp, ep) != (0, 65535):
            raise Unexpressible("swanctl cannot write ports without a protocol")
        return text
    name = PROTO_NAMES.get(proto, str(proto))
    if (sp, ep) == (0, 65535):
        return f"{text}[{name}]"
    if (sp, ep) == (65535, 0):
        return f"{text}[{name}/opaque]"
    if proto in (1, 58):
        if sp == ep and sp & 0xff == 0:
            return f"{text}[{name}/{sp >> 8}]"
        raise Unexpressible("ICMP selector other than one type with code 0")
    return f"{text}[{name}/{sp}]" if sp == ep else f"{text}[{name}/{sp}-{ep}]"


def lsw_end(s):
    proto, sp, ep, start, end = s
    n = cidr(start, end)
    if n is None:
        raise Unexpressible(f"libreswan subnets are CIDR blocks: {start}-{end}")
    if proto == 0:
        if (sp, ep) != (0, 65535):
            raise Unexpressible("libreswan protoport needs a protocol for a port")
        return str(n), None
    name = PROTO_NAMES.get(proto, str(proto))
    if (sp, ep) == (0, 65535):
        return str(n), name  # port 0 = all ports; "%any" would be one port the peer picks
    if sp == ep and proto not in (1, 58):
        return str(n), f"{name}/{sp}"
    raise Unexpressible(f"libreswan protoport is one port or any: {sp}-{ep}")


# strongSwan's text form of a selector, as charon logs it.
SWAN_RE = re.compile(r"^(?P<a>[0-9a-fA-F:.]+)(?:/(?P<len>\d+)|\.\.(?P<b>[0-9a-fA-F:.]+))(?:\[(?P<p>[^\]]+)\])?$")


def parse_swan(text):
    m = SWAN_RE.match(text)
    if not m:
        raise ValueError(f"unparsed strongSwan selector {text!r}")
    if m.group("len") is not None:
        n = ipaddress.ip_network(f"{m.group('a')}/{m.group('len')}", strict=False)
        start, end = n.network_address, n.broadcast_address
    else:
        start, end = ipaddress.ip_address(m.group("a")), ipaddress.ip_address(m.group("b"))
    proto, sp, ep = 0, 0, 65535
    if m.group("p"):
        parts = m.group("p").split("/")
        if parts[0] in NAME_PROTOS:
            proto = NAME_PROTOS[parts[0]]
        elif parts[0].isdigit():
            proto = int(parts[0])
        else:
            proto = socket.getprotobyname(parts[0])  # charon names protocols from /etc/protocols
        if len(parts) > 1:
            pt = parts[1]
            if pt == "OPAQUE":
                sp, ep = 65535, 0
            elif proto in (1, 58):
                # charon prints an ICMP port as type[/code] (its high and low byte): [icmp/8]
                # went on the wire as 2048-2048 (pluto's dump of the same proposal)
                ty = int(pt)
                code = int(parts[2]) if len(parts) > 2 else 0
                sp = ep = ty << 8 | code
            elif "-" in pt:
                sp, ep = map(int, pt.split("-"))
            else:
                sp = ep = int(pt)
    return (proto, sp, ep, start, end)


# ---- preparing runs ----------------------------------------------------------------------

def load_scenario(path):
    with open(path) as f:
        sc = json.load(f)
    sc["_path"] = path
    sc["_name"] = os.path.splitext(os.path.basename(path))[0]
    return sc


def scenario_sels(sc):
    tsi = [sel_from_record(r) for r in sc["tsi"]["selectors"]]
    tsr = [sel_from_record(r) for r in sc["tsr"]["selectors"]]
    rules = [(r["name"], [sel_from_record(x) for x in r["remote"]], [sel_from_record(x) for x in r["local"]])
             for r in sc["policy"]["rules"]]
    return tsi, tsr, rules


def outer(sc):
    tsi, _, _ = scenario_sels(sc)
    v6 = tsi[0][3].version == 6
    return ("fd00:100::1", "fd00:100::2") if v6 else ("192.168.100.1", "192.168.100.2")


def strongswan_conf(guestdir, scratch, keys=False):
    # keys: a second log with the ike subsystem at level 4, where charon writes the IKE SA's
    # derived keys (Sk_ei, Sk_er, Sk_ai, Sk_ar): what tshark needs to decrypt the exchange
    # (scripts/uml-ike --capture, ike-capture.py).
    keylog = f"""
        keys {{
            path = {guestdir}/charon-keys.log
            time_format = %T
            append = no
            flush_line = yes
            default = -1
            ike = 4
        }}""" if keys else ""
    return f"""charon {{
    load = random nonce aes sha1 sha2 hmac kdf gmp pem pkcs1 x509 pubkey kernel-netlink socket-default vici
    install_routes = no
    filelog {{
        main {{
            path = {guestdir}/charon.log
            time_format = %T
            append = no
            flush_line = yes
            default = 1
            cfg = 2
            knl = 2
            ike = 2
        }}{keylog}
    }}
    plugins {{ vici {{ socket = unix://{scratch}/charon.vici }} }}
}}
"""


def swanctl_conf(local, remote, lid, rid, children, trap):
    out = ["connections {", "    c {", "        version = 2", f"        local_addrs = {local}",
           f"        remote_addrs = {remote}", "        proposals = aes128-sha256-modp2048",
           f"        local {{\n            auth = psk\n            id = {lid}\n        }}",
           f"        remote {{\n            auth = psk\n            id = {rid}\n        }}", "        children {"]
    for name, lts, rts in children:
        out += [f"            {name} {{", f"                local_ts = {', '.join(lts)}",
                f"                remote_ts = {', '.join(rts)}", "                esp_proposals = aes128-sha256",
                "                mode = tunnel"]
        if trap:
            out.append("                start_action = trap")
        out.append("            }")
    out += ["        }", "    }", "}",
            f'secrets {{\n    ike-1 {{\n        id-1 = init.test\n        id-2 = resp.test\n        secret = "{PSK}"\n    }}\n}}', ""]
    return "\n".join(out)


def child_name(i, rule):
    return "r%d_%s" % (i, re.sub(r"[^A-Za-z0-9]", "_", rule))


def libreswan_conf(sc, narrowing, capture=False):
    _, _, rules = scenario_sels(sc)
    i_addr, r_addr = outer(sc)
    out = ["config setup", "    plutodebug=base", ""]
    for ri, (name, remote, local) in enumerate(rules):
        for a, rs in enumerate(remote):
            for b, ls in enumerate(local):
                if rs[3].version != ls[3].version:
                    continue  # a conn's subnets are of one family; the other pairs carry it
                lsub, lpp = lsw_end(ls)
                rsub, rpp = lsw_end(rs)
                if (lpp is None) != (rpp is None) or (lpp and rpp and lpp.split("/")[0] != rpp.split("/")[0]):
                    raise Unexpressible("a libreswan conn has one protocol for both ends")
                out += [f"conn {child_name(ri, name)}_{a}x{b}", f"    left={r_addr}", "    leftid=@resp.test",
                        f"    right={i_addr}", "    rightid=@init.test", "    authby=secret", "    ikev2=yes",
                        "    type=tunnel", "    ike=aes128-sha2_256;modp2048", "    esp=aes128-sha2_256",
                        "    auto=add", "    leftupdown=/bin/true", f"    leftsubnet={lsub}", f"    rightsubnet={rsub}"]
                if lpp:
                    out += [f"    leftprotoport={lpp}", f"    rightprotoport={rpp}"]
                if narrowing:
                    out.append("    narrowing=yes")
                if capture:
                    # --capture rekeys the Child SA; strongSwan's esp_proposals carry no DH
                    # group, so its CREATE_CHILD_SA has no KE payload, which pluto's default
                    # pfs=yes refuses (NO_PROPOSAL_CHOSEN) before looking at the TS
                    out.append("    pfs=no")
                out.append("")
    if not any(l.startswith("conn ") for l in out):
        raise Unexpressible("no remote x local pair of one address family")
    return "\n".join(out)


def prepare(state, paths, capture=False):
    runs = os.path.join(state, "runs")
    os.makedirs(runs, exist_ok=True)
    n = 0
    skipped = {}
    for path in paths:
        sc = load_scenario(path)
        tsi, tsr, rules = scenario_sels(sc)
        i_addr, r_addr = outer(sc)
        trigger = None
        init_tsi, init_tsr = tsi, tsr
        if sc.get("trigger"):
            a, b = tsi[0], tsr[0]
            if not (a[3] == a[4] and b[3] == b[4] and a[0] == b[0] and a[0] in (6, 17) and a[1] == a[2] and b[1] == b[2]):
                sys.exit(f"{path}: a trigger needs single-address, single-port TCP or UDP first selectors")
            trigger = {"protocol": a[0], "source": str(a[3]), "sourcePort": a[1], "destination": str(b[3]), "destinationPort": b[1]}
            init_tsi, init_tsr = tsi[1:], tsr[1:]
        try:
            init_children = [("net", [swan_ts(s) for s in init_tsi], [swan_ts(s) for s in init_tsr])]
        except Unexpressible as e:
            sys.exit(f"{path}: initiator: {e}")
        for resp in RESPONDERS:
            try:
                if resp == "strongswan":
                    rconf = swanctl_conf(r_addr, i_addr, "resp.test", "init.test",
                                         [(child_name(k, nm), [swan_ts(s) for s in loc], [swan_ts(s) for s in rem])
                                          for k, (nm, rem, loc) in enumerate(rules)], False)
                else:
                    rconf = libreswan_conf(sc, resp == "libreswan-narrowing", capture)
            except Unexpressible as e:
                skipped[(sc["_name"], resp)] = str(e)
                continue
            n += 1
            d = os.path.join(runs, f"{n:03d}")
            gd = f"{GUEST}/runs/{n:03d}"
            scratch = f"/mnt/scratch/{n:03d}"
            for side in ("i", "r"):
                os.makedirs(os.path.join(d, side), exist_ok=True)
            with open(os.path.join(d, "i", "strongswan.conf"), "w") as f:
                f.write(strongswan_conf(f"{gd}/i", f"{scratch}/i", keys=capture))
            with open(os.path.join(d, "i", "swanctl.conf"), "w") as f:
                f.write(swanctl_conf(i_addr, r_addr, "init.test", "resp.test", init_children, trigger is not None))
            if resp == "strongswan":
                with open(os.path.join(d, "r", "strongswan.conf"), "w") as f:
                    f.write(strongswan_conf(f"{gd}/r", f"{scratch}/r"))
                with open(os.path.join(d, "r", "swanctl.conf"), "w") as f:
                    f.write(rconf)
            else:
                with open(os.path.join(d, "r", "ipsec.conf"), "w") as f:
                    f.write(rconf)
                with open(os.path.join(d, "r", "ipsec.secrets"), "w") as f:
                    f.write(f'@resp.test @init.test : PSK "{PSK}"\n')
            loop = [f"{trigger['source']}/{128 if ':' in trigger['source'] else 32}"] if trigger else []
            with open(os.path.join(d, "run.json"), "w") as f:
                json.dump({"scenario": sc["_name"], "path": os.path.abspath(path), "responder": resp,
                           "trigger": trigger, "initiatorLoopback": loop, "capture": capture}, f)
    with open(os.path.join(state, "skipped.json"), "w") as f:
        json.dump({f"{k[0]} {k[1]}": v for k, v in skipped.items()}, f, indent=1)
    print(f"prepared {n} runs ({len(skipped)} scenario/responder pairs not expressible)")


# ---- collecting --------------------------------------------------------------------------

def read(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return ""


def strip_time(line):
    return re.sub(r"^\d\d:\d\d:\d\d ", "", line.rstrip("\n"))


def swan_list(text):
    return [parse_swan(t) for t in text.split()]


def initiator_view(ilog):
    """What came back on the wire, as the strongSwan initiator parsed it."""
    got = {"tsi": [], "tsr": []}
    notifies, child, evidence = [], False, []
    side = None
    for raw in ilog.splitlines():
        line = strip_time(raw)
        m = re.search(r"parsed IKE_AUTH response \d+ \[(.*)\]", line)
        if m:
            notifies += re.findall(r"N\(([A-Z_]+)\)", m.group(1))
            evidence.append(line)
        if "selecting traffic selectors for us" in line:
            side = "tsi"
            evidence.append(line)
        elif "selecting traffic selectors for other" in line:
            side = "tsr"
            evidence.append(line)
        m = re.search(r"config: (\S+), received: (\S+) =>", line)
        if m and side:
            s = parse_swan(m.group(2))
            if s not in got[side]:
                got[side].append(s)
            evidence.append(line)
        if re.search(r"CHILD_SA net\{\d+\} established", line):
            child = True
            evidence.append(line)
        if "TS_UNACCEPTABLE" in line or "failed to establish CHILD_SA" in line or "no CHILD_SA built" in line:
            evidence.append(line)
    return got, notifies, child, evidence


def strongswan_responder_view(rlog):
    received, chosen, evidence = None, None, []
    for raw in rlog.splitlines():
        line = strip_time(raw)
        m = re.search(r"looking for a child config for (.*) === (.*)$", line)
        if m and received is None:
            received = {"tsr": swan_list(m.group(1)), "tsi": swan_list(m.group(2))}
            evidence.append(line)
        if re.search(r"selecting traffic selectors|config: .* received: |  candidate |found matching child config", line):
            evidence.append(line)
        m = re.search(r"CHILD_SA \S+ established with SPIs .* and TS (.*) === (.*)$", line)
        if m:
            chosen = {"tsr": swan_list(m.group(1)), "tsi": swan_list(m.group(2))}
            evidence.append(line)
        if "adding policy" in line or "TS_UNACCEPT" in line or "no acceptable traffic selectors" in line:
            evidence.append(line)
    return received, chosen, evidence


# A line of pluto's payload dump: "...: |   0a 02 00 00          ...." (hex bytes after the
# bar, then their ASCII rendering after two spaces or more).
HEX_DUMP = re.compile(r"\|\s{2,}[0-9a-f]{2}(?: [0-9a-f]{2})*(?:\s{2,}.*)?$")


def pluto_received(plog):
    """The TSi/TSr pluto parsed, from its plutodebug=base payload dumps."""
    out, cur, field, pending = {}, None, None, {}
    lines = [l for l in plog.splitlines()]
    for k, line in enumerate(lines):
        m = re.search(r"(TSi|TSr): parsing (\d+) traffic selectors", line)
        if m and m.group(1).lower() not in out:
            cur = m.group(1).lower()
            out[cur] = []
            continue
        if cur is None:
            continue
        if re.search(r"parse IKEv2 Traffic Selector Header:", line):
            # A selector begins: nothing of the one before carries over (a value missed
            # here leaves this one out, a drift that shows, rather than taking the last one's).
            pending = {}
        m = re.search(r"\|\s+IP Protocol ID: .*\(0x([0-9a-f]+)\)", line)
        if m:
            pending["proto"] = int(m.group(1), 16)
        m = re.search(r"\|\s+start port: (\d+)", line)
        if m:
            pending["sp"] = int(m.group(1))
        m = re.search(r"\|\s+end port: (\d+)", line)
        if m:
            pending["ep"] = int(m.group(1))
        m = re.search(r"\|\s+TS IP (start|end)", line)
        if m:
            # The address is the next hex dump line; another thread's line may come between
            # (pluto logs from its helpers too), so the dump is looked for a few lines on,
            # but not past the next field's label (its dump is not this one's).
            hexline = ""
            for later in lines[k + 1:k + 6]:
                if HEX_DUMP.search(later):
                    hexline = later
                    break
                if re.search(r"\|\s+TS IP (start|end)|raw bytes of", later):
                    break
            toks = []
            for t in hexline.split("|", 1)[-1].split():
                if not re.fullmatch(r"[0-9a-f]{2}", t) or len(toks) == 16:
                    break
                toks.append(t)
            b = bytes.fromhex("".join(toks))
            if len(b) in (4, 16):
                pending[m.group(1)] = ipaddress.ip_address(b)
            if m.group(1) == "end" and "start" in pending and "end" in pending:
                out[cur].append((pending.get("proto", 0), pending.get("sp", 0), pending.get("ep", 65535), pending["start"], pending["end"]))
        if len(out) == 2 and re.search(r"emit|responder established|ts: ", line):
            break
    return out if len(out) == 2 else None


def pluto_evidence(plog):
    keep = re.compile(r"\| ts: |TSi: parsing|TSr: parsing|established Child SA|IPsec tunnel|TS_UNACCEPTABLE|"
                      r"invalid|not enough room|traffic selector|Traffic Selector range|No IKEv2 connection|"
                      r"connection switch|switched from|ignored|narrow|exceeds|hardwired", re.I)
    out = []
    for line in plog.splitlines():
        if keep.search(line) and "parsing IKEv2 Traffic Selector" not in line and "emit IKEv2 Traffic Selector" not in line:
            out.append(re.sub(r"^\w{3} \d+ \d\d:\d\d:\d\d\.\d+: ", "", line))
    return out[:80]


def kernel(d, ns):
    try:
        with open(os.path.join(d, f"xfrm-{ns}.json")) as f:
            k = json.load(f)
    except (FileNotFoundError, json.JSONDecodeError):
        return {"error": "no dump"}
    if "error" in k:
        return k
    pols = [p for p in k["policies"] if p["ipsec"] and not (p["proto"] == 58 and p["sport"] in (135 << 8, 136 << 8, 135, 136))]
    pols = sorted(({kk: p[kk] for kk in ("dir", "src", "dst", "proto", "sport", "sportMask", "dport", "dportMask")} for p in pols),
                  key=lambda p: json.dumps(p, sort_keys=True))
    return {"policies": pols, "states": len(k["states"])}


def recs(sels):
    return [sel_record(s) for s in sels] if sels is not None else None


def collect_run(d, spec):
    g = json.loads(read(os.path.join(d, "guest-result.json")) or '{"error": "the guest wrote no result"}')
    if g.get("error"):
        raise RuntimeError(f"{spec['scenario']} {spec['responder']}: {g['error']}")
    ilog = read(os.path.join(d, "i", "charon.log"))
    got, notifies, child, ievidence = initiator_view(ilog)
    if not re.search(r"IKE_SA c\[\d+\] established", ilog):
        raise RuntimeError(f"{spec['scenario']} {spec['responder']}: no IKE_SA (see {d}/i/charon.log)")
    res = {"version": VERSIONS[spec["responder"]]}
    if spec["responder"] == "strongswan":
        rlog = read(os.path.join(d, "r", "charon.log"))
        received, chosen, revidence = strongswan_responder_view(rlog)
        res["responderConfig"] = read(os.path.join(d, "r", "swanctl.conf")).split("secrets {")[0].rstrip()
    else:
        plog = read(os.path.join(d, "r", "pluto.log"))
        bad = re.findall(r"failed to add connection.*", plog)
        if bad:
            raise RuntimeError(f"{spec['scenario']} {spec['responder']}: pluto {bad[0]}")
        received = pluto_received(plog)
        chosen = None
        revidence = pluto_evidence(plog)
        res["responderConfig"] = read(os.path.join(d, "r", "ipsec.conf")).rstrip()
    res["received"] = {"tsi": recs(received["tsi"]), "tsr": recs(received["tsr"])} if received else None
    res["childSA"] = child
    res["notifies"] = sorted(set(notifies) & {"TS_UNACCEPT", "ADD_TS_POSS", "SINGLE_PAIR_REQ"})
    res["notifies"] = [{"TS_UNACCEPT": "TS_UNACCEPTABLE", "ADD_TS_POSS": "ADDITIONAL_TS_POSSIBLE",
                        "SINGLE_PAIR_REQ": "SINGLE_PAIR_REQUIRED"}[n] for n in res["notifies"]]
    res["tsi"] = recs(got["tsi"]) if child else []
    res["tsr"] = recs(got["tsr"]) if child else []
    if chosen is not None and child and (set(chosen["tsi"]) != set(got["tsi"]) or set(chosen["tsr"]) != set(got["tsr"])):
        res["responderLoggedTS"] = {"tsi": recs(chosen["tsi"]), "tsr": recs(chosen["tsr"])}
    res["kernel"] = {"responder": kernel(d, "r"), "initiator": kernel(d, "i")}
    res["evidence"] = {"initiator": ievidence, "responder": revidence[:80]}
    return res


def collect(state, mode):
    runs = os.path.join(state, "runs")
    results = {}
    paths = {}
    failures = []
    for name in sorted(os.listdir(runs)):
        d = os.path.join(runs, name)
        spec = json.loads(read(os.path.join(d, "run.json")))
        paths[spec["scenario"]] = spec["path"]
        try:
            results.setdefault(spec["scenario"], {})[spec["responder"]] = collect_run(d, spec)
        except Exception as e:  # noqa: BLE001 (reported, the scenario is not written)
            failures.append(str(e))
            results.setdefault(spec["scenario"], {})[spec["responder"]] = {"failed": str(e)}
    skipped = json.loads(read(os.path.join(state, "skipped.json")) or "{}")
    drift = 0
    for scen, per in sorted(results.items()):
        path = paths[scen]
        with open(path) as f:
            sc = json.load(f)
        old = sc.get("daemons", {})
        new = {}
        for resp in RESPONDERS:
            key = f"{scen} {resp}"
            if key in skipped:
                new[resp] = {"notExpressible": skipped[key]}
            elif resp in per:
                new[resp] = per[resp]
            if resp in old and "explained" in old[resp] and resp in new:
                new[resp]["explained"] = old[resp]["explained"]
        if any("failed" in v for v in new.values()):
            continue
        # The proposal as it went on the wire: as the strongSwan responder logged it (pluto's
        # parse loses what it refuses to parse). The same initiator configuration and trigger
        # make the same proposal to every responder. strongSwan as initiator drops a
        # selector contained in another, so this can be shorter than the scenario's tsi/tsr.
        wire = new.get("strongswan", {}).get("received")
        if wire:
            declared = {k: [sel_record(sel_from_record(x)) for x in sc[k]["selectors"]] for k in ("tsi", "tsr")}
            if wire != declared:
                print(f"NOTE {scen}: the proposal on the wire differs from the scenario's tsi/tsr")
        if mode == "--record":
            sc["proposal"] = wire
            sc["daemons"] = new
            with open(path, "w") as f:
                f.write(json.dumps(sc, indent=1) + "\n")
        else:
            def strip(x):
                return {r: {k: v for k, v in e.items() if k != "evidence"} for r, e in x.items()}
            a = json.dumps([sc.get("proposal"), strip(old)], indent=1, sort_keys=True).splitlines()
            b = json.dumps([wire, strip(new)], indent=1, sort_keys=True).splitlines()
            if a != b:
                drift += 1
                print(f"DRIFT {scen}")
                print("\n".join(difflib.unified_diff(a, b, "committed", "live", lineterm="", n=2)))
    for f in failures:
        print("FAILED", f)
    print(f"{len(results)} scenarios, {sum(len(v) for v in results.values())} runs, {len(failures)} failed, {drift} drifted")
    return 1 if failures or drift else 0


if __name__ == "__main__":
    if sys.argv[1] == "prepare" and sys.argv[2] == "--capture":
        prepare(sys.argv[3], sys.argv[4:], capture=True)
    elif sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == "collect":
        sys.exit(collect(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
