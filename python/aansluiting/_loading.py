"""Loaders: one catalogue that holds everything loaded."""

from __future__ import annotations

import difflib
import functools
import os
import warnings
from pathlib import Path
from typing import Sequence

from ._core import Catalogue, InputError, NotFoundError
from ._errors import dutch_error

#: Environment variable that points at a data folder laid out like ``shared/data``.
DATA_ENV = "AANSLUITING_DATA"
#: Environment variable that points at a curricula folder (``programmes/``, ``transitions/``).
CURRICULA_ENV = "AANSLUITING_CURRICULA"


def load_slo(folder: str | os.PathLike, *, into: Catalogue | None = None, basis_goals: bool = False) -> Catalogue:
    """Load SLO open curriculum data (exam programmes, syllabi, reference framework)."""
    cat = into if into is not None else Catalogue()
    return cat.load_slo(os.fspath(folder), basis_goals=basis_goals)


def load_sbb(path: str | os.PathLike, *, into: Catalogue | None = None) -> Catalogue:
    """Load SBB kwalificatiedossier XML: one file or a folder of ``*.xml``."""
    cat = into if into is not None else Catalogue()
    return cat.load_sbb(os.fspath(path))


def load_csv(path: str | os.PathLike, *, into: Catalogue | None = None) -> Catalogue:
    """Load authored programmes in CSV: one file or a folder of ``*.csv``."""
    cat = into if into is not None else Catalogue()
    return cat.load_csv(os.fspath(path))


