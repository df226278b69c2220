"""`make bench`: how the engine scales with the size of the methodology.

The real methodology has a few dozen items; the site must stay pleasant with a
thousand modules per language. This benchmark writes a synthetic but realistic
corpus (every schema field, ~850-word module bodies with steps, coach notes and
worksheets, cross-references, vocabulary terms, current French and English
translations) into a temporary folder laid out like the repository, then runs
the real tools on it:

* `methodkit check` (the command-line tool, so start-up time counts),
* the full build of every language (`build_site`, in a fresh process so that
  peak memory is per size),
* one edit under `methodkit serve` until the page is rewritten,
* the same Markdown built with plain Material (no methodkit, no macros), so
  the overhead of our layer is a ratio measured side by side on this machine.

Everything is seeded, so two runs build the same corpus. Nothing is written
into the repository. Each measurement runs twice and the fastest counts, and
CPU seconds are reported beside wall time, because a shared machine makes wall
time noisy. The last line of output is the machine-readable summary.
See PERFORMANCE.md for the results and how to read them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
LANGS = ("nl", "fr", "en")
SEED = 20260
# site_ratio: our whole site's build time over plain Material's for the same pages (issue 14: 1.5);
# cpu_per_page_ratio: our CPU time per page over a plain page's (issue 14: 1.1).
TARGETS = {
    "check_s": 2,
    "build_s": 8,
    "per_page_growth": 1.2,
    "site_ratio": 1.5,
    "cpu_per_page_ratio": 1.1,
    "serve_s": 1.5,
    "page_kb": 60,
}

# -- phrase pools: aligned by index, so the same choices give a "translation" ----------------------
SUBJECTS = {
    "nl": [
        "Elke deelnemer",
        "De coach",
        "De groep",
        "Een collega uit een andere organisatie",
        "Het maatje",
        "De leidinggevende",
        "Iedereen",
        "Het team",
        "Elk duo",
        "Wie het idee voorstelt",
    ],
    "fr": [
        "Chaque participant",
        "Le coach",
        "Le groupe",
        "Un collègue d'une autre organisation",
        "Le binôme",
        "La personne responsable",
        "Chacun",
        "L'équipe",
        "Chaque duo",
        "La personne qui présente l'idée",
    ],
    "en": [
        "Each participant",
        "The coach",
        "The group",
        "A colleague from another organisation",
        "The buddy",
        "The manager",
        "Everyone",
        "The team",
        "Each pair",
        "Whoever presents the idea",
    ],
}
VERBS = {
    "nl": [
        "bespreekt",
        "verkent",
        "noteert",
        "deelt",
        "onderzoekt",
        "kiest",
        "beschrijft",
        "toetst",
        "herschrijft",
        "ordent",
    ],
    "fr": [
        "examine",
        "explore",
        "note",
        "partage",
        "analyse",
        "choisit",
        "décrit",
        "vérifie",
        "reformule",
        "classe",
    ],
    "en": [
        "discusses",
        "explores",
        "writes down",
        "shares",
        "examines",
        "chooses",
        "describes",
        "tests",
        "rewrites",
        "sorts",
    ],
}
OBJECTS = {
    "nl": [
        "de drempels rond het eigen idee",
        "een eerste kleine stap",
        "de belangrijkste stakeholders",
        "wat er al aanwezig is in de organisatie",
        "het verhaal achter het idee",
        "de vragen die nog openliggen",
        "een concreet experiment voor de komende weken",
        "de economische meerwaarde van het plan",
        "de rol van collega's op de werkvloer",
        "de afspraken voor de volgende sessie",
    ],
    "fr": [
        "les freins liés à sa propre idée",
        "un premier petit pas",
        "les principales parties prenantes",
        "ce qui existe déjà dans l'organisation",
        "l'histoire derrière l'idée",
        "les questions encore ouvertes",
        "une expérimentation concrète pour les semaines à venir",
        "la valeur économique du projet",
        "le rôle des collègues sur le lieu de travail",
        "les accords pour la prochaine séance",
    ],
    "en": [
        "the barriers around their own idea",
        "a first small step",
        "the key stakeholders",
        "what is already there in the organisation",
        "the story behind the idea",
        "the questions that remain open",
        "a concrete experiment for the coming weeks",
        "the economic value of the plan",
        "the role of colleagues on the work floor",
        "the agreements for the next session",
    ],
}
TAILS = {
    "nl": [
        "in duo's",
        "op een flap aan de muur",
        "voor de volgende sessie",
        "samen met een maatje",
        "zonder meteen naar oplossingen te zoeken",
        "in hooguit vijf minuten",
        "met gele en blauwe post-its",
        "aan de hand van het werkblad",
        "in kleine groepjes van drie of vier",
        "terwijl de anderen doorvragen",
    ],
    "fr": [
        "en binômes",
        "sur une feuille de paperboard au mur",
        "pour la prochaine séance",
        "avec son binôme",
        "sans chercher tout de suite des solutions",
        "en cinq minutes au maximum",
        "avec des post-it jaunes et bleus",
        "à l'aide de la fiche de travail",
        "en petits groupes de trois ou quatre",
        "pendant que les autres posent des questions",
    ],
    "en": [
        "in pairs",
        "on a flip chart on the wall",
        "for the next session",
        "together with a buddy",
        "without jumping to solutions",
        "in five minutes at most",
        "with yellow and blue sticky notes",
        "using the worksheet",
        "in small groups of three or four",
        "while the others ask questions",
    ],
}
TOPICS = [  # (id slug, nl, fr, en)
    ("stakeholderkaart", "Stakeholderkaart", "Carte des parties prenantes", "Stakeholder map"),
    ("klein-experiment", "Klein experiment", "Petite expérimentation", "Small experiment"),
    ("idee-scherpstellen", "Idee scherpstellen", "Affiner son idée", "Sharpening the idea"),
    (
        "collegas-laten-meedoen",
        "Collega's laten meedoen",
        "Impliquer ses collègues",
        "Bringing colleagues in",
    ),
    ("economische-meerwaarde", "Economische meerwaarde", "Valeur économique", "Economic value"),
    ("verhaal-vertellen", "Je verhaal vertellen", "Raconter son histoire", "Telling your story"),
    ("intervisie", "Intervisie", "Intervision", "Peer consultation"),
    ("bedrijfsbezoek", "Bedrijfsbezoek", "Visite d'entreprise", "Company visit"),
    (
        "persoonlijk-leiderschap",
        "Persoonlijk leiderschap",
        "Leadership personnel",
        "Personal leadership",
    ),
    (
        "taken-herverdelen",
        "Taken anders organiseren",
        "Réorganiser les tâches",
        "Redesigning tasks",
    ),
    ("netwerkmoment", "Netwerkmoment", "Moment de réseautage", "Networking event"),
    ("drempels-en-hefbomen", "Drempels en hefbomen", "Freins et leviers", "Barriers and levers"),
]
FOCUS = {
    "nl": [
        "eerste verkenning",
        "verdieping",
        "met het management",
        "op de werkvloer",
        "in de groep",
        "na de zomer",
    ],
    "fr": [
        "première exploration",
        "approfondissement",
        "avec la direction",
        "sur le lieu de travail",
        "en groupe",
        "après l'été",
    ],
    "en": [
        "first exploration",
        "going deeper",
        "with management",
        "on the work floor",
        "in the group",
        "after the summer",
    ],
}
STEP_TITLES = {
    "nl": [
        "Welkom en kennismaking",
        "Het idee voorstellen",
        "Drempels verzamelen",
        "Hefbomen zoeken",
        "Stakeholders in kaart",
        "Een experiment kiezen",
        "Terugkoppelen in de groep",
        "Afspraken maken",
        "Het werkblad invullen",
        "Slotronde",
    ],
    "fr": [
        "Accueil et présentations",
        "Présenter l'idée",
        "Rassembler les freins",
        "Chercher des leviers",
        "Cartographier les parties prenantes",
        "Choisir une expérimentation",
        "Retour en groupe",
        "Convenir d'accords",
        "Remplir la fiche de travail",
        "Tour de clôture",
    ],
    "en": [
        "Welcome and introductions",
        "Presenting the idea",
        "Collecting barriers",
        "Looking for levers",
        "Mapping stakeholders",
        "Choosing an experiment",
        "Reporting back to the group",
        "Making agreements",
        "Filling in the worksheet",
        "Closing round",
    ],
}
QUESTIONS = {
    "nl": [
        "Wat wil ik bereiken met mijn idee?",
        "Wie heb ik nodig om de volgende stap te zetten?",
        "Welke drempel houdt me vandaag het meest tegen?",
        "Welke hefboom kan ik deze maand gebruiken?",
        "Wat is mijn eerste kleine stap, en wanneer zet ik hem?",
        "Wat heb ik van de groep nodig?",
        "Hoe weet ik over drie maanden dat het gelukt is?",
        "Met wie deel ik wat ik vandaag geleerd heb?",
    ],
    "fr": [
        "Qu'est-ce que je veux atteindre avec mon idée ?",
        "De qui ai-je besoin pour franchir la prochaine étape ?",
        "Quel frein me retient le plus aujourd'hui ?",
        "Quel levier puis-je utiliser ce mois-ci ?",
        "Quel est mon premier petit pas, et quand vais-je le franchir ?",
        "De quoi ai-je besoin de la part du groupe ?",
        "Comment saurai-je dans trois mois que j'ai réussi ?",
        "Avec qui vais-je partager ce que j'ai appris aujourd'hui ?",
    ],
    "en": [
        "What do I want to achieve with my idea?",
        "Whom do I need to take the next step?",
        "Which barrier holds me back most today?",
        "Which lever can I use this month?",
        "What is my first small step, and when will I take it?",
        "What do I need from the group?",
        "How will I know in three months that it worked?",
        "With whom will I share what I learnt today?",
    ],
}
MATERIALS = {
    "nl": [
        "Flappen en stiften",
        "Post-its in drie kleuren",
        "Het werkblad van deze module",
        "Een grote tijdlijn op de muur",
        "Naamkaartjes",
        "Een timer",
    ],
    "fr": [
        "Des feuilles de paperboard et des marqueurs",
        "Des post-it de trois couleurs",
        "La fiche de travail de ce module",
        "Une grande ligne du temps au mur",
        "Des badges",
        "Un minuteur",
    ],
    "en": [
        "Flip charts and markers",
        "Sticky notes in three colours",
        "The worksheet of this module",
        "A large timeline on the wall",
        "Name badges",
        "A timer",
    ],
}
WORDS = {  # headings and small words, per language
    "nl": dict(
        why="Waarom deze module",
        steps="Stappen",
        variations="Variaties",
        coach="Voor de coach",
        worksheet="Werkblad",
        see="Zie ook",
        minutes="minuten",
        then="Daarna",
        and_="en",
        levers="Deze module trekt vooral aan de hefbomen",
        barriers="en helpt bij de drempels",
        session="Sessie",
        did="Wat we deden",
        stuck="Wat bleef hangen",
        context="Context",
        happened="Wat er gebeurde",
        learn="Wat je ervan kunt leren",
        chapter="Hoofdstuk",
        used="In deze sessie gebruikten we",
        source="Jaarverslag",
        traject="Traject",
        website="Website van",
    ),
    "fr": dict(
        why="Pourquoi ce module",
        steps="Étapes",
        variations="Variantes",
        coach="Pour le coach",
        worksheet="Fiche de travail",
        see="Voir aussi",
        minutes="minutes",
        then="Ensuite,",
        and_="et",
        levers="Ce module actionne surtout les leviers",
        barriers="et aide à lever les freins",
        session="Séance",
        did="Ce que nous avons fait",
        stuck="Ce que nous avons retenu",
        context="Contexte",
        happened="Ce qui s'est passé",
        learn="Ce qu'on peut en apprendre",
        chapter="Chapitre",
        used="Lors de cette séance, nous avons utilisé",
        source="Rapport annuel",
        traject="Parcours",
        website="Site web de",
    ),
    "en": dict(
        why="Why this module",
        steps="Steps",
        variations="Variations",
        coach="For the coach",
        worksheet="Worksheet",
        see="See also",
        minutes="minutes",
        then="Then",
        and_="and",
        levers="This module mainly pulls the levers",
        barriers="and helps with the barriers",
        session="Session",
        did="What we did",
        stuck="What stayed with us",
        context="Context",
        happened="What happened",
        learn="What you can learn from it",
        chapter="Chapter",
        used="In this session we used",
        source="Annual report",
        traject="Track",
        website="Website of",
    ),
}
ORGS = [
    "Kringloopcentrum Noord",
    "Groenwerk",
    "Atelier Circulair",
    "Bouwgroep Schelde",
    "Zorgnet Leie",
    "Drukkerij De Brug",
    "Voedselteam Oost",
    "Fietsatelier Zuid",
    "Textielhuis",
    "Energiecoöperatie Kempen",
]


def sentence(rng: random.Random, lang: str) -> str:
    s, v, o, t = (rng.randrange(10) for _ in range(4))
    subject = SUBJECTS[lang][s]
    if rng.random() < 0.3:  # "Daarna bespreekt de coach ...": Dutch puts the verb second
        subject = subject[0].lower() + subject[1:]
        head = (
            f"{WORDS[lang]['then']} {VERBS[lang][v]} {subject}"
            if lang == "nl"
            else f"{WORDS[lang]['then']} {subject} {VERBS[lang][v]}"
        )
    else:
        head = f"{subject} {VERBS[lang][v]}"
    return f"{head} {OBJECTS[lang][o]} {TAILS[lang][t]}."


def paragraph(rng, lang, n=(4, 7)) -> str:
    return " ".join(sentence(rng, lang) for _ in range(rng.randint(*n)))


def indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.split("\n"))


def title(kind: str, i: int, lang: str) -> str:
    topic = TOPICS[i % len(TOPICS)][LANGS.index(lang) + 1]
    focus = FOCUS[lang][(i // len(TOPICS)) % len(FOCUS)]
    if kind == "session":
        return f"{WORDS[lang]['session']} {i + 1}: {topic}"
    if kind == "practice":
        return f"{ORGS[i % len(ORGS)]}: {topic.lower() if lang != 'en' else topic}"
    if kind == "chapter":
        return f"{WORDS[lang]['chapter']} {i + 1}: {topic}"
    return f"{topic} {i + 1}: {focus}"


def item_id(kind: str, i: int) -> str:
    slug = TOPICS[i % len(TOPICS)][0]
    return {
        "module": f"{slug}-{i + 1:04d}",
        "session": f"{2018 + i % 8}-{1 + i % 12:02d}-{slug}-{i + 1}",
        "practice": f"praktijk-{slug}-{i + 1}",
        "chapter": f"kader-{slug}",
    }[kind]


# -- one item: structure (shared by all languages) and text (per language) -------------------------
class Corpus:
    """The structure of a synthetic methodology of `n` modules, and its text in any language."""

    FOLDERS = {
        "module": "modules",
        "session": "sessions",
        "practice": "practices",
        "chapter": "framework",
    }

    def __init__(self, n: int, seed: int = SEED):
        self.n, self.seed = n, seed
        self.counts = {
            "module": n,
            "session": max(1, n // 5),
            "practice": max(1, n // 5),
            "chapter": 6,
        }
        terms = {
            p.stem: yaml.safe_load(p.read_text("utf-8"))["terms"]
            for p in sorted((REPO / "methodology" / "vocabularies").glob("*.yml"))
        }
        self.vocab = {name: [t["id"] for t in ts] for name, ts in terms.items()}
        self.labels = {
            name: {t["id"]: {l: t[l]["label"] for l in LANGS} for t in ts}
            for name, ts in terms.items()
        }

    def rng(self, *key) -> random.Random:
        return random.Random(":".join(map(str, (self.seed, *key))))

    def structure(self, kind: str, i: int) -> dict:
        """The fields that are not translated: ids, terms, references, numbers."""
        r, v = self.rng(kind, i, "structure"), self.vocab
        mods = lambda k: [
            item_id("module", m)
            for m in r.sample(range(self.n), min(k, self.n))
            if m != i or kind != "module"
        ]
        common = {"id": item_id(kind, i)}
        if i % 7 == 0:
            common.update(
                authors=["Reset.Vlaanderen", "HOWEST", ORGS[i % len(ORGS)]],
                license=r.choice(["CC-BY-SA-4.0", "CC-BY-4.0"]),
            )
        if i % 11 == 3:
            common["adapted_from"] = (
                item_id(kind, (i + 1) % self.counts[kind])
                if i % 2
                else {
                    "title": f"Handboek lerende netwerken {i}",
                    "url": f"https://example.org/handboek/{i}",
                    "license": "CC-BY-4.0",
                    "authors": ["Flanders Synergy"],
                }
            )
            if i % 2:  # an adaptation of a ShareAlike item keeps its licence
                common["license"] = "CC-BY-SA-4.0"
        if i % 13 == 5:
            common["draft"] = False
        if kind == "module":
            lo = r.choice([3, 4, 6, 8])
            return {
                **common,
                "phase": r.choice(v["phases"]),
                "format": r.choice(v["formats"]),
                "duration": r.choice([60, 90, 120, 180, 240, 480]),
                "group_size": {"min": lo, "max": lo + r.choice([0, 4, 8])},
                "audience": r.sample(v["audiences"], r.randint(1, 3)),
                "levers": r.sample(v["levers"], r.randint(1, 4)),
                "barriers": r.sample(v["barriers"], r.randint(1, 3)),
                "related": mods(r.randint(2, 5)),
            }
        if kind == "session":
            return {
                **common,
                "date": f"{2018 + i % 8}-{1 + i % 12:02d}-{r.randint(1, 28):02d}",
                "cohort": f"Traject {2018 + i % 8}",
                "modules": mods(r.randint(1, 3)),
                "format": r.choice(v["formats"]),
                "participants": r.randint(4, 16),
                "example": i % 3 == 0,
            }
        if kind == "practice":
            start = r.randint(2012, 2022)
            period = {"start": start, "end": start + r.randint(1, 3)} if i % 4 else {"start": start}
            return {
                **common,
                "organisations": r.sample(ORGS, r.randint(1, 2)),
                "partners": [f"Provincie {r.choice(['Antwerpen', 'Limburg', 'West-Vlaanderen'])}"],
                "sector": r.choice(v["sectors"]),
                "region": r.choice(v["regions"]),
                "period": period,
                "levers": r.sample(v["levers"], r.randint(1, 4)),
                "barriers": r.sample(v["barriers"], r.randint(1, 3)),
                "modules": mods(r.randint(1, 3)),
                "links": [
                    {"title": f"{ORGS[i % len(ORGS)]}", "url": f"https://example.org/praktijk/{i}"}
                ],
                "contact": f"info@{TOPICS[i % len(TOPICS)][0]}.example.org",
                "consent": r.choice(["given", "public-sources"]),
            }
        return {**common, "order": i + 1}

    def text(self, kind: str, i: int, lang: str, struct: dict) -> tuple[dict, str]:
        """Translatable fields and Markdown body in `lang`; the same seed in every language."""
        r, w = self.rng(kind, i, "text"), WORDS[lang]
        sentences = lambda k: [sentence(r, lang) for _ in range(k)]
        fields = {"title": title(kind, i, lang), "summary": " ".join(sentences(2))}
        # Real modules name related modules in the front matter only; other items link to modules in
        # their text.
        link = lambda mid: f"[{title('module', int(mid[-4:]) - 1, lang)}](../modules/{mid}.md)"
        if kind == "module":
            fields.update(
                objectives=sentences(r.randint(3, 5)),
                materials=r.sample(MATERIALS[lang], r.randint(3, 6)),
                preparation=sentences(r.randint(2, 4)),
            )
            terms = (
                ", ".join(f"*{self.labels['levers'][t][lang]}*" for t in struct["levers"])
                + f" {w['barriers']} "
                + ", ".join(f"*{self.labels['barriers'][t][lang]}*" for t in struct["barriers"])
            )
            steps = []
            # The step minutes add up to the module's duration, as the check asks of real modules.
            share, rest = divmod(struct["duration"], 10)
            for n, s in enumerate(r.sample(range(10), 10), 1):
                minutes = share + (rest if n == 10 else 0)
                steps.append(
                    f"{n}. **{STEP_TITLES[lang][s]} ({minutes} {w['minutes']}).** "
                    + " ".join(sentences(2))
                )
            questions = "\n".join(
                f"{n}. {q}" for n, q in enumerate(r.sample(QUESTIONS[lang], 6), 1)
            )
            body = (
                f"## {w['why']}\n\n{paragraph(r, lang)}\n\n{paragraph(r, lang)}\n\n"
                f"{w['levers']} {terms}. {paragraph(r, lang, (2, 3))}\n\n"
                f"## {w['steps']}\n\n"
                + "\n".join(steps)
                + f"\n\n## {w['variations']}\n\n"
                + "\n".join(f"- {s}" for s in sentences(4))
                + f'\n\n!!! coach "{w["coach"]}"\n{indent(paragraph(r, lang))}\n\n'
                f"{indent(paragraph(r, lang, (3, 5)))}\n\n## {w['worksheet']}\n\n"
                f'!!! worksheet "{w["worksheet"]}: {fields["title"]}"\n'
                f"{indent(questions)}\n\n{w['see']}: "
                + ", ".join(
                    f"*{title('module', int(m[-4:]) - 1, lang)}*" for m in struct["related"]
                )
                + ".\n"
            )
        elif kind == "session":
            fields.update(
                takeaways=sentences(r.randint(2, 4)),
                tips=sentences(r.randint(2, 4)),
                follow_ups=sentences(r.randint(1, 2)),
            )
            body = (
                f"## {w['did']}\n\n{w['used']} "
                + f" {w['and_']} ".join(link(m) for m in struct["modules"])
                + f". {paragraph(r, lang)}\n\n{paragraph(r, lang)}\n\n"
                f"## {w['stuck']}\n\n{paragraph(r, lang)}\n"
            )
        elif kind == "practice":
            fields.update(
                results=[
                    {
                        "text": s,
                        "source": (
                            f"{w['source']} {struct['period']['start']}, "
                            f"{struct['organisations'][0]}"
                        ),
                    }
                    for s in sentences(3)
                ],
                lessons=sentences(r.randint(2, 4)),
            )
            body = (
                f"## {w['context']}\n\n{paragraph(r, lang)}\n\n"
                f"## {w['happened']}\n\n{paragraph(r, lang)}\n\n{paragraph(r, lang)}\n\n"
                f"## {w['learn']}\n\n{paragraph(r, lang)} "
                + ", ".join(link(m) for m in struct["modules"])
                + ".\n"
            )
        else:
            body = "".join(
                f"## {STEP_TITLES[lang][k]}\n\n{paragraph(r, lang)}\n\n" for k in range(4)
            )
            body += (
                f"{w['see']}: "
                + ", ".join(
                    link(item_id("module", m)) for m in r.sample(range(self.n), min(3, self.n))
                )
                + ".\n"
            )
        return fields, body

    def items(self):
        for kind, count in self.counts.items():
            for i in range(count):
                yield kind, i


def front_matter(fields: dict, body: str) -> str:
    return (
        "---\n"
        + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=100)
        + "---\n"
        + body
    )


def write_corpus(root: Path, n: int, plain: bool = False) -> Path:
    """A site root like the repository, with n modules and n/5 sessions and practices, in every
    language."""
    from methodkit.loading.loader import current_hash, load

    root.mkdir(parents=True)
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(REPO / name, root / name)
    for name in ("overrides", "docs", "methodology/schemas", "methodology/vocabularies"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "methodology" / "defaults.yml", root / "methodology" / "defaults.yml")
    corpus, texts = Corpus(n), {}
    for kind, i in corpus.items():
        folder = root / "methodology" / Corpus.FOLDERS[kind]
        folder.mkdir(exist_ok=True)
        struct = corpus.structure(kind, i)
        texts[kind, struct["id"]] = {lang: corpus.text(kind, i, lang, struct) for lang in LANGS}
        fields, body = texts[kind, struct["id"]]["nl"]
        (folder / f"{struct['id']}.md").write_text(
            front_matter({"id": struct["id"], **fields, **struct}, body), "utf-8"
        )
    trajectory = yaml.safe_load((REPO / "methodology" / "trajectory.yml").read_text("utf-8"))
    for k, step in enumerate(trajectory["steps"]):
        ids = [m for m in range(k * 3, k * 3 + 2) if m < n]
        step["modules"] = [item_id("module", m) for m in ids]
        # Each step gives its modules the time they need, as the check asks of the real trajectory.
        minutes = [corpus.structure("module", m)["duration"] for m in ids]
        if minutes:
            step["half_days"] = max(math.ceil(d / 120) for d in minutes) / 2
            step["times"] = max(step["times"], math.ceil(sum(minutes) / (step["half_days"] * 240)))
    (root / "methodology" / "trajectory.yml").write_text(
        yaml.safe_dump(trajectory, allow_unicode=True, sort_keys=False), "utf-8"
    )
    # Translations record the hash of their source, computed by the engine itself: all current.
    content, problems = load(root)
    if problems:
        raise SystemExit(
            "bench: the synthetic corpus has problems:\n"
            + "\n".join(p.text() for p in problems[:20])
        )
    for item in content.all_items():
        for lang in LANGS[1:]:
            fields, body = texts[item.kind, item.id][lang]
            meta = {
                "source_hash": current_hash(content, item),
                "translators": ["Vertaalbureau Brug"],
                "draft": False,
            }
            meta.update(
                {k: v for k, v in fields.items() if k in content.schemas.translatable(item.kind)}
            )
            (root / item.path).with_suffix(f".{lang}.md").write_text(
                front_matter(meta, body), "utf-8"
            )
            if plain:
                write_plain_page(root / f"plain-{lang}" / item.url.rstrip("/"), fields, body)
        if plain:
            fields, body = texts[item.kind, item.id]["nl"]
            write_plain_page(root / "plain-nl" / item.url.rstrip("/"), fields, body)
    return root


def write_plain_page(stem: Path, fields: dict, body: str) -> None:
    """What the same page would be in a plain MkDocs site: title, summary, body."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".md").write_text(
        f"# {fields['title']}\n\n{fields['summary']}\n\n{body}", "utf-8"
    )


