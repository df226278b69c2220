"""Method cards, the workbook and the participant version, written by the real engine (WeasyPrint),
read back with poppler (pdftotext, pdftoppm) and zbar (zbarimg)."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from methodkit.publishing.pdf_names import trainer_pack
from methodkit.publishing.pdf_names import workbook as workbook_pdf
from sitekit import page

MODULES = [
    "opening",
    "verkenning",
    "dagdeel",
    "afsluiting",
    "dagtocht",
]  # the fixture's track order
TITLES = {
    "opening": "Opening in de kring",
    "verkenning": "Het idee verkennen",
    "dagdeel": "Een halve dag samen",
    "afsluiting": "Afsluiten",
    "dagtocht": "Een dag op bezoek",
}
A4_POINTS = (595.3, 841.9)
# What only the coach gets, written into the fixture with these markers.
COACH_ONLY = [
    "PREP-",
    "SCRIPT-",
    "COACHNOTITIE",
    "Naambordjes",
    "Flip-over en stiften",
    "Post-its",
    "Een timer",
]


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def text(
    pdf: Path, first: int | None = None, last: int | None = None, body_only: bool = False
) -> str:
    """The text of a PDF, or of some pages; `body_only` leaves out the running header and footer."""
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    if body_only:  # inside the page margins of pdf.css (18 mm top, 20 mm bottom)
        args += ["-x", "0", "-y", "52", "-W", "596", "-H", str(842 - 52 - 57)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def squeezed(value: str) -> str:
    """Text without spaces, in capitals: poppler splits letter-spaced capitals
    ("T RAINERSPAKKET")."""
    return re.sub(r"\s", "", value).upper()


def lines_with_boxes(pdf: Path, number: int) -> list[tuple[str, float, float]]:
    """(text, x, y) of every line on a page, from pdftotext's bounding boxes."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    out = []
    for line in ET.fromstring(xml).iter("{http://www.w3.org/1999/xhtml}line"):
        words = [w.text for w in line.iter("{http://www.w3.org/1999/xhtml}word")]
        out.append((" ".join(words), float(line.get("xMin")), float(line.get("yMin"))))
    return out


def slot(x: float, y: float) -> tuple[int, int]:
    """(row, column) of the card a point lies on: two columns, two rows on the sheet."""
    return int(y > A4_POINTS[1] / 2), int(x > A4_POINTS[0] / 2)


def module_urls(site: Path, lang: str) -> dict[str, str]:
    """Each module's published address in `lang`, from the site's own catalog.json."""
    catalog = json.loads((site / "catalog.json").read_text("utf-8"))
    return {i["id"]: i["languages"][lang]["url"] for i in catalog["items"] if i["type"] == "module"}


@pytest.fixture(scope="module")
def deck(trainer_site) -> Path:
    return trainer_site / "downloads" / "cards-nl.pdf"


def test_card_deck_has_an_even_page_count_and_every_title_on_a_front(deck):
    count = pages(deck)
    assert count % 2 == 0 and count == 4  # five cards: two sheets, each a front and a back
    fronts = [text(deck, n) for n in range(1, count + 1, 2)]
    for title in TITLES.values():
        assert sum(title in front for front in fronts) == 1, title
    # Each front credits the writers beside the title, the address (QR) and the licence.
    assert all(
        squeezed(front).count("TEKST:") == squeezed(front).count("CCBY-SA4.0") > 0
        for front in fronts
    )


def test_each_back_follows_its_front_at_the_mirrored_position(deck):
    for front in range(1, pages(deck) + 1, 2):
        on_front = {
            t: slot(x, y) for t, x, y in lines_with_boxes(deck, front) if t in TITLES.values()
        }
        on_back = {t: slot(x, y) for t, x, y in lines_with_boxes(deck, front + 1)}
        assert on_front, f"no title on page {front}"
        for title, (row, column) in on_front.items():
            # The back names its module in capitals, in the same row and the other column:
            # flipped on the long edge, it lands behind its front.
            assert on_back.get(title.upper()) == (row, 1 - column), (title, front)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_qr_code_opens_its_module_page_in_the_decks_language(trainer_site, tmp_path, lang):
    deck = trainer_site / (lang if lang != "nl" else "") / "downloads" / f"cards-{lang}.pdf"
    urls = module_urls(trainer_site, lang)
    titles = {"nl": TITLES, "fr": {**TITLES, "opening": "Ouverture en cercle"}}[lang]
    decoded_all = []
    for front in range(1, pages(deck) + 1, 2):
        image = tmp_path / f"{lang}-{front}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "200",
                "-gray",
                "-png",
                "-singlefile",
                "-f",
                str(front),
                "-l",
                str(front),
                str(deck),
                str(image),
            ],
            check=True,
        )
        found = subprocess.run(
            ["zbarimg", "--raw", "-q", str(image) + ".png"], capture_output=True, text=True
        )
        decoded = sorted(found.stdout.split())
        on_page = text(deck, front)
        expected = sorted(urls[m] for m, title in titles.items() if title in on_page)
        assert decoded == expected, f"page {front}"
        decoded_all += decoded
    assert sorted(decoded_all) == sorted(urls.values())
    if lang == "fr":
        assert all("/fr/modules/" in u for u in decoded_all)


