"""Drives an installed nbexport kernel with Debian's jupyter_client, as a front end would, and checks what it
answers. Usage: protocol_test.py KERNEL_NAME PROJECT_DIR (JUPYTER_PATH must find the kernel).
Prints one line per check; exits 1 on the first failed check (with what was received)."""
import json
import os
import sys
import time

from jupyter_client.manager import KernelManager

kernel_name, project = sys.argv[1], sys.argv[2]
TIMEOUT = 120


def check(condition, what, got=None):
    if not condition:
        print("FAILED: " + what + ("" if got is None else "\n  got: " + json.dumps(got, indent=1, default=str)[:4000]))
        sys.exit(1)
    print("ok: " + what)


def run(kc, code, metadata=None, wait=True):
    """Sends an execute_request; returns (reply content, iopub messages of this request, their arrival times)."""
    msg = kc.session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                             "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
                         metadata=metadata or {})
    kc.shell_channel.send(msg)
    msg_id = msg["header"]["msg_id"]
    if not wait:
        return msg_id
    return collect(kc, msg_id)


def collect(kc, msg_id):
    messages, times = [], []
    while True:
        m = kc.get_iopub_msg(timeout=TIMEOUT)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(m)
        times.append(time.monotonic())
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"], messages, times


def shell_reply(kc, msg_id):
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def outputs(messages):
    return [(m["msg_type"], m["content"]) for m in messages
            if m["msg_type"] in ("stream", "display_data", "execute_result", "error")]


def stderr(messages):
    return "".join(c["text"] for t, c in outputs(messages) if t == "stream" and c["name"] == "stderr")


