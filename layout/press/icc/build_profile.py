#!/usr/bin/env python3
"""Build the output profile the plates embed: layout/press/icc/newsprint-TR002.icc.

Run ahead of time on a machine with these Debian packages installed (bookworm):

    icc-profiles-free 2.0.1   /usr/share/color/icc/TR002.ti3: ANSI CGATS/SNAP TR 002-2007,
                              colour characterization data for coldset printing on newsprint
    argyll 2.3.1              colprof, ArgyllCMS's profile maker

    python3 layout/press/icc/build_profile.py          # writes the profile
    python3 layout/press/icc/build_profile.py --check  # rebuilds it and compares the bytes

Steps:
  1. TR002.ti3 is copied into a temporary folder (colprof reads <name>.ti3).
  2. colprof makes a CMYK→Lab output profile (ICC v2.2): low quality tables (-ql, 7 s;
     -qm takes 80 s for a profile that only characterises the condition), heavy black
     generation (-kh, the newspaper way: GCR, early black), total ink 230 % (-l230, SNAP's
     coldset limit) with black up to 95 % (-L95); description and copyright name TR 002,
     as its header asks of derived profiles.
  3. colprof stamps the header with the clock (bytes 24-35, ICC.1 §7.2.8); they are set to
     the fixed date below, so the same data and colprof give the same bytes.  A v2 header
     has no profile ID to recompute.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

SOURCE = Path("/usr/share/color/icc/TR002.ti3")
HERE = Path(__file__).resolve().parent
TARGET = HERE / "newsprint-TR002.icc"
DESCRIPTION = "newsprint coldset newsprint (ANSI CGATS/SNAP TR 002-2007)"
COPYRIGHT = ("Made by newsprint with ArgyllCMS colprof from ANSI CGATS/SNAP TR 002-2007 "
             "characterization data (Copyright 2007 NPES); TR 002 is the source of the data")
ARGS = ["-ql", "-kh", "-l230", "-L95"]
HEADER_DATE = (2026, 12, 3, 0, 0, 0)


def build() -> bytes:
    if not SOURCE.is_file() or shutil.which("colprof") is None:
        sys.exit("needs Debian's icc-profiles-free (TR002.ti3) and argyll (colprof)")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(SOURCE, Path(tmp) / "TR002.ti3")
        subprocess.run(["colprof", *ARGS, "-D", DESCRIPTION, "-C", COPYRIGHT, "-O", "out.icc", "TR002"],
                       cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        data = bytearray((Path(tmp) / "out.icc").read_bytes())
    if data[36:40] != b"acsp":
        sys.exit("colprof did not write an ICC profile")
    data[24:36] = struct.pack(">6H", *HEADER_DATE)
    return bytes(data)


def main(argv: list[str]) -> int:
    data = build()
    if "--check" in argv:
        same = TARGET.read_bytes() == data
        print("same bytes" if same else f"differs from {TARGET}")
        return 0 if same else 1
    TARGET.write_bytes(data)
    print(f"wrote {TARGET} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
