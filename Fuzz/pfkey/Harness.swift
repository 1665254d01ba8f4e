// libFuzzer entry point for the PF_KEY decoder (scripts/fuzz pfkey). Compiled against the
// PFKey module by swiftc -sanitize=fuzzer,address. Validating any bytes with MessageView
// (and reading every accessor of a view that validated) must not trap or read outside the
// input; Message(decoding:) must give the same verdict; a message that decodes must encode
// to bytes that decode to the same message.

import PFKey

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPFKey(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeRawBufferPointer(start: data, count: size)
    // Every dialect (the version byte must be 2 in a valid message, so no input byte can choose).
    for dialect in [Dialect.linux, .kame, .rfc2367] {
    for direction in [Direction?.none, .request, .kernel] {
        for unknown in [DecodingOptions.UnknownExtensions.ignore, .reject] {
            let options = DecodingOptions(dialect: dialect, direction: direction, unknownExtensions: unknown)
            var viewError: PFKeyError?
            do throws(PFKeyError) {
                touchEveryAccessor(try MessageView(validating: buffer, options: options))
            } catch { viewError = error }
            let decoded: Message
            do throws(PFKeyError) {
                decoded = try Message(decoding: buffer, options: options)
            } catch {
                guard let viewError, viewError.code == error.code, viewError.offset == error.offset else {
                    fatalError("Message rejected with \(error) but the view said \(String(describing: viewError))")
                }
                continue
            }
            if let viewError { fatalError("the view rejected with \(viewError) but Message decoded") }
            guard let bytes = try? decoded.encode(dialect: dialect) else { fatalError("decoded message does not encode: \(decoded)") }
            guard let again = try? Message(decoding: bytes, options: options), again == decoded else {
                fatalError("decode(encode(m)) != m for \(decoded)")
            }
            _ = SetkeyText.render(decoded)
        }
    }
    }
    return 0
}

/// Reads everything a view offers, so ASan sees any read outside the input.
func touchEveryAccessor(_ view: MessageView) {
    var sink = Int(view.errno) &+ Int(view.reserved) &+ Int(view.sequence) &+ Int(view.pid)
    for raw in view.extensions {
        sink &+= (try? view.decode(raw)) == nil ? 1 : 0
    }
    for t in ExtensionType.allCases {
        sink &+= view.extension(t) == nil ? 0 : 1
        sink &+= view.span(of: t)?.length ?? 0
    }
    for k in AddressExtension.Kind.allCases { sink &+= view.address(k) == nil ? 0 : 1 }
    for k in LifetimeExtension.Kind.allCases { sink &+= view.lifetime(k) == nil ? 0 : 1 }
    for k in KeyExtension.Kind.allCases { sink &+= view.keyBytes(k)?.reduce(0) { $0 &+ Int($1) } ?? 0 }
    sink &+= (view.sa == nil ? 0 : 1) &+ (view.sa2 == nil ? 0 : 1) &+ (view.spiRange == nil ? 0 : 1)
    sink &+= Int(view.policyID ?? 0) &+ Int(view.policyDirection?.rawValue ?? 0)
    for i in 0..<(view.combinationCount ?? 0) { sink &+= Int(view.combination(i)?.authMaxBits ?? 0) }
    if sink == 0x5eed_f00d { print("") }
}
