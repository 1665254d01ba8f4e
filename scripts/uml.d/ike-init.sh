#!/bin/sh
# PID 1 of the User-Mode Linux guest that scripts/uml-ike boots (the host's / read-only as
# root, as for scripts/uml), or of its QEMU fallback (DC_VM=qemu, scripts/uml.d/qemu).
# DC_STATE: the host run directory (configurations in, logs out), mounted writable (hostfs
# under UML, the 9p share "share" under QEMU); DC_LSW: the unpacked libreswan package. Runs
# ike-guest.py over every prepared run, then powers off.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
D=$(dirname "$0")
mount -t proc proc /proc
mount -t sysfs sys /sys
mountpoint -q /dev || mount -t devtmpfs dev /dev
mount -t tmpfs run /run
mount -t tmpfs scratch /mnt
mount --bind /dev/null /etc/services     # charon would print ports by service name
mkdir -p /mnt/state /mnt/scratch
if [ "${DC_VM:-}" = qemu ]; then
    mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 share /mnt/state
else
    mount -t hostfs hostfs -o "$DC_STATE" /mnt/state
fi
mount -t tmpfs libexec /usr/libexec      # pluto runs /usr/libexec/ipsec/addconn (compiled in)
ln -s "$DC_LSW/usr/libexec/ipsec" /usr/libexec/ipsec
MODDIR=${DC_MODDIR:-$(ls -d /usr/lib/uml/modules/*/ | head -n 1)}
/usr/bin/python3 "$D/loadmods.py" "$MODDIR" veth ipv6 xfrm_user esp4 esp6 authenc authencesn \
    hmac cbc seqiv echainiv ansi_cprng gcm ghash_generic ctr > /mnt/state/loadmods.txt 2>&1
/usr/bin/python3 "$D/ike-guest.py" /mnt/state "$DC_LSW" > /mnt/state/guest.log 2>&1
echo "GUEST exit $?" >> /mnt/state/guest.log
/usr/bin/python3 "$D/poweroff.py"
sleep 5
