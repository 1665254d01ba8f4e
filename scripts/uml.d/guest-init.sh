#!/bin/sh
# PID 1 of the User-Mode Linux guest that scripts/uml boots (or of the QEMU guest it falls
# back to: scripts/uml.d/qemu, which sets DC_MODDIR). The host's / is the guest's read-only
# root. DC_STATE (from the kernel command line) is the host state directory
# holding `command` (the program and its arguments, one per line). Everything the
# program prints goes to the console, i.e. to scripts/uml's log.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
D=$(dirname "$0")
mount -t proc proc /proc
mount -t sysfs sys /sys
MODDIR=${DC_MODDIR:-$(ls -d /usr/lib/uml/modules/*/ | head -n 1)}
echo "GUEST kernel $(uname -r) ${DC_VM:-uml}"
echo "GUEST modules $MODDIR"
/usr/bin/python3 "$D/loadmods.py" "$MODDIR" xfrm_algo af_key esp4 ah4 ipv6 esp6 ah6 dummy xfrm_user \
    hmac cbc authenc echainiv seqiv ansi_cprng sha512_generic des_generic \
    || echo "GUEST module loading had failures"
ip link set lo up
ip link add dummy0 type dummy 2>/dev/null
ip link set dummy0 up
ip addr add 10.0.0.1/24 dev dummy0
ip -6 addr add 2001:db8::1/64 dev dummy0 nodad 2>/dev/null
echo "GUEST ready"
set --
while IFS= read -r line; do set -- "$@" "$line"; done < "$DC_STATE/command"
"$@"
echo "GUEST exit $?"
/usr/bin/python3 "$D/poweroff.py"
sleep 5
