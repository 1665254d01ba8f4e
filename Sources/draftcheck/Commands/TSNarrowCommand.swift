import CommandLineParsing
import Foundation
import TrafficSelectors

/// `draftcheck ts narrow --policy FILE --tsi FILE --tsr FILE [--profile P] [--format F]`.
struct TSNarrowCommand: Command {
    static let info = CommandInfo(
        name: "narrow",
        abstract: "Narrow a proposed TSi/TSr as a responder with a policy, under a profile.",
        discussion: """
        Profiles: rfc7296 (RFC 7296 2.9 exactly: a subset including the first TSi/TSr when \
        acceptable, TS_UNACCEPTABLE when nothing is, ADDITIONAL_TS_POSSIBLE when acceptable \
        traffic was left out, SINGLE_PAIR_REQUIRED for a one-pair rule without a packet \
        pair); strongswan (union of pairwise intersections in configuration order, contained \
        duplicates removed; strongSwan 5.9.8); libreswan (libreswan 4.10 as shipped, \
        narrowing=no: only a TSi/TSr pair equal to a connection, nothing narrowed); \
        libreswan-narrowing (4.10 with narrowing=yes: CIDR only, one port or any, one best \
        pair). The daemon profiles are measured against the daemons (draftcheck ts \
        agreement). The output names the notify the responder would send.
        """
    )

    var policy: String
    var tsi: String
    var tsr: String
    var profile: NarrowingProfile
    var format: TSDecodeCommand.Format

    init(_ arguments: inout ArgumentReader) throws {
        policy = try arguments.requiredOption("policy", help: "The responder's policy (JSON: {\"rules\": [{\"name\", \"remote\", \"local\", \"singlePair\"}]}).")
        tsi = try arguments.requiredOption("tsi", help: "The proposed TSi (JSON: {\"selectors\": [...]} as ts decode writes it, or {\"hex\": ...}).")
        tsr = try arguments.requiredOption("tsr", help: "The proposed TSr (same format).")
        profile = try arguments.option("profile", default: .rfc7296, help: "rfc7296, strongswan, libreswan or libreswan-narrowing.")
        format = try arguments.option("format", default: .text, help: "Output format: text or json.")
    }

    func run() throws {
        try reportingErrors {
            let policy = try TSInputFile.within(self.policy) { try TSInputFile.read(PolicyRecord.self, from: self.policy).policy() }
            let tsi = try TSInputFile.within(self.tsi) { try TSInputFile.read(PayloadRecord.self, from: self.tsi).payload() }
            let tsr = try TSInputFile.within(self.tsr) { try TSInputFile.read(PayloadRecord.self, from: self.tsr).payload() }
            let result = Narrowing.narrow(proposedTSi: tsi, proposedTSr: tsr, policy: policy, profile: profile)
            try StandardOutput.write(format == .json ? try encodeJSON(try NarrowingResultRecord(result)) + "\n" : result.text)
        }
    }
}

extension NarrowingProfile: ArgumentValue {}
