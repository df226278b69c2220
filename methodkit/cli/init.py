"""`methodkit init DIR`: a new methodology of its own, which builds at once.

Not a fork of another organisation's methodology: the new repository holds its
configuration, content folders, schemas, vocabularies (starter terms, or copied
from an existing methodology with --from), defaults, a first module, the site's
own pages and a README, in the languages it names. The engine stays a package
(`requirements.txt` pins its version), so upgrading it never means merging
someone else's content.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from methodkit import __version__
from methodkit.i18n import available
from methodkit.publishing.citation import slug

STARTER = Path(__file__).parent / "starter"
SCHEMAS = (
    Path(__file__).parents[1] / "schemas"
)  # the engine's item types, as this repository declares them
FOLDERS = ("modules", "sessions", "practices", "framework")
_TEMPLATES = Environment(
    loader=FileSystemLoader(STARTER),
    autoescape=False,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


class InitError(Exception):
    """A refusal, printed as is: nothing was written."""


def _texts(languages) -> dict[str, dict]:
    texts = yaml.safe_load((STARTER / "texts.yml").read_text("utf-8"))
    return {lang: texts.get(lang, texts["en"]) for lang in languages}


def vocabularies(languages, source: Path | None) -> dict[str, list[dict]]:
    """The vocabularies to start with: the starter terms, or those of the methodology `source`."""
    if source is None:
        data = yaml.safe_load((STARTER / "vocabularies.yml").read_text("utf-8"))
        return {
            name: [
                {"id": t["id"], **{code: t.get(code, t["en"]) for code in languages}} for t in terms
            ]
            for name, terms in data.items()
        }
    from methodkit.loading.config import site_settings

    settings = site_settings(source)
    out = {}
    for path in sorted((source / settings.content_dir / "vocabularies").glob("*.yml")):
        terms = (yaml.safe_load(path.read_text("utf-8")) or {}).get("terms") or []
        first = settings.languages[0]
        out[path.stem] = [
            {"id": t["id"], **{code: t.get(code) or t[first] for code in languages}} for t in terms
        ]
    return out


def init_site(
    target: Path,
    languages: list[str],
    name: str,
    site_name: str | None = None,
    source: Path | None = None,
) -> list[Path]:
    """Write the new repository into `target` (missing or empty); returns the files written."""
    if target.exists() and any(target.iterdir()):
        raise InitError(f"{target} is not empty; give a new or empty folder")
    if not languages or len(set(languages)) != len(languages):
        raise InitError("give each language once, the first the site's own: --languages fr,nl")
    missing = [code for code in languages if code not in available()]
    if missing:
        raise InitError(
            f"there is no interface text in {', '.join(missing)}: add methodkit/locales/<lang>.yml "
            "(copy en.yml and translate it), or leave the language out for now"
        )
    if source is not None and not (source / "mkdocs.yml").exists():
        raise InitError(
            f"--from {source}: no mkdocs.yml there; give the folder of an existing methodology"
        )
    texts, lang = _texts(languages), languages[0]
    site_name = site_name or name
    vocab = vocabularies(languages, source)
    needed = ("phases", "formats", "audiences", "levers", "barriers")
    if any(not vocab.get(name) for name in needed):
        raise InitError(
            f"--from {source}: the first module needs a term in each of {', '.join(needed)}"
        )
    first_id = slug(texts[lang]["module_title"])
    common = {
        "name": name,
        "site_name": site_name,
        "languages": languages,
        "texts": texts,
        "lang": lang,
        "t": texts[lang],
        "version": __version__,
        "id": first_id,
        "terms": {name: vocab[name][0]["id"] for name in needed},
    }
    files: dict[str, str] = {
        "mkdocs.yml": "mkdocs.yml.j2",
        "README.md": "README.md.j2",
        "docs/index.md": "docs/index.md.j2",
        "docs/modules/index.md": "docs/modules/index.md.j2",
        "docs/glossary.md": "docs/glossary.md.j2",
        "docs/cite.md": "docs/cite.md.j2",
        "docs/plan.md": "docs/plan.md.j2",
        "docs/accessibility.md": "docs/accessibility.md.j2",
        "methodology/defaults.yml": "defaults.yml.j2",
        f"methodology/modules/{first_id}.md": "module.md.j2",
    }
    written = []
    target.mkdir(parents=True, exist_ok=True)

    def write(rel: str, text: str) -> None:
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as fh:  # never overwrites
            fh.write(text)
        written.append(path)

    for rel, template in files.items():
        write(rel, _TEMPLATES.get_template(template).render(**common))
    write(
        "requirements.txt",
        "# The engine that publishes this methodology; upgrade it here.\n"
        f"methodkit=={__version__}\n",
    )
    write(".gitignore", "site/\n.venv/\n")
    for name_, terms in vocab.items():
        header = (
            f"# {name_}: the terms items use; ids are stable, "
            f"labels per language ({', '.join(languages)}).\n"
        )
        write(
            f"methodology/vocabularies/{name_}.yml",
            header
            + yaml.safe_dump({"terms": terms}, allow_unicode=True, sort_keys=False, width=100),
        )
    step = {
        "id": "start",
        "phase": vocab["phases"][0]["id"],
        "format": vocab["formats"][0]["id"],
        "times": 1,
        "half_days": 1,
        "start_month": 1,
        "end_month": 1,
        "modules": [first_id],
        **{
            code: {"label": texts[code]["step"], "description": texts[code]["step_description"]}
            for code in languages
        },
    }
    write(
        "methodology/trajectory.yml",
        "# The plan of the track, step by step (time in half-days).\n"
        + yaml.safe_dump(
            {"months": 12, "steps": [step]}, allow_unicode=True, sort_keys=False, width=100
        ),
    )
    for schema in sorted(p for p in SCHEMAS.iterdir() if p.suffix in (".json", ".yml")):
        write(f"methodology/schemas/{schema.name}", schema.read_text("utf-8"))
    for folder in FOLDERS[1:]:
        (target / "methodology" / folder).mkdir(parents=True, exist_ok=True)
    return written