def find_data_folder(start: str | os.PathLike | None = None) -> Path | None:
    """The data folder: ``$AANSLUITING_DATA``, else ``shared/data`` beside or above ``start`` (default: cwd)."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    here = Path(start or Path.cwd()).resolve()
    for base in (here, *here.parents):
        for candidate in (base / "shared" / "data", base.parent / "shared" / "data"):
            if (candidate / "slo").is_dir() or (candidate / "sbb").is_dir():
                return candidate
    return None


#: The copy of ``curricula/`` that ``pip install`` puts inside the package.
PACKAGED_CURRICULA = Path(__file__).parent / "curricula"


def find_curricula_folder(start: str | os.PathLike | None = None) -> Path | None:
    """The curricula folder: ``$AANSLUITING_CURRICULA``, else ``curricula/`` in or above ``start``
    (default: cwd), else the copy installed with the package."""
    env = os.environ.get(CURRICULA_ENV)
    if env:
        return Path(env)
    here = Path(start or Path.cwd()).resolve()
    for base in (here, *here.parents):
        if (base / "curricula" / "programmes").is_dir():
            return base / "curricula"
    return PACKAGED_CURRICULA if (PACKAGED_CURRICULA / "programmes").is_dir() else None


def load(
    data: str | os.PathLike | None = None,
    curricula: str | os.PathLike | None = None,
    *,
    basis_goals: bool = False,
) -> Catalogue:
    """Load everything: SLO data, SBB files and the authored programmes of ``curricula/``.

    Folders that are not given are looked up with :func:`find_data_folder` and
    :func:`find_curricula_folder`; a missing ``slo/`` or ``sbb/`` part is skipped.
    A data folder that is given but holds neither, or none found at all, raises
    :class:`FileNotFoundError`: an empty catalogue would hide the mistake. So does a curricula
    folder that is given (or set in ``$AANSLUITING_CURRICULA``) but does not exist, or that holds
    no ``programmes/`` or ``transitions/`` but CSV or TOML files of its own (the programmes or
    transitions folder itself); one that holds nothing of these is loaded with a
    :class:`CurriculaFolderWarning`.
    """
    data_path = Path(data) if data is not None else find_data_folder()
    curricula_path = Path(curricula) if curricula is not None else find_curricula_folder()
    # A folder the user named (here or in $AANSLUITING_CURRICULA) is checked; a found one has programmes/.
    curricula_named = curricula is not None or bool(os.environ.get(CURRICULA_ENV))
    if data_path is None:
        raise dutch_error(
            FileNotFoundError, "load.no_data_folder",
            f"no data folder found: none given, ${DATA_ENV} is not set, and no shared/data (with slo/ or sbb/) "
            f"in or above {Path.cwd()}; pass load(data=...) or set {DATA_ENV}",
            f"geen datamap gevonden: er is er geen opgegeven, ${DATA_ENV} is niet gezet, en er staat geen "
            f"shared/data (met slo/ of sbb/) in of boven {Path.cwd()}; geef load(data=...) op of zet {DATA_ENV}")
    if not ((data_path / "slo").is_dir() or (data_path / "sbb").is_dir()):
        raise dutch_error(
            FileNotFoundError, "load.data_folder_without_sources",
            f"{data_path}: no slo/ or sbb/ folder (expected a data folder laid out like shared/data)",
            f"{data_path}: geen map slo/ of sbb/ (verwacht: een datamap ingedeeld zoals shared/data)")
    if curricula_named and curricula_path is not None:
        how = "load(curricula=...)" if curricula is not None else f"${CURRICULA_ENV}"
        check_curricula_folder(curricula_path, how=how)
    cat = Catalogue()
    if (data_path / "slo").is_dir():
        cat.load_slo(os.fspath(data_path / "slo"), basis_goals=basis_goals)
    if (data_path / "sbb").is_dir():
        cat.load_sbb(os.fspath(data_path / "sbb"))
    if curricula_path is not None and (curricula_path / "programmes").is_dir():
        cat.load_csv(os.fspath(curricula_path / "programmes"))
    return cat


class CurriculaFolderWarning(UserWarning):
    """A curricula folder was given that holds neither ``programmes/`` nor ``transitions/``: nothing is read from it."""


def curricula_folder_problem(folder: str | os.PathLike, how: str = "load(curricula=...)"
                             ) -> tuple[type[Exception] | type[Warning], str, str, str] | None:
    """What is wrong with a curricula folder that the user named, or None when nothing is.

    Returns the exception (or warning) class, a stable code, the English and the Dutch text;
    ``how`` says how the folder was given (``load(curricula=...)``, ``--curricula``, an
    environment variable), so that the advice names what to change.
    """
    path = Path(folder)
    if not path.exists():
        return (FileNotFoundError, "load.curricula_not_found",
                f"the curricula folder {path} ({how}) does not exist "
                "(expected a folder with programmes/ and transitions/, like curricula/)",
                f"de map met eigen curricula {path} ({how}) bestaat niet "
                "(verwacht: een map met programmes/ en transitions/, zoals curricula/)")
    if not path.is_dir():
        return (NotADirectoryError, "load.curricula_not_a_folder",
                f"the curricula folder {path} ({how}) is not a folder "
                "(expected a folder with programmes/ and transitions/, like curricula/)",
                f"de map met eigen curricula {path} ({how}) is geen map "
                "(verwacht: een map met programmes/ en transitions/, zoals curricula/)")
    if (path / "programmes").is_dir() or (path / "transitions").is_dir():
        return None
    try:
        suffixes = {p.suffix.lower() for p in path.iterdir() if p.is_file()}
    except OSError:
        suffixes = set()
    if ".csv" in suffixes or ".toml" in suffixes:
        # The user pointed at curricula/programmes (or curricula/transitions) itself.
        sub = "programmes" if ".csv" in suffixes else "transitions"
        what_en, what_nl = (("CSV files: it looks like a programmes folder itself",
                             "wel CSV-bestanden: dit lijkt zelf een map met programma's") if sub == "programmes" else
                            ("TOML files: it looks like a transitions folder itself",
                             "wel TOML-bestanden: dit lijkt zelf een map met overgangen"))
        if path.resolve().name in ("programmes", "transitions"):
            parent = path.resolve().parent
            advice_en, advice_nl = (f"give the folder above it: {parent}", f"Geef de map erboven op: {parent}")
        else:
            advice_en = f"put its files in {path / sub}, or give the folder that holds {sub}/"
            advice_nl = f"Zet de bestanden in {path / sub}, of geef de map op waarin {sub}/ staat"
        return (FileNotFoundError, "load.curricula_is_a_subfolder",
                f"the curricula folder {path} ({how}) holds no programmes/ or transitions/ folder but {what_en}; "
                f"{advice_en}",
                f"in de map met eigen curricula {path} ({how}) staat geen map programmes/ of transitions/, "
                f"maar {what_nl}. {advice_nl}")
    return (CurriculaFolderWarning, "load.curricula_empty",
            f"the curricula folder {path} ({how}) holds no programmes/ or transitions/ folder: "
            "no own programmes are loaded from it",
            f"in de map met eigen curricula {path} ({how}) staat geen map programmes/ of transitions/: "
            "er worden geen eigen programma's uit geladen")


def check_curricula_folder(folder: str | os.PathLike, how: str = "load(curricula=...)") -> None:
    """Raises (or warns) as :func:`curricula_folder_problem` says."""
    problem = curricula_folder_problem(folder, how)
    if problem is None:
        return
    kind, code, english, dutch = problem
    if issubclass(kind, Warning):
        warnings.warn(kind(f"{english}\nIn het Nederlands: {dutch}"), stacklevel=3)
        return
    raise dutch_error(kind, code, english, dutch)  # type: ignore[arg-type]


def shipped_programme_file(name: str, level: str, kinds: Sequence[str]) -> Path | None:
    """The CSV file of a programme shipped with the package that ``name`` names at ``level``, for a
    catalogue loaded from another curricula folder that lacks it: an own folder replaces the shipped
    one, and a user test got "bedoelt u ... Informatietechnologie" for a T&T it had not copied."""
    shipped = _shipped_catalogue()
    if shipped is None:
        return None
    try:
        programme = shipped.find_programme(name, level, kinds=list(kinds))
    except NotFoundError:
        return None
    # Only for the programme's own name: part of one ("Toepassing") is no reason to copy a file.
    if shipped._named_by(name, programme) not in ("title", "subject", "abbreviation", "code"):
        return None
    return Path(programme.source.file) if programme.source and programme.source.file else None


@functools.cache  # loaded once, on the first miss
def _shipped_catalogue() -> Catalogue | None:
    """The programmes shipped with the package, alone in a catalogue (None when the package has none)."""
    folder = PACKAGED_CURRICULA / "programmes"
    if not folder.is_dir():
        return None
    shipped = Catalogue()
    try:
        shipped.load_csv(os.fspath(folder))
    except InputError:
        return None
    return shipped


def similar_file(path: str | os.PathLike) -> Path | None:
    """A file beside ``path`` whose name is nearly its name (``hzw.sssom.tvs`` for ``hzw.sssom.tsv``), for a
    "did you mean" when ``path`` is not there; None when there is none or the folder cannot be read."""
    given = Path(path)
    try:
        names = [p.name for p in given.parent.iterdir() if p.is_file()] if given.parent.is_dir() else []
    except OSError:
        return None
    close = difflib.get_close_matches(given.name, names, n=1, cutoff=0.8)
    return given.parent / close[0] if close else None
