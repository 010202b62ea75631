"""Zip containers (DOCX, XLSX, OFD) opened only after their declared sizes are checked.

A zip bomb declares huge uncompressed sizes (or a huge ratio) for a small file; it is refused
before anything is decompressed. Members are then read through ``open_member``, whose output
zipfile itself stops at the declared size.
"""

import zipfile

from .text import MB, ExtractionError, limit


def _bomb(info):
    ratio = info.file_size / max(info.compress_size, 1)
    return info.file_size > limit("zip_member_bytes", 200 * MB) or (
        info.file_size > 10 * MB and ratio > limit("zip_ratio", 200)
    )


def open_zip(stream, kind):
    """A checked ZipFile, or ExtractionError with a Chinese message."""
    try:
        archive = zipfile.ZipFile(stream)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ExtractionError(f"{kind} 文件已损坏或不是有效的 {kind} 文件，无法读取。") from exc
    total = sum(i.file_size for i in infos)
    if len(infos) > limit("zip_members", 10000) or total > limit("zip_total_bytes", 500 * MB):
        raise ExtractionError(
            f"{kind} 文件解压后体积异常（约 {total // MB} MB），疑似压缩炸弹，已拒绝读取。"
        )
    if any(_bomb(i) for i in infos):
        raise ExtractionError(f"{kind} 文件中有压缩比异常的内容，疑似压缩炸弹，已拒绝读取。")
    return archive


def open_member(archive, name, kind):
    try:
        return archive.open(name)
    except KeyError as exc:
        raise ExtractionError(f"{kind} 文件缺少 {name}，文件已损坏，无法读取。") from exc
