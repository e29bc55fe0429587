#!/usr/bin/env python3
"""Helps keep translations/veloxquant_*.ts complete. Python 3 standard library only.

  tools/translations.py check [TS...]
      Fails (exit 1) on unfinished, obsolete or vanished entries, empty translations, placeholders
      (%1..%99, %n) that differ from the source, a missing & accelerator, or a wrong count of
      plural forms. Without TS: every translations/veloxquant_*.ts.
  tools/translations.py unfinished [TS...]
      Lists the entries still to translate as a table to fill in (see TABLE below), one per TS.
  tools/translations.py apply TABLE TS
      Writes the translations of TABLE into TS and marks them finished.
  tools/translations.py sync --lupdate PATH [--root DIR] [TS...]
      Runs lupdate on a temporary copy of each TS (the sources as update_translations scans them)
      and fails if the sources hold a text that is not in TS or TS holds a text the sources lost.

TABLE: UTF-8, one entry per line, tab-separated: context, source, translation. Lines starting with
'#' and empty lines are skipped. An empty or '*' context matches every context. Plural entries
(%n) give one column per plural form of the language (German 2: singular, plural; Chinese 1).
Escapes in a field: \\n newline, \\t tab, \\\\ backslash. `unfinished` prints exactly this format
with the translation column empty (and, for plurals, the number of forms expected).

Workflow for new strings: cmake --build build --target update_translations; then
tools/translations.py unfinished translations/veloxquant_de.ts > de.tsv; fill in the third
column; tools/translations.py apply de.tsv translations/veloxquant_de.ts; same for zh_CN;
tools/translations.py check.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLURAL_FORMS = {"de": 2, "en": 2, "zh": 1, "ja": 1, "ko": 1}
PLACEHOLDER = re.compile(r"%(\d{1,2}|n)")
ACCEL = re.compile(r"&(?!&)(\S)")


def default_ts():
    return sorted(glob.glob(os.path.join(ROOT, "translations", "veloxquant_*.ts")))


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(s[i + 1], "\\" + s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def language_of(root):
    return root.get("language", "")


def plural_forms(language):
    return PLURAL_FORMS.get(language.split("_")[0], 2)


def messages(root):
    """(context name, message element) for every message of a parsed .ts."""
    for ctx in root.iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            yield name, msg


def key_of(msg):
    return (msg.findtext("source", ""), msg.findtext("comment", ""))


def forms_of(msg):
    tr = msg.find("translation")
    if tr is None:
        return []
    if msg.get("numerus") == "yes":
        return [f.text or "" for f in tr.findall("numerusform")]
    return [tr.text or ""]


def problems_of(path):
    root = ET.parse(path).getroot()
    lang = language_of(root)
    want_forms = plural_forms(lang)
    problems, count = [], 0
    for ctx, msg in messages(root):
        count += 1
        source = msg.findtext("source", "")
        where = f"{os.path.basename(path)}: [{ctx}] {source!r}"
        tr = msg.find("translation")
        kind = tr.get("type") if tr is not None else "missing"
        if kind in ("unfinished", "obsolete", "vanished", "missing"):
            problems.append(f"{where}: {kind}")
            continue
        forms = forms_of(msg)
        if msg.get("numerus") == "yes" and len(forms) != want_forms:
            problems.append(f"{where}: {len(forms)} plural form(s), {lang} needs {want_forms}")
        for f in forms:
            if not f.strip() and source.strip():
                problems.append(f"{where}: empty translation")
                continue
            src_ph = set(PLACEHOLDER.findall(source))
            if msg.get("numerus") == "yes":
                src_ph.add("n")
            tr_ph = set(PLACEHOLDER.findall(f))
            # A plural form may leave %n out (e.g. "one file" in the singular), nothing else.
            missing = src_ph - tr_ph - ({"n"} if msg.get("numerus") == "yes" and len(forms) > 1 else set())
            extra = tr_ph - src_ph
            if missing or extra:
                problems.append(f"{where}: placeholders differ: {f!r}")
            if ACCEL.search(source) and not ACCEL.search(f):
                problems.append(f"{where}: the & accelerator is missing: {f!r}")
    return problems, count


def cmd_check(args):
    files = args.ts or default_ts()
    if not files:
        print("check: no .ts files found", file=sys.stderr)
        return 1
    bad = 0
    for path in files:
        problems, count = problems_of(path)
        for p in problems:
            print(p)
        bad += len(problems)
        print(f"{os.path.basename(path)}: {count} entries, {len(problems)} problem(s)", file=sys.stderr)
    return 1 if bad else 0


def cmd_unfinished(args):
    total = 0
    for path in args.ts or default_ts():
        root = ET.parse(path).getroot()
        lang = language_of(root)
        print(f"# {os.path.basename(path)} ({lang}): context<TAB>source<TAB>translation")
        for ctx, msg in messages(root):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") not in ("unfinished",):
                continue
            total += 1
            row = [ctx, escape(msg.findtext("source", ""))]
            if msg.findtext("comment"):
                print(f"# disambiguation: {escape(msg.findtext('comment'))}")
            if msg.get("numerus") == "yes":
                print(f"# plural: {plural_forms(lang)} form(s)")
            guess = [f for f in forms_of(msg) if f]
            if guess:  # lupdate's guess from a similar old text: review it
                print(f"# was: {escape(' | '.join(guess))}")
            print("\t".join(row + [""]))
    print(f"{total} unfinished", file=sys.stderr)
    return 0


def read_table(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3 or not any(c.strip() for c in cols[2:]):
                print(f"{path}:{n}: skipped (no translation)", file=sys.stderr)
                continue
            rows.append((cols[0].strip(), unescape(cols[1]), [unescape(c) for c in cols[2:]]))
    return rows


def write_ts(tree, path):
    """Writes like lupdate does (lconvert normalises the layout when it is installed)."""
    with tempfile.NamedTemporaryFile("wb", suffix=".ts", delete=False) as tmp:
        tree.write(tmp, encoding="utf-8", xml_declaration=True)
    lconvert = shutil.which("lconvert") or "/usr/lib/qt6/bin/lconvert"
    try:
        if os.path.exists(lconvert):
            subprocess.run([lconvert, "-i", tmp.name, "-o", path], check=True)
        else:
            shutil.copyfile(tmp.name, path)
    finally:
        os.unlink(tmp.name)


def cmd_apply(args):
    tree = ET.parse(args.ts)
    root = tree.getroot()
    want_forms = plural_forms(language_of(root))
    rows = read_table(args.table)
    used = [False] * len(rows)
    applied = 0
    for ctx, msg in messages(root):
        source = msg.findtext("source", "")
        for i, (rctx, rsource, forms) in enumerate(rows):
            if rsource != source or rctx not in ("", "*", ctx):
                continue
            used[i] = True
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            for child in list(tr):
                tr.remove(child)
            if msg.get("numerus") == "yes":
                forms = (forms + [forms[-1]] * want_forms)[:want_forms]
                tr.text = None
                for f in forms:
                    ET.SubElement(tr, "numerusform").text = f
            else:
                tr.text = forms[0]
            tr.attrib.pop("type", None)
            applied += 1
            break
    for i, ok in enumerate(used):
        if not ok:
            print(f"not in {os.path.basename(args.ts)}: [{rows[i][0] or '*'}] {rows[i][1]!r}", file=sys.stderr)
    write_ts(tree, args.ts)
    print(f"{os.path.basename(args.ts)}: {applied} translation(s) applied", file=sys.stderr)
    return 0 if all(used) else 1


def entry_set(path):
    root = ET.parse(path).getroot()
    return {(ctx,) + key_of(msg) for ctx, msg in messages(root)
            if (msg.find("translation") is None or msg.find("translation").get("type") not in ("obsolete", "vanished"))}


def cmd_sync(args):
    root_dir = os.path.abspath(args.root)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.ts or default_ts():
            copy = os.path.join(tmp, os.path.basename(path))
            shutil.copyfile(path, copy)
            # Keep these options and folders in step with qt_add_translations in ui/CMakeLists.txt.
            cmd = [args.lupdate, "-silent", "-locations", "none", "-I", root_dir,
                   os.path.join(root_dir, "ui"), os.path.join(root_dir, "app", "studio"), "-ts", copy]
            subprocess.run(cmd, check=True)
            root = ET.parse(copy).getroot()
            before = entry_set(path)
            for ctx, msg in messages(root):
                tr = msg.find("translation")
                kind = tr.get("type") if tr is not None else "missing"
                k = (ctx,) + key_of(msg)
                if kind == "unfinished" and k not in before:
                    print(f"{os.path.basename(path)}: not translated: [{ctx}] {msg.findtext('source')!r}")
                    bad += 1
                elif kind in ("obsolete", "vanished"):
                    print(f"{os.path.basename(path)}: no longer in the sources: [{ctx}] {msg.findtext('source')!r}")
                    bad += 1
    if bad:
        print(f"{bad} difference(s) between the sources and the .ts files: run "
              "`cmake --build build --target update_translations`, translate (tools/translations.py "
              "unfinished/apply) and commit the .ts files", file=sys.stderr)
    return 1 if bad else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check")
    p.add_argument("ts", nargs="*")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("unfinished")
    p.add_argument("ts", nargs="*")
    p.set_defaults(func=cmd_unfinished)
    p = sub.add_parser("apply")
    p.add_argument("table")
    p.add_argument("ts")
    p.set_defaults(func=cmd_apply)
    p = sub.add_parser("sync")
    p.add_argument("--lupdate", default=shutil.which("lupdate") or "/usr/lib/qt6/bin/lupdate")
    p.add_argument("--root", default=ROOT)
    p.add_argument("ts", nargs="*")
    p.set_defaults(func=cmd_sync)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
