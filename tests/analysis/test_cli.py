"""The command line ``python -m analysis``.

The main paths run as a user would, in a subprocess (exit status and printed text);
the other cases call :func:`analysis.__main__.main` in-process, which is the same code
without the start-up time of a new interpreter.
"""

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import fastexcel
import pytest

from analysis import load_dashboard
from analysis.__main__ import main
from analysis.paths import PROJECT_DIR, dashboard_file
from analysis.template import BLOCK_SHEETS, INSTRUCTION_SHEET, workbook_from_tidy

ZWOLLE_SIGNALS = "Signalen mensenhandel\t1\t1\t3\t13\t5\t2\t25"


def run_process(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., subprocess.CompletedProcess]:
    """Run the command line in-process; returns (exit status, stdout, stderr)."""

    def call(*args: str) -> subprocess.CompletedProcess:
        try:
            status = main(list(args))
        except SystemExit as exit_:  # --help
            status = exit_.code
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), status, captured.out, captured.err)

    return call


@pytest.fixture(scope="module")
def text_2022() -> str:
    return dashboard_file(2022).read_text(encoding="utf-8")


def test_valid_text_file_exits_0(tmp_path: Path, text_2022: str) -> None:
    path = tmp_path / "dashboard_2023.txt"
    path.write_text(
        text_2022.replace(ZWOLLE_SIGNALS, ZWOLLE_SIGNALS.replace("\t13\t5\t2\t25", "\t23\t5\t2\t35"))
    )
    result = run_process("validate", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Controle van dashboard_2023.txt (jaar 2023)\n")
    assert "Fouten" not in result.stdout
    assert "Waarschuwingen (5):" in result.stdout
    assert (
        "Signalen mensenhandel, Oost-Nederland: het eenheidstotaal is 188, de vijf districten tellen op tot 198 "
        "(verschil −10)" in result.stdout
    )
    assert result.stdout.rstrip().endswith(
        "Uitkomst: dashboard_2023.txt is in orde voor 2023: 401 cijfers gelezen; 5 waarschuwingen om na te kijken "
        "(die houden het jaar niet tegen)."
    )


def test_valid_workbook_with_year_option_exits_0(tmp_path: Path, run) -> None:
    path = tmp_path / "cijfers.xlsx"
    path.write_bytes(workbook_from_tidy(load_dashboard(2022)))
    result = run("validate", str(path), "--jaar", "2023")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "Tabblad 'TOTAAL EENHEID ONL', rij 3, kolom B ('Totaal'): Actieve seksadvertenties" in result.stdout
    )


def test_bundled_year_checks_itself(text_2022: str, run) -> None:
    result = run("validate", str(dashboard_file(2022)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "jaar 2022" in result.stdout
    assert "staat al in de app" not in result.stdout


def test_broken_file_exits_1_with_the_dutch_message(tmp_path: Path, text_2022: str) -> None:
    path = tmp_path / "dashboard_2023.txt"
    path.write_text(text_2022.replace("3013", "30x3"))
    result = run_process("validate", str(path))
    assert result.returncode == 1
    assert "Fouten (1):" in result.stdout
    assert (
        "  1. Blok 'IJSSELLAND', regel 3, kolom 5 ('Zwol-le'): '30x3' is geen geheel getal. Verwacht: een aantal "
        "(zoals 29.764), een leeg vak, '?' (niet gerapporteerd) of '-' (niet van toepassing)."
        in result.stdout
    )
    assert "Uitkomst: dashboard_2023.txt is niet in orde: 1 fout. Herstel die" in result.stdout


def test_existing_year_exits_1(tmp_path: Path, text_2022: str, run) -> None:
    path = tmp_path / "kopie_2022.txt"
    path.write_text(text_2022)
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "Het jaar 2022 staat al in de app" in result.stdout


def test_unreadable_upload_exits_1(tmp_path: Path, run) -> None:
    path = tmp_path / "cijfers_2023.xlsx"
    path.write_bytes(b"dit is geen werkmap")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "Het bestand heet .xlsx maar is geen Excel-werkmap" in result.stdout


def test_year_needed(tmp_path: Path, text_2022: str, run) -> None:
    path = tmp_path / "cijfers.txt"
    path.write_text(text_2022)
    result = run("validate", str(path))
    assert result.returncode == 2
    assert (
        "Uit de naam 'cijfers.txt' is geen jaartal af te leiden. Geef het jaar op met --jaar" in result.stderr
    )
    bad = run("validate", str(path), "--jaar", "twintig")
    assert bad.returncode == 2
    assert "'twintig' is geen jaartal; verwacht bijvoorbeeld 2023" in bad.stderr


def test_missing_file_and_command(tmp_path: Path, run) -> None:
    missing = run("validate", str(tmp_path / "bestaat_niet_2023.xlsx"))
    assert missing.returncode == 2
    assert "Bestand niet gevonden" in missing.stderr
    nothing = run()
    assert nothing.returncode == 2
    assert nothing.stderr.startswith("Onjuist gebruik:")
    assert "Gebruik: python -m analysis" in nothing.stderr


def test_template_command_writes_the_template(tmp_path: Path, run) -> None:
    out = tmp_path / "sjabloon.xlsx"
    result = run_process("template", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Sjabloon geschreven naar {out}: tabblad 'Uitleg' en 10 blokken."
    assert fastexcel.read_excel(out.read_bytes()).sheet_names == [INSTRUCTION_SHEET, *BLOCK_SHEETS]
    wrong = run("template", str(tmp_path / "sjabloon.csv"))
    assert wrong.returncode == 2
    assert "De naam moet eindigen op .xlsx" in wrong.stderr


def test_help_is_dutch(run) -> None:
    result = run("validate", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Gebruik: python -m analysis validate [-h] [--jaar JAAR] BESTAND")
    assert "het jaar van de cijfers" in result.stdout
