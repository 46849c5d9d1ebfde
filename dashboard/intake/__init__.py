"""Taking new records in from articles, without Dash:

* :mod:`~dashboard.intake.article`: uploaded bytes -> clean text (encoding, HTML);
* :mod:`~dashboard.intake.figures`: the figures of a text with their audit, the
  highlighted spans, and the record form (its fields, labels and placeholders,
  prefill from a picked figure, problems by field).

The "Add from article" view (:mod:`dashboard.ui.views.article`) only connects
these functions to its inputs.
"""
