"""Kernel start to first result, and request round trips, of two installed Jupyter kernels, driven by Debian's
jupyter_client as a front end drives them.

Usage: /usr/bin/python3 benchmarks/kernel-vs-jjava.py RUNS NAME=JUPYTER_PATH:KERNEL [NAME=JUPYTER_PATH:KERNEL ...]
e.g.   /usr/bin/python3 benchmarks/kernel-vs-jjava.py 3 \
           nbexport=nbexport-maven-plugin/target/it/kernel-install-update-uninstall/prefix/share/jupyter:kernel-it \
           jjava=../shared/jupyter:java

For each kernel and run: a fresh kernel process; the seconds from start_kernel to the execute_result of `1 + 1`;
then the median milliseconds of 20 is_complete requests and of 20 execute requests of `1`. Prints one line per
kernel with the median of the runs and their spread (min..max)."""
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 120


def execute(kc, code):
    return reply_to(kc, kc.execute(code))


def reply_to(kc, msg_id):
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def one_run(jupyter_path, kernel):
    os.environ["JUPYTER_PATH"] = jupyter_path
    started = time.monotonic()
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        reply = execute(kc, "1 + 1")
        assert reply["status"] == "ok", reply
        first = time.monotonic() - started
        complete, run = [], []
        for _ in range(20):
            t = time.monotonic()
            assert reply_to(kc, kc.is_complete("int x = 1;"))["status"] == "complete"
            complete.append((time.monotonic() - t) * 1000)
        for _ in range(20):
            t = time.monotonic()
            assert execute(kc, "1")["status"] == "ok"
            run.append((time.monotonic() - t) * 1000)
        return first, statistics.median(complete), statistics.median(run)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    runs = int(sys.argv[1])
    print("load average before: %.1f %.1f %.1f on %d cores" % (os.getloadavg() + (os.cpu_count(),)))
    for spec in sys.argv[2:]:
        name, rest = spec.split("=", 1)
        jupyter_path, kernel = rest.rsplit(":", 1)
        results = [one_run(os.path.abspath(jupyter_path), kernel) for _ in range(runs)]
        line = name + ":"
        for label, unit, values in (("start to first result", "s", [r[0] for r in results]),
                                    ("is_complete round trip", "ms", [r[1] for r in results]),
                                    ("execute `1` round trip", "ms", [r[2] for r in results])):
            line += "  %s %.2f %s (%.2f..%.2f)" % (label, statistics.median(values), unit, min(values), max(values))
        print(line, flush=True)


main()
