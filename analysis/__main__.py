"""Command line for next year's figures, in Dutch.

``python -m analysis validate BESTAND [--jaar 2023]``
    Read and check a file (the Excel template, or the tables as .txt/.tsv/.csv) and print
    every error and warning. Exit status 0 when the year can be added, 1 when there are
    errors, 2 when the command itself is wrong (no year, no such file).

``python -m analysis template UIT.xlsx``
    Write the empty template workbook.

The year comes from ``--jaar`` or else from the digits in the file name
(``dashboard_2023.xlsx``).
"""

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from analysis.dataset import available_years, load_dashboard
from analysis.dutch import fmt_int
from analysis.intake import IntakeResult, check_upload, year_from_name
from analysis.paths import dashboard_file
from analysis.template import BLOCK_SHEETS, INSTRUCTION_SHEET, template_workbook

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2

_ARGPARSE_DUTCH = {
    "the following arguments are required": "dit ontbreekt",
    "unrecognized arguments": "onbekende argumenten",
    "invalid choice": "onbekende opdracht",
    "expected one argument": "verwacht één waarde",
    "argument ": "argument ",
}


class _UsageError(Exception):
    """The command line itself is wrong; carries a Dutch message."""


class _DutchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # noqa: ANN001
        super().add_usage(usage, actions, groups, prefix="Gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports mistakes in Dutch and exits with status 2."""

    def error(self, message: str) -> NoReturn:
        for english, dutch in _ARGPARSE_DUTCH.items():
            message = message.replace(english, dutch)
        raise _UsageError(f"Onjuist gebruik: {message}.\n{self.format_usage().strip()}")


def _year(text: str) -> int:
    if not text.isdigit() or len(text) != 4:
        raise argparse.ArgumentTypeError(f"'{text}' is geen jaartal; verwacht bijvoorbeeld 2023")
    return int(text)


def _parser() -> _Parser:
    parser = _Parser(
        prog="python -m analysis",
        description="Cijfers van een nieuw jaar controleren, of het lege sjabloon maken.",
        formatter_class=_DutchFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser._positionals.title = "opdrachten"
    parser._optionals.title = "opties"
    commands = parser.add_subparsers(dest="opdracht", metavar="{validate,template}", parser_class=_Parser)
    commands.required = True
    check = commands.add_parser(
        "validate",
        help="controleer een bestand met de cijfers van een jaar",
        description="Controleer een bestand (het Excel-sjabloon, of de tabellen als .txt, .tsv of .csv).",
        formatter_class=_DutchFormatter,
        add_help=False,
    )
    check.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    check.add_argument("bestand", metavar="BESTAND", help="het bestand om te controleren")
    check.add_argument(
        "--jaar", type=_year, help="het jaar van de cijfers (anders: het jaartal in de bestandsnaam)"
    )
    template = commands.add_parser(
        "template",
        help="schrijf het lege Excel-sjabloon",
        description="Schrijf het lege Excel-sjabloon met uitleg en één tabblad per blok.",
        formatter_class=_DutchFormatter,
        add_help=False,
    )
    template.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    template.add_argument("uit", metavar="UIT.xlsx", help="waar het sjabloon moet komen")
    for sub in (check, template):
        sub._positionals.title = "argumenten"
        sub._optionals.title = "opties"
    return parser


def _print_findings(title: str, findings: list) -> None:
    print(f"{title} ({len(findings)}):")
    for number, finding in enumerate(findings, start=1):
        print(f"  {number}. {finding.message}")


def report(result: IntakeResult, name: str) -> str:
    """The Dutch summary line of a check."""
    errors, warnings = len(result.errors), len(result.warnings)
    if errors:
        noun = "fout" if errors == 1 else "fouten"
        return (
            f"Uitkomst: {name} is niet in orde: {errors} {noun}. Herstel {'die' if errors == 1 else 'ze'} en "
            "controleer het bestand opnieuw; "
            f"het jaar {result.year} wordt pas toegevoegd als er geen fouten meer zijn."
        )
    count = result.tidy.height if result.tidy is not None else 0
    noun = "waarschuwing" if warnings == 1 else "waarschuwingen"
    tail = f"; {warnings} {noun} om na te kijken (die houden het jaar niet tegen)." if warnings else "."
    return f"Uitkomst: {name} is in orde voor {result.year}: {fmt_int(count)} cijfers gelezen{tail}"


def _validate(path_text: str, year: int | None) -> int:
    path = Path(path_text)
    if not path.is_file():
        raise _UsageError(f"Bestand niet gevonden: {path_text}")
    if year is None:
        year = year_from_name(path.name)
    if year is None:
        raise _UsageError(
            f"Uit de naam '{path.name}' is geen jaartal af te leiden. Geef het jaar op met --jaar, "
            "bijvoorbeeld: python -m analysis validate bestand.xlsx --jaar 2023"
        )
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise _UsageError(f"Het bestand {path_text} is niet te openen ({exc.strerror}).") from None
    bundled = dashboard_file(year)
    is_bundled = bundled.exists() and bundled.resolve() == path.resolve()
    existing = [y for y in available_years() if not (is_bundled and y == year)]
    earlier = [y for y in existing if y < year]
    previous = load_dashboard(max(earlier)) if earlier else None
    result = check_upload(path.name, content, year, existing, previous=previous)
    print(f"Controle van {path.name} (jaar {year})")
    print()
    if result.errors:
        _print_findings("Fouten", result.errors)
        print()
    if result.warnings:
        _print_findings("Waarschuwingen", result.warnings)
        print()
    print(report(result, path.name))
    return EXIT_ERRORS if result.errors else EXIT_OK


def _template(out_text: str) -> int:
    out = Path(out_text)
    if out.suffix.lower() != ".xlsx":
        raise _UsageError(f"De naam moet eindigen op .xlsx, zoals sjabloon.xlsx (gekregen: {out_text}).")
    if not out.parent.is_dir():
        raise _UsageError(f"De map {out.parent} bestaat niet.")
    try:
        out.write_bytes(template_workbook())
    except OSError as exc:
        raise _UsageError(f"Kan {out_text} niet schrijven ({exc.strerror}).") from None
    print(f"Sjabloon geschreven naar {out}: tabblad '{INSTRUCTION_SHEET}' en {len(BLOCK_SHEETS)} blokken.")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.opdracht == "validate":
            return _validate(args.bestand, args.jaar)
        return _template(args.uit)
    except _UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
