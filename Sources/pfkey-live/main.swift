// pfkey-live: runs PF_KEY scenarios against a real kernel's AF_KEY socket (inside
// User-Mode Linux, see scripts/uml). Filled by its issue.
print("pfkey-live: no scenarios yet")
