#!/usr/bin/env python3
"""Side by side: time from didOpen to the first publishDiagnostics, rung against harper-ls.

Not run in CI. Needs harper-ls on PATH (`CFLAGS=-O0 cargo install --locked harper-ls@3.0.0`, about
ten minutes here) and a release build of rung (`cargo build --release`).

usage: scripts/side-by-side.py [--rung target/release/rung] [--harper harper-ls] [--runs 5]

Both servers get the same generated promo docs (20 KB, 100 KB, 1 MB; the same shape as
benches/support/docgen.rs) over stdio, one fresh process per run, and the medians are compared.
harper-ls skips files over 120 KB unless told otherwise; this script passes its
`maxFileLength` setting so that it checks every size.
"""
import argparse, json, os, statistics, subprocess, sys, threading, time, queue

TRAITS = ["Ownership", "Accountability", "Leadership", "Direction", "Delivery", "Craft", "Mentorship",
          "Communication", "Scope", "Coordination", "Raising the bar", "Collaboration"]
ENTRIES = [
    "Cut p99 latency of the search API from 800 ms to 120 ms for 3 partner teams #ownership",
    "Helped improve the reliability of our systems.",
    "Moved 4 teams onto the shared flag service, retiring 2 homegrown systems #coordination",
    "Wrote 35 pull requests for the billing migration.",
    "Shipped v2.3 of the SDK in 2026-H1 with zero regressions reported.",
    "Led the design review of the search index; query cost halved #craft",
    "Worked on the onboarding docs, see the RFC.",
    "Saved $210k a year by moving cold logs to object storage #direction",
    "Mentored two new hires; both led a feature within their first quarter #mentorship",
    "Attended 12 planning meetings.",
    "Brought flaky test reruns from 30 a day to 2 across all 9 repositories",
    "Participated in the incident review TODO: add the outcome",
]


def promo_doc(size):
    out = ["---\nkind: promo\nladder: bigtech\nlevel: E5\ntarget: E6\n---\n\n# Promotion case\n\n"]
    total, i = len(out[0]), 0
    while total < size:
        heading = "Wins" if i % 5 == 4 else TRAITS[i % len(TRAITS)]
        part = f"## {heading}\n\n" + "".join(f"- {ENTRIES[(i * 7 + j) % len(ENTRIES)]}\n" for j in range(8)) + "\n"
        out.append(part)
        total += len(part)
        i += 1
    return "".join(out)


class Server:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 1

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        self.next_id += 1
        while True:
            message = self.messages.get(timeout=60)
            if "id" in message and "method" in message:  # a request from the server: answer it
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif "id" in message:
                return message

    def wait_for_diagnostics(self, uri, deadline):
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if "id" in message and "method" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": [None]})
            elif message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return len(message["params"]["diagnostics"])
        return None

    def close(self):
        self.process.kill()


def open_to_diagnostics(command, text, options):
    try:
        server = Server(command)
    except OSError:
        return None
    try:
        server.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}, "initializationOptions": options})
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        uri = "file:///tmp/side-by-side/promo.md"
        start = time.monotonic()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
        count = server.wait_for_diagnostics(uri, start + 120)
        if count is None:
            return None
        return (time.monotonic() - start, count)
    except (OSError, queue.Empty):
        return None
    finally:
        server.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rung", default="target/release/rung")
    parser.add_argument("--harper", default="harper-ls")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    servers = {
        "rung": ([args.rung, "lsp"], {"debounceMs": 0}),
        "harper-ls": ([args.harper, "--stdio"], {"harper-ls": {"maxFileLength": 50_000_000}}),
    }
    print(f"didOpen → first publishDiagnostics, median of {args.runs} fresh processes")
    print(f"{'size':8} {'rung':>10} {'harper-ls':>12} {'harper/rung':>12}")
    for size, label in [(20_000, "20 KB"), (100_000, "100 KB"), (1_000_000, "1 MB")]:
        text = promo_doc(size)
        medians = {}
        counts = {}
        for name, (command, options) in servers.items():
            runs = [r for r in (open_to_diagnostics(command, text, options) for _ in range(args.runs)) if r is not None]
            medians[name] = statistics.median(t for t, _ in runs) if runs else None
            counts[name] = runs[0][1] if runs else None
        rung, harper = medians["rung"], medians["harper-ls"]
        # An empty first publish on a doc where rung finds problems means the server skipped it.
        harper_skipped = counts["harper-ls"] == 0 and (counts["rung"] or 0) > 0
        ratio = f"{harper / rung:.0f}×" if rung and harper and not harper_skipped else "—"
        fmt = lambda t: f"{t * 1000:.1f} ms" if t is not None else "no answer"
        harper_text = "skipped (0)" if harper_skipped else fmt(harper)
        print(f"{label:8} {fmt(rung):>10} {harper_text:>12} {ratio:>12}")


if __name__ == "__main__":
    sys.exit(main())
