"""Read the methodkit settings from mkdocs.yml without starting MkDocs.

The command-line tool needs only a few settings (content folder, languages),
and loading the full MkDocs config costs a second: read the YAML directly.
`!ENV` is read as MkDocs reads it, and `!!python/name:` names the object it
names (mkdocs.yml is code, reviewed as code), so the Markdown extensions and
their options are the site's own, whatever their values.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_LANGUAGES = ("nl", "fr", "en")
# The engine's theme (methodkit.mkdocs_adapter.theme), found by path: nothing of it is imported.
ENGINE_THEME = Path(__file__).parents[1] / "mkdocs_adapter" / "theme"


PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class _TolerantLoader(yaml.SafeLoader):
    pass


class _Unresolved:
    """What `!!python/name:` gives for a name that cannot be imported here (Material's emoji
    index where Material is not installed): an extension's option of this value is left out, so
    the extension takes its default rather than a value it cannot use. False, like the None other
    settings once got."""

    def __bool__(self) -> bool:
        return False


UNRESOLVED = _Unresolved()


def _any_tag(loader, suffix, node):
    if suffix == "!ENV":
        # `!ENV VAR` or `!ENV [VAR1, VAR2, default]`, as pyyaml_env_tag reads it.
        names = (
            [loader.construct_scalar(node)]
            if isinstance(node, yaml.ScalarNode)
            else loader.construct_sequence(node)
        )
        for name in names[:-1] if len(names) > 1 else names:
            if name in os.environ:
                return os.environ[name]
        return names[-1] if len(names) > 1 else None
    if suffix.startswith(PYTHON_NAME):
        module, _, name = suffix.removeprefix(PYTHON_NAME).rpartition(".")
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError):
            return UNRESOLVED  # MkDocs reports a name it cannot find when it builds
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("", _any_tag)


@dataclass(frozen=True)
class Settings:
    content_dir: str = "methodology"
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    docs_dir: str = "docs"
    site_url: str = "/"
    # mkdocs-macros' modules, if the site uses it: its own (a .py file or package beside mkdocs.yml)
    # and installed ones (`modules:`, dotted names such as methodkit.mkdocs_adapter.macros)
    macros_modules: tuple[str, ...] = ()
    macro_pages: tuple[
        str, ...
    ] = ()  # the docs pages that may call macros (methodkit's macro_pages)
    page_templates: tuple[
        str, ...
    ] = ()  # the templates a docs page may choose (methodkit's page_templates)
    preview: bool = False  # built as serve builds: drafts shown, problems in a banner
    theme_dir: str | None = None  # the site's own theme folder (theme.custom_dir), if it has one

    def theme_folders(self, root: Path) -> list[Path] | None:
        """Where the theme's files come from, first first: the site's own folder, the engine's,
        Material's. None when Material is not installed here: there is no telling."""
        try:  # found through the package's files, not imported
            material = importlib.metadata.distribution("mkdocs-material")
        except importlib.metadata.PackageNotFoundError:
            return None
        return [
            *([root / self.theme_dir] if self.theme_dir else []),
            ENGINE_THEME,
            Path(material.locate_file("material/templates")),
        ]

    def in_theme(self, root: Path, rel: str) -> bool:
        """Whether a theme folder has the file `rel` (an image under assets/, say); true when
        there is no telling."""
        folders = self.theme_folders(root)
        return folders is None or any((folder / rel).is_file() for folder in folders)

    def templates_not_found(self, root: Path) -> tuple[str, ...]:
        """The page templates (page_templates) that no theme folder has."""
        return tuple(name for name in self.page_templates if not self.in_theme(root, name))


def config_path(root: Path, config_file: str | None = None) -> Path:
    """The site's configuration file: `config_file`, or mkdocs.yml in `root`."""
    path = Path(config_file or root / "mkdocs.yml")
    return path if path.is_absolute() else root / path


def _read(root: Path, config_file: str | None = None) -> dict:
    try:
        return (
            yaml.load(config_path(root, config_file).read_text("utf-8"), Loader=_TolerantLoader)
            or {}
        )
    except (OSError, yaml.YAMLError):
        return {}


# The extensions MkDocs adds before a site's own (config_options.MarkdownExtensions' builtins).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")


def markdown_extensions(root: Path, config_file: str | None = None) -> tuple:
    """The site's Markdown extensions as ((name, frozen options), ...), hashable for caching.

    `methodkit check` renders bodies with them to see what a reader's browser would get;
    `thaw` gives the options back as Markdown takes them.
    """
    options = {name: {} for name in MKDOCS_BUILTINS}
    for ext in _read(root, config_file).get("markdown_extensions") or []:
        name, cfg = next(iter(ext.items())) if isinstance(ext, dict) else (ext, None)
        cfg = {k: v for k, v in cfg.items() if v is not UNRESOLVED} if isinstance(cfg, dict) else {}
        options[str(name)] = cfg  # a built-in named again keeps its place, with these options
    return tuple((name, freeze(cfg)) for name, cfg in options.items())


def freeze(value):
    """A YAML value as a hashable one: mappings and lists become tagged tuples."""
    if isinstance(value, dict):
        return ("mapping", tuple((k, freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("list", tuple(freeze(v) for v in value))
    return value


def thaw(value):
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "mapping":
        return {k: thaw(v) for k, v in value[1]}
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "list":
        return [thaw(v) for v in value[1]]
    return value


@lru_cache(maxsize=4)
def site_markdown(extensions: tuple):
    """A Markdown converter with the site's extensions and options (`markdown_extensions`), to
    render a body as the site renders it; `reset()` it before each body."""
    import markdown  # here: a command that renders nothing does not pay for it

    return markdown.Markdown(
        extensions=[name for name, _ in extensions],
        extension_configs={name: thaw(cfg) for name, cfg in extensions if thaw(cfg)},
    )


def site_settings(root: Path, config_file: str | None = None) -> Settings:
    data = _read(root, config_file)
    opts, macros = {}, ()
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "methodkit" in plugin:
            opts = plugin["methodkit"] or {}
        if plugin == "macros" or isinstance(plugin, dict) and "macros" in plugin:
            opts_macros = (plugin.get("macros") if isinstance(plugin, dict) else None) or {}
            macros = (opts_macros.get("module_name", "main"), *opts_macros.get("modules", []))
    return Settings(
        opts.get("content_dir", "methodology"),
        tuple(opts.get("languages", DEFAULT_LANGUAGES)),
        data.get("docs_dir", "docs"),
        (data.get("site_url") or "/").rstrip("/") + "/",
        macros,
        tuple(str(p) for p in opts.get("macro_pages") or ()),
        tuple(str(t) for t in opts.get("page_templates") or ()),
        opts.get("preview") is True,
        theme.get("custom_dir") if isinstance(theme.get("custom_dir"), str) else None,
    )


def publisher(root: Path, config_file: str | None = None) -> tuple[dict, str]:
    """`extra.publisher` of mkdocs.yml and the site's name, for commands that run without MkDocs."""
    data = _read(root, config_file)
    return dict(_extra(data).get("publisher") or {}), str(data.get("site_name") or "")


def extra(root: Path, config_file: str | None = None) -> dict:
    """`extra` of mkdocs.yml (the publisher, the accessibility statement's facts)."""
    return _extra(_read(root, config_file))


def _extra(data: dict) -> dict:
    value = data.get("extra")
    return value if isinstance(value, dict) else {}
