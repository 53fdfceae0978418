"""Django's {# … #} comment ends on its own line: one that runs over two lines is printed to
the reader as text (the route guide's answer page showed its developer note this way). Longer
notes use {% comment %}."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_no_template_comment_runs_over_a_line():
    found = []
    for folder in (ROOT / "apps", ROOT / "templates"):
        for path in folder.rglob("*.html"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if "{#" in line and "#}" not in line[line.index("{#") :]:
                    found.append(f"{path.relative_to(ROOT)}:{number}")
    assert found == []


def test_the_route_guide_answer_shows_no_template_syntax(client, db):
    from apps.routeguide.tests.ruledata import seed_rule_rows

    seed_rule_rows()
    html = client.get(
        "/veiviser/svar/?purpose=buy&value=1800000&service=ordinary&provider=company"
        "&authority=municipality&on_market=yes"
    ).content.decode()
    assert "{#" not in html and "#}" not in html
