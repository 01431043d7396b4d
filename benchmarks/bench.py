"""Benchmark govreport: throughput, the regex "limit", scaling, memory and batch parallelism.

Usage::

    python benchmarks/bench.py [--corpus DIR] [--seeds DIR] [--rounds N] [--quick]
                               [--skip stages|scaling|memory|batch]

``--corpus`` defaults to ``../shared/corpus`` (every ``*.txt`` below it) and ``--seeds`` to
``../shared/seeds`` (``$GOVREPORT_SHARED`` overrides ``../shared``). Without them the bundled
``examples/sample_report.txt`` is used, repeated to 2 MB (500 copies, each parsed as a report).

Everything is measured on the same bytes in one run. Throughput is MB/s of UTF-8 input
(1 MB = 10**6 bytes) from the best of ``--rounds`` rounds, in wall time and in CPU time of this
process: on a shared machine the two differ, and the CPU figure is the one that other processes
disturb least. This is a script, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GOVREPORT_SHARED", REPO.parent / "shared"))
SAMPLE = REPO / "examples" / "sample_report.txt"

#: The "limit": one compiled regex pass finding the candidate heading lines of a report
#: (一、 （一） (1) 1. 第一部分 at a line start). Any parser has to read the text at least once.
HEADING_LINE = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}[.．、]|第[一二三四五六七八九十]{1,3}部分)",
    re.MULTILINE,
)


def mb(nbytes: int) -> float:
    return nbytes / 1e6


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def header(title: str) -> None:
    print(f"\n== {title}")


# --------------------------------------------------------------------------- inputs


class Inputs:
    """The texts measured: the corpus, seed 001 (a listing page), seed 002 (traditional)."""

    def __init__(self, corpus: Path | None, seeds: Path | None) -> None:
        self.corpus_files: list[Path] = []
        if corpus is not None and corpus.is_dir():
            self.corpus_files = sorted(corpus.rglob("*.txt"))
        if self.corpus_files:
            self.corpus_label = f"{corpus} ({len(self.corpus_files)} files)"
            self.corpus = [p.read_text(encoding="utf-8") for p in self.corpus_files]
        else:
            sample = SAMPLE.read_text(encoding="utf-8")
            copies = max(1, 2_000_000 // utf8_len(sample))
            self.corpus_label = f"{SAMPLE.name} ×{copies} (no corpus at {corpus})"
            self.corpus = [sample] * copies
        self.seed001: str | None = None
        self.seed002: str | None = None
        if seeds is not None and seeds.is_dir():
            for path in sorted(seeds.glob("*.txt")):
                if path.name.startswith("001_"):
                    self.seed001 = path.read_text(encoding="utf-8")
                elif path.name.startswith("002_"):
                    self.seed002 = path.read_text(encoding="utf-8")
        # the report used for scaling: the corpus text nearest the median size
        by_size = sorted(self.corpus, key=len)
        self.median_report = by_size[len(by_size) // 2]


# --------------------------------------------------------------------------- timing


class Timing:
    """Best wall and best CPU seconds over the rounds (taken independently)."""

    __slots__ = ("cpu", "wall")

    def __init__(self) -> None:
        self.wall = math.inf
        self.cpu = math.inf

    def add(self, wall: float, cpu: float) -> None:
        self.wall = min(self.wall, wall)
        self.cpu = min(self.cpu, cpu)


def timed(rounds: int, fn: Callable[[], Any]) -> Timing:
    best = Timing()
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        best.add(time.perf_counter() - w0, time.process_time() - c0)
    return best


def timed_each(rounds: int, texts: Sequence[str],
               fn: Callable[[str], Any]) -> tuple[Timing, float]:
    """Best round total, and the median over texts of each text's best wall time."""
    per_text = [math.inf] * len(texts)
    total = Timing()
    for _ in range(rounds):
        wall = cpu = 0.0
        for i, text in enumerate(texts):
            w0, c0 = time.perf_counter(), time.process_time()
            fn(text)
            dw, dc = time.perf_counter() - w0, time.process_time() - c0
            wall += dw
            cpu += dc
            per_text[i] = min(per_text[i], dw)
        total.add(wall, cpu)
    return total, statistics.median(per_text)


