"""The review page in a real browser: Debian's headless Chromium driven by selenium.

One walk through the issue's flow on the seed, against the real `briefgen review` command
(extraction, uvicorn, the token URL): highlights are there, a participant's name is edited,
saved and built into the PDF; text selected in the source becomes a quote with exact
offsets; an invalid date shows its error beside the field and nothing is saved.

Chromium is a system package (`chromium`, `chromium-driver`; .ci/run installs them). Without
it the test is skipped locally, but fails under CI=1 so that CI cannot pass by skipping it.
Set BRIEFGEN_SCREENSHOTS=DIR to keep PNGs of each step (docs/review.png comes from there).
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from helpers_browser import CHROMEDRIVER, CHROMIUM, headless_chromium
from helpers_cli import SEED_DIR, pdf_text

from briefgen.modelfile import load_meeting
from briefgen.sources import read_source

SEED = SEED_DIR / "000_d94d85c68b690030.txt"
WAIT = 30
START_TIMEOUT = 180


def _require_chromium() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).is_file()]
    if not missing:
        return
    message = f"browser test needs {' and '.join(missing)} (apt-get install chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def _review(*args: str, cwd: Path):
    """`briefgen review ARGS --no-browser` as a real process; yields the address it prints."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "review", *args, "--no-browser"],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()
    # A reader thread, so a server that hangs before printing its address fails the test
    # after START_TIMEOUT instead of blocking it; it also keeps the pipe drained.
    threading.Thread(target=lambda: [*map(lines.put, proc.stdout), lines.put("")], daemon=True).start()
    try:
        url = None
        deadline = time.monotonic() + START_TIMEOUT
        while url is None:  # extraction first, when the model does not exist yet
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"briefgen review printed no address in {START_TIMEOUT} s") from None
            if not line:
                raise AssertionError(f"briefgen review exited: {proc.stderr.read()}")
            if line.startswith("Reviewing "):
                url = line.rsplit(" at ", 1)[1].strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def browser():
    _require_chromium()
    profile = tempfile.mkdtemp(prefix="briefgen-chromium-")
    driver = headless_chromium(profile)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _shot(driver, name: str) -> None:
    folder = os.environ.get("BRIEFGEN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def _wait(driver, condition, what: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(lambda d: condition(d), message=what)


def _status(driver) -> str:
    return driver.find_element("id", "status").text


# Selects the first occurrence of `needle` in the source pane, as a person dragging would,
# and lets the page react as it does to a mouse release.
SELECT_JS = """
const box = document.getElementById('source');
const needle = arguments[0];
const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
const nodes = []; let all = '';
for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
const at = all.indexOf(needle);
if (at < 0) return false;
function point(u) { for (const [n, s] of nodes) if (u <= s + n.data.length) return [n, u - s]; }
const r = document.createRange();
r.setStart(...point(at)); r.setEnd(...point(at + needle.length));
const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
return true;
"""


def _open(driver, url: str) -> None:
    driver.get(url)
    _wait(driver, lambda d: d.find_element("tag name", "body").get_attribute("data-ready") == "1", "page ready")


def test_review_in_chromium(browser, tmp_path):
    out = tmp_path / "out"
    with _review(str(SEED), "-o", str(out), cwd=tmp_path) as url:
        _walk_through(browser, url, out)


def _walk_through(driver, url: str, out: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    model_path = out / f"{SEED.stem}.yaml"
    _open(driver, url)

    # The source is shown with evidence highlighted, coloured by field.
    marks = driver.find_elements(By.CSS_SELECTOR, "#source mark.hl")
    assert len(marks) > 5
    assert driver.find_elements(By.CSS_SELECTOR, "#source mark.hl.f-quotes")
    source = driver.find_element(By.ID, "source").text
    assert "Lavrov" in source and "Nduhungirehe" in source
    _shot(driver, "01-open")

    # Hovering a highlight lists the items that rest on it.
    quote_mark = driver.find_element(By.CSS_SELECTOR, "#source mark.hl.f-quotes")
    ActionChains(driver).move_to_element(quote_mark).perform()
    popover = _wait(driver, lambda d: d.find_element(By.ID, "popover").is_displayed(), "popover on hover")
    assert popover
    assert "Quote" in driver.find_element(By.ID, "popover").text
    _shot(driver, "02-hover")
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "status")).perform()

    # Edit the first participant's name, save: the model file holds the new name.
    name = driver.find_element(By.CSS_SELECTOR, 'input[data-path="participants.0.name"]')
    old_name = name.get_attribute("value")
    name.clear()
    name.send_keys("Sergei V. Lavrov")
    _wait(driver, lambda d: _status(d) == "Unsaved changes", "unsaved status")
    # Working on an item marks its sentence in the source.
    marked = driver.find_elements(By.CSS_SELECTOR, "#source mark.focus")
    assert marked and "Lavrov" in " ".join(m.text for m in marked)

    # Items below the review threshold are marked; Accept clears the mark.
    flagged = driver.find_elements(By.CSS_SELECTOR, ".card.review")
    commitment = driver.find_elements(By.CSS_SELECTOR, '.card.review[data-path^="commitments."]')
    assert flagged and len(commitment) == 1
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", commitment[0])
    commitment[0].find_element(By.CSS_SELECTOR, "button.accept").click()
    assert len(driver.find_elements(By.CSS_SELECTOR, ".card.review")) == len(flagged) - 1

    # A deleted item comes back with Undo.
    topics = len(driver.find_elements(By.CSS_SELECTOR, '.card[data-path^="topics."]'))
    card = driver.find_element(By.CSS_SELECTOR, '.card[data-path="topics.0"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", card)
    card.find_element(By.CSS_SELECTOR, "button.delete").click()
    assert len(driver.find_elements(By.CSS_SELECTOR, '.card[data-path^="topics."]')) == topics - 1
    driver.find_element(By.CSS_SELECTOR, "#toast button").click()
    assert len(driver.find_elements(By.CSS_SELECTOR, '.card[data-path^="topics."]')) == topics

    # Select words in the source and add them as a quote: evidence offsets are exact.
    needle = "a convenient space for consultations"
    assert driver.execute_script(SELECT_JS, needle)
    addbar = _wait(driver, lambda d: d.find_element(By.ID, "addbar").is_displayed(), "add bar on selection")
    assert addbar
    _shot(driver, "03-select")
    driver.find_element(By.CSS_SELECTOR, "#addbar button.f-quotes").click()

    driver.find_element(By.ID, "save").click()
    _wait(driver, lambda d: _status(d).startswith("Saved"), "saved status")
    saved = load_meeting(model_path)
    assert saved.participants[0].name == "Sergei V. Lavrov" != old_name
    assert not [c for c in saved.commitments if c.confidence < 0.6]  # the accepted one is 1.0 now
    text = read_source(SEED).text
    added = saved.quotes[-1]
    start = text.index(needle)
    assert (added.text, added.evidence[0].start, added.evidence[0].end) == (needle, start, start + len(needle))
    assert text[added.evidence[0].start : added.evidence[0].end] == added.evidence[0].text

    # Build: the memo appears in the page and its PDF carries the edit.
    driver.find_element(By.ID, "build").click()
    _wait(driver, lambda d: d.find_element(By.ID, "pdf").is_displayed(), "PDF shown after build")
    assert _status(driver).startswith("Memo built")
    pdf = out / f"{SEED.stem}.pdf"
    assert "Sergei V. Lavrov" in pdf_text(pdf)
    assert (out / f"{SEED.stem}.docx").stat().st_size > 0
    time.sleep(0.5)  # let the PDF viewer paint for the screenshot
    _shot(driver, "04-built")

    # An invalid edit: the error shows next to the field, and nothing is saved.
    driver.find_element(By.ID, "tab-model").click()
    before = model_path.read_bytes()
    date = driver.find_element(By.CSS_SELECTOR, 'input[data-path="setting.date"]')
    date.clear()
    date.send_keys("31 February")
    error = driver.find_element(By.CSS_SELECTOR, '[data-error-for="setting.date"]')
    _wait(driver, lambda d: error.is_displayed() and "date" in error.text.lower(), "error beside the date field")
    driver.find_element(By.ID, "save").click()
    _wait(driver, lambda d: _status(d).startswith("Not saved"), "not-saved status")
    assert "invalid" in date.get_attribute("class")
    assert model_path.read_bytes() == before
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", date)
    _shot(driver, "05-invalid")


def test_offsets_count_code_points_past_astral_characters(browser, tmp_path):
    """Python counts code points, JavaScript UTF-16 units: emoji before a span must not shift it."""
    from selenium.webdriver.common.by import By

    from briefgen.model import Evidence, Meeting, Person
    from briefgen.modelfile import dump_meeting

    source = tmp_path / "astral.txt"
    source.write_text("Delegates 🌍🌍 from 𝔸rcadia met. Envoy Mira Sol of Lumen spoke on trade.\n", encoding="utf-8")
    read = read_source(source)
    text = read.text
    start = text.index("Envoy Mira Sol")
    evidence = Evidence(start=start, end=start + len("Envoy Mira Sol"), text="Envoy Mira Sol")
    meeting = Meeting(
        source=read.info.model_copy(update={"path": str(source)}),
        participants=[Person(name="Mira Sol", evidence=[evidence])],
    )
    model = tmp_path / "astral.yaml"
    model.write_text(dump_meeting(meeting), encoding="utf-8")
    with _review(str(model), cwd=tmp_path) as url:
        _open(browser, url)
        marks = browser.find_elements(By.CSS_SELECTOR, "#source mark.hl.f-participants")
        assert [m.text for m in marks] == ["Envoy Mira Sol"]
        assert browser.execute_script(SELECT_JS, "spoke on trade")
        _wait(browser, lambda d: d.find_element(By.ID, "addbar").is_displayed(), "add bar on selection")
        browser.find_element(By.CSS_SELECTOR, "#addbar button.f-outlook").click()
        browser.find_element(By.ID, "save").click()
        _wait(browser, lambda d: _status(d).startswith("Saved"), "saved status")
    added = load_meeting(model).outlook[0].evidence[0]
    assert text[added.start : added.end] == added.text == "spoke on trade"
