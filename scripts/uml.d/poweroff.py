#!/usr/bin/python3
"""Guest-side: sync and power the User-Mode Linux guest off with reboot(2)."""
import ctypes, os
os.sync()
ctypes.CDLL(None).reboot(0x4321FEDC)  # LINUX_REBOOT_CMD_POWER_OFF
