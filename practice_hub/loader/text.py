"""Turning an editor's file into text: size, binary, encoding, BOM and line endings."""

from __future__ import annotations

MAX_BYTES = 2 * 1024 * 1024


class TextProblem(Exception):
    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def decode(raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM), normalise line endings. Raises TextProblem."""
    if len(raw) > MAX_BYTES:
        raise TextProblem(
            1,
            f"the file is {len(raw) / 1024 / 1024:.1f} MB, more than the "
            f"{MAX_BYTES // 1024 // 1024} MB a content file may be",
            "split it into smaller pages, or link to a large document instead of pasting it in",
        )
    if b"\x00" in raw[:8192] or b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise TextProblem(
            line,
            "the file is not text (it contains binary data)",
            "only Markdown or YAML text belongs here; put downloads in a files folder",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TextProblem(
            line,
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
            "save the file with UTF-8 encoding; in most editors: Save As, Encoding, UTF-8",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for separator, name in (
        ("\u2028", "line separator"),
        ("\u2029", "paragraph separator"),
        ("\x85", "next line"),
    ):
        where = text.find(separator)
        if where != -1:  # YAML counts these as line breaks, editors' tools do not: lines would be wrong
            raise TextProblem(
                text.count("\n", 0, where) + 1,
                f"the text has an invisible {name} character (U+{ord(separator):04X})",
                "delete it: it usually comes from pasting; retype the line",
            )
    return text
