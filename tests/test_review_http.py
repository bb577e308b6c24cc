"""The review page at the HTTP level, through the ASGI app (Starlette's TestClient).

Security rules (token, Host, Origin, JSON bodies, CSP on every response, escaping, no client
paths), save with its change-on-disk check, the model's own validation, and Build giving the
same bytes as `briefgen build MODEL`. The models here are written by hand, so no test needs
spaCy; the real-browser walk through the seed is in test_review_browser.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
import warnings
from pathlib import Path

import pytest
from helpers_cli import TRACEBACK, assert_clean_failure, pdf_text, run_cli, run_python

from briefgen.config import resolve_settings
from briefgen.model import Commitment, Evidence, Meeting, Person, Quote, Setting
from briefgen.modelfile import dump_meeting, load_meeting
from briefgen.sources import read_source

starlette = pytest.importorskip("starlette", reason="the review extra is not installed")
with warnings.catch_warnings():
    # Starlette >= 1.x would rather have its httpx2 fork; httpx (the test extra) works the same.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from briefgen.review.app import create_app  # noqa: E402
from briefgen.review.security import CSP  # noqa: E402
from briefgen.review.session import Invalid, Review, open_review  # noqa: E402

TOKEN = "t0ken-for-tests-only-0123456789abcdefghij"
HOST = "127.0.0.1:8000"
ORIGIN = f"http://{HOST}"
HOSTILE = "<script>alert('x')</script>"
TEXT = (
    "Foreign Minister Amara Okonjo of Zembla met Minister Tomas Vell of Borduria in Lisbon. "
    f"The ministers said a note reading {HOSTILE} was circulated. "
    "“We will open a consulate by June,” Okonjo said.\n"
)


def _span(text: str, part: str) -> Evidence:
    start = text.index(part)
    return Evidence(start=start, end=start + len(part), text=part)


@pytest.fixture
def project(tmp_path):
    """A source, its hand-made model in out/, and a briefgen.toml the build must honour."""
    source = tmp_path / "talks.txt"
    source.write_text(TEXT, encoding="utf-8")
    (tmp_path / "briefgen.toml").write_text('to = "The Minister"\nclassification = "RESTRICTED"\n', encoding="utf-8")
    read = read_source(source)
    text = read.text
    first = text[: text.index("Lisbon.") + len("Lisbon.")]
    meeting = Meeting(
        source=read.info.model_copy(update={"path": str(source)}),
        participants=[
            Person(name="Amara Okonjo", title="Foreign Minister", affiliation="Zembla", evidence=[_span(text, first)]),
            Person(name="Tomas Vell", title="Minister", affiliation=HOSTILE, evidence=[_span(text, first)]),
        ],
        setting=Setting(location={"city": "Lisbon"}, evidence=[_span(text, first)]),
        commitments=[Commitment(actor="Zembla", action="open a consulate", deadline="by June", confidence=0.5)],
        quotes=[Quote(speaker="Okonjo", text="We will open a consulate by June", evidence=[_span(text, "“We will")])],
    )
    out = tmp_path / "out"
    out.mkdir()
    model = out / "talks.yaml"
    model.write_text(dump_meeting(meeting), encoding="utf-8")
    return tmp_path, source, model


@pytest.fixture
def client(project):
    root, source, model = project
    review = Review(model_path=model, out_dir=model.parent, settings=resolve_settings(cwd=root), source_path=source)
    app = create_app(review, token=TOKEN, hosts=[HOST, "localhost:8000"])
    with TestClient(app, base_url=f"http://{HOST}") as c:
        yield c


def _post(client, path, body, **headers):
    return client.post(
        f"/{TOKEN}/{path}",
        content=json.dumps(body),
        headers={"origin": ORIGIN, "content-type": "application/json", **headers},
    )


def _state(client) -> dict:
    response = client.get(f"/{TOKEN}/api/state")
    assert response.status_code == 200
    return response.json()


# --------------------------------------------------------------------------- security


def test_page_escapes_source_and_model_text(client):
    response = client.get(f"/{TOKEN}/")
    assert response.status_code == 200
    html = response.text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html  # the source as text in the page
    state = json.loads(html.split('<script type="application/json" id="state">', 1)[1].split("</script>", 1)[0])
    assert HOSTILE in state["source"]["text"]
    assert state["model"]["participants"][1]["affiliation"] == HOSTILE
    assert "Foreign Minister Amara Okonjo" in state["source"]["text"]


@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        ("GET", "/", {}, 404),
        ("GET", "/wrong-token/", {}, 404),
        ("GET", f"/{TOKEN[:-1]}/", {}, 404),
        ("GET", f"/{TOKEN}/", {"host": "evil.example:8000"}, 400),
        ("GET", f"/{TOKEN}/", {"host": "127.0.0.1:9999"}, 400),
        ("POST", f"/{TOKEN}/api/validate", {"content-type": "application/json"}, 403),
        ("POST", f"/{TOKEN}/api/validate", {"origin": "http://evil.example", "content-type": "application/json"}, 403),
        ("POST", f"/{TOKEN}/api/validate", {"origin": "null", "content-type": "application/json"}, 403),
        ("POST", f"/{TOKEN}/api/save", {"origin": ORIGIN, "content-type": "text/plain"}, 415),
        ("GET", f"/{TOKEN}/out/../talks.yaml", {}, 404),
        ("GET", f"/{TOKEN}/static/../session.py", {}, 404),
        ("GET", f"/{TOKEN}/static/%2e%2e/session.py", {}, 404),
        ("GET", f"/{TOKEN}/out/yaml", {}, 404),
    ],
)
def test_requests_outside_the_rules_are_refused(client, method, path, headers, status):
    response = client.request(method, path, headers=headers, content=b'{"model": {}}')
    assert response.status_code == status
    assert response.headers["content-security-policy"] == CSP
    assert "talks.txt" not in response.text and "schema_version" not in response.text


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/api/state", "/static/review.js", "/static/review.css", "/out/pdf"):
        response = client.get(f"/{TOKEN}{path}")
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_refused_state_change_writes_nothing(client, project):
    _, _, model = project
    before = model.read_bytes()
    data = _state(client)
    data["model"]["participants"][0]["name"] = "Changed"
    response = client.post(
        f"/{TOKEN}/api/save",
        content=json.dumps({"model": data["model"], "base": data["digest"]}),
        headers={"origin": "http://evil.example", "content-type": "application/json"},
    )
    assert response.status_code == 403
    assert model.read_bytes() == before


# --------------------------------------------------------------------------- save and validation


def test_save_writes_the_model_atomically(client, project):
    _, _, model = project
    data = _state(client)
    data["model"]["participants"][0]["name"] = "Amara N. Okonjo"
    response = _post(client, "api/save", {"model": data["model"], "base": data["digest"]})
    assert response.status_code == 200, response.text
    saved = load_meeting(model)
    assert saved.participants[0].name == "Amara N. Okonjo"
    assert model.read_text(encoding="utf-8") == dump_meeting(saved)
    assert _state(client)["digest"] == response.json()["digest"] != data["digest"]
    assert not [p for p in model.parent.iterdir() if p.name.endswith(".tmp")]


def test_save_refuses_when_the_file_changed_on_disk(client, project):
    _, _, model = project
    data = _state(client)
    outside = load_meeting(model)
    outside.participants[0].name = "Edited in an editor"
    model.write_text(dump_meeting(outside), encoding="utf-8")
    edited = model.read_bytes()
    data["model"]["participants"][0]["name"] = "Edited in the page"
    response = _post(client, "api/save", {"model": data["model"], "base": data["digest"]})
    assert response.status_code == 409
    assert response.json()["conflict"] is True
    assert model.read_bytes() == edited
    assert _post(client, "api/build", {"base": data["digest"]}).status_code == 409


@pytest.mark.parametrize(
    ("edit", "path", "words"),
    [
        (lambda m: m["setting"].update(date="31 February"), "setting.date", "YYYY-MM-DD"),
        (lambda m: m["commitments"][0].update(action=None), "commitments.0.action", "required"),
        (lambda m: m["summary"].update(lines=["a", "b", "c", "d", "e"]), "summary.lines", "at most 4"),
        (lambda m: m["participants"][0].update(nickname="x"), "participants.0.nickname", "unknown field"),
        (lambda m: m["quotes"][0].update(confidence=1.5), "quotes.0.confidence", "less than or equal to 1"),
        (
            lambda m: m["participants"][0]["evidence"].append({"start": 5, "end": 10**6, "text": "x"}),
            "participants.0.evidence.1",
            "outside the source text",
        ),
    ],
)
def test_invalid_edits_are_named_by_field_and_never_saved(client, project, edit, path, words):
    _, _, model = project
    before = model.read_bytes()
    data = _state(client)
    edit(data["model"])
    checked = _post(client, "api/validate", {"model": data["model"]})
    assert checked.status_code == 200
    errors = checked.json()["errors"]
    assert [e["path"] for e in errors] == [path]
    assert words in errors[0]["message"]
    response = _post(client, "api/save", {"model": data["model"], "base": data["digest"]})
    assert response.status_code == 422
    assert response.json()["errors"] == errors
    assert model.read_bytes() == before


def test_bad_bodies_are_refused_with_a_message(client):
    for body in (b"not json", b"[1, 2]", b'{"model": ' * 2000):
        response = client.post(
            f"/{TOKEN}/api/save", content=body, headers={"origin": ORIGIN, "content-type": "application/json"}
        )
        assert response.status_code == 400
        assert response.json()["error"]


# --------------------------------------------------------------------------- build


def test_build_gives_the_bytes_of_briefgen_build(client, project):
    root, _, model = project
    data = _state(client)
    data["model"]["participants"][1]["name"] = "Tomas K. Vell"
    base = _post(client, "api/save", {"model": data["model"], "base": data["digest"]}).json()["digest"]
    response = _post(client, "api/build", {"base": base})
    assert response.status_code == 200, response.text
    links = response.json()
    served = client.get(f"/{TOKEN}/{links['pdf']}")
    assert served.headers["content-type"] == "application/pdf"
    download = client.get(f"/{TOKEN}/{links['docx']}")
    assert download.headers["content-disposition"].startswith('attachment; filename="talks.docx";')

    result = run_cli("build", str(model), "-o", "cli", cwd=root)
    assert result.returncode == 0, result.stderr
    for suffix in (".docx", ".pdf"):
        assert (model.parent / f"talks{suffix}").read_bytes() == (root / "cli" / f"talks{suffix}").read_bytes()
    assert served.content == (root / "cli" / "talks.pdf").read_bytes()
    text = pdf_text(served.content)
    assert "Tomas K. Vell" in text
    assert "RESTRICTED" in text and "The Minister" in text  # briefgen.toml was applied


def test_memo_download_names_survive_odd_model_file_names(project):
    root, source, model = project
    odd = model.with_name('Réunion "Lisbon"\r\n.yaml')
    model.rename(odd)
    review = Review(model_path=odd, out_dir=odd.parent, settings=resolve_settings(cwd=root), source_path=source)
    with TestClient(create_app(review, token=TOKEN, hosts=[HOST]), base_url=f"http://{HOST}") as c:
        base = c.get(f"/{TOKEN}/api/state").json()["digest"]
        assert _post(c, "api/build", {"base": base}).status_code == 200
        response = c.get(f"/{TOKEN}/out/pdf?download=1")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"memo.pdf\"; filename*=UTF-8''R%C3%A9union_Lisbon.pdf"
    )


# --------------------------------------------------------------------------- opening a review


def test_reopening_keeps_edits_and_a_model_file_is_reviewed_in_place(project):
    root, source, model = project
    before = model.read_bytes()
    opened = open_review(source, model.parent)
    assert (opened.model_path, opened.extracted) == (model, False)
    assert model.read_bytes() == before
    assert open_review(model, root / "elsewhere").model_path == model


def test_missing_source_shows_the_evidence_only(project):
    root, source, model = project
    source.unlink()
    review = Review(model_path=model, out_dir=model.parent, settings=resolve_settings(cwd=root))
    state = review.state()
    assert state["source"]["text"] is None
    assert "not found" in state["source"]["note"]


def test_changed_source_is_shown_with_a_warning(project):
    root, source, model = project
    source.write_text(TEXT.replace("Lisbon", "Porto"), encoding="utf-8")
    review = Review(model_path=model, out_dir=model.parent, settings=resolve_settings(cwd=root), source_path=source)
    assert "changed since" in review.state()["source"]["note"]


# --------------------------------------------------------------------------- the command


def test_review_command_serves_on_loopback_and_stops_on_ctrl_c(project):
    root, _, model = project
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "review", str(model), "--no-browser"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith(f"Reviewing {model} at http://127.0.0.1:"), line + proc.stderr.read()
        url = line.rsplit(" at ", 1)[1].strip()
        with urllib.request.urlopen(url, timeout=30) as page:
            assert page.status == 200
            assert page.headers["content-security-policy"] == CSP
        port = url.split(":")[2].split("/")[0]
        forged = urllib.request.Request(url, headers={"Host": f"rebound.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forged, timeout=30)
        assert refused.value.code == 400
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert TRACEBACK not in err and "Stopped." in err


def test_review_of_a_missing_input_is_one_line(tmp_path):
    result = run_cli("review", "nowhere.txt", "--no-browser", cwd=tmp_path)
    line = assert_clean_failure(result, "nowhere.txt")
    assert "no such file" in line


def test_without_the_extra_review_says_what_to_install(tmp_path):
    code = (
        "import sys; sys.modules['uvicorn'] = None\n"
        "from briefgen.cli import run\n"
        "sys.exit(run(['review', 'x.txt', '--no-browser']))\n"
    )
    result = run_python(code, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.strip() == "briefgen review: the review page needs the review extra: pip install 'briefgen[review]'"
    assert not Path(tmp_path, "output").exists()


def test_a_merged_model_shows_its_first_source_and_new_evidence_names_it(project):
    """Issue 13: offsets point into each evidence's own source; the page shows source A's text."""
    root, source, model = project
    meeting = load_meeting(model)
    second = meeting.source.model_copy(update={"id": "B", "path": "other.txt", "sha256": None})
    merged = meeting.model_copy(update={"sources": [meeting.source, second]})
    merged.quotes[0].evidence.append(Evidence(start=0, end=5, text="Other", source="B"))
    model.write_text(dump_meeting(merged), encoding="utf-8")
    review = Review(model_path=model, out_dir=model.parent, settings=resolve_settings(cwd=root), source_path=source)
    state = review.state()
    assert state["source"]["id"] == "A" and "merges 2 accounts" in state["source"]["note"]
    data = state["model"]
    data["outlook"].append({"text": "Talks go on", "evidence": [{"start": 0, "end": 7, "text": "Foreign"}]})
    with pytest.raises(Invalid) as refused:  # hence the page names the source shown in new evidence
        review.save(data, state["digest"])
    assert "names no source" in str(refused.value.errors)
    data["outlook"][0]["evidence"][0]["source"] = state["source"]["id"]
    review.save(data, state["digest"])
    assert load_meeting(model).outlook[0].evidence[0].source == "A"
