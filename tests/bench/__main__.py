"""Kring's benchmark: `make bench` (or `.venv/bin/python -m tests.bench`). See BENCHMARKS.md.

For SQLite (a temporary file) and then PostgreSQL (a fresh schema, dropped afterwards) it measures

1. commands per second through a real gunicorn server on 127.0.0.1 (add contact / assess tie / assign role
   over 50 networks, 4 client threads), with p50/p95 latency - the web app alone (services.web:create_app()),
   and, on a second fresh store, as `make run` ships it (scheduler.wsgi:app, projections running inline);
2. the same commands straight on the Kring application object (get, one event, save), 1 and 4 threads,
   and the ratio HTTP / direct (target: the API keeps at least half the direct rate);
3. the cost of one command on a network with 50 events and on one with 5,000 events (target: at most 2x),
   and, for comparison, on one with 5,000 events whose state does not grow (tie re-assessments only);
4. the read side (tests/bench/readside.py) and reminders (tests/bench/reminders.py);
5. the web pages of a 60-contact network, through the whole app in-process (tests/bench/webpages.py;
   target: under 200 ms).

Rates are measured in 3 trials, interleaved (direct 1 thread, direct 4 threads, HTTP, then again), and the
median trial counts. It is a report, not a test: it prints PASS or MISS against the targets and exits 0
either way (non-zero only when the benchmark itself fails). Bounded, loopback only, cleans up after itself.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from services.application.kring import Kring
from tests.bench import access, direct, http_load, readside, reminders, webpages
from tests.bench.direct import History, HistoryRun
from tests.bench.mix import Rate, percentile
from tests.bench.stores import Store, interferes, postgres_reachable, postgres_store, sqlite_store

API_TARGET = 0.5  # the API keeps at least half the direct rate
HISTORY_TARGET = 2.0  # a command on a long history costs at most twice one on a short history
STARTED = time.perf_counter()


@dataclass
class Series:
    """The trials of one way of running the commands."""

    label: str
    trials: list[Rate] = field(default_factory=list)
    broken: str | None = None  # why the trials stopped, when the server could not even open networks

    @property
    def per_second(self) -> float:
        return statistics.median(t.per_second for t in self.trials) if self.trials else 0.0

    @property
    def spread(self) -> str:
        rates = [t.per_second for t in self.trials] or [0.0]
        return f"{min(rates):.0f}-{max(rates):.0f}"

    @property
    def latencies(self) -> list[float]:
        return [x for t in self.trials for x in t.latencies]

    @property
    def count(self) -> int:
        return sum(t.count for t in self.trials)

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")

    @property
    def p95_ms(self) -> float:
        return percentile(self.latencies, 0.95) * 1000 if self.latencies else float("nan")

    def cpu_ms(self, which: str) -> float | None:
        """CPU milliseconds per command of this process ('own') or of the server ('server')."""
        used = [getattr(t, f"{which}_cpu") for t in self.trials]
        if not used or any(u is None for u in used):
            return None
        return sum(used) / len(self.latencies) * 1000

    @property
    def gave_up(self) -> bool:
        return self.broken is not None or any(t.gave_up for t in self.trials)

    @property
    def refused(self) -> int:
        return sum(t.refused for t in self.trials)

    @property
    def first_refusal(self) -> str | None:
        return next((t.first_refusal for t in self.trials if t.first_refusal), None)

    def warning(self) -> str | None:
        """A line on refused commands, if there were any."""
        if self.broken:
            return f"!! {self.label}: stopped, the server refused to open networks: {self.broken}"
        if not self.refused:
            return None
        stopped = sum(t.gave_up for t in self.trials)
        early = f"; {stopped} of {len(self.trials)} trials stopped early" if stopped else ""
        return f"!! {self.label}: {self.refused} commands refused{early}. First: {self.first_refusal}"


@dataclass
class Result:
    store: str
    http: Series = field(default_factory=lambda: Series("HTTP"))
    shipped: Series = field(default_factory=lambda: Series("HTTP as shipped"))
    direct: list[Series] = field(default_factory=list)
    history: list[HistoryRun] = field(default_factory=list)

    @property
    def best_direct(self) -> Series:
        return max(self.direct, key=lambda series: series.per_second)

    @property
    def api_ratio(self) -> float:
        return self.http.per_second / self.best_direct.per_second

    @property
    def shipped_ratio(self) -> float:
        return self.shipped.per_second / self.best_direct.per_second

    @property
    def history_ratio(self) -> float:
        """Long history (notes piling up in the state) over short history: what the target is about."""
        small, big = self.history[0], self.history[1]
        return big.command.p50_ms / small.command.p50_ms

    @property
    def ties_only_ratio(self) -> float:
        """Long history whose state stays small over short history: history length alone."""
        return self.history[2].command.p50_ms / self.history[0].command.p50_ms


def say(message: str) -> None:
    print(f"[{time.perf_counter() - STARTED:6.1f}s] {message}", flush=True)


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def rate_line(rate: Rate) -> str:
    line = (
        f"{rate.label:<24} {rate.count:>5} commands in {rate.seconds:5.2f}s = {rate.per_second:6.1f}/s"
        f"   p50 {rate.p50_ms:6.2f} ms   p95 {rate.p95_ms:6.2f} ms"
    )
    if rate.refused:
        line += f"   !! {rate.refused} REFUSED" + (" (stopped early)" if rate.gave_up else "")
    return line


def bench_store(make_store: Callable[[], AbstractContextManager[Store]], args: argparse.Namespace) -> Result:
    with make_store() as store:
        result = Result(store.label)
        print(f"\n=== {store.label} ===", flush=True)
        app = Kring(store.settings)
        try:
            api_vs_direct(result, app, store, args)
            histories = [History(args.small), History(args.big), History(args.big, notes=False)]
            names = ", ".join(h.label for h in histories)
            say(f"{store.label}: history: building networks ({names}), then {args.commands} notes on each")
            result.history = direct.time_commands(app, histories, args.commands)
            for run in result.history:
                p50, p95 = run.command.p50_ms, run.command.p95_ms
                say(f"  {run.history.label:<24} command p50 {p50:.2f} ms, p95 {p95:.2f} ms")
        finally:
            app.close()
    with make_store() as fresh:  # its own store: the projections start from an empty log
        as_shipped(result, fresh, args)
    report_store(result)
    return result


def api_vs_direct(result: Result, app: Kring, store: Store, args: argparse.Namespace) -> None:
    """Trials of direct (1 thread, N threads) and HTTP, interleaved, fresh networks for each."""
    total = args.networks * args.rounds
    result.http = Series(f"HTTP (web app), {args.threads} clients")
    result.direct = [Series("direct, 1 thread"), Series(f"direct, {args.threads} threads")]
    say(f"{store.label}: starting gunicorn {http_load.API_ONLY} (1 worker, {store.server_threads} threads)")
    with http_load.running_server(store, http_load.API_ONLY) as server:
        say(f"  {server.base} answers /api/health")
        for trial in range(1, args.trials + 1):
            say(f"{store.label}: trial {trial}/{args.trials}: {args.networks} fresh networks, {total} commands each")
            for series, threads in zip(result.direct, (1, args.threads), strict=True):
                ids = direct.open_networks(app, args.networks)
                series.trials.append(direct.drive(app, ids, args.rounds, threads))
                say("  " + rate_line(series.trials[-1]))
            if not result.http.gave_up:  # once the server keeps refusing, more trials only add time-outs
                http_trial(result.http, server, args)
    say("  server stopped")


def as_shipped(result: Result, store: Store, args: argparse.Namespace) -> None:
    """HTTP trials against what `make run` starts: the app plus the projection runner in the same process."""
    total = args.networks * args.rounds
    result.shipped = Series(f"HTTP (as shipped), {args.threads} clients")
    say(f"{store.label}: fresh store; starting gunicorn {http_load.AS_SHIPPED} (projections inline)")
    with http_load.running_server(store, http_load.AS_SHIPPED) as server:
        for trial in range(1, args.trials + 1):
            say(f"  trial {trial}/{args.trials}: {args.networks} fresh networks, {total} commands")
            http_trial(result.shipped, server, args)
            if result.shipped.gave_up:
                say("  the server kept refusing commands; no further trials of this server")
                break
    say("  server stopped")


def http_trial(series: Series, server: http_load.Server, args: argparse.Namespace) -> None:
    """Open fresh networks over HTTP and drive the mix on them; a server that cannot even open them breaks."""
    try:
        network_ids = http_load.open_networks(server, args.networks)
    except http_load.Refused as error:
        series.broken = f"{error}; server log: {server.last_error() or 'nothing'}"
        say(f"  !! {series.broken}")
        return
    series.trials.append(http_load.drive(server, network_ids, args.rounds, args.threads))
    say("  " + rate_line(series.trials[-1]))


def api_verdict(result: Result) -> str:
    if result.http.refused or result.http.broken:
        return "MISS"  # refused commands: not a rate the API keeps
    return verdict(result.api_ratio >= API_TARGET)


def _cpu(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.2f}"


def report_store(result: Result) -> None:
    best = result.best_direct
    print(f"\n--- {result.store}: API vs direct (median of {len(result.http.trials)} trials) ---")
    print(
        f"  {'':<30} {'cmds/s':>7} {'range':>9} {'p50 ms':>7} {'p95 ms':>7}"
        f" {'bench CPU ms/cmd':>17} {'server CPU ms/cmd':>18}"
    )
    for series in [result.http, result.shipped, *result.direct]:
        print(
            f"  {series.label:<30} {series.per_second:>7.1f} {series.spread:>9} {series.p50_ms:>7.2f}"
            f" {series.p95_ms:>7.2f} {_cpu(series.cpu_ms('own')):>17} {_cpu(series.cpu_ms('server')):>18}"
        )
    for series in (result.http, result.shipped):
        if series.warning():
            print(f"  {series.warning()}")
    print(
        f"  HTTP / direct = {result.http.per_second:.1f} / {best.per_second:.1f} ({best.label}) = "
        f"{result.api_ratio:.2f}   target >= {API_TARGET:.2f}: {api_verdict(result)}"
    )
    print(
        f"  as shipped (projections inline): {result.shipped.per_second:.1f} / {best.per_second:.1f} = "
        f"{result.shipped_ratio:.2f}   (for information; the projections do work the direct run does not)"
    )
    print(f"--- {result.store}: command cost vs history length (add_note: get + one event + save) ---")
    for run in result.history:
        snapshot = f"v{run.snapshot_version}, {run.snapshot_bytes / 1024:.0f} KiB" if run.snapshot_version else "none"
        print(
            f"  {run.history.label:<24} p50 {run.command.p50_ms:5.2f} ms  p95 {run.command.p95_ms:5.2f} ms"
            f"   get alone p50 {run.get_ms:5.2f} ms   newest snapshot {snapshot:<15}"
            f"   replay without snapshot {run.full_replay_ms:6.1f} ms"
        )
    small, big, ties = result.history
    print(
        f"  long / short = {big.command.p50_ms:.2f} / {small.command.p50_ms:.2f} ms = {result.history_ratio:.2f}"
        f"   target <= {HISTORY_TARGET:.1f}: {verdict(result.history_ratio <= HISTORY_TARGET)}"
    )
    print(
        f"  long, ties only / short = {ties.command.p50_ms:.2f} / {small.command.p50_ms:.2f} ms = "
        f"{result.ties_only_ratio:.2f}   (for information: history length without a growing state)"
    )


def refusals(series: Series) -> str:
    return f"{series.refused}{'!' if series.gave_up else ''}"


def summary(results: list[Result], skipped: list[str], args: argparse.Namespace) -> None:
    print("\n=== Summary (median of trials; HTTP = the web app alone, as shipped = scheduler.wsgi:app) ===")
    rows: list[tuple[str, Callable[[Result], str]]] = [
        ("HTTP (web app), commands/s", lambda r: f"{r.http.per_second:.1f}{'!' if r.http.gave_up else ''}"),
        ("  latency p50 / p95, ms", lambda r: f"{r.http.p50_ms:.1f} / {r.http.p95_ms:.1f}"),
        ("HTTP (as shipped), commands/s", lambda r: f"{r.shipped.per_second:.1f}{'!' if r.shipped.gave_up else ''}"),
        ("  latency p50 / p95, ms", lambda r: f"{r.shipped.p50_ms:.1f} / {r.shipped.p95_ms:.1f}"),
        ("refused: web app / as shipped", lambda r: f"{refusals(r.http)} / {refusals(r.shipped)}"),
        ("direct, 1 thread, commands/s", lambda r: f"{r.direct[0].per_second:.1f}"),
        (f"direct, {args.threads} threads, commands/s", lambda r: f"{r.direct[-1].per_second:.1f}"),
        (f"HTTP / direct (target >= {API_TARGET})", lambda r: f"{r.api_ratio:.2f} {api_verdict(r)}"),
        ("as shipped / direct (info)", lambda r: f"{r.shipped_ratio:.2f}{'!' if r.shipped.gave_up else ''}"),
        (f"add_note p50 ms, {args.small} events", lambda r: f"{r.history[0].command.p50_ms:.2f}"),
        (f"add_note p50 ms, {args.big} events", lambda r: f"{r.history[1].command.p50_ms:.2f}"),
        (f"  same, {args.big} ties only", lambda r: f"{r.history[2].command.p50_ms:.2f}"),
        (
            f"long / short (target <= {HISTORY_TARGET})",
            lambda r: f"{r.history_ratio:.2f} {verdict(r.history_ratio <= HISTORY_TARGET)}",
        ),
        ("ties only / short (info)", lambda r: f"{r.ties_only_ratio:.2f}"),
    ]
    print(f"{'':<34}" + "".join(f"{r.store:>20}" for r in results))
    for title, cell in rows:
        print(f"{title:<34}" + "".join(f"{cell(r):>20}" for r in results))
    for line in skipped:
        print(line)
    print(
        "(! = the server kept refusing, its trials stopped early.) A report, not a test: exit 0 whatever the verdicts."
    )


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description="Kring's benchmark (BENCHMARKS.md).")
    parser.add_argument("--store", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--trials", type=int, default=3, help="trials of each rate; the median counts (3)")
    parser.add_argument("--networks", type=int, default=50, help="fresh networks per trial (50)")
    parser.add_argument("--rounds", type=int, default=32, help="commands per network per trial (32)")
    parser.add_argument("--threads", type=int, default=4, help="client threads, and threads of the 2nd direct run (4)")
    parser.add_argument("--small", type=int, default=50, help="events on the short history (50)")
    parser.add_argument("--big", type=int, default=5000, help="events on the long history (5000)")
    parser.add_argument("--commands", type=int, default=200, help="timed commands on each history (200)")
    parser.add_argument(
        "--read-networks",
        type=int,
        default=10_000,
        help="networks (of 100 events) in the read-side store on SQLite (10000: 1M events)",
    )
    parser.add_argument(
        "--read-networks-postgres", type=int, default=1_000, help="networks in the read-side store on PostgreSQL (1000)"
    )
    parser.add_argument(
        "--only",
        choices=("write", "read", "reminders", "access", "pages", "all"),
        default="all",
        help="the write side (issue 2), the read side (issue 3), reminders (issue 4), access control (issue 5), "
        "web pages (issue 6), or all",
    )
    parser.add_argument("--reminder-networks", type=int, default=100_000, help="networks for the reminder scan")
    parser.add_argument("--due", type=int, default=1_000, help="of which due, e-mailed by SMTP (1000)")
    args = parser.parse_args(argv)
    if min(args.trials, args.networks, args.rounds, args.threads, args.commands) < 1 or args.small < 2:
        parser.error("counts must be at least 1 (--small at least 2)")
    if args.rounds > 1000 or args.networks > 1000 or args.big > 100_000 or args.commands > 10_000:
        parser.error("that is more than this benchmark is meant to run")
    return args


def _read(store: Store, args: argparse.Namespace) -> None:
    networks = args.read_networks if store.label == "SQLite" else args.read_networks_postgres
    readside.report(store.label, readside.run(store.settings, networks, say), print)


def _reminders(store: Store, args: argparse.Namespace) -> None:
    reminders.report(store.label, reminders.run(store.settings, args.reminder_networks, args.due, say), print)


def _access(store: Store, args: argparse.Namespace) -> None:
    access.report(store.label, access.run(store.settings, say), print)


def _pages(store: Store, args: argparse.Namespace) -> None:
    webpages.report(store.label, webpages.run(store.settings, say), print)


def main(argv: list[str]) -> int:
    args = parse(argv)
    ignored = sorted(name for name in os.environ if interferes(name))
    for name in ignored:  # eventsourcing reads os.environ too; the benchmark chooses its own stores
        del os.environ[name]
    print(
        f"Kring benchmark - Python {platform.python_version()}, {os.cpu_count()} CPUs; per store and trial "
        f"{args.networks} networks x {args.rounds} commands, {args.threads} client threads, {args.trials} trials"
    )
    print(f"Load average before the run: {load()} (other work on the machine makes the figures noisier)")
    if ignored:
        print(f"(ignoring {', '.join(ignored)} from the environment)")
    stores: list[Callable[[], AbstractContextManager[Store]]] = []
    skipped: list[str] = []
    if args.store in ("sqlite", "both"):
        stores.append(sqlite_store)
    if args.store in ("postgres", "both"):
        problem = postgres_reachable()
        if problem is None:
            stores.append(postgres_store)
        else:
            skipped.append(f"PostgreSQL skipped: not reachable ({problem}); `make services` starts it.")
    results: list[Result] = []
    if args.only in ("write", "all"):
        for make_store in stores:
            results.append(bench_store(make_store, args))
        summary(results, skipped, args)
    for part, run in (("read", _read), ("reminders", _reminders), ("access", _access), ("pages", _pages)):
        if args.only in (part, "all"):
            for make_store in stores:
                with make_store() as store:
                    say(f"{part} on {store.label}")
                    run(store, args)
    print(f"Load average after the run: {load()}")
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