km = KernelManager(kernel_name=kernel_name)
km.start_kernel(cwd=project)
kc = km.client()
kc.start_channels()
try:
    kc.wait_for_ready(timeout=TIMEOUT)
    check(km.kernel_spec.language == "java" and km.kernel_spec.interrupt_mode == "message", "kernelspec language and interrupt mode")

    info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
    check(info["status"] == "ok" and info["protocol_version"] == "5.3" and info["implementation"] == "nbexport",
          "kernel_info: protocol 5.3, implementation nbexport", info)
    li = info["language_info"]
    check(li["name"] == "Java" and li["mimetype"] == "text/x-java-source" and li["file_extension"] == ".jshell",
          "kernel_info: JJava's language_info", li)

    reply, msgs, _ = run(kc, "1 + 1")
    types = [m["msg_type"] for m in msgs]
    check(types[0] == "status" and msgs[0]["content"]["execution_state"] == "busy" and types[1] == "execute_input"
          and types[-1] == "status", "execute: busy, execute_input, ..., idle", types)
    check(msgs[1]["content"] == {"code": "1 + 1", "execution_count": 1}, "execute_input has the code and count", msgs[1]["content"])
    check(reply["status"] == "ok" and reply["execution_count"] == 1, "execute_reply ok, count 1", reply)
    check(outputs(msgs) == [("execute_result", {"data": {"text/plain": "2"}, "metadata": {}, "execution_count": 1})],
          "execute_result text/plain", outputs(msgs))

    _, msgs, _ = run(kc, 'System.out.println("out");\nSystem.err.println("err");')
    check(outputs(msgs) == [("stream", {"name": "stdout", "text": "out\n"}), ("stream", {"name": "stderr", "text": "err\n"})],
          "stream stdout and stderr", outputs(msgs))

    _, msgs, _ = run(kc, 'display("<b>bold</b>", "text/html");')
    out = outputs(msgs)
    check(out[0][0] == "display_data" and out[0][1]["data"].get("text/html") == "<b>bold</b>"
          and out[1][0] == "execute_result", "display_data text/html (and, as in JJava, its display id as the value)", out)

    reply, msgs, _ = run(kc, 'throw new IllegalStateException("boom");')
    out = outputs(msgs)
    check(reply["status"] == "error" and reply["ename"] == "RuntimeException"
          and reply["evalue"] == "java.lang.IllegalStateException, boom", "runtime error as JJava names it", reply)
    check(out and out[-1][0] == "error" and out[-1][1]["ename"] == "RuntimeException" and out[-1][1]["traceback"],
          "error output with a traceback", out)

    reply, _, _ = run(kc, "int broken = ;")
    check(reply["status"] == "error" and reply["ename"] == "CompilationException", "compile error", reply)

    reply, _, _ = run(kc, "demo.Greeter.hello(\"kernel\")")
    check(reply["status"] == "ok", "a class of the project's class path", reply)
    _, msgs, _ = run(kc, "demo.Greeter.hello(\"kernel\")")
    check(outputs(msgs)[0][1]["data"]["text/plain"] == "hello, kernel", "its result", outputs(msgs))

    for hidden in ("org.zeromq.ZMQ", "com.google.gson.Gson", "com.fasterxml.jackson.core.JsonFactory"):
        reply, _, _ = run(kc, 'Class.forName("%s")' % hidden)
        check(reply["status"] == "error" and "ClassNotFoundException" in reply["evalue"],
              "the kernel's own library %s is not visible to notebook code" % hidden, reply)

    t0 = time.monotonic()
    _, msgs, times = run(kc, 'System.out.println("first");\nThread.sleep(1500);\nSystem.out.println("second");')
    streams = [(m, t) for m, t in zip(msgs, times) if m["msg_type"] == "stream"]
    check(len(streams) == 2 and streams[1][1] - streams[0][1] > 1.0,
          "stream output arrives as it is printed, not when the cell ends", [(m["content"], t - t0) for m, t in streams])

    run(kc, 'String greeting = "hello";')
    code = "int z = 1;\ngreeting.len"
    c = kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
    check(c["status"] == "ok" and "length()" in c["matches"] and code[c["cursor_start"]:c["cursor_end"]] == "len",
          "complete: a method of a variable an earlier cell defined", c)
    c = kc.complete("%mav", 4, reply=True, timeout=TIMEOUT)["content"]
    check("%maven" in c["matches"], "complete: magic names", c)

    code = 'greeting.strip()'
    i = kc.inspect(code, code.index("strip") + 2, reply=True, timeout=TIMEOUT)["content"]
    check(i["status"] == "ok" and i["found"] and "strip()" in i["data"]["text/plain"], "inspect: signature and Javadoc", i)

    r = shell_reply(kc, kc.is_complete("for (int i = 0; i < 3; i++) {"))
    check(r["status"] == "incomplete" and r["indent"] == "    ", "is_complete: incomplete, with indent", r)
    r = shell_reply(kc, kc.is_complete("int y = 2;"))
    check(r["status"] == "complete", "is_complete: complete", r)

    h = shell_reply(kc, kc.history())
    check(h["status"] == "ok" and h["history"] == [], "history: empty", h)
    ci = shell_reply(kc, kc.comm_info())
    check(ci["status"] == "ok" and ci["comms"] == {}, "comm_info: none", ci)

    msg_id = run(kc, "long n = 0;\nwhile (true) { n++; }", wait=False)
    time.sleep(1.5)
    started = time.monotonic()
    km.interrupt_kernel()
    reply, msgs, _ = collect(kc, msg_id)
    check(reply["status"] == "error" and reply["ename"] == "EvaluationInterruptedException"
          and time.monotonic() - started < 10, "interrupt stops while (true)", reply)
    _, msgs, _ = run(kc, '"after the interrupt"')
    check(outputs(msgs)[0][1]["data"]["text/plain"] == "after the interrupt", "the kernel runs cells after an interrupt", outputs(msgs))

    # hidden state, with the saved notebook's cells: by the id JupyterLab sends, and by source (nbconvert, Notebook 6)
    nb = json.load(open(os.path.join(project, "notebooks", "00_twice.ipynb")))
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    source = lambda c: "".join(c["source"])
    _, msgs, _ = run(kc, source(cells[2]), metadata={"cellId": cells[2]["id"]})
    check("cell 4 of notebooks/00_twice.ipynb runs before cells 2, 3 ran in this session" in stderr(msgs),
          "hidden state: a cell that runs before earlier cells (known by its cellId)", stderr(msgs))
    for c in cells[:2]:
        _, msgs, _ = run(kc, source(c))
        check(stderr(msgs) == "", "cells in order say nothing", stderr(msgs))
    _, msgs, _ = run(kc, source(cells[2]))
    check(stderr(msgs) == "", "the same cell again, once the earlier ones ran (known by its source)", stderr(msgs))
    _, msgs, _ = run(kc, "int twice(int x) { return 3 * x; }")
    check("redefines twice (exported cell 3)" in stderr(msgs), "hidden state: a cell redefines an exported name", stderr(msgs))
    _, msgs, _ = run(kc, "%nbexport status")
    status = "".join(c["text"] for t, c in outputs(msgs) if t == "stream")
    check("ran cells 4, 2, 3, 4 in that order" in status and "cell 4 ran before cells 2, 3" in status
          and "redefined twice" in status, "%nbexport status lists what ran out of order", status)

    reply, msgs, _ = run(kc, "%nbexport export")
    out = "".join(c["text"] for t, c in outputs(msgs) if t == "stream")
    check(reply["status"] == "ok" and "1 notebooks read: " in out and "files written" in out
          and os.path.isfile(os.path.join(project, "src/main/java/demo/Twice.java")), "%nbexport export writes the sources", out)
    reply, msgs, _ = run(kc, "%nbexport check")
    out = "".join(c["text"] for t, c in outputs(msgs) if t == "stream")
    check(reply["status"] == "ok" and "Notebooks and exported sources are in sync." in out, "%nbexport check", out)
    reply, msgs, _ = run(kc, "%nbexport test")
    out = "".join(c["text"] for t, c in outputs(msgs) if t == "stream")
    check(reply["status"] == "ok" and "notebooks/00_twice.ipynb: 3 cells" in out and "1 passed, 0 failed" in out,
          "%nbexport test runs the saved notebook in a worker JVM", out)
    reply, msgs, _ = run(kc, "%nbexport nonsense")
    check(reply["status"] == "error" and "Usage: %nbexport" in reply["evalue"], "an unknown %nbexport goal fails the cell", reply)

    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, msgs, _ = run(kc, "greeting")
    check(reply["status"] == "error" and reply["execution_count"] == 1, "restart: a fresh session", reply)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
check(not km.is_alive(), "shutdown: the kernel process ended")
print("protocol checks passed")
