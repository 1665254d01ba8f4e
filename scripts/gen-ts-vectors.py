#!/usr/bin/env python3
"""Writes Tests/Fixtures/ts/vectors.json: IKEv2 TSi/TSr payloads built by scapy
(scapy.contrib.ikev2), an encoder independent of draftcheck, with the fields scapy reads
back from its own bytes. The Swift tests decode every vector, compare the fields and
re-encode byte for byte.

Run with the project venv:  .venv/bin/python3 scripts/gen-ts-vectors.py
Note: scapy's IPv6TrafficSelector defaults to length 20, but a type 8 selector is 40 bytes
(RFC 7296 3.13.1); every IPv6 selector here sets length=40, and one invalid vector keeps
scapy's default to show the decoder rejects it.
"""
import json
import pathlib
import sys

import scapy
from scapy.contrib.ikev2 import (IKEv2_TSi, IKEv2_TSr, IPv4TrafficSelector,
                                 IPv6TrafficSelector, RawTrafficSelector,
                                 EncryptedTrafficSelector)

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/Fixtures/ts/vectors.json"


def v4(proto, sp, ep, a, b):
    return IPv4TrafficSelector(IP_protocol_ID=proto, start_port=sp, end_port=ep,
                               starting_address_v4=a, ending_address_v4=b)


def v6(proto, sp, ep, a, b, length=40):
    return IPv6TrafficSelector(IP_protocol_ID=proto, length=length, start_port=sp, end_port=ep,
                               starting_address_v6=a, ending_address_v6=b)


def seclabel(label: bytes):
    # TS_SECLABEL (type 10), layout reconstructed: type, reserved, length, label.
    return RawTrafficSelector(TS_type=10, IP_protocol_ID=0, length=4 + len(label), load=label)


def fibre_channel():
    # RFC 4595 type 9: unknown to draftcheck, so skipped and reported (RFC 7296 2.9).
    return EncryptedTrafficSelector(IP_protocol_ID=0, length=16)


