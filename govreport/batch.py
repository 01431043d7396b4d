"""Many files at once: ``parse_files`` (Python) and the machinery behind ``govreport batch``.

Inputs are files and directories; directories are searched recursively for ``*.txt``, ``*.html``,
``*.htm``, ``*.docx`` and ``*.pdf`` (hidden files and directories skipped, names sorted so runs are
reproducible). Each file is read to text by :func:`govreport.documents.document_text` (HTML
markup stripped, .docx numbering rebuilt, PDF with the ``pdf`` extra; other binary formats
refused). A page that holds several
work reports (a county portal's listing page) gives one report each (:func:`~govreport.parse_many`);
any other file gives the :func:`~govreport.parse` result of its whole text, which keeps every
character (site chrome becomes ``Boilerplate`` nodes).

With ``jobs > 1`` files are parsed in worker processes
(:class:`concurrent.futures.ProcessPoolExecutor`); results still come back in input order. A file
that cannot be read or decoded does not stop the run: its exception is yielded in place of a
report.
"""

from __future__ import annotations

import itertools
import os
import signal
import stat
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .api import parse, with_decoding
from .decode import Decoded
from .documents import HTML_SUFFIXES, document_text
from .errors import InputRefused, ParseTimeout
from .models import Report
from .split import parse_page

# multiprocessing and concurrent.futures (~8 ms to import) are imported where the workers are
# started: one file, or ``jobs=1``, never needs them (``govreport parse`` reads through here)
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "INPUT_SUFFIXES",
    "MAX_BYTES",
    "PathInput",
    "chunk_for",
    "error_message",
    "iter_input_files",
    "ordered_map",
    "parse_files",
    "parse_path",
    "read_bytes",
    "read_text",
    "resolve_jobs",
]

#: file name endings searched for in directories (compared case-insensitively)
INPUT_SUFFIXES: tuple[str, ...] = (".txt", *HTML_SUFFIXES, ".docx", ".pdf")

PathInput = str | os.PathLike[str]

T = TypeVar("T")
R = TypeVar("R")


#: the largest file read by default (``max_bytes``): far above any real report (a few MB at
#: most), low enough that a wrong path (a disk image, a video) does not exhaust memory
MAX_BYTES = 256 * 1024 * 1024


def iter_input_files(inputs: Iterable[PathInput] | PathInput, *,
                     exclude: Iterable[PathInput] = ()) -> Iterator[Path]:
    """The files named by ``inputs``: a file is taken as given (whatever its suffix), a directory
    is searched for :data:`INPUT_SUFFIXES` (hidden names skipped, names sorted, any depth).
    A sub-folder that cannot be listed is yielded itself, so that reading it fails and it is
    reported like an unreadable file; ``exclude`` (an output file, say) is never yielded. A
    path that does not exist raises :class:`FileNotFoundError` when it is reached."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    skip = {_identity(Path(p)) for p in exclude}
    skip.discard(None)
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from (f for f in _search(path) if _identity(f) not in skip)
        elif path.exists() or path.is_symlink():
            if _identity(path) not in skip:
                yield path
        else:
            raise FileNotFoundError(2, "No such file or directory", str(path))


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of ``path`` (``None`` if it does not exist): the same file under
    two names is one."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _search(root: Path) -> Iterator[Path]:
    """Depth first, in name order, without recursion (a tree thousands of folders deep)."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            yield folder  # cannot be listed: reading it reports why
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(Path(entry.path))
            elif entry.name.lower().endswith(INPUT_SUFFIXES):
                yield Path(entry.path)
        stack.extend(reversed(subfolders))


