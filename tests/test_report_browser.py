"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol.

Chromium is started with ``--remote-debugging-pipe``: the protocol runs over two pipes (the
browser reads commands on fd 3 and writes on fd 4, NUL-terminated JSON), so no network port and
no client library are needed.

Checks: the page renders without console errors (a CSP violation is one); the verdict filter
hides and shows rows, by mouse and by keyboard; the search box filters; at phone width nothing
overflows sideways; a screenshot is produced.

Chromium missing is a FAILURE, with a message saying how to install it, because a browser test
that silently passes tests nothing. Set FACTCHECK_NO_BROWSER=1 to skip it on purpose.
Set FACTCHECK_CHROMIUM to use another Chromium or Chrome binary.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from factcheck.report import render
from tests.support.report_examples import example_run

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT = 60.0


def _chromium() -> str:
    if os.environ.get("FACTCHECK_NO_BROWSER") == "1":
        pytest.skip("FACTCHECK_NO_BROWSER=1: the real-browser test of the HTML report was skipped on request")
    explicit = os.environ.get("FACTCHECK_CHROMIUM")
    if explicit:
        if shutil.which(explicit) or Path(explicit).is_file():
            return shutil.which(explicit) or explicit
        pytest.fail(f"FACTCHECK_CHROMIUM={explicit!r} is not an executable", pytrace=False)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        "Chromium was not found, so the HTML report was NOT tested in a browser.\n"
        "Install it (Debian: `apt-get install -y chromium`; .ci/run does this), point FACTCHECK_CHROMIUM "
        "at a Chromium/Chrome binary, or set FACTCHECK_NO_BROWSER=1 to skip this test deliberately.",
        pytrace=False,
    )


