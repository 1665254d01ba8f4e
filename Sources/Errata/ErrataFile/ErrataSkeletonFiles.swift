import Foundation

extension ErrataSkeleton {
    /// Writes each skeleton into `directory` (created, with its parents, if missing) under
    /// its `fileName`, atomically, in order; `wrote` hears each path once it is written, so
    /// a later failure still leaves the earlier files named. The skeletons are made once
    /// the directory exists, so an unwritable directory is reported first (exit 73).
    public static func write(_ skeletons: @autoclosure () throws -> [ErrataFile], into directory: String, wrote: (String) -> Void = { _ in }) throws {
        try AtomicWrite.makeDirectory(directory)
        for skeleton in try skeletons() {
            let path = (directory as NSString).appendingPathComponent(fileName(for: skeleton))
            try AtomicWrite.write(Array(skeleton.formatted.utf8), to: path)
            wrote(path)
        }
    }

    /// `date` as the errata header writes a day: YYYY-MM-DD, in UTC.
    public static func day(of date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
