"""A synchronous client for Pagefind's indexing service (the binary run as ``pagefind --service``).

It speaks the same protocol as Pagefind's Python API (``pagefind.index``: base64 JSON messages
ended by a comma, on the binary's stdin and stdout) and finds the binary the same way
(``pagefind.service.get_executable``). The Python API itself is not used because its reader
sleeps 0.1 s before each response it reads: 3,000 pages would take 300 s to confirm. Here a
writer thread feeds the binary and a reader thread drains its answers, so the build thread
never waits while the binary indexes in its own process, on the other core.
"""

from __future__ import annotations

import atexit
import base64
import io
import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import IO, cast

from pagefind.service import get_executable

from ..cache import SERVE_CACHE


class PagefindError(RuntimeError):
    pass


class PagefindService:
    """One ``pagefind --service`` process holding one index. Always ``close()`` it.

    ``close_all()`` stops every live one: MkDocs' build-error event carries no config to find
    the build's indexer on, and ``mkdocs serve`` must not keep a process per failed rebuild.
    """

    @classmethod
    def close_all(cls) -> None:
        for service in list(SERVE_CACHE.processes):  # processes to reap, not build state
            service.close()

    def __init__(self, config: dict, timeout: float = 300.0):
        binary = get_executable()
        if binary is None:
            raise PagefindError("the Pagefind binary is missing (pip install 'pagefind[bin]')")
        self.timeout = timeout
        self._process = subprocess.Popen(
            [str(binary), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        # Both are pipes (PIPE above), never None; stdout has Python's default buffering (read1).
        self._stdin = cast(IO[bytes], self._process.stdin)
        self._stdout = cast(io.BufferedReader, self._process.stdout)
        atexit.register(self.close)  # an interrupted build never leaves the binary running
        SERVE_CACHE.processes.add(self)
        self._lock = threading.Lock()
        self._next_id = 0
        self._waiting: dict[int, queue.Queue] = {}
        self.errors: list[str] = []
        self.indexed = 0
        self._queued = 0
        self._done = threading.Condition()
        self._ended = False
        self._outbox: queue.Queue = queue.Queue()
        self._reader = threading.Thread(target=self._read, name="pagefind reader", daemon=True)
        self._writer = threading.Thread(target=self._write, name="pagefind writer", daemon=True)
        self._reader.start()
        self._writer.start()
        self.index_id = self._call({"type": "NewIndex", "config": config})["index_id"]

    # -- the protocol ---------------------------------------------------------------------
    def _send(self, payload: dict, reply: queue.Queue | None) -> None:
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            if reply is not None:
                self._waiting[message_id] = reply
        message = json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")
        self._outbox.put(base64.b64encode(message) + b",")

    def _call(self, payload: dict) -> dict:
        reply: queue.Queue = queue.Queue()
        self._send(payload, reply)
        try:
            answer = reply.get(timeout=self.timeout)
        except queue.Empty:
            raise PagefindError(
                f"Pagefind did not answer {payload['type']} in {self.timeout:.0f} s"
            ) from None
        if answer.get("type") == "Error":
            raise PagefindError(str(answer.get("message")))
        return answer

    def _write(self) -> None:
        stdin = self._stdin
        while (data := self._outbox.get()) is not None:
            try:
                stdin.write(data)
                if self._outbox.empty():
                    stdin.flush()
            except (BrokenPipeError, ValueError, OSError):
                return

    def _read(self) -> None:
        stdout = self._stdout
        pieces: list[bytes] = []  # the message being received (GetFiles answers run to megabytes)
        while chunk := stdout.read1(1 << 16):
            *ends, rest = chunk.split(b",")
            for end in ends:
                raw = b"".join([*pieces, end])
                pieces = []
                if raw.strip():
                    self._received(json.loads(base64.b64decode(raw)))
            pieces.append(rest)
        for reply in list(self._waiting.values()):  # the binary ended: wake every waiter
            reply.put({"type": "Error", "message": "the Pagefind process ended"})
        with self._done:
            self._ended = True
            self._done.notify_all()

    def _received(self, response: dict) -> None:
        payload = response.get("payload") or {}
        message_id = response.get("message_id")  # the id of the request this answers, as sent
        with self._lock:
            reply = self._waiting.pop(message_id, None) if isinstance(message_id, int) else None
        if reply is not None:
            reply.put(payload)
            return
        with self._done:
            if payload.get("type") == "Error":
                self.errors.append(str(payload.get("message")))
            else:
                self.indexed += 1
            self._done.notify_all()

    # -- the API ----------------------------------------------------------------------------
    def add_html_file(self, content: str, url: str) -> None:
        """Queue one page; returns at once (errors are collected in ``errors``)."""
        self._queued += 1
        self._send(
            {
                "type": "AddFile",
                "index_id": self.index_id,
                "url": url,
                "file_path": None,
                "file_contents": content,
            },
            None,
        )

    def write_files(self, output_path: Path) -> list[str]:
        """Wait for every queued page, then write the index (pagefind.js, wasm, chunks) into
        ``output_path``; returns the files' paths, relative to it, in order.

        Pagefind hands the files over and they are written here. Its own WriteFiles answers
        before its last writes reach the disk (tokio's asynchronous files), and the process ends
        at once when it is closed, so an index it wrote could be cut short: an empty
        pagefind-entry.json, a truncated pagefind.js, and a search that never answers.
        """
        with self._done:
            finished = self._done.wait_for(
                lambda: self._ended or self.indexed + len(self.errors) >= self._queued, timeout=self.timeout
            )
        if not finished or self._ended:
            raise PagefindError(f"Pagefind indexed {self.indexed} of {self._queued} pages, then stopped")
        files = self._call({"type": "GetFiles", "index_id": self.index_id}).get("files") or []
        root = output_path.resolve()
        written = []
        for file in sorted(files, key=lambda file: file["path"]):
            target = (root / file["path"]).resolve()
            if not target.is_relative_to(root):
                raise PagefindError(f"Pagefind gave a file outside its folder: {file['path']}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(file["content"]))
            written.append(target.relative_to(root).as_posix())
        return written

    def close(self) -> None:
        atexit.unregister(self.close)
        SERVE_CACHE.processes.discard(self)
        self._outbox.put(None)
        if self._process.poll() is None:
            try:
                self._stdin.close()
            except OSError:
                pass
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