def limit_pass(texts: Sequence[str]) -> int:
    return sum(len(HEADING_LINE.findall(t)) for t in texts)


def throughput_line(label: str, nbytes: int, t: Timing, median: float | None, count: str,
                    limit: Timing | None) -> None:
    med = f"  median {median * 1000:6.2f} ms/report" if median is not None else ""
    lim = ""
    if limit is not None:
        lim = (f"  | limit {mb(nbytes) / limit.wall:4.0f} MB/s, "
               f"parse/limit {t.wall / limit.wall:4.0f}×")
    print(f"  {label:<34s} {mb(nbytes):5.2f} MB {count:>11s}  {mb(nbytes) / t.wall:6.2f} MB/s "
          f"(CPU {mb(nbytes) / t.cpu:6.2f}){med}{lim}")


# --------------------------------------------------------------------------- sections


def cold_start(runs: int = 5) -> None:
    """Import time, first parses and the command line, each in fresh interpreters (the median
    of ``runs``): with the parser cache of ``govreport.grammar`` in place (every run but a
    first one ever) and without it (``GOVREPORT_CACHE_DIR=``)."""
    code = (
        "import time; t0 = time.perf_counter(); import govreport; t1 = time.perf_counter();"
        "govreport.parse('各位代表：\\n现在，我代表市人民政府向大会报告工作。\\n一、回顾\\n过去一年。');"
        "t2 = time.perf_counter();"
        "govreport.parse('各位代表：\\n現在，我代表市人民政府向大會報告工作。\\n一、回顧\\n過去一年。');"
        "t3 = time.perf_counter();"
        "print(f'{(t1-t0)*1000:.1f} {(t2-t1)*1000:.1f} {(t3-t2)*1000:.1f}')"
    )

    def medians(env: dict[str, str]) -> list[float] | None:
        samples = []
        for _ in range(runs):
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=False, env=env)
            if out.returncode != 0:
                print(f"  cold start failed: {out.stderr.strip()[-300:]}")
                return None
            samples.append([float(x) for x in out.stdout.split()])
        return [statistics.median(column) for column in zip(*samples, strict=True)]

    with tempfile.TemporaryDirectory() as cache:
        cached_env = {**os.environ, "GOVREPORT_CACHE_DIR": cache}
        subprocess.run([sys.executable, "-c", code], capture_output=True, check=False,
                       env=cached_env)  # writes the parser cache
        cached = medians(cached_env)
        uncached = medians({**os.environ, "GOVREPORT_CACHE_DIR": ""})
        if cached is None or uncached is None:
            return
        imp, first, second = cached
        print(f"  import govreport {imp:.0f} ms; first parse {first:.0f} ms (compiles the "
              f"extraction's patterns, loads the parser tables from the cache, loads OpenCC and "
              f"the traditional-character table); next parse (traditional) {second:.0f} ms "
              f"(median of {runs})")
        print(f"  without the parser cache (a first run ever; GOVREPORT_CACHE_DIR=): import "
              f"{uncached[0]:.0f} ms, first parse {uncached[1]:.0f} ms (builds the tables)")
        walls = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "govreport", "parse", str(SAMPLE)],
                           capture_output=True, check=False, env=cached_env)
            walls.append(time.perf_counter() - t0)
        print(f"  govreport parse examples/sample_report.txt {statistics.median(walls) * 1000:.0f} "
              f"ms wall, interpreter start included (median of {runs})")


