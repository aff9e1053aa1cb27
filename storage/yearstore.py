"""The old folder store of saved years, kept only to import it into the database.

Before saved years lived in the database (:mod:`storage.years`, migration 0004) each saved
year was a folder ``<root>/<year>/`` holding:

* ``origineel``: the uploaded bytes, unchanged (a workbook stays a workbook);
* ``tabellen.txt``: the layout text the parser reads (UTF-8);
* ``gegevens.json``: the year, the original file name, the organisation type of who
  added it, the UTC time it was added, and the size and SHA-256 of the original.

``python -m storage import-years DIR`` reads such a folder with :class:`YearStore` and
saves each readable year into the database with :func:`import_folder`, keeping its time,
organisation and original bytes; a year already in the database with the same original is
skipped, a different one is reported and left alone (nothing is overwritten). The app itself
no longer reads or writes folders. :meth:`YearStore.save` stays so that tests (and anyone
holding an old export) can still write the old format.
"""

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from analysis.geography import Gazetteer, default_gazetteer
from analysis.intake import FIRST_YEAR
from analysis.parser import LayoutError, parse_layout
from analysis.paths import PROJECT_DIR
from storage.years import (
    LAST_YEAR,
    ORGANISATIONS,
    BrokenYearError,
    YearExistsError,
    YearRepository,
    YearStoreError,
    clean_file_name,
)

ENV_DATA_DIR = "KETENDIALOOG_DATA_DIR"
DEFAULT_ROOT = "~/.local/share/ketendialoog/jaren"

ORIGINAL_FILE = "origineel"
LAYOUT_FILE = "tabellen.txt"
META_FILE = "gegevens.json"
FORMAT_VERSION = 1

_LAST_YEAR = LAST_YEAR

__all__ = [
    "ENV_DATA_DIR",
    "BrokenYearError",
    "ImportOutcome",
    "YearExistsError",
    "YearStore",
    "YearStoreError",
    "import_folder",
]


@dataclass(frozen=True)
class YearInfo:
    """What is recorded about a saved year: when, by whom (organisation type), from which file."""

    year: int
    file_name: str
    organisation: str
    added: datetime
    size: int
    sha256: str


@dataclass(frozen=True)
class StoredYear:
    """A saved year as it was handed in: the original bytes, the layout text and the record."""

    info: YearInfo
    layout: str
    original: bytes


@dataclass(frozen=True)
class ListedYear:
    """One folder in the store: its year and either its record or the Dutch reason it is broken."""

    year: int
    info: YearInfo | None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """True when the year's record could be read."""
        return self.problem is None


def default_root(env: Mapping[str, str] | None = None) -> Path:
    """The folder for saved years: ``$KETENDIALOOG_DATA_DIR`` or ``~/.local/share/ketendialoog/jaren``."""
    env = os.environ if env is None else env
    configured = (env.get(ENV_DATA_DIR) or "").strip()
    return Path(configured or DEFAULT_ROOT).expanduser()


