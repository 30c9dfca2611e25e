"""Read: turn a .txt/.docx/.pdf file into clean, NFC-normalised text.

`read_file(path)` picks the reader by content first (a zip with `word/document.xml` is Word,
`%PDF` is PDF, anything else is tried as text) and by suffix second, and returns `ReadText`.
Any failure is one `ReadError` naming the file and the reason (Vietnamese, with a short
English gloss), never a traceback:

    read → txt.decode (encodings, legacy TCVN3/VNI)  ┐
         → docx.read_docx (numbering, tables, notes) ├→ normalise → clean.clean_text
         → pdf.read_pdf (running heads, line joins)  ┘
"""
from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..text import inherit, normalise
from .clean import clean_text

MAX_BYTES = 20 * 1024 * 1024      # larger files are refused before any parser sees them
MAX_UNZIPPED = 200 * 1024 * 1024  # a .docx that unpacks to more is a zip bomb, not a plan
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"    # old binary Office (.doc, .xls)


class ReadError(Exception):
    """A file that cannot be read as a document: the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


@dataclass
class ReadText:
    text: str
    file_type: str                    # "txt", "docx", "pdf"
    encoding: str | None = None       # "utf-8", "utf-16", "cp1258", "tcvn3", "vni"...
    warnings: list[str] = field(default_factory=list)


def read_file(path: str | Path) -> ReadText:
    """Read a document file into cleaned Unicode text; raises `ReadError` with the reason."""
    path = Path(path)
    raw = _read_bytes(path)
    try:
        kind = sniff(raw, path.suffix.lower())
    except ReadError as e:
        raise ReadError(path, e.reason) from None
    # Readers are imported when needed: pypdf and python-docx cost time at start-up.
    try:
        if kind == "docx":
            from .docx import read_docx
            text, encoding, warnings = read_docx(io.BytesIO(raw))
        elif kind == "pdf":
            from .pdf import PdfProblem, read_pdf
            try:
                text, encoding, warnings = read_pdf(io.BytesIO(raw))
            except PdfProblem as e:
                raise ReadError(path, str(e)) from None
        else:
            from .columns import split_tail
            from .tables import plain_tables
            from .txt import NotText, decode
            try:
                text, encoding = decode(raw)
            except NotText as e:
                raise ReadError(path, str(e)) from None
            text = split_tail(text)   # "Nơi nhận:      CHỦ TỊCH" copied from a laid-out page
            text = plain_tables(text)  # grid, pipe and tab tables: one ` | ` line a row
            warnings = []
    except ReadError:
        raise
    except Exception as e:            # a parser's own bug or a malformed part: one clear line
        raise ReadError(path, f"không đọc được tệp {kind} ({type(e).__name__}: {e})") from None
    normalised = normalise(text)
    text = clean_text(normalised)
    # Cleaning only removes characters and adds blanks: what `normalise` learnt of the text
    # (it is NFC, which rare characters it may hold) holds for the cleaned text too, so
    # `extract_text` and the stages need not scan it again for them.
    inherit(normalised, text)
    if not text.strip():
        raise ReadError(path, "tệp không có nội dung văn bản (no text in file)")
    return ReadText(text=text, file_type=kind, encoding=encoding, warnings=warnings)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a directory, an empty file or one over `MAX_BYTES` first."""
    try:
        st = path.stat()
        size = st.st_size
        if stat.S_ISDIR(st.st_mode):          # what path.is_dir() asks, without a second stat()
            raise ReadError(path, "là thư mục, không phải tệp (is a directory)")
        if size > MAX_BYTES:
            raise ReadError(path, f"tệp quá lớn: {size / 2**20:.0f} MB, tối đa "
                                  f"{MAX_BYTES // 2**20} MB (file too large)")
        with path.open("rb") as f:
            # Sized to the file: read(MAX_BYTES + 1) would allocate 20 MB first (~35 µs a file).
            raw = f.read(size + 1)
            if len(raw) > size:           # it grew since stat(): read on, still bounded
                raw += f.read(MAX_BYTES + 1 - len(raw))
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(path, "không tìm thấy tệp (file not found)") from None
    except PermissionError:
        raise ReadError(path, "không có quyền đọc tệp (permission denied)") from None
    except OSError as e:
        raise ReadError(path, f"không đọc được tệp ({e.strerror or e})") from None
    if len(raw) > MAX_BYTES:
        raise ReadError(path, f"tệp quá lớn, tối đa {MAX_BYTES // 2**20} MB (file too large)")
    if not raw.strip():
        raise ReadError(path, "tệp rỗng (empty file)")
    return raw


def sniff(raw: bytes, suffix: str = "") -> str:
    """The reader for these bytes: "docx", "pdf" or "txt"; ReadError (no path) for others.

    >>> sniff(b"%PDF-1.7 ..."), sniff("Kế hoạch".encode()), sniff(b"abc", ".txt")
    ('pdf', 'txt', 'txt')
    """
    head = raw[:1024]
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(raw, suffix)
    if head.lstrip().startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head):
        return "pdf"                  # readers accept junk before the header; we do for .pdf
    if head.startswith(_OLE):
        raise ReadError("", "tệp Word cũ (.doc) hoặc Office nhị phân chưa hỗ trợ: hãy mở bằng "
                            "Word/LibreOffice và lưu thành .docx (old binary .doc: save as .docx)")
    if head.lstrip().startswith(b"{\\rtf"):
        raise ReadError("", "tệp RTF chưa hỗ trợ: hãy lưu thành .docx (RTF: save as .docx)")
    if suffix == ".docx":
        raise ReadError("", "không phải tệp .docx hợp lệ (not a valid .docx: not a zip file)")
    if suffix == ".pdf":
        raise ReadError("", "không phải tệp PDF hợp lệ (not a valid PDF: no %PDF header)")
    return "txt"


def _sniff_zip(raw: bytes, suffix: str) -> str:
    try:
        infos = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ReadError("", "tệp nén hỏng, không đọc được (corrupt zip/.docx)") from None
    if sum(info.file_size for info in infos) > MAX_UNZIPPED:
        raise ReadError("", f"tệp .docx giải nén quá lớn, tối đa {MAX_UNZIPPED // 2**20} MB "
                            "(unpacked .docx too large)")
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names or "content.xml" in names:
        raise ReadError("", "định dạng chưa hỗ trợ, chỉ đọc .txt, .docx, .pdf "
                            "(unsupported format: only .txt, .docx, .pdf)")
    raise ReadError("", "tệp nén không phải .docx (zip file without word/document.xml)")
