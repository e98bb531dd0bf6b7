#!/usr/bin/python3
"""Differential-test oracle: varied notebooks, and how Python's nbformat writes each of them.

Usage: nbformat_oracle.py OUT_DIR COUNT SEED

Writes OUT_DIR/NNN.input.ipynb (a notebook as some tool might have saved it: any key order,
compact or indented, ASCII-escaped or not, source as a string or as a list of lines) and
OUT_DIR/NNN.expected.ipynb (the same notebook read and written by nbformat, as Jupyter saves it).
nbexport's reader and writer must turn every input into exactly the expected bytes.
Run with Debian's /usr/bin/python3 and python3-nbformat.
"""
import json
import logging
import os
import random
import sys
import warnings

import nbformat

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")

ALPHABET = (
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list(" \t{}[]();.,:=+-*/<>!?&|^%$#@~`'\"\\")
    + ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
    + ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x1f", "\x7f"]
    + ["é", "ß", "Ω", "€", "中", "文", "\ufeff", "\uffff", "\ue000"]
    + ["😀", "𝄞", "𐍈", "🇩🇪", "\U0010fffd"]
)
FLOATS = [0.1, 1e-05, 2.5e-10, 1.5e300, -0.0, 3.141592653589793, 1e16, 123456.789, 0.30000000000000004]
INTS = [0, 1, -1, 42, 2**31, 2**63, 2**70, -(2**40)]


def text(r, max_len=40):
    return "".join(r.choice(ALPHABET) for _ in range(r.randint(0, max_len)))


def key(r):
    return r.choice(["a", "b", "z", "A", "_x", "é", "😀", "\ue000", "\uffff", "k" + text(r, 4), "tags2", "x y"])


def value(r, depth=0):
    kind = r.randint(0, 8 if depth < 3 else 5)
    if kind == 0:
        return text(r)
    if kind == 1:
        return r.choice(INTS)
    if kind == 2:
        return r.choice(FLOATS)
    if kind == 3:
        return r.choice([True, False])
    if kind == 4:
        return None
    if kind == 5:
        return ""
    if kind == 6:
        return [value(r, depth + 1) for _ in range(r.randint(0, 3))]
    return {key(r): value(r, depth + 1) for _ in range(r.randint(0, 4))}


def multiline(r):
    """A string, or a list of lines that may or may not be split where nbformat would split."""
    lines = [text(r, 25) for _ in range(r.randint(0, 5))]
    s = "".join(line + r.choice(["\n", "\n", "\r\n", ""]) for line in lines)
    style = r.randint(0, 2)
    if style == 0:
        return s
    if style == 1:
        return s.splitlines(True)
    cut = sorted(r.sample(range(len(s) + 1), min(len(s) + 1, r.randint(0, 3))))
    return [s[i:j] for i, j in zip([0] + cut, cut + [len(s)])]


def mime_bundle(r):
    bundle = {}
    for mime in r.sample(
        ["text/plain", "text/html", "text/markdown", "text/latex", "image/png", "image/jpeg",
         "image/svg+xml", "application/javascript", "application/json",
         "application/vnd.custom+json", "application/pdf"], r.randint(1, 4)):
        if mime.endswith("json"):
            bundle[mime] = r.choice([value(r), {"a": [1, 2.5, "x\n"]}, ["line\n", "two"]])
        elif mime.startswith("image/png") or mime.startswith("image/jpeg") or mime == "application/pdf":
            b64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
            bundle[mime] = r.choice([b64 + "\n", b64, [b64[:40] + "\n", b64[40:]]])
        else:
            bundle[mime] = multiline(r)
    return bundle


def output(r, count):
    kind = r.choice(["stream", "execute_result", "display_data", "error"])
    if kind == "stream":
        return {"output_type": "stream", "name": r.choice(["stdout", "stderr"]), "text": multiline(r)}
    if kind == "error":
        return {"output_type": "error", "ename": text(r, 8), "evalue": text(r),
                "traceback": [text(r) for _ in range(r.randint(0, 3))]}
    out = {"output_type": kind, "data": mime_bundle(r), "metadata": r.choice([{}, {"image/png": {"width": 10}}])}
    if kind == "execute_result":
        out["execution_count"] = count
    return out


def cell(r, minor, index):
    kind = r.choice(["code", "code", "markdown", "raw"])
    c = {"cell_type": kind, "metadata": {}, "source": multiline(r)}
    if r.random() < 0.5:
        c["metadata"] = {key(r): value(r) for _ in range(r.randint(0, 3))}
    if r.random() < 0.3:
        c["metadata"]["tags"] = [r.choice(["export", "test", "hide", "eval: false"]) for _ in range(r.randint(0, 2))]
    if r.random() < 0.1:
        c["metadata"]["trusted"] = r.choice([True, False])
    if minor >= 5:
        c["id"] = "c%d-%s" % (index, "".join(r.choice("abcdef0123456789") for _ in range(6)))
    if kind == "code":
        count = r.choice([None, r.randint(1, 99)])
        c["execution_count"] = count
        c["outputs"] = [output(r, count) for _ in range(r.randint(0, 3))]
    elif r.random() < 0.3:
        c["attachments"] = {"image.png": mime_bundle(r)}
    return c


def notebook(r):
    minor = r.choice([0, 1, 2, 3, 4, 5, 5, 5])
    metadata = {
        "kernelspec": {"display_name": "Java (jjava)", "language": "java", "name": "java"},
        "language_info": {"name": "java", "version": "17.0.15+6", "file_extension": ".jshell"},
    }
    for _ in range(r.randint(0, 3)):
        metadata[key(r)] = value(r)
    if r.random() < 0.1:
        metadata["signature"] = "sha256:0123"
    if r.random() < 0.1:
        metadata["orig_nbformat"] = 3
    nb = {"cells": [cell(r, minor, i) for i in range(r.randint(0, 8))], "metadata": metadata,
          "nbformat": 4, "nbformat_minor": minor}
    if r.random() < 0.1:
        nb["x_unknown_field"] = value(r)
    return nb


def shuffled(r, obj):
    if isinstance(obj, dict):
        items = list(obj.items())
        r.shuffle(items)
        return {k: shuffled(r, v) for k, v in items}
    if isinstance(obj, list):
        return [shuffled(r, v) for v in obj]
    return obj


def dumps_any_style(r, nb):
    style = r.randint(0, 3)
    if style == 0:
        return json.dumps(shuffled(r, nb), ensure_ascii=False)
    if style == 1:
        return json.dumps(shuffled(r, nb), ensure_ascii=True, indent=2)
    if style == 2:
        return json.dumps(nb, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(shuffled(r, nb), ensure_ascii=r.random() < 0.5, indent=r.randint(0, 4)) + "\n"


def main():
    out_dir, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(out_dir, exist_ok=True)
    r = random.Random(seed)
    for i in range(count):
        text_in = dumps_any_style(r, notebook(r))
        expected = nbformat.writes(nbformat.reads(text_in, as_version=nbformat.NO_CONVERT))
        if not expected.endswith("\n"):
            expected += "\n"  # what nbformat.write adds
        with open(os.path.join(out_dir, "%03d.input.ipynb" % i), "w", encoding="utf-8") as f:
            f.write(text_in)
        with open(os.path.join(out_dir, "%03d.expected.ipynb" % i), "w", encoding="utf-8") as f:
            f.write(expected)


if __name__ == "__main__":
    main()
