"""Every report says what the check measured against: the framework versions the submissions
declare and the reference catalogue's version and date, next to the as-of date."""

import datetime as dt
import json

import attrs
import pytest

from vndgaf.diagnostics import Report
from vndgaf.engine import check
from vndgaf.reference import catalogue
from vndgaf.report import render


@pytest.fixture
def dated(national_report: Report) -> Report:
    return attrs.evolve(
        national_report,
        frameworks=("4.0", "3.0"),
        catalogue="2026.12",
        catalogue_date=dt.date(2026, 9, 20),
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Framework: 4.0, 3.0 · Catalogue: 2026.12 (2026-09-20)"),
        ("vi", "Khung kiến trúc: 4.0, 3.0 · Danh mục tham chiếu: 2026.12 (2026-09-20)"),
    ],
)
def test_html_and_markdown_headers_name_the_framework_and_catalogue(dated, lang, expected):
    html = render(dated, "html", lang=lang)
    header = html[html.index("<header>") : html.index("</header>")]
    assert expected in header
    assert expected in render(dated, "markdown", lang=lang).split("###")[0]
    assert expected in render(dated, "markdown", lang=lang, summary=True).split("###")[0]


def test_json_and_sarif_carry_them_as_data(dated):
    doc = json.loads(render(dated, "json"))
    assert doc["frameworks"] == ["4.0", "3.0"]
    assert doc["catalogue"] == {"version": "2026.12", "date": "2026-09-20"}
    props = json.loads(render(dated, "sarif"))["runs"][0]["properties"]
    assert props["frameworkVersions"] == ["4.0", "3.0"]
    assert (props["catalogueVersion"], props["catalogueDate"]) == ("2026.12", "2026-09-20")


def test_a_check_records_the_declared_framework_and_the_catalogue_in_force():
    """Two submissions declaring 4.0 give one framework; the catalogue is the one of the date."""
    report = check(["examples/tuyen-quang", "examples/bo-tu-phap"])
    reference = catalogue(report.as_of)
    assert report.frameworks == ("4.0",)
    assert (report.catalogue, report.catalogue_date) == (reference.version, reference.date)