def section_throughput(inp: Inputs, rounds: int) -> None:
    import govreport

    header("throughput (end to end, one process; wall MB/s, CPU MB/s in brackets)")
    for text in inp.corpus[:3]:
        govreport.parse(text)  # warm up: grammar, OpenCC, caches

    nbytes = sum(utf8_len(t) for t in inp.corpus)
    total, median = timed_each(rounds, inp.corpus, govreport.parse)
    limit = timed(rounds, lambda: limit_pass(inp.corpus))
    throughput_line("parse() corpus", nbytes, total, median, f"{len(inp.corpus)} reports", limit)

    if inp.seed001 is not None:
        page = inp.seed001
        n_reports = len(govreport.parse_many(page))
        t = timed(rounds, lambda: govreport.parse_many(page))
        lim = timed(rounds, lambda: limit_pass([page]))
        throughput_line("parse_many() seed 001", utf8_len(page), t, t.wall / max(1, n_reports),
                        f"{n_reports} reports", lim)
    else:
        print("  parse_many() seed 001: seeds not found, skipped")

    if inp.seed002 is not None:
        from govreport.normalize import _t2s  # the same OpenCC conversion parse() applies

        trad = "\n".join([inp.seed002] * 8)
        simp = _t2s(trad)
        t_trad = timed(rounds, lambda: govreport.parse(trad))
        t_simp = timed(rounds, lambda: govreport.parse(simp))
        simp_cpu, trad_cpu = paired_cpu(rounds, [simp], [trad], govreport.parse)
        lim = timed(rounds, lambda: limit_pass([trad]))
        throughput_line("parse() traditional (seed 002 ×8)", utf8_len(trad), t_trad, None,
                        "1 text", lim)
        throughput_line("parse() the same text in simplified", utf8_len(simp), t_simp, None,
                        "1 text", None)
        rate_trad = mb(utf8_len(trad)) / t_trad.cpu
        print(f"  traditional / simplified twin: {trad_cpu / simp_cpu:.2f}× the CPU time "
              "(timed in turn); "
              f"per MB vs the corpus: {mb(nbytes) / total.cpu / rate_trad:.2f}× slower")
    else:
        print("  traditional (seed 002): seeds not found, skipped")

    import opencc  # a dependency of govreport

    s2t = opencc.OpenCC("s2t")
    trad_corpus = [s2t.convert(t) for t in inp.corpus]
    t_tc, _ = timed_each(rounds, trad_corpus, govreport.parse)
    throughput_line("parse() corpus in traditional", sum(utf8_len(t) for t in trad_corpus),
                    t_tc, None, f"{len(trad_corpus)} reports", None)
    simp_cpu, trad_cpu = paired_cpu(rounds, inp.corpus, trad_corpus, govreport.parse)
    print(f"  traditional corpus (OpenCC s2t of each report) / corpus: "
          f"{trad_cpu / simp_cpu:.2f}× the CPU time (each report timed in both scripts in "
          f"turn, best of {rounds})")


def paired_cpu(rounds: int, first: Sequence[str], second: Sequence[str],
               fn: Callable[[str], Any]) -> tuple[float, float]:
    """Sums over text pairs of each text's best CPU time, the two texts of a pair timed one
    right after the other, so that a slow spell of a shared host slows both alike."""
    best = [[math.inf, math.inf] for _ in first]
    for _ in range(rounds):
        for i, pair in enumerate(zip(first, second, strict=True)):
            for j, text in enumerate(pair):
                c0 = time.process_time()
                fn(text)
                best[i][j] = min(best[i][j], time.process_time() - c0)
    return sum(b[0] for b in best), sum(b[1] for b in best)


