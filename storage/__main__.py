"""Command line for operators, in Dutch: check the store, back it up, restore it, import old saved years.

The database is the one the app uses: ``--url``, else ``$KETENDIALOOG_DATABASE_URL``, else the
default SQLite file (the Streamlit secret ``database_url`` is not read here: pass it with ``--url``).

``python -m storage check [--strict]``
    Does the database answer, and at which schema version is it? Exit status 0 when it answers
    and its schema is one this code knows (``--strict``: the newest), 1 otherwise: usable as a
    container health check next to ``/_stcore/health``.
``python -m storage backup BESTAND``
    A consistent copy of a SQLite database with SQLite's backup API, safe while the app runs.
    (PostgreSQL: ``pg_dump``, see docs/deploy.md.)
``python -m storage restore BESTAND [--overschrijf]``
    Put a backup made with ``backup`` back as the database (stop the app first).
``python -m storage import-years MAP``
    Read the old folder store of saved years and save each year into the database.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from storage.database import (
    backup_sqlite,
    head_revision,
    make_engine,
    migrate,
    resolve_url,
    schema_revision,
    sqlite_path,
)
from storage.logs import configure, redact_url

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

logger = logging.getLogger("storage.cli")


def _known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    from storage.database import alembic_config

    return [str(script.revision) for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()]


def check(url: str, strict: bool = False) -> int:
    """Print whether the database answers and its schema version; return the exit status."""
    shown = redact_url(url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        revision = schema_revision(engine)
    except SQLAlchemyError as error:
        logger.error("Store check: database %s does not answer: %s", shown, type(error).__name__)
        print(f"database: {shown}\nantwoordt: nee ({type(error).__name__})")
        return EXIT_FAILED
    finally:
        engine.dispose()
    head = head_revision()
    print(f"database: {shown}\nantwoordt: ja\nschema: {revision or 'nog niet aangemaakt'} (nieuwste: {head})")
    if revision is None:
        print("De app maakt het schema bij de eerste aanvraag aan.")
        return EXIT_FAILED if strict else EXIT_OK
    if revision not in _known_revisions():
        print("Dit schema is nieuwer dan deze versie van de app kent: draai de nieuwste versie.")
        return EXIT_FAILED
    if revision != head:
        print("Het schema loopt achter; de app werkt het bij de eerste aanvraag bij.")
        return EXIT_FAILED if strict else EXIT_OK
    return EXIT_OK


def backup(url: str, target: Path) -> int:
    """Back up a SQLite database to ``target``; return the exit status."""
    if sqlite_path(url) is None:
        print(
            "backup werkt op een SQLite-bestand. Maak van PostgreSQL een back-up met pg_dump -Fc (zie docs/deploy.md).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        size = backup_sqlite(url, target)
    except FileExistsError:
        print(
            f"{target} bestaat al; er is niets overschreven. Kies een nieuwe bestandsnaam.", file=sys.stderr
        )
        return EXIT_USAGE
    except FileNotFoundError as error:
        print(f"De database {error} bestaat niet; er is niets te back-uppen.", file=sys.stderr)
        return EXIT_FAILED
    logger.info("Backup of %s written to %s (%d bytes)", redact_url(url), target, size)
    print(f"Back-up geschreven: {target} ({size} bytes).")
    return EXIT_OK


def restore(url: str, source: Path, overwrite: bool = False) -> int:
    """Put the SQLite backup ``source`` back as the database at ``url``; return the exit status."""
    target = sqlite_path(url)
    if target is None:
        print(
            "restore werkt op een SQLite-bestand; voor PostgreSQL: pg_restore (zie docs/deploy.md).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    source = Path(source).expanduser()
    if not source.is_file():
        print(f"De back-up {source} bestaat niet.", file=sys.stderr)
        return EXIT_USAGE
    if target.exists():
        if not overwrite:
            print(
                f"{target} bestaat al. Stop de app en geef --overschrijf om hem door de back-up te vervangen.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    size = backup_sqlite(f"sqlite:///{source}", target)
    logger.info("Restored %s from %s (%d bytes)", redact_url(url), source, size)
    print(f"Teruggezet: {target} uit {source} ({size} bytes).")
    return EXIT_OK


def import_years(url: str, folder: Path) -> int:
    """Import the old folder store at ``folder`` into the database; return the exit status."""
    from storage.years import YearRepository
    from storage.yearstore import import_folder

    folder = Path(folder).expanduser()
    if not folder.is_dir():
        print(f"De map {folder} bestaat niet.", file=sys.stderr)
        return EXIT_USAGE
    engine = make_engine(url)
    try:
        migrate(engine)
        outcomes = import_folder(folder, YearRepository(engine))
    except SQLAlchemyError as error:
        logger.error("Importing saved years failed: %s", type(error).__name__)
        print(f"De database {redact_url(url)} is niet bereikbaar; er is niets ingelezen.", file=sys.stderr)
        return EXIT_FAILED
    finally:
        engine.dispose()
    if not outcomes:
        print(f"In {folder} staan geen opgeslagen jaren.")
    for outcome in outcomes:
        print(outcome.message)
    return EXIT_OK if all(o.outcome in ("imported", "present") for o in outcomes) else EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit status."""
    configure()
    parser = argparse.ArgumentParser(
        prog="python -m storage", description="Beheer van de opslag van Ketendialoog."
    )
    parser.add_argument(
        "--url", help="database-URL (standaard KETENDIALOOG_DATABASE_URL of het SQLite-bestand)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="antwoordt de database, en welk schema heeft hij?")
    check_cmd.add_argument("--strict", action="store_true", help="alleen het nieuwste schema is goed")
    backup_cmd = commands.add_parser("backup", help="back-up van een SQLite-database")
    backup_cmd.add_argument("file", type=Path)
    restore_cmd = commands.add_parser("restore", help="zet een SQLite-back-up terug")
    restore_cmd.add_argument("file", type=Path)
    restore_cmd.add_argument("--overschrijf", action="store_true", help="vervang een bestaande database")
    import_cmd = commands.add_parser("import-years", help="lees opgeslagen jaren uit de oude map in")
    import_cmd.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    url = args.url or resolve_url()
    if args.command == "check":
        return check(url, args.strict)
    if args.command == "backup":
        return backup(url, args.file)
    if args.command == "restore":
        return restore(url, args.file, args.overschrijf)
    return import_years(url, args.folder)


if __name__ == "__main__":
    sys.exit(main())
