"""The Dash dashboard: the app factory (:mod:`~dashboard.ui.app`), component
ids (:mod:`~dashboard.ui.ids`), the page (:mod:`~dashboard.ui.layout`), the
controls (:mod:`~dashboard.ui.controls`, built from the view-state field
table) and one module per view with its callbacks (:mod:`dashboard.ui.views`).
Callbacks are thin: the work is done by :mod:`dashboard.query`,
:mod:`dashboard.present` and :mod:`dashboard.intake`."""
