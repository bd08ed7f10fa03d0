"""The wheel carries what the commands need at run time: the schema and the templates."""

import subprocess
import sys
import zipfile

from conftest import REPO


def test_the_wheel_ships_the_schema_and_templates(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("playbook_cli-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "playbook_cli/data/playbook.schema.json" in names
    for template in (
        "runbook.md.j2",
        "runbook.html.j2",
        "base.html.j2",
        "runbook.css",
        "index.md.j2",
        "index.html.j2",
        "report.md.j2",
        "report.html.j2",
    ):
        assert f"playbook_cli/render/templates/{template}" in names
    packaged = zipfile.ZipFile(wheel).read("playbook_cli/data/playbook.schema.json")
    assert packaged == (REPO / "schemas" / "playbook.schema.json").read_bytes()
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "playbook = playbook_cli.__main__:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