def test_the_cards_carry_edition_and_licence(deck):
    front = text(deck, 1)
    assert front.count("CC BY-SA 4.0") == 4
    assert front.count("1 maart 2026") == 4  # the date of the content's commit
    assert text(deck, 2).count("1 maart 2026") == 4


def test_card_backs_hold_objectives_short_steps_and_materials(deck):
    back = text(deck, 2)
    assert "DOEL-OPENING" in back and "Welkom (10 minuten)" in back and "Naambordjes" in back
    assert "SCRIPT-" not in back  # the steps as short lines, not the coach's script


def test_workbook_holds_every_worksheet_in_the_order_of_the_track(trainer_site):
    workbook = trainer_site / "downloads" / "workbook-nl.pdf"
    content = text(workbook)
    positions = [content.find(f"WERKBLAD-{m.upper()}") for m in MODULES]
    assert -1 not in positions and positions == sorted(positions)
    assert content.count("Naam:") == len(MODULES) and content.count("Datum:") == len(MODULES)
    assert "WERKBOEKVOORDEELNEMERS" in squeezed(text(workbook, 1))
    assert not any(marker in content for marker in COACH_ONLY)


def test_a_worksheet_pdf_per_module_with_only_its_own_worksheet(trainer_site):
    for module in MODULES:
        content = text(trainer_site / "downloads" / f"{module}-worksheet-nl.pdf")
        assert f"WERKBLAD-{module.upper()}" in content and "Naam:" in content
        others = [m for m in MODULES if m != module and f"WERKBLAD-{m.upper()}" in content]
        assert others == []
        # A participant's sheet carries its attribution: licence and the module's address.
        flat = squeezed(content)
        assert "CCBY-SA4.0" in flat and f"/MODULES/{module.upper()}/" in flat


def test_a_worksheet_of_eight_questions_fits_on_one_page_with_its_credit(trainer_site):
    """Eight questions of two lines (dagtocht's), the line for name and date and the attribution:
    one sheet, not a second page holding a last question or the credit alone."""
    pdf = trainer_site / "downloads" / "dagtocht-worksheet-nl.pdf"
    assert pages(pdf) == 1
    assert "8. Vraag 8 over het bezoek" in text(pdf) and "CCBY-SA4.0" in squeezed(text(pdf))


def test_participant_version_holds_none_of_the_coachs_preparation(trainer_site):
    for module in MODULES:
        pdf = trainer_site / "downloads" / f"{module}-participant-nl.pdf"
        content = text(pdf)
        left = [marker for marker in COACH_ONLY if marker in content]
        assert left == [], f"{module}: {left}"
        assert f"WERKBLAD-{module.upper()}" in content and f"DOEL-{module.upper()}" in content
        handout = page(trainer_site, f"modules/{module}/handout/").select_one("article").get_text()
        assert [marker for marker in COACH_ONLY if marker in handout] == []
    opening = text(trainer_site / "downloads" / "opening-participant-nl.pdf")
    # What it is for, in the participants' own words, and what they will do.
    assert "DEELNEMERSTEKST-OPENING" in opening and "Welkom (10 minuten)" in opening
    assert "Een korte opening waarin de groep kennismaakt" not in opening
    coach = text(trainer_site / "downloads" / "opening-coach-nl.pdf")
    assert "PREP-OPENING" in coach and "SCRIPT-WELKOM" in coach
    # A version in a language the module is not translated into says so, as its page does; a
    # translated one does not.
    assert "Pas encore traduit" not in text(
        trainer_site / "fr/downloads/opening-participant-fr.pdf"
    )
    for version in ("participant", "coach"):
        french = text(trainer_site / "fr" / "downloads" / f"verkenning-{version}-fr.pdf")
        assert "Pas encore traduit" in french and "WERKBLAD-VERKENNING" in french


