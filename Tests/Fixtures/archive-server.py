#!/usr/bin/env python3
"""A loopback stand-in for the RFC Editor's and the IETF archive's layouts, for the tests of
documents by name (Tests/DocumentSourcesTests, Tests/CLITests). It serves ROOT as files and
adds the failures a real archive can show:

  /redirect/N/PATH   302 to /redirect/N-1/PATH, and at 0 to /PATH (N redirects in all)
  /truncated/PATH    the file, with a Content-Length 1000 bytes more than is sent
  /slow/S/PATH       waits S seconds before answering

It prints the port it listens on (127.0.0.1 only), then serves until killed or until its
standard input closes (the test process ended), so no server outlives its tests.
"""
import http.server
import os
import signal
import sys
import threading
import time


class ArchiveHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.serve(with_body=True)

    def do_HEAD(self):
        self.serve(with_body=False)

    def serve(self, with_body):
        parts = self.path.split("/")
        if len(parts) > 3 and parts[1] == "redirect":
            left = int(parts[2])
            rest = "/".join(parts[3:])
            target = f"/redirect/{left - 1}/{rest}" if left > 1 else f"/{rest}"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if len(parts) > 3 and parts[1] == "slow":
            time.sleep(float(parts[2]))
            self.path = "/" + "/".join(parts[3:])
        if len(parts) > 2 and parts[1] == "truncated":
            path = self.translate_path("/" + "/".join(parts[2:]))
            if not os.path.isfile(path):
                self.send_error(404)
                return
            with open(path, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body) + 1000))
            self.end_headers()
            if with_body:
                self.wfile.write(body)
            self.close_connection = True
            return
        if with_body:
            super().do_GET()
        else:
            super().do_HEAD()


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    # A child of a test inherits the signal mask of the thread that spawned it, which may
    # block SIGTERM: unblock everything so that terminate() ends the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, signal.valid_signals())
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    root = sys.argv[1]
    handler = lambda *args, **kwargs: ArchiveHandler(*args, directory=root, **kwargs)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