VALID = [
    # (name, rule it exercises, kind, next payload, selectors)
    ("ipv4-any", "R11 ANY ports 0-65535, protocol 0", "TSi", 45, [v4(0, 0, 65535, "0.0.0.0", "255.255.255.255")]),
    ("ipv4-host-udp500", "R3 packet-specific first selector", "TSi", 45, [v4(17, 500, 500, "198.51.100.66", "198.51.100.66"), v4(0, 0, 65535, "198.51.100.0", "198.51.100.255")]),
    ("ipv4-non-cidr-range", "edge: non-CIDR range", "TSr", 0, [v4(6, 1000, 2000, "10.0.0.5", "10.0.0.20")]),
    ("ipv4-opaque-ports", "R11 OPAQUE = start 65535, end 0", "TSr", 0, [v4(17, 65535, 0, "10.0.0.0", "10.0.0.255")]),
    ("icmp-echo-request", "edge: ICMP type 8 code 0 = 2048", "TSi", 45, [v4(1, 2048, 2048, "0.0.0.0", "255.255.255.255")]),
    ("icmp-all-codes-of-type-3", "edge: ICMP type 3, codes 0-255", "TSi", 45, [v4(1, 768, 1023, "192.0.2.0", "192.0.2.255")]),
    ("ipv6-net-tcp80", "RFC 7296 3.13.1 type 8, length 40", "TSr", 0, [v6(6, 80, 80, "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]),
    ("ipv6-any", "R11 ANY", "TSr", 0, [v6(0, 0, 65535, "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]),
    ("ipv6-mh-type5", "edge: MIPv6 MH type 5 = 1280", "TSi", 45, [v6(135, 1280, 1280, "2001:db8::1", "2001:db8::1")]),
    ("mixed-families", "edge: IPv4 and IPv6 in one payload", "TSr", 0, [v4(0, 0, 65535, "192.0.2.0", "192.0.2.255"), v6(0, 0, 65535, "2001:db8::", "2001:db8::ffff")]),
    ("protocol-any-with-ports", "edge: protocol 0 with ports", "TSi", 45, [v4(0, 100, 200, "10.1.0.0", "10.1.255.255")]),
    ("full-range-and-top-host", "edge: full range and single host", "TSi", 45, [v4(0, 0, 65535, "0.0.0.0", "255.255.255.255"), v4(0, 0, 65535, "255.255.255.255", "255.255.255.255")]),
    ("sixteen-selectors", "libreswan: more than 15 selectors", "TSi", 45, [v4(0, 0, 65535, f"10.0.{i}.0", f"10.0.{i}.255") for i in range(16)]),
    ("unknown-type-9-skipped", "R2 unknown type ignored", "TSi", 45, [fibre_channel(), v4(0, 0, 65535, "198.51.100.0", "198.51.100.255")]),
    ("seclabel", "TS_SECLABEL type 10 (layout reconstructed, RFC 9478)", "TSi", 45, [seclabel(b"system_u:object_r:ipsec_spd_t:s0"), v4(0, 0, 65535, "10.0.0.0", "10.255.255.255")]),
    ("seclabel-one-byte", "TS_SECLABEL shortest label", "TSr", 0, [seclabel(b"\x01")]),
]

INVALID = [
    # (name, rule, selectors, expected TSError code, byte offset)
    ("scapy-default-ipv6-length-20", "RFC 7296 3.13.1 Selector Length", [IPv6TrafficSelector(IP_protocol_ID=0)], "selectorLengthInvalid", 10),
    ("seclabel-empty", "short SECLABEL", [RawTrafficSelector(TS_type=10, IP_protocol_ID=0, length=4, load=b"")], "selectorLengthInvalid", 10),
    ("start-port-after-end", "start > end other than OPAQUE", [v4(6, 443, 80, "10.0.0.0", "10.0.0.255")], "startAfterEnd", 12),
    ("start-address-after-end", "start > end", [v4(0, 0, 65535, "10.0.0.9", "10.0.0.1")], "startAfterEnd", 16),
]


def payload(kind, next_payload, selectors):
    cls = IKEv2_TSi if kind == "TSi" else IKEv2_TSr
    return cls(next_payload=next_payload, traffic_selector=selectors)


def read_back(kind, raw, built):
    """The fields as scapy dissects its own bytes. The payload header comes from dissecting
    the whole payload; each selector is dissected on its own bytes, because scapy's payload
    dissector lets a RawTrafficSelector (type 10 here) swallow every selector after it."""
    cls = IKEv2_TSi if kind == "TSi" else IKEv2_TSr
    p = cls(raw)
    selectors, ignored = [], []
    for sel in built:
        raw_ts = bytes(sel)
        ts = type(sel)(raw_ts)
        t = raw_ts[0]
        if t == 7:
            selectors.append({"type": 7, "protocol": ts.IP_protocol_ID, "startPort": ts.start_port, "endPort": ts.end_port,
                              "startAddress": ts.starting_address_v4, "endAddress": ts.ending_address_v4})
        elif t == 8:
            selectors.append({"type": 8, "protocol": ts.IP_protocol_ID, "startPort": ts.start_port, "endPort": ts.end_port,
                              "startAddress": ts.starting_address_v6, "endAddress": ts.ending_address_v6})
        elif t == 10:
            selectors.append({"type": 10, "label": raw_ts[4:ts.length].hex()})
        else:
            ignored.append(t)
    return {"numberOfTSs": p.number_of_TSs, "length": p.length, "nextPayload": p.next_payload,
            "selectors": selectors, "ignored": ignored}


def main():
    vectors = []
    for name, rule, kind, nxt, sels in VALID:
        raw = bytes(payload(kind, nxt, sels))
        vectors.append({"name": name, "rule": rule, "kind": kind, "hex": raw.hex(), **read_back(kind, raw, sels)})
    invalid = []
    for name, rule, sels, code, offset in INVALID:
        raw = bytes(payload("TSi", 0, sels))
        invalid.append({"name": name, "rule": rule, "hex": raw.hex(), "code": code, "offset": offset})
    doc = {"generator": f"scripts/gen-ts-vectors.py with scapy {scapy.VERSION} (scapy.contrib.ikev2)",
           "vectors": vectors, "invalid": invalid}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {len(vectors)} valid and {len(invalid)} invalid vectors to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
