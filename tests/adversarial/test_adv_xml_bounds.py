"""Bounded ArchiMate imports: size, depth, element count, name and text length, each a located
error where the file crosses the bound, and a declared encoding that must be the file's own."""

import os
from pathlib import Path

import pytest
from advkit import one_line_error, run_cli

from vndgaf.errors import InputError
from vndgaf.exchange import _xml_parse, import_archimate
from vndgaf.exchange._xml_parse import MAX_BYTES, MAX_NAME, MAX_TEXT, declared_encoding

HEAD = '<?xml version="1.0" encoding="{}"?>\n'
MODEL = (
    '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">\n'
    "<name>Mô hình</name>\n<elements>\n{}</elements>\n</model>\n"
)


def _component(ident: str, name: str, documentation: str = "") -> str:
    doc = f"<documentation>{documentation}</documentation>" if documentation else ""
    return (
        f'<element identifier="{ident}" xsi:type="ApplicationComponent">'
        f"<name>{name}</name>{doc}</element>\n"
    )


def _model(elements: str, encoding: str = "UTF-8") -> str:
    return HEAD.format(encoding) + MODEL.format(elements)


def _refused(text: str) -> str:
    with pytest.raises(InputError) as refused:
        import_archimate(text, path="m.xml")
    return str(refused.value)


@pytest.mark.parametrize("encoding", ["UTF-8", "utf-8", "UTF8", "utf_8"])
def test_a_utf8_declaration_is_read(encoding: str) -> None:
    arch = import_archimate(_model(_component("a", "Hệ thống"), encoding)).architecture
    assert [s.name for s in arch.systems] == ["Hệ thống"]


def test_an_ascii_declaration_of_ascii_text_is_read() -> None:
    text = _model(_component("a", "He thong"), "US-ASCII").replace("Mô hình", "Mo hinh")
    assert [s.name for s in import_archimate(text).architecture.systems] == ["He thong"]


@pytest.mark.parametrize("encoding", ["UTF-16", "ISO-8859-1", "windows-1258", "US-ASCII", "x-no"])
def test_a_declaration_the_text_is_not_in_is_refused_at_it(encoding: str) -> None:
    """The file was read as UTF-8 (it holds 'Mô hình'); a declaration of anything that would
    write it differently is a located error naming the encoding, not a silent misreading."""
    message = _refused(_model(_component("a", "Hệ thống"), encoding))
    assert message.startswith(f"m.xml:1:31: the XML declaration says encoding='{encoding}'")


def test_declared_encoding_reads_single_and_double_quotes() -> None:
    assert declared_encoding("<?xml version='1.0' encoding='UTF-16'?>") == "UTF-16"
    assert declared_encoding('\ufeff<?xml version="1.0" encoding="utf-8" ?>') == "utf-8"
    assert declared_encoding('<?xml version="1.0"?><a encoding="UTF-16"/>') is None


def test_nesting_is_refused_where_it_crosses_200_levels() -> None:
    deep = "<x>" * 300 + "</x>" * 300
    message = _refused(_model(f'<element identifier="a" xsi:type="Node">{deep}</element>\n'))
    assert message.startswith("m.xml:5:")
    assert message.endswith("XML nested deeper than 200 levels (element <x>)")


def test_too_many_elements_stop_at_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """The count is kept while parsing: the element that crosses it is named by its line."""
    monkeypatch.setattr(_xml_parse, "MAX_ELEMENTS", 50)
    elements = "".join(_component(f"e{i}", f"Hệ thống {i}") for i in range(40))
    message = _refused(_model(elements))
    # model, name, elements = 3; then two per component: the 50th is on the 28th line.
    assert message.startswith("m.xml:28:")
    assert message.endswith("more than 50 XML elements")


def test_a_name_longer_than_the_bound_is_refused_at_it() -> None:
    fine = import_archimate(_model(_component("a", "n" * MAX_NAME))).architecture
    assert len(fine.systems[0].name) == MAX_NAME
    message = _refused(_model(_component("a", "ok") + _component("b", "n" * (MAX_NAME + 1))))
    assert message.startswith("m.xml:6:")
    assert message.endswith(f"the text of <name> is longer than {MAX_NAME} characters")


def test_documentation_and_attributes_have_a_bound_too() -> None:
    message = _refused(_model(_component("a", "ok", "d" * (MAX_TEXT + 1))))
    assert message.startswith("m.xml:5:")
    assert message.endswith(f"the text of <documentation> is longer than {MAX_TEXT} characters")
    long_id = "i" * (MAX_TEXT + 1)
    message = _refused(_model(_component(long_id, "ok")))
    assert message.endswith(
        f"the attribute identifier of <element> is longer than {MAX_TEXT} characters"
    )


def test_the_cli_refuses_an_oversized_file_before_reading_it(tmp_path: Path) -> None:
    """A sparse file one byte over the bound: refused by its size, in one line, with no
    attempt to read 256 MiB (the run's address space is far smaller)."""
    big = tmp_path / "big.xml"
    with open(big, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    run = run_cli(["import", "archimate", str(big)], memory=400 * 1024 * 1024, timeout=60)
    assert one_line_error(run).endswith("big.xml: larger than 256 MiB")
    assert os.path.getsize(big) == MAX_BYTES + 1


def test_the_cli_reports_an_encoding_mismatch_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "u16.xml"
    path.write_text(_model(_component("a", "Hệ thống"), "UTF-16"), encoding="utf-8")
    run = run_cli(["import", "archimate", str(path), "-o", str(tmp_path / "out.yaml")])
    line = one_line_error(run)
    assert "u16.xml:1:31: the XML declaration says encoding='UTF-16', but the file is UTF-8" in line
    assert not (tmp_path / "out.yaml").exists()