def _write(path: Path, content: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_folder(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _broken(year: int, what: str) -> BrokenYearError:
    return BrokenYearError(
        f"Het opgeslagen jaar {year} is beschadigd: {what}. De andere jaren werken gewoon. Een beheerder kan "
        f"de map '{year}' in de opslagmap weghalen en het jaar daarna opnieuw toevoegen."
    )


def _info_from(year: int, raw: bytes) -> YearInfo:
    try:
        meta = json.loads(raw.decode("utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not an object")
        info = YearInfo(
            year=int(meta["jaar"]),
            file_name=clean_file_name(str(meta["bestandsnaam"])),
            organisation=str(meta["organisatie"]),
            added=datetime.fromisoformat(str(meta["toegevoegd_utc"]).replace("Z", "+00:00")).astimezone(UTC),
            size=int(meta["bytes"]),
            sha256=str(meta["sha256"]),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _broken(year, f"het bestand {META_FILE} is onleesbaar of onvolledig") from None
    if info.year != year:
        raise _broken(year, f"volgens {META_FILE} gaat de map over {info.year}")
    return info


class YearStore:
    """Saved years in a folder, one subfolder per year; see the module docstring."""

    def __init__(self, root: Path | str) -> None:
        """Use ``root`` as the store; it is created on the first save."""
        self.root = Path(root).expanduser()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "YearStore":
        """The store at :func:`default_root`."""
        return cls(default_root(env))

    def folder(self, year: int) -> Path:
        """The folder of one year (whether or not it exists)."""
        return self.root / str(int(year))

    def inside(self, directory: Path = PROJECT_DIR) -> bool:
        """True when the store lies inside ``directory`` (by default: the app's repository)."""
        try:
            self.root.resolve().relative_to(directory.resolve())
        except ValueError:
            return False
        return True

    def years(self) -> list[int]:
        """Every year with a folder in the store, readable or not, oldest first."""
        if not self.root.is_dir():
            return []
        found = []
        for entry in self.root.iterdir():
            name = entry.name
            if len(name) == 4 and name.isdigit() and FIRST_YEAR <= int(name) <= _LAST_YEAR and entry.is_dir():
                found.append(int(name))
        return sorted(found)

    def exists(self, year: int) -> bool:
        """True when ``year`` has a folder in the store (complete or broken)."""
        return self.folder(year).is_dir()

    def fingerprint(self) -> tuple[tuple[int, str, int, int], ...]:
        """What changes whenever a saved year is added or touched: for caching the store's contents."""
        marks = []
        for year in self.years():
            for name in (META_FILE, LAYOUT_FILE, ORIGINAL_FILE):
                try:
                    stat = (self.folder(year) / name).stat()
                except OSError:
                    marks.append((year, name, -1, -1))
                else:
                    marks.append((year, name, stat.st_mtime_ns, stat.st_size))
        return tuple(marks)

    def info(self, year: int) -> YearInfo:
        """The record of a saved year; raises :class:`BrokenYearError` (Dutch) when it is unreadable."""
        try:
            raw = (self.folder(year) / META_FILE).read_bytes()
        except OSError:
            raise _broken(year, f"het bestand {META_FILE} ontbreekt of is niet te openen") from None
        return _info_from(year, raw)

    def listing(self) -> list[ListedYear]:
        """Every saved year with its record, or with the Dutch reason it cannot be read."""
        listed = []
        for year in self.years():
            try:
                listed.append(ListedYear(year, self.info(year)))
            except BrokenYearError as error:
                listed.append(ListedYear(year, None, str(error)))
        return listed

    def load(self, year: int) -> StoredYear:
        """Read a saved year completely; raises :class:`BrokenYearError` (Dutch) when anything is off.

        The original must still have the size and SHA-256 recorded when it was saved.
        """
        if not self.exists(year):
            raise YearStoreError(f"Het jaar {year} is niet opgeslagen.")
        info = self.info(year)
        folder = self.folder(year)
        try:
            original = (folder / ORIGINAL_FILE).read_bytes()
        except OSError:
            raise _broken(year, "het oorspronkelijke bestand ontbreekt") from None
        if len(original) != info.size or hashlib.sha256(original).hexdigest() != info.sha256:
            raise _broken(year, "het oorspronkelijke bestand is veranderd sinds het werd opgeslagen")
        try:
            layout = (folder / LAYOUT_FILE).read_bytes().decode("utf-8")
        except OSError:
            raise _broken(year, f"het bestand {LAYOUT_FILE} met de tabellen ontbreekt") from None
        except UnicodeDecodeError:
            raise _broken(year, f"het bestand {LAYOUT_FILE} met de tabellen is geen leesbare tekst") from None
        return StoredYear(info, layout, original)

    def load_tidy(self, year: int, gazetteer: Gazetteer | None = None) -> pl.DataFrame:
        """The tidy table of a saved year; raises :class:`BrokenYearError` when its tables do not parse."""
        stored = self.load(year)
        try:
            return parse_layout(stored.layout, year, gazetteer or default_gazetteer())
        except LayoutError as error:
            raise _broken(year, f"de tabellen zijn niet meer te lezen ({error})") from None

    def save(
        self,
        year: int,
        original: bytes,
        file_name: str,
        layout: str,
        organisation: str,
        *,
        added: datetime | None = None,
    ) -> YearInfo:
        """Save a year for everyone; refuses to overwrite a year that is already saved.

        Raises :class:`YearExistsError` when the year exists and :class:`YearStoreError`
        (Dutch) for an unknown organisation type, an implausible year, a store inside the
        repository, or a folder that cannot be written.
        """
        year = int(year)
        if not FIRST_YEAR <= year <= _LAST_YEAR:
            raise YearStoreError(
                f"Het jaar {year} kan niet worden opgeslagen: verwacht een jaar vanaf {FIRST_YEAR}."
            )
        if organisation not in ORGANISATIONS:
            raise YearStoreError(
                f"Kies wie het jaar toevoegt: {', '.join(ORGANISATIONS)}. Gekregen: '{organisation[:40]}'."
            )
        if self.inside():
            raise YearStoreError(
                "De opslagmap ligt binnen de map van de app zelf; dan komen de cijfers in de broncode terecht. "
                f"Een beheerder kiest een map daarbuiten met de omgevingsvariabele {ENV_DATA_DIR}."
            )
        if self.exists(year):
            raise YearExistsError(_exists_message(year))
        original = bytes(original)
        when = (added or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        info = YearInfo(
            year=year,
            file_name=clean_file_name(file_name),
            organisation=organisation,
            added=when,
            size=len(original),
            sha256=hashlib.sha256(original).hexdigest(),
        )
        meta = {
            "formaat": FORMAT_VERSION,
            "jaar": info.year,
            "bestandsnaam": info.file_name,
            "organisatie": info.organisation,
            "toegevoegd_utc": info.added.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "bytes": info.size,
            "sha256": info.sha256,
        }
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{year}-", suffix=".tmp", dir=self.root))
        except OSError as error:
            raise YearStoreError(_unwritable(error)) from None
        try:
            _write(staging / ORIGINAL_FILE, original)
            _write(staging / LAYOUT_FILE, layout.encode("utf-8"))
            _write(staging / META_FILE, json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"))
            _sync_folder(staging)
            target = self.folder(year)
            try:
                os.replace(staging, target)
            except OSError:
                if self.exists(year):  # saved by someone else in the meantime
                    raise YearExistsError(_exists_message(year)) from None
                raise
            _sync_folder(self.root)
        except YearStoreError:
            raise
        except OSError as error:
            raise YearStoreError(_unwritable(error)) from None
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        return info


def _exists_message(year: int) -> str:
    return (
        f"Het jaar {year} is al opgeslagen; een opgeslagen jaar wordt nooit overschreven. Moeten de cijfers van "
        f"{year} worden vervangen, dan haalt een beheerder eerst de map '{year}' in de opslagmap weg."
    )


def _unwritable(error: OSError) -> str:
    reason = error.strerror or "onbekende oorzaak"
    return (
        f"Opslaan is niet gelukt: de opslagmap is niet te beschrijven ({reason}). Er is niets opgeslagen. Een "
        f"beheerder controleert de map in {ENV_DATA_DIR} en de rechten daarop."
    )


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one folder year on import: ``imported``, ``present``, ``different`` or ``broken``."""

    year: int
    outcome: str
    message: str


def import_folder(root: Path | str, repository: YearRepository) -> list[ImportOutcome]:
    """Import every readable year of the folder store at ``root`` into the database, oldest first.

    A year not yet in the database is saved as version 1 with its original bytes, file name,
    organisation and time. A year whose newest database version has the same original and tables
    is ``present``; one with other figures is ``different`` and left alone (the database version
    stays; a correction is made on the page). A folder that cannot be read is ``broken``.
    """
    folder = YearStore(root)
    outcomes: list[ImportOutcome] = []
    for year in folder.years():
        try:
            stored = folder.load(year)
            folder.load_tidy(year)
        except YearStoreError as error:
            outcomes.append(ImportOutcome(year, "broken", str(error)))
            continue
        newest = repository.latest().get(year)
        if newest is not None:
            same = repository.load(newest.id)
            if same.original == stored.original and same.layout == stored.layout:
                outcomes.append(
                    ImportOutcome(
                        year, "present", f"{year} staat al in de database (versie {newest.version})."
                    )
                )
            else:
                outcomes.append(
                    ImportOutcome(
                        year,
                        "different",
                        f"{year} staat al in de database (versie {newest.version}) met andere cijfers; niet ingelezen, "
                        "niets overschreven.",
                    )
                )
            continue
        info = repository.save(
            year,
            stored.original,
            stored.info.file_name,
            stored.layout,
            stored.info.organisation if stored.info.organisation in ORGANISATIONS else "anders",
            added=stored.info.added,
        )
        outcomes.append(
            ImportOutcome(year, "imported", f"{year} ingelezen als versie {info.version} (id {info.id}).")
        )
    return outcomes
