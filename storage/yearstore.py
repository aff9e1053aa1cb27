"""Saved years: next year's figures kept in a data folder outside the repository, for everyone.

A facilitator adds a year on the page 'Nieuw jaar toevoegen'. Once the figures pass the
checks of :mod:`analysis.intake`, they can be used in one's own browser session or, with
the facilitator key (*beheersleutel*), saved for everyone. This module is the saving
part (storage: it reads the environment, the file system and the key); the page's texts
that come from the data are in :mod:`analysis.year_intake`. No Streamlit.

Each saved year is a folder ``<root>/<year>/`` holding:

* ``origineel``: the uploaded bytes, unchanged (a workbook stays a workbook);
* ``tabellen.txt``: the layout text the parser reads (UTF-8);
* ``gegevens.json``: the year, the original file name, the organisation type of who
  added it, the UTC time it was added, and the size and SHA-256 of the original.

The folder is written under a temporary name in the same root and then moved into place
with one :func:`os.replace`, so a reader sees either the complete year or nothing; a
year that exists is never overwritten. A saved year that cannot be read (a file missing
or changed, the tables no longer readable) gives a Dutch message naming the year; the
other years keep working.

The root is ``$KETENDIALOOG_DATA_DIR`` or ``~/.local/share/ketendialoog/jaren``. Saving
needs the facilitator key, configured as ``$KETENDIALOOG_BEHEERSLEUTEL`` or as
``beheersleutel`` in Streamlit's secrets; both the given and the configured key are
hashed and compared in constant time (:func:`key_matches`).
"""

import hashlib
import hmac
import json
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from analysis.dutch import fmt_date, fmt_int
from analysis.geography import Gazetteer, default_gazetteer
from analysis.intake import FIRST_YEAR
from analysis.parser import LayoutError, parse_layout
from analysis.paths import PROJECT_DIR

ENV_DATA_DIR = "KETENDIALOOG_DATA_DIR"
ENV_KEY = "KETENDIALOOG_BEHEERSLEUTEL"
SECRET_KEY = "beheersleutel"
DEFAULT_ROOT = "~/.local/share/ketendialoog/jaren"
#: A configured key may be given as its SHA-256 instead of in plain text: ``sha256:<64 hex digits>``.
HASHED_PREFIX = "sha256:"

ORIGINAL_FILE = "origineel"
LAYOUT_FILE = "tabellen.txt"
META_FILE = "gegevens.json"
FORMAT_VERSION = 1

#: Who adds a year: the organisation types of the chain partners.
ORGANISATIONS: tuple[str, ...] = (
    "politie",
    "OM",
    "gemeente",
    "RIEC",
    "zorg/hulpverlening",
    "CoMensHa",
    "anders",
)

#: Years a folder name may hold (four digits, from the first dashboard on).

_LAST_YEAR = 2999
_MAX_NAME = 200


class YearStoreError(Exception):
    """A problem with saved years; the message is Dutch and says what to do."""


class YearExistsError(YearStoreError):
    """The year is already saved; saved years are never overwritten."""


class BrokenYearError(YearStoreError):
    """A saved year that cannot be read; the other years are not affected."""


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


def clean_file_name(name: str) -> str:
    """The file name as recorded: no path, no control characters, not absurdly long."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return (cleaned or "onbekend")[:_MAX_NAME]


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


# -- the facilitator key ------------------------------------------------------------------


def configured_key(env: Mapping[str, str] | None = None, secret: object = None) -> str | None:
    """The facilitator key from ``$KETENDIALOOG_BEHEERSLEUTEL``, else from the secrets; None if neither."""
    env = os.environ if env is None else env
    for value in (env.get(ENV_KEY), secret):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def key_matches(given: str | None, configured: str | None) -> bool:
    """True when ``given`` is the configured facilitator key.

    Both sides are hashed with SHA-256 and the digests compared with
    :func:`hmac.compare_digest`, so the comparison takes the same time whatever the
    input. ``configured`` may itself be ``sha256:<hex>``. No key configured: False.
    """
    if not configured or not given:
        return False
    if configured.startswith(HASHED_PREFIX):
        try:
            expected = bytes.fromhex(configured.removeprefix(HASHED_PREFIX).strip())
        except ValueError:
            return False
        if len(expected) != hashlib.sha256().digest_size:
            return False
    else:
        expected = _digest(configured)
    return hmac.compare_digest(_digest(given), expected)


#: Shown when no facilitator key is configured: saving for everyone is off.
SAVING_OFF_TEXT = (
    "Opslaan voor iedereen staat uit: op deze server is geen beheersleutel ingesteld. Je kunt het jaar wel voor "
    "je eigen sessie gebruiken. Een beheerder zet opslaan aan door op de server de omgevingsvariabele "
    f"{ENV_KEY} te zetten (of '{SECRET_KEY}' in .streamlit/secrets.toml) en de app opnieuw te starten. De "
    f"jaren komen dan in de map uit {ENV_DATA_DIR} (standaard {DEFAULT_ROOT}), buiten de broncode."
)

WRONG_KEY_TEXT = "De beheersleutel klopt niet. Er is niets opgeslagen."
NO_ORGANISATION_TEXT = (
    "Kies eerst wie het jaar toevoegt (het soort organisatie); dat wordt bij het jaar bewaard."
)


# -- texts of the page 'Nieuw jaar toevoegen' ----------------------------------------------


def added_text(moment: datetime) -> str:
    """When a year was added, in Dutch: ``28 november 2026 om 14:05 (UTC)``."""
    utc = moment.astimezone(UTC)
    return f"{fmt_date(utc.year, utc.month, utc.day)} om {utc:%H:%M} (UTC)"


def size_text(n: int) -> str:
    """A file size in Dutch: ``812 bytes``, ``12,3 kB``."""
    if n < 1024:
        return f"{fmt_int(n)} bytes"
    kilo = n / 1024
    if kilo < 1024:
        return f"{kilo:.1f} kB".replace(".", ",")
    return f"{kilo / 1024:.1f} MB".replace(".", ",")


SAVED_SCHEMA = {
    "Jaar": pl.Int64,
    "Toegevoegd door": pl.String,
    "Toegevoegd op": pl.String,
    "Bestand": pl.String,
    "Staat": pl.String,
}


def saved_years_table(
    listing: Iterable[ListedYear], bundled: Iterable[int] = (), problems: Mapping[int, str] | None = None
) -> pl.DataFrame:
    """The saved years for the page: year, organisation type, when (UTC), file, and whether it is in use.

    ``problems`` holds years that could not be loaded (for instance tables that no longer
    parse); they are marked as broken.
    """
    bundled = set(bundled)
    problems = problems or {}
    rows = []
    for entry in listing:
        if entry.info is None:
            rows.append(
                {
                    "Jaar": entry.year,
                    "Toegevoegd door": "",
                    "Toegevoegd op": "",
                    "Bestand": "",
                    "Staat": entry.problem,
                }
            )
            continue
        state = "in gebruik"
        if entry.year in problems:
            state = "beschadigd, niet in gebruik (zie de melding)"
        elif entry.year in bundled:
            state = "niet in gebruik: de app levert dit jaar zelf mee, en die versie telt"
        rows.append(
            {
                "Jaar": entry.year,
                "Toegevoegd door": entry.info.organisation,
                "Toegevoegd op": added_text(entry.info.added),
                "Bestand": f"{entry.info.file_name} ({size_text(entry.info.size)})",
                "Staat": state,
            }
        )
    return pl.DataFrame(rows, schema=SAVED_SCHEMA)
