"""Taking new records in from articles, without Dash:

* :mod:`~dashboard.intake.article`: uploaded bytes -> clean text (encoding, HTML);
* :mod:`~dashboard.intake.figures`: the figures of a text with their audit, the
  highlighted spans, and the record form (its fields, labels and placeholders,
  prefill from a picked figure, problems by field);
* news at scale: :mod:`~dashboard.intake.fetch` (URLs and files, capped),
  :mod:`~dashboard.intake.feeds` (RSS/Atom), :mod:`~dashboard.intake.news`
  (main text, date, language), :mod:`~dashboard.intake.vocabulary` (words,
  places and company names as data), :mod:`~dashboard.intake.candidates`,
  :mod:`~dashboard.intake.linking` (the project a figure restates),
  :mod:`~dashboard.intake.ingest` (sources -> review queue) and
  :mod:`~dashboard.intake.tasks` (the same on Celery workers).

The "Add from article" view (:mod:`dashboard.ui.views.article`) only connects
these functions to its inputs.
"""
