import DraftDocument
import Testing
@testable import Normative

/// Tricky sentences taken verbatim from ../shared/corpus (line breaks and indentation as
/// in the text files), each with the exact statements a reviewer expects: the keyword
/// (one statement per distinct keyword), the topics, and the sentence text as the
/// statement carries it (white space folded, line-break hyphenation rejoined).
@Suite struct HandLabelledTests {
    struct Expected: Sendable, Equatable, CustomStringConvertible {
        var level: String
        var topics: String
        var text: String
        var description: String { "[\(level)|\(topics)] \(text)" }
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var rule: String
        var source: String
        /// One paragraph, or several list items (each its own paragraph of one list).
        var paragraphs: [String]
        var isList = false
        var sentences: Int
        var expected: [Expected]
        var testDescription: String { "\(rule) (\(source))" }
    }

    static func e(_ level: String, _ topics: String = "", _ text: String) -> Expected { Expected(level: level, topics: topics, text: text) }

    static let vectors: [Vector] = [
        Vector(rule: "e.g. inside parentheses, keyword after", source: "rfc7296.txt", paragraphs: ["""
           If an error occurs outside the context of an IKE request (e.g., the
           node is getting ESP messages on a nonexistent SPI), the node SHOULD
           initiate an INFORMATIONAL exchange with a Notify payload describing
           the problem.
        """], sentences: 1, expected: [e("SHOULD", "", "If an error occurs outside the context of an IKE request (e.g., the node is getting ESP messages on a nonexistent SPI), the node SHOULD initiate an INFORMATIONAL exchange with a Notify payload describing the problem.")]),
        Vector(rule: "etc. inside parentheses ends the sentence with it", source: "rfc7296.txt", paragraphs: ["""
              A fully-qualified domain name string.  An example of an ID_FQDN
              is "example.com".  The string MUST NOT contain any terminators
              (e.g., NULL, CR, etc.).  All characters in the ID_FQDN are ASCII;
              for an "internationalized domain name", the syntax is as defined
              in [IDNA], for example "xn--tmonesimerkki-bfbb.example.net".
        """], sentences: 4, expected: [e("MUST NOT", "", "The string MUST NOT contain any terminators (e.g., NULL, CR, etc.).")]),
        Vector(rule: "two sentences with MUST each", source: "rfc7296.txt", paragraphs: ["""
           Because the initiator sends its Diffie-Hellman value in the
           IKE_SA_INIT, it must guess the Diffie-Hellman group that the
           responder will select from its list of supported groups.  If the
           initiator guesses wrong, the responder will respond with a Notify
           payload of type INVALID_KE_PAYLOAD indicating the selected group.  In
           this case, the initiator MUST retry the IKE_SA_INIT with the
           corrected Diffie-Hellman group.
        """], sentences: 3, expected: [e("MUST", "", "In this case, the initiator MUST retry the IKE_SA_INIT with the corrected Diffie-Hellman group.")]),
        Vector(rule: "MUST then SHOULD NOT in separate sentences", source: "rfc7296.txt", paragraphs: ["""
           The initiator sends SA offer(s) in the SA payload, a nonce in the Ni
           payload, and a Diffie-Hellman value in the KEi payload.  The KEi
           payload MUST be included.  A new initiator SPI is supplied in the SPI
           field of the SA payload.  Once a peer receives a request to rekey an
           IKE SA or sends a request to rekey an IKE SA, it SHOULD NOT start any
           new CREATE_CHILD_SA exchanges on the IKE SA that is being rekeyed.
        """], sentences: 4, expected: [
            e("MUST", "", "The KEi payload MUST be included."),
            e("SHOULD NOT", "", "Once a peer receives a request to rekey an IKE SA or sends a request to rekey an IKE SA, it SHOULD NOT start any new CREATE_CHILD_SA exchanges on the IKE SA that is being rekeyed."),
        ]),
        Vector(rule: "section number at a sentence end", source: "rfc7296.txt", paragraphs: ["""
           For EAP methods that create a shared key as a side effect of
           authentication, that shared key MUST be used by both the initiator
           and responder to generate AUTH payloads in messages 7 and 8 using the
           syntax for shared secrets specified in Section 2.15.  The shared key
           from EAP is the field from the EAP specification named MSK.  This
           shared key generated during an IKE exchange MUST NOT be used for any
           other purpose.
        """], sentences: 3, expected: [
            e("MUST", "", "For EAP methods that create a shared key as a side effect of authentication, that shared key MUST be used by both the initiator and responder to generate AUTH payloads in messages 7 and 8 using the syntax for shared secrets specified in Section 2.15."),
            e("MUST NOT", "", "This shared key generated during an IKE exchange MUST NOT be used for any other purpose."),
        ]),
        Vector(rule: "citations then a keyword sentence", source: "rfc7296.txt", paragraphs: ["""
           For information on the rationale of many of the cryptographic design
           choices in this protocol, see [SIGMA] and [SKEME].  Though the
           security of negotiated Child SAs does not depend on the strength of
           the encryption and integrity protection negotiated in the IKE SA,
           implementations MUST NOT negotiate NONE as the IKE integrity
           protection algorithm or ENCR_NULL as the IKE encryption algorithm.
        """], sentences: 2, expected: [e("MUST NOT", "", "Though the security of negotiated Child SAs does not depend on the strength of the encryption and integrity protection negotiated in the IKE SA, implementations MUST NOT negotiate NONE as the IKE integrity protection algorithm or ENCR_NULL as the IKE encryption algorithm.")]),
        Vector(rule: "two levels in one sentence: SHOULD and MUST NOT", source: "rfc7296.txt", paragraphs: ["""
           Implementations SHOULD support this shorter exchange, but MUST NOT
           fail if other implementations do not support this shorter exchange.
        """], sentences: 1, expected: [
            e("SHOULD", "", "Implementations SHOULD support this shorter exchange, but MUST NOT fail if other implementations do not support this shorter exchange."),
            e("MUST NOT", "", "Implementations SHOULD support this shorter exchange, but MUST NOT fail if other implementations do not support this shorter exchange."),
        ]),
        Vector(rule: "e.g. citation and e.g. IKE in one sentence", source: "rfc4301.txt", paragraphs: ["""
           The indication of whether source and destination address matching is
           required to map inbound IPsec traffic to SAs MUST be set either as a
           side effect of manual SA configuration or via negotiation using an SA
           management protocol, e.g., IKE or Group Domain of Interpretation
           (GDOI) [RFC3547].  Typically, Source-Specific Multicast (SSM) [HC03]
           groups use a 3-tuple SA identifier composed of an SPI, a destination
           multicast address, and source address.
        """], sentences: 2, expected: [e("MUST", "", "The indication of whether source and destination address matching is required to map inbound IPsec traffic to SAs MUST be set either as a side effect of manual SA configuration or via negotiation using an SA management protocol, e.g., IKE or Group Domain of Interpretation (GDOI) [RFC3547].")]),
        Vector(rule: "MUST and MAY in one sentence, then a parenthesised sentence", source: "rfc4301.txt", paragraphs: ["""
           Both protocols are described in detail in their respective RFCs
           [Ken05b, Ken05a].  IPsec implementations MUST support ESP and MAY
           support AH. (Support for AH has been downgraded to MAY because
           experience has shown that there are very few contexts in which ESP
           cannot provide the requisite security services.  Note that ESP can be
           used to provide only integrity, without confidentiality, making it
           comparable to AH in most contexts.)
        """], sentences: 3, expected: [
            e("MUST", "", "IPsec implementations MUST support ESP and MAY support AH."),
            e("MAY", "", "IPsec implementations MUST support ESP and MAY support AH."),
            e("MAY", "", "(Support for AH has been downgraded to MAY because experience has shown that there are very few contexts in which ESP cannot provide the requisite security services. Note that ESP can be used to provide only integrity, without confidentiality, making it comparable to AH in most contexts.)"),
        ]),
        Vector(rule: "parenthesised sentence with its own MAY", source: "rfc4301.txt", paragraphs: ["""
           The specific syntax used by an implementation to accommodate sub-tree
           matching for distinguished names, domain names or RFC 822 e-mail
           addresses is a local matter.  But, at a minimum, sub-tree matching of
           the sort described above MUST be supported. (Substring matching
           within a DN, DNS name, or RFC 822 address MAY be supported, but is
           not required.)
        """], sentences: 3, expected: [
            e("MUST", "", "But, at a minimum, sub-tree matching of the sort described above MUST be supported."),
            e("MAY", "", "(Substring matching within a DN, DNS name, or RFC 822 address MAY be supported, but is not required.)"),
        ]),
        Vector(rule: "SPD topic without keyword; ASN.1 and section numbers", source: "rfc4301.txt", paragraphs: ["""
           This appendix is included as an additional way to describe SPD
           entries, as defined in Section 4.4.1.  It uses ASN.1 syntax that has
           been successfully compiled.  This syntax is merely illustrative and
           need not be employed in an implementation to achieve compliance.  The
           SPD description in Section 4.4.1 is normative.
        """], sentences: 4, expected: [
            e("", "spd", "This appendix is included as an additional way to describe SPD entries, as defined in Section 4.4.1."),
            e("", "spd", "The SPD description in Section 4.4.1 is normative."),
        ]),
        Vector(rule: "i.e. inside parentheses in an indented paragraph", source: "rfc7606.txt", paragraphs: ["""
                     If the Withdrawn Routes Length or Total Attribute Length is
                     too large (i.e., if Withdrawn Routes Length + Total
                     Attribute Length + 23 exceeds the message Length), then the
                     Error Subcode MUST be set to Malformed Attribute List.
        """], sentences: 1, expected: [e("MUST", "", "If the Withdrawn Routes Length or Total Attribute Length is too large (i.e., if Withdrawn Routes Length + Total Attribute Length + 23 exceeds the message Length), then the Error Subcode MUST be set to Malformed Attribute List.")]),
        Vector(rule: "SHALL sentence, then a citation, then (i.e., ...) MUST", source: "rfc7606.txt", paragraphs: ["""
                 An UPDATE message with a malformed ATTR_SET attribute SHALL be
                 handled as follows.  If its Partial flag is set and its
                 Neighbor-Complete flag is clear, the UPDATE message is treated
                 as a route withdraw as discussed in [OPT-TRANS-BGP].  Otherwise
                 (i.e., Partial flag is clear or Neighbor-Complete is set), the
                 procedures of the BGP-4 base specification [RFC4271] MUST be
                 followed with respect to an Optional Attribute Error.
        """], sentences: 3, expected: [
            e("SHALL", "", "An UPDATE message with a malformed ATTR_SET attribute SHALL be handled as follows."),
            e("MUST", "", "Otherwise (i.e., Partial flag is clear or Neighbor-Complete is set), the procedures of the BGP-4 base specification [RFC4271] MUST be followed with respect to an Optional Attribute Error."),
        ]),
        Vector(rule: "list item with MUST then MUST NOT in the next sentence", source: "rfc7606.txt", paragraphs: ["""
              Attribute discard: In this approach, the malformed attribute MUST
              be discarded and the UPDATE message continues to be processed.
              This approach MUST NOT be used except in the case of an attribute
              that has no effect on route selection or installation.
        """], isList: true, sentences: 2, expected: [
            e("MUST", "", "Attribute discard: In this approach, the malformed attribute MUST be discarded and the UPDATE message continues to be processed."),
            e("MUST NOT", "", "This approach MUST NOT be used except in the case of an attribute that has no effect on route selection or installation."),
        ]),
        Vector(rule: "quoted keyword is a mention; parenthesised note after it", source: "rfc7606.txt", paragraphs: ["""
               If any of the well-known mandatory attributes are not present in
               an UPDATE message, then "treat-as-withdraw" MUST be used.  (Note
               that [RFC4760] reclassifies NEXT_HOP as what is effectively
               discretionary.)
        """], isList: true, sentences: 2, expected: [e("MUST", "", "If any of the well-known mandatory attributes are not present in an UPDATE message, then \"treat-as-withdraw\" MUST be used.")]),
        Vector(rule: "e.g. followed by two spaces and lowercase (RFC 2367 style)", source: "rfc2367.txt", paragraphs: ["""
           Version 2 extends and refines
           this interface. Theoretically, the messages defined in this document
           could be used in a non-socket context (e.g.  between two directly
           communicating user-level processes), but this document will not
           discuss in detail such possibilities.
        """], sentences: 2, expected: []),
        Vector(rule: "MUST NOT across a line break, with _emphasis_", source: "rfc2367.txt", paragraphs: ["""
           If an unknown extension type is encountered, it MUST be ignored.
           Applications using extension headers not specified in this document
           MUST be prepared to work around other system components not
           processing those headers.  Likewise, if an application encounters an
           unknown extension from the kernel, it must be prepared to work around
           it.  Also, a kernel that generates extra extension header types MUST
           NOT _depend_ on applications also understanding extra extension
           header types.
        """], sentences: 4, expected: [
            e("MUST", "", "If an unknown extension type is encountered, it MUST be ignored."),
            e("MUST", "", "Applications using extension headers not specified in this document MUST be prepared to work around other system components not processing those headers."),
            e("MUST NOT", "", "Also, a kernel that generates extra extension header types MUST NOT _depend_ on applications also understanding extra extension header types."),
        ]),
        Vector(rule: "sadb_ fields with MUST, MUST NOT across a line break", source: "rfc2367.txt", paragraphs: ["""
                           The minimum and maximum acceptable authentication
                           key lengths, respectably, in bits. If sadb_comb_auth
                           is zero, both of these values MUST be zero. If
                           sadb_comb_auth is nonzero, both of these values MUST
                           be nonzero. If this combination is accepted, a value
                           between these (inclusive) will be stored in the
                           sadb_key_bits field of KEY_AUTH. The minimum MUST
                           NOT be greater than the maximum.
        """], sentences: 5, expected: [
            e("MUST", "pfkey", "If sadb_comb_auth is zero, both of these values MUST be zero."),
            e("MUST", "pfkey", "If sadb_comb_auth is nonzero, both of these values MUST be nonzero."),
            e("", "pfkey", "If this combination is accepted, a value between these (inclusive) will be stored in the sadb_key_bits field of KEY_AUTH."),
            e("MUST NOT", "", "The minimum MUST NOT be greater than the maximum."),
        ]),
        Vector(rule: "list item: (E.g. ...) parenthesised sentence with SADB_ADD", source: "rfc2367.txt", paragraphs: ["""
             The PID is not set by the kernel.  The process that originates the
             message MUST set the sadb_msg_pid to its own PID.  If the kernel
             ORIGINATES a message, it MUST set the sadb_msg_pid to 0.  A reply
             to an original message SHOULD have the pid of the original message.
             (E.g. the kernel's response to an SADB_ADD SHOULD have its pid set
             to the pid value of the original SADB_ADD message.)
        """], isList: true, sentences: 5, expected: [
            e("MUST", "pfkey", "The process that originates the message MUST set the sadb_msg_pid to its own PID."),
            e("MUST", "pfkey", "If the kernel ORIGINATES a message, it MUST set the sadb_msg_pid to 0."),
            e("SHOULD", "", "A reply to an original message SHOULD have the pid of the original message."),
            e("SHOULD", "pfkey", "(E.g. the kernel's response to an SADB_ADD SHOULD have its pid set to the pid value of the original SADB_ADD message.)"),
        ]),
        Vector(rule: "MUST twice is one statement; MAY; (For example ...) sentence", source: "rfc2367.txt", paragraphs: ["""
           The SRC and DST addresses for a security association MUST be in the
           same protocol family and MUST always be present or absent together in
           a message.  The PROXY address MAY be in a different protocol family,
           and for most security protocols, represents an actual originator of a
           packet.  (For example, the inner-packets's source address in a
           tunnel.)
        """], sentences: 3, expected: [
            e("MUST", "", "The SRC and DST addresses for a security association MUST be in the same protocol family and MUST always be present or absent together in a message."),
            e("MAY", "", "The PROXY address MAY be in a different protocol family, and for most security protocols, represents an actual originator of a packet."),
        ]),
        Vector(rule: "PF_KEY SADB_REGISTER and SADB_ACQUIRE in parentheses", source: "rfc2367.txt", paragraphs: ["""
           If the Key Engine has no such SA but a
           key management application has previously indicated (via a PF_KEY
           SADB_REGISTER message) that it can obtain such SAs, then the Key
           Engine requests that such an SA be created (via a PF_KEY SADB_ACQUIRE
           message).  When the key management daemon creates a new SA, it places
           it into the Key Engine for future use.
        """], sentences: 2, expected: [e("", "pfkey", "If the Key Engine has no such SA but a key management application has previously indicated (via a PF_KEY SADB_REGISTER message) that it can obtain such SAs, then the Key Engine requests that such an SA be created (via a PF_KEY SADB_ACQUIRE message).")]),
        Vector(rule: "e.g. then a later SHOULD sentence", source: "rfc9001.txt", paragraphs: ["""
           For example, an attacker could inject a packet containing an ACK
           frame to make it appear that a packet had not been received or to
           create a false impression of the state of the connection (e.g., by
           modifying the ACK Delay).  Note that such a packet could cause a
           legitimate packet to be dropped as a duplicate.  Implementations
           SHOULD use caution in relying on any data that is contained in
           Initial packets that is not otherwise authenticated.
        """], sentences: 3, expected: [e("SHOULD", "", "Implementations SHOULD use caution in relying on any data that is contained in Initial packets that is not otherwise authenticated.")]),
        Vector(rule: "list item: MUST NOT, then MUST", source: "rfc9001.txt", paragraphs: ["""
              If the packet is from a previously installed encryption level, it
              MUST NOT contain data that extends past the end of previously
              received data in that flow.  Implementations MUST treat any
              violations of this requirement as a connection error of type
              PROTOCOL_VIOLATION.
        """], isList: true, sentences: 2, expected: [
            e("MUST NOT", "", "If the packet is from a previously installed encryption level, it MUST NOT contain data that extends past the end of previously received data in that flow."),
            e("MUST", "", "Implementations MUST treat any violations of this requirement as a connection error of type PROTOCOL_VIOLATION."),
        ]),
        Vector(rule: "see Section 6.6. then MUST with (Section 6)", source: "rfc9001.txt", paragraphs: ["""
           Some AEAD functions have limits for how many packets can be encrypted
           under the same key and IV; see Section 6.6.  This might be lower than
           the packet number limit.  An endpoint MUST initiate a key update
           (Section 6) prior to exceeding any limit set for the AEAD that is in
           use.
        """], sentences: 3, expected: [e("MUST", "", "An endpoint MUST initiate a key update (Section 6) prior to exceeding any limit set for the AEAD that is in use.")]),
        Vector(rule: "quoted \"fatal\" and \"warning\"; Section 6.1 of [TLS13].", source: "rfc9001.txt", paragraphs: ["""
           QUIC is only able to convey an alert level of "fatal".  In TLS 1.3,
           the only existing uses for the "warning" level are to signal
           connection close; see Section 6.1 of [TLS13].  As QUIC provides
           alternative mechanisms for connection termination and the TLS
           connection is only closed if an error is encountered, a QUIC endpoint
           MUST treat any alert from TLS as if it were at the "fatal" level.
        """], sentences: 3, expected: [e("MUST", "", "As QUIC provides alternative mechanisms for connection termination and the TLS connection is only closed if an error is encountered, a QUIC endpoint MUST treat any alert from TLS as if it were at the \"fatal\" level.")]),
        Vector(rule: "hex in parentheses (0x0128 in QUIC). then MAY", source: "rfc9001.txt", paragraphs: ["""
           QUIC permits the use of a generic code in place of a specific error
           code; see Section 11 of [QUIC-TRANSPORT].  For TLS alerts, this
           includes replacing any alert with a generic alert, such as
           handshake_failure (0x0128 in QUIC).  Endpoints MAY use a generic
           error code to avoid possibly exposing confidential information.
        """], sentences: 3, expected: [e("MAY", "", "Endpoints MAY use a generic error code to avoid possibly exposing confidential information.")]),
        Vector(rule: "SHOULD NOT twice, once across a line break; [[ note ]]", source: "draft-ietf-ipsecme-ikev2bis-04.txt", paragraphs: ["""
           Failure of an attempt to create a CHILD SA SHOULD NOT tear down the
           IKE SA: there is no reason to lose the work done to set up the IKE
           SA.  When an IKE SA is not created, the error message return SHOULD
           NOT be encrypted because the other party will not be able to
           authenticate that message. [[ Note: this text may be changed in the
           future. ]]
        """], sentences: 3, expected: [
            e("SHOULD NOT", "", "Failure of an attempt to create a CHILD SA SHOULD NOT tear down the IKE SA: there is no reason to lose the work done to set up the IKE SA."),
            e("SHOULD NOT", "", "When an IKE SA is not created, the error message return SHOULD NOT be encrypted because the other party will not be able to authenticate that message."),
        ]),
        Vector(rule: "MUST and MUST NOT across a line break in successive sentences", source: "draft-ietf-ipsecme-ikev2bis-04.txt", paragraphs: ["""
           It is
           possible to send multiple SPIs in a Delete payload; however, each SPI
           MUST be for the same protocol.  Mixing of protocol identifiers MUST
           NOT be performed in the Delete payload.
        """], sentences: 2, expected: [
            e("MUST", "", "It is possible to send multiple SPIs in a Delete payload; however, each SPI MUST be for the same protocol."),
            e("MUST NOT", "", "Mixing of protocol identifiers MUST NOT be performed in the Delete payload."),
        ]),
        Vector(rule: "list item with hyphenation at line breaks (edge- device, sub- network)", source: "draft-ietf-ipsecme-ikev2bis-04.txt", paragraphs: ["""
              INTERNAL_IP6_SUBNET - The protected sub-networks that this edge-
              device protects.  This attribute is made up of two fields: the
              first is a 16-octet IPv6 address, and the second is a one-octet
              prefix-length as defined in [ADDRIPV6].  Multiple sub-networks MAY
              be requested.  The responder MAY respond with zero or more sub-
              network attributes.
        """], isList: true, sentences: 4, expected: [
            e("MAY", "", "Multiple sub-networks MAY be requested."),
            e("MAY", "", "The responder MAY respond with zero or more sub-network attributes."),
        ]),
        Vector(rule: "quoted lowercase \"must\" and uppercase \"MUST\" are mentions", source: "draft-ietf-ipsecme-ikev2bis-04.txt", paragraphs: ["""
           In section 3.1, the bullet about bit 4, changed "must" to "MUST".
        """], sentences: 1, expected: []),
        Vector(rule: "the seed: PF_KEY sentence without a keyword", source: "draft-ietf-ipsecme-ikev2bis-04.txt", paragraphs: [Fixture.seed], sentences: 3, expected: [
            e("", "spd", "When an RFC4301-compliant IPsec subsystem receives an IP packet that matches a \"protect\" selector in its Security Policy Database (SPD), the subsystem protects that packet with IPsec."),
            e("", "pfkey,spd", "Maintenance of a system's SPD is outside the scope of IKE (see [PFKEY] for an example programming interface, although it only applies to IKEv1), though some implementations might update their SPD in connection with the running of IKE (for an example scenario, see Section 1.1.3)."),
        ]),
        Vector(rule: "RFC 5996's replacement: lowercase must, PF_KEY API [PFKEY] and SADB_ACQUIRE", source: "rfc5996.txt", paragraphs: ["""
           Traffic Selector (TS) payloads allow endpoints to communicate some of
           the information from their SPD to their peers.  These must be
           communicated to IKE from the SPD (for example, the PF_KEY API [PFKEY]
           uses the SADB_ACQUIRE message).  TS payloads specify the selection
           criteria for packets that will be forwarded over the newly set up SA.
        """], sentences: 3, expected: [
            e("", "spd,ts", "Traffic Selector (TS) payloads allow endpoints to communicate some of the information from their SPD to their peers."),
            e("", "pfkey,spd", "These must be communicated to IKE from the SPD (for example, the PF_KEY API [PFKEY] uses the SADB_ACQUIRE message)."),
            e("", "ts", "TS payloads specify the selection criteria for packets that will be forwarded over the newly set up SA."),
        ]),
        Vector(rule: "narrowing list items: topical and MUST", source: "rfc7296.txt", paragraphs: ["""
              If the responder's policy allows the entire set of traffic covered
              by TSi and TSr, no narrowing is necessary, and the responder can
              return the same TSi and TSr values.
        """, """
              If the responder's policy allows it to accept the first selector
              of TSi and TSr, then the responder MUST narrow the Traffic
              Selectors to a subset that includes the initiator's first choices.
              In this example above, the responder might respond with TSi being
              (198.51.100.43 - 198.51.100.43) with all ports and IP protocols.
        """], isList: true, sentences: 3, expected: [
            e("", "ts", "If the responder's policy allows the entire set of traffic covered by TSi and TSr, no narrowing is necessary, and the responder can return the same TSi and TSr values."),
            e("MUST", "spd,ts", "If the responder's policy allows it to accept the first selector of TSi and TSr, then the responder MUST narrow the Traffic Selectors to a subset that includes the initiator's first choices."),
            e("", "ts", "In this example above, the responder might respond with TSi being (198.51.100.43 - 198.51.100.43) with all ports and IP protocols."),
        ]),
        Vector(rule: "lowercase may is not a keyword; MAY later in the sentence is", source: "rfc7296.txt", paragraphs: ["""
           When narrowing is done, there may be several subsets that are
           acceptable but their union is not.  In this case, the responder
           arbitrarily chooses one of them, and MAY include an
           ADDITIONAL_TS_POSSIBLE notification in the response.
        """], sentences: 2, expected: [
            e("", "ts", "When narrowing is done, there may be several subsets that are acceptable but their union is not."),
            e("MAY", "", "In this case, the responder arbitrarily chooses one of them, and MAY include an ADDITIONAL_TS_POSSIBLE notification in the response."),
        ]),
        Vector(rule: "v2.0-style version numbers and IPv4 addresses do not split", source: "rfc7296.txt", paragraphs: ["""
           The major version number MUST be set to 2 for IKEv2.  Version 2.0 of
           the protocol is described here; address 192.0.2.1 is an example.
        """], sentences: 2, expected: [e("MUST", "", "The major version number MUST be set to 2 for IKEv2.")]),
        Vector(rule: "RFC 2119 boilerplate is left out", source: "rfc7296.txt", paragraphs: ["""
           The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT",
           "SHOULD", "SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in this
           document are to be interpreted as described in [MUSTSHOULD].
        """], sentences: 1, expected: []),
        Vector(rule: "RFC 8174 boilerplate is left out", source: "rfc9001.txt", paragraphs: ["""
           The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT",
           "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED", "MAY", and
           "OPTIONAL" in this document are to be interpreted as described in BCP
           14 [RFC2119] [RFC8174] when, and only when, they appear in all
           capitals, as shown here.
        """], sentences: 1, expected: []),
        Vector(rule: "RFC 2367 boilerplate paraphrase is left out", source: "rfc2367.txt", paragraphs: ["""
           Even though this document is not intended to be an actual Internet
           standard, the words that are used to define the significance of
           particular features of this interface are usually capitalized.  Some
           of these words, including MUST, MAY, and SHOULD, are detailed in
           [Bra97].
        """], sentences: 2, expected: []),
        Vector(rule: "quoted keywords outside the boilerplate are mentions", source: "rfc4718.txt", paragraphs: ["""
           This document does not place any requirements on anyone and does not
           use [RFC2119] keywords such as "MUST" and "SHOULD", except in
           quotations from the original IKEv2 documents.
        """], sentences: 1, expected: []),
        Vector(rule: "all IKE_SA_INIT ... MUST twice and a lowercase may; then MAY", source: "draft-ietf-ipsecme-ikev2bis-04.txt", paragraphs: ["""
           all IKE_SA_INIT exchanges MUST complete before any other exchange
           type, then all IKE_AUTH exchanges MUST complete, and following that
           any number of CREATE_CHILD_SA and INFORMATIONAL exchanges may occur
           in any order.  In some scenarios, only a single Child SA is needed
           between the IPsec endpoints, and therefore there would be no
           additional exchanges.  Subsequent exchanges MAY be used to establish
           additional Child SAs between the same authenticated pair of endpoints
           and to perform housekeeping functions.
        """], sentences: 3, expected: [
            e("MUST", "", "all IKE_SA_INIT exchanges MUST complete before any other exchange type, then all IKE_AUTH exchanges MUST complete, and following that any number of CREATE_CHILD_SA and INFORMATIONAL exchanges may occur in any order."),
            e("MAY", "", "Subsequent exchanges MAY be used to establish additional Child SAs between the same authenticated pair of endpoints and to perform housekeeping functions."),
        ]),
        Vector(rule: "Key Length: MUST NOT then e.g., list; lowercase recommended", source: "draft-ietf-ipsecme-ikev2bis-04.txt", paragraphs: ["""
              The Key Length attribute MUST NOT be used with transforms that use
              a fixed length key.  This includes, e.g., ENCR_DES, ENCR_IDEA, and
              all the Type 2 (Pseudo-random function) and Type 3 (Integrity
              Algorithm) transforms specified in this document.  It is
              recommended that future Type 2 or 3 transforms do not use this
              attribute.
        """], isList: true, sentences: 3, expected: [e("MUST NOT", "", "The Key Length attribute MUST NOT be used with transforms that use a fixed length key.")]),
        Vector(rule: "e.g., citation and e.g., IKE; MUST at the end", source: "rfc4301.txt", paragraphs: ["""
           In many secure multicast architectures, e.g., [RFC3740], a central
           Group Controller/Key Server unilaterally assigns the Group Security
           Association's (GSA's) SPI.  This SPI assignment is not negotiated or
           coordinated with the key management (e.g., IKE) subsystems that
           reside in the individual end systems that constitute the group.
           Consequently, it is possible that a GSA and a unicast SA can
           simultaneously use the same SPI.  A multicast-capable IPsec
           implementation MUST correctly de-multiplex inbound traffic even in
           the context of SPI collisions.
        """], sentences: 4, expected: [e("MUST", "", "A multicast-capable IPsec implementation MUST correctly de-multiplex inbound traffic even in the context of SPI collisions.")]),
        Vector(rule: "the mandatory-to-implement, or MUST, items MUST: one MUST statement", source: "rfc2367.txt", paragraphs: ["""
           Conformance to this specification has the same meaning as compliance
           to this specification.  In either case, the mandatory-to-implement,
           or MUST, items MUST be fully implemented as specified here.
        """], sentences: 2, expected: [e("MUST", "", "In either case, the mandatory-to-implement, or MUST, items MUST be fully implemented as specified here.")]),
        Vector(rule: "RFC 2401 keyword list without quotes is boilerplate", source: "rfc2401.txt", paragraphs: ["""
           The keywords MUST, MUST NOT, REQUIRED, SHALL, SHALL NOT, SHOULD,
           SHOULD NOT, RECOMMENDED, MAY, and OPTIONAL, when they appear in this
           document, are to be interpreted as described in RFC 2119 [Bra97].
        """], sentences: 1, expected: []),
    ]