def section_stages(inp: Inputs, rounds: int) -> None:
    """Where the time goes: each stage of ``parse()`` on the corpus (private APIs)."""
    header("stages of parse() on the corpus (sum over reports of each one's best CPU time)")
    try:
        import importlib

        from govreport import api, classify, extract, outline, segment

        normalize = importlib.import_module("govreport.normalize")
    except ImportError as exc:  # pragma: no cover - internals moved
        print(f"  skipped: {exc}")
        return
    totals: dict[str, float] = {}

    def run(name: str, fn: Callable[..., Any], *args: Any) -> Any:
        result = None
        best = math.inf
        for _ in range(rounds):
            c0 = time.process_time()
            result = fn(*args)
            best = min(best, time.process_time() - c0)
        totals[name] = totals.get(name, 0.0) + best
        return result

    # the outline stage uses the candidates up and the grammar stage the tokens (they let go of
    # each once used: memory): each round is given a copy of the list
    for text in inp.corpus:
        norm = run("normalize", normalize.normalize, text)
        blocks = run("segment", _segment, segment, norm.text)
        cands = run("classify", classify.classify, norm.text, blocks)
        tokens, findings = run("outline", _recover, outline, norm.text, cands)
        run("diagnostics", api._spam, norm, tokens)  # (the two parts of the stage add up)
        sections = run("grammar + transform", _build, api, norm, tokens, findings)
        run("diagnostics", api._diagnostics, norm, findings)
        run("extract", extract.extract, text, norm, sections)
    whole = sum(totals.values())
    nbytes = sum(utf8_len(t) for t in inp.corpus)
    for name, seconds in totals.items():
        print(f"  {name:<22s} {seconds * 1000:7.1f} ms  {seconds / whole * 100:4.0f}%")
    core = whole - totals["extract"]
    print(f"  {'all':<22s} {whole * 1000:7.1f} ms  = {mb(nbytes) / whole:.1f} MB/s; without "
          f"extraction {core * 1000:.1f} ms = {mb(nbytes) / core:.1f} MB/s")


def _segment(segment: Any, text: str) -> Any:
    return list(segment.segment(text))  # (blocks are made as classification reads them)


def _recover(outline: Any, text: str, cands: Any) -> Any:
    return outline.recover(text, list(cands))  # a copy: recover lets go of the candidates


def _build(api: Any, norm: Any, tokens: Any, findings: Any) -> Any:
    # copies: _build appends to findings and lets go of the tokens
    return api._build(norm, list(tokens), list(findings))


def one_line(text: str) -> str:
    """A report as run-on text: its lines joined into one line."""
    return "".join(line.strip() for line in text.split("\n"))


def scaling_row(label: str, make: Callable[[int], str], sizes: Sequence[int],
                rounds: int, run: Callable[[str], Any] | None = None) -> None:
    """Time ``run`` (default ``govreport.parse``) on ``make(k)`` for each size ``k``."""
    import govreport

    times = []
    for k in sizes:
        text = make(k)
        t = timed(rounds, functools.partial(run or govreport.parse, text))
        times.append(t.cpu)
        print(f"  {label:<36s} ×{k:<3d} {len(text):>10,d} chars {t.wall * 1000:8.1f} ms "
              f"(CPU {t.cpu * 1000:8.1f} ms)")
    ratios = [
        (b / a) ** (1 / math.log2(sizes[i + 1] / sizes[i]))
        for i, (a, b) in enumerate(itertools.pairwise(times))
    ]
    steps = ", ".join(f"×{sizes[i]}→×{sizes[i + 1]}: {r:.2f}" for i, r in enumerate(ratios))
    overall = ""
    if len(ratios) > 1:
        rate = (times[-1] / times[0]) ** (1 / math.log2(sizes[-1] / sizes[0]))
        overall = f"; overall {rate:.2f}"
    print(f"  {'':<36s} CPU time ratio per doubling {steps}{overall} (linear = 2.00)")


#: the worst inputs of issue 8 (reliability), at full size; ``n`` scales them down
HOSTILE: tuple[tuple[str, Callable[[int], str], int], ...] = (
    ("lines of 一、", lambda n: "一、\n" * n, 50_000),
    ("numeral soup 一二三四五六七八九十、", lambda n: "一二三四五六七八九十、" * n, 50_000),
    ("nested brackets (…(…)…)", lambda n: "(" * n + ")" * n, 100_000),
    ("经(jīng) repeated", lambda n: "经(jīng)" * n, 100_000),
    ("single line of 经", lambda n: "经" * n, 2_000_000),
)


