import PFKey

// The simulated clock and SADB_EXPIRE (RFC 2367 3.1.8).
extension ReferenceKernel {
    /// Moves the clock; returns the SADB_EXPIREs for SAs whose soft or hard add-time
    /// lifetime ran out (RFC 2367 3.1.8). A hard expiry deletes the SA in the linux dialect
    /// (xfrm_state_delete: an UPDATE then finds nothing, ESRCH); the rfc2367 dialect keeps it
    /// as SADB_SASTATE_DEAD ("one whose hard lifetime has expired", RFC 2367 3.3), unusable,
    /// until a DELETE or FLUSH. Larval SAs left by an unanswered ACQUIRE go away silently
    /// after 30 s (Linux XFRM_ACQ_EXPIRES).
    public mutating func advanceClock(by seconds: UInt64) -> [Message] {
        now += seconds
        var out: [Message] = []
        var keep: [StoredSA] = []
        for var s in sas {
            let age = now - s.current.addTime
            if s.sa.state == .larval {
                if s.acquireSequence == 0 || age < 30 { keep.append(s) }
                continue
            }
            if s.sa.state == .dead {
                keep.append(s)
                continue
            }
            if s.hard.addTime != 0 && age >= s.hard.addTime {
                out.append(expireMessage(s, hard: true))
                if dialect.name == .rfc2367 {
                    s.sa.state = .dead
                    keep.append(s)
                }
                continue
            }
            if s.soft.addTime != 0 && age >= s.soft.addTime && !s.softExpired {
                s.softExpired = true
                s.sa.state = .dying
                out.append(expireMessage(s, hard: false))
            }
            keep.append(s)
        }
        sas = keep
        return out
    }

    func expireMessage(_ s: StoredSA, hard: Bool) -> Message {
        stateMessage(.expire, s, hard: hard, soft: !hard, keys: false, sequence: 0, pid: 0)
    }
}
