#!/usr/bin/env bash
# Regenerates the committed PNG and Windows .ico renders of cqrs-desktop.svg. Run it after
# editing the SVG; the build itself only copies the committed files, so it needs no SVG renderer.
# Needs rsvg-convert (Debian librsvg2-bin) and python3.
set -euo pipefail
cd "$(dirname "$0")"

rsvg-convert -w 256 -h 256 cqrs-desktop.svg -o cqrs-desktop-256.png

# Windows picks the nearest size from the .ico for the Start Menu, Explorer and Apps list.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
sizes=(16 24 32 48 64 256)
for size in "${sizes[@]}"; do
    rsvg-convert -w "$size" -h "$size" cqrs-desktop.svg -o "$scratch/$size.png"
done

# An .ico is a small directory of images; since Windows Vista each image may be a whole PNG.
python3 - "$scratch" "${sizes[@]}" <<'PY'
import struct, sys
folder, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
images = [open(f"{folder}/{s}.png", "rb").read() for s in sizes]
offset = 6 + 16 * len(images)
header = struct.pack("<HHH", 0, 1, len(images))
entries = b""
for size, data in zip(sizes, images):
    side = 0 if size >= 256 else size  # 0 means 256 in the ICONDIRENTRY
    entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
with open("cqrs-desktop.ico", "wb") as ico:
    ico.write(header + entries + b"".join(images))
PY
