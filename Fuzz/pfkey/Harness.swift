// libFuzzer entry point for the PF_KEY decoder (scripts/fuzz pfkey). Compiled together with
// Sources/PFKey by swiftc -sanitize=fuzzer,address. Decoding any bytes must not trap; a
// message that decodes must encode to bytes that decode to the same message.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPFKey(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeRawBufferPointer(start: data, count: size)
    let first = size > 0 ? data[0] : 0
    let dialect = [Dialect.linux, .kame, .rfc2367][Int(first) % 3]
    for direction in [Direction?.none, .request, .kernel] {
        for unknown in [DecodingOptions.UnknownExtensions.ignore, .reject] {
            let options = DecodingOptions(dialect: dialect, direction: direction, unknownExtensions: unknown)
            guard let message = try? Message(decoding: buffer, options: options) else { continue }
            guard let bytes = try? message.encode(dialect: dialect) else { fatalError("decoded message does not encode: \(message)") }
            guard let again = try? Message(decoding: bytes, options: DecodingOptions(dialect: dialect, direction: direction, unknownExtensions: unknown)),
                  again == message else {
                fatalError("decode(encode(m)) != m for \(message)")
            }
            _ = SetkeyText.render(message)
        }
    }
    return 0
}
