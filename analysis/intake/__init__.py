"""Bringing in next year's figures without a developer: read an upload, validate it, compare years.

Three steps, all pure Python (no Streamlit):

1. Read (:mod:`~analysis.intake.upload`, with :mod:`~analysis.intake.text` for text and
   CSV and :mod:`~analysis.intake.workbook` / :mod:`~analysis.intake.xlsx` for the Excel
   template): an uploaded file becomes the layout text the parser reads.
2. Validate (:mod:`~analysis.intake.validate`, locations by
   :mod:`~analysis.intake.locate`): errors block a year, warnings do not.
3. Compare (:mod:`~analysis.intake.compare`): two years side by side, and changed
   municipalities.

What a finding is and its codes live in :mod:`~analysis.intake.findings`; every Dutch
sentence lives in :mod:`~analysis.intake.wording`, so a change of wording never touches
a function that computes.

The names below are the package's public interface (``from analysis.intake import X``).
"""

from analysis.intake.compare import COMPARE_SCHEMA, area_changes, compare_years
from analysis.intake.findings import Finding, FindingCode, IntakeError, IntakeResult, Upload, UploadKind
from analysis.intake.upload import MAX_UPLOAD_BYTES, load_upload, read_upload
from analysis.intake.validate import FIRST_YEAR, YEAR_FIELD_RANGE, check_upload, validate, year_from_name
from analysis.intake.xlsx import column_letter

__all__ = [
    # findings and results
    "Finding",
    "FindingCode",
    "IntakeError",
    "IntakeResult",
    "Upload",
    "UploadKind",
    # reading an upload
    "MAX_UPLOAD_BYTES",
    "column_letter",
    "load_upload",
    "read_upload",
    # validating a year
    "FIRST_YEAR",
    "YEAR_FIELD_RANGE",
    "check_upload",
    "validate",
    "year_from_name",
    # comparing years
    "COMPARE_SCHEMA",
    "area_changes",
    "compare_years",
]