def _licence_only(body: str) -> bool:
    """A page whose text is the licence block or the page's address alone."""
    rest = [
        line
        for line in body.splitlines()
        if line.strip()
        and not re.search(
            r"Licentie|Licence|License|Naamsvermelding|Attribution|Crédit|https?://"
            r"|^\s*\S+/\S*/?\s*$|CC BY",
            line,
        )
    ]
    return not rest


def test_no_page_of_any_pdf_is_empty_or_holds_only_the_licence(trainer_site):
    pdfs = sorted(trainer_site.glob("downloads/*.pdf")) + sorted(
        trainer_site.glob("*/downloads/*.pdf")
    )
    assert len(pdfs) >= 3 * (3 * len(MODULES) + 3)
    for pdf in pdfs:
        cards = pdf.name.startswith("cards-")
        for number in range(1, pages(pdf) + 1):
            body = text(pdf, number, body_only=not cards)
            assert body.strip(), f"{pdf.name}: page {number} is empty"
            assert not _licence_only(body), (
                f"{pdf.name}: page {number} holds only the licence:\n{body}"
            )


def test_running_header_and_footer_name_module_site_edition_and_page(trainer_site):
    coach = trainer_site / "downloads" / "opening-coach-nl.pdf"
    assert pages(coach) >= 2
    second = text(coach, 2)
    header, footer = second.strip().splitlines()[0], second.strip().splitlines()[-1]
    assert "Opening in de kring" in header and "De Nieuwe Samenzweerders" in header
    assert re.search(r"Versie \w+ · 1 maart 2026\s+2\s*/\s*\d", footer), footer
    # The licence block once, and no address printed after the badge.
    whole = text(coach)
    assert whole.count("Licentie:") == 1
    assert not re.search(r"cc by sa \(https?://", whole, re.I)


def test_chips_print_without_stray_separators(trainer_site):
    content = text(trainer_site / "downloads" / "dagdeel-participant-nl.pdf")
    assert re.search(r"Intrapreneurs, Coaches", content), content[:800]
    assert " ," not in content and ",," not in content


def test_the_trainer_pack_has_a_cover_with_publisher_version_and_date(trainer_site, tmp_path):
    pack = trainer_site / "downloads" / "trainer-pack-nl.pdf"
    cover = text(pack, 1)
    assert (
        "PROEF-UITGEVER" in cover
        and "1 maart 2026" in cover
        and "TRAINERSPAKKET" in squeezed(cover)
    )
    # The emblem is drawn on the cover: the page has ink above the title, where the logo sits.
    from PIL import Image

    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            str(pack),
            str(tmp_path / "cover"),
        ],
        check=True,
    )
    image = Image.open(tmp_path / "cover.png").convert("L")
    kind_y = next(y for t, x, y in lines_with_boxes(pack, 1) if squeezed(t) == "TRAINERSPAKKET")
    top = image.crop((0, 0, image.width, int(kind_y / A4_POINTS[1] * image.height) - 2))
    assert sum(top.histogram()[:200]) > 50, "no logo above the cover's title"


def test_pages_render_with_ink(trainer_site, tmp_path):
    """Every page of the deck and the workbook, drawn as an image, carries something to see."""
    from PIL import Image

    for pdf in (
        trainer_site / "downloads" / "cards-nl.pdf",
        trainer_site / "downloads" / "workbook-nl.pdf",
    ):
        subprocess.run(
            ["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(tmp_path / pdf.stem)],
            check=True,
        )
        images = sorted(tmp_path.glob(pdf.stem + "-*.png"))
        assert len(images) == pages(pdf)
        for image in images:
            dark = Image.open(image).convert("L").histogram()[:128]
            dark = sum(dark)
            assert dark > 30, f"{image.name} is (nearly) blank"


def test_the_pack_and_the_workbook_keep_their_pages_links_and_images(trainer_site):
    """The pack and the workbook are read from the site's root, while each article was written
    for its own page: every link still leads into the site (not above its address) and the
    images are in the PDF."""
    site_url = "https://example.org/samenzweerders/"
    for pdf in (trainer_pack("nl"), workbook_pdf("nl")):
        urls = subprocess.run(
            ["pdfinfo", "-url", str(trainer_site / pdf)], capture_output=True, text=True, check=True
        ).stdout
        links = [line.split()[-1] for line in urls.splitlines()[1:] if line.strip()]
        assert any("/modules/opening/" in link for link in links), (pdf, links)
        assert all(link.startswith((site_url, "https://creativecommons.org/")) for link in links), (
            pdf,
            links,
        )
    images = subprocess.run(
        ["pdfimages", "-list", str(trainer_site / trainer_pack("nl"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert any(" 60    40 " in line for line in images), images  # the sketch, 60 x 40 pixels
