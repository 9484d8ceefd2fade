"""`factcheck extract --executor dask`: the same claim files as a serial run, workers that die, re-runs.

These need the optional extra (`pip install "factcheck[dask]"`); `.ci/run` installs it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from factcheck.extract_cli import main

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "tests" / "pdfs"
GOOD_PDFS = sorted(str(p) for p in PDFS.glob("*.pdf") if p.name != "encrypted_blank.pdf")


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (sidecars included), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_without_dask_the_executor_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    rc = main([GOOD_PDFS[0], "-o", str(tmp_path / "out"), "--executor", "dask", "--no-progress"])
    assert rc == 2
    err = capsys.readouterr().err
    assert '--executor: FC320 --executor dask needs Dask: pip install "factcheck[dask]"' in err
    assert "Traceback" not in err


distributed = pytest.importorskip(
    "distributed", reason='Dask is an optional extra: pip install "factcheck[dask]" (CI installs it)')


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    """One LocalCluster of two worker processes for the tests that join an existing cluster."""
    from factcheck.dask_executor import local_cluster

    cluster = local_cluster(2)
    client = distributed.Client(cluster)
    try:
        yield cluster, client
    finally:
        client.close()
        cluster.close()


def test_local_cluster_gives_the_serial_claim_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = [*GOOD_PDFS, str(PDFS / "encrypted_blank.pdf")]
    assert len(GOOD_PDFS) >= 10
    serial, on_dask = tmp_path / "serial", tmp_path / "dask"
    assert main([*sources, "-o", str(serial), "--no-progress"]) == 1
    serial_err = capsys.readouterr().err
    # no --scheduler: a LocalCluster of --jobs worker processes is started for the run
    assert main([*sources, "-o", str(on_dask), "--no-progress", "--executor", "dask", "--jobs", "2"]) == 1
    dask_err = capsys.readouterr().err
    assert _tree(on_dask) == _tree(serial)  # byte for byte, sidecars included
    assert len([n for n in _tree(serial) if not n.startswith(".")]) == len(GOOD_PDFS)
    # the bad document is reported and the rest go on, in the same words and order as a serial run
    assert "encrypted_blank.pdf: FC301 " in dask_err
    assert dask_err == serial_err.replace(str(serial), str(on_dask))


def test_existing_cluster_and_second_run_skips_all(cluster, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    local, _ = cluster
    out = tmp_path / "out"
    args = [*GOOD_PDFS[:10], "-o", str(out), "--no-progress", "--executor", "dask", "--scheduler", local.scheduler_address]
    assert main(args) == 0
    assert "10 documents: 10 done, 0 skipped (unchanged), 0 failed" in capsys.readouterr().err
    first = _tree(out)
    assert main(args) == 0
    assert "10 documents: 0 done, 10 skipped (unchanged), 0 failed" in capsys.readouterr().err
    assert _tree(out) == first


def test_a_worker_killed_mid_run_has_its_documents_retried(cluster, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    local, client = cluster
    client.wait_for_workers(2, timeout=180)
    pids = client.run(os.getpid)  # worker address -> process id
    killed: list[int] = []
    stop = threading.Event()

    def kill_a_busy_worker() -> None:
        # As soon as a worker holds a document, kill its process (SIGKILL: no goodbye to the scheduler).
        while not stop.is_set() and not killed:
            for address, keys in client.processing().items():
                if keys and address in pids:
                    os.kill(pids[address], signal.SIGKILL)
                    killed.append(pids[address])
                    return
            time.sleep(0.005)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    out, serial = tmp_path / "out", tmp_path / "serial"
    try:
        rc = main([*GOOD_PDFS, "-o", str(out), "--no-progress", "--executor", "dask",
                   "--scheduler", local.scheduler_address])
    finally:
        stop.set()
        killer.join()
    err = capsys.readouterr().err
    assert killed, "no worker was busy long enough to be killed"
    assert rc == 0, err
    assert f"{len(GOOD_PDFS)} documents: {len(GOOD_PDFS)} done, 0 skipped (unchanged), 0 failed" in err
    assert main([*GOOD_PDFS, "-o", str(serial), "--no-progress"]) == 0
    assert _tree(out) == _tree(serial)


def test_a_document_whose_workers_keep_dying_is_fc321_and_the_rest_complete(
        cluster, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import dask_executor

    local, client = cluster
    client.wait_for_workers(2, timeout=180)
    sources = GOOD_PDFS[:4]
    deadly = Path(sources[1]).name
    attempts = tmp_path / "attempts"
    attempts.mkdir()
    run = dask_executor._run

    # The test's hook, not reachable from the command line: the task of one document ends its
    # worker's process at once (os._exit: no exception, no goodbye to the scheduler), as a crash
    # in the worker itself would; the nanny starts a new worker and the scheduler retries the task.
    def run_with_a_deadly_document(client, distributed, sources, options, discovery,  # type: ignore[no-untyped-def]
                                   page_timeout, task):
        def task_or_die(path, *args):  # type: ignore[no-untyped-def]
            if os.path.basename(path) == deadly:
                (attempts / f"{os.getpid()}").touch()
                os._exit(1)
            return task(path, *args)

        return run(client, distributed, sources, options, discovery, page_timeout, task_or_die)

    monkeypatch.setattr(dask_executor, "_run", run_with_a_deadly_document)
    out, serial = tmp_path / "out", tmp_path / "serial"
    rc = main([*sources, "-o", str(out), "--no-progress", "--executor", "dask",
               "--scheduler", local.scheduler_address])
    err = capsys.readouterr().err
    assert rc == 1, err
    deaths = len(list(attempts.iterdir()))  # one worker process per attempt
    assert deaths == dask_executor.WORKER_DEATHS == 3
    assert f"{sources[1]}: FC321 the workers reading this document died 3 times; it was not extracted" in err
    assert "4 documents: 3 done, 0 skipped (unchanged), 1 failed" in err
    assert "Traceback" not in err
    # the others were written, as a serial run writes them
    others = [s for s in sources if Path(s).name != deadly]
    assert main([*others, "-o", str(serial), "--no-progress"]) == 0
    assert _tree(out) == _tree(serial)
    client.wait_for_workers(2, timeout=180)  # the nanny has replaced the dead workers


def test_a_scheduler_that_cannot_be_reached(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import dask_executor

    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", "1s")
    rc = main([GOOD_PDFS[0], "-o", str(tmp_path / "out"), "--no-progress", "--executor", "dask",
               "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert rc == 2
    assert "--scheduler: FC320 cannot reach the Dask scheduler tcp://127.0.0.1:9" in err
    assert "Traceback" not in err and not (tmp_path / "out").exists()
