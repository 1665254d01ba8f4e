import DraftDocument
import Foundation
import Normative
import Testing

/// "selector" and "narrowing" are common words: they name the SPD and IKEv2's narrowing
/// only in a document that names the topics otherwise too (SPD, Traffic Selectors,
/// PF_KEY) or is about IPsec by its title, its name or its sentences. RFC 6698's TLSA
/// "selector field" and RFC 8200's "8-bit selector" are not the SPD's.
@Suite struct TopicContextTests {
    static func analysis(title: String, docName: String, body: String) throws -> NormativeAnalysis {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rfc version="3" docName="\(docName)" ipr="trust200902"><front><title>\(title)</title></front><middle>
            <section><name>Fields</name>
            \(body)
            </section></middle></rfc>
            """
        let document = try DocumentReader.read(data: Data(xml.utf8), path: "\(docName).xml")
        return StatementExtractor().analyze(document)
    }

    static let body = """
        <t>The selector field MUST be represented as an 8-bit unsigned integer.</t>
        <t>A one-octet value, called "selector", specifies which part of the certificate is matched.</t>
        <t>Narrowing the scope of this document is left to later work.</t>
        """

    @Test func commonWordsAloneNameNoTopic() throws {
        let a = try Self.analysis(title: "The DNS-Based Authentication of Named Entities (DANE) TLSA Protocol", docName: "draft-x-dane-00", body: Self.body)
        #expect(a.statements.map(\.text) == ["The selector field MUST be represented as an 8-bit unsigned integer."])
        #expect(a.statements.map(\.topics) == [[]])
        #expect(a.statements.map(\.topicRanges) == [[]])
    }

    @Test(arguments: [
        // The SPD named elsewhere in the document.
        ("TLSA", "draft-x-dane-00", "<t>Each entry of the SPD names its selectors.</t>"),
        // About IPsec by its title, by its name, by a statement.
        ("UDP Encapsulation of IPsec ESP Packets", "draft-x-udp-00", ""),
        ("TLSA", "draft-ietf-ipsec-x-00", ""),
        ("TLSA", "draft-x-dane-00", "<t>An IKE peer MUST send it.</t>"),
    ])
    func inContextTheyAreTheTopics(title: String, docName: String, more: String) throws {
        let a = try Self.analysis(title: title, docName: docName, body: Self.body + more)
        let first = try #require(a.statements.first)
        #expect(first.text == "The selector field MUST be represented as an 8-bit unsigned integer.")
        #expect(first.topics == [.spd])
        #expect(a.statements.contains { $0.text.hasPrefix("Narrowing the scope") && $0.topics == [.ts] })
    }

    @Test func theMatchedSpellingDecides() {
        let table = TopicTable.standard
        #expect(table.needsContext("selector"))
        #expect(table.needsContext("Selectors"))
        #expect(table.needsContext("narrowing"))
        #expect(!table.needsContext("narrowings"))
        #expect(!table.needsContext("SPD"))
        #expect(!table.needsContext("Traffic Selectors"))
        #expect(!table.needsContext("TSi"))
    }
}
