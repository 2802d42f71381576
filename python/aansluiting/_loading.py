"""Loaders: one catalogue that holds everything loaded."""

from __future__ import annotations

import os
from pathlib import Path

from ._core import Catalogue

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
    :class:`FileNotFoundError`: an empty catalogue would hide the mistake.
    """
    data_path = Path(data) if data is not None else find_data_folder()
    curricula_path = Path(curricula) if curricula is not None else find_curricula_folder()
    if data_path is None:
        raise FileNotFoundError(
            f"no data folder found: none given, ${DATA_ENV} is not set, and no shared/data (with slo/ or sbb/) "
            f"in or above {Path.cwd()}; pass load(data=...) or set {DATA_ENV}")
    if not ((data_path / "slo").is_dir() or (data_path / "sbb").is_dir()):
        raise FileNotFoundError(f"{data_path}: no slo/ or sbb/ folder (expected a data folder laid out like shared/data)")
    cat = Catalogue()
    if (data_path / "slo").is_dir():
        cat.load_slo(os.fspath(data_path / "slo"), basis_goals=basis_goals)
    if (data_path / "sbb").is_dir():
        cat.load_sbb(os.fspath(data_path / "sbb"))
    if curricula_path is not None and (curricula_path / "programmes").is_dir():
        cat.load_csv(os.fspath(curricula_path / "programmes"))
    return cat
