"""Check messages in Dutch: the English message and hint, translated at the output.

The checker builds every message from a fixed set of English phrases; each has
a pattern here. A test runs every class of bad input with `--lang nl` and
fails when a message comes out untranslated.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

WORDS_NL = {
    "lever": "hefboom",
    "barrier": "drempel",
    "phase": "fase",
    "format": "werkvorm",
    "audience": "doelgroep",
    "sector": "sector",
    "region": "regio",
    "module": "module",
    "session": "sessie",
    "practice": "praktijk",
    "chapter": "hoofdstuk",
    "an e-mail address": "een e-mailadres",
    "a phone number": "een telefoonnummer",
    "a list": "een lijst",
    "text": "tekst",
    "a set of fields": "een reeks velden",
    "a whole number": "een geheel getal",
    "a number": "een getal",
    "true or false": "true of false",
    "true/false": "true/false",
    "empty": "leeg",
    "a true/false value": "een true/false-waarde",
    "at least": "minstens",
    "at most": "hoogstens",
}


def _w(m: re.Match, name: str) -> str:
    return WORDS_NL.get(m.group(name), m.group(name))


def _repeated(m: re.Match) -> str:
    """A problem repeated in one file, reported once with a count (policy.group_repeats)."""
    where = ("regels " if m.group("w") == "lines" else "regel ") + m.group("l")
    return f"{_translate(m.group('m'), MESSAGES_NL)}, {m.group('n')} keer ({where})"


# (English pattern, Dutch replacement: a string with \g<name> groups, or a function of the match)
MESSAGES_NL = [
    (r"(?P<m>.+), (?P<n>\d+) times \((?P<w>lines?) (?P<l>[\d, .]+)\)", _repeated),
    # timings (timings.py) and term lists (terms.py)
    (
        r"step (?P<n>\d+) names no minutes, the other steps do",
        r"stap \g<n> noemt geen minuten, de andere stappen wel",
    ),
    (
        r"the steps add up to (?P<t>\d+) minutes, the module's duration is (?P<d>\d+)",
        r"de stappen tellen op tot \g<t> minuten, de duur van de module is \g<d>",
    ),
    (
        r"module '(?P<m>[^']+)' takes (?P<d>\d+) minutes, one time of step '(?P<s>[^']+)' is (?P<h>[\d.]+) half-day\(s\), (?P<g>[\d.]+) minutes",
        r"module '\g<m>' duurt \g<d> minuten, één keer stap '\g<s>' is \g<h> dagdeel of dagdelen, \g<g> minuten",
    ),
    (
        r"the modules of step '(?P<s>[^']+)' need (?P<n>\d+) minutes \((?P<l>[^)]*)\), the step gives (?P<g>[\d.]+) "
        r"\((?P<t>\d+) × (?P<h>[\d.]+) half-day\(s\) of (?P<m>\d+) minutes\)",
        r"de modules van stap '\g<s>' hebben \g<n> minuten nodig (\g<l>), de stap geeft er \g<g> "
        r"(\g<t> × \g<h> dagdeel of dagdelen van \g<m> minuten)",
    ),
    (r"'(?P<v>.+)' is a variant of '(?P<u>.+)'", r"'\g<v>' is een variant van '\g<u>'"),
    (r"'(?P<v>.+)' is the preferred term itself", r"'\g<v>' is zelf de voorkeursterm"),
    (r"'(?P<v>.+)' is listed twice", r"'\g<v>' staat er twee keer"),
    (r"cannot be read: (?P<e>.*)", r"kan niet gelezen worden: \g<e>"),
    (r"is a binary file, not text", "is een binair bestand, geen tekst"),
    (r"is not valid UTF-8 text", "is geen geldige UTF-8-tekst"),
    (r"is not valid YAML: (?P<e>.*)", r"is geen geldige YAML: \g<e>"),
    (r"uses a YAML alias \(\*name\)", "gebruikt een YAML-alias (*naam)"),
    (r"is given twice \(first on line (?P<n>\d+)\)", r"staat er twee keer (eerst op regel \g<n>)"),
    (r"is empty", "is leeg"),
    (r"is missing", "ontbreekt"),
    (r"is not closed", "is niet afgesloten"),
    (
        r"is (?P<k>.+), not a set of fields",
        lambda m: (
            f"is {WORDS_NL.get(m.group('k').removeprefix('a '), m.group('k'))}, geen reeks velden"
        ),
    ),
    (r"is required but missing", "is verplicht maar ontbreekt"),
    (r"is not allowed in methodology content", "mag niet in de inhoud van de methode"),
    (r"is not a known field", "is geen bekend veld"),
    (
        r"must be (?P<a>a list|text|a set of fields|a whole number|a number|true or false), not (?P<b>.+)",
        lambda m: f"moet {_w(m, 'a')} zijn, geen {_w(m, 'b')}",
    ),
    (r"unknown value (?P<v>.+)", r"onbekende waarde \g<v>"),
    (r"(?P<v>.+) is not a valid id", r"\g<v> is geen geldig id"),
    (r"(?P<v>.+) is not a web address", r"\g<v> is geen webadres"),
    (r"(?P<v>.+) is not a source version", r"\g<v> is geen bronversie"),
    (r"(?P<v>.+) has the wrong form", r"\g<v> heeft de verkeerde vorm"),
    (r"has the wrong form", "heeft de verkeerde vorm"),
    (r"(?P<v>.+) is not a valid date", r"\g<v> is geen geldige datum"),
    (r"(?P<v>.+) is out of range", r"\g<v> valt buiten het toegelaten bereik"),
    (r"must be (?P<v>.+)", r"moet \g<v> zijn"),
    (r"vocabulary '(?P<v>.+)' is missing", r"woordenlijst '\g<v>' ontbreekt"),
    (r"term '(?P<v>.+)' has no label in (?P<l>.+)", r"term '\g<v>' heeft geen label in \g<l>"),
    (r"has no label in (?P<l>.+)", r"heeft geen label in \g<l>"),
    (r"'(?P<v>.+)' is not a site language", r"'\g<v>' is geen taal van deze site"),
    (r"id '(?P<v>.+)' is used twice", r"id '\g<v>' komt twee keer voor"),
    (r"is not a Markdown file", "is geen Markdown-bestand"),
    (
        r"is in '(?P<v>.+)', the language (?P<f>\S+) is written in",
        r"is in het '\g<v>', de taal waarin \g<f> geschreven is",
    ),
    (r"has a name with more than one dot", "heeft een naam met meer dan één punt"),
    (r"'(?P<v>.+)' does not match the file name", r"'\g<v>' komt niet overeen met de bestandsnaam"),
    (r"'(?P<v>.+)' is already used", r"'\g<v>' is al in gebruik"),
    (r"translates '(?P<v>.+)', which does not exist", r"vertaalt '\g<v>', dat niet bestaat"),
    (
        r"unknown (?P<k>lever|barrier|phase|format|audience|sector|region|module|session|practice|chapter) '(?P<v>.+)'",
        lambda m: f"onbekende {_w(m, 'k')} '{m.group('v')}'",
    ),
    (r"refers to the item itself", "verwijst naar zichzelf"),
    (
        r"(?P<k>module|session|practice|chapter) '(?P<v>.+)' is a draft",
        lambda m: f"{_w(m, 'k')} '{m.group('v')}' is een ontwerp",
    ),
    (
        r"(?P<s>.+) is under (?P<l>.+), which allows no adaptations \(ND\)",
        r"\g<s> staat onder \g<l>, die geen aanpassingen toelaat (ND)",
    ),
    (
        r"(?P<s>.+) is under (?P<l>.+) \(non-commercial\), so the adaptation must be NC too, not (?P<o>.+)",
        r"\g<s> staat onder \g<l> (niet-commercieel), dus de aanpassing moet ook NC zijn, niet \g<o>",
    ),
    (
        r"(?P<s>.+) is under (?P<l>.+) \(ShareAlike\), so the adaptation must use the same licence, not (?P<o>.+)",
        r"\g<s> staat onder \g<l> (GelijkDelen), dus de aanpassing moet dezelfde licentie gebruiken, niet \g<o>",
    ),
    (
        r"contains template syntax '(?P<v>.+)' that is not a macro call",
        r"bevat sjabloontaal '\g<v>' die geen macro oproept",
    ),
    (r"contains template syntax '(?P<v>.+)'", r"bevat sjabloontaal '\g<v>'"),
    (r"HTML tag <(?P<v>.+)> is not allowed", r"HTML-tag <\g<v>> is niet toegelaten"),
    (
        r"HTML tag <(?P<v>.+)> is not closed where it should be",
        r"HTML-tag <\g<v>> is niet afgesloten waar het hoort",
    ),
    (
        r"value '(?P<v>.*)' of '(?P<a>.+)' on <(?P<t>.+)> is not allowed",
        r"waarde '\g<v>' van '\g<a>' op <\g<t>> is niet toegelaten",
    ),
    (
        r"event-handler attribute '(?P<a>.+)' on <(?P<t>.+)> is not allowed",
        r"event-handler-attribuut '\g<a>' op <\g<t>> is niet toegelaten",
    ),
    (
        r"attribute '(?P<a>.+)' on <(?P<t>.+)> is not allowed",
        r"attribuut '\g<a>' op <\g<t>> is niet toegelaten",
    ),
    (r"link '(?P<v>.+)' uses a forbidden scheme", r"link '\g<v>' gebruikt een verboden schema"),
    (r"image '(?P<v>.+)' comes from another site", r"afbeelding '\g<v>' komt van een andere site"),
    (
        r"image '(?P<v>.+)' is not in the repository",
        r"afbeelding '\g<v>' staat niet in de repository",
    ),
    (
        r"image '(?P<v>.+)' is not found from the page",
        r"afbeelding '\g<v>' wordt vanaf de pagina niet gevonden",
    ),
    (r"image '(?P<v>.+)' is in HTML", r"afbeelding '\g<v>' staat in HTML"),
    (r"link '(?P<v>.+)' leads to no page", r"link '\g<v>' leidt naar geen enkele pagina"),
    (r"link '(?P<v>.+)' leads to a draft", r"link '\g<v>' leidt naar een ontwerp"),
    (r"an SVG image with a DTD or entities", "een SVG-afbeelding met een DTD of entiteiten"),
    (
        r"is not a readable SVG image \(not well-formed XML\)",
        "is geen leesbare SVG-afbeelding (geen goedgevormde XML)",
    ),
    (
        r"is not an SVG image \(no <svg> element in the SVG namespace\)",
        "is geen SVG-afbeelding (geen <svg>-element in de SVG-naamruimte)",
    ),
    (r"an SVG image with the element <(?P<v>.+)>", r"een SVG-afbeelding met het element <\g<v>>"),
    (
        r"an SVG image with the attribute '(?P<a>.+)' on <(?P<t>.+)>",
        r"een SVG-afbeelding met het attribuut '\g<a>' op <\g<t>>",
    ),
    (
        r"an SVG image with a link to another file or host \('(?P<v>.*)'\)",
        r"een SVG-afbeelding met een link naar een ander bestand of een andere host ('\g<v>')",
    ),
    (
        r"is (?P<k>a symbolic link|a named pipe|a device|not a regular file|gone)",
        lambda m: (
            "is "
            + {
                "a symbolic link": "een symbolische link",
                "a named pipe": "een named pipe",
                "a device": "een apparaat",
                "not a regular file": "geen gewoon bestand",
                "gone": "verdwenen",
            }[m.group("k")]
        ),
    ),
    (r"is not content", "is geen inhoud"),
    (
        r"has a control character \(a line break, a tab \.\.\.\) in its name",
        "heeft een stuurteken (een regeleinde, een tab ...) in de naam",
    ),
    (
        r"'(?P<v>.+)' is not a template for site pages",
        r"'\g<v>' is geen sjabloon voor pagina's van de site",
    ),
    (
        r"nests lists and fields (?P<v>\d+) levels deep",
        r"nest lijsten en velden \g<v> niveaus diep",
    ),
    (
        r"'(?P<v>.+)' names a page the site makes itself",
        r"'\g<v>' is de naam van een pagina die de site zelf maakt",
    ),
    (r"is not valid JSON: (?P<v>.+)", r"is geen geldige JSON: \g<v>"),
    (r"is neither a page nor an image", "is geen pagina en geen afbeelding"),
    (r"is named like a language code", "heeft de naam van een taalcode"),
    (r"has a dot in its name", "heeft een punt in de naam"),
    (
        r"is nested or marked too deeply to be rendered",
        "is te diep genest of gemarkeerd om weer te geven",
    ),
    (
        r"use fewer levels of lists, boxes or emphasis marks \(\*, _\) in a row",
        "gebruik minder niveaus van lijsten, kaders of nadrukstekens (*, _) na elkaar",
    ),
    (r"is not a field of a site page", "is geen veld van een sitepagina"),
    (r"'(?P<v>.+)' is not a language code", r"'\g<v>' is geen taalcode"),
    (
        r"name a translation <id>\.<lang>\.md, with lang one of (?P<v>.+)",
        r"noem een vertaling <id>.<taal>.md, met als taal een van \g<v>",
    ),
    (
        r"an SVG image with a processing instruction",
        "een SVG-afbeelding met een verwerkingsinstructie",
    ),
    (r"is not a (?P<f>\w+) image", r"is geen \g<f>-afbeelding"),
    (
        r"save the image again in the format its name says, or rename it",
        "bewaar de afbeelding opnieuw in het formaat dat de naam zegt, of hernoem ze",
    ),
    (r"is not a list of parts to hide", "is geen lijst van te verbergen delen"),
    (
        r"'(?P<v>.+)' is not an address a page may link to",
        r"'\g<v>' is geen adres waarnaar een pagina mag linken",
    ),
    (
        r"link to a page of the site, or to an https:// or mailto: address",
        "link naar een pagina van de site, of naar een https://- of mailto:-adres",
    ),
    (r"cannot be read as Markdown", "kan niet als Markdown gelezen worden"),
    (r"contains HTML", "bevat HTML"),
    (
        r"contains (?P<k>an e-mail address|a phone number) \((?P<v>.+)\)",
        lambda m: f"bevat {_w(m, 'k')} ({m.group('v')})",
    ),
    (r"must be a set of fields", "moet een reeks velden zijn"),
    (
        r"still holds the stand-in '(?P<v>.+)' of methodkit new",
        r"bevat nog de voorlopige tekst '\g<v>' van methodkit new",
    ),
    (
        r"has (?P<n>\d+) words, the publication policy asks at least (?P<m>\d+) for a (?P<k>\w+)",
        lambda m: (
            f"telt {m.group('n')} woorden, het publicatiebeleid vraagt er minstens {m.group('m')} voor een {_w(m, 'k')}"
        ),
    ),
    (
        r"lacks numbered steps \(1\. \.\.\., 2\. \.\.\.\)",
        "mist genummerde stappen (1. ..., 2. ...)",
    ),
    (r"lacks a coach note (?P<v>.+)", r"mist een coachnotitie \g<v>"),
    (r"lacks a worksheet (?P<v>.+)", r"mist een werkblad \g<v>"),
    (r"lacks a source in a footnote (?P<v>.+)", r"mist een bron in een voetnoot \g<v>"),
    (
        r"has no translation into '(?P<l>.+)' \((?P<f>.+)\)",
        r"heeft geen vertaling naar '\g<l>' (\g<f>)",
    ),
    (
        r"the translation into '(?P<l>.+)' is still a draft",
        r"de vertaling naar '\g<l>' is nog een ontwerp",
    ),
    (r"the translation into '(?P<l>.+)' is out of date", r"de vertaling naar '\g<l>' is verouderd"),
    (r"'(?P<v>.+)' is not an item type", r"'\g<v>' is geen soort onderdeel"),
    (
        r"unknown (?P<k>section|translation language) '(?P<v>.+)'",
        lambda m: (
            {"section": "onbekend onderdeel", "translation language": "onbekende vertaaltaal"}[
                m.group("k")
            ]
            + f" '{m.group('v')}'"
        ),
    ),
]

HINTS_NL = [
    (r"check the file's permissions", "controleer de rechten op het bestand"),
    (r"save it as UTF-8 text, or remove it", "bewaar het als UTF-8-tekst, of verwijder het"),
    (
        r"save the file with UTF-8 encoding in your editor",
        "bewaar het bestand met UTF-8-codering in je editor",
    ),
    (r"indent with spaces, not tabs", "spring in met spaties, niet met tabs"),
    (
        r"close the quote, or leave the quotes out",
        "sluit het aanhalingsteken, of laat de aanhalingstekens weg",
    ),
    (
        r"put a value that contains ': ' between quotes",
        "zet een waarde met ': ' tussen aanhalingstekens",
    ),
    (
        r"check values with a tag such as !!int, !!bool or !!timestamp",
        "controleer waarden met een tag zoals !!int, !!bool of !!timestamp",
    ),
    (
        r"check quotes, colons and indentation",
        "controleer aanhalingstekens, dubbele punten en inspringing",
    ),
    (
        r"write the value out in full; anchors and aliases are not supported",
        "schrijf de waarde volledig uit; ankers en aliassen worden niet ondersteund",
    ),
    (r"keep one of the two", "hou er één van de twee"),
    (
        r"start with front matter between two '---' lines",
        "begin met de velden tussen twee regels '---'",
    ),
    (
        r"the file must start with a line '---', the fields, and another '---'",
        "het bestand moet beginnen met een regel '---', de velden en nog een '---'",
    ),
    (r"add a line '---' after the last field", "zet een regel '---' na het laatste veld"),
    (r"write one 'field: value' per line", "schrijf één 'veld: waarde' per regel"),
    (
        r"add '(?P<f>[^']+):'(?P<rest>.*)",
        lambda m: (
            f"voeg '{m.group('f')}:' toe"
            + (f": {_field_help(m.group('f'))}" if m.group("rest") else "")
        ),
    ),
    (
        r"content is never rendered as a template; remove this field",
        "inhoud wordt nooit als sjabloon verwerkt; verwijder dit veld",
    ),
    (r"did you mean '(?P<v>.+)'\?", r"bedoel je '\g<v>'?"),
    (r"allowed fields: (?P<v>.+)", r"toegelaten velden: \g<v>"),
    (
        r"put the text between quotes: a ': ' inside it makes YAML read it as a field",
        "zet de tekst tussen aanhalingstekens: een ': ' erin laat YAML hem als veld lezen",
    ),
    (
        r"write a list, e.g. \[a, b\] or one '- value' per line",
        "schrijf een lijst, bv. [a, b] of één '- waarde' per regel",
    ),
    (r"allowed: (?P<v>.+)", r"toegelaten: \g<v>"),
    (
        r"use lower-case letters, digits and single hyphens, e.g. '(?P<v>.+)'",
        r"gebruik kleine letters, cijfers en enkele koppeltekens, bv. '\g<v>'",
    ),
    (r"start it with https://", "begin met https://"),
    (
        r"copy the version that `methodkit status` prints",
        "neem de versie over die `methodkit status` toont",
    ),
    (r"it must match (?P<v>.+)", r"het moet overeenkomen met \g<v>"),
    (r"write it as YYYY-MM-DD, e.g. (?P<v>.+)", r"schrijf JJJJ-MM-DD, bv. \g<v>"),
    (r"give at least one value", "geef minstens één waarde"),
    (
        r"it must be (?P<w>at least|at most) (?P<v>.+)",
        lambda m: f"het moet {_w(m, 'w')} {m.group('v')} zijn",
    ),
    (r"create it with a 'terms:' list", "maak het aan met een lijst 'terms:'"),
    (
        r"add a label and a description for every site language",
        "geef een label en een beschrijving in elke taal van de site",
    ),
    (r"site languages: (?P<v>.+)", r"talen van de site: \g<v>"),
    (r"first on line (?P<v>\d+)", r"eerst op regel \g<v>"),
    (r"items in (?P<v>.+)/ are <id>.md files", r"onderdelen in \g<v>/ zijn <id>.md-bestanden"),
    (
        r"a translation's language differs from its source's \(lang: (?P<v>.+)\)",
        r"een vertaling is in een andere taal dan haar bron (lang: \g<v>)",
    ),
    (
        r"name it <id>.md, or <id>.<lang>.md for a translation",
        "noem het <id>.md, of <id>.<taal>.md voor een vertaling",
    ),
    (
        r"rename the file to (?P<a>.+) or set id: (?P<b>.+)",
        r"hernoem het bestand naar \g<a> of zet id: \g<b>",
    ),
    (r"by (?P<v>.+); ids are unique", r"door \g<v>; ids zijn uniek"),
    (r"the source must be (?P<v>.+)", r"de bron moet \g<v> zijn"),
    (
        r"it must lie between start_month and months \((?P<v>.+)\)",
        r"het moet tussen start_month en months (\g<v>) liggen",
    ),
    (r"no file (?P<f>\S+); known: (?P<v>.+)", r"geen bestand \g<f>; bekend: \g<v>"),
    (r"known: (?P<v>.+)", r"bekend: \g<v>"),
    (r"remove it", "verwijder het"),
    (
        r"give the id of an item of the same type, or \{title, url, license\} for an external work",
        "geef het id van een onderdeel van hetzelfde type, of {title, url, license} voor een extern werk",
    ),
    (
        r"choose a compatible licence in 'license:', or adapt another source",
        "kies een verenigbare licentie in 'license:', of pas een andere bron aan",
    ),
    (
        r"a site page may only call the site's macros, written as \{\{ name\(\) \}\}: (?P<v>.+)",
        r"een pagina van de site mag alleen de macro's van de site oproepen, als {{ naam() }}: \g<v>",
    ),
    (
        r"content is data and never a template: .*",
        "inhoud is tekst en nooit een sjabloon: schrijf een accolade als &#123; of &#125;, "
        "of zet de tekst in `code`; voor een id bij een titel schrijf je '{ #id }' met een spatie",
    ),
    (
        r"write Markdown instead; allowed tags: (?P<v>.+)",
        r"schrijf Markdown; toegelaten tags: \g<v>",
    ),
    (
        r"close every tag you open, in the order you opened them, inside the same block",
        "sluit elke tag die je opent, in de volgorde waarin je ze opende, binnen hetzelfde blok",
    ),
    (
        r"classes and ids are names \(letters, digits, '-', '_'\); ids do not start with '__'; no 'mermaid' class",
        "klassen en ids zijn namen (letters, cijfers, '-', '_'); ids beginnen niet met '__'; geen klasse 'mermaid'",
    ),
    (r"remove it: content may not run scripts", "verwijder het: inhoud mag geen scripts uitvoeren"),
    (
        r"use an https:// address or a relative link",
        "gebruik een https://-adres of een relatieve link",
    ),
    (
        r"put the file in (?P<v>.+)/ or correct the address",
        r"zet het bestand in \g<v>/ of verbeter het adres",
    ),
    (
        r"save the drawing as plain SVG \(shapes, text, gradients; no scripts, styles or links to other files\), or as PNG",
        "bewaar de tekening als gewone SVG (vormen, tekst, kleurverlopen; geen scripts, stijlen of links naar andere bestanden), of als PNG",
    ),
    (
        r"only regular files are content: put the file itself here, not a link to it",
        "alleen gewone bestanden zijn inhoud: zet het bestand zelf hier, geen link ernaar",
    ),
    (
        r"methodology/ holds items, vocabularies, the trajectory and the schemas; keep other files elsewhere",
        "methodology/ bevat onderdelen, woordenlijsten, het traject en de schema's; bewaar andere bestanden elders",
    ),
    (
        r"choose one of (?P<v>.+), or leave the field out",
        r"kies een van \g<v>, of laat het veld weg",
    ),
    (
        r"at most (?P<v>\d+) levels: write the value out flat",
        r"hoogstens \g<v> niveaus: schrijf de waarde plat uit",
    ),
    (
        r"give the item another id \(and file name\)",
        "geef het onderdeel een ander id (en een andere bestandsnaam)",
    ),
    (r"the schemas are code: fix the file", "de schema's zijn code: verbeter het bestand"),
    (
        r"docs/ holds Markdown pages and images; the site publishes nothing else",
        "docs/ bevat Markdown-pagina's en afbeeldingen; de site publiceert niets anders",
    ),
    (
        r"rename it: the name would break the lines of a report",
        "geef het een andere naam: die zou de regels van een verslag breken",
    ),
    (
        r"the site writes files such as feed.xml and catalog.json itself: .*",
        "de site schrijft zelf bestanden zoals feed.xml en catalog.json: geef een pagina een naam met letters, cijfers en "
        "koppeltekens, en haar vertalingen <naam>.<taal>.md",
    ),
    (
        r"the site puts each language under /<code>/: give the page another name",
        "de site zet elke taal onder /<code>/: geef de pagina een andere naam",
    ),
    (
        r"the page of an item in a sub-folder is published in (?P<f>.+)/: write '(?P<v>.+)'",
        r"de pagina van een onderdeel in een submap staat in \g<f>/: schrijf '\g<v>'",
    ),
    (
        r"link to an item as \.\./modules/<id>\.md \(or name it in related:\)",
        "link naar een item als ../modules/<id>.md (of noem het in related:)",
    ),
    (
        r"the site leaves (?P<v>.+) out until it is ready: remove the link or publish the draft",
        r"de site laat \g<v> weg tot het klaar is: verwijder de link of publiceer het ontwerp",
    ),
    (
        r"write it in Markdown, !\[description\]\(file\), so its address works on every page",
        "schrijf ze in Markdown, ![beschrijving](bestand), zodat het adres op elke pagina klopt",
    ),
    (
        r"put the image in the repository next to the page and link it relatively: .*",
        "zet de afbeelding in de repository naast de pagina en link er relatief naar: pagina's mogen niets van andere hosts laden",
    ),
    (r"simplify the text around unusual characters", "vereenvoudig de tekst rond ongewone tekens"),
    (
        r"front-matter fields are plain text; remove the tags",
        "velden zijn gewone tekst; verwijder de tags",
    ),
    (
        r"no personal data in a session summary: give counts and general descriptions, never names or contacts",
        "geen persoonsgegevens in een sessieverslag: geef aantallen en algemene beschrijvingen, nooit namen of contactgegevens",
    ),
    (
        r"no personal data in a practice; an organisation's general address belongs in 'contact:'",
        "geen persoonsgegevens in een praktijk; het algemene adres van een organisatie hoort in 'contact:'",
    ),
    (
        r"'(?P<v>.+)' is the label of '(?P<id>.+)': write the id, (?P<id2>.+)",
        r"'\g<v>' is het label van '\g<id>': schrijf het id, \g<id2>",
    ),
    (
        r"the site leaves (?P<v>.+) out until it is ready: remove it here or publish the draft",
        r"de site laat \g<v> weg tot het klaar is: verwijder het hier of publiceer het ontwerp",
    ),
    # timings (timings.py) and term lists (terms.py)
    (
        r"write its time in the bold lead, e\.g\. (?P<e>.*)",
        r"schrijf de tijd in de vetgedrukte aanhef, bv. \g<e>",
    ),
    (
        r"correct the minutes of the steps, or duration: when the steps are right",
        "verbeter de minuten van de stappen, of duration: als de stappen kloppen",
    ),
    (
        r"the duration is set in (?P<p>\S+); translate the minutes of its steps",
        r"de duur staat in \g<p>; vertaal de minuten van de stappen daar",
    ),
    (
        r"give the step more half_days, or move the module to a step that has the time",
        "geef de stap meer half_days, of zet de module bij een stap die de tijd heeft",
    ),
    (
        r"give the step more times or half_days, or fewer modules",
        "geef de stap meer times of half_days, of minder modules",
    ),
    (
        r"write '(?P<u>[^']+)'(?P<w>: .*)?",
        lambda m: f"schrijf '{m.group('u')}'" + (m.group("w") or ""),
    ),
    (r"remove it from avoid:", "haal hem uit avoid:"),
    (r"first in terms\[(?P<n>\d+)\]; keep one", r"eerst in terms[\g<n>]; hou er één"),
    (
        r"name it <lang>\.yml with lang one of (?P<l>.*)",
        r"noem het <taal>.yml, met als taal een van \g<l>",
    ),
    (r"allowed here: (?P<f>[a-z_, ]+)", r"hier toegelaten: \g<f>"),
    (r"write 'license:' and 'based_on:'", "schrijf 'license:' en 'based_on:'"),
    (r"see the schema", "zie het schema"),
    (
        r"write your own text here, or keep draft: true until the item is ready",
        "schrijf hier je eigen tekst, of hou draft: true tot het onderdeel klaar is",
    ),
    (
        r"write more, or keep draft: true until it is ready",
        "schrijf meer, of hou draft: true tot het klaar is",
    ),
    (
        r"the publication policy asks for it in every (?P<k>\w+)",
        lambda m: f"het publicatiebeleid vraagt het in elke {_w(m, 'k')}",
    ),
    (r"start one with: (?P<v>.+)", r"begin er een met: \g<v>"),
    (r"finish it and remove draft: true", "maak ze af en verwijder draft: true"),
    (
        r"bring it up to date with (?P<f>\S+), then set source_hash: (?P<h>\S+)",
        r"werk ze bij volgens \g<f> en zet dan source_hash: \g<h>",
    ),
    (r"one entry per item type: (?P<v>.+)", r"één blok per soort onderdeel: \g<v>"),
    (r"item types: (?P<v>.+)", r"soorten onderdelen: \g<v>"),
    (r"a number of words, e.g. 300", "een aantal woorden, bv. 300"),
]


@lru_cache(maxsize=1)
def _help() -> dict:
    return yaml.safe_load(
        (Path(__file__).parents[1] / "model" / "field_help.yml").read_text("utf-8")
    )


def _field_help(field: str) -> str:
    """The Dutch explanation of a field (its name without list indexes or parents)."""
    name = re.sub(r"\[\d+\]", "", field).split(".")[-1]
    return _help().get(name, {}).get("nl", "")


def _translate(text: str, table) -> str:
    for pattern, replacement in table:
        m = re.fullmatch(pattern, text)
        if m:
            return replacement(m) if callable(replacement) else m.expand(replacement)
    return text


def to_dutch(problem):
    from methodkit.checks.problems import Problem

    hint = _translate(problem.hint, HINTS_NL) if problem.hint else ""
    if hint and hint == problem.hint and _field_help(problem.field):
        hint = _field_help(problem.field)  # a schema description: its Dutch twin
    return Problem(
        problem.path, problem.line, problem.field, _translate(problem.message, MESSAGES_NL), hint
    )


def in_language(problem, lang: str):
    """A problem in `lang` when its messages exist in it (Dutch), else as the checker wrote it (English)."""
    return to_dutch(problem) if lang == "nl" else problem