# -- measurements ----------------------------------------------------------------------------------
def site_numbers(site: Path) -> dict:
    pages = list(site.rglob("*.html"))
    modules = [p for p in pages if p.parent.parent.name == "modules"]
    search = {
        lang: site / ("" if lang == LANGS[0] else lang) / "search" / "search_index.json"
        for lang in LANGS
    }
    return {
        "pages": len(pages),
        "site_mib": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
        "largest_page_kib": max((p.stat().st_size for p in modules), default=0) / 1024,
        "search_kib": {l: p.stat().st_size / 1024 for l, p in search.items() if p.exists()},
    }


def usage() -> dict:
    """Peak memory: the largest resident set of this process plus that of its largest child (Linux
    counts KiB). CPU seconds of this process and its children: unlike wall time, barely moved by
    other work on the machine."""
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return {
        "peak_mib": (me.ru_maxrss + children.ru_maxrss) / 1024,
        "cpu_s": me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime,
    }


def worker_build(root: Path) -> dict:
    from methodkit.mkdocs_adapter.build import build_site

    started = time.perf_counter()
    if build_site(root, strict=False, quiet=True) != 0:
        raise SystemExit("bench: the build failed")
    return {"build_s": time.perf_counter() - started, **site_numbers(root / "site"), **usage()}


