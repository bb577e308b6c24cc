"""Templates run sandboxed: errors name template and line, nothing hangs, nothing escapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import MemoSettings
from briefgen.errors import ConfigError, TemplateError
from briefgen.model import Meeting
from briefgen.render import check_settings, render_markdown
from briefgen.render.templates import md_escape
from briefgen.render.tree import parse, plain_text


def run(tmp_path: Path, body: str, meeting: Meeting | None = None) -> str:
    (tmp_path / "t.md.j2").write_text(body, encoding="utf-8")
    return render_markdown(meeting or Meeting(), MemoSettings(template="t", template_dir=tmp_path))


def test_unknown_variable_names_template_and_line(tmp_path):
    with pytest.raises(TemplateError, match=r"t\.md\.j2, line 3.*'nope' is undefined"):
        run(tmp_path, "ok\nstill ok\n{{ nope }}\n")


def test_syntax_error_names_line(tmp_path):
    with pytest.raises(TemplateError, match=r"line 2"):
        run(tmp_path, "fine\n{% for x in %}\n")


def test_python_internals_are_refused(tmp_path):
    with pytest.raises(TemplateError, match="sandbox|unsafe|undefined"):
        run(tmp_path, "{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateError):
        run(tmp_path, "{{ memo.__class__.__subclasses__() }}")


@pytest.mark.parametrize(
    "body",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}",
        "{{ 'x' * 10000000000 }}",
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
        "{{ '%999999999d' % 1 }}",
        "{{ 'a' | center(999999999) }}",
    ],
)
def test_runaway_templates_stop_quickly(tmp_path, body):
    with pytest.raises(TemplateError):
        run(tmp_path, body)


def test_unknown_template_and_missing_reference_fail_early(tmp_path):
    with pytest.raises(TemplateError, match="unknown template"):
        check_settings(MemoSettings(template="no-such-template"))
    with pytest.raises(ConfigError, match="reference DOCX: no such file"):
        check_settings(MemoSettings(reference_docx=tmp_path / "missing.docx"))
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ConfigError, match="not a usable Word document"):
        check_settings(MemoSettings(reference_docx=bad))
    theme = tmp_path / "theme.yaml"
    theme.write_text("colors:\n  accent: nothex\nbogus: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bogus: unknown key"):
        check_settings(MemoSettings(theme=theme))


def test_template_dir_overrides_builtin(tmp_path):
    (tmp_path / "memo.md.j2").write_text("---\ntitle: Mine\n---\n# Custom memo\n", encoding="utf-8")
    doc = parse(render_markdown(Meeting(), MemoSettings(template_dir=tmp_path)))
    assert doc.meta["title"] == "Mine"
    assert doc.headings()[0].text == "Custom memo"


@pytest.mark.parametrize(
    "value",
    ["{{ 7*7 }}", "AT&T", "<b>x</b>", "*stars* _u_", "[link](x)", "back\\slash", "a | b", "# not a heading", "1. no",
     "&amp; &#169;", "line\nbreak", "`code`", "~~s~~", "[^s1]", "::: box"],
)  # fmt: skip
def test_escaped_values_parse_back_to_the_literal_text(value):
    doc = parse(f"| h |\n|---|\n| {md_escape(value)} |\n\n{md_escape(value)}\n")
    table, para = doc.blocks
    expected = value.replace("\n", " ")
    assert plain_text(table.rows[0][0]) == expected
    assert plain_text(para.spans) == expected


def test_front_matter_must_be_a_known_mapping(tmp_path):
    with pytest.raises(TemplateError, match="unknown front matter"):
        parse(run(tmp_path, "---\ntitel: x\n---\nbody\n"))
