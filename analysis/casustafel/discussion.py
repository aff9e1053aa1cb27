"""What the figures can carry of the dashboard's claim, and questions for the workshop.

Picks the districts and figures and decides which sentences apply; the sentences
themselves are in :mod:`analysis.casustafel.notes`.
"""

import polars as pl

from analysis.casustafel import notes
from analysis.casustafel.comparison import compare_casustafel, district_comparison_table, meetings_table
from analysis.casustafel.model import CLAIM_RATIO, CasustafelComparison, RowKind
from analysis.casustafel.wording import GROUP_WITH, GROUP_WITHOUT
from analysis.geography import UNIT

#: At most this many workshop questions.
MAX_PROMPTS = 4


def claim_notes(tidy: pl.DataFrame) -> list[str]:
    """What the dashboard's text claims about casustafels, and what the figures can and cannot carry.

    Sentences in the app's own words, with the figures filled in from the data.
    """
    strict = compare_casustafel(tidy, CLAIM_RATIO, include_care=False)
    care = compare_casustafel(tidy, CLAIM_RATIO, include_care=True)
    n_with, n_without = len(strict.with_districts), len(strict.without_districts)
    with_r, without_r = strict.with_ratio, strict.without_ratio
    more = with_r.numerator > without_r.numerator
    meetings = meetings_table(tidy)
    cases_without = meetings.filter(pl.col("groep") == GROUP_WITHOUT, pl.col("casussen").fill_null(0) > 0)
    split = meetings.filter(pl.col("casussen_tekst").str.contains(r"\+"))
    left_out = [*with_r.left_out, *without_r.left_out]
    found = [
        notes.CLAIM,
        notes.absolute_note(
            with_r, without_r, n_with, n_without, more=more, more_districts=more and n_with > n_without
        ),
        notes.care_note(care),
        notes.few_districts_note(n_with, n_without),
    ]
    impure = [
        notes.cases_without_meeting(r["district"], r["casussen"]) for r in cases_without.iter_rows(named=True)
    ]
    impure += [
        notes.split_cases(r["district"], r["casussen_tekst"], r["casussen"])
        for r in split.iter_rows(named=True)
    ]
    if impure:
        found.append(notes.impure_note(impure))
    if left_out:
        found.append(notes.left_out_note(left_out))
    return found


def casustafel_prompts(
    tidy: pl.DataFrame, comparison: CasustafelComparison, district: str = UNIT
) -> list[str]:
    """Two to four workshop questions from the comparison, the meetings and the selected district."""
    spec = comparison.spec
    include_care = comparison.include_care
    meetings = meetings_table(tidy)
    per_district = district_comparison_table(tidy, spec.key, include_care=include_care).filter(
        pl.col("soort") == RowKind.DISTRICT
    )
    prompts: list[str] = []
    if district != UNIT and district in meetings["district"].to_list():
        m = meetings.filter(pl.col("district") == district).row(0, named=True)
        r = per_district.filter(pl.col("gebied") == district).row(0, named=True)
        if m["groep"] == GROUP_WITH:
            prompts.append(
                notes.prompt_district_with(district, m["vergaderingen"], m["casussen_tekst"], r["tekst"])
            )
        else:
            prompts.append(notes.prompt_district_without(district, m["casussen"] or 0, r["tekst"]))
    with_rows = per_district.filter(pl.col("groep") == GROUP_WITH, pl.col("waarde").is_not_null())
    without_rows = per_district.filter(pl.col("groep") == GROUP_WITHOUT, pl.col("waarde").is_not_null())
    if not with_rows.is_empty() and not without_rows.is_empty():
        best_without = without_rows.sort("waarde", descending=True).row(0, named=True)
        lowest_with = with_rows.sort("waarde").row(0, named=True)
        if best_without["waarde"] > lowest_with["waarde"]:
            prompts.append(
                notes.prompt_better_without(
                    best_without["gebied"], best_without["tekst"], lowest_with["gebied"], lowest_with["tekst"]
                )
            )
    impure = meetings.filter(
        pl.col("groep") == GROUP_WITHOUT, pl.col("casussen").fill_null(0) > 0, pl.col("district") != district
    )
    if not impure.is_empty():
        r = impure.row(0, named=True)
        prompts.append(notes.prompt_impure(r["district"], r["casussen"]))
    if spec.with_care:
        other = compare_casustafel(tidy, spec.key, include_care=not include_care)
        strict, care = (comparison, other) if not include_care else (other, comparison)
        prompts.append(notes.prompt_care(strict.rate_ratio, care.rate_ratio))
    total_cases = int(meetings["casussen"].fill_null(0).sum())
    prompts.append(notes.prompt_total_cases(total_cases))
    return prompts[:MAX_PROMPTS]
