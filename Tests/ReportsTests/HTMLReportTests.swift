import Foundation
import Reports
import Testing
import TestSupport

/// The HTML page opened in headless chromium: a screenshot is taken (out/check-report.png)
/// and the run fails on a script error (uncaught exceptions are logged as CONSOLE lines;
/// the page's script marks <body data-ready="true"> as its last act).
@Suite struct HTMLReportTests {
    @Test func opensInHeadlessChromiumWithoutScriptErrors() throws {
        guard let chromium = Peer.chromium.path else {
            let m = Absence.peer(.chromium, neededFor: "the HTML report screenshot")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        let html = HTMLCheckReport.render(ReportFixture.report)
        #expect(!html.contains("http://") && !html.contains("https://"), "the page must be self-contained")
        let page = ReportFixture.temporaryFile("report.html")
        try Data(html.utf8).write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let outDir = TestEnvironment.packageRoot.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        let shot = outDir.appendingPathComponent("check-report.png")
        try? FileManager.default.removeItem(at: shot)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"]
        let dom = try runProcess(chromium, common + ["--dump-dom", page.absoluteString], timeout: 120)
        #expect(dom.status == 0)
        #expect(dom.stdout.contains("data-ready=\"true\""), "the page's script did not finish")
        let consoleErrors = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleErrors.isEmpty, "script errors: \(consoleErrors)")
        #expect(dom.stdout.contains("class=\"statement status-contradicted\""))
        let screenshot = try runProcess(chromium, common + ["--screenshot=\(shot.path)", "--window-size=1280,1600", page.absoluteString], timeout: 120)
        #expect(screenshot.status == 0)
        let png = try Data(contentsOf: shot)
        #expect(png.count > 10_000)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func aBrokenScriptIsCaught() throws {
        guard let chromium = Peer.chromium.path else {
            let m = Absence.peer(.chromium, neededFor: "the broken-script detector test")
            if TestEnvironment.isStrict { Issue.record(Comment(rawValue: m)) }
            return
        }
        // The detector itself: a page whose script throws must be flagged.
        let page = ReportFixture.temporaryFile("broken.html")
        try Data("<!DOCTYPE html><html><body><script>undefinedFunction();document.body.dataset.ready='true';</script></body></html>".utf8).write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let dom = try runProcess(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--dump-dom", page.absoluteString], timeout: 120)
        #expect(!dom.stdout.contains("data-ready=\"true\""))
        #expect(dom.stderr.contains("Uncaught"))
    }
}
