"""Reads a PNG (8-bit RGB or RGBA, as Chromium writes screenshots) with the standard
library only and prints the share of pixels that are not near-white, in the whole image
and in rows FROM..TO if given: `python3 png_check.py shot.png [FROM TO]`.
With `--crop FROM TO OUT` it writes those rows to OUT (for looking at a part)."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("not a PNG: " + path)
    pos, idat, width, height, colour, depth = 8, b"", 0, 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or colour not in (2, 6):
        raise SystemExit("unsupported PNG (depth %d, colour type %d)" % (depth, colour))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def share(width, bpp, rows):
    coloured = total = 0
    for line in rows:
        for x in range(0, width * bpp, bpp * 2):  # every other pixel is enough
            total += 1
            if min(line[x], line[x + 1], line[x + 2]) < 235:
                coloured += 1
    return coloured / total if total else 0.0


def write_png(path, width, bpp, rows):
    raw = b"".join(b"\x00" + line for line in rows)
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2 if bpp == 3 else 6, 0, 0, 0)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--crop":
        w, h, bpp, rows = read_png(args[1])
        write_png(args[4], w, bpp, rows[int(args[2]):int(args[3])])
        sys.exit(0)
    w, h, bpp, rows = read_png(args[0])
    lo, hi = (int(args[1]), int(args[2])) if len(args) == 3 else (0, h)
    print("%d %d %.4f %.4f" % (w, h, share(w, bpp, rows), share(w, bpp, rows[lo:hi])))