    static let sentenceTotal = vectors.reduce(0) { $0 + $1.sentences }

    /// Each excerpt's document as its title names it: whether "narrowing" or "selector"
    /// is IKEv2's and the SPD's depends on what the document is about.
    static let titles = [
        "draft-ietf-ipsecme-ikev2bis-04.txt": "Internet Key Exchange Protocol: IKEv2",
        "rfc2367.txt": "PF_KEY Key Management API, Version 2",
        "rfc2401.txt": "Security Architecture for the Internet Protocol",
        "rfc4301.txt": "Security Architecture for the Internet Protocol",
        "rfc4718.txt": "IKEv2 Clarifications and Implementation Guidelines",
        "rfc5996.txt": "Internet Key Exchange Protocol Version 2 (IKEv2)",
        "rfc7296.txt": "Internet Key Exchange Protocol Version 2 (IKEv2)",
        "rfc7606.txt": "Revised Error Handling for BGP UPDATE Messages",
        "rfc9001.txt": "Using TLS to Secure QUIC",
    ]

    @Test func theSetHasAtLeastSixtySentences() {
        #expect(Self.sentenceTotal >= 60)
    }

    @Test(arguments: vectors) func statementsAreExactlyTheLabelled(_ v: Vector) {
        let loc = DraftDocument.SourceLocation(file: v.source, line: 1)
        let paragraphs = v.paragraphs.map { Paragraph(content: InlineText(plain: $0), location: loc) }
        let block: [Block] = v.isList
            ? [.list(ListBlock(style: .bullet, items: paragraphs.map { ListItem(marker: "o", blocks: [.paragraph($0)], location: loc) }, location: loc))]
            : paragraphs.map { .paragraph($0) }
        let doc = Document(metadata: Metadata(file: v.source, format: .text, title: Self.titles[v.source] ?? v.source),
                           sections: [Section(number: "1", title: "T", depth: 1, blocks: block, location: loc)])
        let statements = StatementExtractor().analyze(doc).statements
        let got = statements.map { Expected(level: $0.levels.map(\.rawValue).joined(separator: ","), topics: $0.topics.map(\.rawValue).sorted().joined(separator: ","), text: $0.text) }
        #expect(got == v.expected)
        let sentences = v.paragraphs.reduce(0) { n, p in
            n + SentenceSegmenter.sentenceRanges(in: StatementExtractor.normalizedBytes(p)).count
        }
        #expect(sentences == v.sentences)
    }
}