class DevTools:
    """A minimal Chrome DevTools Protocol client over the debugging pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def place_fds() -> None:  # runs in the child, before exec
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--mute-audio",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=place_fds,
            pass_fds=(3, 4),
            close_fds=True,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no answer from Chromium")
            ready, _, _ = select.select([self._from_chrome], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                err = self.proc.stderr.read().decode("utf-8", "replace") if self.proc.stderr else ""
                raise RuntimeError(f"Chromium closed the DevTools pipe (exit {self.proc.poll()}):\n{err[-3000:]}")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict[str, Any] | None = None, *, browser: bool = False) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if not browser and self.session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read_message(deadline)
            if "method" in event:
                self.events.append(event)
                if event["method"] == method:
                    return event

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open_page(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, browser=True)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def console_errors(self) -> list[str]:
        errors = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                errors.append(f"exception: {details.get('text')} {details.get('exception', {}).get('description', '')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(
                    "console.error: "
                    + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", []))
                )
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                errors.append(f"log ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}")
        return errors

    def key(self, key: str, code: str, text: str = "") -> None:
        base = {"key": key, "code": code, "windowsVirtualKeyCode": {"Space": 32, "Enter": 13, "Tab": 9}.get(code, 0)}
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", **base, **({"text": text} if text else {})})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **base})

    def close(self) -> None:
        try:
            self.send("Browser.close", browser=True)
        except Exception:  # noqa: BLE001 - it may already be gone
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.proc.stderr:
            self.proc.stderr.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    binary = _chromium()
    profile = tmp_path_factory.mktemp("chromium-profile")
    tools = DevTools(binary, profile)
    try:
        tools.send("Browser.getVersion", browser=True)
        yield tools
    finally:
        tools.close()


@pytest.fixture(scope="module")
def report_page(browser: DevTools, tmp_path_factory: pytest.TempPathFactory) -> DevTools:
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    page.write_text(render(example_run(), "html", generated_at="2026-01-01T12:00:00Z", full=True), encoding="utf-8")
    browser.open_page(page.as_uri())
    return browser


VISIBLE = "Array.from(document.querySelectorAll('details.result')).filter(r => r.offsetParent !== null)"


def test_renders_without_console_errors(report_page: DevTools) -> None:
    assert report_page.evaluate("document.readyState") == "complete"
    assert report_page.evaluate("document.documentElement.classList.contains('js')") is True
    assert report_page.evaluate("document.querySelectorAll('details.result').length") == 11
    assert report_page.evaluate("!!window.factcheckReport") is True
    assert report_page.console_errors() == []


def test_verdict_filter_hides_and_shows_rows(report_page: DevTools) -> None:
    page = report_page
    assert page.evaluate(f"{VISIBLE}.length") == 11
    page.evaluate("document.querySelector('input[name=verdict][value=mismatch]').click()")
    assert page.evaluate(f"{VISIBLE}.length") == 9
    assert page.evaluate(f"{VISIBLE}.some(r => r.dataset.verdict === 'mismatch')") is False
    assert page.evaluate("document.getElementById('shown').textContent") == "9 of 11 relations shown"
    page.evaluate("document.querySelector('input[name=verdict][value=mismatch]').click()")
    assert page.evaluate(f"{VISIBLE}.length") == 11
    # The legend button shows one verdict only, and a second press shows all again.
    page.evaluate("document.querySelector('.legend button[data-verdict=consistent]').click()")
    assert page.evaluate(f"{VISIBLE}.map(r => r.dataset.verdict)") == ["consistent", "consistent"]
    page.evaluate("document.querySelector('.legend button[data-verdict=consistent]').click()")
    assert page.evaluate(f"{VISIBLE}.length") == 11
    assert page.console_errors() == []


def test_filter_works_from_the_keyboard(report_page: DevTools) -> None:
    page = report_page
    page.evaluate("document.querySelector('input[name=verdict][value=consistent]').focus()")
    page.key(" ", "Space", " ")
    assert page.evaluate("document.querySelector('input[name=verdict][value=consistent]').checked") is False
    assert page.evaluate(f"{VISIBLE}.length") == 9
    page.key(" ", "Space", " ")
    assert page.evaluate(f"{VISIBLE}.length") == 11
    # A result opens from the keyboard too.
    page.evaluate("document.querySelector('details.result > summary').focus()")
    page.key("Enter", "Enter", "\r")
    assert page.evaluate("document.querySelector('details.result').open") is True
    page.key("Enter", "Enter", "\r")


def test_search_and_document_filters(report_page: DevTools) -> None:
    page = report_page
    page.evaluate(
        "(() => { const s = document.getElementById('search'); s.value = 'de tgo kost'; "
        "s.dispatchEvent(new Event('input')); })()"
    )
    assert page.evaluate(f"{VISIBLE}.map(r => r.id)") == ["r-asiel-migratie-2025-tgo_kosten"]
    page.evaluate("document.getElementById('reset-filters').click()")
    page.evaluate(
        "(() => { const d = document.getElementById('doc-filter'); d.value = 'labor'; "
        "d.dispatchEvent(new Event('change')); })()"
    )
    assert page.evaluate(f"{VISIBLE}.map(r => r.dataset.doc)") == ["labor"]
    page.evaluate("document.getElementById('only-unexpected').click()")
    assert page.evaluate(f"{VISIBLE}.length") == 0
    page.evaluate("document.getElementById('reset-filters').click()")
    assert page.evaluate(f"{VISIBLE}.length") == 11


def test_phone_width_does_not_overflow_and_screenshot(report_page: DevTools, tmp_path: Path) -> None:
    page = report_page
    page.send(
        "Emulation.setDeviceMetricsOverride", {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True}
    )
    try:
        page.evaluate("document.querySelectorAll('details.result').forEach(d => d.open = true)")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"the page is {overflow}px wider than a phone screen"
        shot = page.send("Page.captureScreenshot", {"format": "png"})
    finally:
        page.send("Emulation.clearDeviceMetricsOverride")
    png = base64.b64decode(shot["data"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    (tmp_path / "report-phone.png").write_bytes(png)
    desktop = base64.b64decode(page.send("Page.captureScreenshot", {"format": "png"})["data"])
    assert desktop.startswith(b"\x89PNG")
    out = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / "report-phone.png").write_bytes(png)
        (Path(out) / "report-desktop.png").write_bytes(desktop)
    assert page.console_errors() == []


def test_formulas_render_as_mathml(report_page: DevTools) -> None:
    page = report_page
    page.evaluate("document.querySelectorAll('details.result').forEach(d => d.open = true)")
    count = page.evaluate("document.querySelectorAll('.math math').length")
    assert count >= 5
    # A fraction is laid out as a fraction: taller than one line of text.
    height = page.evaluate(
        "Math.max(...Array.from(document.querySelectorAll('.math math')).map(m => m.getBoundingClientRect().height))"
    )
    line = page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)")
    assert height > line * 1.2, (height, line)
    page.evaluate("document.querySelectorAll('details.result').forEach(d => d.open = false)")
    assert page.console_errors() == []


@pytest.fixture(scope="module")
def bundled_page(browser: DevTools, tmp_path_factory: pytest.TempPathFactory) -> DevTools:
    """The report of the bundled claims: long document ids, a real conflict, askers."""
    from factcheck.engine import check_paths

    root = Path(__file__).resolve().parent.parent
    folder = tmp_path_factory.mktemp("bundled-report")
    page = folder / "report.html"
    run = check_paths([root / "claims"])
    page.write_text(render(run, "html", generated_at="2026-01-01T12:00:00Z", full=True), encoding="utf-8")
    browser.open_page(page.as_uri())
    return browser


@pytest.mark.parametrize("width", [1280, 400])
def test_the_first_view_tells_the_findings(bundled_page: DevTools, width: int) -> None:
    # Desktop and phone: the headline counts what is wrong in the documents, apart from what the
    # baseline expected, within the first screen; the worst problem is the first result.
    page = bundled_page
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        page.evaluate("window.scrollTo(0, 0)")
        headline = page.evaluate("document.getElementById('headline').textContent")
        assert headline.startswith("2 problems in the documents: 1 conflict, 1 mismatch"), headline
        assert page.evaluate("document.getElementById('headline').getBoundingClientRect().bottom") <= 800
        assert "0 unexpected" in page.evaluate("document.querySelector('.unexpected-count').textContent")
        first = page.evaluate("Array.from(document.querySelectorAll('details.result')).map(r => r.dataset.verdict)")
        assert first[:2] == ["conflict", "mismatch"], first
        # The first row reads as its sentence, the figure marked in it (the claim id only under it).
        mark = page.evaluate(
            "(() => { const m = document.querySelector('details.result > summary .sentence mark');"
            " if (!m) return null; const r = m.getBoundingClientRect();"
            " return {text: m.textContent, top: r.top, bottom: r.bottom, width: r.width,"
            " sentence: m.closest('.sentence').textContent, id: m.closest('.claim').querySelector('.id').textContent}; })()"
        )
        assert mark is not None and mark["width"] > 0, mark
        assert mark["text"] == "1 miljard" and mark["text"] in mark["sentence"], mark
        assert mark["id"].startswith("repeat_besparing_hoofdlijnenakkoord"), mark
        if width >= 1000:
            assert 0 <= mark["top"] and mark["bottom"] <= 800, f"the first marked figure is not in the first view: {mark}"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"the page is {overflow}px wider than {width}px"
    finally:
        page.send("Emulation.clearDeviceMetricsOverride")
    assert page.console_errors() == []


@pytest.mark.parametrize("query", ["983113200", "Piri", "hoofdlijnenakkoord verwerkt"])
def test_search_finds_figures_as_digits_askers_and_quotes(bundled_page: DevTools, query: str) -> None:
    page = bundled_page
    page.evaluate(
        "(q => { const s = document.getElementById('search'); s.value = q; "
        f"s.dispatchEvent(new Event('input')); }})({json.dumps(query)})"
    )
    try:
        assert page.evaluate(f"{VISIBLE}.length") >= 1, query
        assert page.evaluate(f"{VISIBLE}.length") < page.evaluate("document.querySelectorAll('details.result').length")
    finally:
        page.evaluate("document.getElementById('reset-filters').click()")
