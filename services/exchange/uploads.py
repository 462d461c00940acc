"""Uploaded files to one interview: a Network Canvas GraphML file, its CSV files, or a ZIP of either (as Network
Canvas downloads them). A ZIP is unpacked in memory, up to a limit, never onto disk."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from services.exchange.interview import Interview, InvalidFile, TooLarge
from services.exchange.nc_csv import is_network_canvas_csv, read_csv_files
from services.exchange.network_canvas import read_graphml

UPLOAD_MAX_BYTES = 2 * 1024 * 1024  # a request; Network Canvas's export of a 500-person interview is well below
UNPACKED_MAX_BYTES = 16 * 1024 * 1024  # what the files of a ZIP may add up to
SKIPPED = ("__MACOSX/", ".DS_Store")


def read_interview(files: list[tuple[str, bytes]], limit: int = UNPACKED_MAX_BYTES) -> Interview:
    """The one interview in the uploaded files, or InvalidFile (what is wrong, and where) or TooLarge."""
    unpacked = [found for name, data in files for found in _unpacked(name, data, limit)]
    if not unpacked:
        raise InvalidFile("no file was uploaded; send a .graphml file, Network Canvas's CSV files, or a ZIP of them.")
    graphml = [f for f in unpacked if f[0].lower().endswith(".graphml")]
    tables = [f for f in unpacked if f[0].lower().endswith(".csv") and is_network_canvas_csv(f[0])]
    known = {name for name, _ in graphml + tables}
    others = [name for name, _ in unpacked if name not in known]
    if others:
        raise InvalidFile(
            "Kring reads Network Canvas's .graphml file or its CSV files (…_ego.csv, …_attributeList_<Type>.csv, "
            "…_edgeList_<Type>.csv), not this one.",
            file=others[0],
        )
    if len(graphml) > 1 or (graphml and tables):
        raise InvalidFile("upload one interview: one .graphml file, or the CSV files of one interview.")
    return read_graphml(graphml[0][1], graphml[0][0]) if graphml else read_csv_files(tables)


def _unpacked(name: str, data: bytes, limit: int) -> list[tuple[str, bytes]]:
    if not name.lower().endswith(".zip"):
        return [(posixpath.basename(name) or name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InvalidFile("not a readable ZIP file.", file=name) from None
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith(SKIPPED)]
        if sum(i.file_size for i in members) > limit:
            raise TooLarge(limit)
        return [(posixpath.basename(i.filename), _member(archive, i, name, limit)) for i in members]


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> bytes:
    try:
        with archive.open(info) as member:
            data = member.read(limit + 1)  # a member that unpacks to more than its header says stops here
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as error:  # RuntimeError: encrypted
        raise InvalidFile(f"{info.filename} cannot be unpacked ({error}).", file=name) from None
    if len(data) > limit:
        raise TooLarge(limit)
    return data
