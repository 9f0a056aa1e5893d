"""Which files make up the submissions to load: every ``.yaml``, ``.yml`` and ``.json`` file
under the paths given, in an order that does not depend on how the paths were given."""

import os
from collections.abc import Iterable
from pathlib import Path

from vndgaf.errors import InputError

__all__ = ["SUFFIXES", "discover"]

SUFFIXES = (".yaml", ".yml", ".json")


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[str, ...]:
    """Every submission file under ``paths`` (directories searched recursively), sorted.

    Hidden files and directories are skipped. The order does not depend on the order of
    ``paths``, so neither do the findings. A path that does not exist, or a directory without
    any submission file, is an :class:`InputError` (a mistyped directory must not pass as a
    clean submission).
    """
    found: set[str] = set()
    searched: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            searched.append(path.as_posix())
            for child in path.rglob("*"):
                rel = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel):
                    continue
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    found.add(child.as_posix())
        elif path.is_file():
            found.add(path.as_posix())
        elif path.exists():
            raise InputError(f"{path}: not a regular file or directory")
        else:
            raise InputError(f"{path}: no such file or directory")
    if not found and searched:
        raise InputError(f"{', '.join(searched)}: no submission file (.yaml, .yml or .json) found")
    return tuple(sorted(found))