def read_bytes(path: PathInput, *, max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of a regular file (symbolic links followed), at most ``max_bytes``;
    :class:`~govreport.InputRefused` for anything else (a FIFO would block, a device may never
    end) or for a larger file."""
    name = os.fspath(path)
    st = os.stat(name)
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(name)
        except OSError as exc:
            raise InputRefused(f"{name}: a folder that cannot be listed ({exc.strerror})",
                               path=name, reason="unreadable folder") from None
        raise InputRefused(f"{name}: a folder, not a file", path=name, reason="folder")
    if not stat.S_ISREG(st.st_mode):
        raise InputRefused(f"{name}: not a regular file (a FIFO, device or socket)", path=name,
                           reason="not a regular file")
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputRefused(f"{name}: {st.st_size} bytes, more than max_bytes={max_bytes}",
                           path=name, reason="too large")
    with open(name, "rb") as f:
        data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:  # it grew while being read
        raise InputRefused(f"{name}: more than max_bytes={max_bytes} bytes", path=name,
                           reason="too large")
    return data


def read_text(path: PathInput, *, max_bytes: int | None = MAX_BYTES) -> str:
    """The text of a file: bytes decoded as by :func:`~govreport.parse` (UTF-8, BOMs, GB18030;
    :class:`~govreport.DecodeError` otherwise), HTML (``.html``/``.htm``) reduced to its text.
    Only a regular file of at most ``max_bytes`` is read (:func:`read_bytes`)."""
    return _read(path, max_bytes)[0]


def _read(path: PathInput, max_bytes: int | None) -> tuple[str, Decoded | None]:
    """The text of a file and how its bytes were decoded (``None`` when the text is not the
    bytes' own: HTML, .docx, PDF; see :mod:`govreport.documents`)."""
    return document_text(read_bytes(path, max_bytes=max_bytes), os.fspath(path))


def parse_path(path: PathInput, *, many: bool = True,
               max_bytes: int | None = MAX_BYTES) -> list[Report]:
    """The reports in one file (see the module doc): several for a page that holds several
    reports when ``many`` is true, else one. ``Report.source`` is the path as given."""
    return parse_bytes(read_bytes(path, max_bytes=max_bytes), os.fspath(path), many=many)


def parse_bytes(data: bytes, source: str, *, many: bool = True) -> list[Report]:
    """The reports in the bytes of one input named ``source`` (a file, or ``<stdin>``), read
    as :func:`govreport.documents.document_text` reads them."""
    text, info = document_text(data, source)
    reports = parse_page(text, source=source) if many else [parse(text, source=source)]
    if info is not None and len(reports) == 1 and reports[0].offset == 0:  # the whole file
        reports = [with_decoding(reports[0], info)]
    return reports


def parse_files(
    paths: Iterable[PathInput] | PathInput, *, jobs: int = 1, many: bool = True,
    max_bytes: int | None = MAX_BYTES, timeout: float | None = None,
) -> Iterator[tuple[Path, Report | Exception]]:
    """Parse many files; yield ``(path, report)`` per report, or ``(path, exception)`` for a
    file that could not be read, decoded or parsed — in input order, without stopping.

    ``paths`` are files and directories (searched recursively for :data:`INPUT_SUFFIXES`; a
    path that does not exist raises :class:`FileNotFoundError` before anything is
    parsed). A page holding several reports yields one pair per report when ``many`` is true.
    ``jobs > 1`` parses in that many worker processes (``jobs=0``: one per CPU); on platforms
    that spawn processes, call it under ``if __name__ == "__main__":``. ``timeout`` limits the
    seconds spent on one file (reading and parsing): a file that takes longer yields a
    :class:`~govreport.errors.ParseTimeout` and the run goes on (see :func:`ordered_map`).

    >>> for path, result in govreport.parse_files(["reports/"], jobs=4):  # doctest: +SKIP
    ...     if isinstance(result, Exception):
    ...         print(path, "failed:", result)
    ...     else:
    ...         print(path, result.outline())
    """
    files = list(iter_input_files(paths))
    jobs = min(resolve_jobs(jobs), max(1, len(files)))
    work = partial(parse_path, many=many, max_bytes=max_bytes)
    for path, result in ordered_map(work, files, jobs=jobs, chunksize=chunk_for(len(files), jobs),
                                    timeout=timeout):
        if isinstance(result, Exception):
            yield path, result
        else:
            for report in result:
                yield path, report


# --------------------------------------------------------------------------- worker plumbing


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a number of processes: ``0`` means one per CPU, and more than one per CPU
    are not started (they would only compete); negative is an error."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    cpus = os.cpu_count() or 1
    return min(jobs, cpus) if jobs else cpus


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], *, jobs: int = 1, chunksize: int = 1,
    timeout: float | None = None,
) -> Generator[tuple[T, R | Exception], None, None]:
    """``(item, func(item))`` in input order; an exception raised by ``func`` (or by a worker
    process dying) is yielded in place of the result. With ``jobs > 1`` the items go to the
    workers ``chunksize`` at a time (fewer round trips for many small items; an exception
    still stands for its own item) and at most ``4 * jobs`` chunks are in flight, so a long
    input does not pile up results in memory.

    ``timeout`` (seconds) limits each call of ``func``: one that runs longer is interrupted
    and yields :class:`~govreport.errors.ParseTimeout` for its item. The limit is an interval
    timer (``SIGALRM``) in the process that runs the call — a worker, or this process when
    ``jobs == 1`` and this is the main thread (from another thread one worker process is
    used); platforms without ``signal.setitimer`` (Windows) refuse a timeout with
    ``ValueError``."""
    jobs = resolve_jobs(jobs)
    if chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, not {chunksize}")
    if timeout is not None:
        if not timeout > 0:
            raise ValueError(f"timeout must be a number of seconds above 0, not {timeout}")
        if not hasattr(signal, "setitimer"):
            raise ValueError("timeout needs signal.setitimer, which this platform lacks")
        func = partial(_limited, func, timeout)
    if jobs == 1 and (timeout is None or threading.current_thread() is threading.main_thread()):
        for item in items:
            try:
                yield item, func(item)
            except Exception as exc:
                yield item, exc
        return
    import multiprocessing

    if multiprocessing.get_start_method() == "fork":
        _warm_up()  # build the parser once here; forked workers inherit it
    pool = _Pool(jobs)
    window: deque[tuple[list[T], Future[list[Any]], int]] = deque()
    run = partial(_run_chunk, func)
    it = iter(items)
    previous = _on_sigterm_exit()
    try:
        while chunk := list(itertools.islice(it, chunksize)):
            window.append((chunk, _submit(pool.executor, run, chunk), pool.generation))
            if len(window) >= 4 * jobs:
                yield from _chunk_results(pool, run, *window.popleft())
        while window:
            yield from _chunk_results(pool, run, *window.popleft())
    except BaseException:  # Ctrl-C, SIGTERM (SystemExit), an abandoned iteration
        pool.terminate()
        raise
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _on_sigterm_exit() -> Any:
    """Make SIGTERM raise ``SystemExit`` in the main thread (so the workers are stopped as on
    Ctrl-C, not left running), if it still has the default action; the previous handler, or
    ``None`` if it was left alone."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return None

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    return signal.signal(signal.SIGTERM, stop)


class _Pool:
    """The worker processes, replaced when one of them dies (the OOM killer, a crash): a
    broken pool takes no more work."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.executor = _executor(jobs)
        self.generation = 0  # how many pools were replaced

    def terminate(self) -> None:
        """Stop the workers now (what they were doing is abandoned)."""
        processes = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)

    def replace(self, generation: int) -> None:
        """A new pool, if the broken one is the current one (``generation``): chunks given
        to an earlier pool fail after it has been replaced already."""
        if generation != self.generation:
            return
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = _executor(self.jobs)
        self.generation += 1