def _outline_view(text: str) -> str:
    import govreport
    from govreport.render import outline

    return outline(govreport.parse(text))


def _markdown(text: str) -> str:
    import govreport
    from govreport.render import markdown

    return markdown(govreport.parse(text))


def _html(text: str) -> str:
    from govreport.html import html_to_text

    return html_to_text(text)


def _county_names(n: int) -> str:
    """The opening formula, then ``n`` distinct praised names 美丽XY县 (X, Y from a fixed set)."""
    han = [chr(0x4E00 + 7 * i) for i in range(400)]
    names = (f"美丽{han[k // 400 % 400]}{han[k % 400]}县" for k in range(n))
    return "现在，我代表县人民政府向大会报告工作。\n" + "".join(names) + "\n"


#: the worst inputs of issue 14 (hostile input, round two), at full size: label, input for
#: size n, n, what is timed (None: parse)
HOSTILE_2: tuple[tuple[str, Callable[[int], str], int, Callable[[str], Any] | None], ...] = (
    ("letters in a target statement",
     lambda n: "一、2025年工作安排\n今年主要预期目标是：" + "a" * n, 256_000, None),
    ("outline view, a warning per part",
     lambda n: "2025年工作安排\n我们要做好工作，继续努力。\n" * n, 20_000, _outline_view),
    ("praised county names 美丽XY县", _county_names, 32_000, None),
    ("markdown of short paragraphs", lambda n: "字。\n\n" * n, 400_000, _markdown),
    ("html: <svg>×n </x>×n", lambda n: "<svg>" * n + "</x>" * n, 72_000, _html),
    *((f"html: {opener}×n", lambda n, o=opener: o * n, 2_000_000 // len(opener), _html)
      for opener in ("<a", "<!--", "<![CDATA[", "<?", "</")),
)


def _scan_values(text: str) -> Any:
    """Every item of ``text``, and the keyed ones (``quantities.scan_items``: the value runs of
    ``numbers.VALUE_RUN`` and the words before them)."""
    from govreport.quantities import scan_items

    return scan_items(text, 0, len(text)), scan_items(text, 0, len(text), keyed_only=True)


#: the worst inputs of the value grammar (``govreport/numbers.py``): long runs of what a value
#: is made of, scanned by the item scan and parsed inside a target statement
_STATEMENT = "一、2025年工作安排\n今年主要预期目标是：地区生产总值增长"
HOSTILE_NUMBERS: tuple[tuple[str, Callable[[int], str], int, Callable[[str], Any] | None],
                       ...] = (
    *((label, make, n, _scan_values) for label, make, n in (
        ("百分之 repeated", lambda n: "百分之" * n, 80_000),
        ("Chinese digits, then %", lambda n: "一" * n + "%", 200_000),
        ("digits, then spaces", lambda n: "8" * n + " " * (n // 50), 200_000),
        ("一点 repeated", lambda n: "一点" * n, 100_000),
        ("百分之八至 repeated", lambda n: "百分之八至" * n, 40_000),
        ("保8 repeated", lambda n: "保8" * n, 100_000),
        ("8 - repeated", lambda n: "8 - " * n, 50_000),
    )),
    ("百分之 in a target statement", lambda n: _STATEMENT + "百分之" * n, 80_000, None),
    ("Chinese digits in a target statement", lambda n: _STATEMENT + "一" * n + "%", 200_000,
     None),
)


def section_scaling(inp: Inputs, rounds: int, quick: bool) -> None:
    header("scaling (a report as run-on text, one line; k copies concatenated)")
    report = one_line(inp.median_report)
    scaling_row("run-on report", lambda k: report * k, (1, 4, 16), max(1, rounds // 2))

    header("worst inputs of issue 8 (¼ size, then full size)")
    big_line = report * (2_000_000 // len(report) + 1)
    rows = [*HOSTILE, ("2,000,000-char single line (report)", lambda n: big_line[:n], 2_000_000)]
    for label, make, n in rows:
        if quick:
            n //= 4
        scaling_row(label, lambda k, make=make, n=n: make(n * k // 4),  # type: ignore[misc]
                    (1, 4), 1)

    for title, group in (
            ("worst inputs of issue 14 (¼ size, then full size; parse and what is named)",
             HOSTILE_2),
            ("worst inputs of the value grammar (¼ size, then full size; the item scan, parse)",
             HOSTILE_NUMBERS)):
        header(title)
        for label, make, n, run in group:
            if quick:
                n //= 4
            scaling_row(label, lambda k, make=make, n=n: make(n * k // 4),  # type: ignore[misc]
                        (1, 4), 1, run)


def section_memory(inp: Inputs) -> None:
    import govreport

    header("peak memory (tracemalloc: Python allocations during one parse, result kept)")

    def peak(fn: Callable[[], Any]) -> int:
        gc.collect()
        tracemalloc.start()
        result = fn()
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del result
        return top

    ratios = []
    for text in inp.corpus[:40]:
        ratios.append((peak(functools.partial(govreport.parse, text)) / utf8_len(text), text))
    worst, worst_text = max(ratios, key=lambda r: r[0])
    print(f"  corpus reports: median {statistics.median(r for r, _ in ratios):.1f}×, "
          f"worst {worst:.1f}× input size (UTF-8 bytes; {utf8_len(worst_text):,d} B report)")
    if inp.seed001 is not None:
        page = inp.seed001
        ratio = peak(lambda: govreport.parse_many(page)) / utf8_len(page)
        print(f"  parse_many() seed 001: {ratio:.1f}×")
    big = one_line(inp.median_report) * 16
    print(f"  16× run-on report ({utf8_len(big):,d} B): "
          f"{peak(lambda: govreport.parse(big)) / utf8_len(big):.1f}×")
    # issue 14, item 7: the cost per block, on texts of tiny lines (about 1 MB each)
    for line in TINY_LINES:
        text = line * (1_000_000 // utf8_len(line))
        print(f"  {line!r} × {1_000_000 // utf8_len(line):,d}: "
              f"{peak(lambda text=text: govreport.parse(text)) / utf8_len(text):.1f}×")


#: lines repeated into the tiny-paragraph inputs of the memory section: runs of one- or
#: two-character lines (joined into one paragraph by normalize), then the shortest lines that
#: stay paragraphs of their own, ASCII and Han, a heading numeral alone (never joined), a part
#: title per paragraph, and a numbered heading per line
TINY_LINES = ("字\n\n", "a\n", "字字\n", "aaa\n", "字字字\n", "我们要做好工作。\n", "1.\n",
              "2025年工作安排\n我们要做好工作，继续努力。\n", "一、工作安排\n")


def _batch_command() -> list[str] | None:
    """The ``govreport batch`` command if the CLI has it, else ``None``."""
    exe = shutil.which("govreport")
    base = [exe] if exe else [sys.executable, "-m", "govreport"]
    try:
        out = subprocess.run([*base, "batch", "--help"], capture_output=True, text=True,
                             timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0 or "--jobs" not in out.stdout:
        return None
    return [*base, "batch"]


def section_batch(inp: Inputs, copies: int, rounds: int = 3) -> None:
    header(f"govreport batch --jobs 1 vs --jobs 2 (the corpus ×{copies}; wall time of the "
           f"command, best of {rounds}, the two interleaved)")
    cmd = _batch_command()
    if cmd is None:
        print("  not available yet: the `govreport batch` CLI (govreport/cli.py) has no "
              "`batch --jobs` subcommand in this checkout")
        return
    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        nbytes = 0
        for k in range(copies):  # the corpus ×copies, so that parsing outweighs start-up
            for i, text in enumerate(inp.corpus):
                path = src / f"{k:03d}_{i:04d}.txt"
                path.write_text(text, encoding="utf-8")
                nbytes += utf8_len(text)
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("各位代表：\n一、回顾\n过去一年，经济平稳。\n", encoding="utf-8")

        def run(jobs: int, target: Path) -> tuple[float, float] | None:
            """Wall seconds of the command and CPU seconds of its processes."""
            out = Path(tmp) / f"out{jobs}.jsonl"
            args = [*cmd, "--jobs", str(jobs), "--progress", "never", "--out", str(out),
                    str(target)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(args, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode not in (0, 1):
                print(f"  --jobs {jobs} failed ({proc.returncode}): {' '.join(args)}\n"
                      f"  {proc.stderr.strip()[-400:]}")
                return None
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            return seconds, cpu

        times = {1: (math.inf, 0.0), 2: (math.inf, 0.0)}
        ratios = []  # per round: a noisy host moves both runs of a round alike
        for _ in range(rounds):
            walls = {}
            for jobs in (1, 2):
                result = run(jobs, src)
                if result is None:
                    return
                times[jobs] = min(times[jobs], result)
                walls[jobs] = result[0]
            ratios.append(walls[1] / walls[2])
        startup = min((run(1, tiny) or (math.inf, 0.0))[0] for _ in range(2))
        n_files = copies * len(inp.corpus)
        for jobs, (t, cpu) in times.items():
            print(f"  --jobs {jobs}: {t:6.2f} s for {n_files} files, {mb(nbytes):.1f} MB "
                  f"({mb(nbytes) / t:.1f} MB/s, with start-up and writing JSON Lines); "
                  f"CPU {cpu:.2f} s, {cpu / t:.2f} cores busy on average")
        times = {jobs: (t, 0.0) for jobs, (t, _) in times.items()}
        one, two = times[1][0], times[2][0]
        print(f"  speed-up --jobs 2 over --jobs 1: {one / two:.2f}× (start-up, one tiny file: "
              f"{startup:.2f} s; without it {(one - startup) / max(1e-9, two - startup):.2f}×)")
        print(f"  per round: {', '.join(f'{r:.2f}×' for r in ratios)} "
              f"(median {statistics.median(ratios):.2f}×)")
        if os.getloadavg()[0] > 0.5:
            print("  (other processes were running: fewer than 2 cores were free for --jobs 2)")


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus",
                        help="directory of report .txt files (default: ../shared/corpus)")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds",
                        help="directory holding seed 001 and 002 (default: ../shared/seeds)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds per measurement")
    parser.add_argument("--batch-copies", type=int, default=20,
                        help="copies of the corpus given to `govreport batch` (default 20)")
    parser.add_argument("--batch-rounds", type=int, default=3,
                        help="rounds of `govreport batch --jobs 1` and `--jobs 2` (default 3)")
    parser.add_argument("--quick", action="store_true",
                        help="2 rounds, quarter-size hostile inputs, small batch")
    parser.add_argument("--skip", action="append", default=[],
                        choices=["stages", "scaling", "memory", "batch"],
                        help="leave a section out (repeatable)")
    args = parser.parse_args(argv)
    rounds = 2 if args.quick else args.rounds

    import lark

    import govreport

    inp = Inputs(args.corpus, args.seeds)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"govreport {govreport.__version__} benchmark — Python {platform.python_version()}, "
          f"lark {lark.__version__}, {os.cpu_count()} CPUs, load average {load}, "
          f"{time.strftime('%Y-%m-%d %H:%M')}")
    print(f"corpus: {inp.corpus_label}, {mb(sum(utf8_len(t) for t in inp.corpus)):.2f} MB "
          f"UTF-8; best of {rounds} rounds")
    header("cold start")
    cold_start()
    section_throughput(inp, rounds)
    if "stages" not in args.skip:
        section_stages(inp, rounds)
    if "scaling" not in args.skip:
        section_scaling(inp, rounds, args.quick)
    if "memory" not in args.skip:
        section_memory(inp)
    if "batch" not in args.skip:
        section_batch(inp, 2 if args.quick else args.batch_copies,
                      1 if args.quick else args.batch_rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