def _plain_one(config_file: str, site_dir: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(config_file=config_file, site_dir=site_dir))


def worker_plain(root: Path) -> dict:
    """The same pages with plain Material: theme, search, our Markdown extensions, nothing of ours.
    One build per language folder, in parallel as `build_site` runs them (a worker per language)."""
    from methodkit.loading.config import _TolerantLoader
    from methodkit.mkdocs_adapter.build import new_pool

    ours = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=_TolerantLoader)
    for lang in LANGS:
        docs = root / f"plain-{lang}"
        (docs / "index.md").write_text(
            "# Plain Material\n\nThe same pages without methodkit.\n", "utf-8"
        )
        config = {
            "site_name": "Plain Material",
            "site_url": "https://example.org/plain/",
            "docs_dir": str(docs),
            "theme": {
                "name": "material",
                "language": lang,
                "font": False,
                "features": ours["theme"]["features"],
            },
            "plugins": ["search"],
            "markdown_extensions": ours["markdown_extensions"],
            "nav": ["index.md", {"Modules": f"modules/{item_id('module', 0)}.md"}],
        }
        (root / f"plain-{lang}.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    started = time.perf_counter()
    with new_pool(len(LANGS)) as pool:
        futures = [
            pool.submit(
                _plain_one, str(root / f"plain-{lang}.yml"), str(root / "plain-site" / lang)
            )
            for lang in LANGS
        ]
        for f in futures:
            f.result()
    site = root / "plain-site"
    return {
        "plain_s": time.perf_counter() - started,
        "plain_cpu_s": usage()["cpu_s"],
        "plain_pages": len(list(site.rglob("*.html"))),
        "plain_mib": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
    }


def run_worker(kind: str, root: Path) -> dict:
    """Run a measurement in a fresh interpreter, so its peak memory is its own."""
    for old in ("site", "plain-site"):  # every run starts from nothing, as the first did
        shutil.rmtree(root / old, ignore_errors=True)
    # Builds validate everything, as on a fresh CI machine: an empty check cache.
    with tempfile.TemporaryDirectory(prefix="methodkit-bench-cache-") as cache:
        proc = subprocess.run(
            [sys.executable, "-m", "tools.bench", "--worker", kind, str(root)],
            capture_output=True,
            text=True,
            cwd=root,
            # The worker runs in the corpus; `tools` is found in the repository.
            env={**os.environ, "METHODKIT_CACHE_DIR": cache, "PYTHONPATH": str(REPO)},
        )
    if proc.returncode != 0:
        raise SystemExit(f"bench: {kind} worker failed:\n{proc.stderr[-4000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["warnings"] = sum("WARNING" in line for line in proc.stderr.splitlines())
    return result


def methodkit_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "methodkit"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "methodkit.cli.main"]


def measure_check(root: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.run([*methodkit_cmd(), "check"], cwd=root, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(
            f"bench: methodkit check failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}"
        )
    return elapsed


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8")
    except OSError:
        return None


def measure_serve(root: Path, repeat: int = 1, timeout: float = 600) -> dict:
    """Seconds from saving a Dutch module to `methodkit serve` serving the rewritten page: a body
    edit (`repeat` times), then a title edit, until the list of modules shows it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    target = item_id("module", 1)
    url = f"http://127.0.0.1:{port}/modules/{target}/"
    path = root / "methodology" / "modules" / f"{target}.md"
    log = (root / "serve.log").open("w")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*methodkit_cmd(), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        while fetch(url) is None:
            if proc.poll() is not None or time.perf_counter() - started > timeout:
                raise SystemExit(
                    f"bench: methodkit serve did not come up (see {root / 'serve.log'})"
                )
            time.sleep(0.1)
        first, runs = time.perf_counter() - started, []
        for k in range(repeat):
            time.sleep(2)  # the file watcher takes its snapshot, the previous rebuild settles
            marker = f"Bench edit {k} {random.Random(SEED + k).randrange(10**9)} rewritten."
            edited = time.perf_counter()
            path.write_text(path.read_text("utf-8") + f"\n{marker}\n", "utf-8")
            while marker not in (fetch(url) or ""):
                if proc.poll() is not None or time.perf_counter() - edited > timeout:
                    tail = (root / "serve.log").read_text("utf-8", "replace").splitlines()[-15:]
                    raise SystemExit(
                        "bench: the edited page was never rewritten; the server said:\n"
                        + "\n".join(tail)
                    )
                time.sleep(0.02)
            runs.append(time.perf_counter() - edited)
        # A title shows in lists, on facet pages and on other items' pages: those are rendered again
        # too.
        time.sleep(2)
        marker = f"Bench title {random.Random(SEED).randrange(10**9)}"
        edited = time.perf_counter()
        path.write_text(
            re.sub(r"(?m)^title: .*$", f"title: {marker}", path.read_text("utf-8"), count=1),
            "utf-8",
        )
        while marker not in (fetch(f"http://127.0.0.1:{port}/modules/") or ""):
            if proc.poll() is not None or time.perf_counter() - edited > timeout:
                raise SystemExit("bench: the module list never showed the new title")
            time.sleep(0.02)
        return {
            "serve_s": min(runs),
            "serve_runs": runs,
            "serve_first_s": first,
            "serve_title_s": time.perf_counter() - edited,
        }
    finally:
        proc.send_signal(signal.SIGINT)  # the server cleans up its scratch folder on Ctrl+C
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def profile(n: int, lang: str = "nl", top: int = 30) -> None:
    """One language's build under cProfile, in this process: where a build's time goes."""
    import cProfile
    import logging
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from methodkit.loading.loader import load

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="methodkit-bench-") as tmp:
        root = write_corpus(Path(tmp) / f"n{n}", n)
        # As in `build_site`: the content is checked before the workers start, so a worker finds it
        # in the cache.
        os.environ["METHODKIT_CACHE_DIR"] = str(Path(tmp) / "cache")
        load(root)
        prof = cProfile.Profile()
        prof.enable()
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        config.plugins["methodkit"].config.update(lang=lang)
        build(config)
        prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.print_stats(r"/methodkit/", 15)  # our own layer
    stats.sort_stats("tottime").print_stats(top)


# -- report ----------------------------------------------------------------------------------------
def report(rows: dict, plain: dict, serve: dict, sizes: list[int], mid: int) -> str:
    head = (
        "targets: check_s < {check_s}, build_s < {build_s} (3x{mid}), "
        "per_page_growth < {per_page_growth}, site_ratio < {site_ratio}, "
        "cpu_per_page_ratio < {cpu_per_page_ratio}, serve_s < {serve_s}, "
        "page_kb < {page_kb}"
    ).format(mid=mid, **TARGETS)
    cols = [
        "N/lang",
        "check_s",
        "check_cold_s",
        "build_s",
        "build_cpu_s",
        "ms_per_page",
        "cpu_ms_per_page",
        "site_MiB",
        "largest_page_KiB",
        *[f"search_{l}_KiB" for l in LANGS],
        "peak_MiB",
        "pages",
        "warnings",
    ]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        head,
        (
            f"machine: {os.cpu_count()} cores, load average now {load}; "
            "build workers: one per language"
        ),
        "  ".join(f"{c:>{max(len(c), 7)}}" for c in cols),
    ]
    for n in sizes:
        r = rows[n]
        values = [
            f"3x{n}",
            f"{r['check_s']:.2f}",
            f"{r['check_cold_s']:.2f}",
            f"{r['build_s']:.2f}",
            f"{r['cpu_s']:.1f}",
            f"{r['ms_per_page']:.2f}",
            f"{r['cpu_s'] * 1000 / r['pages']:.2f}",
            f"{r['site_mib']:.1f}",
            f"{r['largest_page_kib']:.1f}",
            *[f"{r['search_kib'].get(l, 0):.0f}" for l in LANGS],
            f"{r['peak_mib']:.0f}",
            str(r["pages"]),
            str(r["warnings"]),
        ]
        lines.append("  ".join(f"{v:>{max(len(c), 7)}}" for v, c in zip(values, cols)))
    plain_ms = plain["plain_s"] * 1000 / plain["plain_pages"]
    lines.append(
        f"plain Material at 3x{mid}: {plain['plain_s']:.2f} s for {plain['plain_pages']} pages "
        f"({plain_ms:.2f} ms/page, {plain['plain_mib']:.1f} MiB); "
        f"ours: {rows[mid]['build_s']:.2f} s for {rows[mid]['pages']} pages "
        f"({rows[mid]['ms_per_page']:.2f} ms/page, "
        f"{rows[mid]['ms_per_page'] / plain_ms:.2f}x per page); "
        f"CPU time ours/plain: {rows[mid]['cpu_s']:.1f} / {plain['plain_cpu_s']:.1f} s = "
        f"{rows[mid]['cpu_s'] / plain['plain_cpu_s']:.2f}"
    )
    runs = lambda xs: " / ".join(f"{x:.2f}" for x in xs)
    lines.append(
        "build runs (s; the fastest counts): "
        + "; ".join(f"3x{n}: {runs(rows[n]['build_runs'])}" for n in sizes)
        + f"; plain 3x{mid}: {runs(plain['plain_runs'])}"
    )
    lines.append(
        f"serve at 3x{serve['n']}: first build served after {serve['serve_first_s']:.2f} s; "
        f"edit to page rewritten {runs(serve['serve_runs'])} s (a body: its pages rendered again); "
        f"title edit to module list rewritten {serve['serve_title_s']:.2f} s "
        "(and every page that shows the title)"
    )
    small, big = sizes[0], sizes[-1]
    cpu_ms = lambda n: rows[n]["cpu_s"] * 1000 / rows[n]["pages"]
    lines.append(
        f"per-page growth 3x{big} / 3x{small}: "
        f"wall {rows[big]['ms_per_page'] / rows[small]['ms_per_page']:.2f}, "
        f"CPU time {cpu_ms(big) / cpu_ms(small):.2f}"
    )
    plain_cpu_ms = plain["plain_cpu_s"] * 1000 / plain["plain_pages"]
    lines.append(
        f"bench: check_s={rows[big]['check_s']:.2f} build_s={rows[mid]['build_s']:.2f} "
        f"per_page_growth={rows[big]['ms_per_page'] / rows[small]['ms_per_page']:.2f} "
        f"site_ratio={rows[mid]['build_s'] / plain['plain_s']:.2f} "
        f"cpu_per_page_ratio={cpu_ms(mid) / plain_cpu_ms:.2f} serve_s={serve['serve_s']:.2f} "
        f"page_kb={rows[big]['largest_page_kib']:.2f}"
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--sizes",
        default="100,500,1000",
        help="modules per language, comma-separated (default 100,500,1000)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: 50 modules per language only"
    )
    parser.add_argument(
        "--serve-size", type=int, default=200, help="modules per language for the serve measurement"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        help="runs per measurement, the fastest counts: the machine may be busy "
        "with other work (default 2; 1 with --quick)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        help="profile one language's build at N modules and stop",
    )
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "ROOT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, root = args.worker
        print(json.dumps({"build": worker_build, "plain": worker_plain}[kind](Path(root))))
        return 0
    if args.profile:
        profile(args.profile)
        return 0
    args.repeat = args.repeat or (1 if args.quick else 2)
    sizes = [50] if args.quick else sorted(int(s) for s in args.sizes.split(","))
    serve_n = 50 if args.quick else args.serve_size
    mid = 500 if 500 in sizes else sizes[-1]  # where build time and the overhead are compared
    say = lambda msg: print(msg, file=sys.stderr, flush=True)
    rows, plain = {}, {}
    with tempfile.TemporaryDirectory(prefix="methodkit-bench-") as tmp:
        # `methodkit check` and serve keep their cache here; each corpus starts without one,
        # so the first check of a size is cold and the next ones find the files they checked.
        os.environ["METHODKIT_CACHE_DIR"] = str(Path(tmp) / "cache")
        for n in sizes:
            say(f"3x{n}: writing the corpus")
            root = write_corpus(Path(tmp) / f"n{n}", n, plain=n == mid)
            checks, builds, plains = [], [], []
            for k in range(args.repeat):  # ours and plain alternate, so a busy moment hits both
                say(
                    f"3x{n}: run {k + 1}/{args.repeat}: "
                    "methodkit check, the build of every language"
                    + (", plain Material" if n == mid else "")
                )
                checks.append(measure_check(root))
                builds.append(run_worker("build", root))
                if n == mid:
                    plains.append(run_worker("plain", root))
            rows[n] = {
                **min(builds, key=lambda b: b["build_s"]),
                "check_s": min(checks),
                "check_cold_s": checks[0],
                "peak_mib": max(b["peak_mib"] for b in builds),
                "build_runs": [b["build_s"] for b in builds],
            }
            rows[n]["ms_per_page"] = rows[n]["build_s"] * 1000 / rows[n]["pages"]
            if plains:
                plain = {
                    **min(plains, key=lambda b: b["plain_s"]),
                    "plain_runs": [b["plain_s"] for b in plains],
                }
            shutil.rmtree(root)
        say(f"3x{serve_n}: methodkit serve, {args.repeat} edit(s)")
        serve = {
            "n": serve_n,
            **measure_serve(write_corpus(Path(tmp) / f"serve{serve_n}", serve_n), args.repeat),
        }
    print(report(rows, plain, serve, sizes, mid))
    return 0


if __name__ == "__main__":
    sys.exit(main())
