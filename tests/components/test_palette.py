"""The palette reaches WCAG 2.1 contrast: text 4.5:1, chart marks 3:1, on every background it is drawn on."""

import re
import tomllib
from pathlib import Path

import pytest

from analysis import palette
from analysis.palette import (
    CHART_BACKGROUNDS,
    MARK_COLORS,
    MARK_MIN_RATIO,
    OUTLINE_COLOR,
    OUTLINED_FILLS,
    TEXT_BACKGROUNDS,
    TEXT_COLORS,
    TEXT_MIN_RATIO,
    TEXT_ON_FILL,
    contrast_ratio,
    fill_reason,
    fmt_ratio,
    relative_luminance,
)
from components.charts import readable_config

ROOT = Path(__file__).resolve().parents[2]
#: The modules that draw charts: every colour they use must come from analysis.palette.
CHART_MODULES = sorted(
    [*ROOT.glob("components/*_charts.py"), ROOT / "components/charts.py", ROOT / "components/data_views.py"]
)
_HEX_LITERAL = re.compile(r"[\"']#[0-9a-fA-F]{3,8}[\"']")


def test_luminance_and_ratio_match_the_wcag_definition() -> None:
    # The WCAG reference points: black 0, white 1, and the ratios of well-known pairs.
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < TEXT_MIN_RATIO
    # Streamlit's own caption grey (text colour at 60%) that axe reported: 4.2:1.
    assert contrast_ratio("#777c83", "#ffffff") == pytest.approx(4.2, abs=0.05)
    assert contrast_ratio("#fff", "#000") == pytest.approx(21.0)


def test_ratio_is_written_the_dutch_way_and_never_rounded_up() -> None:
    assert fmt_ratio(4.499) == "4,4:1"
    assert fmt_ratio(21.0) == "21,0:1"


def test_a_colour_that_is_no_colour_is_refused_in_dutch() -> None:
    with pytest.raises(ValueError, match="Geen kleur"):
        relative_luminance("blauw")


@pytest.mark.parametrize("background", TEXT_BACKGROUNDS.items(), ids=list(TEXT_BACKGROUNDS))
@pytest.mark.parametrize("text", TEXT_COLORS.items(), ids=list(TEXT_COLORS))
def test_every_text_colour_reaches_4_5_to_1(text: tuple[str, str], background: tuple[str, str]) -> None:
    ratio = contrast_ratio(text[1], background[1])
    assert ratio >= TEXT_MIN_RATIO, f"{text[0]} {text[1]} op {background[0]}: {fmt_ratio(ratio)}"


@pytest.mark.parametrize("background", CHART_BACKGROUNDS.items(), ids=list(CHART_BACKGROUNDS))
@pytest.mark.parametrize("mark", MARK_COLORS.items(), ids=list(MARK_COLORS))
def test_every_chart_mark_reaches_3_to_1(mark: tuple[str, str], background: tuple[str, str]) -> None:
    ratio = contrast_ratio(mark[1], background[1])
    assert ratio >= MARK_MIN_RATIO, f"{mark[0]} {mark[1]} op {background[0]}: {fmt_ratio(ratio)}"


@pytest.mark.parametrize("pair", TEXT_ON_FILL.items(), ids=list(TEXT_ON_FILL))
def test_text_on_a_coloured_bar_reaches_4_5_to_1(pair: tuple[str, tuple[str, str]]) -> None:
    name, (text, fill) = pair
    ratio = contrast_ratio(text, fill)
    assert ratio >= TEXT_MIN_RATIO, f"{name}: {fmt_ratio(ratio)}"


def test_light_fills_have_a_reason_and_an_outline_that_reaches_3_to_1() -> None:
    for name in OUTLINED_FILLS:
        assert fill_reason(name), f"{name} has no reason to be exempt from 3:1"
    for background in CHART_BACKGROUNDS.values():
        assert contrast_ratio(OUTLINE_COLOR, background) >= MARK_MIN_RATIO


def test_the_okabe_ito_shades_that_failed_were_darkened() -> None:
    # Okabe-Ito's orange (#E69F00, 2.2:1) and reddish purple (#CC79A7, 3.1:1 on white but 2.8:1 on the
    # panel) are replaced; the three that passed keep their published values.
    districts = palette.DISTRICT_COLORS
    assert districts["Twente"] != "#E69F00"
    assert districts["Noord- en Oost-Gelderland"] != "#CC79A7"
    assert [districts[d] for d in ("IJsselland", "Gelderland-Zuid", "Gelderland-Midden")] == [
        "#0072B2",
        "#009E73",
        "#D55E00",
    ]
    assert len(set(districts.values())) == len(districts)


def test_the_theme_and_the_palette_agree() -> None:
    theme = tomllib.loads((ROOT / ".streamlit/config.toml").read_text())["theme"]
    assert theme["backgroundColor"].lower() == palette.PAGE_BACKGROUND
    assert theme["secondaryBackgroundColor"].lower() == palette.PANEL_BACKGROUND
    assert theme["textColor"].lower() == palette.TEXT_COLOR
    assert theme["primaryColor"].lower() == palette.ACCENT_COLOR


@pytest.mark.parametrize("module", CHART_MODULES, ids=[m.name for m in CHART_MODULES])
def test_chart_modules_take_every_colour_from_the_palette(module: Path) -> None:
    """A colour written straight into a chart module would escape the contrast tests above."""
    literals = [
        f"{module.name}:{number}: {line.strip()}"
        for number, line in enumerate(module.read_text().splitlines(), start=1)
        if _HEX_LITERAL.search(line.split("#:")[0]) and not line.lstrip().startswith("#")
    ]
    assert not literals, "colours outside analysis.palette:\n" + "\n".join(literals)


def test_charts_draw_text_dark_and_marks_at_full_strength() -> None:
    """Streamlit's axis grey (#808495, 3.7:1) and Vega-Lite's 70% point opacity would undo the palette."""
    config: dict = {"axis": {"labelFontSize": 12}, "point": {"size": 60}}
    readable_config(config)
    assert config["axis"] == {
        "labelFontSize": 12,
        "labelColor": palette.LABEL_COLOR,
        "titleColor": palette.LABEL_COLOR,
    }
    assert config["legend"]["labelColor"] == palette.LABEL_COLOR
    assert config["title"]["subtitleColor"] == palette.CAPTION_COLOR
    assert config["point"] == {"opacity": 1, "size": 60}
    assert all(config[mark]["opacity"] == 1 for mark in ("circle", "square", "tick", "bar"))
    assert contrast_ratio("#808495", palette.PAGE_BACKGROUND) < TEXT_MIN_RATIO
