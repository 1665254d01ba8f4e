import WireCore

/// One message of a stream (a DUMP's replies, a transcript): the message, where each of its
/// extensions sat, and where the message starts in the stream.
package struct DecodedMessage: Sendable, Hashable {
    package var message: Message
    package var spans: [ExtensionSpan]
    package var offset: Int

    package init(message: Message, spans: [ExtensionSpan], offset: Int) {
        self.message = message
        self.spans = spans
        self.offset = offset
    }
}

extension Message {
    /// Splits `bytes` by each message's `sadb_msg_len` and decodes every message with
    /// `options`. A failure names its byte in the stream: for a message after the first,
    /// "at offset 40" becomes "at offset 72 (offset 40 in the message at 32)".
    package static func decodeStream(_ bytes: [UInt8], options: DecodingOptions) throws(PFKeyError) -> [DecodedMessage] {
        guard !bytes.isEmpty else {
            throw PFKeyError(.messageTooShort, at: 0, source: "RFC 2367 2.1", "empty input: no message (a message is at least 16 bytes)")
        }
        var decoded: [DecodedMessage] = []
        var base = 0
        for chunk in try Message.split(bytes, dialect: options.dialect) {
            do throws(PFKeyError) {
                let (message, spans) = try Message.decodeWithLayout(chunk, options: options)
                decoded.append(DecodedMessage(message: message, spans: spans, offset: base))
            } catch {
                throw error.shifted(by: base)
            }
            base += chunk.count
        }
        return decoded
    }

    /// The bytes of the messages a field tree describes: one message object, or a list of
    /// them encoded one after the other (the shape `decodeStream`'s JSON has).
    package static func encodeStream(fields: FieldValue, dialect: Dialect) throws(PFKeyError) -> [UInt8] {
        let objects: [FieldValue]
        if case .list(let l) = fields { objects = l } else { objects = [fields] }
        var out: [UInt8] = []
        for o in objects {
            out += try Message(fields: o, dialect: dialect).encode(dialect: dialect)
        }
        return out
    }
}

extension PFKeyError {
    /// The same error placed in a stream whose message starts at `base`; `rule` then names
    /// both the offset in the stream and the offset within the message.
    func shifted(by base: Int) -> PFKeyError {
        var e = self
        e.offset += base
        e.messageOffset += base
        return e
    }
}
