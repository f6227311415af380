import Foundation

/// A .zip file of stored (uncompressed) entries: what "download this run" sends, so the
/// run folder opens with a double click on any laptop. Small files only (under 4 GiB:
/// no ZIP64); names are ASCII paths inside the archive.
enum ZipArchive {
    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func archive(_ files: [(name: String, contents: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32, _ into: inout [UInt8]) { into += (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        // 1 January 2026, 00:00 in MS-DOS form: archives do not depend on the clock.
        let dosTime = 0, dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1
        for file in files {
            let name = Array(file.name.utf8)
            let crc = crc32(file.contents)
            let offset = UInt32(out.count)
            le32(0x0403_4B50, &out); le16(20, &out); le16(0x0800, &out); le16(0, &out)
            le16(dosTime, &out); le16(dosDate, &out); le32(crc, &out)
            le32(UInt32(file.contents.count), &out); le32(UInt32(file.contents.count), &out)
            le16(name.count, &out); le16(0, &out)
            out += name
            out += file.contents
            le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(0x0800, &central); le16(0, &central)
            le16(dosTime, &central); le16(dosDate, &central); le32(crc, &central)
            le32(UInt32(file.contents.count), &central); le32(UInt32(file.contents.count), &central)
            le16(name.count, &central); le16(0, &central); le16(0, &central); le16(0, &central); le16(0, &central)
            le32(0, &central); le32(offset, &central)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(files.count, &out); le16(files.count, &out)
        le32(UInt32(central.count), &out); le32(centralOffset, &out); le16(0, &out)
        return out
    }
}
