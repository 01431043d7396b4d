"""``govreport.parse_files`` and the pieces behind ``govreport batch``: input discovery, reading
(decoding, HTML stripping), the ordered process pool and its error transport."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

import govreport
from govreport import DecodeError, InputRefused, ParseTimeout, Report
from govreport.batch import (
    chunk_for,
    error_message,
    iter_input_files,
    ordered_map,
    read_text,
    resolve_jobs,
)
from govreport.html import html_to_text

from .reports import EXAMPLE

SAMPLE = EXAMPLE.read_text(encoding="utf-8")
UNDECODABLE = b"abc\xff\xfe\xfa"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name, data in {
        "b.txt": SAMPLE.encode(), "a.HTML": "".join(f"<p>{line}</p>" for line in SAMPLE.splitlines()).encode(),
        "z/bad.txt": UNDECODABLE, "z/two.txt": (SAMPLE + "\n" + SAMPLE).encode(),
        "z/c.htm": b"<p>x</p>", "notes.md": b"no", ".git/x.txt": b"hidden",
        ".hidden.txt": b"hidden",
    }.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


def names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_directories_are_searched_recursively_in_sorted_order(tree: Path) -> None:
    found = list(iter_input_files([tree]))
    assert names(found, tree) == ["a.HTML", "b.txt", "z/bad.txt", "z/c.htm", "z/two.txt"]


def test_files_are_taken_as_given_and_missing_ones_raise(tree: Path) -> None:
    assert list(iter_input_files(tree / "notes.md")) == [tree / "notes.md"]
    with pytest.raises(FileNotFoundError) as info:
        list(iter_input_files([tree / "b.txt", tree / "missing.txt"]))
    assert info.value.filename == str(tree / "missing.txt")


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_files_yields_reports_and_errors_in_input_order(tree: Path, jobs: int) -> None:
    results = list(govreport.parse_files([tree], jobs=jobs))
    assert names([p for p, _ in results], tree) == [
        "a.HTML", "b.txt", "z/bad.txt", "z/c.htm", "z/two.txt", "z/two.txt"]
    error = results[2][1]
    assert isinstance(error, DecodeError), "the exception type survives the worker process"
    assert error.offset == 3
    assert error.encodings
    reports = [r for _, r in results if isinstance(r, Report)]
    assert [r.source for r in reports] == [str(p) for p, r in results if isinstance(r, Report)]
    two = reports[-2:]
    assert [r.offset for r in two] == [0, len(SAMPLE) + 1], "a page with two reports gives two"
    assert reports[0].outline() == govreport.parse(SAMPLE).outline()


def test_parse_files_without_splitting_pages(tree: Path) -> None:
    results = list(govreport.parse_files(tree / "z" / "two.txt", many=False))
    assert len(results) == 1
    report = results[0][1]
    assert isinstance(report, Report)
    assert report.text == SAMPLE + "\n" + SAMPLE


def test_a_single_report_file_is_parsed_whole(tree: Path) -> None:
    """A file holding one report is parsed as a whole (parse()), chrome and title included."""
    page = tree / "page.txt"
    page.write_text("首页 > 政务公开 > 政府工作报告\n" + SAMPLE, encoding="utf-8")
    [(_, report)] = list(govreport.parse_files(page))
    assert isinstance(report, Report)
    assert report == govreport.parse(page.read_text(encoding="utf-8"), source=str(page))


def test_parse_files_missing_path_raises_before_parsing(tree: Path) -> None:
    with pytest.raises(FileNotFoundError):
        next(govreport.parse_files([tree / "b.txt", tree / "nope"]))


def test_negative_jobs_are_refused(tree: Path) -> None:
    with pytest.raises(ValueError, match="jobs"):
        next(govreport.parse_files(tree / "b.txt", jobs=-1))


def _explode(n: int) -> int:
    if n == 3:
        raise OSError(5, "Input/output error")
    return n * n


@pytest.mark.parametrize(("jobs", "chunksize"), [(1, 1), (2, 1), (2, 3), (2, 50)])
def test_ordered_map_keeps_order_and_returns_exceptions(jobs: int, chunksize: int) -> None:
    results = list(ordered_map(_explode, range(20), jobs=jobs, chunksize=chunksize))
    assert [item for item, _ in results] == list(range(20))
    assert [r for item, r in results if item != 3] == [n * n for n in range(20) if n != 3]
    error = results[3][1]
    assert isinstance(error, OSError)
    assert error_message(error) == "OSError: Input/output error"


def _die(n: int) -> int:
    if n == 4:
        os._exit(1)  # the worker process dies: no exception to send back
    return n


def test_ordered_map_a_dying_worker_fails_only_its_own_item() -> None:
    """A worker that dies (issue 14, item 15: the OOM killer) breaks the pool: the pool is
    replaced and the items that were not done are run again, so only the item whose worker
    died fails; nothing is lost and the iteration ends normally."""
    results = list(ordered_map(_die, range(80), jobs=2, chunksize=3))
    assert [item for item, _ in results] == list(range(80))
    failed = [item for item, r in results if isinstance(r, Exception)]
    assert failed == [4]
    assert [r for item, r in results if item != 4] == [n for n in range(80) if n != 4]


def _killed(n: int) -> int:
    if n in (10, 50):
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def test_ordered_map_survives_workers_killed_twice() -> None:
    results = list(ordered_map(_killed, range(80), jobs=2, chunksize=4))
    assert [item for item, r in results if isinstance(r, Exception)] == [10, 50]
    assert len(results) == 80


def _slow(n: int) -> int:
    """Item 2 sleeps far past the limit; an ``except Exception`` on the way cannot stop the
    time limit from ending it."""
    if n == 2:
        try:
            time.sleep(60)
        except Exception:
            return -1
    return n


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer (POSIX)")
@pytest.mark.parametrize(("jobs", "chunksize"), [(1, 1), (2, 1), (2, 3)])
def test_ordered_map_timeout_fails_only_the_slow_item(jobs: int, chunksize: int) -> None:
    """Issue 14, item 13: one item that takes too long is that item's error
    (ParseTimeout), the others still get their results and the run goes on."""
    results = list(ordered_map(_slow, range(6), jobs=jobs, chunksize=chunksize, timeout=0.5))
    assert [item for item, _ in results] == list(range(6))
    error = results[2][1]
    assert isinstance(error, ParseTimeout)
    assert isinstance(error, TimeoutError)
    assert error.seconds == 0.5
    assert "time limit of 0.5 s" in str(error)
    assert [r for item, r in results if item != 2] == [0, 1, 3, 4, 5]
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)  # left as it was


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer (POSIX)")
def test_ordered_map_timeout_from_another_thread_runs_in_a_worker() -> None:
    results: list[tuple[int, object]] = []
    thread = threading.Thread(
        target=lambda: results.extend(ordered_map(_slow, range(4), jobs=1, timeout=0.5)))
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    assert [item for item, _ in results] == [0, 1, 2, 3]
    assert isinstance(results[2][1], ParseTimeout)
    assert [r for _, r in results[:2]] == [0, 1]


@pytest.mark.parametrize("timeout", [0, -1.0, float("nan")])
def test_ordered_map_refuses_a_timeout_not_above_0(timeout: float) -> None:
    with pytest.raises(ValueError, match="timeout"):
        next(ordered_map(_explode, range(3), timeout=timeout))


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer (POSIX)")
def test_parse_files_timeout_is_the_files_error(tmp_path: Path) -> None:
    """A file too long for the limit fails alone; with a generous limit it parses."""
    big = tmp_path / "big.txt"
    big.write_text(EXAMPLE.read_text(encoding="utf-8") * 400, encoding="utf-8")
    (tmp_path / "small.txt").write_text("各位代表：\n", encoding="utf-8")
    results = list(govreport.parse_files(tmp_path, timeout=0.01))
    assert [path.name for path, _ in results] == ["big.txt", "small.txt"]
    error = results[0][1]
    assert isinstance(error, ParseTimeout)
    assert error.path == os.fspath(big)
    ok = list(govreport.parse_files(tmp_path, timeout=600))
    assert all(isinstance(r, Report) for _, r in ok)


def test_ordered_map_refuses_a_chunksize_below_1() -> None:
    with pytest.raises(ValueError, match="chunksize"):
        next(ordered_map(_explode, range(3), jobs=2, chunksize=0))


@pytest.mark.parametrize(("n", "jobs", "size"), [(0, 2, 1), (16, 2, 1), (320, 2, 5),
                                                 (10_000, 2, 16), (320, 1, 10),
                                                 (1024, 1, 16)])
def test_chunk_for(n: int, jobs: int, size: int) -> None:
    assert chunk_for(n, jobs) == size


def test_read_text_decodes_and_strips_html(tree: Path) -> None:
    assert read_text(tree / "b.txt") == SAMPLE
    gbk = tree / "gbk.txt"
    gbk.write_bytes(SAMPLE.encode("gb18030"))
    assert read_text(gbk) == SAMPLE
    assert read_text(tree / "a.HTML") == SAMPLE.strip() + "\n"
    with pytest.raises(DecodeError):
        read_text(tree / "z" / "bad.txt")


def test_error_message_is_one_line() -> None:
    exc = ValueError("first line\n  second line")
    assert error_message(exc) == "ValueError: first line second line"
    assert error_message(FileNotFoundError(2, "No such file or directory", "x.txt")) == (
        "FileNotFoundError: No such file or directory")


# --------------------------------------------------------------------------- HTML


def test_html_blocks_become_lines_and_inline_elements_do_not() -> None:
    page = ("<html><body><h1>标题</h1><p>第一段<b>加粗</b>文字，<a href='#'>链接</a>。</p>"
            "<div>甲<br>乙<br/>丙</div><ul><li>一</li><li>二</li></ul></body></html>")
    assert html_to_text(page) == "标题\n第一段加粗文字，链接。\n甲\n乙\n丙\n一\n二\n"


def test_html_scripts_styles_head_and_comments_are_dropped_the_title_kept() -> None:
    page = ("<!DOCTYPE html><html><head><title>页面标题</title><meta charset='utf-8'>"
            "<style>p { color: red }</style></head><body><script>var s = '<p>不要</p>';</script>"
            "<noscript>请启用</noscript><!-- 注释 --><p>正文</p><template><p>模板</p></template>"
            "</body></html>")
    assert html_to_text(page) == "页面标题\n正文\n"  # the page's <title> first, for metadata
    assert html_to_text("<title>一</title><title>二</title><svg><title>图标</title></svg>"
                        "<p>正文</p>") == "一\n正文\n"


def test_html_entities_and_whitespace() -> None:
    page = "<p>A &amp; B&nbsp;C &#x4E00;&lt;二&gt;</p><p>  很长的\n   一行  文字 and\n  more  </p>"
    assert html_to_text(page) == "A & B\xa0C 一<二>\n很长的一行 文字 and more\n"


def test_html_pre_keeps_lines_and_tables_keep_cells_apart() -> None:
    page = "<pre>一、标题\n  正文</pre><table><tr><td>指标</td><td>5%</td></tr></table>"
    assert html_to_text(page) == "一、标题\n  正文\n指标 5%\n"


def test_html_unclosed_head_ends_at_body() -> None:
    assert html_to_text("<head><title>x<body><p>正文</p>") == "x\n正文\n"
    assert html_to_text("") == ""
    with pytest.raises(TypeError):
        html_to_text(["<p>x</p>"])  # type: ignore[arg-type]


def test_a_report_in_html_parses_like_the_text() -> None:
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in SAMPLE.splitlines()) + "</body>"
    assert govreport.parse(html_to_text(page)).outline() == govreport.parse(SAMPLE).outline()


def test_parse_files_accepts_os_pathlike(tree: Path) -> None:
    class Custom(os.PathLike[str]):
        def __fspath__(self) -> str:
            return str(tree / "b.txt")

    [(path, report)] = list(govreport.parse_files([Custom()]))
    assert path == tree / "b.txt"
    assert isinstance(report, Report)


# --------------------------------------------------------------------------- issue 14, 13-18


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block for ever
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")  # reading it would never end
    (tmp_path / "ok.txt").write_text(SAMPLE, encoding="utf-8")
    results = dict(govreport.parse_files([tmp_path]))
    assert isinstance(results[tmp_path / "ok.txt"], Report)
    for path in (fifo, zero):
        error = results[path]
        assert isinstance(error, InputRefused)
        assert error.reason == "not a regular file"
        assert isinstance(error, OSError)


def test_a_file_over_max_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(InputRefused) as info:
        read_text(path, max_bytes=size - 1)
    assert info.value.reason == "too large"
    assert read_text(path, max_bytes=size) == SAMPLE
    assert read_text(path, max_bytes=None) == SAMPLE


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(SAMPLE, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any folder (root)")
        results = dict(govreport.parse_files([tmp_path]))
        assert isinstance(results[locked], InputRefused)
        assert results[locked].reason == "unreadable folder"
        assert isinstance(results[tmp_path / "ok.txt"], Report)
    finally:
        locked.chmod(0o755)


def test_a_folder_tree_thousands_deep(tmp_path: Path) -> None:
    folders = [tmp_path]
    for _ in range(1100):  # os.walk recursed once per level (so do os.makedirs and rmtree)
        folders.append(folders[-1] / "d")
        folders[-1].mkdir()
    (folders[-1] / "x.txt").write_text("字", encoding="utf-8")
    try:
        assert list(iter_input_files(tmp_path)) == [folders[-1] / "x.txt"]
    finally:  # removed here, bottom up: pytest's clean-up of old temporary folders recurses
        (folders[-1] / "x.txt").unlink()
        for folder in reversed(folders[1:]):
            folder.rmdir()


def test_an_excluded_file_is_not_an_input(tree: Path) -> None:
    found = names(list(iter_input_files(tree, exclude=[tree / "z" / "two.txt"])), tree)
    assert "z/two.txt" not in found
    assert "b.txt" in found


def test_more_jobs_than_cpus_are_not_started() -> None:
    assert resolve_jobs(1000) == (os.cpu_count() or 1)
    assert resolve_jobs(1) == 1


def _sigterm_is_default(n: int) -> bool:
    return signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_workers_die_on_sigterm() -> None:
    """The workers take SIGTERM's default action, not the main process's handler (SIGTERM →
    SystemExit) that they inherit by fork: a worker that got it while waiting on the result
    queue's lock, which a killed worker had left held, caught the SystemExit in
    concurrent.futures and waited again, and the pool's clean-up (it terminates the workers of
    a broken pool) waited for it for ever — the suite hung in
    ``test_ordered_map_survives_workers_killed_twice`` now and then."""
    results = list(ordered_map(_sigterm_is_default, range(4), jobs=2))
    assert [r for _, r in results] == [True] * 4