def _executor(jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_signals)


def _worker_signals() -> None:
    """A worker takes SIGTERM's default action (it dies). A forked worker inherits the handler
    that ``ordered_map`` puts in the main process (SIGTERM → ``SystemExit``), and a worker that
    gets it while it waits on the result queue's lock (left held by a worker that was killed)
    catches the ``SystemExit`` in ``concurrent.futures`` and waits again: the pool's clean-up,
    which terminates the workers of a broken pool, then waited for it for ever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _submit(executor: ProcessPoolExecutor, run: Callable[[list[T]], list[Any]],
            chunk: list[T]) -> Future[list[Any]]:
    """``executor.submit``, or a future holding the error of a pool that broke (a worker
    died): the chunk fails, the run goes on to report it."""
    from concurrent.futures import Future

    future: Future[list[Any]]
    try:
        return executor.submit(run, chunk)
    except OSError:  # no worker could be started (a process limit): the chunk runs here
        future = Future()
        future.set_result(run(chunk))
        return future
    except Exception as exc:  # BrokenProcessPool, RuntimeError after shutdown
        future = Future()
        future.set_exception(exc)
        return future


class _Expired(BaseException):
    """Raised by the ``SIGALRM`` handler of :func:`_time_limit`: not an ``Exception``, so no
    ``except Exception`` on the way out of the interrupted call can swallow it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_Expired` in the body once ``seconds`` have passed (main thread only)."""
    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _limited(func: Callable[[T], R], seconds: float, item: T) -> R:
    """``func(item)``, or :class:`ParseTimeout` once it has run for ``seconds``. The pipeline
    is built first, untimed, once per process: an alarm inside a first-time import would leave
    a module half initialised, and every later file would fail with ``ImportError``."""
    global _WARM
    if not _WARM:
        _warm_up()
        _WARM = True
    try:
        with _time_limit(seconds):
            return func(item)
    except _Expired:
        name = os.fsdecode(item) if isinstance(item, str | os.PathLike) else repr(item)
        raise ParseTimeout(f"{name}: not done within the time limit of {seconds:g} s",
                           path=name, seconds=seconds) from None


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R | Exception]:
    """In a worker: ``func`` of each item, or the exception it raised."""
    out: list[R | Exception] = []
    for item in chunk:
        try:
            out.append(func(item))
        except Exception as exc:
            out.append(exc)
    return out


def _chunk_results(
    pool: _Pool, run: Callable[[list[T]], list[Any]], chunk: list[T], future: Future[list[Any]],
    generation: int,
) -> Iterator[tuple[T, Any]]:
    """The results of a chunk. If its worker died (or the pool had broken before it ran), the
    pool is replaced and its items run again one at a time: only an item whose own worker dies
    fails (with the pool's error), every other one still gets its result."""
    from concurrent.futures.process import BrokenProcessPool

    results = _collect(future)
    if not isinstance(results, BrokenProcessPool):
        if isinstance(results, Exception):  # the pool could not take the chunk at all
            results = [results] * len(chunk)
        yield from zip(chunk, results, strict=True)
        return
    pool.replace(generation)
    for item in chunk:
        for _attempt in range(2):
            generation = pool.generation
            result = _collect(_submit(pool.executor, run, [item]))
            if not isinstance(result, BrokenProcessPool):
                break
            # the pool broke: by this item, or by a later chunk still in it; in a fresh pool
            # this item runs alone, so a second break is its own
            pool.replace(generation)
        if isinstance(result, Exception):
            yield item, result
        else:
            yield item, result[0]


def chunk_for(n_items: int, jobs: int) -> int:
    """A chunk size for ``n_items`` on ``jobs`` workers: about 32 chunks a worker, so that the
    round trips are few and the last chunks still even out the load (1 to 16 items; with
    16 chunks a worker, one worker waiting for the other's last chunk cost ``--jobs 2`` about
    3% on the corpus ×20)."""
    return max(1, min(16, n_items // (32 * max(1, jobs))))


#: the pipeline of this process has been built (``_warm_up``)
_WARM = False


def _warm_up() -> None:
    """Build the lazily created parts of the pipeline (grammar tables, compiled patterns)."""
    parse("各位代表：\n一、2025年工作回顾\n（一）经济平稳。\n一是稳增长。\n二、2026年工作安排\n")


def _collect(future: Future[Any]) -> Any:
    """The worker's result, or the exception it raised (govreport's errors pickle whole,
    see ``GovReportError.__reduce__``), or the error of a worker that died."""
    try:
        return future.result()
    except Exception as exc:
        return exc


def error_message(exc: BaseException) -> str:
    """One line describing ``exc``: ``DecodeError: cannot decode … at byte offset 3``."""
    detail = str(exc) or repr(exc)
    if isinstance(exc, OSError) and exc.strerror:
        detail = exc.strerror  # without errno and the file name the caller already shows
    return f"{type(exc).__name__}: {' '.join(detail.split())}"
