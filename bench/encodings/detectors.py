"""The Python side of `npm run bench:encodings`.

Reads every file of the encodings corpus (one folder per true encoding) and
prints one JSON object: for each file, the SHA-256 of its true text (decoded
strictly with the folder's codec, one leading U+FEFF dropped) and, when the
packages are installed, what chardet and charset-normalizer detect and
whether decoding with their answer gives exactly that text.

  python3 detectors.py CORPUS_DIR            # truth + detectors
  python3 detectors.py CORPUS_DIR --truth    # the truth file the unit test reads:
      > electron/archive/import/testing/encodingTruth.json
"""
import hashlib
import json
import os
import sys


def text_of(data, codec):
    try:
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError, TypeError):
        return None
    return text[1:] if text.startswith("\ufeff") else text


def digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def main():
    root = sys.argv[1]
    truth_only = "--truth" in sys.argv[2:]
    detectors = {}
    if not truth_only:
        try:
            import chardet

            detectors["chardet"] = (chardet.__version__, lambda b: chardet.detect(b)["encoding"])
        except ImportError:
            pass
        try:
            import charset_normalizer

            def normalizer(b):
                best = charset_normalizer.from_bytes(b).best()
                return best.encoding if best is not None else None

            detectors["charset-normalizer"] = (charset_normalizer.__version__, normalizer)
        except ImportError:
            pass
    files = {}
    for label in sorted(os.listdir(root)):
        folder = os.path.join(root, label)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            data = open(os.path.join(folder, name), "rb").read()
            truth = text_of(data, label)
            if truth is None:
                continue
            row = {"truth": digest(truth)}
            for key, (_, detect) in detectors.items():
                guess = detect(data)
                text = text_of(data, guess) if guess else None
                row[key] = {"name": guess, "exact": text == truth}
            files[label + "/" + name] = row
    python = sys.version.split()[0]
    if truth_only:
        truth = {key: row["truth"] for key, row in files.items()}
        print(json.dumps({"python": python, "files": truth}, indent=0, sort_keys=True))
        return
    versions = {key: version for key, (version, _) in detectors.items()}
    print(json.dumps({"python": python, "versions": versions, "files": files}))


main()
